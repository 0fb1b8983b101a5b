"""Every (from, to) pair of the application life cycle, allowed and refused, and who may move."""

import itertools

import pytest

from accreditation.factories import AccreditationWorld, ApplicationFactory, OrganisationFactory
from accreditation.models import ApplicationStatus as A
from accreditation.workflow import APPLICATION_LIFECYCLE
from core.factories import UserFactory, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, transition
from core.models import StaffRole, StatusChange

pytestmark = pytest.mark.django_db

STATUSES = [status.value for status in A]
ALLOWED = APPLICATION_LIFECYCLE.pairs()


def actor(world, source, target):
    rule = APPLICATION_LIFECYCLE.move(source, target).rule
    return {
        "application.edit": world.owner,
        "application.screen": world.coordinator,
        "application.review": world.reviewer1,
        "application.decide": world.board,
    }[rule]


def satisfy_guard(world, source, target):
    """Do what a person would do before the move: assign reviewers, score, record a visit."""
    from accreditation import applications

    if (source, target) == (A.DRAFT, A.SUBMITTED):
        world.upload_mandatory_evidence()
    if (source, target) == (A.SCREENING, A.IN_REVIEW):
        world.assign_reviewers()
    if (source, target) == (A.IN_REVIEW, A.DECISION_PENDING):
        for reviewer in (world.reviewer1, world.reviewer2):
            world.score_all(reviewer)
        world.application.assignments.update(completed_round=world.application.round)
    if (source, target) == (A.SITE_VISIT, A.IN_REVIEW):
        import datetime

        from accreditation.models import SiteVisit

        SiteVisit.objects.create(
            application=world.application,
            visited_on=datetime.date(2026, 11, 2),
            report="Tesis ve kayıtlar yerinde incelendi.",
            recorded_by=world.reviewer1,
        )
    if (source, target) == (A.APPEALED, A.IN_REVIEW):
        for reviewer in (world.reviewer3, world.reviewer4):
            assignment = applications.reviewer_assign(
                application=world.application, reviewer=reviewer, by=world.coordinator
            )
            applications.assignment_declare(assignment=assignment, by=reviewer)


def reach(world, source, target):
    changes_from = (
        "screening" if (source, target) == (A.CHANGES_REQUESTED, A.SUBMITTED) else ("in_review")
    )
    return world.reach(source, changes_from=changes_from)


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_every_allowed_move_succeeds_for_its_actor_and_is_recorded(source, target):
    world = AccreditationWorld()
    application = reach(world, source, target)
    assert application.status == source
    satisfy_guard(world, source, target)
    change = transition(application, target, by=actor(world, source, target), note="Gerekçe")
    application.refresh_from_db()
    assert application.status == target
    assert (change.from_status, change.to_status) == (source, target)
    assert StatusChange.objects.for_object(application).last() == change


@pytest.mark.parametrize(
    ("source", "target"),
    [
        pair
        for pair in itertools.product(STATUSES, STATUSES)
        if pair not in ALLOWED and pair[0] != pair[1]
    ],
)
def test_every_other_move_is_refused_as_illegal(source, target):
    """Set into ``source`` by a factory: the move table refuses before anyone's rights or any
    guard are looked at, whoever asks."""
    application = ApplicationFactory(status=source)
    people = [
        application.organisation.memberships.get().user,
        staff_user(StaffRole.COORDINATOR, application.organisation.province_id),
        staff_user(StaffRole.BOARD),
    ]
    for person in people:
        with pytest.raises(IllegalTransition):
            transition(application, target, by=person, note="Gerekçe")
    application.refresh_from_db()
    assert application.status == source
    assert not StatusChange.objects.for_object(application).exists()


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_a_person_of_another_organisation_or_province_may_not_make_the_move(source, target):
    """Set into ``source`` by a factory: whose move it is is asked before any guard, so the
    stranger is refused whatever the application holds."""
    application = ApplicationFactory(status=source)
    strangers = [
        OrganisationFactory(owner=UserFactory()).memberships.get().user,  # another NGO's owner
        staff_user(StaffRole.COORDINATOR, 6),  # coordinator of Ankara
        staff_user(StaffRole.REVIEWER, 6),  # reviewer of Ankara
    ]
    for stranger in strangers:
        with pytest.raises(TransitionNotPermitted):
            transition(application, target, by=stranger, note="Gerekçe")
    application.refresh_from_db()
    assert application.status == source
    assert not StatusChange.objects.for_object(application).exists()


def test_a_reviewer_of_the_application_may_not_decide_it():
    world = AccreditationWorld()
    application = world.reach(A.DECISION_PENDING)
    from core import services

    services.role_assign(user=world.reviewer1, role=StaffRole.BOARD)
    with pytest.raises(TransitionNotPermitted):
        transition(application, A.ACCREDITED, by=world.reviewer1)
    transition(application, A.ACCREDITED, by=world.board)


def test_a_move_that_needs_a_reason_is_refused_without_one():
    from core.exceptions import DomainError

    world = AccreditationWorld()
    application = world.reach(A.DECISION_PENDING)
    with pytest.raises(DomainError):
        transition(application, A.REJECTED, by=world.board, note="   ")
    application.refresh_from_db()
    assert application.status == A.DECISION_PENDING
