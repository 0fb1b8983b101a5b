"""Core models: people, places, reference data, consent and roles."""

from .consent import ConsentPurpose, ConsentRecord, ConsentText
from .people import User
from .places import District, Province
from .roles import Role, RoleAssignment
from .taxonomy import ActivityType, AddictionType, TargetGroup, WorkingArea

__all__ = [
    "ActivityType",
    "AddictionType",
    "ConsentPurpose",
    "ConsentRecord",
    "ConsentText",
    "District",
    "Province",
    "Role",
    "RoleAssignment",
    "TargetGroup",
    "User",
    "WorkingArea",
]
