"""Organisations, the accreditation standard, applications, reviews and certificates."""

from .applications import (
    APPEAL_WINDOW,
    CLOSED_STATUSES,
    EDITABLE_STATUSES,
    Answer,
    Application,
    ApplicationStatus,
    CriterionScore,
    Evidence,
    ReviewAssignment,
    SiteVisit,
)
from .certificates import (
    REMINDER_DAYS,
    Certificate,
    CertificateReminder,
    CertificateStatus,
)
from .organisations import (
    ACCREDITED_STATUSES,
    AccreditationStatus,
    Invitation,
    Membership,
    Organisation,
)
from .standards import MANDATORY_MINIMUM, Criterion, CriterionGroup, Standard

__all__ = [
    "ACCREDITED_STATUSES",
    "APPEAL_WINDOW",
    "CLOSED_STATUSES",
    "EDITABLE_STATUSES",
    "MANDATORY_MINIMUM",
    "REMINDER_DAYS",
    "AccreditationStatus",
    "Answer",
    "Application",
    "ApplicationStatus",
    "Certificate",
    "CertificateReminder",
    "CertificateStatus",
    "Criterion",
    "CriterionGroup",
    "CriterionScore",
    "Evidence",
    "Invitation",
    "Membership",
    "Organisation",
    "ReviewAssignment",
    "SiteVisit",
    "Standard",
]
