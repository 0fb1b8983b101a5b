"""Sign-ups: every move of the life cycle, every refusal, the waitlist and capacity."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, transition
from core.models import StaffRole
from events.exceptions import EventError, SignUpRefused
from events.factories import EventFactory
from events.models import Event, SignUp
from events.signups import (
    Reason,
    event_capacity_change,
    signup_cancel,
    signup_create,
    signup_decide,
)
from events.workflow import EVENT_LIFECYCLE, SIGNUP_LIFECYCLE

pytestmark = pytest.mark.django_db
S = SignUp.Status


@pytest.fixture
def organiser(db):
    return UserFactory()


@pytest.fixture
def event(organiser):
    organisation = OrganisationFactory(accredited=True, owner=organiser)
    return EventFactory(organiser=organisation, organiser_institution="", capacity=2)


def _people(count):
    return [UserFactory() for _ in range(count)]


# --- Places and the waitlist -----------------------------------------------------------------


def test_places_are_confirmed_until_full_then_people_wait_in_order(event):
    a, b, c, d = _people(4)
    assert [signup_create(event=event, person=p).status for p in (a, b, c, d)] == [
        S.CONFIRMED,
        S.CONFIRMED,
        S.WAITLISTED,
        S.WAITLISTED,
    ]


def test_a_cancellation_promotes_the_first_person_waiting_and_tells_them(
    event, outbox, django_capture_on_commit_callbacks
):
    a, b, c, d = _people(4)
    first = signup_create(event=event, person=a)
    for person in (b, c, d):
        signup_create(event=event, person=person)
    outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        signup_cancel(signup=first, by=a)

    statuses = dict(event.signups.values_list("person", "status"))
    assert statuses[a.pk] == S.CANCELLED
    assert statuses[c.pk] == S.CONFIRMED  # first in the queue
    assert statuses[d.pk] == S.WAITLISTED
    assert [m.to for m in outbox] == [[c.email]]
    assert event.title in outbox[0].subject


def test_raising_capacity_promotes_from_the_waitlist_in_order(event, organiser):
    people = _people(5)
    for person in people:
        signup_create(event=event, person=person)
    event_capacity_change(event=event, capacity=4, by=organiser)
    assert list(event.signups.order_by("created_at", "pk").values_list("status", flat=True)) == [
        S.CONFIRMED,
        S.CONFIRMED,
        S.CONFIRMED,
        S.CONFIRMED,
        S.WAITLISTED,
    ]


def test_capacity_cannot_go_below_the_confirmed_count(event, organiser):
    for person in _people(2):
        signup_create(event=event, person=person)
    with pytest.raises(EventError, match="onaylanmış 2 kişinin altına"):
        event_capacity_change(event=event, capacity=1, by=organiser)
    event.refresh_from_db()
    assert event.capacity == 2


def test_only_the_organiser_changes_capacity(event):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        event_capacity_change(event=event, capacity=10, by=UserFactory())


def test_without_a_waitlist_a_full_event_refuses(event):
    event.waitlist_enabled = False
    event.save()
    for person in _people(2):
        signup_create(event=event, person=person)
    with pytest.raises(SignUpRefused) as refused:
        signup_create(event=event, person=UserFactory())
    assert refused.value.reason == Reason.FULL
    assert "kontenjanı doldu" in str(refused.value)


def test_with_organiser_approval_sign_ups_wait_for_a_decision(event, organiser):
    event.approval = Event.Approval.ORGANISER
    event.save()
    a, b, c, d = _people(4)
    signups = [signup_create(event=event, person=p) for p in (a, b, c, d)]
    assert {s.status for s in signups} == {S.REQUESTED}
    signup_decide(signup=signups[0], approve=True, by=organiser)
    signup_decide(signup=signups[1], approve=True, by=organiser)
    signup_decide(signup=signups[2], approve=True, by=organiser)  # full: waits
    signup_decide(signup=signups[3], approve=False, by=organiser, note="Hedef grup dışı")
    assert [s.status for s in SignUp.objects.filter(pk__in=[x.pk for x in signups])] == [
        S.CONFIRMED,
        S.CONFIRMED,
        S.WAITLISTED,
        S.REJECTED,
    ]


# --- Every refusal reason --------------------------------------------------------------------


def _refusal(event, person=None, **kwargs):
    with pytest.raises(SignUpRefused) as refused:
        signup_create(event=event, person=person or UserFactory(), **kwargs)
    return refused.value


def test_refusals_say_why(event):
    now = timezone.now()
    event.registration_opens_at = now + dt.timedelta(days=1)
    event.save()
    assert _refusal(event).reason == Reason.NOT_OPEN

    event.registration_opens_at = now - dt.timedelta(days=2)
    event.registration_closes_at = now - dt.timedelta(days=1)
    event.save()
    refused = _refusal(event)
    assert refused.reason == Reason.CLOSED and "Kayıt süresi doldu." in str(refused)

    event.registration_closes_at = None
    event.minimum_age = 18
    event.save()
    assert _refusal(event).reason == Reason.TOO_YOUNG  # no birth date given
    young = timezone.localdate() - dt.timedelta(days=365 * 15)
    assert _refusal(event, birth_date=young).reason == Reason.TOO_YOUNG
    adult = signup_create(event=event, person=UserFactory(), birth_date=dt.date(1990, 1, 1))
    assert adult.status == S.CONFIRMED

    assert _refusal(event, adult.person).reason == Reason.ALREADY

    event.audience = Event.Audience.INVITED
    event.save()
    assert _refusal(event).reason == Reason.AUDIENCE


def test_a_clash_with_another_confirmed_event_is_refused(event):
    person = UserFactory()
    other = EventFactory(
        starts_at=event.starts_at + dt.timedelta(hours=1),
        ends_at=event.ends_at + dt.timedelta(hours=1),
        title="Gönüllü vardiyası",
    )
    signup_create(event=other, person=person)
    refused = _refusal(event, person)
    assert refused.reason == Reason.CLASH
    assert "Gönüllü vardiyası" in str(refused)
    # Back to back is not a clash.
    later = EventFactory(starts_at=other.ends_at, ends_at=other.ends_at + dt.timedelta(hours=1))
    assert signup_create(event=later, person=person).status == S.CONFIRMED


def test_a_started_or_unpublished_event_takes_no_sign_ups(event):
    event.status = Event.Status.DRAFT
    event.save()
    assert _refusal(event).reason == Reason.STARTED
    event.status = Event.Status.PUBLISHED
    event.save()
    later = event.starts_at + dt.timedelta(minutes=1)
    assert _refusal(event, now=later).reason == Reason.STARTED


def test_cancelling_is_possible_until_the_event_starts(event):
    person = UserFactory()
    signup = signup_create(event=event, person=person)
    with pytest.raises(EventError):
        signup_cancel(signup=signup, by=person, now=event.starts_at)
    signup_cancel(signup=signup, by=person)
    assert signup.status == S.CANCELLED
    # Cancelled, the person may sign up again.
    assert signup_create(event=event, person=person).status == S.CONFIRMED


def test_the_database_refuses_two_active_sign_ups_of_one_person(event):
    person = UserFactory()
    SignUp.objects.create(event=event, person=person, status=S.CONFIRMED)
    with pytest.raises(IntegrityError):
        SignUp.objects.create(event=event, person=person, status=S.WAITLISTED)


def test_the_database_refuses_an_event_that_ends_before_it_starts(organiser):
    with pytest.raises(IntegrityError):
        EventFactory(ends_at=timezone.now(), starts_at=timezone.now() + dt.timedelta(hours=1))


# --- The life cycle, pair by pair ------------------------------------------------------------


def _signup_in(event, status, person=None):
    return SignUp.objects.create(event=event, person=person or UserFactory(), status=status)


ALL = [s.value for s in S]
MOVES = SIGNUP_LIFECYCLE.pairs()


@pytest.mark.parametrize(("source", "target"), sorted(MOVES))
def test_every_allowed_move(event, organiser, source, target):
    person = UserFactory()
    signup = _signup_in(event, source, person)
    move = SIGNUP_LIFECYCLE.move(source, target)
    by = None if move.rule == "system" else (person if move.rule == "signup.cancel" else organiser)
    transition(signup, target, by=by)
    assert signup.status == target


@pytest.mark.parametrize(
    ("source", "target"),
    sorted((a, b) for a in ALL for b in ALL if a != b and (a, b) not in MOVES),
)
def test_every_other_move_is_refused(event, organiser, source, target):
    signup = _signup_in(event, source)
    with pytest.raises(IllegalTransition):
        transition(signup, target, by=organiser)


def test_strangers_cannot_move_someone_elses_sign_up(event):
    signup = _signup_in(event, S.CONFIRMED)
    stranger = UserFactory()
    for target in (S.CANCELLED, S.ATTENDED, S.NO_SHOW):
        with pytest.raises(TransitionNotPermitted):
            transition(signup, target, by=stranger)


def test_the_province_coordinator_manages_attendance(event, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = False
    coordinator = staff_user(StaffRole.COORDINATOR, 34, with_mfa=False)
    elsewhere = staff_user(StaffRole.COORDINATOR, 35, with_mfa=False)
    signup = _signup_in(event, S.CONFIRMED)
    with pytest.raises(TransitionNotPermitted):
        transition(signup, S.ATTENDED, by=elsewhere)
    transition(signup, S.ATTENDED, by=coordinator)
    assert signup.status == S.ATTENDED


def test_staff_reach_the_event_admin_and_other_people_do_not(client, settings, event):
    from django.urls import reverse

    settings.PORTAL_STAFF_MFA_REQUIRED = False
    coordinator = staff_user(StaffRole.COORDINATOR, 34, with_mfa=False)
    client.force_login(coordinator)
    assert client.get(reverse("event:index")).status_code == 200
    assert client.get(reverse("event:add")).status_code == 200
    assert client.get(reverse("event:edit", args=[event.pk])).status_code == 200
    elsewhere = staff_user(StaffRole.COORDINATOR, 35, with_mfa=False)
    client.force_login(elsewhere)
    assert client.get(reverse("event:edit", args=[event.pk])).status_code in {302, 403}
    client.force_login(UserFactory())
    assert client.get(reverse("event:index")).status_code in {302, 403}


def test_only_accredited_organisations_publish_events(organiser):
    from django.core.exceptions import ValidationError

    unaccredited = OrganisationFactory(owner=organiser)
    event = EventFactory.build(organiser=unaccredited, organiser_institution="")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "akredite kuruluşlar" in str(error.value.message_dict["organiser"])
    event.status = Event.Status.DRAFT
    event.full_clean(exclude=["slug"])


# --- Sessions and shifts, sign-ups for several people -----------------------------------------


def test_each_shift_has_its_own_places_and_waitlist():
    from events.factories import EventSessionFactory

    morning = EventSessionFactory(capacity=1)
    evening = EventSessionFactory(
        event=morning.event,
        starts_at=morning.ends_at + dt.timedelta(hours=1),
        ends_at=morning.ends_at + dt.timedelta(hours=5),
        capacity=1,
    )
    a, b = _people(2)
    assert signup_create(event=morning.event, person=a, session=morning).status == S.CONFIRMED
    assert signup_create(event=morning.event, person=b, session=morning).status == S.WAITLISTED
    assert signup_create(event=morning.event, person=b, session=evening).status == S.CONFIRMED
    # The same person may take two shifts that do not overlap, but not one twice.
    assert signup_create(event=morning.event, person=a, session=evening).status == S.WAITLISTED
    with pytest.raises(SignUpRefused) as refused:
        signup_create(event=morning.event, person=a, session=morning)
    assert refused.value.reason == Reason.ALREADY


def test_an_event_with_shifts_asks_which_one():
    from events.factories import EventSessionFactory

    shift = EventSessionFactory()
    with pytest.raises(SignUpRefused) as refused:
        signup_create(event=shift.event, person=UserFactory())
    assert refused.value.reason == Reason.SESSION


def test_overlapping_shifts_clash():
    from events.factories import EventSessionFactory

    first = EventSessionFactory()
    other = EventSessionFactory(starts_at=first.starts_at + dt.timedelta(hours=1))
    person = UserFactory()
    signup_create(event=first.event, person=person, session=first)
    with pytest.raises(SignUpRefused) as refused:
        signup_create(event=other.event, person=person, session=other)
    assert refused.value.reason == Reason.CLASH
    assert first.title in str(refused.value)


def test_a_sign_up_for_several_people_waits_until_they_all_fit_and_keeps_its_turn(event):
    a, b, c = _people(3)
    first = signup_create(event=event, person=a)  # 1 of 2
    group = signup_create(event=event, person=b, places=2)  # needs 2, 1 free
    single = signup_create(event=event, person=c)  # behind the group
    assert (group.status, single.status) == (S.WAITLISTED, S.WAITLISTED)
    signup_cancel(signup=first, by=a)
    group.refresh_from_db()
    single.refresh_from_db()
    assert (group.status, single.status) == (S.CONFIRMED, S.WAITLISTED)


def test_volunteers_only_events_take_members_of_accredited_organisations(event):
    event.audience = Event.Audience.VOLUNTEERS
    event.save()
    stranger = UserFactory()
    with pytest.raises(SignUpRefused) as refused:
        signup_create(event=event, person=stranger)
    assert refused.value.reason == Reason.AUDIENCE
    member = UserFactory()
    OrganisationFactory(accredited=True, owner=member)
    assert signup_create(event=event, person=member).status == S.CONFIRMED


# --- The event's own life cycle: draft → published → cancelled ---------------------------------

E = Event.Status
EVENT_MOVES = sorted(EVENT_LIFECYCLE.pairs())
EVENT_STATES = [E.DRAFT, E.PUBLISHED, E.CANCELLED]


def _event_in(status, organiser):
    organisation = OrganisationFactory(accredited=True, owner=organiser)
    return EventFactory(organiser=organisation, organiser_institution="", status=status)


@pytest.mark.parametrize(("source", "target"), EVENT_MOVES)
def test_every_allowed_event_move(organiser, source, target):
    event = _event_in(source, organiser)
    transition(event, target, by=organiser, note="Salon kullanılamıyor.")
    event.refresh_from_db()
    assert event.status == target
    assert event.history().last().to_status == target


@pytest.mark.parametrize(
    ("source", "target"),
    sorted(
        (a, b) for a in EVENT_STATES for b in EVENT_STATES if a != b and (a, b) not in EVENT_MOVES
    ),
)
def test_every_other_event_move_is_refused(organiser, source, target):
    event = _event_in(source, organiser)
    with pytest.raises(IllegalTransition):
        transition(event, target, by=organiser, note="Deneme")


def test_an_organisation_without_accreditation_cannot_publish_and_strangers_cannot_cancel(
    organiser,
):
    draft = EventFactory(
        organiser=OrganisationFactory(owner=organiser), organiser_institution="", status=E.DRAFT
    )
    with pytest.raises(EventError, match="akredite"):
        transition(draft, E.PUBLISHED, by=organiser)
    published = _event_in(E.PUBLISHED, organiser)
    with pytest.raises(TransitionNotPermitted):
        transition(published, E.CANCELLED, by=UserFactory(), note="Deneme")


def test_the_publishing_guard_only_checks(organiser):
    """A refused publication leaves the event exactly as it was: guards have no side
    effects, so the caller's copy is not half-published either."""
    from events.workflow import _may_publish

    unaccredited = OrganisationFactory(owner=organiser)
    event = EventFactory(
        organiser=unaccredited, organiser_institution="", status=Event.Status.DRAFT
    )
    with pytest.raises(EventError):
        _may_publish(event, organiser)
    assert event.status == Event.Status.DRAFT
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT
