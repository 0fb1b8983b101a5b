"""Staff must enrol a second factor before they reach staff pages."""

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from core.factories import DEFAULT_PASSWORD, TEST_TOTP_SECRET, UserFactory, staff_user
from core.models import StaffRole

pytestmark = pytest.mark.django_db


def current_code() -> str:
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(TEST_TOTP_SECRET, counter))


@pytest.mark.parametrize(
    ("role", "province"),
    [
        (StaffRole.EDITOR, None),
        (StaffRole.REVIEWER, 34),
        (StaffRole.BOARD, None),
        (StaffRole.COORDINATOR, 34),
        (StaffRole.ADMIN, None),
    ],
)
def test_staff_without_mfa_are_sent_to_enrol_before_the_admin(client, role, province):
    user = staff_user(role, province, with_mfa=False)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_mfa_reach_the_admin(client):
    editor = staff_user(StaffRole.EDITOR)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_people_without_a_staff_role_are_kept_out_of_the_admin(client, person):
    client.force_login(person)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert reverse("mfa_activate_totp") not in response["Location"]


def test_signing_in_with_mfa_asks_for_the_code_and_refuses_a_wrong_one(client):
    editor = staff_user(StaffRole.EDITOR, email="editor@saglik.gov.tr")
    response = client.post(
        reverse("account_login"), {"login": editor.email, "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = "000000" if current_code() != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_a_person_can_enrol_totp_and_gets_recovery_codes(client):
    from allauth.mfa.models import Authenticator

    person = UserFactory()
    client.post(reverse("account_login"), {"login": person.email, "password": DEFAULT_PASSWORD})
    # Enrolling asks for the password again, even right after signing in.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": DEFAULT_PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    counter = next(yield_hotp_counters_from_time())
    response = client.post(
        reverse("mfa_activate_totp"), {"code": format_hotp_value(hotp_value(secret, counter))}
    )
    assert response.status_code == 302
    types = set(Authenticator.objects.filter(user=person).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
