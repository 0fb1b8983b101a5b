"""Volunteers, experience mentors, social cohesion programs, matches and hours.

The portal matches people to *programs*, never to named clients: nothing here holds case data
about people in treatment. Every life cycle (mentor credentials, programs, matches, hours)
moves through ``core.lifecycle.transition``.

Skills, languages, interests and availability are also kept as bit masks on the profile and
the role (kept in step by signals), so ranking 100,000 people is bitwise arithmetic in SQL.
"""

from .credentials import (
    DeclarationAccess,
    MentorCredential,
    MentorCredentialQuerySet,
    RecoveryDeclaration,
)
from .hours import HoursLog
from .matches import BatchAssignment, CheckIn, Match, MatchQuerySet
from .profiles import (
    CONTACT_CONSENT,
    MATCHING_CONSENT,
    PUBLIC_NAME_CONSENT,
    BackgroundCheck,
    CompletedTraining,
    VolunteerProfile,
    VolunteerProfileQuerySet,
)
from .programs import Program, ProgramQuerySet, Role
from .reference import (
    MASK_BITS,
    BitTerm,
    Language,
    MatchingSettings,
    Skill,
    Training,
    term_bits,
    term_mask,
)

__all__ = [
    "CONTACT_CONSENT",
    "MASK_BITS",
    "MATCHING_CONSENT",
    "PUBLIC_NAME_CONSENT",
    "BackgroundCheck",
    "BatchAssignment",
    "BitTerm",
    "CheckIn",
    "CompletedTraining",
    "DeclarationAccess",
    "HoursLog",
    "Language",
    "Match",
    "MatchQuerySet",
    "MatchingSettings",
    "MentorCredential",
    "MentorCredentialQuerySet",
    "Program",
    "ProgramQuerySet",
    "RecoveryDeclaration",
    "Role",
    "Skill",
    "Training",
    "VolunteerProfile",
    "VolunteerProfileQuerySet",
    "term_bits",
    "term_mask",
]
