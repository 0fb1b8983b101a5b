"""The experience mentor credential (deneyim mentoru yetkinliği), trainings and background
checks.

A volunteer applies when they have the trainings and supervised hours staff configured, a
reference from an accredited organisation or a Social Cohesion Unit, and a recovery
declaration. A coordinator assigns a reviewer of the province, the reviewer gives an opinion,
and the accreditation board decides, all through the one life-cycle machinery. A granted
credential lasts ``mentor_term_years``; it is extended when enough continuing-education hours
were approved in the term, otherwise it expires, with reminders before.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.certificates import certificate_issue_personal
from accreditation.models import Certificate
from core.audit import audit
from core.dates import add_years
from core.lifecycle import record_start, transition
from core.models import StaffRole
from core.permissions import has_role, require

from .exceptions import VolunteerError
from .models import (
    BackgroundCheck,
    CompletedTraining,
    HoursLog,
    MatchingSettings,
    MentorCredential,
    Training,
    VolunteerProfile,
)

C = MentorCredential.Status
REMINDER_DAYS = (60, 14)

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.mentor_credential.review": gettext_lazy("Deneyim mentoru başvurusu değerlendirildi"),
    "portal.mentor_credential.renew": gettext_lazy("Deneyim mentoru yetkinliği uzatıldı"),
    "portal.mentor_credential.declaration_read": gettext_lazy("İyileşme beyanı okundu"),
    "portal.mentor_credential.declaration_save": gettext_lazy("İyileşme beyanı kaydedildi"),
}


# --- Trainings and background checks ---------------------------------------------------------


@transaction.atomic
def training_record(*, person, training, completed_on: datetime.date, by) -> CompletedTraining:
    """A coordinator records a completed training; the person gets a verifiable certificate."""
    profile = VolunteerProfile.objects.filter(user=person).first()
    if profile is None:
        raise VolunteerError(_("Bu kişinin gönüllü profili yok."))
    require(by, "training.record", profile)
    if completed_on > timezone.localdate():
        raise ValidationError({"completed_on": _("Tamamlanma tarihi ileride olamaz.")})
    certificate = certificate_issue_personal(
        holder=person,
        training=training.name,
        hours=training.hours or None,
        completed_on=completed_on,
        by=by,
        valid_years=training.valid_years,
    )
    completed = CompletedTraining.objects.create(
        person=person, training=training, certificate=certificate
    )
    audit(completed, "portal.volunteer.training", user=by, data={"training": training.pk})
    return completed


def trainings_in_force(person, *, on: datetime.date | None = None):
    on = on or timezone.localdate()
    return (
        CompletedTraining.objects.filter(
            person=person, certificate__status=Certificate.Status.VALID
        )
        .exclude(certificate__expires_on__lt=on)
        .select_related("training", "certificate")
    )


@transaction.atomic
def background_check_record(
    *, person, checked_on: datetime.date, valid_until: datetime.date, by
) -> BackgroundCheck:
    """Record that a coordinator saw a valid check (only the dates; never the document)."""
    profile = VolunteerProfile.objects.filter(user=person).first()
    if profile is None:
        raise VolunteerError(_("Bu kişinin gönüllü profili yok."))
    require(by, "background.record", profile)
    errors = {}
    if checked_on > timezone.localdate():
        errors["checked_on"] = _("Kontrol tarihi ileride olamaz.")
    if valid_until <= checked_on:
        errors["valid_until"] = _("Geçerlilik sonu, kontrol tarihinden sonra olmalı.")
    if errors:
        raise ValidationError(errors)
    check = BackgroundCheck.objects.create(
        person=person, checked_on=checked_on, valid_until=valid_until, recorded_by=by
    )
    audit(check, "portal.volunteer.background_check", user=by)
    return check


def background_check_in_force(person, *, on: datetime.date | None = None):
    on = on or timezone.localdate()
    return BackgroundCheck.objects.filter(person=person, valid_until__gte=on).first()


# --- What the credential needs ----------------------------------------------------------------


def credential_progress(person) -> dict:
    """Where the person stands against the configured requirements."""
    settings = MatchingSettings.load()
    # Each training counts once, however many times it was recorded.
    training_hours = (
        Training.objects.filter(
            counts_for_mentor=True, pk__in=trainings_in_force(person).values("training")
        ).aggregate(total=Sum("hours"))["total"]
        or 0
    )
    supervised_hours = (
        HoursLog.objects.filter(
            person=person, kind=HoursLog.Kind.SUPERVISED, status=HoursLog.Status.APPROVED
        ).aggregate(total=Sum("hours"))["total"]
        or 0
    )
    return {
        "training_hours": training_hours,
        "training_required": settings.mentor_training_hours,
        "training_done": training_hours >= settings.mentor_training_hours,
        "supervised_hours": supervised_hours,
        "supervised_required": settings.mentor_supervised_hours,
        "supervised_done": supervised_hours >= settings.mentor_supervised_hours,
        "term_years": settings.mentor_term_years,
        "continuing_required": settings.mentor_continuing_hours,
    }


def credential_missing(credential: MentorCredential) -> list[str]:
    """What still stops the person from submitting, in their language."""
    from .declarations import declaration_exists

    progress = credential_progress(credential.person)
    missing = []

    def hours(value) -> str:
        return number_format(Decimal(value).normalize(), use_l10n=True)

    if not progress["training_done"]:
        missing.append(
            _("Eğitim saatiniz %(done)s; en az %(required)s saat gerekiyor.")
            % {
                "done": hours(progress["training_hours"]),
                "required": progress["training_required"],
            }
        )
    if not progress["supervised_done"]:
        missing.append(
            _(
                "Onaylanmış süpervizyonlu gönüllülük saatiniz %(done)s; "
                "en az %(required)s saat gerekiyor."
            )
            % {
                "done": hours(progress["supervised_hours"]),
                "required": progress["supervised_required"],
            }
        )
    if not (credential.reference_organisation_id or credential.reference_unit_id):
        missing.append(
            _("Akredite bir kuruluştan ya da bir Sosyal Uyum Biriminden referans ekleyin.")
        )
    elif not (credential.referee_name.strip() and credential.reference_statement.strip()):
        missing.append(_("Referans veren kişinin adını ve referans yazısını ekleyin."))
    if credential.reference_organisation_id and not credential.reference_organisation.is_accredited:
        missing.append(_("Referans veren kuruluş akredite değil."))
    if not declaration_exists(credential):
        missing.append(_("İyileşme beyanınızı doldurun."))
    return missing


# --- The steps --------------------------------------------------------------------------------


@transaction.atomic
def credential_start(*, person) -> MentorCredential:
    profile = VolunteerProfile.objects.filter(user=person).first()
    if profile is None:
        raise VolunteerError(_("Önce gönüllü profilinizi doldurun."))
    if MentorCredential.objects.filter(
        person=person, status__in=[C.DRAFT, C.SUBMITTED, C.IN_REVIEW, C.GRANTED]
    ).exists():
        raise VolunteerError(_("Sürmekte olan bir başvurunuz ya da yetkinliğiniz var."))
    credential = MentorCredential.objects.create(person=person, province=profile.province)
    record_start(credential, by=person)
    return credential


REFERENCE_FIELDS = (
    "reference_organisation",
    "reference_unit",
    "referee_name",
    "referee_position",
    "reference_statement",
)


@transaction.atomic
def credential_update(*, credential: MentorCredential, by, data: dict) -> MentorCredential:
    require(by, "mentor.own", credential)
    if credential.status != C.DRAFT:
        raise VolunteerError(_("Gönderilmiş bir başvuru değiştirilemez."))
    for field in REFERENCE_FIELDS:
        if field in data:
            setattr(credential, field, data[field])
    if credential.reference_organisation_id and credential.reference_unit_id:
        raise ValidationError(
            {
                "reference_unit": _(
                    "Referans için bir kuruluş ya da bir birim seçin, ikisini birden değil."
                )
            }
        )
    credential.full_clean()
    credential.save()
    return credential


def credential_submit(*, credential: MentorCredential, by) -> None:
    transition(credential, C.SUBMITTED, by=by)


def submitted(credential: MentorCredential, change) -> None:
    """Effect of the submit move: when it was sent."""
    credential.submitted_at = change.at
    credential.save(update_fields=["submitted_at"])


@transaction.atomic
def credential_assign(*, credential: MentorCredential, reviewer, by) -> None:
    """A coordinator assigns a reviewer of the credential's province and starts the review."""
    require(by, "mentor.assign", credential)
    if not has_role(reviewer, StaffRole.REVIEWER, credential.province_id):
        raise VolunteerError(_("Seçilen kişi bu ilin değerlendiricisi değil."))
    if reviewer.pk == credential.person_id:
        raise VolunteerError(_("Kişi kendi başvurusunu değerlendiremez."))
    credential.reviewer = reviewer
    credential.save(update_fields=["reviewer"])
    transition(credential, C.IN_REVIEW, by=by)


@transaction.atomic
def credential_review(*, credential: MentorCredential, by, recommendation: str, note: str) -> None:
    require(by, "mentor.review", credential)
    if credential.status != C.IN_REVIEW:
        raise VolunteerError(_("Bu başvuru değerlendirme aşamasında değil."))
    if recommendation not in MentorCredential.Recommendation.values:
        raise ValidationError({"recommendation": _("Görüşünüzü seçin.")})
    if not note.strip():
        raise ValidationError({"note": _("Değerlendirme notunu yazın.")})
    credential.recommendation = recommendation
    credential.review_note = note.strip()
    credential.save(update_fields=["recommendation", "review_note"])
    audit(
        credential,
        "portal.mentor_credential.review",
        user=by,
        data={"recommendation": recommendation},
    )


def credential_decide(*, credential: MentorCredential, by, grant: bool, note: str = "") -> None:
    transition(credential, C.GRANTED if grant else C.DECLINED, by=by, note=note)


def credential_withdraw(*, credential: MentorCredential, by, note: str = "") -> None:
    """The person withdraws their application at any step before the decision."""
    transition(credential, C.WITHDRAWN, by=by, note=note)


def credential_revoke(*, credential: MentorCredential, by, note: str) -> None:
    transition(credential, C.REVOKED, by=by, note=note)


def grant_term(credential: MentorCredential) -> None:
    """The term of a newly granted credential (an effect of the grant move)."""
    today = timezone.localdate()
    credential.granted_on = today
    credential.valid_until = add_years(today, MatchingSettings.load().mentor_term_years)
    credential.save(update_fields=["granted_on", "valid_until"])


def continuing_hours(credential: MentorCredential) -> float:
    """Continuing-education hours approved in the credential's current term."""
    settings = MatchingSettings.load()
    term_start = add_years(credential.valid_until, -settings.mentor_term_years)
    # The first term starts on the day of the grant (inclusive); a renewed term the day after
    # the previous one ended.
    if credential.granted_on and term_start <= credential.granted_on:
        in_term = Q(on__gte=credential.granted_on)
    else:
        in_term = Q(on__gt=term_start)
    total = HoursLog.objects.filter(
        in_term,
        person=credential.person_id,
        kind=HoursLog.Kind.CONTINUING,
        status=HoursLog.Status.APPROVED,
        on__lte=credential.valid_until,
    ).aggregate(total=Sum("hours"))["total"]
    return float(total or 0)


# --- The daily job ----------------------------------------------------------------------------


def renew_or_expire_credentials(*, today: datetime.date | None = None) -> dict[str, int]:
    """At the end of a term: extend a credential whose holder logged the continuing-education
    hours, expire the others. Idempotent."""
    today = today or timezone.localdate()
    settings = MatchingSettings.load()
    counts = {"renewed": 0, "expired": 0}
    due = MentorCredential.objects.filter(status=C.GRANTED, valid_until__lt=today)
    for credential in due.select_related("person"):
        if continuing_hours(credential) >= settings.mentor_continuing_hours:
            with transaction.atomic():
                old_end = credential.valid_until
                credential.valid_until = add_years(old_end, settings.mentor_term_years)
                credential.reminded_for = None
                credential.save(update_fields=["valid_until", "reminded_for"])
                audit(
                    credential,
                    "portal.mentor_credential.renew",
                    data={"from": old_end.isoformat(), "to": credential.valid_until.isoformat()},
                )
            counts["renewed"] += 1
        else:
            transition(credential, C.EXPIRED, note="Geçerlilik süresi doldu.")
            counts["expired"] += 1
    return counts


def send_credential_reminders(*, today: datetime.date | None = None) -> int:
    """Remind holders 60 and 14 days before the end of the term, once per threshold,
    with the continuing-education hours still needed."""
    from .notifications import credential_expiring

    today = today or timezone.localdate()
    settings = MatchingSettings.load()
    sent = 0
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    due = MentorCredential.objects.filter(
        status=C.GRANTED, valid_until__gte=today, valid_until__lte=horizon
    ).select_related("person")
    for credential in due:
        days_left = (credential.valid_until - today).days
        threshold = min(days for days in REMINDER_DAYS if days >= days_left)
        marker = credential.valid_until - datetime.timedelta(days=threshold)
        if credential.reminded_for is not None and credential.reminded_for >= marker:
            continue
        updated = (
            MentorCredential.objects.filter(pk=credential.pk)
            .exclude(reminded_for__gte=marker)
            .update(reminded_for=marker)
        )
        if updated:
            hours = continuing_hours(credential)
            credential_expiring(
                credential,
                days_left=days_left,
                hours_done=hours,
                hours_required=settings.mentor_continuing_hours,
            )
            sent += 1
    return sent
