"""The accreditation cycle as people use it: pages, rules, scores, certificates, reminders."""

import datetime
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from accreditation import applications, certificates
from accreditation.factories import AccreditationWorld, evidence_upload
from accreditation.models import (
    Application,
    Certificate,
    CertificateReminder,
    CertificateStatus,
    Organisation,
)
from accreditation.models import (
    ApplicationStatus as A,
)
from accreditation.selectors import missing_mandatory_evidence, review_summary
from core.exceptions import DomainError
from core.factories import UserFactory, staff_user
from core.lifecycle import TransitionNotPermitted, transition
from core.models import StaffRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return AccreditationWorld()


# --- Applicant -------------------------------------------------------------------------------


def test_submitting_without_mandatory_evidence_lists_exactly_what_is_missing(client, world):
    application = world.start()
    client.force_login(world.owner)
    response = client.post(
        reverse("application_move", args=[application.pk]), {"target": "submitted"}, follow=True
    )
    content = response.content.decode()
    missing = missing_mandatory_evidence(application)
    assert len(missing) == 9
    for criterion in missing:
        assert criterion.code in content
    application.refresh_from_db()
    assert application.status == A.DRAFT


def test_the_draft_keeps_answers_and_files_and_a_double_click_submits_once(client, world):
    application = world.start()
    client.force_login(world.owner)
    criterion = missing_mandatory_evidence(application)[0]
    url = reverse("application_criterion", args=[application.pk, criterion.pk])
    client.post(
        url, {"save_answer": "1", "self_score": "2", "narrative": "Tüzük ve kayıt ektedir."}
    )
    client.post(url, {"upload": "1", "file": evidence_upload("Tüzük — 2025.pdf")})
    answer = application.answers.get(criterion=criterion, round=1)
    assert (answer.self_score, answer.narrative) == (2, "Tüzük ve kayıt ektedir.")
    assert application.evidence.get().original_name == "Tüzük — 2025.pdf"
    world.upload_mandatory_evidence()
    for _click in range(2):
        client.post(reverse("application_move", args=[application.pk]), {"target": "submitted"})
    application.refresh_from_db()
    assert application.status == A.SUBMITTED
    assert application.history().filter(to_status=A.SUBMITTED).count() == 1


def test_a_disguised_file_is_refused_and_the_answer_is_kept(client, world):
    application = world.start()
    client.force_login(world.owner)
    criterion = missing_mandatory_evidence(application)[0]
    url = reverse("application_criterion", args=[application.pk, criterion.pk])
    disguised = SimpleUploadedFile("rapor.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    response = client.post(url, {"upload": "1", "file": disguised})
    assert response.status_code == 200
    assert "Bu dosya türü kabul edilmiyor" in response.content.decode()
    assert not application.evidence.exists()


def test_one_open_application_per_organisation(world):
    application = world.start()
    with pytest.raises(DomainError):
        applications.application_start(organisation=world.organisation, by=world.owner)
    with pytest.raises(IntegrityError):
        Application.objects.create(organisation=world.organisation, standard=application.standard)


def test_another_organisation_cannot_open_the_application_or_its_files(client, world):
    application = world.start()
    world.upload_mandatory_evidence()
    stranger_world = AccreditationWorld()
    client.force_login(stranger_world.owner)
    assert client.get(reverse("application_detail", args=[application.pk])).status_code == 403
    evidence = application.evidence.first()
    assert client.get(reverse("evidence_download", args=[evidence.pk])).status_code == 403
    criterion = evidence.criterion
    response = client.post(
        reverse("application_criterion", args=[application.pk, criterion.pk]),
        {"save_answer": "1", "self_score": "0", "narrative": "x"},
    )
    assert response.status_code == 403


def test_an_illegal_move_by_url_gets_a_message_not_an_error(client, world):
    application = world.reach(A.SUBMITTED)
    client.force_login(world.owner)
    response = client.post(
        reverse("application_move", args=[application.pk]), {"target": "accredited"}, follow=True
    )
    assert response.status_code == 200
    assert "geçilemez" in response.content.decode()
    application.refresh_from_db()
    assert application.status == A.SUBMITTED


def test_evidence_is_served_as_an_attachment_that_is_not_sniffed(client, world):
    world.start()
    world.upload_mandatory_evidence()
    client.force_login(world.owner)
    evidence = world.application.evidence.first()
    response = client.get(reverse("evidence_download", args=[evidence.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert evidence.file.name.startswith("evidence/") and "tuzuk" not in evidence.file.name


# --- Screening and review --------------------------------------------------------------------


def test_a_member_of_the_organisation_can_never_be_assigned(world):
    world.reach(A.SCREENING)
    from accreditation.models import Membership

    Membership.objects.create(organisation=world.organisation, user=world.reviewer1)
    with pytest.raises(DomainError, match="üyesi"):
        applications.reviewer_assign(
            application=world.application, reviewer=world.reviewer1, by=world.coordinator
        )


def test_a_reviewer_of_another_province_cannot_be_assigned(world):
    world.reach(A.SCREENING)
    with pytest.raises(DomainError):
        applications.reviewer_assign(
            application=world.application,
            reviewer=staff_user(StaffRole.REVIEWER, 6),
            by=world.coordinator,
        )


def test_a_reviewer_sees_nothing_before_declaring_and_recusal_frees_the_place(client, world):
    world.reach(A.SCREENING)
    world.upload_mandatory_evidence()
    assignment = applications.reviewer_assign(
        application=world.application, reviewer=world.reviewer1, by=world.coordinator
    )
    evidence = world.application.evidence.first()
    client.force_login(world.reviewer1)
    assert client.get(reverse("evidence_download", args=[evidence.pk])).status_code == 403
    with pytest.raises(DomainError):
        applications.assignment_recuse(assignment=assignment, by=world.reviewer1, reason=" ")
    applications.assignment_recuse(
        assignment=assignment, by=world.reviewer1, reason="Kuruluşun eski yöneticisiyim."
    )
    world.assign_reviewers(world.reviewer2, world.reviewer3)
    transition(world.application, A.IN_REVIEW, by=world.coordinator)
    assert [a.pseudonym for a in world.application.assignments.filter(state="active")] == [
        "Değerlendirici 1",
        "Değerlendirici 2",
    ]


def test_a_reviewer_who_has_not_declared_cannot_score(world):
    world.reach(A.SCREENING)
    applications.reviewer_assign(
        application=world.application, reviewer=world.reviewer1, by=world.coordinator
    )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        world.score_all(world.reviewer1)


def test_weighted_score_mandatory_check_and_disagreement(world):
    world.reach(A.IN_REVIEW)
    world.score_all(world.reviewer1, score=3, by_code={"G1.1": 3, "G9.1": 0})
    world.score_all(world.reviewer2, score=3, by_code={"G1.1": 1, "G9.1": 2})
    world.application.assignments.update(completed_round=world.application.round)
    summary = review_summary(world.application)
    rows = {row.criterion.code: row for row in summary.rows}
    assert rows["G1.1"].average == 2.0 and not rows["G1.1"].mandatory_failed
    assert rows["G1.1"].disagreement and rows["G9.1"].disagreement
    assert [c.code for c in summary.disagreements] == ["G1.1", "G9.1"]
    weights = {row.criterion.code: row.criterion.weight for row in summary.rows}
    expected = 100 * sum(weights[c] * rows[c].average for c in rows) / (3 * sum(weights.values()))
    assert summary.weighted_score == round(expected, 1)

    world.score_all(world.reviewer2, score=3, by_code={"G1.1": 0, "G9.1": 0})
    summary = review_summary(world.application)
    assert [c.code for c in summary.mandatory_failures] == ["G1.1"]


def test_changes_requested_keeps_every_rounds_answers_and_scores(world):
    world.reach(A.IN_REVIEW)
    world.score_all(world.reviewer1, score=1)
    transition(world.application, A.CHANGES_REQUESTED, by=world.reviewer1, note="Eksikler var.")
    applications.application_submit(application=world.application, by=world.owner)
    world.application.refresh_from_db()
    assert world.application.status == A.IN_REVIEW and world.application.round == 2
    assert world.application.answers.filter(round=1).count() == 27
    assert world.application.answers.filter(round=2).count() == 27
    assert (
        world.application.assignments.get(reviewer=world.reviewer1).scores.filter(round=1).count()
        == 27
    )


# --- Decision, certificate, appeal -----------------------------------------------------------


def test_accreditation_issues_a_three_year_certificate_and_lists_the_organisation(client, world):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    organisation = Organisation.objects.get(pk=world.organisation.pk)
    assert certificate.status == CertificateStatus.VALID
    assert certificate.number.startswith(f"AKR-{timezone.localdate().year}-")
    assert (certificate.expires_on - certificate.issued_on).days in (1095, 1096)
    assert organisation.is_accredited
    content = client.get(reverse("organisation_directory")).content.decode()
    assert organisation.legal_name in content


def test_provisional_accreditation_lasts_one_year_with_conditions(world):
    world.reach(A.PROVISIONAL)
    certificate = Certificate.objects.get(organisation=world.organisation)
    assert certificate.tier == Certificate.Tier.PROVISIONAL
    assert (certificate.expires_on - certificate.issued_on).days in (365, 366)
    assert "Koşullar" in certificate.conditions


def test_suspension_and_revocation_take_accreditation_away_at_once(client, world):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    with pytest.raises(TransitionNotPermitted):
        transition(certificate, CertificateStatus.SUSPENDED, by=world.owner, note="x")
    transition(certificate, CertificateStatus.SUSPENDED, by=world.board, note="Denetim.")
    organisation = Organisation.objects.get(pk=world.organisation.pk)
    assert not organisation.is_accredited
    assert (
        organisation.legal_name
        not in client.get(reverse("organisation_directory")).content.decode()
    )
    transition(certificate, CertificateStatus.VALID, by=world.board, note="Giderildi.")
    assert Organisation.objects.get(pk=world.organisation.pk).is_accredited
    transition(certificate, CertificateStatus.REVOKED, by=world.board, note="Ağır ihlal.")
    assert Organisation.objects.get(pk=world.organisation.pk).accreditation_status == "revoked"


def test_appeal_goes_to_different_reviewers_and_a_different_board_member(world):
    world.reach(A.REJECTED)
    transition(world.application, A.APPEALED, by=world.owner, note="Belgeler tamamlandı.")
    with pytest.raises(DomainError):
        applications.reviewer_assign(
            application=world.application, reviewer=world.reviewer1, by=world.coordinator
        )
    world.assign_reviewers(world.reviewer3, world.reviewer4)
    transition(world.application, A.IN_REVIEW, by=world.coordinator)
    for reviewer in (world.reviewer3, world.reviewer4):
        world.score_all(reviewer)
        applications.review_complete(application=world.application, by=reviewer)
    world.application.refresh_from_db()
    assert world.application.status == A.DECISION_PENDING
    with pytest.raises(TransitionNotPermitted):
        transition(world.application, A.ACCREDITED, by=world.board)
    transition(world.application, A.ACCREDITED, by=world.board2)


def test_appeal_is_refused_after_thirty_days_and_only_once(world):
    world.reach(A.REJECTED)
    Application.objects.filter(pk=world.application.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=31)
    )
    world.application.refresh_from_db()
    with pytest.raises(DomainError, match="30 gün"):
        transition(world.application, A.APPEALED, by=world.owner, note="Geç itiraz.")


def test_the_applicants_timeline_hides_reviewer_names(client, world):
    world.reach(A.CHANGES_REQUESTED)
    client.force_login(world.owner)
    content = client.get(
        reverse("application_detail", args=[world.application.pk])
    ).content.decode()
    assert "Değerlendirici 1" in content
    assert world.reviewer1.full_name not in content


# --- Verification, PDF, expiry and reminders -------------------------------------------------


def test_the_verification_page_shows_status_and_history_and_nothing_private(client, world):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    content = client.get(reverse("certificate_verify", args=[certificate.verification_token]))
    content = content.content.decode()
    assert certificate.number in content and "Geçerli" in content
    assert world.organisation.legal_name in content
    assert world.owner.email not in content and world.owner.full_name not in content
    transition(certificate, CertificateStatus.SUSPENDED, by=world.board, note="Denetim sürüyor.")
    content = client.get(
        reverse("certificate_verify", args=[certificate.verification_token])
    ).content.decode()
    assert "Askıya alındı" in content
    assert "Denetim sürüyor." not in content  # the board's reasons are not public


def test_looking_up_by_number_needs_the_verification_code(client, world):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    code = certificates.verification_code(certificate)
    response = client.get(
        reverse("certificate_lookup"), {"number": certificate.number, "code": code}
    )
    assert response["Location"] == reverse(
        "certificate_verify", args=[certificate.verification_token]
    )
    response = client.get(
        reverse("certificate_lookup"), {"number": certificate.number, "code": "X"}
    )
    assert response.status_code == 404


def test_the_certificate_pdf_carries_the_text_and_a_qr_code_of_the_verification_url(
    client, world, tmp_path
):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    client.force_login(world.owner)
    response = client.get(reverse("certificate_pdf", args=[certificate.verification_token]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "belge.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert certificate.number in text
    assert " ".join(world.organisation.legal_name.split()) in " ".join(text.split())
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    page = sorted(tmp_path.glob("page*.png"))[0]
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == "http://testserver" + reverse(
        "certificate_verify", args=[certificate.verification_token]
    )


def test_a_stranger_cannot_download_the_pdf(client, world):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    client.force_login(UserFactory())
    response = client.get(reverse("certificate_pdf", args=[certificate.verification_token]))
    assert response.status_code == 302


def test_expiry_and_reminders_with_a_moving_clock(world, outbox):
    world.reach(A.ACCREDITED)
    certificate = Certificate.objects.get(organisation=world.organisation)
    expires = certificate.expires_on
    day = lambda days_before: expires - datetime.timedelta(days=days_before)  # noqa: E731

    assert certificates.send_due_reminders(today=day(120)) == 0
    assert certificates.send_due_reminders(today=day(90)) == 1
    assert certificates.send_due_reminders(today=day(89)) == 0  # idempotent
    assert certificates.send_due_reminders(today=day(30)) == 1
    assert certificates.send_due_reminders(today=day(7)) == 1
    assert certificates.send_due_reminders(today=day(7)) == 0
    assert sorted(CertificateReminder.objects.values_list("days_before", flat=True)) == [7, 30, 90]
    reminder_mails = [m for m in outbox if world.owner.email in m.to and "gün" in m.subject]
    assert len(reminder_mails) == 3

    assert certificates.expire_due_certificates(today=expires) == 0
    assert certificates.expire_due_certificates(today=expires + datetime.timedelta(days=1)) == 1
    assert certificates.expire_due_certificates(today=expires + datetime.timedelta(days=2)) == 0
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.EXPIRED
    assert Organisation.objects.get(pk=world.organisation.pk).accreditation_status == "expired"


def test_renewal_starts_a_new_application_prefilled_from_the_last(world):
    world.reach(A.ACCREDITED)
    application = applications.application_start(organisation=world.organisation, by=world.owner)
    assert application.kind == Application.Kind.RENEWAL
    assert application.renews == world.application
    old = {a.criterion.code: a.self_score for a in world.application.answers.filter(round=1)}
    new = {a.criterion.code: a.self_score for a in application.answers.all()}
    assert new == old


def test_people_are_told_by_e_mail_in_their_language(
    world, outbox, django_capture_on_commit_callbacks
):
    world.owner.preferred_language = "en"
    world.owner.save()
    application = world.start()
    world.upload_mandatory_evidence()
    with django_capture_on_commit_callbacks(execute=True):
        applications.application_submit(application=application, by=world.owner)
    to_owner = [m for m in outbox if m.to == [world.owner.email]]
    to_coordinator = [m for m in outbox if m.to == [world.coordinator.email]]
    assert to_owner and "Submitted" in to_owner[0].subject
    assert to_coordinator and "Gönderildi" in to_coordinator[0].subject


def test_personal_training_certificate_is_verifiable(client):
    person = UserFactory(full_name="Şükrü Güneş")
    staff = staff_user(StaffRole.COORDINATOR, 34)
    certificate = certificates.certificate_issue_personal(
        holder=person,
        training="Deneyim Mentorluğu Temel Eğitimi",
        hours=24,
        completed_on=datetime.date(2026, 10, 3),
        by=staff,
    )
    assert certificate.number.startswith("EGT-2026-")
    content = client.get(
        reverse("certificate_verify", args=[certificate.verification_token])
    ).content.decode()
    assert "Şükrü Güneş" in content and "Deneyim Mentorluğu Temel Eğitimi" in content


def test_garbled_ids_in_forms_get_a_message_or_404_never_a_server_error(client, world):
    world.reach(A.SCREENING)
    client.force_login(world.coordinator)
    for value in ("2.067", "abc", "", "-1"):
        response = client.post(
            reverse("application_assign", args=[world.application.pk]), {"reviewer": value}
        )
        assert response.status_code == 302
    owner_world = AccreditationWorld()
    application = owner_world.start()
    criterion = missing_mandatory_evidence(application)[0]
    client.force_login(owner_world.owner)
    response = client.post(
        reverse("application_criterion", args=[application.pk, criterion.pk]), {"remove": "x.1"}
    )
    assert response.status_code == 404


def test_an_assigned_reviewer_sees_the_file_only_after_declaring(client, world):
    world.reach(A.SCREENING)
    world.upload_mandatory_evidence()
    assignment = applications.reviewer_assign(
        application=world.application, reviewer=world.reviewer1, by=world.coordinator
    )
    client.force_login(world.reviewer1)
    url = reverse("application_detail", args=[world.application.pk])
    content = client.get(url).content.decode()
    assert "Çıkar çatışması beyanı" in content
    assert "tuzuk.pdf" not in content
    applications.assignment_declare(assignment=assignment, by=world.reviewer1)
    assert "tuzuk.pdf" in client.get(url).content.decode()
