"""The experience mentor credential (deneyim mentoru yetkinliği): what it needs, who reviews and
decides it, its term, renewal, expiry and reminders; and the recovery declaration, stored
encrypted and read only by the person and the assigned reviewer, every reading logged."""

import datetime as dt
import io
import itertools
import json
import re
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from accreditation.factories import OrganisationFactory
from accreditation.models import Certificate
from core.crypto import decrypt
from core.dates import add_years
from core.exceptions import DomainError
from core.factories import UserFactory, staff_user
from core.lifecycle import IllegalTransition
from core.models import Province, StaffRole, StatusChange, SupportUnit, User
from core.services import role_assign
from volunteers import credentials, declarations
from volunteers.exceptions import VolunteerError
from volunteers.factories import HoursLogFactory, MentorCredentialFactory
from volunteers.models import (
    DeclarationAccess,
    HoursLog,
    MatchingSettings,
    MentorCredential,
    RecoveryDeclaration,
    Training,
)

pytestmark = pytest.mark.django_db

C = MentorCredential.Status
STATEMENT = "Yedi yıldır iyileşme sürecindeyim; akran desteği grubunda kolaylaştırıcıyım."
YEARS = 7


_TRAININGS = itertools.count(1)


def _training(name="Test eğitimi", hours=20, counts=True, valid_years=None):
    number = next(_TRAININGS)
    return Training.objects.create(
        name=f"{name} {number}",
        name_en=f"Test training {number}",
        slug=f"test-egitimi-{number}",
        hours=hours,
        counts_for_mentor=counts,
        valid_years=valid_years,
    )


def _settings(**values):
    settings = MatchingSettings.load()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def fresh(user):
    """The same person without the roles and memberships cached on the object."""
    return User.objects.get(pk=user.pk)


def _supervised(match, amount, *, approve=True, kind=HoursLog.Kind.SUPERVISED):
    """Hours of ``kind`` given today in the placement, approved unless ``approve=False``."""
    return HoursLogFactory(match=match, hours=amount, kind=kind, approved=approve)


def _reference(organisation=None, **extra):
    data = {
        "reference_organisation": organisation,
        "referee_name": "Selin Aydın",
        "referee_position": "Program sorumlusu",
        "reference_statement": "İki yıldır programlarımızda gönüllü.",
        **extra,
    }
    return data


def _declare(credential):
    return declarations.declaration_save(
        credential=credential, by=credential.person, years_in_recovery=YEARS, statement=STATEMENT
    )


# --- What the credential needs --------------------------------------------------------------


def test_missing_lists_each_requirement_and_submit_is_refused_until_all_are_there(
    volunteer, organisation, active_match
):
    _settings(mentor_training_hours=30, mentor_supervised_hours=4)
    credential = credentials.credential_start(person=volunteer)
    assert credential.status == C.DRAFT
    assert credential.province_id == 34

    def missing():
        credential.refresh_from_db()
        return " | ".join(str(item) for item in credentials.credential_missing(credential))

    def submit_refused(fragment):
        with pytest.raises(DomainError, match=fragment):
            credentials.credential_submit(credential=credential, by=volunteer)
        credential.refresh_from_db()
        assert credential.status == C.DRAFT

    text = missing()
    assert len(credentials.credential_missing(credential)) == 4
    assert "Eğitim saatiniz 0; en az 30 saat" in text
    assert "süpervizyonlu gönüllülük saatiniz 0; en az 4 saat" in text
    assert "referans ekleyin" in text
    assert "İyileşme beyanınızı doldurun" in text
    submit_refused("Eğitim saatiniz")

    # Trainings: only those that count for mentors, with a certificate in force.
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    credentials.training_record(
        person=volunteer,
        training=_training("Gönüllü oryantasyonu", hours=50, counts=False),
        completed_on=timezone.localdate(),
        by=coordinator,
    )
    credentials.training_record(
        person=volunteer,
        training=_training("Eski mentorluk eğitimi", hours=50, valid_years=1),
        completed_on=timezone.localdate() - dt.timedelta(days=800),
        by=coordinator,
    )
    credentials.training_record(
        person=volunteer,
        training=_training("Akran desteği temel eğitimi", hours=20),
        completed_on=timezone.localdate(),
        by=coordinator,
    )
    assert "Eğitim saatiniz 20; en az 30 saat" in missing()
    credentials.training_record(
        person=volunteer,
        training=_training("Motivasyonel görüşme", hours=10),
        completed_on=timezone.localdate() - dt.timedelta(days=3),
        by=coordinator,
    )
    assert "Eğitim saatiniz" not in missing()
    assert credentials.credential_progress(volunteer)["training_hours"] == 30

    # Supervised hours: approved, of the supervised kind.
    _supervised(active_match, 3)
    _supervised(active_match, 2, approve=False)
    _supervised(active_match, 5, kind=HoursLog.Kind.VOLUNTEERING)
    assert re.search(r"süpervizyonlu gönüllülük saatiniz 3([.,]0)?; en az 4 saat", missing())
    _supervised(active_match, 1)
    assert "süpervizyonlu" not in missing()

    # A reference from an organisation that is not accredited does not do.
    unaccredited = OrganisationFactory()
    credentials.credential_update(
        credential=credential, by=volunteer, data=_reference(unaccredited)
    )
    assert "Referans veren kuruluş akredite değil" in missing()
    submit_refused("akredite değil")
    credentials.credential_update(
        credential=credential,
        by=volunteer,
        data=_reference(organisation, referee_name="", reference_statement=" "),
    )
    assert "Referans veren kişinin adını ve referans yazısını ekleyin" in missing()
    credentials.credential_update(
        credential=credential, by=volunteer, data=_reference(organisation)
    )
    assert missing() == "İyileşme beyanınızı doldurun."
    submit_refused("İyileşme beyanınızı")

    _declare(credential)
    assert credentials.credential_missing(credential) == []
    credentials.credential_submit(credential=credential, by=volunteer)
    credential.refresh_from_db()
    assert credential.status == C.SUBMITTED
    assert credential.submitted_at is not None


def test_hours_in_the_missing_list_read_the_same_on_every_database_in_turkish(
    volunteer, active_match
):
    """Approved hours are decimals: 1,5 in Turkish, whatever database sums them (SQLite gives
    1.5, PostgreSQL 1.5 or 3.0 — neither is how a Turkish reader writes them)."""
    _settings(mentor_training_hours=0, mentor_supervised_hours=4)
    credential = credentials.credential_start(person=volunteer)
    _supervised(active_match, Decimal("1.5"))
    text = " ".join(str(item) for item in credentials.credential_missing(credential))
    assert "süpervizyonlu gönüllülük saatiniz 1,5; en az 4 saat" in text
    _supervised(active_match, Decimal("1.5"))
    text = " ".join(str(item) for item in credentials.credential_missing(credential))
    assert "süpervizyonlu gönüllülük saatiniz 3; en az 4 saat" in text


def test_a_social_cohesion_unit_may_give_the_reference(volunteer, no_mentor_hours_required):
    unit = SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Üsküdar Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )
    credential = credentials.credential_start(person=volunteer)
    data = _reference(reference_unit=unit)
    credentials.credential_update(credential=credential, by=volunteer, data=data)
    _declare(credential)
    assert credentials.credential_missing(credential) == []


def test_a_reference_names_an_organisation_or_a_unit_not_both(volunteer, organisation):
    unit = SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Üsküdar Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )
    credential = credentials.credential_start(person=volunteer)
    with pytest.raises(ValidationError) as error:
        credentials.credential_update(
            credential=credential, by=volunteer, data=_reference(organisation, reference_unit=unit)
        )
    assert "reference_unit" in error.value.message_dict
    credential.refresh_from_db()
    assert credential.reference_organisation_id is None


def test_the_same_training_recorded_twice_counts_once(volunteer):
    """A coordinator recording a training again (a renewed certificate, a double click) must
    not double the hours towards the credential."""
    _settings(mentor_training_hours=40)
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    training = _training(hours=20, valid_years=3)
    for days_ago in (30, 0):
        credentials.training_record(
            person=volunteer,
            training=training,
            completed_on=timezone.localdate() - dt.timedelta(days=days_ago),
            by=coordinator,
        )
    progress = credentials.credential_progress(volunteer)
    assert progress["training_hours"] == 20
    assert not progress["training_done"]


def test_a_recorded_training_gives_the_person_a_verifiable_certificate(volunteer):
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    completed = credentials.training_record(
        person=volunteer,
        training=_training(hours=20, valid_years=2),
        completed_on=dt.date(2025, 3, 1),
        by=coordinator,
    )
    certificate = completed.certificate
    assert certificate.holder == volunteer
    assert certificate.tier == Certificate.Tier.TRAINING
    assert certificate.hours == 20
    assert certificate.expires_on == dt.date(2027, 3, 1)


def test_trainings_and_background_checks_are_recorded_by_the_provinces_coordinator_only(
    volunteer, owner, organisation
):
    training = _training()
    today = timezone.localdate()
    for stranger in (
        volunteer,
        owner,  # of the accredited organisation
        staff_user(StaffRole.COORDINATOR, 6),
        staff_user(StaffRole.REVIEWER, 34),
    ):
        with pytest.raises(PermissionDenied):
            credentials.training_record(
                person=volunteer, training=training, completed_on=today, by=stranger
            )
        with pytest.raises(PermissionDenied):
            credentials.background_check_record(
                person=volunteer,
                checked_on=today,
                valid_until=today + dt.timedelta(days=365),
                by=stranger,
            )
    assert not volunteer.completed_trainings.exists()
    assert not volunteer.background_checks.exists()


def test_training_and_background_check_refuse_bad_dates_and_people_without_a_profile(volunteer):
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        credentials.training_record(
            person=volunteer,
            training=_training(),
            completed_on=today + dt.timedelta(days=1),
            by=coordinator,
        )
    assert "completed_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        credentials.background_check_record(
            person=volunteer,
            checked_on=today + dt.timedelta(days=2),
            valid_until=today + dt.timedelta(days=1),
            by=coordinator,
        )
    assert {"checked_on", "valid_until"} <= set(error.value.message_dict)
    with pytest.raises(VolunteerError):
        credentials.background_check_record(
            person=UserFactory(),
            checked_on=today,
            valid_until=today + dt.timedelta(days=30),
            by=coordinator,
        )
    check = credentials.background_check_record(
        person=volunteer,
        checked_on=today,
        valid_until=today + dt.timedelta(days=365),
        by=coordinator,
    )
    assert credentials.background_check_in_force(volunteer) == check
    assert (
        credentials.background_check_in_force(volunteer, on=today + dt.timedelta(days=366)) is None
    )


# --- One credential at a time --------------------------------------------------------------


def test_a_second_open_credential_is_refused_by_the_service_and_the_database(volunteer):
    credentials.credential_start(person=volunteer)
    with pytest.raises(VolunteerError, match="Sürmekte olan bir başvurunuz"):
        credentials.credential_start(person=volunteer)
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorCredential.objects.create(person=volunteer, province_id=34)
    assert MentorCredential.objects.filter(person=volunteer).count() == 1


@pytest.mark.parametrize("status", [C.SUBMITTED, C.IN_REVIEW, C.GRANTED])
def test_a_new_application_waits_for_the_open_one(status, volunteer):
    MentorCredentialFactory(person=volunteer, **{status: True})
    with pytest.raises(VolunteerError):
        credentials.credential_start(person=volunteer)


@pytest.mark.parametrize("status", [C.WITHDRAWN, C.DECLINED, C.EXPIRED, C.REVOKED])
def test_a_person_may_apply_again_after_the_last_credential_ended(status, volunteer):
    MentorCredentialFactory(person=volunteer, **{status: True})
    again = credentials.credential_start(person=volunteer)
    assert again.status == C.DRAFT


def test_a_credential_needs_a_volunteer_profile():
    with pytest.raises(VolunteerError, match="gönüllü profilinizi"):
        credentials.credential_start(person=UserFactory())


def test_only_the_person_edits_their_draft_and_never_after_submitting(
    volunteer, other_volunteer, organisation, no_mentor_hours_required
):
    credential = MentorCredentialFactory(
        person=volunteer, ready=True, reference_organisation=organisation
    )
    with pytest.raises(PermissionDenied):
        credentials.credential_update(
            credential=credential, by=other_volunteer, data=_reference(organisation)
        )
    credentials.credential_submit(credential=credential, by=volunteer)
    credential.refresh_from_db()
    assert credential.status == C.SUBMITTED
    with pytest.raises(VolunteerError):
        credentials.credential_update(
            credential=credential, by=volunteer, data={"referee_name": "Başka biri"}
        )
    credential.refresh_from_db()
    assert credential.referee_name == "Selin Aydın"


# --- Review and decision ---------------------------------------------------------------------


def test_only_a_reviewer_of_the_credentials_province_may_be_assigned(volunteer, coordinator):
    credential = MentorCredentialFactory(person=volunteer, submitted=True)
    elsewhere = staff_user(StaffRole.REVIEWER, 6)
    not_a_reviewer = staff_user(StaffRole.COORDINATOR, 34)
    for reviewer in (elsewhere, not_a_reviewer, UserFactory()):
        with pytest.raises(VolunteerError, match="bu ilin değerlendiricisi değil"):
            credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
    # Nor the applicant, even if they review for the province.
    role_assign(user=volunteer, role=StaffRole.REVIEWER, province=Province.objects.get(code=34))
    with pytest.raises(VolunteerError, match="kendi başvurusunu"):
        credentials.credential_assign(
            credential=credential, reviewer=fresh(volunteer), by=coordinator
        )
    of_the_province = staff_user(StaffRole.REVIEWER, 34)
    credentials.credential_assign(credential=credential, reviewer=of_the_province, by=coordinator)
    credential.refresh_from_db()
    assert (credential.status, credential.reviewer) == (C.IN_REVIEW, of_the_province)


def test_assigning_is_for_the_provinces_coordinator_and_only_a_submitted_credential(
    volunteer, owner, organisation, reviewer, coordinator
):
    credential = MentorCredentialFactory(
        person=volunteer, submitted=True, reference_organisation=organisation
    )
    for stranger in (staff_user(StaffRole.COORDINATOR, 6), volunteer, owner):
        with pytest.raises(PermissionDenied):
            credentials.credential_assign(credential=credential, reviewer=reviewer, by=stranger)
    credential.refresh_from_db()
    assert (credential.status, credential.reviewer_id) == (C.SUBMITTED, None)

    draft = MentorCredentialFactory()  # another volunteer's
    with pytest.raises(IllegalTransition):
        credentials.credential_assign(credential=draft, reviewer=reviewer, by=coordinator)
    draft.refresh_from_db()
    assert draft.reviewer_id is None


def test_the_review_is_the_assigned_reviewers_with_an_opinion_and_a_note(
    volunteer, reviewer, other_reviewer, coordinator, board
):
    credential = MentorCredentialFactory(person=volunteer, in_review=True, reviewer=reviewer)
    for stranger in (other_reviewer, coordinator, board, volunteer):
        with pytest.raises(PermissionDenied):
            credentials.credential_review(
                credential=credential, by=stranger, recommendation="grant", note="Uygun."
            )
    with pytest.raises(ValidationError) as error:
        credentials.credential_review(
            credential=credential, by=reviewer, recommendation="maybe", note="Uygun."
        )
    assert "recommendation" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        credentials.credential_review(
            credential=credential, by=reviewer, recommendation="grant", note="  "
        )
    assert "note" in error.value.message_dict
    credential.refresh_from_db()
    assert credential.recommendation == ""
    credentials.credential_review(
        credential=credential, by=reviewer, recommendation="grant", note="Uygun."
    )
    credential.refresh_from_db()
    assert (credential.recommendation, credential.review_note) == ("grant", "Uygun.")
    assert (
        log_registry.get_logs_for_instance(credential)
        .filter(action="portal.mentor_credential.review")
        .exists()
    )


def test_the_reviewer_gives_an_opinion_but_never_decides(volunteer, reviewer):
    credential = MentorCredentialFactory(person=volunteer, in_review=True, reviewer=reviewer)
    credentials.credential_review(
        credential=credential, by=reviewer, recommendation="grant", note="Uygun."
    )
    with pytest.raises(DomainError):
        credentials.credential_decide(credential=credential, by=reviewer, grant=True)
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW


def test_granting_sets_the_term_from_the_settings_and_mails_only_the_status(
    outbox, django_capture_on_commit_callbacks, volunteer, reviewer, board
):
    _settings(mentor_term_years=3)
    credential = MentorCredentialFactory(person=volunteer, in_review=True, reviewer=reviewer)
    credentials.credential_review(
        credential=credential, by=reviewer, recommendation="grant", note="Uygun."
    )
    with django_capture_on_commit_callbacks(execute=True):
        credentials.credential_decide(credential=credential, by=board, grant=True)
    credential.refresh_from_db()
    today = timezone.localdate()
    assert credential.status == C.GRANTED
    assert credential.granted_on == today
    assert credential.valid_until == add_years(today, 3)
    assert credential.is_in_force
    assert MentorCredential.objects.in_force().filter(pk=credential.pk).exists()
    mails = [message for message in outbox if volunteer.email in message.to]
    assert len(mails) == 1
    assert "verildi" in mails[0].body
    assert STATEMENT not in mails[0].body
    assert "iyileşme" not in mails[0].body.replace(volunteer.full_name, "").lower()


def test_declining_mails_the_reason_and_revoking_ends_the_term(
    outbox, django_capture_on_commit_callbacks, volunteer, reviewer, board
):
    credential = MentorCredentialFactory(person=volunteer, in_review=True, reviewer=reviewer)
    credentials.credential_review(
        credential=credential, by=reviewer, recommendation="decline", note="Erken."
    )
    with django_capture_on_commit_callbacks(execute=True):
        credentials.credential_decide(
            credential=credential, by=board, grant=False, note="Süpervizyon eksik."
        )
    assert "Süpervizyon eksik." in outbox[-1].body
    credential.refresh_from_db()
    assert credential.status == C.DECLINED
    assert credential.valid_until is None

    granted = MentorCredentialFactory(granted=True)  # another volunteer's
    credentials.credential_revoke(credential=granted, by=board, note="Etik ihlal.")
    granted.refresh_from_db()
    assert granted.status == C.REVOKED
    assert not granted.is_in_force
    assert not MentorCredential.objects.in_force().filter(pk=granted.pk).exists()


# --- Term, renewal, expiry --------------------------------------------------------------------


def _granted_a_while_ago(person, *, days_ago=500) -> MentorCredential:
    """A credential granted ``days_ago`` days ago, so hours logged today fall in its term."""
    granted_on = timezone.localdate() - dt.timedelta(days=days_ago)
    term = MatchingSettings.load().mentor_term_years
    return MentorCredentialFactory(
        person=person, granted=True, granted_on=granted_on, valid_until=add_years(granted_on, term)
    )


def _continuing(match, amount, *, approve=True):
    return _supervised(match, amount, approve=approve, kind=HoursLog.Kind.CONTINUING)


def test_enough_continuing_hours_in_the_term_extend_the_credential_once(volunteer, active_match):
    _settings(mentor_continuing_hours=16, mentor_term_years=2)
    credential = _granted_a_while_ago(volunteer)
    _continuing(active_match, 10)
    _continuing(active_match, 6)
    _continuing(active_match, 8, approve=False)  # waiting for approval: not counted
    old_end = credential.valid_until
    day_after = old_end + dt.timedelta(days=1)
    assert credentials.continuing_hours(credential) == 16

    # Not before the term ends.
    assert credentials.renew_or_expire_credentials(today=old_end) == {"renewed": 0, "expired": 0}
    assert credentials.renew_or_expire_credentials(today=day_after) == {
        "renewed": 1,
        "expired": 0,
    }
    credential.refresh_from_db()
    assert credential.status == C.GRANTED
    assert credential.valid_until == add_years(old_end, 2)
    entries = log_registry.get_logs_for_instance(credential).filter(
        action="portal.mentor_credential.renew"
    )
    assert entries.count() == 1
    assert entries.get().data == {
        "from": old_end.isoformat(),
        "to": credential.valid_until.isoformat(),
    }
    # Idempotent: the next run (the same day or the day after) changes nothing.
    for day in (day_after, day_after + dt.timedelta(days=1)):
        assert credentials.renew_or_expire_credentials(today=day) == {"renewed": 0, "expired": 0}
    credential.refresh_from_db()
    assert credential.valid_until == add_years(old_end, 2)
    # The hours of the old term do not count again for the new one.
    assert credentials.continuing_hours(credential) == 0


def test_without_enough_continuing_hours_the_portal_lets_the_credential_expire(
    outbox, django_capture_on_commit_callbacks, volunteer, active_match
):
    _settings(mentor_continuing_hours=16)
    credential = _granted_a_while_ago(volunteer)
    _continuing(active_match, 15)
    _supervised(active_match, 8)  # supervised hours are not continuing education
    day_after = credential.valid_until + dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert credentials.renew_or_expire_credentials(today=day_after) == {
            "renewed": 0,
            "expired": 1,
        }
    credential.refresh_from_db()
    assert credential.status == C.EXPIRED
    change = StatusChange.objects.for_object(credential).last()
    assert (change.from_status, change.to_status, change.by) == (C.GRANTED, C.EXPIRED, None)
    assert "süresi doldu" in outbox[-1].body
    assert STATEMENT not in outbox[-1].body
    history = StatusChange.objects.for_object(credential).count()
    assert credentials.renew_or_expire_credentials(today=day_after) == {"renewed": 0, "expired": 0}
    assert StatusChange.objects.for_object(credential).count() == history


def test_continuing_hours_logged_before_the_term_do_not_renew_it(volunteer, active_match):
    _settings(mentor_continuing_hours=4)
    _continuing(active_match, 4)  # logged while applying
    # Granted in the future: the hours lie before the term started.
    granted_on = timezone.localdate() + dt.timedelta(days=10)
    credential = MentorCredentialFactory(
        person=volunteer, granted=True, granted_on=granted_on, valid_until=add_years(granted_on, 2)
    )
    assert credentials.continuing_hours(credential) == 0


def test_continuing_hours_approved_on_the_day_of_the_grant_count_for_the_term(
    volunteer, board, active_match
):
    """The term starts on the day the credential is granted (``grant_term``)."""
    _settings(mentor_continuing_hours=4)
    credential = MentorCredentialFactory(person=volunteer, reviewed=True)
    credentials.credential_decide(credential=credential, by=board, grant=True)
    assert credential.granted_on == timezone.localdate()
    _continuing(active_match, 4)
    assert credentials.continuing_hours(credential) == 4


def _holder_mails(outbox, person):
    return [message for message in outbox if person.email in message.to]


def test_reminders_go_once_per_threshold_with_the_hours_still_needed(
    outbox, volunteer, active_match
):
    _settings(mentor_continuing_hours=16)
    today = timezone.localdate()
    valid_until = today + dt.timedelta(days=60)
    MentorCredentialFactory(
        person=volunteer,
        granted=True,
        granted_on=add_years(valid_until, -2),
        valid_until=valid_until,
    )
    _continuing(active_match, 6)
    outbox.clear()
    assert credentials.send_credential_reminders(today=valid_until - dt.timedelta(days=61)) == 0
    assert credentials.send_credential_reminders(today=today) == 1
    assert credentials.send_credential_reminders(today=today) == 0
    assert credentials.send_credential_reminders(today=today + dt.timedelta(days=30)) == 0
    assert credentials.send_credential_reminders(today=valid_until - dt.timedelta(days=14)) == 1
    assert credentials.send_credential_reminders(today=valid_until - dt.timedelta(days=14)) == 0
    assert credentials.send_credential_reminders(today=valid_until - dt.timedelta(days=3)) == 0
    assert credentials.send_credential_reminders(today=valid_until) == 0
    mails = _holder_mails(outbox, volunteer)
    assert len(mails) == 2
    first, second = mails
    assert "(60 gün kaldı)" in first.body
    assert "(14 gün kaldı)" in second.body
    for message in mails:
        assert re.search(r"saatiniz: 6([.,]0)? / 16\.", message.body)  # done / required
        assert "eksik saatleri" in message.body
        # Without the greeting: a name may contain anything (e.g. "Gülbeyan").
        body = (message.subject + message.body).replace(volunteer.full_name, "").lower()
        assert "iyileşme" not in body
        assert STATEMENT.lower() not in body
        assert "beyan" not in body


def test_a_reminder_first_sent_late_goes_once_and_renewal_starts_them_again(
    outbox, volunteer, active_match
):
    _settings(mentor_continuing_hours=2)
    today = timezone.localdate()
    valid_until = today + dt.timedelta(days=10)
    credential = MentorCredentialFactory(
        person=volunteer,
        granted=True,
        granted_on=add_years(valid_until, -2),
        valid_until=valid_until,
    )
    outbox.clear()
    # The job did not run at 60 days: one reminder now, none again for this term.
    assert credentials.send_credential_reminders(today=today) == 1
    assert credentials.send_credential_reminders(today=today + dt.timedelta(days=5)) == 0
    _continuing(active_match, 2)
    assert credentials.renew_or_expire_credentials(today=valid_until + dt.timedelta(days=1)) == {
        "renewed": 1,
        "expired": 0,
    }
    credential.refresh_from_db()
    before_new_end = credential.valid_until - dt.timedelta(days=30)
    assert credentials.send_credential_reminders(today=before_new_end) == 1
    assert len(_holder_mails(outbox, volunteer)) == 2


def test_no_reminders_for_credentials_not_in_force_or_far_from_their_end(outbox, volunteer, board):
    credential = MentorCredentialFactory(person=volunteer, granted=True)  # two years left
    assert credentials.send_credential_reminders() == 0
    credentials.credential_revoke(credential=credential, by=board, note="Etik ihlal.")
    MentorCredential.objects.filter(pk=credential.pk).update(
        valid_until=timezone.localdate() + dt.timedelta(days=10)
    )
    assert credentials.send_credential_reminders() == 0


# --- The recovery declaration ----------------------------------------------------------------


def test_the_declaration_is_stored_encrypted(volunteer):
    credential = MentorCredentialFactory(person=volunteer)
    _declare(credential)
    stored = RecoveryDeclaration.objects.get(credential=credential).ciphertext
    assert "iyileşme" not in stored
    assert "Yedi" not in stored
    assert "years_in_recovery" not in stored
    assert decrypt(stored) == {"years_in_recovery": YEARS, "statement": STATEMENT}
    assert declarations.declaration_exists(credential)
    # A second save replaces it (still one row, still encrypted).
    declarations.declaration_save(
        credential=credential, by=volunteer, years_in_recovery=8, statement="Sekiz yıl."
    )
    assert RecoveryDeclaration.objects.filter(credential=credential).count() == 1
    assert decrypt(RecoveryDeclaration.objects.get(credential=credential).ciphertext) == {
        "years_in_recovery": 8,
        "statement": "Sekiz yıl.",
    }


def test_keys_rotate_without_losing_what_was_written_with_the_old_key(settings, volunteer):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PORTAL_FIELD_KEYS = [old]
    credential = MentorCredentialFactory(person=volunteer)
    _declare(credential)
    settings.PORTAL_FIELD_KEYS = [new, old]
    content = declarations.declaration_read(credential=credential, by=volunteer)
    assert content["statement"] == STATEMENT
    # What is written now uses the new key alone.
    declarations.declaration_save(
        credential=credential, by=volunteer, years_in_recovery=8, statement="Sekiz yıl."
    )
    settings.PORTAL_FIELD_KEYS = [new]
    assert (
        declarations.declaration_read(credential=credential, by=volunteer)["years_in_recovery"] == 8
    )
    # Data of a key that was dropped is not silently read as something else: it is a fault in
    # the data, told to the person in words, with nothing about the content in the log.
    settings.PORTAL_FIELD_KEYS = [old]
    with pytest.raises(VolunteerError, match="Bu beyan okunamıyor"):
        declarations.declaration_read(credential=credential, by=volunteer)


def test_rotating_the_keys_reseals_every_declaration_so_the_old_key_can_go(settings, volunteer):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PORTAL_FIELD_KEYS = [old]
    credential = MentorCredentialFactory(person=volunteer)
    _declare(credential)
    sealed_before = RecoveryDeclaration.objects.get(credential=credential).ciphertext

    settings.PORTAL_FIELD_KEYS = [new, old]
    out = io.StringIO()
    call_command("rotate_field_keys", stdout=out)
    assert "1 sealed values rotated" in out.getvalue()
    sealed_after = RecoveryDeclaration.objects.get(credential=credential).ciphertext
    assert sealed_after != sealed_before

    settings.PORTAL_FIELD_KEYS = [new]  # the old key is retired
    content = declarations.declaration_read(credential=credential, by=volunteer)
    assert content["statement"] == STATEMENT


def test_a_tampered_declaration_is_a_data_error_and_rotation_names_only_its_row(
    settings, caplog, volunteer
):
    credential = MentorCredentialFactory(person=volunteer)
    _declare(credential)
    declaration = RecoveryDeclaration.objects.get(credential=credential)
    token = declaration.ciphertext
    tampered = token[:-8] + ("A" if token[-8] != "A" else "B") + token[-7:]
    RecoveryDeclaration.objects.filter(pk=declaration.pk).update(ciphertext=tampered)

    with pytest.raises(VolunteerError, match="Bu beyan okunamıyor"):
        declarations.declaration_read(credential=credential, by=volunteer)
    assert f"#{declaration.pk} cannot be opened" in caplog.text
    assert STATEMENT not in caplog.text

    with pytest.raises(CommandError) as error:
        call_command("rotate_field_keys", stdout=io.StringIO())
    assert f"volunteers.RecoveryDeclaration #{declaration.pk}" in str(error.value)
    # Left as it was, for someone to look at.
    assert RecoveryDeclaration.objects.get(pk=declaration.pk).ciphertext == tampered


def test_the_declaration_is_validated_and_only_the_person_writes_it(
    volunteer, other_volunteer, coordinator, owner
):
    credential = MentorCredentialFactory(person=volunteer)
    with pytest.raises(ValidationError) as error:
        declarations.declaration_save(
            credential=credential, by=volunteer, years_in_recovery=-1, statement=" "
        )
    assert {"years_in_recovery", "statement"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError):
        declarations.declaration_save(
            credential=credential, by=volunteer, years_in_recovery=81, statement="Uzun."
        )
    for stranger in (other_volunteer, coordinator, owner):
        with pytest.raises(PermissionDenied):
            declarations.declaration_save(
                credential=credential, by=stranger, years_in_recovery=3, statement="Üç yıl."
            )
    assert not declarations.declaration_exists(credential)


@pytest.mark.parametrize("status", [C.SUBMITTED, C.IN_REVIEW, C.GRANTED])
def test_the_declaration_cannot_be_changed_after_submitting(status, volunteer):
    credential = MentorCredentialFactory(person=volunteer, **{status: True})
    before = RecoveryDeclaration.objects.get(credential=credential).ciphertext
    with pytest.raises(VolunteerError):
        declarations.declaration_save(
            credential=credential, by=volunteer, years_in_recovery=1, statement="Değişti."
        )
    assert RecoveryDeclaration.objects.get(credential=credential).ciphertext == before


def test_the_person_reads_their_own_declaration_and_the_reading_is_logged(volunteer):
    credential = MentorCredentialFactory(person=volunteer)
    _declare(credential)
    content = declarations.declaration_read(credential=credential, by=volunteer)
    assert content == {"years_in_recovery": YEARS, "statement": STATEMENT}
    access = DeclarationAccess.objects.get(declaration__credential=credential)
    assert access.reader == volunteer
    assert access.purpose == declarations.OWN_READING
    declarations.declaration_read(credential=credential, by=volunteer, purpose="")
    assert declarations.declaration_accesses(credential).count() == 2


def test_the_assigned_reviewer_must_state_a_purpose_and_each_reading_is_logged(volunteer, reviewer):
    credential = MentorCredentialFactory(person=volunteer, in_review=True, reviewer=reviewer)
    for purpose in ("", "   ", "okumak"):
        with pytest.raises(ValidationError) as error:
            declarations.declaration_read(credential=credential, by=reviewer, purpose=purpose)
        assert "purpose" in error.value.message_dict
    assert not DeclarationAccess.objects.exists()
    purpose = "Başvurunun iyileşme süresi ölçütünü değerlendirmek için."
    content = declarations.declaration_read(credential=credential, by=reviewer, purpose=purpose)
    assert content == {"years_in_recovery": 6, "statement": "Altı yıldır iyileşme sürecindeyim."}
    declarations.declaration_read(
        credential=credential, by=reviewer, purpose="Kurul için özet hazırlamak amacıyla."
    )
    accesses = list(declarations.declaration_accesses(credential).order_by("pk"))
    assert [(a.reader, a.purpose) for a in accesses] == [
        (reviewer, purpose),
        (reviewer, "Kurul için özet hazırlamak amacıyla."),
    ]
    # The audit trail names the reading, never the content.
    entries = log_registry.get_logs_for_instance(credential).filter(
        action="portal.mentor_credential.declaration_read"
    )
    assert entries.count() == 2
    assert all(STATEMENT not in json.dumps(entry.data) for entry in entries)


def test_the_declaration_is_unreadable_to_everyone_else_even_with_a_purpose(
    volunteer,
    organisation,
    reviewer,
    owner,
    plain_member,
    other_volunteer,
    coordinator,
    other_reviewer,
    reviewer_elsewhere,
    board,
):
    credential = MentorCredentialFactory(
        person=volunteer, in_review=True, reviewer=reviewer, reference_organisation=organisation
    )
    purpose = "Merak ettiğim için okumak istiyorum."
    admin = staff_user(StaffRole.ADMIN)
    for stranger in (
        owner,  # the organisation that gave the reference
        plain_member,
        other_volunteer,
        coordinator,
        other_reviewer,
        reviewer_elsewhere,
        board,
        admin,
    ):
        with pytest.raises(PermissionDenied):
            declarations.declaration_read(credential=credential, by=stranger, purpose=purpose)
    assert not DeclarationAccess.objects.exists()


def test_the_declaration_appears_in_no_mail_of_the_whole_cycle(
    outbox,
    django_capture_on_commit_callbacks,
    no_mentor_hours_required,
    volunteer,
    organisation,
    coordinator,
    reviewer,
    board,
):
    with django_capture_on_commit_callbacks(execute=True):
        # The whole cycle, through the services: apply, submit, review, grant.
        credential = credentials.credential_start(person=volunteer)
        credentials.credential_update(
            credential=credential, by=volunteer, data=_reference(organisation)
        )
        declarations.declaration_save(
            credential=credential,
            by=volunteer,
            years_in_recovery=6,
            statement="Altı yıldır iyileşme sürecindeyim.",
        )
        credentials.credential_submit(credential=credential, by=volunteer)
        credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
        credentials.credential_review(
            credential=credential,
            by=reviewer,
            recommendation="grant",
            note="Başvuru dosyası eksiksiz.",
        )
        credentials.credential_decide(
            credential=credential, by=board, grant=True, note="Gerekçesi kayıtlı."
        )
    assert credential.status == C.GRANTED
    with django_capture_on_commit_callbacks(execute=True):
        credentials.credential_revoke(credential=credential, by=board, note="Etik ihlal.")
    assert outbox
    for message in outbox:
        text = (message.subject + message.body).replace(volunteer.full_name, "")
        assert "Altı yıldır" not in text
        assert "iyileşme" not in text.lower()


def test_continuing_hours_are_a_decimal_sum_of_approved_logs(volunteer, active_match):
    credential = _granted_a_while_ago(volunteer)
    _continuing(active_match, Decimal("1.5"))
    _continuing(active_match, 2)
    assert credentials.continuing_hours(credential) == 3.5
