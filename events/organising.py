"""The organisers' side of events: drafting and publishing an event with its sessions and
working groups, cancelling it, taking attendance at the door, messaging attendees, and the
lists organisers read.

Everything an organiser changes is checked before anything is written, and the checks that
depend on sign-ups (capacity never below the people confirmed, no deleting a session people
signed up for) run with the event's row locked, the lock sign-ups take too.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from accreditation.models import Membership, Organisation
from core.audit import audit
from core.lifecycle import transition
from core.mail import absolute_url, send_templated_mail
from core.models import StaffRole
from core.permissions import can, has_role, province_ids_for, require, staff_mfa_satisfied
from core.spreadsheets import spreadsheet_time
from core.text import tr_lower, tr_title, tr_upper, unique_slug

from . import reminders, signups
from .exceptions import EventError
from .models import (
    ACTIVE_SIGNUP_STATUSES,
    Event,
    EventMessage,
    EventSession,
    SignUp,
    WorkingGroup,
    WorkshopRegistration,
)

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.event.create": _("Etkinlik oluşturuldu"),
    "portal.event.update": _("Etkinlik güncellendi"),
    "portal.event.message": _("Katılımcılara ileti gönderildi"),
    "portal.event.attendance": _("Yoklama alındı"),
}


S = SignUp.Status


# Words that come before an event's slug in the URLs (events/urls.py).
RESERVED_SLUGS = frozenset({"calendar", "mine", "tickets", "signups", "organise"})

# The event's own fields an organiser edits; status, organiser and slug are the services'.
EVENT_FIELDS = [
    "title",
    "kind",
    "campaign",
    "working_area",
    "target_group",
    "province",
    "district",
    "venue",
    "is_online",
    "online_url",
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "capacity",
    "waitlist_enabled",
    "audience",
    "minimum_age",
    "approval",
    "accessibility",
    "description",
]

# Attendance is taken at the door: from an hour before the start.
CHECK_IN_OPENS_BEFORE = dt.timedelta(hours=1)
MAX_HOURS = Decimal("999.99")  # SignUp.hours holds five digits

# The people an event's news reaches: those holding a place (and, when chosen, the queue).
MESSAGE_STATUSES = (S.CONFIRMED, S.ATTENDED)
# The people told when an event is cancelled: everyone still expecting to come.
EXPECTING_STATUSES = (S.REQUESTED, S.CONFIRMED, S.WAITLISTED)


class EventChangeInvalid(EventError):
    """An organiser's change refused, with a message for each field that needs fixing.

    ``errors`` maps an event field ("capacity"), or ("sessions"|"groups", row index, field)
    for a row of sessions or working groups (field None: the row as a whole; index None: the
    rows together), or None (the event as a whole) to a list of messages.
    """

    def __init__(self, errors: dict):
        super().__init__(_("Etkinlik kaydedilemedi; işaretli yerleri düzeltin."))
        self.errors = errors


@dataclass
class SessionRow:
    """A session or shift as the organiser left it; ``pk`` names an existing one."""

    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    pk: int | None = None
    delete: bool = False


@dataclass
class GroupRow:
    """A workshop's working group as the organiser left it; ``pk`` names an existing one."""

    name: str
    capacity: int
    description: str = ""
    pk: int | None = None
    delete: bool = False


@dataclass
class _Errors:
    found: dict = field(default_factory=dict)

    def add(self, key, message) -> None:
        messages = message.messages if isinstance(message, ValidationError) else [message]
        self.found.setdefault(key, []).extend(str(text) for text in messages)

    def add_dict(self, error: ValidationError, prefix: tuple | None = None) -> None:
        for name, messages in error.message_dict.items():
            name = None if name == "__all__" else name
            key = (*prefix, name) if prefix else name
            for text in messages:
                self.add(key, text)


# --- Reading ---------------------------------------------------------------------------------


def events_manageable_by(user) -> QuerySet:
    """The events ``user`` may manage under the rule "event.manage", decided in the query:
    their organisations' (as owner or manager), their provinces' (coordinators), all of them
    (administrators). Coordinators and administrators need their second factor."""
    if not user.is_authenticated:
        return Event.objects.none()
    allowed = Q(
        organiser__in=Membership.objects.managing().filter(user=user).values("organisation")
    )
    staff = has_role(user, StaffRole.ADMIN) or has_role(user, StaffRole.COORDINATOR)
    if staff and staff_mfa_satisfied(user):
        if has_role(user, StaffRole.ADMIN):
            return Event.objects.all()
        provinces = province_ids_for(user, StaffRole.COORDINATOR)
        if provinces is None:
            return Event.objects.all()
        allowed |= Q(province_id__in=provinces)
    return Event.objects.filter(allowed)


def with_signup_counts(queryset: QuerySet) -> QuerySet:
    """Annotate events with ``people_confirmed`` (people holding a place: a sign-up may cover
    several), ``waitlisted`` and ``awaiting_approval`` (sign-ups) and ``places`` (the event's
    capacity, or its sessions' together)."""
    session_places = (
        EventSession.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(total=Sum("capacity"))
        .values("total")
    )
    return queryset.annotate(
        people_confirmed=Coalesce(
            Sum("signups__places", filter=Q(signups__status__in=signups.TAKING_A_PLACE)),
            0,
            output_field=IntegerField(),
        ),
        waitlisted=Count("signups", filter=Q(signups__status=S.WAITLISTED)),
        awaiting_approval=Count("signups", filter=Q(signups__status=S.REQUESTED)),
        places=Coalesce(
            Subquery(session_places, output_field=IntegerField()),
            "capacity",
            output_field=IntegerField(),
        ),
    )


def organisations_for_new_events(user) -> list[Organisation]:
    """Organisations whose events ``user`` drafts (owners and managers)."""
    if not user.is_authenticated:
        return []
    return [
        membership.organisation
        for membership in Membership.objects.managing()
        .filter(user=user)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    ]


def people_expected(event: Event) -> int:
    """People holding a place at the event (all its sessions together)."""
    return (
        event.signups.filter(status__in=signups.TAKING_A_PLACE).aggregate(total=Sum("places"))[
            "total"
        ]
        or 0
    )


def attendance_opens_at(signup: SignUp) -> dt.datetime:
    return signup.starts_at - CHECK_IN_OPENS_BEFORE


def normalise_ticket_code(text: str) -> str:
    """What people type or scan, as stored: upper case, without spaces and dashes."""
    return "".join(text.split()).replace("-", "").replace("–", "").upper()


@dataclass
class CheckInResult:
    query: str = ""
    signup: SignUp | None = None  # the ticket code matched
    matches: list = field(default_factory=list)  # the name matched
    code_not_found: bool = False


def _looks_like_code(query: str, code: str) -> bool:
    """Typed as a code rather than a name: letters and digits only, and a digit in it or
    written as one word."""
    if not (6 <= len(code) <= 12 and code.isascii() and code.isalnum()):
        return False
    return any(char.isdigit() for char in code) or len(query.split()) == 1


def check_in_search(event: Event, query: str, *, limit: int = 30) -> CheckInResult:
    """Find an attendee of ``event`` by ticket code, else by name or e-mail. A code of another
    event is simply not found here, so the page never tells that it exists elsewhere."""
    query = " ".join(query.split())[:100]
    result = CheckInResult(query=query)
    if not query:
        return result
    signups = SignUp.objects.filter(event=event, status__in=ACTIVE_SIGNUP_STATUSES).select_related(
        "person", "session", "workshop"
    )
    code = normalise_ticket_code(query)
    result.signup = signups.filter(ticket_code=code).first() if code else None
    if result.signup is not None:
        return result
    # Databases fold case differently for Turkish letters; asking for the usual spellings
    # finds "İrem" from "irem" and "IŞIK" from "ışık".
    names = Q()
    for variant in {query, tr_lower(query), tr_upper(query), tr_title(query)}:
        names |= Q(person__full_name__icontains=variant)
    names |= Q(person__email__iexact=query)
    result.matches = list(signups.filter(names).order_by("person__full_name", "pk")[:limit])
    result.code_not_found = not result.matches and _looks_like_code(query, code)
    return result


@dataclass
class Roster:
    """What the manage page shows of one event."""

    sessions: list
    requested: list
    participants: list
    waitlist: list
    people_confirmed: int = 0


def event_roster(event: Event, *, now: dt.datetime | None = None) -> Roster:
    """The event's sessions with their places taken, and its sign-ups by section, in two
    queries however many people signed up."""
    from .selectors import sessions_with_free_places, with_queue_position

    now = now or timezone.now()
    sessions = list(sessions_with_free_places(event.sessions.all()).order_by("starts_at", "pk"))
    signups = list(
        with_queue_position(event.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES))
        .select_related("person", "session", "workshop")
        .order_by("created_at", "pk")
    )
    roster = Roster(sessions=sessions, requested=[], participants=[], waitlist=[])
    sessions_by_pk = {session.pk: session for session in sessions}
    for signup in signups:
        signup.event = event
        if signup.session_id:
            signup.session = sessions_by_pk.get(signup.session_id, signup.session)
        signup.attendance_open = now >= attendance_opens_at(signup)
        # signups.signup_cancel: until the event starts.
        signup.can_cancel = signup.status in EXPECTING_STATUSES and now < event.starts_at
        if signup.status == S.REQUESTED:
            roster.requested.append(signup)
        elif signup.status == S.WAITLISTED:
            roster.waitlist.append(signup)
        else:
            roster.participants.append(signup)
            if not signup.session_id:
                roster.people_confirmed += signup.places
    roster.waitlist.sort(key=lambda signup: _queue_key(event, signup))
    return roster


def _queue_key(event: Event, signup: SignUp) -> tuple:
    """Sessions in time order, each session's queue in the order it is served."""
    starts_at = signup.session.starts_at if signup.session_id else event.starts_at
    return (starts_at, signup.session_id or 0, signup.queue_position or 0)


# --- Drafting and publishing -----------------------------------------------------------------


def _check_times(event: Event, errors: _Errors, *, creating: bool, now: dt.datetime) -> None:
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors.add("ends_at", _("Bitiş, başlangıçtan sonra olmalı."))
    if creating and event.starts_at and event.starts_at < now:
        errors.add("starts_at", _("Yeni bir etkinliğin başlangıcı geçmişte olamaz."))
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if opens and closes and closes <= opens:
        errors.add("registration_closes_at", _("Kayıt kapanışı, kayıt açılışından sonra olmalı."))
    if opens and event.starts_at and opens >= event.starts_at:
        errors.add("registration_opens_at", _("Kayıtlar etkinlik başlamadan önce açılmalı."))


def _check_sessions(
    event: Event, rows: Sequence[SessionRow], stored: dict, errors: _Errors, by
) -> None:
    for index, row in enumerate(rows):
        session = stored.get(row.pk) if row.pk else None
        if row.pk and session is None:
            errors.add(("sessions", index, None), _("Bu oturum bu etkinliğe ait değil."))
            continue
        if row.delete:
            if session is None:
                continue
            if session.signups.filter(status__in=EXPECTING_STATUSES).exists():
                errors.add(
                    ("sessions", index, None),
                    _(
                        "Bu oturumda etkin kayıtlar var; silmeden önce kayıtları iptal edin "
                        "ya da oturumu olduğu gibi bırakın."
                    ),
                )
            elif session.signups.exists():
                errors.add(
                    ("sessions", index, None),
                    _("Bu oturumun kayıt geçmişi var; silinemez."),
                )
            continue
        if row.ends_at <= row.starts_at:
            errors.add(("sessions", index, "ends_at"), _("Bitiş, başlangıçtan sonra olmalı."))
        if session is not None and row.capacity != session.capacity:
            # Through the capacity service, which refuses to go below the people confirmed
            # and promotes the waitlist; rolled back with everything else if any check fails.
            try:
                with transaction.atomic():
                    signups.session_capacity_change(session=session, capacity=row.capacity, by=by)
            except EventError as error:
                errors.add(("sessions", index, "capacity"), str(error))


def _check_groups(event: Event, rows: Sequence[GroupRow], stored: dict, errors: _Errors) -> None:
    kept = [row for row in rows if not row.delete]
    if kept and event.kind != Event.Kind.WORKSHOP:
        errors.add(
            ("groups", None, None),
            _(
                "Çalışma grupları yalnızca çalıştaylar için eklenir; grupları silin ya da türü "
                "“Çalıştay” seçin."
            ),
        )
    seen: set[str] = set()
    for index, row in enumerate(rows):
        group = stored.get(row.pk) if row.pk else None
        if row.pk and group is None:
            errors.add(("groups", index, None), _("Bu çalışma grubu bu etkinliğe ait değil."))
            continue
        if row.delete:
            if (
                group is not None
                and WorkshopRegistration.objects.filter(assigned_group=group).exists()
            ):
                errors.add(
                    ("groups", index, None),
                    _("Bu gruba atanmış katılımcılar var; önce onları başka gruba atayın."),
                )
            continue
        name = " ".join(row.name.split())
        if name.casefold() in seen:
            errors.add(("groups", index, "name"), _("Bu adla bir çalışma grubu zaten var."))
        seen.add(name.casefold())


@transaction.atomic
def event_save(
    *,
    event: Event,
    by,
    organisation: Organisation | None = None,
    sessions: Sequence[SessionRow] | None = None,
    groups: Sequence[GroupRow] | None = None,
    now: dt.datetime | None = None,
) -> Event:
    """Create (as a draft of ``organisation``) or update ``event`` with its sessions and
    working groups (None leaves them as they are). Every check runs before anything is
    kept: on any problem EventChangeInvalid says what to fix and nothing is saved. Capacity
    changes go through the capacity services (never below the people confirmed; raising it
    promotes the waitlist)."""
    now = now or timezone.now()
    errors = _Errors()
    creating = event.pk is None
    if creating:
        if organisation is not None:
            event.organiser = organisation
            event.organiser_institution = ""
            # An organisation's owners and managers, or staff who enter it on its behalf.
            if not can(by, "event.create", organisation):
                require(by, "event.staff_manage", event)
        elif event.organiser_institution.strip():
            # A public institution's event: only staff enter one.
            event.organiser = None
            require(by, "event.staff_manage", event)
        else:
            raise EventError(_("Etkinliği düzenleyen kuruluşu seçin."))
        event.status = Event.Status.DRAFT
        event.created_by = by
        _choose_slug(event, errors)
        stored_event = None
    else:
        stored_event = Event.objects.select_for_update().get(pk=event.pk)
        require(by, "event.manage", stored_event)
        if stored_event.status == Event.Status.CANCELLED:
            raise EventError(_("İptal edilmiş bir etkinlik düzenlenemez."))
        event.status = stored_event.status
        event.slug = stored_event.slug

    _check_times(event, errors, creating=creating, now=now)
    try:
        event.full_clean(exclude={key for key in errors.found if isinstance(key, str)})
    except ValidationError as error:
        errors.add_dict(error)

    if stored_event is not None and event.capacity != stored_event.capacity:
        try:
            with transaction.atomic():
                signups.event_capacity_change(event=stored_event, capacity=event.capacity, by=by)
        except EventError as error:
            errors.add("capacity", str(error))

    before = (
        {field: getattr(stored_event, field) for field in reminders.EVENT_FIELDS}
        if stored_event is not None
        else None
    )
    stored_sessions = {s.pk: s for s in event.sessions.all()} if not creating else {}
    sessions_before = {
        pk: {field: getattr(session, field) for field in reminders.SESSION_FIELDS}
        for pk, session in stored_sessions.items()
    }
    if sessions is not None:
        _check_sessions(event, sessions, stored_sessions, errors, by)
    stored_groups = {g.pk: g for g in event.working_groups.all()} if not creating else {}
    if groups is not None:
        _check_groups(event, groups, stored_groups, errors)

    if errors.found:
        if creating:
            event.slug = ""
        raise EventChangeInvalid(errors.found)

    try:
        with transaction.atomic():
            if creating:
                event.save()
            else:
                event.save(update_fields=[*EVENT_FIELDS, "updated_at"])
            if sessions is not None:
                _write_sessions(event, sessions, stored_sessions)
            if groups is not None:
                _write_groups(event, groups, stored_groups)
    except IntegrityError as error:
        # Two organisers saving the same title, or group names swapped, at the same moment.
        if creating:
            event.pk = None
            event.slug = ""
            event._state.adding = True
        raise EventChangeInvalid(
            {
                None: [
                    str(
                        _(
                            "Kaydedilemedi: aynı anda yapılan başka bir değişiklikle çakıştı. "
                            "Lütfen yeniden deneyin."
                        )
                    )
                ]
            }
        ) from error
    if before is not None:
        reminders.reminders_for_edit(
            event=event, before=before, sessions_before=sessions_before, sessions=sessions
        )
    audit(event, "portal.event.create" if creating else "portal.event.update", user=by)
    return event


def _choose_slug(event: Event, errors: _Errors) -> None:
    """Staff may give a new event its address; otherwise it is made from the title."""
    wanted = (event.slug or "").strip()
    if not wanted:
        event.slug = unique_slug(
            Event.objects.all(),
            event.title,
            fallback="etkinlik",
            max_length=200,
            reserved=RESERVED_SLUGS,
        )
    elif wanted in RESERVED_SLUGS or Event.objects.filter(slug=wanted).exists():
        errors.add("slug", _("Bu adres kullanılıyor; başka bir adres yazın."))
    else:
        event.slug = wanted


def _write_sessions(event: Event, rows: Sequence[SessionRow], stored: dict) -> None:
    for row in rows:
        if row.delete and row.pk:
            stored[row.pk].delete()
    for row in rows:
        if row.delete:
            continue
        if row.pk:
            session = stored[row.pk]
            session.title, session.starts_at, session.ends_at = (
                row.title,
                row.starts_at,
                row.ends_at,
            )
            session.save(update_fields=["title", "starts_at", "ends_at"])
        else:
            EventSession.objects.create(
                event=event,
                title=row.title,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                capacity=row.capacity,
            )


def _write_groups(event: Event, rows: Sequence[GroupRow], stored: dict) -> None:
    for row in rows:
        if row.delete and row.pk:
            stored[row.pk].delete()
    order = 0
    for row in rows:
        if row.delete:
            continue
        order += 1
        group = stored[row.pk] if row.pk else WorkingGroup(event=event)
        group.name = " ".join(row.name.split())
        group.capacity = row.capacity
        group.description = row.description
        group.sort_order = order
        group.save()


def _locked_with_organiser(event: Event) -> Event:
    return (
        Event.objects.select_for_update(of=("self",)).select_related("organiser").get(pk=event.pk)
    )


@transaction.atomic
def event_publish(*, event: Event, by) -> Event:
    """Publish a draft. Only accredited organisations publish (the model's check); an event
    that is over or cancelled is not published."""
    event = _locked_with_organiser(event)
    require(by, "event.manage", event)
    if event.status == Event.Status.PUBLISHED:
        return event
    if event.status == Event.Status.CANCELLED:
        raise EventError(_("İptal edilmiş bir etkinlik yayımlanamaz."))
    transition(event, Event.Status.PUBLISHED, by=by)  # the guard checks accreditation
    return event


@transaction.atomic
def event_cancel(*, event: Event, by, reason: str, now: dt.datetime | None = None) -> Event:
    """Cancel the event: the sign-ups of everyone still expecting to come are cancelled
    with the reason as the note, and each of them is told by e-mail once this commits."""
    reason = (reason or "").strip()
    if not reason:
        raise EventError(_("İptal nedenini yazın; katılımcılara e-postayla iletilir."))
    event = _locked_with_organiser(event)
    require(by, "event.manage", event)
    if event.status == Event.Status.CANCELLED:
        raise EventError(_("Bu etkinlik zaten iptal edilmiş."))
    if event.ends_at <= (now or timezone.now()):
        raise EventError(_("Sona ermiş bir etkinlik iptal edilemez."))
    expecting = list(
        event.signups.filter(status__in=EXPECTING_STATUSES)
        .select_related("person")
        .order_by("created_at", "pk")
    )
    transition(event, Event.Status.CANCELLED, by=by, note=reason)
    for signup in expecting:
        transition(signup, S.CANCELLED, by=by, note=reason)
    people = list({signup.person_id: signup.person for signup in expecting}.values())
    transaction.on_commit(lambda: _mail_cancellation(event, people, reason))
    return event


def _mail_cancellation(event: Event, people: list, reason: str) -> None:
    for person in people:
        language = person.preferred_language or "tr"
        with translation.override(language):
            events_url = absolute_url(reverse("event_list"))
        send_templated_mail(
            "events/mail/event_cancelled",
            {"event": event, "person": person, "reason": reason, "events_url": events_url},
            to=person.email,
            language=language,
        )


# --- At the door -----------------------------------------------------------------------------


def volunteer_hours(signup: SignUp) -> Decimal:
    """The length of the sign-up's shift (or of the event), in hours with two decimals."""
    seconds = Decimal((signup.ends_at - signup.starts_at).total_seconds())
    hours = (seconds / Decimal(3600)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(hours, MAX_HOURS)


@transaction.atomic
def attendance_mark(
    *, signup: SignUp, attended: bool, by, now: dt.datetime | None = None
) -> SignUp:
    """Mark a confirmed person as attended or not (and correct a mistake either way), from an
    hour before their event or shift starts. Attending a volunteer shift credits its length
    as volunteer hours; a no-show has none. Marking the same thing twice changes nothing."""
    signup = SignUp.objects.select_related("event", "session", "person").get(pk=signup.pk)
    require(by, "event.manage", signup.event)
    if signup.event.status == Event.Status.CANCELLED:
        raise EventError(_("İptal edilmiş bir etkinlikte yoklama alınmaz."))
    opens_at = attendance_opens_at(signup)
    if (now or timezone.now()) < opens_at:
        raise EventError(
            _("Yoklama, başlangıçtan bir saat önce açılır: %(time)s.")
            % {"time": formats.date_format(timezone.localtime(opens_at), "DATETIME_FORMAT")}
        )
    target = S.ATTENDED if attended else S.NO_SHOW
    hours = (
        volunteer_hours(signup)
        if attended and signup.event.kind == Event.Kind.VOLUNTEER_SHIFT
        else None
    )
    # The hours first, so that whoever reacts to the attendance move reads them with it.
    if signup.hours != hours:
        signup.hours = hours
        signup.save(update_fields=["hours"])
    if signup.status != target:
        transition(signup, target, by=by)
    return signup


# --- Messages --------------------------------------------------------------------------------


def message_recipients(event: Event, *, include_waitlist: bool) -> list:
    statuses = [*MESSAGE_STATUSES, *([S.WAITLISTED] if include_waitlist else [])]
    signups = event.signups.filter(status__in=statuses).select_related("person")
    return list({signup.person_id: signup.person for signup in signups}.values())


@transaction.atomic
def message_send(
    *, event: Event, subject: str, body: str, include_waitlist: bool, by
) -> EventMessage:
    """Write to the event's confirmed people (and its waitlist, when chosen): one e-mail per
    person in their language, after this commits. The record keeps how many, not who."""
    require(by, "event.manage", event)
    subject, body = " ".join((subject or "").split()), (body or "").strip()
    errors = {}
    if not subject:
        errors["subject"] = _("İletinin konusunu yazın.")
    if not body:
        errors["body"] = _("İletinin metnini yazın.")
    if errors:
        raise ValidationError(errors)
    people = message_recipients(event, include_waitlist=include_waitlist)
    if not people:
        raise EventError(_("Bu iletinin gidebileceği kayıtlı kimse yok."))
    message = EventMessage.objects.create(
        event=event,
        subject=subject,
        body=body,
        include_waitlist=include_waitlist,
        recipients=len(people),
        sent_by=by,
    )
    audit(
        event,
        "portal.event.message",
        user=by,
        data={"message": message.pk, "recipients": len(people)},
    )
    transaction.on_commit(lambda: _mail_message(event, message, people))
    return message


def _mail_message(event: Event, message: EventMessage, people: list) -> None:
    sender = event.organiser_name
    headers = {"Reply-To": event.organiser.email} if event.organiser_id else None
    for person in people:
        language = person.preferred_language or "tr"
        with translation.override(language):
            event_url = absolute_url(reverse("event_detail", args=[event.slug]))
        send_templated_mail(
            "events/mail/attendee_message",
            {
                "event": event,
                "person": person,
                "subject": message.subject,
                "body": message.body,
                "sender": sender,
                "event_url": event_url,
            },
            to=person.email,
            language=language,
            headers=headers,
        )


# --- The attendee list for a spreadsheet ------------------------------------------------------


def attendee_rows(event: Event) -> list[list[str]]:
    """The header and one row per sign-up still meaning something, in the order they came;
    times in Türkiye time. Labels in the active language."""
    header = [
        _("Ad soyad"),
        _("E-posta"),
        _("Durum"),
        _("Oturum"),
        _("Kişi sayısı"),
        _("Bilet kodu"),
        _("Gönüllü saati"),
        _("Kayıt zamanı"),
    ]
    rows = [[str(label) for label in header]]
    signups = (
        event.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES)
        .select_related("person", "session")
        .order_by("created_at", "pk")
    )
    for signup in signups:
        rows.append(
            [
                signup.person.full_name,
                signup.person.email,
                signup.get_status_display(),
                signup.session.title if signup.session_id else "",
                str(signup.places),
                signup.ticket_code,
                "" if signup.hours is None else str(signup.hours),
                spreadsheet_time(signup.created_at),
            ]
        )
    return rows
