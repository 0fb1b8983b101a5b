"""Province coordination meetings and their action items.

Coordinators of the province (and administrators) record and edit meetings and action items
("province.coordinate", "action.manage"); members of an accredited organisation that took part
read the meetings it attended ("meeting.view"). Lists are narrowed in the query by the same
rules, so changing an id or a plate code in the address shows nobody else's records.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of, transition
from core.models import Province
from core.permissions import can, require

from .. import meetings as services
from ..forms.meetings import ActionItemForm, ActionMoveForm, MeetingForm
from ..models import ActionItem, Meeting
from .common import coordinated_province, status_history

I = ActionItem.Status  # noqa: E741
PAGE_SIZE = 20
# The button each move is, by (from, to).
MOVE_LABELS = {
    (I.OPEN, I.IN_PROGRESS): gettext_lazy("Çalışma başladı"),
    (I.OPEN, I.DONE): gettext_lazy("Tamamlandı olarak işaretle"),
    (I.IN_PROGRESS, I.DONE): gettext_lazy("Tamamlandı olarak işaretle"),
    (I.OPEN, I.CANCELLED): gettext_lazy("Eylem maddesini iptal et"),
    (I.IN_PROGRESS, I.CANCELLED): gettext_lazy("Eylem maddesini iptal et"),
    (I.DONE, I.IN_PROGRESS): gettext_lazy("Yeniden aç"),
}
ITEM_FILTERS = {
    "open": gettext_lazy("Açık işi olan"),
    "overdue": gettext_lazy("Süresi geçmiş işi olan"),
}


def _province(plate: int) -> Province:
    return get_object_or_404(Province, code=plate)


def _meeting_for(request, pk: int, rule: str = "meeting.view") -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("province"), pk=pk)
    if rule == "meeting.view":
        require(request.user, rule, meeting)
    else:
        require(request.user, rule, meeting.province)
    return meeting


def _item_for(request, pk: int) -> ActionItem:
    item = get_object_or_404(
        ActionItem.objects.select_related("meeting__province", "indicator__working_area"), pk=pk
    )
    require(request.user, "action.manage", item)
    return item


def _int_param(request, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 4:
        return None
    value = int(raw)
    return value if 2000 <= value <= 2100 else None


# --- Meetings ---------------------------------------------------------------------------------


@login_required
@require_safe
def meeting_list(request, plate: int):
    """The province's meetings the person may read, newest first, with how many action items
    each has open and overdue. Filters (GET, shareable): year and "has open/overdue items"."""
    province = _province(plate)
    require(request.user, "platform.enter")
    meetings = services.meetings_visible_to(request.user, province=province)
    years = sorted(
        {day.year for day in meetings.values_list("held_on", flat=True).order_by()},
        reverse=True,
    )
    year = _int_param(request, "year")
    if year is not None:
        meetings = meetings.filter(held_on__year=year)
    items = request.GET.get("items", "")
    if items not in ITEM_FILTERS:
        items = ""
    if items == "open":
        meetings = meetings.filter(open_count__gt=0)
    elif items == "overdue":
        meetings = meetings.filter(overdue_count__gt=0)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperation/meetings/meeting_list.html",
        {
            "province": province,
            "page_obj": page,
            "is_coordinator": can(request.user, "province.coordinate", province),
            "years": years,
            "year": year,
            "items": items,
            "item_filters": list(ITEM_FILTERS.items()),
            "filtered": year is not None or bool(items),
        },
    )


def _meeting_form_page(request, *, province: Province, meeting: Meeting | None):
    creating = meeting is None
    if request.method == "POST":
        form = MeetingForm(request.POST, province=province, meeting=meeting)
    elif creating:
        form = MeetingForm(province=province, initial={"held_on": timezone.localdate()})
    else:
        form = MeetingForm(
            province=province, meeting=meeting, initial=MeetingForm.initial_for(meeting)
        )
    if request.method == "POST" and form.is_valid():
        try:
            if creating:
                saved = services.meeting_create(
                    province=province, data=form.service_data(), by=request.user
                )
            else:
                saved = services.meeting_update(
                    meeting=meeting, data=form.service_data(), by=request.user
                )
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            if creating:
                messages.success(
                    request,
                    _(
                        "Toplantı kaydedildi. Kararlardan doğan işleri eylem maddesi "
                        "olarak ekleyin."
                    ),
                )
            else:
                messages.success(request, _("Değişiklikler kaydedildi."))
            return redirect("meeting_detail", pk=saved.pk)
    return render(
        request,
        "cooperation/meetings/meeting_form.html",
        {"province": province, "meeting": meeting, "form": form},
    )


@login_required
def meeting_create(request, plate: int):
    province = coordinated_province(request, plate)
    return _meeting_form_page(request, province=province, meeting=None)


@login_required
def meeting_edit(request, pk: int):
    meeting = _meeting_for(request, pk, "province.coordinate")
    return _meeting_form_page(request, province=meeting.province, meeting=meeting)


@login_required
@require_safe
def meeting_detail(request, pk: int):
    """Agenda, participants, minutes, decisions and the action items, overdue ones marked in
    words as well as colour."""
    meeting = _meeting_for(request, pk)
    today = timezone.localdate()
    items = services.meeting_action_items(meeting)
    for item in items:
        item.days_overdue = services.overdue_days(item, today)
    return render(
        request,
        "cooperation/meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "province": meeting.province,
            "organisations": list(meeting.organisations.alphabetical()),
            "institutions": [line for line in meeting.institutions.splitlines() if line.strip()],
            "items": items,
            "overdue_count": sum(1 for item in items if item.days_overdue),
            "open_count": sum(1 for item in items if item.status in (I.OPEN, I.IN_PROGRESS)),
            "can_manage": can(request.user, "province.coordinate", meeting.province),
        },
    )


# --- Action items -----------------------------------------------------------------------------


@login_required
def action_create(request, pk: int):
    meeting = _meeting_for(request, pk, "province.coordinate")
    province = meeting.province
    if request.method == "POST":
        form = ActionItemForm(request.POST, province=province)
        if form.is_valid():
            try:
                item = services.action_create(
                    meeting=meeting, data=form.service_data(), by=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("“%(title)s” eylem maddesi eklendi.") % {"title": item.title}
                )
                return redirect(reverse("meeting_detail", args=[meeting.pk]) + "#actions")
    else:
        form = ActionItemForm(province=province)
    return render(
        request,
        "cooperation/meetings/action_form.html",
        {"meeting": meeting, "province": province, "form": form},
    )


def _move_forms(item: ActionItem, user, bound: ActionMoveForm | None = None) -> list[dict]:
    """The moves the person may make now, each a small form (with a reason field when the
    move needs one)."""
    moves = []
    for move in lifecycle_of(ActionItem).available(item, user):
        if bound is not None and bound.data.get("target") == move.target:
            form = bound
        else:
            form = ActionMoveForm(initial={"target": move.target}, auto_id=f"move_{move.target}_%s")
        moves.append(
            {
                "target": move.target,
                "label": MOVE_LABELS.get((move.source, move.target), move.target),
                "note_required": move.note_required,
                "danger": move.target == I.CANCELLED,
                "form": form,
            }
        )
    return moves


def _action_page(
    request,
    item: ActionItem,
    *,
    form: ActionItemForm | None = None,
    move_form: ActionMoveForm | None = None,
    status: int = 200,
):
    province = item.meeting.province
    editable = item.status not in services.CLOSED_STATUSES
    if form is None and editable:
        form = ActionItemForm(
            province=province, item=item, initial=ActionItemForm.initial_for(item)
        )
    item.days_overdue = services.overdue_days(item)
    return render(
        request,
        "cooperation/meetings/action_detail.html",
        {
            "item": item,
            "meeting": item.meeting,
            "province": province,
            "form": form,
            "editable": editable,
            "partners": list(item.partner_organisations.alphabetical()),
            "moves": _move_forms(item, request.user, move_form),
            "history": status_history(item),
        },
        status=status,
    )


@login_required
def action_edit(request, pk: int):
    """An action item: its details (editable while open or in progress), the moves of its
    status and its history."""
    item = _item_for(request, pk)
    if request.method != "POST":
        return _action_page(request, item)
    if item.status in services.CLOSED_STATUSES:
        messages.error(
            request,
            _(
                "Tamamlanmış ya da iptal edilmiş bir eylem maddesi düzenlenemez; "
                "gerekirse önce yeniden açın."
            ),
        )
        return redirect("action_edit", pk=item.pk)
    form = ActionItemForm(request.POST, province=item.meeting.province, item=item)
    if form.is_valid():
        try:
            services.action_update(item=item, data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Değişiklikler kaydedildi."))
            return redirect("action_edit", pk=item.pk)
    return _action_page(request, item, form=form)


@login_required
@require_POST
def action_transition(request, pk: int):
    item = _item_for(request, pk)
    form = ActionMoveForm(request.POST, auto_id=f"move_{request.POST.get('target', '')}_%s")
    if not form.is_valid():
        messages.error(request, _("Bilinmeyen durum; sayfayı yenileyip deneyin."))
        return redirect("action_edit", pk=item.pk)
    target = form.cleaned_data["target"]
    try:
        transition(item, target, by=request.user, note=form.cleaned_data["note"])
    except DomainError as error:
        if lifecycle_of(ActionItem).move(item.status, target) is None:
            messages.error(request, str(error))
            return redirect("action_edit", pk=item.pk)
        form.add_error("note", str(error))
        return _action_page(request, item, move_form=form)
    messages.success(
        request,
        _("Eylem maddesinin durumu: %(status)s.") % {"status": ActionItem.Status(target).label},
    )
    return redirect("action_edit", pk=item.pk)
