"""Organisations' volunteering pages: their social cohesion programs and roles, applications
and invitations, placements with their check-ins, and the hours volunteers logged with them.

Owners and managers of the running organisation use them; for a Social Cohesion Unit's program,
the province's coordinators. Every page asks the rules of ``volunteers.workflow``
("program.create", "program.manage", "match.manage", "hours.decide") and every list is narrowed
in the query by the same rules, so nobody sees another organisation's records. Volunteers
appear by the display name they chose; their e-mail and phone only with their consent to be
contacted by organisations, and only once they applied or accepted.

The pages are grouped by what they show: ``programs``, ``roles`` (with the recommended
candidates and invitations), ``matches`` and ``hours``; ``common`` holds what they share.
"""

from .hours import hours_decide, hours_queue
from .matches import match_detail
from .programs import program_create, program_detail, program_edit, program_list
from .roles import role_create, role_detail, role_edit, role_invite

__all__ = [
    "hours_decide",
    "hours_queue",
    "match_detail",
    "program_create",
    "program_detail",
    "program_edit",
    "program_list",
    "role_create",
    "role_detail",
    "role_edit",
    "role_invite",
]
