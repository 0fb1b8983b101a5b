"""Odd values in platform URLs (digits of other scripts, year 0, huge ids) get a page or a 404,
never a server error."""

import pytest
from django.urls import reverse

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory, staff_user
from core.models import StaffRole

pytestmark = pytest.mark.django_db

SUPERSCRIPT_TWO = "²"  # str.isdigit() says yes, int() says no


@pytest.fixture
def member(client):
    user = UserFactory()
    OrganisationFactory(accredited=True, owner=user)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "query",
    [
        {"province": SUPERSCRIPT_TWO},
        {"province": "34", "district": SUPERSCRIPT_TWO},
        {"district": "99999999999999999999"},
        {"target_group": "99999999999999999999"},
    ],
)
def test_the_activity_list_and_its_csv_answer_odd_filters(client, member, query):
    assert client.get(reverse("activity_list"), query).status_code == 200
    assert client.get(reverse("activity_export"), query).status_code == 200


@pytest.mark.parametrize("name", ["activity", "from"])
def test_a_project_form_with_an_odd_activity_number_is_not_found(client, member, name):
    response = client.get(reverse("project_create"), {name: SUPERSCRIPT_TWO})
    assert response.status_code == 404


@pytest.mark.parametrize("year", [SUPERSCRIPT_TWO, "0", "99999", "-1"])
def test_the_meeting_list_ignores_a_year_it_cannot_use(client, year):
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    response = client.get(reverse("meeting_list", args=[34]), {"year": year})
    assert response.status_code == 200
