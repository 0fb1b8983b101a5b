"""Staff pages of volunteering: mentor credentials (coordinators assign, reviewers review, the
board decides), the recovery declaration (the assigned reviewer only, with a stated purpose),
volunteers' background checks and trainings, batch assignment, and hours totals.

Every page asks the permission rules of ``volunteers.workflow``; coordinators reach only the
provinces they cover. The recovery declaration appears on one page only, in the response to
the reviewer's request that stated a purpose, never cached.

The pages are grouped by what they show: ``credentials``, ``volunteers`` (background checks
and trainings), ``batch`` and ``hours``; ``common`` holds what they share.
"""

from .batch import batch_detail, batch_new
from .credentials import credential_declaration, credential_detail, credential_queue
from .hours import hours_totals
from .volunteers import volunteer_detail, volunteer_search

__all__ = [
    "batch_detail",
    "batch_new",
    "credential_declaration",
    "credential_detail",
    "credential_queue",
    "hours_totals",
    "volunteer_detail",
    "volunteer_search",
]
