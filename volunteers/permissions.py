"""Who may do what with volunteers' records: programs, placements, hours and the experience
mentor credential. Registered from ``VolunteersConfig.ready()``."""

from accreditation.permissions import membership_role
from core.models import StaffRole
from core.permissions import has_role, staff_mfa_satisfied

from .models import Match

MANAGERS = {"owner", "manager"}


def _staff(user, role: StaffRole, province_id) -> bool:
    return (has_role(user, role, province_id) or has_role(user, StaffRole.ADMIN)) and (
        staff_mfa_satisfied(user)
    )


def _program_create(user, organisation) -> bool:
    return membership_role(user, organisation) in MANAGERS


def _program_manage(user, program) -> bool:
    """The running organisation's owners and managers, and the province's coordinators (who
    enter Social Cohesion Units' programs and oversee the others, as with events).
    Administrators always."""
    if program.organisation_id and membership_role(user, program.organisation) in MANAGERS:
        return True
    return _staff(user, StaffRole.COORDINATOR, program.province_id)


def _is_person(user, match) -> bool:
    return user.is_authenticated and match.person_id == user.pk


def _match_respond(user, match) -> bool:
    """The side that did not propose answers: the organisation an application, the person an
    invitation."""
    if match.origin == Match.Origin.APPLICATION:
        return _program_manage(user, match.role.program)
    return _is_person(user, match)


def _match_withdraw(user, match) -> bool:
    if match.origin == Match.Origin.APPLICATION:
        return _is_person(user, match)
    return _program_manage(user, match.role.program)


def _match_manage(user, match) -> bool:
    return _program_manage(user, match.role.program)


def _match_close(user, match) -> bool:
    """Either side may end a placement, with a reason."""
    return _is_person(user, match) or _program_manage(user, match.role.program)


def _match_view(user, match) -> bool:
    return _match_close(user, match)


def _hours_decide(user, log) -> bool:
    """The organisation the hours were given to, and the province's coordinators (the only
    approvers for a unit's program or an institution's event). Nobody approves their own."""
    if log.person_id == user.pk:
        return False
    if log.organisation_id and membership_role(user, log.organisation) in MANAGERS:
        return True
    return _staff(user, StaffRole.COORDINATOR, log.province_id)


def _mentor_own(user, credential) -> bool:
    return credential.person_id == user.pk


def _mentor_assign(user, credential) -> bool:
    return _staff(user, StaffRole.COORDINATOR, credential.province_id)


def _mentor_review(user, credential) -> bool:
    """Only the reviewer assigned to this credential, while they hold the role."""
    return (
        credential.reviewer_id == user.pk
        and has_role(user, StaffRole.REVIEWER, credential.province_id)
        and staff_mfa_satisfied(user)
    )


def _mentor_decide(user, credential) -> bool:
    """The accreditation board decides, as for organisations; never the reviewer alone."""
    return (
        has_role(user, StaffRole.BOARD)
        and staff_mfa_satisfied(user)
        and credential.reviewer_id != user.pk
        and credential.person_id != user.pk
    )


def _declaration_read(user, credential) -> bool:
    """The person, and the assigned reviewer (who must also state a purpose each time)."""
    return _mentor_own(user, credential) or _mentor_review(user, credential)


def _background_record(user, profile) -> bool:
    return _staff(user, StaffRole.COORDINATOR, profile.province_id)


def _training_record(user, profile) -> bool:
    return _staff(user, StaffRole.COORDINATOR, profile.province_id)


def _matching_batch(user, province) -> bool:
    province_id = getattr(province, "pk", province)
    return _staff(user, StaffRole.COORDINATOR, province_id)


# The rules of this app, registered from its ready().
RULES = {
    "program.create": _program_create,
    "program.manage": _program_manage,
    "match.respond": _match_respond,
    "match.withdraw": _match_withdraw,
    "match.manage": _match_manage,
    "match.close": _match_close,
    "match.view": _match_view,
    "hours.decide": _hours_decide,
    "mentor.own": _mentor_own,
    "mentor.assign": _mentor_assign,
    "mentor.review": _mentor_review,
    "mentor.decide": _mentor_decide,
    "declaration.read": _declaration_read,
    "background.record": _background_record,
    "training.record": _training_record,
    "matching.batch": _matching_batch,
}
