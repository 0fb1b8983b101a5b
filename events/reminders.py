"""Reminder e-mails: the day before an event, and when its time or place changes.

Each mail is first recorded as an ``EventReminder`` whose unique (sign-up, kind, key) makes
sending idempotent: the day-before reminder is keyed by the start it announces, a change by
the change itself. The mail leaves through the task queue after the transaction that recorded
it commits, in the person's language. Changes are told by the service that saves an event
(``organising.event_save``), on the site and in the admin alike; a cancellation is told by
``organising.event_cancel``.
"""

import datetime as dt
import hashlib
from functools import partial

from django.db import transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.mail import absolute_url, send_templated_mail
from core.models import District, Province

from .models import Event, EventReminder, EventSession, SignUp

S = SignUp.Status
R = EventReminder.Kind

REMIND_WITHIN = dt.timedelta(hours=24)
TIME_FIELDS = ("starts_at", "ends_at")
PLACE_FIELDS = ("venue", "district_id", "province_id", "is_online", "online_url")
EVENT_FIELDS = (*TIME_FIELDS, *PLACE_FIELDS)
SESSION_FIELDS = TIME_FIELDS
# Everyone still holding or waiting for a place hears about a change.
TOLD_OF_CHANGES = (S.REQUESTED, S.CONFIRMED, S.WAITLISTED)


def _start_key(starts_at: dt.datetime) -> str:
    return starts_at.astimezone(dt.UTC).isoformat()


def _enqueue(reminder: EventReminder, before: dict | None = None) -> None:
    from .tasks import send_event_reminder

    transaction.on_commit(partial(send_event_reminder.enqueue, reminder.pk, before))


# --- The day before --------------------------------------------------------------------------


def reminders_enqueue_due(*, now: dt.datetime | None = None) -> int:
    """Queue the day-before reminder of every confirmed sign-up whose event (or session)
    starts within the next 24 hours and has not started. Safe to run as often as wanted: a
    reminder already recorded for the same start is not queued again. Returns how many were
    queued."""
    now = now or timezone.now()
    until = now + REMIND_WITHIN
    due = (
        SignUp.objects.filter(status=S.CONFIRMED, event__status=Event.Status.PUBLISHED)
        .filter(
            Q(session__isnull=True, event__starts_at__gt=now, event__starts_at__lte=until)
            | Q(session__isnull=False, session__starts_at__gt=now, session__starts_at__lte=until)
        )
        .select_related("event", "session")
        .prefetch_related(
            Prefetch(
                "reminders",
                queryset=EventReminder.objects.filter(kind=R.DAY_BEFORE),
                to_attr="day_before_reminders",
            )
        )
        .order_by("pk")
    )
    queued = 0
    for signup in due:
        key = _start_key(signup.starts_at)
        if any(reminder.key == key for reminder in signup.day_before_reminders):
            continue
        with transaction.atomic():
            reminder, created = EventReminder.objects.get_or_create(
                signup=signup, kind=R.DAY_BEFORE, key=key
            )
            if created:
                _enqueue(reminder)
                queued += 1
    return queued


# --- Changes of time or place ----------------------------------------------------------------


def _change_key(event: Event, session: EventSession | None) -> str:
    """A short hash of the new time and place and of the moment of the change, so the same
    save is recorded once while a later change, even back to an earlier time, is told too."""
    values = [session.starts_at, session.ends_at] if session is not None else []
    values += [getattr(event, field) for field in (*TIME_FIELDS, *PLACE_FIELDS)]
    values.append(event.updated_at)
    text = "|".join(
        value.isoformat() if hasattr(value, "isoformat") else str(value) for value in values
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _payload(values: dict) -> dict:
    """What the mail needs of the earlier time and place, as JSON for the task queue."""
    return {
        "starts_at": values["starts_at"].isoformat(),
        "ends_at": values["ends_at"].isoformat(),
        "venue": values["venue"],
        "district_id": values["district_id"],
        "province_id": values["province_id"],
        "is_online": values["is_online"],
    }


def reminders_for_edit(
    *, event: Event, before: dict, sessions_before: dict[int, dict], sessions=None
) -> int:
    """After ``event`` was saved: tell the people concerned what changed of its time or place,
    and of each of its sessions' times. ``before`` holds the event's ``EVENT_FIELDS`` as they
    were, ``sessions_before`` each existing session's ``SESSION_FIELDS``. A save that changes
    nothing tells no one; a draft has no sign-ups to tell. Returns how many mails were queued."""
    queued = 0
    moved = [
        (session, sessions_before[session.pk])
        for session in event.sessions.filter(pk__in=sessions_before)
        if any(sessions_before[session.pk][f] != getattr(session, f) for f in SESSION_FIELDS)
    ]
    if moved:
        # The event's calendar entries change with its sessions: its updated_at drives SEQUENCE.
        event.updated_at = timezone.now()
        Event.objects.filter(pk=event.pk).update(updated_at=event.updated_at)
    if event.status != Event.Status.PUBLISHED:
        return 0
    if any(before[field] != getattr(event, field) for field in EVENT_FIELDS):
        queued += reminders_for_change(event=event, before=before)
    for session, session_before in moved:
        queued += reminders_for_change(event=event, session=session, before=session_before)
    return queued


def reminders_for_change(*, event: Event, session: EventSession | None = None, before: dict) -> int:
    """Tell each person concerned that the event (or their session) changed.

    ``before`` holds the earlier values of the changed record (``EVENT_FIELDS`` of the event,
    or ``SESSION_FIELDS`` of the session). Concerned are the requested, confirmed and
    waitlisted sign-ups: of the session when a session changed; of the whole event when its
    place changed; of the event itself (not its sessions, which keep their own times) when only
    its time changed. Returns how many mails were queued."""
    signups = event.signups.filter(status__in=TOLD_OF_CHANGES)
    if session is not None:
        signups = signups.filter(session=session)
        key = _change_key(event, session)
        old = {
            **{field: getattr(event, field) for field in PLACE_FIELDS},
            **{field: before[field] for field in TIME_FIELDS},
        }
    else:
        place_changed = any(before[field] != getattr(event, field) for field in PLACE_FIELDS)
        if not place_changed:
            signups = signups.filter(session__isnull=True)
        key = _change_key(event, None)
        old = before
    queued = 0
    for signup in signups.order_by("pk"):
        reminder, created = EventReminder.objects.get_or_create(
            signup=signup, kind=R.CHANGED, key=key
        )
        if created:
            _enqueue(reminder, _payload(old))
            queued += 1
    return queued


# --- Delivery (run by the task) --------------------------------------------------------------


def _place_label(values: dict) -> str:
    """The place as ``Event.place_label`` writes it, for values the event no longer has."""
    if values["is_online"]:
        return _("Çevrim içi")
    district = (
        District.objects.filter(pk=values["district_id"]).values_list("name", flat=True).first()
        if values["district_id"]
        else ""
    )
    province = (
        Province.objects.filter(pk=values["province_id"]).values_list("name", flat=True).first()
        or ""
    )
    return ", ".join(part for part in (values["venue"], district, province) if part)


def reminder_deliver(*, reminder_id: int, before: dict | None = None) -> bool:
    """Mail one recorded reminder, unless it no longer applies (the person cancelled, the
    event was cancelled or moved since it was queued). Returns whether a mail was sent."""
    reminder = (
        EventReminder.objects.filter(pk=reminder_id)
        .select_related(
            "signup__person",
            "signup__session",
            "signup__event__organiser",
            "signup__event__province",
            "signup__event__district",
        )
        .first()
    )
    if reminder is None:
        return False
    signup = reminder.signup
    event, session, person = signup.event, signup.session, signup.person
    if reminder.kind == R.DAY_BEFORE:
        if (
            signup.status != S.CONFIRMED
            or event.status != Event.Status.PUBLISHED
            or _start_key(signup.starts_at) != reminder.key
        ):
            return False
        template = "events/mail/reminder_day_before"
    else:
        if signup.status not in TOLD_OF_CHANGES or event.status != Event.Status.PUBLISHED:
            return False
        template = "events/mail/event_changed"
    language = person.preferred_language or "tr"
    with translation.override(language):
        context = {
            "person": person,
            "signup": signup,
            "event": event,
            "session": session,
            "starts_at": signup.starts_at,
            "ends_at": signup.ends_at,
            "place": event.place_label,
            # Only the person's own mail, and only with a place: the link to join online.
            "online_url": event.online_url
            if event.is_online and signup.status == S.CONFIRMED
            else "",
            "event_url": absolute_url(reverse("event_detail", args=[event.slug])),
            "ics_url": absolute_url(reverse("event_ics", args=[event.slug])),
        }
        if before:
            context.update(
                {
                    "old_starts_at": parse_datetime(before["starts_at"]),
                    "old_ends_at": parse_datetime(before["ends_at"]),
                    "old_place": _place_label(before),
                }
            )
    send_templated_mail(template, context, to=person.email, language=language)
    return True
