"""The organisers' side of events: drafting and publishing an event with its sessions and
working groups, and cancelling it.

Everything an organiser changes is checked before anything is written, and the checks that
depend on sign-ups (capacity never below the people confirmed, no deleting a session people
signed up for) run with the event's row locked, the lock sign-ups take too.

Taking attendance at the door is in ``attendance``, messages to attendees in
``attendee_messages``, and the lists organisers read in ``organiser_selectors``.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from core.audit import audit
from core.lifecycle import transition
from core.mail import absolute_url, send_templated_mail
from core.permissions import can, require
from core.text import unique_slug

from . import reminders, signups

# Re-exported: attendance moved to ``attendance``, and callers outside this app still
# reach it as ``organising.attendance_mark``.
from .attendance import attendance_mark as attendance_mark
from .exceptions import EventError
from .models import Event, EventSession, SignUp, WorkingGroup, WorkshopRegistration

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.event.create": _("Etkinlik oluşturuldu"),
    "portal.event.update": _("Etkinlik güncellendi"),
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
