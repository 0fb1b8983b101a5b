"""Province coordination meetings (il koordinasyon toplantısı) and their action items.

A province's coordinators record who met (public institutions and accredited organisations),
the agenda, minutes and decisions, and the action items decided: each with a responsible
institution, partners, a due date, optionally the indicator it serves, and a status that moves
only through ``accreditation.lifecycle.transition`` (``workflow.ACTION_ITEM_LIFECYCLE``).
Members of an organisation that took part read the meetings it attended; nobody else does.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import Organisation
from core.audit import audit
from core.exceptions import DomainError
from core.lifecycle import record_start
from core.models import Province
from core.permissions import can, require

from .models import ActionItem, Indicator, Meeting
from .permissions import platform_organisations

AUDIT_ACTIONS = {
    "portal.meeting.create": gettext_lazy("Koordinasyon toplantısı kaydedildi"),
    "portal.meeting.update": gettext_lazy("Koordinasyon toplantısı güncellendi"),
    "portal.action_item.create": gettext_lazy("Eylem maddesi eklendi"),
    "portal.action_item.update": gettext_lazy("Eylem maddesi güncellendi"),
}

MEETING_FIELDS = ("title", "held_on", "place", "institutions", "agenda", "minutes", "decisions")
ACTION_FIELDS = (
    "title",
    "responsible_institution",
    "partner_institutions",
    "due_on",
    "indicator",
    "note",
)
I = ActionItem.Status  # noqa: E741
# An item that is done or cancelled is a record of what happened: reopen it to change it.
CLOSED_STATUSES = (I.DONE, I.CANCELLED)


class MeetingError(DomainError):
    """A rule of coordination meetings refused the operation."""


# --- Validation helpers -----------------------------------------------------------------------


def _full_clean(record, errors: dict[str, list[str]]) -> None:
    """Run the model's checks, adding to ``errors`` (keyed by field) rather than replacing."""
    try:
        # Who recorded it is the service's to set, not something to validate.
        record.full_clean(exclude={*errors, "created_by"})
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)


def _lines(text: str) -> str:
    """One institution a line: blank lines and surrounding spaces dropped."""
    return "\n".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _new_organisations_refused(
    organisations: Iterable[Organisation], already: set[int]
) -> list[str]:
    """Names of newly chosen organisations that are not accredited today. Organisations
    already on the record stay even if their accreditation has lapsed since: the record says
    who took part then."""
    accredited = set(
        Organisation.objects.accredited()
        .filter(pk__in=[o.pk for o in organisations])
        .values_list("pk", flat=True)
    )
    return [o.display_name for o in organisations if o.pk not in accredited and o.pk not in already]


# --- Meetings ---------------------------------------------------------------------------------


def _meeting_save(meeting: Meeting, *, data: dict, by, creating: bool) -> Meeting:
    already = set() if creating else set(meeting.organisations.values_list("pk", flat=True))
    if "organisations" in data or creating:
        organisations = list(data.get("organisations") or [])
    else:
        organisations = list(meeting.organisations.all())
    for field in MEETING_FIELDS:
        if field in data:
            value = data[field]
            if isinstance(value, str):
                value = value.strip()
            setattr(meeting, field, value)
    meeting.institutions = _lines(meeting.institutions)
    errors: dict[str, list[str]] = {}
    if not meeting.held_on:
        errors["held_on"] = [_("Toplantı tarihini girin.")]
    if not (meeting.agenda or "").strip():
        errors["agenda"] = [_("Gündemi yazın.")]
    refused = _new_organisations_refused(organisations, already)
    if refused:
        errors["organisations"] = [
            _("Yalnızca akredite kuruluşlar eklenebilir: %(names)s.")
            % {"names": ", ".join(refused)}
        ]
    if not organisations and not meeting.institutions:
        errors.setdefault("institutions", []).append(
            _("Toplantıya katılan en az bir kurum ya da kuruluş girin.")
        )
    _full_clean(meeting, errors)
    if errors:
        raise ValidationError(errors)
    meeting.save()
    if "organisations" in data or creating:
        meeting.organisations.set(organisations)
    return meeting


@transaction.atomic
def meeting_create(*, province: Province, data: dict, by) -> Meeting:
    """Record a coordination meeting of ``province``. ``data`` holds the meeting's fields and
    ``organisations`` (the accredited organisations that took part). Raises ValidationError
    keyed by field; nothing is saved then."""
    require(by, "province.coordinate", province)
    meeting = Meeting(province=province, created_by=by)
    meeting = _meeting_save(meeting, data=data, by=by, creating=True)
    audit(meeting, "portal.meeting.create", user=by, data={"province": province.pk})
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, data: dict, by) -> Meeting:
    """Correct or complete a meeting (minutes and decisions are often written afterwards).
    The province does not change."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require(by, "province.coordinate", meeting.province)
    meeting = _meeting_save(meeting, data=data, by=by, creating=False)
    audit(meeting, "portal.meeting.update", user=by, data={"fields": sorted(data)})
    return meeting


# --- Action items -----------------------------------------------------------------------------


def _action_save(item: ActionItem, *, data: dict, creating: bool) -> ActionItem:
    partners = list(data.get("partner_organisations") or [])
    previous_indicator = item.indicator_id
    already = set() if creating else set(item.partner_organisations.values_list("pk", flat=True))
    for field in ACTION_FIELDS:
        if field in data:
            value = data[field]
            if isinstance(value, str):
                value = value.strip()
            setattr(item, field, value)
    errors: dict[str, list[str]] = {}
    if not item.due_on:
        errors["due_on"] = [_("Son tarihi girin.")]
    elif item.due_on < item.meeting.held_on:
        errors["due_on"] = [_("Son tarih toplantı tarihinden önce olamaz.")]
    if not (item.title or "").strip():
        errors["title"] = [_("Yapılacak işi yazın.")]
    if not (item.responsible_institution or "").strip():
        errors["responsible_institution"] = [_("Sorumlu kurumu yazın.")]
    indicator = item.indicator
    if (
        indicator is not None
        and not indicator.is_active
        and (creating or indicator.pk != previous_indicator)
    ):
        errors["indicator"] = [_("Bu gösterge artık kullanılmıyor; kullanımdaki birini seçin.")]
    refused = _new_organisations_refused(partners, already)
    if refused:
        errors["partner_organisations"] = [
            _("Yalnızca akredite kuruluşlar eklenebilir: %(names)s.")
            % {"names": ", ".join(refused)}
        ]
    _full_clean(item, errors)
    if errors:
        raise ValidationError(errors)
    item.save()
    if "partner_organisations" in data or creating:
        item.partner_organisations.set(partners)
    return item


@transaction.atomic
def action_create(*, meeting: Meeting, data: dict, by) -> ActionItem:
    """Add an action item to ``meeting``, open. ``data``: title, responsible_institution,
    partner_institutions, due_on (required), indicator (optional, in use), note and
    partner_organisations (accredited organisations)."""
    item = ActionItem(meeting=meeting, status=I.OPEN)
    require(by, "action.manage", item)
    item = _action_save(item, data=data, creating=True)
    record_start(item, by=by)
    audit(item, "portal.action_item.create", user=by, data={"meeting": meeting.pk})
    return item


@transaction.atomic
def action_update(*, item: ActionItem, data: dict, by) -> ActionItem:
    """Change an open or ongoing action item. Its status moves only through ``transition``."""
    item = ActionItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    require(by, "action.manage", item)
    if item.status in CLOSED_STATUSES:
        raise MeetingError(
            _(
                "Tamamlanmış ya da iptal edilmiş bir eylem maddesi düzenlenemez; "
                "gerekirse önce yeniden açın."
            )
        )
    item = _action_save(item, data=data, creating=False)
    audit(item, "portal.action_item.update", user=by, data={"fields": sorted(data)})
    return item


# --- Selectors --------------------------------------------------------------------------------


def _count(queryset: QuerySet):
    """A correlated count of action items of the outer meeting, as one annotation."""
    counted = queryset.order_by().values("meeting").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def meetings_visible_to(user, *, province: Province) -> QuerySet:
    """The province's meetings ``user`` may read ("meeting.view", decided in the query): all of
    them for its coordinators, those its organisations took part in for members. Newest first,
    with ``open_count`` and ``overdue_count`` of their action items."""
    meetings = Meeting.objects.filter(province=province)
    if not can(user, "province.coordinate", province):
        meetings = meetings.filter(
            organisations__in=platform_organisations(user).values("pk")
        ).distinct()
    today = timezone.localdate()
    items = ActionItem.objects.filter(meeting=OuterRef("pk"))
    return meetings.annotate(
        open_count=_count(items.open()),
        overdue_count=_count(items.overdue(today)),
        item_count=_count(items),
    ).order_by("-held_on", "-pk")


def action_items_for(*, province: Province, open_only: bool = True) -> QuerySet:
    """A province's action items by due date (soonest, so overdue ones, first), with their
    meeting, indicator and partner organisations loaded: the same few queries however many
    there are. ``open_only`` keeps those open or in progress."""
    items = ActionItem.objects.filter(meeting__province=province)
    if open_only:
        items = items.open()
    return (
        items.select_related("meeting", "indicator")
        .prefetch_related("partner_organisations")
        .order_by("due_on", "pk")
    )


def meeting_action_items(meeting: Meeting) -> list[ActionItem]:
    return list(
        meeting.action_items.select_related("indicator")
        .prefetch_related("partner_organisations")
        .order_by("due_on", "pk")
    )


def indicator_choices(current: Indicator | None = None) -> QuerySet:
    """Indicators in use, plus the one already on the item (so an edit does not drop it)."""
    allowed = Q(is_active=True)
    if current is not None:
        allowed |= Q(pk=current.pk)
    return Indicator.objects.filter(allowed).select_related("working_area")


def organisation_choices(province: Province, current: Iterable[int] = ()) -> QuerySet:
    """Accredited organisations of the province, plus those already on the record."""
    accredited = Organisation.objects.accredited().filter(province=province).values("pk")
    return Organisation.objects.filter(
        Q(pk__in=accredited) | Q(pk__in=list(current))
    ).alphabetical()


def overdue_days(item: ActionItem, today: datetime.date | None = None) -> int:
    """How many days past its due date an open item is (0 when not overdue)."""
    today = today or timezone.localdate()
    if item.status in CLOSED_STATUSES or item.due_on >= today:
        return 0
    return (today - item.due_on).days
