"""People and organisations the platform tests share. Each test asks only for whom it needs;
records in a state come from the factories in ``cooperation/factories.py``."""

import pytest

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.factories import UserFactory, staff_user
from core.models import StaffRole, User


def owner_of(organisation) -> User:
    return User.objects.get(
        memberships__organisation=organisation, memberships__role=Membership.Role.OWNER
    )


@pytest.fixture
def coordinator(db):
    """İstanbul's coordinator, with a second factor."""
    return staff_user(StaffRole.COORDINATOR, 34)


# --- A joint project's organisations ----------------------------------------------------------


@pytest.fixture
def lead(db):
    """The accredited İstanbul organisation that leads the project; ``lead_owner`` owns it."""
    return OrganisationFactory(
        accredited=True,
        owner=UserFactory(email="lider@example.org"),
        legal_name="Umut Işığı Derneği",
    )


@pytest.fixture
def lead_owner(lead):
    return owner_of(lead)


@pytest.fixture
def lead_member(lead):
    """A plain member of the lead: not one of its managers."""
    member = UserFactory()
    Membership.objects.create(organisation=lead, user=member, role=Membership.Role.MEMBER)
    return member


@pytest.fixture
def partner_org(db):
    """An accredited organisation, the project's partner where a test makes it one."""
    return OrganisationFactory(
        accredited=True,
        owner=UserFactory(email="ortak@example.org"),
        legal_name="Moda Gençlik Derneği",
    )


@pytest.fixture
def partner_owner(partner_org):
    return owner_of(partner_org)


@pytest.fixture
def third(db):
    """A third accredited organisation, outside the project until a test brings it in."""
    return OrganisationFactory(
        accredited=True,
        owner=UserFactory(email="ucuncu@example.org"),
        legal_name="Bornova Vakfı",
    )


@pytest.fixture
def third_owner(third):
    return owner_of(third)
