"""Services for accreditation applications: self-assessment, evidence, review, decision."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import (
    Answer,
    Application,
    ApplicationStatus,
    Criterion,
    CriterionScore,
    Evidence,
    Organisation,
    ReviewAssignment,
    SiteVisit,
    Standard,
)
from accreditation.permissions import membership_role
from core.audit import audit
from core.exceptions import DomainError
from core.files import validate_evidence_file
from core.lifecycle import transition
from core.models import StaffRole, User
from core.permissions import has_role, require

from .selectors import active_assignments, criteria_of, review_summary

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.application.assign": gettext_lazy("Değerlendirici atandı"),
    "portal.application.declare": gettext_lazy("Çıkar çatışması olmadığı beyan edildi"),
    "portal.application.recuse": gettext_lazy("Değerlendirici çekildi"),
    "portal.application.site_visit": gettext_lazy("Saha ziyareti kaydedildi"),
    "portal.application.review_complete": gettext_lazy("Değerlendirme tamamlandı"),
}


class ApplicationError(DomainError):
    pass


def _require_editable(application: Application, by: User) -> None:
    require(by, "application.edit", application)
    if not application.is_editable:
        raise ApplicationError(
            _("Başvuru şu anda düzenlenemez: %(status)s.")
            % {"status": application.get_status_display()}
        )


@transaction.atomic
def application_start(*, organisation: Organisation, by: User) -> Application:
    """Start a draft against the current standard; a renewal is pre-filled from the last
    decided application's answers (matched by criterion code)."""
    if membership_role(by, organisation) not in {"owner", "manager"}:
        raise ApplicationError(_("Başvuruyu kuruluşun sahibi ya da yöneticisi başlatır."))
    standard = Standard.objects.current()
    if standard is None:
        raise ApplicationError(_("Yayımlanmış bir akreditasyon standardı yok."))
    previous = (
        organisation.applications.filter(
            status__in=[ApplicationStatus.ACCREDITED, ApplicationStatus.PROVISIONAL]
        )
        .order_by("-decided_at")
        .first()
    )
    application = Application(
        organisation=organisation,
        standard=standard,
        created_by=by,
        kind=Application.Kind.RENEWAL if previous else Application.Kind.INITIAL,
        renews=previous,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as error:
        raise ApplicationError(_("Bu kuruluşun süren bir başvurusu zaten var.")) from error
    earlier = {}
    if previous is not None:
        earlier = {
            answer.criterion.code: answer
            for answer in previous.answers.filter(round=previous.round).select_related("criterion")
        }
    Answer.objects.bulk_create(
        Answer(
            application=application,
            criterion=criterion,
            round=1,
            self_score=earlier[criterion.code].self_score if criterion.code in earlier else None,
            narrative=earlier[criterion.code].narrative if criterion.code in earlier else "",
        )
        for criterion in criteria_of(standard)
    )
    return application


@transaction.atomic
def answer_save(
    *,
    application: Application,
    criterion: Criterion,
    self_score: int | None,
    narrative: str,
    by: User,
) -> Answer:
    _require_editable(application, by)
    answer, _created = Answer.objects.get_or_create(
        application=application, criterion=criterion, round=application.round
    )
    answer.self_score = self_score
    answer.narrative = narrative.strip()
    answer.full_clean()
    answer.save()
    return answer


@transaction.atomic
def evidence_add(*, application: Application, criterion: Criterion, upload, by: User) -> Evidence:
    _require_editable(application, by)
    if criterion.group.standard_id != application.standard_id:
        raise ApplicationError(_("Bu ölçüt başvurunun standardına ait değil."))
    content_type = validate_evidence_file(upload)
    evidence = Evidence(
        application=application,
        criterion=criterion,
        round=application.round,
        original_name=(upload.name or "dosya")[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    evidence.file.save(upload.name or "dosya", upload, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, by: User) -> None:
    """Files of earlier rounds stay on record; only the current round's can be withdrawn."""
    _require_editable(evidence.application, by)
    if evidence.round != evidence.application.round:
        raise ApplicationError(_("Önceki turların dosyaları kayıtta kalır."))
    evidence.removed_at = timezone.now()
    evidence.save(update_fields=["removed_at"])


def start_next_round(application: Application) -> None:
    """On resubmission the answers are copied to a new round; the old ones are kept."""
    current = application.round
    Application.objects.filter(pk=application.pk).update(round=current + 1)
    application.round = current + 1
    Answer.objects.bulk_create(
        Answer(
            application=application,
            criterion_id=answer.criterion_id,
            round=current + 1,
            self_score=answer.self_score,
            narrative=answer.narrative,
        )
        for answer in application.answers.filter(round=current)
    )


def application_submit(*, application: Application, by: User) -> None:
    """Submit a draft, or resubmit after changes were requested (to screening or review)."""
    if application.status == ApplicationStatus.DRAFT:
        transition(application, ApplicationStatus.SUBMITTED, by=by)
        return
    if application.status != ApplicationStatus.CHANGES_REQUESTED:
        raise ApplicationError(_("Bu başvuru zaten gönderildi."))
    target = (
        ApplicationStatus.IN_REVIEW
        if active_assignments(application, for_appeal=application.is_appeal).exists()
        else ApplicationStatus.SUBMITTED
    )
    transition(application, target, by=by)


# --- Screening and assignment ---------------------------------------------------------------

# A free place (no reviewer yet, or one recused) can be filled in these statuses.
ASSIGNABLE_STATUSES = {
    ApplicationStatus.SCREENING,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.CHANGES_REQUESTED,
    ApplicationStatus.APPEALED,
}


@transaction.atomic
def reviewer_assign(*, application: Application, reviewer: User, by: User) -> ReviewAssignment:
    """The coordinator assigns a reviewer of the organisation's province (two per phase)."""
    require(by, "application.screen", application)
    for_appeal = application.is_appeal
    if application.status not in ASSIGNABLE_STATUSES:
        raise ApplicationError(
            _("Değerlendirici ön inceleme, değerlendirme ya da itiraz aşamasında atanır.")
        )
    if not has_role(reviewer, StaffRole.REVIEWER, application.organisation.province_id):
        raise ApplicationError(_("Bu kişi kuruluşun ilinde değerlendirici değil."))
    if membership_role(reviewer, application.organisation) is not None:
        raise ApplicationError(_("Kuruluşun üyesi değerlendirici olamaz."))
    if application.assignments.filter(reviewer=reviewer).exists():
        raise ApplicationError(
            _("Bu kişi bu başvuruda zaten değerlendirici oldu; itiraz başka kişilere gider.")
        )
    current = list(active_assignments(application, for_appeal=for_appeal))
    if len(current) >= 2:
        raise ApplicationError(_("Bu aşamada iki değerlendirici zaten atanmış."))
    taken = {assignment.position for assignment in current}
    assignment = ReviewAssignment.objects.create(
        application=application,
        reviewer=reviewer,
        for_appeal=for_appeal,
        position=1 if 1 not in taken else 2,
        assigned_by=by,
    )
    audit(application, "portal.application.assign", user=by, data={"position": assignment.position})
    return assignment


@transaction.atomic
def assignment_declare(*, assignment: ReviewAssignment, by: User) -> ReviewAssignment:
    """The reviewer declares no conflict of interest; only then do they see the file."""
    if assignment.reviewer_id != by.pk:
        raise ApplicationError(_("Beyanı yalnızca atanan değerlendirici verir."))
    if assignment.state != ReviewAssignment.State.AWAITING_DECLARATION:
        raise ApplicationError(_("Bu atama için beyan zaten verildi."))
    assignment.state = ReviewAssignment.State.ACTIVE
    assignment.declared_at = timezone.now()
    assignment.save(update_fields=["state", "declared_at"])
    audit(assignment.application, "portal.application.declare", user=by)
    return assignment


@transaction.atomic
def assignment_recuse(*, assignment: ReviewAssignment, by: User, reason: str) -> None:
    """The reviewer steps aside (a conflict of interest); the coordinator assigns another."""
    if assignment.reviewer_id != by.pk:
        raise ApplicationError(_("Yalnızca atanan değerlendirici çekilebilir."))
    if not reason.strip():
        raise ApplicationError(_("Çekilme gerekçesini yazın."))
    assignment.state = ReviewAssignment.State.RECUSED
    assignment.recusal_reason = reason.strip()
    assignment.save(update_fields=["state", "recusal_reason"])
    # The place is free again; the coordinator assigns someone else (also during review).
    audit(assignment.application, "portal.application.recuse", user=by)


# --- Review ----------------------------------------------------------------------------------


def _assignment_of(application: Application, by: User) -> ReviewAssignment:
    require(by, "application.review", application)
    if application.status != ApplicationStatus.IN_REVIEW:
        raise ApplicationError(
            _("Başvuru şu anda puanlanamaz: %(status)s.")
            % {"status": application.get_status_display()}
        )
    return application.assignments.get(reviewer=by, state=ReviewAssignment.State.ACTIVE)


@transaction.atomic
def score_save(
    *, application: Application, criterion: Criterion, score: int, comment: str, by: User
) -> CriterionScore:
    assignment = _assignment_of(application, by)
    if not comment.strip():
        raise ApplicationError(_("Her puan için kısa bir yorum yazın."))
    record, _created = CriterionScore.objects.update_or_create(
        assignment=assignment,
        criterion=criterion,
        round=application.round,
        defaults={"score": score, "comment": comment.strip()},
    )
    record.full_clean()
    return record


@transaction.atomic
def review_complete(*, application: Application, by: User) -> bool:
    """Close this reviewer's round; when both are in, the application goes to the board.
    Returns True when the application moved on."""
    assignment = _assignment_of(application, by)
    scored = CriterionScore.objects.filter(assignment=assignment, round=application.round).count()
    if scored < len(criteria_of(application.standard)):
        raise ApplicationError(_("Tamamlamadan önce tüm ölçütleri puanlayın."))
    assignment.completed_round = application.round
    assignment.save(update_fields=["completed_round"])
    audit(application, "portal.application.review_complete", user=by)
    if review_summary(application).complete:
        transition(application, ApplicationStatus.DECISION_PENDING, by=by)
        return True
    return False


@transaction.atomic
def site_visit_record(
    *, application: Application, visited_on: datetime.date, report: str, by: User
) -> SiteVisit:
    require(by, "application.review", application)
    if application.status != ApplicationStatus.SITE_VISIT:
        raise ApplicationError(_("Saha ziyareti, başvuru saha ziyareti aşamasındayken kaydedilir."))
    if visited_on > timezone.localdate():
        raise ValidationError({"visited_on": _("Ziyaret tarihi gelecekte olamaz.")})
    visit = SiteVisit.objects.create(
        application=application, visited_on=visited_on, report=report.strip(), recorded_by=by
    )
    audit(application, "portal.application.site_visit", user=by)
    return visit


DECISIONS = {
    "accredit": ApplicationStatus.ACCREDITED,
    "provisional": ApplicationStatus.PROVISIONAL,
    "reject": ApplicationStatus.REJECTED,
    "send_back": ApplicationStatus.IN_REVIEW,
}


def application_decide(*, application: Application, outcome: str, note: str, by: User) -> None:
    try:
        target = DECISIONS[outcome]
    except KeyError:
        raise ApplicationError(_("Geçersiz karar.")) from None
    transition(application, target, by=by, note=note)
