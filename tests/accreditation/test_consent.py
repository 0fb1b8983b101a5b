import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from core import services
from core.factories import consent_purpose
from core.models import ConsentRecord

pytestmark = pytest.mark.django_db


def test_granting_records_the_current_text_version_and_time(person):
    purpose = consent_purpose("email_updates")
    before = timezone.now()
    record = services.consent_grant(user=person, purpose=purpose)
    assert record.text.version == 1
    assert record.granted_at >= before
    assert services.consent_in_force(user=person, purpose_key="email_updates")
    assert ModelLogEntry.objects.filter(action="portal.consent.grant").count() == 1


def test_granting_twice_keeps_one_consent_in_force(person):
    purpose = consent_purpose()
    first = services.consent_grant(user=person, purpose=purpose)
    second = services.consent_grant(user=person, purpose=purpose)
    assert first.pk == second.pk
    assert ConsentRecord.objects.filter(user=person).count() == 1


def test_the_database_refuses_two_consents_in_force_for_one_purpose(person):
    record = services.consent_grant(user=person, purpose=consent_purpose())
    with pytest.raises(IntegrityError):
        ConsentRecord.objects.create(
            user=person, purpose=record.purpose, text=record.text, granted_at=timezone.now()
        )


def test_withdrawing_keeps_the_history_and_a_new_grant_uses_the_new_text(person, admin_user):
    purpose = consent_purpose("volunteer_matching")
    old = services.consent_grant(user=person, purpose=purpose)
    services.consent_withdraw(user=person, purpose=purpose)
    assert not services.consent_in_force(user=person, purpose_key="volunteer_matching")

    services.consent_text_publish(
        purpose=purpose, body="Yeni metin", body_en="New text", user=admin_user
    )
    new = services.consent_grant(user=person, purpose=purpose)

    old.refresh_from_db()
    assert old.withdrawn_at is not None and old.text.version == 1
    assert new.text.version == 2 and new.withdrawn_at is None
    assert ConsentRecord.objects.filter(user=person, purpose=purpose).count() == 2


def test_withdrawing_what_was_never_given_changes_nothing(person):
    assert services.consent_withdraw(user=person, purpose=consent_purpose()) is None


def test_a_person_withdraws_only_their_own_consent(client, person, other_person):
    purpose = consent_purpose()
    services.consent_grant(user=person, purpose=purpose)
    services.consent_grant(user=other_person, purpose=purpose)

    client.force_login(person)
    response = client.post(
        reverse("account_consent_change", args=[purpose.key]), {"action": "withdraw"}
    )

    assert response.status_code == 302
    assert not services.consent_in_force(user=person, purpose_key=purpose.key)
    assert services.consent_in_force(user=other_person, purpose_key=purpose.key)


def test_consent_page_lists_each_purpose_with_its_status(client, person):
    services.consent_grant(user=person, purpose=consent_purpose("ngo_contact"))
    client.force_login(person)
    response = client.get(reverse("account_consents"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "STK&#x27;ların benimle iletişime geçmesi" in content or (
        "STK'ların benimle iletişime geçmesi" in content
    )
    assert "Rızayı geri al" in content
    assert "Rıza ver" in content


def test_consent_page_needs_sign_in(client):
    response = client.get(reverse("account_consents"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_consent_page_queries_stay_constant_as_history_grows(client, person):
    client.force_login(person)
    purposes = ["email_updates", "volunteer_matching", "ngo_contact", "public_name"]
    services.consent_grant(user=person, purpose=consent_purpose(purposes[0]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("account_consents"))  # warm up: site settings are created on first use
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("account_consents"))
    for _round in range(5):
        for key in purposes:
            services.consent_withdraw(user=person, purpose=consent_purpose(key))
            services.consent_grant(user=person, purpose=consent_purpose(key))
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("account_consents"))
    assert [q["sql"][:60] for q in large.captured_queries] == [
        q["sql"][:60] for q in small.captured_queries
    ]


def test_personal_data_export_holds_only_the_persons_own_data(client, person, other_person):
    services.consent_grant(user=person, purpose=consent_purpose("email_updates"))
    services.consent_grant(user=other_person, purpose=consent_purpose("public_name"))
    client.force_login(person)
    response = client.get(reverse("account_data_export"))
    data = response.json()
    assert response["Content-Disposition"].startswith("attachment;")
    assert data["account"]["email"] == person.email
    assert [c["purpose"] for c in data["consents"]] == ["email_updates"]
    assert other_person.email not in response.content.decode()
