"""The volunteering demo: every state a page can show exists, reached through the services,
and the recovery declarations in it stay readable only by the right people."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from core.demo import DEMO_PASSWORD
from core.models import ConsentRecord, StaffRole, User
from volunteers import declarations
from volunteers.credentials import credential_progress
from volunteers.demo import build
from volunteers.matching import Rule, recommended_candidates, refusal
from volunteers.models import (
    PUBLIC_NAME_CONSENT,
    DeclarationAccess,
    HoursLog,
    Match,
    MentorCredential,
    Program,
    RecoveryDeclaration,
    Role,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db
EXEMPT = override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])


@pytest.fixture(autouse=True)
def _demo(demo):
    return demo


def _user(email: str) -> User:
    return User.objects.get(email=email)


def _credential(email: str) -> MentorCredential:
    return MentorCredential.objects.get(person__email=email)


def test_the_demo_has_volunteers_across_provinces_with_and_without_matching_consent():
    profiles = VolunteerProfile.objects.all()
    assert profiles.count() >= 14
    assert {34, 35, 76} | {41, 45, 36} <= set(profiles.values_list("province_id", flat=True))
    # The events demo's volunteers have profiles too.
    assert profiles.filter(user__email__startswith="gonullu.").count() >= 13
    assert profiles.filter(languages__name="Azerbaycan Türkçesi").exists()
    assert profiles.filter(languages__name="Türk İşaret Dili").exists()
    assert profiles.exclude(pk__in=VolunteerProfile.objects.matchable()).count() == 1
    # The journey's volunteer has consents but completes their profile in the test.
    volunteer = _user("volunteer@demo.example")
    assert not VolunteerProfile.objects.filter(user=volunteer).exists()
    for email in ("gonullu.zeynep@demo.example", "gonullu.deniz@demo.example"):
        assert _user(email).check_password(DEMO_PASSWORD)


def test_programs_in_three_provinces_and_a_draft():
    published = Program.objects.published()
    assert {34, 35, 76} <= set(published.values_list("province_id", flat=True))
    igdir = published.get(province_id=76)
    assert igdir.organisation is None and igdir.support_unit.name == "Iğdır Sosyal Uyum Birimi"
    assert igdir.created_by.email == "koordinator.igdir@demo.example"
    assert igdir.roles.filter(requires_mentor=True).exists()
    assert igdir.roles.filter(required_languages__name="Azerbaycan Türkçesi").exists()
    izmir = published.get(province_id=35)
    assert izmir.organisation.legal_name == "Ege Yeşil Yaşam Derneği"
    assert izmir.roles.filter(required_languages__name="Kürtçe (Kurmancî)").exists()
    istanbul = published.get(province_id=34)
    assert istanbul.roles.filter(requires_background_check=True).exists()
    assert Program.objects.filter(status=Program.Status.DRAFT).count() == 1
    assert all(program.schedule for program in Program.objects.all())


def test_mentor_credentials_at_every_state():
    statuses = dict(MentorCredential.objects.values_list("person__email", "status"))
    assert set(statuses.values()) >= {
        "draft",
        "submitted",
        "in_review",
        "granted",
        "declined",
        "expired",
    }
    granted = _credential("mentor@demo.example")
    assert granted.status == "granted" and granted.is_in_force
    assert (granted.valid_until - granted.granted_on).days >= 365 * 2
    progress = credential_progress(granted.person)
    assert progress["training_done"] and progress["supervised_done"]
    expired = MentorCredential.objects.get(status="expired")
    assert expired.valid_until < expired.status_changed_at.date()
    in_review = MentorCredential.objects.get(status="in_review")
    assert in_review.reviewer.email == "reviewer@demo.example"
    declined = MentorCredential.objects.get(status="declined")
    assert declined.history().filter(to_status="declined").exclude(note="").exists()
    draft = MentorCredential.objects.get(status="draft")
    assert not RecoveryDeclaration.objects.filter(credential=draft).exists()


def test_the_granted_mentor_is_placed_and_shown_publicly_by_choice():
    mentor = _user("mentor@demo.example")
    profile = mentor.volunteer_profile
    assert profile.show_mentor_publicly
    assert (
        ConsentRecord.objects.in_force()
        .filter(user=mentor, purpose__key=PUBLIC_NAME_CONSENT)
        .exists()
    )
    placement = Match.objects.get(person=mentor, status="active")
    assert placement.role.requires_mentor
    assert placement.check_ins.count() >= 2
    # The supervised facilitation before the credential ended with a reason.
    closed = Match.objects.get(person=mentor, status="closed")
    assert closed.closure_reason == Match.Closure.COMPLETED


def test_matches_at_every_status():
    matches = Match.objects.all()
    assert set(matches.values_list("status", flat=True)) >= {
        "proposed",
        "accepted",
        "active",
        "closed",
        "declined",
    }
    proposed = matches.filter(status="proposed")
    assert {"application", "invitation"} <= set(proposed.values_list("origin", flat=True))
    declined = matches.get(status="declined")
    assert declined.history().filter(to_status="declined").exclude(note="").exists()
    assert matches.filter(status="active", check_ins__isnull=False).exists()
    for role in Role.objects.all():
        held = role.matches.holding_place().count()
        assert held <= role.places


def test_hours_in_every_state_and_a_volunteering_certificate():
    logs = HoursLog.objects.all()
    assert set(logs.values_list("status", flat=True)) == {"submitted", "approved", "rejected"}
    rejected = logs.get(status="rejected", automatic=False)
    assert rejected.history().filter(to_status="rejected").exclude(note="").exists()
    assert logs.filter(kind="supervised", status="approved").exists()
    assert logs.filter(kind="continuing", status="approved").exists()
    zeynep = _user("gonullu.zeynep@demo.example")
    certificate = zeynep.certificates.get(tier="volunteering")
    assert certificate.number.startswith("GNL-")


def test_the_recovery_declarations_are_readable_only_by_the_right_people():
    in_review = MentorCredential.objects.get(status="in_review")
    reviewer = _user("reviewer@demo.example")
    assert DeclarationAccess.objects.filter(
        declaration__credential=in_review, reader=reviewer
    ).exists()
    content = declarations.declaration_read(
        credential=in_review, by=reviewer, purpose="Başvuruyu değerlendirmek için okuyorum."
    )
    assert content["years_in_recovery"] > 0
    outsiders = [
        "coordinator@demo.example",  # assigned the reviewer, may not read
        "board@demo.example",
        "ngo@demo.example",  # the organisation that gave the reference
        "gonullu.zeynep@demo.example",
        "degerlendirici2@demo.example",  # a reviewer of the province, not assigned
    ]
    for email in outsiders:
        with pytest.raises(PermissionDenied):
            declarations.declaration_read(
                credential=in_review, by=_user(email), purpose="Merak ettiğim için okuyorum."
            )
    # The demo mentor's declaration exists and its reading by the reviewer is in the log.
    mentor = _credential("mentor@demo.example")
    assert declarations.declaration_exists(mentor)
    access = DeclarationAccess.objects.get(declaration__credential=mentor)
    assert access.reader == mentor.reviewer and access.purpose
    assert mentor.reviewer.role_assignments.filter(role=StaffRole.REVIEWER, province=76).exists()
    assert (
        "Altı yıl"
        in declarations.declaration_read(credential=mentor, by=mentor.person)["statement"]
    )


def test_a_volunteer_without_matching_consent_is_never_recommended():
    deniz = _user("gonullu.deniz@demo.example")
    peer = Role.objects.get(title="Akran destek gönüllüsü")
    assert refusal(deniz, peer).reason == Rule.CONSENT
    candidates = recommended_candidates(peer, limit=100)
    assert candidates  # others are recommended…
    assert deniz.pk not in {item.profile.user_id for item in candidates}  # …she is not


def test_loading_again_changes_nothing():
    before = (Match.objects.count(), HoursLog.objects.count(), MentorCredential.objects.count())
    build()
    assert before == (
        Match.objects.count(),
        HoursLog.objects.count(),
        MentorCredential.objects.count(),
    )
