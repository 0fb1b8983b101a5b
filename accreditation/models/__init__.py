"""Core models: people, places, reference data, consent and roles."""

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
from .consent import ConsentPurpose, ConsentRecord, ConsentText
from .lifecycle import StatusChange
from .organisations import (
    ACCREDITED_STATUSES,
    AccreditationStatus,
    Invitation,
    Membership,
    Organisation,
)
from .people import User
from .places import District, Province, SupportUnit
from .roles import Role, RoleAssignment
from .standards import MANDATORY_MINIMUM, Criterion, CriterionGroup, Standard
from .taxonomy import ActivityType, AddictionType, TargetGroup, WorkingArea

__all__ = [
    "ACCREDITED_STATUSES",
    "APPEAL_WINDOW",
    "CLOSED_STATUSES",
    "EDITABLE_STATUSES",
    "MANDATORY_MINIMUM",
    "REMINDER_DAYS",
    "AccreditationStatus",
    "ActivityType",
    "AddictionType",
    "Answer",
    "Application",
    "ApplicationStatus",
    "Certificate",
    "CertificateReminder",
    "CertificateStatus",
    "ConsentPurpose",
    "ConsentRecord",
    "ConsentText",
    "Criterion",
    "CriterionGroup",
    "CriterionScore",
    "District",
    "Evidence",
    "Invitation",
    "Membership",
    "Organisation",
    "Province",
    "ReviewAssignment",
    "Role",
    "RoleAssignment",
    "SiteVisit",
    "Standard",
    "StatusChange",
    "SupportUnit",
    "TargetGroup",
    "User",
    "WorkingArea",
]
