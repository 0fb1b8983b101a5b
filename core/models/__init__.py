"""The kernel's records: people, places, reference data, consent, staff roles and the one
history of every life cycle."""

from .consent import ConsentPurpose, ConsentRecord, ConsentText
from .lifecycle import LifecycleModel, StatusChange
from .people import User
from .places import District, Province, SupportUnit
from .ratelimits import RateLimitCount
from .roles import RoleAssignment, StaffRole
from .taxonomy import ActivityType, AddictionType, TargetGroup, WorkingArea

__all__ = [
    "ActivityType",
    "AddictionType",
    "ConsentPurpose",
    "ConsentRecord",
    "ConsentText",
    "District",
    "LifecycleModel",
    "Province",
    "RateLimitCount",
    "RoleAssignment",
    "StaffRole",
    "StatusChange",
    "SupportUnit",
    "TargetGroup",
    "User",
    "WorkingArea",
]
