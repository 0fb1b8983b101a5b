"""The staff pages of volunteering: mentor credential queue and decisions, volunteers' checks
and trainings, batch assignment and hours totals — each for the right role only."""

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory, staff_user
from core.models import District, Province, StaffRole
from volunteers import credentials, declarations, hours, placements
from volunteers.factories import ProgramFactory, RoleFactory, VolunteerProfileFactory
from volunteers.models import (
    BackgroundCheck,
    BatchAssignment,
    CompletedTraining,
    HoursLog,
    Match,
    MatchingSettings,
    MentorCredential,
    Training,
)

pytestmark = pytest.mark.django_db

C = MentorCredential.Status
STATEMENT = (
    "Sabah yürüyüşleri ve akran grubum bana yeniden yol gösterdi; mavi defterimi saklıyorum."
)


# --- Building credentials through the services -------------------------------------------------


def mentor_requirements(supervised: int = 4) -> None:
    """Staff configure the credential: the seeded mentor trainings (40 hours) and a few
    supervised hours, so one day of approved hours is enough in tests."""
    settings = MatchingSettings.load()
    settings.mentor_training_hours = 40
    settings.mentor_supervised_hours = supervised
    settings.save()


def submitted_credential(
    coordinator, *, statement: str = STATEMENT, display_name: str | None = None, province=34
):
    """A volunteer who did the trainings and supervised hours, with a reference from an
    accredited organisation and a recovery declaration, submitting their application."""
    mentor_requirements()
    extra = {"display_name": display_name} if display_name else {}
    if province != 34:
        extra["province"] = Province.objects.get(code=province)
        extra["district"] = District.objects.filter(province_id=province).first()
    profile = VolunteerProfileFactory(**extra)
    person = profile.user
    today = timezone.localdate()
    for name in ("Akran desteği temel eğitimi", "Deneyim mentorluğu eğitimi"):
        credentials.training_record(
            person=person,
            training=Training.objects.get(name=name),
            completed_on=today,
            by=coordinator,
        )
    owner = UserFactory()
    organisation = OrganisationFactory(accredited=True, owner=owner)
    program = ProgramFactory(
        organisation=organisation,
        province=profile.province,
        district=profile.district,
    )
    role = RoleFactory(program=program)
    match = placements.match_apply(role=role, person=person)
    placements.match_accept(match=match, by=owner)
    placements.match_start(match=match, by=owner)
    log = hours.hours_log(
        person=person, match=match, on=today, hours=4, kind=HoursLog.Kind.SUPERVISED
    )
    hours.hours_approve(log=log, by=owner)
    credential = credentials.credential_start(person=person)
    credentials.credential_update(
        credential=credential,
        by=person,
        data={
            "reference_organisation": organisation,
            "referee_name": "Zeynep Arslan",
            "referee_position": "Program sorumlusu",
            "reference_statement": "Bir yıldır programımızda düzenli ve özenli çalışıyor.",
        },
    )
    declarations.declaration_save(
        credential=credential, by=person, years_in_recovery=7, statement=statement
    )
    credentials.credential_submit(credential=credential, by=person)
    credential.refresh_from_db()
    credential.owner = owner  # the NGO member who gave the reference
    return credential


def post(client, url, data):
    return client.post(url, data, follow=False)


@pytest.fixture
def staff(db):
    """Staff of İstanbul (34), a coordinator of İzmir (35) and a nationwide board member."""
    return {
        "coordinator": staff_user(StaffRole.COORDINATOR, 34),
        "other_coordinator": staff_user(StaffRole.COORDINATOR, 35),
        "reviewer": staff_user(StaffRole.REVIEWER, 34),
        "other_reviewer": staff_user(StaffRole.REVIEWER, 34),
        "board": staff_user(StaffRole.BOARD),
    }


@pytest.fixture
def credential(staff):
    return submitted_credential(staff["coordinator"], display_name="Ayşe K.")


def in_review(credential, staff):
    credentials.credential_assign(
        credential=credential, reviewer=staff["reviewer"], by=staff["coordinator"]
    )
    credential.refresh_from_db()
    return credential


def reviewed(credential, staff, recommendation="grant"):
    in_review(credential, staff)
    credentials.credential_review(
        credential=credential,
        by=staff["reviewer"],
        recommendation=recommendation,
        note="Gereklilikler tamam; referans güçlü.",
    )
    credential.refresh_from_db()
    return credential


# --- Credential queue ------------------------------------------------------------------------


def test_coordinator_sees_submitted_credentials_of_their_province(client, staff, credential):
    client.force_login(staff["coordinator"])
    response = client.get(reverse("staff_credentials"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ayşe K." in html
    assert reverse("staff_credential", args=[credential.pk]) in html
    assert "İstanbul" in html

    client.force_login(staff["other_coordinator"])
    html = client.get(reverse("staff_credentials")).content.decode()
    assert "Ayşe K." not in html


def test_reviewer_sees_only_credentials_assigned_to_them(client, staff, credential):
    in_review(credential, staff)
    client.force_login(staff["reviewer"])
    assert "Ayşe K." in client.get(reverse("staff_credentials")).content.decode()
    client.force_login(staff["other_reviewer"])
    assert "Ayşe K." not in client.get(reverse("staff_credentials")).content.decode()


def test_board_sees_credentials_with_a_recommendation(client, staff, credential):
    in_review(credential, staff)
    client.force_login(staff["board"])
    assert "Ayşe K." not in client.get(reverse("staff_credentials")).content.decode()
    credentials.credential_review(
        credential=credential, by=staff["reviewer"], recommendation="grant", note="Uygun."
    )
    html = client.get(reverse("staff_credentials")).content.decode()
    assert "Ayşe K." in html
    assert "Kurul kararı bekleyenler" in html


def test_granted_credentials_ending_within_60_days_are_listed(client, staff, credential):
    reviewed(credential, staff)
    credentials.credential_decide(credential=credential, by=staff["board"], grant=True)
    soon = timezone.localdate() + dt.timedelta(days=30)
    MentorCredential.objects.filter(pk=credential.pk).update(valid_until=soon)
    client.force_login(staff["coordinator"])
    html = client.get(reverse("staff_credentials")).content.decode()
    assert "60 gün içinde süresi dolacak yetkinlikler" in html
    assert "Ayşe K." in html


@pytest.mark.parametrize("who", ["volunteer", "ngo_member", "no_mfa"])
def test_queue_is_refused_to_people_without_a_staff_role(client, staff, credential, who):
    user = {
        "volunteer": lambda: VolunteerProfileFactory().user,
        "ngo_member": lambda: credential.owner,
        "no_mfa": lambda: staff_user(StaffRole.COORDINATOR, 34, with_mfa=False),
    }[who]()
    client.force_login(user)
    assert client.get(reverse("staff_credentials")).status_code == 403


def test_queue_needs_a_constant_number_of_queries(client, staff):
    coordinator = staff["coordinator"]
    submitted_credential(coordinator)
    client.force_login(coordinator)
    client.get(reverse("staff_credentials"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("staff_credentials"))
    for _ in range(3):
        submitted_credential(coordinator)
    with CaptureQueriesContext(connection) as four:
        response = client.get(reverse("staff_credentials"))
    assert response.content.decode().count("/staff/credentials/") >= 4
    assert len(four) == len(one)


# --- Credential detail: assign, review, decide, revoke ------------------------------------------


def test_coordinator_assigns_a_reviewer_through_the_page(client, staff, credential, outbox):
    client.force_login(staff["coordinator"])
    url = reverse("staff_credential", args=[credential.pk])
    page = client.get(url).content.decode()
    assert staff["reviewer"].full_name in page
    assert "Zeynep Arslan" in page
    assert "Bir yıldır programımızda" in page

    # Someone who is not a reviewer of the province: a field message, nothing changes.
    response = post(client, url, {"action": "assign", "assign-reviewer": staff["board"].pk})
    assert response.status_code == 200
    assert "Bu kişi bu ilin değerlendiricisi değil" in response.content.decode()
    credential.refresh_from_db()
    assert credential.status == C.SUBMITTED

    response = post(client, url, {"action": "assign", "assign-reviewer": "abc"})
    assert response.status_code == 200

    response = post(client, url, {"action": "assign", "assign-reviewer": staff["reviewer"].pk})
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW
    assert credential.reviewer == staff["reviewer"]

    # A second click: a message, not an error page.
    response = client.post(
        url, {"action": "assign", "assign-reviewer": staff["reviewer"].pk}, follow=True
    )
    assert response.status_code == 200
    assert "şu anki durumunda atılamaz" in response.content.decode()


def test_assigned_reviewer_writes_the_review(client, staff, credential):
    in_review(credential, staff)
    url = reverse("staff_credential", args=[credential.pk])
    client.force_login(staff["reviewer"])
    response = post(client, url, {"action": "review", "review-recommendation": "grant"})
    assert response.status_code == 200
    assert "Değerlendirme notunu yazın." in response.content.decode()
    assert re.search(r'value="grant"[^>]*checked', response.content.decode())

    response = post(
        client,
        url,
        {"action": "review", "review-recommendation": "grant", "review-note": "Uygun görüyorum."},
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.recommendation == "grant"
    assert credential.review_note == "Uygun görüyorum."


def test_board_decides_and_revokes_through_the_page(
    client, staff, credential, outbox, django_capture_on_commit_callbacks
):
    reviewed(credential, staff)
    url = reverse("staff_credential", args=[credential.pk])
    client.force_login(staff["board"])
    page = client.get(url).content.decode()
    assert "Kurul kararı" in page

    response = post(client, url, {"action": "decide", "decide-decision": "decline"})
    assert response.status_code == 200
    assert "Olumsuz karar için gerekçeyi yazın." in response.content.decode()
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, url, {"action": "decide", "decide-decision": "grant"})
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == C.GRANTED
    assert credential.valid_until is not None
    assert any(credential.person.email in message.to for message in outbox)

    response = post(client, url, {"action": "revoke", "revoke-note": "  "})
    assert response.status_code == 200
    assert "Yetkinliği neden geri aldığınızı yazın." in response.content.decode()
    response = post(
        client, url, {"action": "revoke", "revoke-note": "Gönüllülük ilkelerine aykırı davranış."}
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == C.REVOKED


def test_board_cannot_decide_before_the_review(client, staff, credential):
    in_review(credential, staff)
    client.force_login(staff["board"])
    url = reverse("staff_credential", args=[credential.pk])
    page = client.get(url).content.decode()
    assert "Değerlendirici görüşü bekleniyor" in page
    response = client.post(url, {"action": "decide", "decide-decision": "grant"}, follow=True)
    assert response.status_code == 200
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW


@pytest.mark.parametrize("action", ["assign", "review", "decide", "revoke"])
def test_moves_are_refused_to_those_without_the_rule(client, staff, credential, action):
    in_review(credential, staff)
    client.force_login(staff["board"] if action in ("assign", "review") else staff["coordinator"])
    response = post(
        client,
        reverse("staff_credential", args=[credential.pk]),
        {
            "action": action,
            "assign-reviewer": staff["other_reviewer"].pk,
            "review-recommendation": "grant",
            "review-note": "x",
            "decide-decision": "grant",
            "revoke-note": "x",
        },
    )
    assert response.status_code == 403
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW
    assert credential.recommendation == ""


@pytest.mark.parametrize("who", ["other_coordinator", "other_reviewer", "volunteer", "person"])
def test_detail_is_refused_to_others(client, staff, credential, who):
    in_review(credential, staff)
    user = {
        "other_coordinator": staff["other_coordinator"],
        "other_reviewer": staff["other_reviewer"],
        "volunteer": VolunteerProfileFactory().user,
        "person": credential.person,
    }[who]
    client.force_login(user)
    assert client.get(reverse("staff_credential", args=[credential.pk])).status_code == 403


def test_detail_of_a_missing_credential_is_404_and_unknown_actions_do_not_fail(
    client, staff, credential
):
    client.force_login(staff["coordinator"])
    assert client.get(reverse("staff_credential", args=[999999])).status_code == 404
    response = client.post(
        reverse("staff_credential", args=[credential.pk]), {"action": "<script>"}, follow=True
    )
    assert response.status_code == 200
    assert "Bu işlem tanınmadı" in response.content.decode()


def test_declaration_link_only_for_the_assigned_reviewer_and_log_for_coordinator_and_reviewer(
    client, staff, credential
):
    in_review(credential, staff)
    url = reverse("staff_credential", args=[credential.pk])
    declaration_url = reverse("staff_declaration", args=[credential.pk])
    declarations.declaration_read(
        credential=credential, by=staff["reviewer"], purpose="Başvuruyu değerlendirmek için."
    )
    client.force_login(staff["reviewer"])
    page = client.get(url).content.decode()
    assert declaration_url in page
    assert "Başvuruyu değerlendirmek için." in page

    client.force_login(staff["coordinator"])
    page = client.get(url).content.decode()
    assert declaration_url not in page
    assert "Başvuruyu değerlendirmek için." in page
    assert staff["reviewer"].full_name in page

    client.force_login(staff["board"])
    page = client.get(url).content.decode()
    assert declaration_url not in page
    assert "Başvuruyu değerlendirmek için." not in page


# --- Volunteers: search, background checks and trainings --------------------------------------


def test_coordinator_finds_volunteers_of_their_province_whatever_the_letters(client, staff):
    cagri = VolunteerProfileFactory(display_name="Çağrı Işık")
    izmir = VolunteerProfileFactory(
        display_name="Çağla Işıl",
        province=Province.objects.get(code=35),
        district=District.objects.filter(province_id=35).first(),
    )
    client.force_login(staff["coordinator"])
    url = reverse("staff_volunteers")
    for query in ("cagri", "ÇAĞRI", "isik", "IŞIK", "ça"):
        html = client.get(url, {"q": query}).content.decode()
        assert reverse("staff_volunteer", args=[cagri.pk]) in html, query
        assert reverse("staff_volunteer", args=[izmir.pk]) not in html, query
    html = client.get(url, {"q": cagri.user.email.upper()}).content.decode()
    assert reverse("staff_volunteer", args=[cagri.pk]) in html
    html = client.get(url, {"q": "zzzz"}).content.decode()
    assert reverse("staff_volunteer", args=[cagri.pk]) not in html

    # Garbled input: a message, no error page.
    response = client.get(url, {"q": "x" * 500, "province": "abc", "page": "-3"})
    assert response.status_code == 200
    response = client.get(url, {"province": "35"})
    assert response.status_code == 200
    assert "Sorumlu olduğunuz illerden birini seçin." in response.content.decode()

    assert client.get(reverse("staff_volunteer", args=[izmir.pk])).status_code == 404
    assert client.get(reverse("staff_volunteer", args=[cagri.pk])).status_code == 200


@pytest.mark.parametrize("who", ["reviewer", "board", "volunteer", "no_mfa"])
def test_volunteer_pages_are_for_coordinators(client, staff, who):
    profile = VolunteerProfileFactory()
    user = {
        "reviewer": staff["reviewer"],
        "board": staff["board"],
        "volunteer": profile.user,
        "no_mfa": staff_user(StaffRole.COORDINATOR, 34, with_mfa=False),
    }[who]
    client.force_login(user)
    assert client.get(reverse("staff_volunteers")).status_code == 403
    assert client.get(reverse("staff_volunteer", args=[profile.pk])).status_code == 403
    assert client.get(reverse("batch_new")).status_code == 403
    assert client.get(reverse("staff_hours_totals")).status_code == 403


def test_background_check_recording_with_bad_input(client, staff):
    profile = VolunteerProfileFactory()
    client.force_login(staff["coordinator"])
    url = reverse("staff_volunteer", args=[profile.pk])
    today = timezone.localdate()
    page = client.get(url).content.decode()
    assert "belgenin kendisi ya da içeriği hiçbir zaman saklanmaz" in page

    response = post(
        client,
        url,
        {
            "action": "background",
            "check-checked_on": "2026-03-10",
            "check-valid_until": "2026-01-01",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geçerlilik sonu, kontrol tarihinden sonra olmalı." in html
    assert 'value="2026-03-10"' in html and 'value="2026-01-01"' in html

    future = (today + dt.timedelta(days=3)).isoformat()
    response = post(
        client,
        url,
        {
            "action": "background",
            "check-checked_on": future,
            "check-valid_until": (today + dt.timedelta(days=400)).isoformat(),
        },
    )
    assert "Kontrol tarihi ileride olamaz." in response.content.decode()

    response = post(
        client,
        url,
        {"action": "background", "check-checked_on": "31.02.2026", "check-valid_until": ""},
    )
    html = response.content.decode()
    assert "Tarihi gün.ay.yıl biçiminde girin" in html
    assert "Geçerlilik sonunu girin." in html
    assert 'value="31.02.2026"' in html
    assert not BackgroundCheck.objects.exists()

    response = post(
        client,
        url,
        {
            "action": "background",
            "check-checked_on": today.strftime("%d.%m.%Y"),
            "check-valid_until": (today + dt.timedelta(days=365)).isoformat(),
        },
    )
    assert response.status_code == 302
    check = BackgroundCheck.objects.get(person=profile.user)
    assert check.checked_on == today
    assert check.recorded_by == staff["coordinator"]


def test_training_recording_issues_a_certificate(client, staff):
    profile = VolunteerProfileFactory()
    training = Training.objects.get(name="Psikolojik ilk yardım eğitimi")
    client.force_login(staff["coordinator"])
    url = reverse("staff_volunteer", args=[profile.pk])
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = post(
        client,
        url,
        {"action": "training", "training-training": training.pk, "training-completed_on": tomorrow},
    )
    html = response.content.decode()
    assert "Tamamlanma tarihi ileride olamaz." in html
    assert f'value="{tomorrow}"' in html
    response = post(
        client,
        url,
        {"action": "training", "training-training": "999999", "training-completed_on": ""},
    )
    assert "Listeden bir eğitim seçin." in response.content.decode()
    assert not CompletedTraining.objects.exists()

    response = post(
        client,
        url,
        {
            "action": "training",
            "training-training": training.pk,
            "training-completed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    completed = CompletedTraining.objects.get(person=profile.user)
    assert completed.certificate.holder == profile.user
    assert completed.certificate.title == training.name
    assert training.name in client.get(url).content.decode()


def test_other_province_coordinator_cannot_record(client, staff):
    profile = VolunteerProfileFactory()
    client.force_login(staff["other_coordinator"])
    response = post(
        client,
        reverse("staff_volunteer", args=[profile.pk]),
        {
            "action": "background",
            "check-checked_on": "2026-01-01",
            "check-valid_until": "2027-01-01",
        },
    )
    assert response.status_code == 404
    assert not BackgroundCheck.objects.exists()


# --- Batch assignment ------------------------------------------------------------------------


def test_batch_preview_and_confirm_send_invitations(
    client, staff, outbox, django_capture_on_commit_callbacks
):
    role = RoleFactory(places=2)
    volunteers = [VolunteerProfileFactory(display_name=f"Aday {n}") for n in range(3)]
    client.force_login(staff["coordinator"])
    assert client.get(reverse("batch_new")).status_code == 200

    response = post(client, reverse("batch_new"), {"province": "34", "program": ""})
    assert response.status_code == 302
    batch = BatchAssignment.objects.get()
    assert response["Location"] == reverse("batch_detail", args=[batch.pk])

    page = client.get(response["Location"]).content.decode()
    assert "Davetleri gönder" in page
    assert role.title in page
    assert role.program.title in page
    assert sum(profile.display_name in page for profile in volunteers) == 2
    assert "Açgözlü yöntem" in page
    assert (
        f"{batch.total_score:.1f}".replace(".", ",") in page or f"{batch.total_score:.1f}" in page
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(response["Location"], follow=True)
    assert "2 davet gönderildi." in response.content.decode()
    invited = Match.objects.filter(role=role, origin=Match.Origin.INVITATION)
    assert invited.count() == 2
    assert {message.to[0] for message in outbox} >= {match.person.email for match in invited}

    response = client.post(reverse("batch_detail", args=[batch.pk]), follow=True)
    assert "zaten onaylandı" in response.content.decode()
    assert Match.objects.filter(role=role).count() == 2


def test_batch_reports_pairs_skipped_since_the_preview(
    client, staff, outbox, django_capture_on_commit_callbacks
):
    role = RoleFactory(places=1)
    profile = VolunteerProfileFactory()
    client.force_login(staff["coordinator"])
    response = post(client, reverse("batch_new"), {"province": "34"})
    # The volunteer withdraws their matching consent before the invitations are sent.
    from core.models import ConsentRecord
    from core.services import consent_withdraw

    record = ConsentRecord.objects.in_force().get(
        user=profile.user, purpose__key="volunteer_matching"
    )
    consent_withdraw(user=profile.user, purpose=record.purpose)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(response["Location"], follow=True)
    html = response.content.decode()
    assert "0 davet gönderildi." in html
    assert "1 eşleşme" in html
    assert not Match.objects.filter(role=role).exists()


def test_batch_is_only_for_the_coordinator_of_the_province(client, staff):
    RoleFactory()
    VolunteerProfileFactory()
    client.force_login(staff["coordinator"])
    location = post(client, reverse("batch_new"), {"province": "34"})["Location"]

    client.force_login(staff["other_coordinator"])
    assert client.get(location).status_code == 403
    assert client.post(location).status_code == 403
    response = post(client, reverse("batch_new"), {"province": "34"})
    assert response.status_code == 200
    assert "Sorumlu olduğunuz illerden birini seçin." in response.content.decode()
    assert BatchAssignment.objects.count() == 1

    client.force_login(staff["reviewer"])
    assert client.get(location).status_code == 403


def test_batch_form_refuses_a_program_of_another_province(client, staff):
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    from core.services import role_assign

    role_assign(
        user=coordinator, role=StaffRole.COORDINATOR, province=Province.objects.get(code=35)
    )
    program = ProgramFactory()
    client.force_login(coordinator)
    response = post(client, reverse("batch_new"), {"province": "35", "program": program.pk})
    assert response.status_code == 200
    assert "Seçilen program bu ilde değil." in response.content.decode()
    response = post(client, reverse("batch_new"), {"province": "abc", "program": "zz"})
    assert response.status_code == 200
    assert not BatchAssignment.objects.exists()


# --- Hours totals ----------------------------------------------------------------------------


def _approved_hours(province_code: int, display_name: str, amount: int):
    owner = UserFactory()
    organisation = OrganisationFactory(accredited=True, owner=owner)
    province = Province.objects.get(code=province_code)
    district = District.objects.filter(province=province).first()
    profile = VolunteerProfileFactory(
        display_name=display_name, province=province, district=district
    )
    role = RoleFactory(
        program=ProgramFactory(organisation=organisation, province=province, district=district)
    )
    match = placements.match_apply(role=role, person=profile.user)
    placements.match_accept(match=match, by=owner)
    placements.match_start(match=match, by=owner)
    log = hours.hours_log(person=profile.user, match=match, on=timezone.localdate(), hours=amount)
    hours.hours_approve(log=log, by=owner)
    return organisation, role


def test_hours_totals_for_the_coordinators_provinces_with_csv(client, staff):
    organisation, role = _approved_hours(34, "=HYPERLINK(1)", 3)
    _approved_hours(34, "Deniz T.", 2)
    _approved_hours(35, "İzmirli Gönüllü", 5)
    client.force_login(staff["coordinator"])
    url = reverse("staff_hours_totals")
    html = client.get(url).content.decode()
    assert "İstanbul" in html
    assert "İzmir" not in html
    assert "Deniz T." in html
    assert organisation.display_name in html
    assert role.title in html

    response = client.get(url, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Grup", "Ad", "Ayrıntı", "Onaylı saat"]
    assert ["İl", "İstanbul", "", "5"] in rows
    assert ["Gönüllü", "'=HYPERLINK(1)", "", "3"] in rows
    assert ["Gönüllü", "Deniz T.", "", "2"] in rows
    assert ["Rol", role.title, role.program.title, "3"] in rows
    assert not any("İzmirli" in cell for row in rows for cell in row)


def test_hours_totals_need_a_constant_number_of_queries(client, staff):
    _approved_hours(34, "Bir", 1)
    client.force_login(staff["coordinator"])
    url = reverse("staff_hours_totals")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(3):
        _approved_hours(34, f"Gönüllü {n}", 2)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    assert len(four) == len(one)
    assert client.get(url, {"province": "35"}).status_code == 200
    assert client.get(url, {"province": "x", "format": "csv"}).status_code == 200
