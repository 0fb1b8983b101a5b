"""Organisers' pages: their events, drafting and publishing, the attendee list with
approvals and the waitlist, attendance at the door, messages to attendees and the CSV.

Every page asks the rule "event.manage" (or "event.create" for a new draft); attendees' names
and e-mail addresses appear nowhere else.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accreditation.models import Organisation
from core.exceptions import DomainError
from core.permissions import can, require
from core.spreadsheets import csv_response

from .. import attendance, attendee_messages, organiser_selectors, organising, signups
from ..exceptions import EventError
from ..forms.organiser import (
    CancelEventForm,
    DecisionForm,
    EventForm,
    MessageForm,
    group_formset,
    session_formset,
)
from ..models import Event, SignUp

S = SignUp.Status
LIST_PAGE_SIZE = 25
SIGNUP_ACTIONS = ("approve", "reject", "attended", "no_show", "cancel")
# The event form in parts, each a fieldset with its legend.
FIELDSETS = [
    (
        gettext_lazy("Etkinlik"),
        ["title", "kind", "campaign", "working_area", "target_group", "description"],
    ),
    (gettext_lazy("Yer"), ["province", "district", "venue", "is_online", "online_url"]),
    (gettext_lazy("Zaman"), ["starts_at", "ends_at"]),
    (
        gettext_lazy("Kayıt"),
        [
            "registration_opens_at",
            "registration_closes_at",
            "capacity",
            "waitlist_enabled",
            "audience",
            "minimum_age",
            "approval",
        ],
    ),
    (gettext_lazy("Erişilebilirlik"), ["accessibility"]),
]


def _event_for(request, slug: str, *, rule: str = "event.manage") -> Event:
    event = get_object_or_404(
        Event.objects.select_related("organiser", "province", "district"), slug=slug
    )
    require(request.user, rule, event)
    return event


# --- The list --------------------------------------------------------------------------------


@login_required
@require_safe
def event_organise_list(request):
    """Events the person manages, drafts included, with their counts; upcoming by default."""
    past = request.GET.get("when") == "past"
    now = timezone.now()
    events = organiser_selectors.with_signup_counts(
        organiser_selectors.events_manageable_by(request.user).select_related(
            "organiser", "province", "district"
        )
    )
    if past:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    page = Paginator(events, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    organisations = [
        organisation
        for organisation in organiser_selectors.organisations_for_new_events(request.user)
        if can(request.user, "event.create", organisation)
    ]
    return render(
        request,
        "events/organiser/list.html",
        {"page_obj": page, "past": past, "organisations": organisations},
    )


# --- Drafting and editing --------------------------------------------------------------------


def _rows(formset, make_row) -> tuple[list, list]:
    """The formset's rows for the service (new blank rows and new rows marked for deletion
    left out), with the forms they came from so errors go back to the right row."""
    rows, forms = [], []
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue
        data = form.cleaned_data
        deleting = bool(data.get("DELETE"))
        if deleting and not form.instance.pk:
            continue
        rows.append(make_row(data, pk=form.instance.pk, delete=deleting))
        forms.append(form)
    return rows, forms


def _session_row(data: dict, **identity) -> organising.SessionRow:
    return organising.SessionRow(
        title=data.get("title", ""),
        starts_at=data.get("starts_at"),
        ends_at=data.get("ends_at"),
        capacity=data.get("capacity"),
        **identity,
    )


def _group_row(data: dict, **identity) -> organising.GroupRow:
    return organising.GroupRow(
        name=data.get("name", ""),
        capacity=data.get("capacity"),
        description=data.get("description", ""),
        **identity,
    )


def _show_errors(errors: dict, form, formsets: dict) -> None:
    """Put the service's messages on the fields (and rows) they are about."""
    for key, texts in errors.items():
        if isinstance(key, tuple):
            name, index, field = key
            formset, row_forms = formsets[name]
            target = row_forms[index] if index is not None else None
            for text in texts:
                if target is None:
                    formset._non_form_errors.append(text)
                else:
                    target.add_error(field if field in target.fields else None, text)
        else:
            for text in texts:
                form.add_error(key if key in form.fields else None, text)


def _event_form_page(request, *, event: Event, organisation: Organisation | None):
    creating = event.pk is None
    title = event.title
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, instance=event)
    sessions = session_formset(data, instance=event, extra=3 if creating else 2)
    groups = group_formset(data, instance=event, extra=4 if creating else 2)
    if request.method == "POST":
        publish = "publish" in request.POST
        # All three are checked so every mistake shows at once.
        valid = [form.is_valid(), sessions.is_valid(), groups.is_valid()]
        if all(valid):
            session_rows, session_forms = _rows(sessions, _session_row)
            group_rows, group_forms = _rows(groups, _group_row)
            try:
                saved = organising.event_save(
                    event=form.instance,
                    by=request.user,
                    organisation=organisation,
                    sessions=session_rows,
                    groups=group_rows,
                )
            except organising.EventChangeInvalid as invalid:
                _show_errors(
                    invalid.errors,
                    form,
                    {"sessions": (sessions, session_forms), "groups": (groups, group_forms)},
                )
            except EventError as error:
                form.add_error(None, str(error))
            else:
                return _after_save(request, saved, publish=publish, creating=creating)
    return render(
        request,
        "events/organiser/form.html",
        {
            "event": event if not creating else None,
            "title": title,
            "organisation": organisation or event.organiser,
            "form": form,
            "fieldsets": [(legend, [form[name] for name in names]) for legend, names in FIELDSETS],
            "sessions": sessions,
            "groups": groups,
            "is_draft": event.status == Event.Status.DRAFT,
        },
    )


def _after_save(request, event: Event, *, publish: bool, creating: bool):
    if publish and event.status == Event.Status.DRAFT:
        try:
            event = organising.event_publish(event=event, by=request.user)
        except DomainError as error:
            messages.error(
                request,
                _("Taslak kaydedildi ama yayımlanamadı: %(reason)s") % {"reason": error},
            )
            return redirect("event_edit", slug=event.slug)
        messages.success(
            request, _("“%(title)s” yayımlandı; artık kayıt alabilir.") % {"title": event.title}
        )
        return redirect("event_manage", slug=event.slug)
    if event.status == Event.Status.DRAFT:
        messages.success(
            request,
            _("“%(title)s” taslak olarak kaydedildi. Hazır olduğunda “Yayımla” düğmesine basın.")
            % {"title": event.title},
        )
        return redirect("event_edit", slug=event.slug)
    messages.success(request, _("Değişiklikler kaydedildi."))
    return redirect("event_manage", slug=event.slug)


@login_required
def event_create(request):
    """A new draft for one of the person's organisations (``?organisation=<slug>``)."""
    slug = request.GET.get("organisation", "")
    organisation = get_object_or_404(Organisation, slug=slug) if slug else None
    if organisation is None:
        choices = organiser_selectors.organisations_for_new_events(request.user)
        if len(choices) != 1:
            messages.info(request, _("Etkinliği hangi kuruluşunuz adına hazırlayacağınızı seçin."))
            return redirect("event_organise_list")
        organisation = choices[0]
    require(request.user, "event.create", organisation)
    # The organisation's own province and district are the likely place.
    event = Event(
        organiser=organisation,
        organiser_institution="",
        province_id=organisation.province_id,
        district_id=organisation.district_id,
    )
    return _event_form_page(request, event=event, organisation=organisation)


@login_required
def event_edit(request, slug: str):
    event = _event_for(request, slug)
    if event.status == Event.Status.CANCELLED:
        messages.error(request, _("İptal edilmiş bir etkinlik düzenlenemez."))
        return redirect("event_manage", slug=event.slug)
    return _event_form_page(request, event=event, organisation=None)


# --- Managing one event ----------------------------------------------------------------------


@login_required
def event_manage(request, slug: str):
    """Places against capacity, approvals, the attendee list and the waitlist; cancelling
    the event (POST)."""
    event = _event_for(request, slug)
    cancel_form = CancelEventForm(request.POST or None)
    if request.method == "POST" and cancel_form.is_valid():
        try:
            organising.event_cancel(
                event=event, by=request.user, reason=cancel_form.cleaned_data["reason"]
            )
        except EventError as error:
            cancel_form.add_error("reason", str(error))
        else:
            messages.success(
                request, _("Etkinlik iptal edildi; kayıtlı herkese e-postayla bildiriliyor.")
            )
            return redirect("event_manage", slug=event.slug)
    roster = organiser_selectors.event_roster(event)
    return render(
        request,
        "events/organiser/manage.html",
        {
            "event": event,
            "roster": roster,
            "cancel_form": cancel_form,
            "can_cancel": event.status != Event.Status.CANCELLED and event.ends_at > timezone.now(),
        },
    )


def _bad_request(request, event: Event, message: str):
    return render(
        request,
        "events/organiser/bad_request.html",
        {"event": event, "message": message},
        status=400,
    )


@login_required
@require_POST
def signup_action(request, slug: str, pk: int):
    """Approve, reject, mark attended or no-show, or cancel one sign-up of this event."""
    event = _event_for(request, slug)
    signup = get_object_or_404(
        SignUp.objects.select_related("person", "session"), pk=pk, event=event
    )
    signup.event = event
    action = request.POST.get("action", "")
    if action not in SIGNUP_ACTIONS:
        return _bad_request(
            request, event, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin.")
        )
    decision = DecisionForm(request.POST)
    if not decision.is_valid():
        return _bad_request(request, event, _("Not en fazla 1000 karakter olabilir."))
    name = signup.person.full_name or signup.person.email
    try:
        if action in ("approve", "reject"):
            signups.signup_decide(
                signup=signup,
                approve=action == "approve",
                by=request.user,
                note=decision.cleaned_data["note"],
            )
        elif action in ("attended", "no_show"):
            attendance.attendance_mark(
                signup=signup, attended=action == "attended", by=request.user
            )
        else:
            signups.signup_cancel(signup=signup, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        signup.refresh_from_db(fields=["status"])
        messages.success(request, _done_message(action, signup, name))
    target = "event_check_in" if request.POST.get("return_to") == "check_in" else "event_manage"
    return redirect(target, slug=event.slug)


def _done_message(action: str, signup: SignUp, name: str) -> str:
    if action == "approve" and signup.status == S.WAITLISTED:
        return _("Yer kalmadığı için %(name)s bekleme listesine alındı.") % {"name": name}
    return {
        "approve": _("%(name)s adlı kişinin kaydı onaylandı."),
        "reject": _("%(name)s adlı kişinin kaydı kabul edilmedi."),
        "attended": _("%(name)s geldi olarak işaretlendi."),
        "no_show": _("%(name)s gelmedi olarak işaretlendi."),
        "cancel": _("%(name)s adlı kişinin kaydı iptal edildi."),
    }[action] % {"name": name}


# --- Messages to attendees -------------------------------------------------------------------


@login_required
def event_message(request, slug: str):
    event = _event_for(request, slug)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = attendee_messages.message_send(
                event=event,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                include_waitlist=form.cleaned_data["include_waitlist"],
                by=request.user,
            )
        except ValidationError as error:
            for field, texts in error.message_dict.items():
                for text in texts:
                    form.add_error(field if field in form.fields else None, text)
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("İleti %(count)s kişiye gönderiliyor.") % {"count": message.recipients},
            )
            return redirect("event_message", slug=event.slug)
    audience = event.signups.aggregate(
        confirmed=Count(
            "person", distinct=True, filter=Q(status__in=attendee_messages.MESSAGE_STATUSES)
        ),
        waitlisted=Count("person", distinct=True, filter=Q(status=S.WAITLISTED)),
    )
    return render(
        request,
        "events/organiser/message.html",
        {
            "event": event,
            "form": form,
            "audience": audience,
            "sent": event.messages.select_related("sent_by"),
        },
    )


# --- The spreadsheet -------------------------------------------------------------------------


@login_required
@require_safe
def attendees_csv(request, slug: str):
    """The attendee list for a spreadsheet: UTF-8 with a byte-order mark, so Excel shows
    Turkish letters; cells that would run as formulas are neutralised."""
    event = _event_for(request, slug)
    return csv_response(
        organiser_selectors.attendee_rows(event), filename=f"{event.slug}-katilimcilar.csv"
    )


# --- At the door -----------------------------------------------------------------------------


@login_required
def check_in(request, slug: str):
    """Find an attendee by ticket code (typed, or the QR code on their ticket opening this
    page with ?q=<code>) or by name, and mark them as arrived."""
    event = _event_for(request, slug)
    if request.method == "POST":
        raw = request.POST.get("signup", "")
        signup = (
            SignUp.objects.select_related("person", "session").filter(event=event, pk=raw).first()
            if raw.isdigit()
            else None
        )
        if signup is None:
            messages.error(request, _("Bu kayıt bu etkinlikte bulunamadı."))
            return redirect("event_check_in", slug=event.slug)
        name = signup.person.full_name or signup.person.email
        if signup.status == S.ATTENDED:
            messages.info(request, _("%(name)s zaten geldi olarak işaretli.") % {"name": name})
            return redirect("event_check_in", slug=event.slug)
        try:
            attendance.attendance_mark(signup=signup, attended=True, by=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s geldi olarak işaretlendi.") % {"name": name})
        return redirect("event_check_in", slug=event.slug)
    result = attendance.check_in_search(event, request.GET.get("q", ""))
    now = timezone.now()
    found = [result.signup] if result.signup else result.matches
    for signup in found:
        signup.event = event
        signup.attendance_open = now >= attendance.attendance_opens_at(signup)
    arrived = event.signups.filter(status=S.ATTENDED).aggregate(people=Sum("places"))
    return render(
        request,
        "events/organiser/check_in.html",
        {
            "event": event,
            "result": result,
            "found": found,
            "arrived": arrived["people"] or 0,
            "expected": organiser_selectors.people_expected(event),
        },
    )
