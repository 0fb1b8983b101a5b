"""The people of the volunteering tests: an accredited organisation in İstanbul with its owner,
its published program with one role, a volunteer with matching consent, the province's staff,
and people who must be refused. Each is made only when a test asks for it.

``volunteer`` is the person (a user) and ``profile`` their volunteer profile; modules with
their own fixture of the same name (a page test's ``volunteer`` profile) keep theirs.
"""

import pytest

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.factories import UserFactory, staff_user
from core.models import StaffRole
from volunteers.factories import (
    MatchFactory,
    ProgramFactory,
    RoleFactory,
    VolunteerProfileFactory,
)
from volunteers.models import MatchingSettings


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(accredited=True, owner=owner)


@pytest.fixture
def program(organisation):
    return ProgramFactory(organisation=organisation)


@pytest.fixture
def role(program):
    return RoleFactory(program=program)


@pytest.fixture
def profile(db):
    return VolunteerProfileFactory()


@pytest.fixture
def volunteer(profile):
    return profile.user


@pytest.fixture
def active_match(role, volunteer):
    """The volunteer's placement in the role, begun today."""
    return MatchFactory(role=role, person=volunteer, active=True)


@pytest.fixture
def coordinator(db):
    return staff_user(StaffRole.COORDINATOR, 34)


@pytest.fixture
def reviewer(db):
    return staff_user(StaffRole.REVIEWER, 34)


@pytest.fixture
def board(db):
    return staff_user(StaffRole.BOARD)


@pytest.fixture
def no_mentor_hours_required(db):
    """Staff require no trainings nor supervised hours: a reference and a declaration are
    enough to submit a mentor credential."""
    settings = MatchingSettings.load()
    settings.mentor_training_hours = 0
    settings.mentor_supervised_hours = 0
    settings.save()
    return settings


# --- People who must be refused ----------------------------------------------------------------


@pytest.fixture
def other_ngo_owner(db):
    return OrganisationFactory(accredited=True, owner=UserFactory()).memberships.get().user


@pytest.fixture
def plain_member(organisation):
    """A member of the organisation who does not manage it."""
    user = UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role="member")
    return user


@pytest.fixture
def other_volunteer(db):
    return VolunteerProfileFactory().user


@pytest.fixture
def coordinator_elsewhere(db):
    return staff_user(StaffRole.COORDINATOR, 6)


@pytest.fixture
def reviewer_elsewhere(db):
    return staff_user(StaffRole.REVIEWER, 6)


@pytest.fixture
def other_reviewer(db):
    """A reviewer of the same province, not assigned to the credential."""
    return staff_user(StaffRole.REVIEWER, 34)
