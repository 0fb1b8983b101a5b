"""Validators of what people type about themselves, with messages they can act on."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalize_phone(value: str) -> str:
    """+90 and ten digits, from what people type: "0 (212) 555 12 34", "+90 532 …"."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("90") and len(digits) == 12:
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        digits = digits[1:]
    if len(digits) != 10 or digits[0] not in "2345789":
        raise ValidationError(
            _("Telefon numarasını alan koduyla yazın, örneğin 0212 555 12 34."), code="phone"
        )
    return f"+90 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
