"""The recovery declaration of a mentor credential is special-category data: only the person
and the assigned reviewer (after stating a purpose) can read it, every reading is logged, and
it never leaves through exports, e-mails, lists or the database in plain text."""

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from core.factories import staff_user
from core.models import StaffRole
from core.privacy import personal_data_export
from volunteers import credentials, declarations
from volunteers.factories import VolunteerProfileFactory
from volunteers.models import DeclarationAccess, MentorCredential, RecoveryDeclaration

from .test_staff_pages import STATEMENT, submitted_credential

pytestmark = pytest.mark.django_db

SECRET = "mavi defterimi"  # a phrase only the statement contains
PURPOSE = "Deneyim mentoru başvurusunu değerlendirmek için."


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    reviewer = staff_user(StaffRole.REVIEWER, 34)
    with django_capture_on_commit_callbacks(execute=True):
        credential = submitted_credential(coordinator)
        credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
    credential.refresh_from_db()
    return {
        "credential": credential,
        "person": credential.person,
        "coordinator": coordinator,
        "reviewer": reviewer,
        "unassigned_reviewer": staff_user(StaffRole.REVIEWER, 34),
        "board": staff_user(StaffRole.BOARD),
        "ngo_member": credential.owner,
        "other_volunteer": VolunteerProfileFactory().user,
        "other_coordinator": staff_user(StaffRole.COORDINATOR, 35),
        "admin": staff_user(StaffRole.ADMIN),
    }


def _url(credential):
    return reverse("staff_declaration", args=[credential.pk])


@pytest.mark.parametrize(
    "who",
    [
        "ngo_member",
        "other_volunteer",
        "coordinator",
        "other_coordinator",
        "admin",
        "board",
        "unassigned_reviewer",
        "person",
    ],
)
def test_declaration_page_is_refused_and_nothing_is_logged(client, world, who):
    credential = world["credential"]
    client.force_login(world[who])
    for response in (
        client.get(_url(credential)),
        client.post(_url(credential), {"purpose": PURPOSE}),
    ):
        assert response.status_code == 403
        assert SECRET not in response.content.decode()
    assert not DeclarationAccess.objects.exists()


@pytest.mark.parametrize(
    "who", ["ngo_member", "other_volunteer", "coordinator", "board", "unassigned_reviewer"]
)
def test_service_refuses_everyone_but_the_person_and_the_reviewer(world, who):
    with pytest.raises(PermissionDenied):
        declarations.declaration_read(
            credential=world["credential"], by=world[who], purpose=PURPOSE
        )
    assert not DeclarationAccess.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(_url(world["credential"]))
    assert response.status_code == 302
    assert SECRET not in response.content.decode()


def test_reviewer_without_a_second_factor_cannot_read(client, world):
    credential = world["credential"]
    reviewer = world["reviewer"]
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=reviewer).delete()
    client.force_login(reviewer)
    assert client.post(_url(credential), {"purpose": PURPOSE}).status_code == 403
    assert not DeclarationAccess.objects.exists()


@pytest.mark.parametrize("purpose", [None, "", "   ", "bakmak", "<b>x</b>"])
def test_assigned_reviewer_without_a_purpose_sees_nothing(client, world, purpose):
    credential = world["credential"]
    client.force_login(world["reviewer"])
    page = client.get(_url(credential))
    assert page.status_code == 200
    assert SECRET not in page.content.decode()
    assert "Okuma amacı" in page.content.decode()
    response = client.post(_url(credential), {} if purpose is None else {"purpose": purpose})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Beyanı hangi amaçla okuduğunuzu yazın" in html
    assert SECRET not in html
    assert "İyileşme sürecindeki yıl sayısı" not in html
    assert not DeclarationAccess.objects.exists()
    assert not ModelLogEntry.objects.filter(
        action="portal.mentor_credential.declaration_read"
    ).exists()


def test_reviewer_reads_with_a_purpose_and_the_reading_is_logged(client, world):
    credential = world["credential"]
    reviewer = world["reviewer"]
    client.force_login(reviewer)
    before = timezone.now()
    response = client.post(_url(credential), {"purpose": PURPOSE})
    html = response.content.decode()
    assert response.status_code == 200
    assert SECRET in html
    assert "İyileşme sürecindeki yıl sayısı" in html
    assert "no-store" in response["Cache-Control"]

    access = DeclarationAccess.objects.get()
    assert access.reader == reviewer
    assert access.purpose == PURPOSE
    assert before <= access.at <= timezone.now()
    assert access.declaration.credential == credential
    entry = ModelLogEntry.objects.get(action="portal.mentor_credential.declaration_read")
    assert entry.user_id == reviewer.pk
    assert entry.object_id == str(credential.pk)
    assert SECRET not in json.dumps(entry.data, ensure_ascii=False)

    # The reading shows on the credential page for the coordinator and the reviewer.
    for viewer in (world["coordinator"], reviewer):
        client.force_login(viewer)
        page = client.get(reverse("staff_credential", args=[credential.pk])).content.decode()
        assert PURPOSE in page
        assert SECRET not in page

    # A plain GET afterwards shows only the purpose form again.
    client.force_login(reviewer)
    assert SECRET not in client.get(_url(credential)).content.decode()
    assert DeclarationAccess.objects.count() == 1


def test_the_person_reads_their_own_and_the_reading_is_logged(world):
    credential = world["credential"]
    person = world["person"]
    content = declarations.declaration_read(credential=credential, by=person)
    assert content["statement"] == STATEMENT
    assert content["years_in_recovery"] == 7
    access = DeclarationAccess.objects.get()
    assert access.reader == person
    assert access.purpose == declarations.OWN_READING
    assert ModelLogEntry.objects.filter(
        action="portal.mentor_credential.declaration_read", user=person
    ).exists()


def test_database_holds_no_plain_text(world):
    ciphertext = RecoveryDeclaration.objects.get(credential=world["credential"]).ciphertext
    assert STATEMENT not in ciphertext
    assert SECRET not in ciphertext
    assert "years_in_recovery" not in ciphertext


def test_never_in_the_personal_data_export(client, world):
    declarations.declaration_read(
        credential=world["credential"], by=world["reviewer"], purpose=PURPOSE
    )
    for who in ("person", "reviewer", "coordinator"):
        exported = json.dumps(
            personal_data_export(user=world[who]), ensure_ascii=False, default=str
        )
        assert SECRET not in exported
        assert STATEMENT not in exported


def test_never_in_list_pages(client, world):
    credential = world["credential"]
    declarations.declaration_read(credential=credential, by=world["reviewer"], purpose=PURPOSE)
    pages = {
        "coordinator": [
            reverse("staff_credentials"),
            reverse("staff_credential", args=[credential.pk]),
            reverse("staff_volunteers"),
            reverse("staff_volunteers") + "?q=mavi",
            reverse("staff_volunteer", args=[credential.person.volunteer_profile.pk]),
        ],
        "reviewer": [
            reverse("staff_credentials"),
            reverse("staff_credential", args=[credential.pk]),
        ],
        "board": [reverse("staff_credentials"), reverse("staff_credential", args=[credential.pk])],
    }
    for who, urls in pages.items():
        client.force_login(world[who])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (who, url)
            html = response.content.decode()
            assert SECRET not in html, (who, url)
            assert "İyileşme sürecindeki yıl sayısı" not in html, (who, url)
    # Searching for words of the statement finds nobody.
    client.force_login(world["coordinator"])
    html = client.get(reverse("staff_volunteers"), {"q": SECRET}).content.decode()
    assert reverse("staff_volunteer", args=[credential.person.volunteer_profile.pk]) not in html


def test_never_in_any_mail_of_the_credential_life_cycle(
    client, world, outbox, django_capture_on_commit_callbacks
):
    """Submit (in the fixture), assign, review, grant, remind, expire; a second credential
    declined and one revoked — every mail sent, none with the declaration."""
    credential = world["credential"]
    reviewer, board = world["reviewer"], world["board"]
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(reviewer)
        client.post(_url(credential), {"purpose": PURPOSE})
        credentials.credential_review(
            credential=credential, by=reviewer, recommendation="grant", note="Uygun."
        )
        credentials.credential_decide(credential=credential, by=board, grant=True)
    credential.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        credentials.send_credential_reminders(today=credential.valid_until - dt.timedelta(days=10))
        credentials.renew_or_expire_credentials(today=credential.valid_until + dt.timedelta(days=1))
    credential.refresh_from_db()
    assert credential.status == MentorCredential.Status.EXPIRED

    declined = submitted_credential(world["coordinator"])
    revoked = submitted_credential(world["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        for other, grant in ((declined, False), (revoked, True)):
            credentials.credential_assign(
                credential=other, reviewer=reviewer, by=world["coordinator"]
            )
            credentials.credential_review(
                credential=other, by=reviewer, recommendation="grant", note="Not."
            )
            credentials.credential_decide(
                credential=other, by=board, grant=grant, note="Kurulun gerekçesi."
            )
        credentials.credential_revoke(credential=revoked, by=board, note="Geri alma gerekçesi.")

    assert len(outbox) >= 5
    people = {credential.person.email, declined.person.email, revoked.person.email}
    assert people <= {address for message in outbox for address in message.to}
    for message in outbox:
        texts = [message.subject, message.body] + [
            content for content, _type in getattr(message, "alternatives", [])
        ]
        for text in texts:
            assert SECRET not in text
            assert STATEMENT not in text
