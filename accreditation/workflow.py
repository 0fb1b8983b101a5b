"""The life cycles of applications and certificates: allowed moves, guards, effects, mail.

Registered from ``AccreditationConfig.ready()``. Every move goes through
``core.lifecycle.transition``.
"""

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import Application, Certificate, Membership
from core.exceptions import DomainError
from core.lifecycle import SYSTEM, Lifecycle, Move
from core.mail import absolute_url, send_templated_mail
from core.models import RoleAssignment, StaffRole

from . import certificates
from .models import (
    ApplicationStatus as A,
)
from .models import (
    CertificateStatus as C,
)
from .selectors import active_assignments, missing_mandatory_evidence, review_summary

EDIT, SCREEN, REVIEW, DECIDE = (
    "application.edit",
    "application.screen",
    "application.review",
    "application.decide",
)


# --- Guards: raise DomainError with the reason a person can act on --------------------------


def evidence_complete(application, by) -> None:
    missing = missing_mandatory_evidence(application)
    if missing:
        raise DomainError(
            _("Zorunlu ölçütlerin kanıtı eksik: %(codes)s")
            % {"codes": ", ".join(criterion.code for criterion in missing)}
        )


def _two_reviewers(application, *, for_appeal: bool) -> None:
    assignments = list(active_assignments(application, for_appeal=for_appeal))
    if len(assignments) < 2:
        raise DomainError(_("Önce iki değerlendirici atayın."))


def reviewers_assigned(application, by) -> None:
    _two_reviewers(application, for_appeal=False)


def appeal_reviewers_assigned(application, by) -> None:
    _two_reviewers(application, for_appeal=True)


def resubmit_to_review(application, by) -> None:
    evidence_complete(application, by)
    if not active_assignments(application, for_appeal=application.is_appeal).exists():
        raise DomainError(
            _("Başvuru henüz değerlendirmeye alınmadı; ön incelemeye yeniden gönderin.")
        )


def resubmit_to_screening(application, by) -> None:
    evidence_complete(application, by)
    if active_assignments(application, for_appeal=application.is_appeal).exists():
        raise DomainError(_("Başvuru değerlendirmede; düzeltmeler değerlendiricilere gider."))


def reviews_complete(application, by) -> None:
    if not review_summary(application).complete:
        raise DomainError(_("İki değerlendirmenin de tüm ölçütleri puanlanmış olmalı."))


def visit_recorded(application, by) -> None:
    if not application.site_visits.exists():
        raise DomainError(_("Önce saha ziyaretinin tarihini ve raporunu kaydedin."))


def appeal_in_time(application, by) -> None:
    if application.is_appeal:
        raise DomainError(_("Bir karara yalnızca bir kez itiraz edilebilir."))
    deadline = application.appeal_deadline
    if deadline is None or timezone.now() > deadline:
        raise DomainError(_("İtiraz süresi (karardan sonra 30 gün) doldu."))


# --- Effects: run inside the transition's transaction ---------------------------------------


def on_first_submit(application, change) -> None:
    if application.submitted_at is None:
        Application.objects.filter(pk=application.pk).update(submitted_at=change.at)


def on_resubmit(application, change) -> None:
    from .applications import start_next_round

    start_next_round(application)


def _record_decision(application, change) -> None:
    Application.objects.filter(pk=application.pk).update(
        decided_at=change.at, decided_by=change.by, decision_note=change.note
    )
    application.decided_at, application.decided_by, application.decision_note = (
        change.at,
        change.by,
        change.note,
    )
    application.earlier_deciders.add(change.by)


def on_accredit(application, change) -> None:
    _record_decision(application, change)
    certificates.certificate_issue_for_application(
        application=application, by=change.by, provisional=False
    )


def on_provisional(application, change) -> None:
    _record_decision(application, change)
    certificates.certificate_issue_for_application(
        application=application, by=change.by, provisional=True
    )


def on_reject(application, change) -> None:
    _record_decision(application, change)


def on_appeal(application, change) -> None:
    Application.objects.filter(pk=application.pk).update(
        appealed_at=change.at, round=F("round") + 1
    )


def on_certificate_change(certificate, change) -> None:
    if certificate.organisation_id:
        certificates.sync_organisation_status(certificate.organisation)


# --- Mail to the people concerned, in their language, through the task queue ---------------


def _recipients(application, status: str) -> set:
    people = {
        m.user
        for m in Membership.objects.filter(organisation=application.organisation)
        .managing()
        .select_related("user")
    }
    province = application.organisation.province_id
    if status in {A.SUBMITTED, A.APPEALED}:
        people |= {
            r.user
            for r in RoleAssignment.objects.filter(
                role=StaffRole.COORDINATOR, province_id=province
            ).select_related("user")
        }
    if status == A.IN_REVIEW:
        people |= {
            a.reviewer for a in active_assignments(application, for_appeal=application.is_appeal)
        }
    if status == A.DECISION_PENDING:
        people |= {
            r.user
            for r in RoleAssignment.objects.filter(role=StaffRole.BOARD)
            .filter(Q(province__isnull=True) | Q(province_id=province))
            .select_related("user")
        }
    return people


def notify_application(application, change) -> None:
    url = absolute_url(reverse("application_detail", args=[application.pk]))
    for person in _recipients(application, change.to_status):
        send_templated_mail(
            "accreditation/emails/application_status",
            {
                "application": application,
                "organisation": application.organisation,
                "status": dict(A.choices)[change.to_status],
                "note": change.note,
                "person": person,
                "url": url,
            },
            to=person.email,
            language=person.preferred_language,
        )


APPLICATION_LIFECYCLE = Lifecycle(
    name="application",
    notify=notify_application,
    moves=[
        Move(A.DRAFT, A.SUBMITTED, EDIT, guard=evidence_complete, effect=on_first_submit),
        Move(A.SUBMITTED, A.SCREENING, SCREEN),
        Move(A.SCREENING, A.IN_REVIEW, SCREEN, guard=reviewers_assigned),
        Move(A.SCREENING, A.CHANGES_REQUESTED, SCREEN, note_required=True),
        Move(A.IN_REVIEW, A.CHANGES_REQUESTED, REVIEW, note_required=True),
        Move(
            A.CHANGES_REQUESTED, A.SUBMITTED, EDIT, guard=resubmit_to_screening, effect=on_resubmit
        ),
        Move(A.CHANGES_REQUESTED, A.IN_REVIEW, EDIT, guard=resubmit_to_review, effect=on_resubmit),
        Move(A.IN_REVIEW, A.SITE_VISIT, REVIEW),
        Move(A.SITE_VISIT, A.IN_REVIEW, REVIEW, guard=visit_recorded),
        Move(A.IN_REVIEW, A.DECISION_PENDING, REVIEW, guard=reviews_complete),
        Move(A.DECISION_PENDING, A.ACCREDITED, DECIDE, effect=on_accredit),
        Move(A.DECISION_PENDING, A.PROVISIONAL, DECIDE, note_required=True, effect=on_provisional),
        Move(A.DECISION_PENDING, A.REJECTED, DECIDE, note_required=True, effect=on_reject),
        Move(A.DECISION_PENDING, A.IN_REVIEW, DECIDE, note_required=True),
        Move(
            A.REJECTED, A.APPEALED, EDIT, note_required=True, guard=appeal_in_time, effect=on_appeal
        ),
        Move(A.APPEALED, A.IN_REVIEW, SCREEN, guard=appeal_reviewers_assigned),
        *[
            Move(source, A.WITHDRAWN, EDIT)
            for source in (
                A.DRAFT,
                A.SUBMITTED,
                A.SCREENING,
                A.IN_REVIEW,
                A.CHANGES_REQUESTED,
                A.SITE_VISIT,
                A.DECISION_PENDING,
                A.APPEALED,
            )
        ],
    ],
)

CERTIFICATE_LIFECYCLE = Lifecycle(
    name="certificate",
    moves=[
        Move(
            C.VALID,
            C.SUSPENDED,
            "certificate.manage",
            note_required=True,
            effect=on_certificate_change,
        ),
        Move(
            C.SUSPENDED,
            C.VALID,
            "certificate.manage",
            note_required=True,
            effect=on_certificate_change,
        ),
        Move(
            C.VALID,
            C.REVOKED,
            "certificate.manage",
            note_required=True,
            effect=on_certificate_change,
            system_too=True,  # a participation certificate whose attendance was corrected
        ),
        Move(
            C.SUSPENDED,
            C.REVOKED,
            "certificate.manage",
            note_required=True,
            effect=on_certificate_change,
        ),
        Move(C.VALID, C.EXPIRED, SYSTEM, effect=on_certificate_change),
        Move(C.VALID, C.SUPERSEDED, SYSTEM),
    ],
)


# Registered from the app's ready().
LIFECYCLES = {Application: APPLICATION_LIFECYCLE, Certificate: CERTIFICATE_LIFECYCLE}
