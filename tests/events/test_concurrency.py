"""However many people press the button at once, no event is overbooked and nobody is signed up
twice: real parallel connections against PostgreSQL (SQLite runs one writer at a time, so it
cannot race)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from core.factories import UserFactory
from core.models import Province
from events.exceptions import SignUpRefused
from events.factories import EventFactory
from events.models import Event, SignUp
from events.signups import signup_cancel, signup_create

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs parallel writers (PostgreSQL)"
    ),
]
S = SignUp.Status


@pytest.fixture(autouse=True)
def _istanbul(transactional_db):
    """The events' province: a transactional test's database is emptied after each test."""
    Province.objects.get_or_create(code=34, defaults={"name": "İstanbul", "slug": "istanbul"})


def _race(calls) -> list:
    """Run the calls at the same moment, each thread on its own database connection."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # collected and asserted on by the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_many_people_at_once_never_overbook_and_wait_in_line():
    event = EventFactory(capacity=10)
    people = [UserFactory() for _ in range(40)]

    results = _race(
        [lambda p=p: signup_create(event=Event.objects.get(pk=event.pk), person=p) for p in people]
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    assert event.signups.filter(status=S.CONFIRMED).count() == 10
    assert event.signups.filter(status=S.WAITLISTED).count() == 30


def test_one_person_pressing_twice_at_once_gets_one_sign_up():
    event = EventFactory(capacity=10)
    person = UserFactory()

    results = _race(
        [lambda: signup_create(event=Event.objects.get(pk=event.pk), person=person)] * 6
    )

    assert sum(isinstance(r, SignUp) for r in results) == 1
    assert all(isinstance(r, (SignUp, SignUpRefused)) for r in results)
    assert event.signups.count() == 1


def test_simultaneous_cancellations_promote_the_waitlist_in_order_without_overbooking():
    event = EventFactory(capacity=3)
    people = [UserFactory() for _ in range(8)]
    signups = [signup_create(event=event, person=p) for p in people]

    results = _race(
        [
            lambda s=s: signup_cancel(signup=SignUp.objects.get(pk=s.pk), by=s.person)
            for s in signups[:3]
        ]
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    confirmed = list(
        event.signups.filter(status=S.CONFIRMED)
        .order_by("created_at", "pk")
        .values_list("person", flat=True)
    )
    assert confirmed == [p.pk for p in people[3:6]]  # the first three who waited
    assert event.signups.filter(status=S.WAITLISTED).count() == 2


def test_a_rush_on_one_shift_fills_only_that_shift():
    from events.factories import EventSessionFactory

    shift = EventSessionFactory(capacity=4)
    other = EventSessionFactory(
        event=shift.event,
        starts_at=shift.ends_at,
        ends_at=shift.ends_at + dt.timedelta(hours=4),
        capacity=4,
    )
    people = [UserFactory() for _ in range(20)]

    results = _race(
        [
            lambda p=p: signup_create(
                event=Event.objects.get(pk=shift.event_id), person=p, session=shift
            )
            for p in people
        ]
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    assert shift.signups.filter(status=S.CONFIRMED).count() == 4
    assert shift.signups.filter(status=S.WAITLISTED).count() == 16
    assert other.signups.count() == 0
