"""Sign-up, e-mail verification, sign-in, rate limits and the admin's sign-in door."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from core.factories import DEFAULT_PASSWORD, UserFactory
from core.models import ConsentRecord, User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Çağrı Işık Güneş",
    "email": "cagri@example.org",
    "password1": "Gonullu-Parola-2026",
    "password2": "Gonullu-Parola-2026",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def confirmation_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_sign_up_records_each_ticked_consent_and_sends_a_turkish_verification_mail(client, outbox):
    response = client.post(
        reverse("account_signup"),
        {**SIGNUP, "consent_email_updates": "on", "consent_volunteer_matching": "on"},
    )

    assert response.status_code == 302
    user = User.objects.get(email="cagri@example.org")
    assert user.full_name == "Çağrı Işık Güneş"
    assert set(ConsentRecord.objects.filter(user=user).values_list("purpose__key", flat=True)) == {
        "email_updates",
        "volunteer_matching",
    }
    assert all(r.text.version == 1 for r in ConsentRecord.objects.filter(user=user))
    assert len(outbox) == 1
    assert outbox[0].to == ["cagri@example.org"]
    assert "e-posta" in outbox[0].subject.lower() or "onay" in outbox[0].subject.lower()
    assert "/accounts/confirm-email/" in outbox[0].body


def test_sign_up_without_ticking_any_box_grants_no_consent(client):
    client.post(reverse("account_signup"), SIGNUP)
    user = User.objects.get(email="cagri@example.org")
    assert not ConsentRecord.objects.filter(user=user).exists()


def test_an_unverified_person_cannot_sign_in_until_they_confirm(client, outbox):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    link = confirmation_link(outbox[-1])
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    client.post(path)
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_overview")
    assert client.session["_auth_user_id"] == str(User.objects.get(email=SIGNUP["email"]).pk)


def test_invalid_sign_up_shows_turkish_errors_and_keeps_what_was_typed_except_passwords(client):
    response = client.post(
        reverse("account_signup"),
        {**SIGNUP, "email": "cagri@", "password2": "baska-parola", "consent_public_name": "on"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Geçerli bir e-posta adresi girin" in content
    assert 'value="Çağrı Işık Güneş"' in content
    assert 'value="cagri@"' in content
    assert SIGNUP["password1"] not in content
    assert re.search(r'name="consent_public_name"[^>]*checked', content)
    assert not User.objects.exists()


def test_invalid_sign_up_in_english_gets_english_errors(client):
    response = client.post("/en/accounts/signup/", {**SIGNUP, "email": "not-an-address"})
    assert "Enter a valid email address" in response.content.decode()


def test_sign_up_accepts_turkish_names_and_rejects_an_empty_one(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "full_name": "   "})
    assert response.status_code == 200
    assert not User.objects.exists()


def test_a_registered_address_cannot_be_registered_again(client, outbox):
    UserFactory(email="cagri@example.org")
    client.post(reverse("account_signup"), SIGNUP)
    assert User.objects.filter(email="cagri@example.org").count() == 1


def test_wrong_password_gets_a_turkish_message_and_keeps_the_address(client, person):
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": "yanlis-parola"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert f'value="{person.email}"' in content
    assert "yanlis-parola" not in content
    assert "doğru değil" in content or "hatalı" in content.lower()


def test_garbage_input_never_causes_a_server_error(client):
    for data in (
        {},
        {"login": "x" * 5000, "password": "y" * 5000},
        {"login": "\x00", "password": "\x00"},
        {"login": ["a", "b"], "password": "c"},
    ):
        assert client.post(reverse("account_login"), data).status_code in (200, 400, 429)
    for data in ({}, {**SIGNUP, "email": "\x00@example.org"}, {**SIGNUP, "full_name": "x" * 500}):
        assert client.post(reverse("account_signup"), data).status_code in (200, 400)


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
)
def test_repeated_failed_logins_are_rate_limited_in_the_shared_database_cache(client, person):
    call_command("createcachetable", verbosity=0)
    refused = "Çok fazla hatalı giriş yapıldı"
    pages = [
        client.post(
            reverse("account_login"), {"login": person.email, "password": "yanlis"}
        ).content.decode()
        for _attempt in range(6)
    ]
    assert not any(refused in page for page in pages[:5])
    assert refused in pages[5]
    # The right password is refused too while the limit holds: guessing cannot go on.
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": DEFAULT_PASSWORD}
    )
    assert refused in response.content.decode()
    assert "_auth_user_id" not in client.session
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM portal_cache")
        assert cursor.fetchone()[0] > 0


def test_password_reset_sends_a_link_and_reveals_nothing_about_unknown_addresses(
    client, person, outbox
):
    client.post(reverse("account_reset_password"), {"email": person.email})
    client.post(reverse("account_reset_password"), {"email": "kimse@example.org"})
    to_person = [m for m in outbox if m.to == [person.email]]
    to_stranger = [m for m in outbox if m.to == ["kimse@example.org"]]
    assert len(to_person) == 1
    assert "/accounts/password/reset/key/" in to_person[0].body
    # The unknown address learns only that it has no account: no reset link is sent.
    assert all("/accounts/password/reset/key/" not in m.body for m in to_stranger)


def test_email_change_page_is_available_to_a_signed_in_person(client, person):
    client.force_login(person)
    assert client.get(reverse("account_email")).status_code == 200


def test_admin_login_page_is_allauths(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/" in response["Location"]


def test_signing_out_needs_a_post(client, person):
    client.force_login(person)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_a_person_updates_their_name_and_mail_language(client, person):
    client.force_login(person)
    response = client.post(
        reverse("account_profile"), {"full_name": "  Gülşen   Çağlar ", "preferred_language": "en"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.full_name, person.preferred_language) == ("Gülşen Çağlar", "en")


def test_profile_errors_keep_the_input(client, person):
    client.force_login(person)
    response = client.post(
        reverse("account_profile"), {"full_name": " ", "preferred_language": "de"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bu alan zorunludur." in content
    assert "Geçerli bir seçenek seçin" in content


def test_account_mail_goes_out_in_the_persons_preferred_language(client, outbox):
    english = UserFactory(preferred_language="en")
    turkish = UserFactory(preferred_language="tr")
    client.post(reverse("account_reset_password"), {"email": english.email})
    client.post("/en/accounts/password/reset/", {"email": turkish.email})
    by_recipient = {message.to[0]: message for message in outbox}
    assert "Password Reset" in by_recipient[english.email].subject
    assert "sıfırlama" in by_recipient[turkish.email].subject.lower()
