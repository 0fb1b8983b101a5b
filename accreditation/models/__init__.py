"""Core models: people, places, reference data, consent and roles."""

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
from .places import District, Province
from .roles import Role, RoleAssignment
from .taxonomy import ActivityType, AddictionType, TargetGroup, WorkingArea

__all__ = [
    "ACCREDITED_STATUSES",
    "AccreditationStatus",
    "ActivityType",
    "AddictionType",
    "ConsentPurpose",
    "ConsentRecord",
    "ConsentText",
    "District",
    "Invitation",
    "Membership",
    "Organisation",
    "Province",
    "Role",
    "RoleAssignment",
    "StatusChange",
    "TargetGroup",
    "User",
    "WorkingArea",
]
