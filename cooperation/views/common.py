"""Pieces the platform's pages share."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.models import Province
from core.permissions import require


def status_history(record, *, shown_as: str = "") -> list[dict]:
    """A record's status changes for its page: when, who, from, to and why.

    People appear by name, never by e-mail address. With ``shown_as`` (for readers outside the
    organisation that made the changes) every person appears as that name instead, usually the
    organisation's.
    """
    labels = dict(type(record).Status.choices)
    rows = []
    for change in record.history():
        if not change.by_id:
            by = _("Portal")
        else:
            by = shown_as or change.by.full_name or _("Adı girilmemiş kullanıcı")
        rows.append(
            {
                "at": change.at,
                "by": by,
                "from": labels.get(change.from_status, change.from_status),
                "to": labels.get(change.to_status, change.to_status),
                "note": change.note,
            }
        )
    return rows


def coordinated_province(request, plate: int) -> Province:
    """The province with this plate code (404 if none), for its coordinators only (403)."""
    province = get_object_or_404(Province, code=plate)
    require(request.user, "province.coordinate", province)
    return province
