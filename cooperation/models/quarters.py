"""Calendar quarters: the periods targets, indicator values and reports count in."""

import datetime

from django.utils.translation import gettext_lazy as _

QUARTERS = [
    (1, _("1. çeyrek (Ocak–Mart)")),
    (2, _("2. çeyrek (Nisan–Haziran)")),
    (3, _("3. çeyrek (Temmuz–Eylül)")),
    (4, _("4. çeyrek (Ekim–Aralık)")),
]


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a calendar quarter."""
    first = datetime.date(year, 3 * quarter - 2, 1)
    if quarter == 4:
        return first, datetime.date(year, 12, 31)
    return first, datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)
