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
from django.utils import timezone

from .models import Event, EventReminder, EventSession, SignUp
from .tasks import send_event_reminder

S = SignUp.Status
R = EventReminder.Kind

REMIND_WITHIN = dt.timedelta(hours=24)
TIME_FIELDS = ("starts_at", "ends_at")
PLACE_FIELDS = ("venue", "district_id", "province_id", "is_online", "online_url")
EVENT_FIELDS = (*TIME_FIELDS, *PLACE_FIELDS)
SESSION_FIELDS = TIME_FIELDS
TOLD_OF_CHANGES = EventReminder.TOLD_OF_CHANGES


def _enqueue(reminder: EventReminder, before: dict | None = None) -> None:
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
        key = EventReminder.start_key(signup.starts_at)
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
