"""Reminder e-mails: the day before, and when an event's time or place changes. No one gets
the same reminder twice, however often the command runs or the event is saved."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from core import clock
from core.factories import UserFactory, staff_user
from core.models import StaffRole
from events.exceptions import EventError
from events.factories import EventFactory, EventSessionFactory
from events.models import Event, EventReminder, SignUp
from events.organising import SessionRow, event_cancel, event_save
from events.reminders import reminders_enqueue_due

pytestmark = pytest.mark.django_db
S = SignUp.Status
ISTANBUL = ZoneInfo("Europe/Istanbul")


def _signup(event, person=None, status=S.CONFIRMED, session=None):
    return SignUp.objects.create(
        event=event, person=person or UserFactory(), status=status, session=session
    )


def _in(hours: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


def _run_command() -> str:
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    return out.getvalue()


# --- The day before --------------------------------------------------------------------------


def test_a_due_sign_up_gets_exactly_one_reminder_however_often_the_command_runs(
    outbox, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Aile semineri", starts_at=_in(20), ends_at=_in(22))
    signup = _signup(event)

    with django_capture_on_commit_callbacks(execute=True):
        first = _run_command()
    with django_capture_on_commit_callbacks(execute=True):
        second = _run_command()

    assert first.strip() == "1 reminders queued"
    assert second.strip() == "0 reminders queued"
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == [signup.person.email]
    assert "Aile semineri" in message.subject
    assert "http://testserver" + reverse("event_detail", args=[event.slug]) in message.body
    assert "http://testserver" + reverse("event_ics", args=[event.slug]) in message.body
    assert signup.ticket_code in message.body
    assert EventReminder.objects.filter(signup=signup, kind="day_before").count() == 1


def test_a_sign_up_starting_in_three_days_gets_no_reminder_yet(
    outbox, django_capture_on_commit_callbacks
):
    _signup(EventFactory(starts_at=_in(72), ends_at=_in(74)))

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_enqueue_due() == 0

    assert outbox == []


def test_only_confirmed_sign_ups_of_published_events_not_yet_started_are_reminded(
    outbox, django_capture_on_commit_callbacks
):
    soon = EventFactory(starts_at=_in(5), ends_at=_in(7))
    confirmed = _signup(soon)
    _signup(soon, status=S.WAITLISTED)
    _signup(soon, status=S.CANCELLED)
    _signup(soon, status=S.REQUESTED)
    started = EventFactory(starts_at=_in(-1), ends_at=_in(1))
    _signup(started)
    cancelled = EventFactory(starts_at=_in(5), ends_at=_in(7))
    _signup(cancelled)
    Event.objects.filter(pk=cancelled.pk).update(status=Event.Status.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_enqueue_due() == 1

    assert [message.to for message in outbox] == [[confirmed.person.email]]


def test_a_shift_is_reminded_by_its_own_start(outbox, django_capture_on_commit_callbacks):
    event = EventFactory(kind=Event.Kind.VOLUNTEER_SHIFT, starts_at=_in(30), ends_at=_in(80))
    tomorrow = EventSessionFactory(event=event, starts_at=_in(30), ends_at=_in(34))
    later = EventSessionFactory(event=event, starts_at=_in(10), ends_at=_in(14))
    _signup(event, session=tomorrow)
    soon = _signup(event, session=later)

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_enqueue_due() == 1

    assert [message.to for message in outbox] == [[soon.person.email]]
    assert later.title in outbox[0].body


def test_a_reminder_is_written_in_the_persons_language(outbox, django_capture_on_commit_callbacks):
    person = UserFactory(preferred_language="en")
    event = EventFactory(starts_at=_in(3), ends_at=_in(4))
    _signup(event, person)

    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue_due()

    with translation.override("en"):
        english_link = "http://testserver" + reverse("event_detail", args=[event.slug])
    assert english_link.startswith("http://testserver/en/")
    assert english_link in outbox[0].body


def test_the_clock_runs_the_reminders_every_hour():
    jobs = {job.command: job for job in clock.jobs()}
    assert jobs["send_event_reminders"].every == clock.HOUR


# --- Changes of time or place ----------------------------------------------------------------


@pytest.fixture
def event():
    return EventFactory(
        title="Okul sonrası atölye",
        starts_at=dt.datetime(2030, 5, 1, 10, tzinfo=ISTANBUL),
        ends_at=dt.datetime(2030, 5, 1, 12, tzinfo=ISTANBUL),
    )


def _save(event, django_capture_on_commit_callbacks, *, by=None, sessions=None, **changes):
    """Change the event as staff do in the admin or organisers on the site: through the one
    service that saves events."""
    event.refresh_from_db()
    for field, value in changes.items():
        setattr(event, field, value)
    with django_capture_on_commit_callbacks(execute=True):
        event_save(event=event, by=by or staff_user(StaffRole.ADMIN), sessions=sessions)


def test_changing_the_time_tells_confirmed_and_waiting_people_once(
    event, outbox, django_capture_on_commit_callbacks
):
    confirmed = _signup(event)
    waiting = _signup(event, status=S.WAITLISTED)
    _signup(event, status=S.CANCELLED)
    new_start = dt.datetime(2030, 5, 1, 14, tzinfo=ISTANBUL)

    _save(
        event,
        django_capture_on_commit_callbacks,
        starts_at=new_start,
        ends_at=new_start + dt.timedelta(hours=2),
    )

    assert sorted(message.to[0] for message in outbox) == sorted(
        [confirmed.person.email, waiting.person.email]
    )
    message = next(m for m in outbox if m.to == [confirmed.person.email])
    assert message.subject == "Etkinlik bilgileri değişti: “Okul sonrası atölye”"
    assert "1 Mayıs 2030, 10:00–12:00" in message.body  # before
    assert "1 Mayıs 2030, 14:00–16:00" in message.body  # after

    outbox.clear()
    _save(event, django_capture_on_commit_callbacks)  # saved again, nothing changed
    assert outbox == []

    later = dt.datetime(2030, 5, 2, 10, tzinfo=ISTANBUL)
    _save(
        event,
        django_capture_on_commit_callbacks,
        starts_at=later,
        ends_at=later + dt.timedelta(hours=2),
    )
    assert len(outbox) == 2


def test_changing_the_place_tells_people_the_old_and_new_place(
    event, outbox, django_capture_on_commit_callbacks
):
    _signup(event)

    _save(event, django_capture_on_commit_callbacks, venue="Moda Sahnesi")

    (message,) = outbox
    assert "Kadıköy Gençlik Merkezi, İstanbul" in message.body
    assert "Moda Sahnesi, İstanbul" in message.body


def test_cancelling_the_event_tells_everyone_signed_up_once(
    event, outbox, django_capture_on_commit_callbacks
):
    confirmed = _signup(event)
    requested = _signup(event, status=S.REQUESTED)
    _signup(event, status=S.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=event, by=staff_user(StaffRole.ADMIN), reason="Salon kullanılamıyor.")

    assert sorted(m.to[0] for m in outbox) == sorted(
        [confirmed.person.email, requested.person.email]
    )
    assert all(m.subject == "“Okul sonrası atölye” etkinliği iptal edildi" for m in outbox)
    assert all("Salon kullanılamıyor." in m.body for m in outbox)

    outbox.clear()
    with pytest.raises(EventError):
        event_cancel(event=event, by=staff_user(StaffRole.ADMIN), reason="Yine.")
    assert outbox == []


def test_changing_a_draft_or_other_fields_mails_nobody(
    event, outbox, django_capture_on_commit_callbacks
):
    _signup(event)
    _save(event, django_capture_on_commit_callbacks, title="Yeni ad", capacity=40)
    draft = EventFactory(status=Event.Status.DRAFT)
    _signup(draft)
    _save(
        draft,
        django_capture_on_commit_callbacks,
        starts_at=draft.starts_at + dt.timedelta(days=1),
        ends_at=draft.ends_at + dt.timedelta(days=1),
    )

    assert outbox == []


def test_moving_a_shift_tells_only_its_people(outbox, django_capture_on_commit_callbacks):
    event = EventFactory(kind=Event.Kind.VOLUNTEER_SHIFT)
    moved = EventSessionFactory(event=event)
    kept = EventSessionFactory(event=event)
    mine = _signup(event, session=moved)
    _signup(event, session=kept)
    sequence_before = Event.objects.get(pk=event.pk).updated_at

    def rows(shift):
        return [
            SessionRow(
                pk=session.pk,
                title=session.title,
                starts_at=session.starts_at + (shift if session == moved else dt.timedelta(0)),
                ends_at=session.ends_at + (shift if session == moved else dt.timedelta(0)),
                capacity=session.capacity,
            )
            for session in (moved, kept)
        ]

    _save(event, django_capture_on_commit_callbacks, sessions=rows(dt.timedelta(hours=1)))

    assert [m.to for m in outbox] == [[mine.person.email]]
    assert moved.title in outbox[0].body
    # The event's calendar entries changed too: its SEQUENCE must grow.
    assert Event.objects.get(pk=event.pk).updated_at > sequence_before

    outbox.clear()
    moved.refresh_from_db()
    _save(event, django_capture_on_commit_callbacks, sessions=rows(dt.timedelta(0)))
    assert outbox == []


def test_a_day_before_reminder_queued_for_an_old_time_is_not_sent(
    outbox, django_capture_on_commit_callbacks
):
    event = EventFactory(starts_at=_in(5), ends_at=_in(6))
    signup = _signup(event)
    # Recorded, but the event moved before the queue sent it: the change notice tells them.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reminders_enqueue_due()
    Event.objects.filter(pk=event.pk).update(starts_at=_in(8), ends_at=_in(9))
    for callback in callbacks:
        callback()

    assert outbox == []
    assert EventReminder.objects.filter(signup=signup).count() == 1
