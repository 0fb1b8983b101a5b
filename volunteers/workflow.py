"""Who may do what with volunteers' records, and the life cycles of credentials, programs,
matches and hours (all through ``accreditation.lifecycle``)."""

from accreditation.lifecycle import SYSTEM, Lifecycle, Move
from accreditation.models import Role as StaffRole
from accreditation.permissions import has_role, membership_role, rule, staff_mfa_satisfied

from .models import HoursLog, Match, MentorCredential, Program

C = MentorCredential.Status
P = Program.Status
M = Match.Status
H = HoursLog.Status
MANAGERS = {"owner", "manager"}


def _staff(user, role: StaffRole, province_id) -> bool:
    return (has_role(user, role, province_id) or has_role(user, StaffRole.ADMIN)) and (
        staff_mfa_satisfied(user)
    )


# --- Programs ---------------------------------------------------------------------------------


@rule("program.create")
def _program_create(user, organisation) -> bool:
    return membership_role(user, organisation) in MANAGERS


@rule("program.manage")
def _program_manage(user, program) -> bool:
    """The running organisation's owners and managers, and the province's coordinators (who
    enter Social Cohesion Units' programs and oversee the others, as with events).
    Administrators always."""
    if program.organisation_id and membership_role(user, program.organisation) in MANAGERS:
        return True
    return _staff(user, StaffRole.COORDINATOR, program.province_id)


# --- Matches ----------------------------------------------------------------------------------


def _is_person(user, match) -> bool:
    return user.is_authenticated and match.person_id == user.pk


@rule("match.respond")
def _match_respond(user, match) -> bool:
    """The side that did not propose answers: the organisation an application, the person an
    invitation."""
    if match.origin == Match.Origin.APPLICATION:
        return _program_manage(user, match.role.program)
    return _is_person(user, match)


@rule("match.withdraw")
def _match_withdraw(user, match) -> bool:
    if match.origin == Match.Origin.APPLICATION:
        return _is_person(user, match)
    return _program_manage(user, match.role.program)


@rule("match.manage")
def _match_manage(user, match) -> bool:
    return _program_manage(user, match.role.program)


@rule("match.close")
def _match_close(user, match) -> bool:
    """Either side may end a placement, with a reason."""
    return _is_person(user, match) or _program_manage(user, match.role.program)


@rule("match.view")
def _match_view(user, match) -> bool:
    return _match_close(user, match)


# --- Hours ------------------------------------------------------------------------------------


@rule("hours.decide")
def _hours_decide(user, log) -> bool:
    """The organisation the hours were given to, and the province's coordinators (the only
    approvers for a unit's program or an institution's event). Nobody approves their own."""
    if log.person_id == user.pk:
        return False
    if log.organisation_id and membership_role(user, log.organisation) in MANAGERS:
        return True
    return _staff(user, StaffRole.COORDINATOR, log.province_id)


# --- Mentor credential ------------------------------------------------------------------------


@rule("mentor.own")
def _mentor_own(user, credential) -> bool:
    return credential.person_id == user.pk


@rule("mentor.assign")
def _mentor_assign(user, credential) -> bool:
    return _staff(user, StaffRole.COORDINATOR, credential.province_id)


@rule("mentor.review")
def _mentor_review(user, credential) -> bool:
    """Only the reviewer assigned to this credential, while they hold the role."""
    return (
        credential.reviewer_id == user.pk
        and has_role(user, StaffRole.REVIEWER, credential.province_id)
        and staff_mfa_satisfied(user)
    )


@rule("mentor.decide")
def _mentor_decide(user, credential) -> bool:
    """The accreditation board decides, as for organisations; never the reviewer alone."""
    return (
        has_role(user, StaffRole.BOARD)
        and staff_mfa_satisfied(user)
        and credential.reviewer_id != user.pk
        and credential.person_id != user.pk
    )


@rule("declaration.read")
def _declaration_read(user, credential) -> bool:
    """The person, and the assigned reviewer (who must also state a purpose each time)."""
    return _mentor_own(user, credential) or _mentor_review(user, credential)


@rule("background.record")
def _background_record(user, profile) -> bool:
    return _staff(user, StaffRole.COORDINATOR, profile.province_id)


@rule("training.record")
def _training_record(user, profile) -> bool:
    return _staff(user, StaffRole.COORDINATOR, profile.province_id)


@rule("matching.batch")
def _matching_batch(user, province) -> bool:
    province_id = getattr(province, "pk", province)
    return _staff(user, StaffRole.COORDINATOR, province_id)


# --- Guards and effects -----------------------------------------------------------------------


def _credential_ready(credential, by) -> None:
    from .credentials import credential_missing

    missing = credential_missing(credential)
    if missing:
        from .exceptions import VolunteerError

        raise VolunteerError(" ".join(str(item) for item in missing))


def _credential_submitted(credential, change) -> None:
    from .credentials import submitted

    submitted(credential, change)


def _credential_reviewed(credential, by) -> None:
    from django.utils.translation import gettext as _

    from .exceptions import VolunteerError

    if not credential.recommendation:
        raise VolunteerError(_("Değerlendirici görüşünü yazmadan karar verilemez."))


def _credential_granted(credential, change) -> None:
    from .credentials import grant_term

    grant_term(credential)


def _program_publishable(program, by) -> None:
    from .programs import program_publish_check

    program_publish_check(program)


def _match_acceptable(match, by) -> None:
    from .matching import acceptance_refusal

    refused = acceptance_refusal(match)
    if refused is not None:
        raise refused


def _match_started(match, change) -> None:
    from django.utils import timezone

    match.started_on = match.started_on or timezone.localdate()
    match.save(update_fields=["started_on"])


def _match_closed(match, change) -> None:
    from django.utils import timezone

    match.closed_on = timezone.localdate()
    match.save(update_fields=["closed_on"])
    if match.closure_reason == Match.Closure.COMPLETED:
        from .models import VolunteerProfile

        VolunteerProfile.objects.filter(user_id=match.person_id).update(has_participated=True)


def _notify_credential(credential, change) -> None:
    from .notifications import credential_changed

    credential_changed(credential, change)


def _notify_match(match, change) -> None:
    from .notifications import match_changed

    match_changed(match, change)


def _notify_hours(log, change) -> None:
    from .notifications import hours_decided

    hours_decided(log, change)


CREDENTIAL_LIFECYCLE = Lifecycle(
    "mentor_credential",
    notify=_notify_credential,
    moves=[
        Move(
            C.DRAFT,
            C.SUBMITTED,
            "mentor.own",
            guard=_credential_ready,
            effect=_credential_submitted,
        ),
        Move(C.DRAFT, C.WITHDRAWN, "mentor.own"),
        Move(C.SUBMITTED, C.WITHDRAWN, "mentor.own"),
        Move(C.SUBMITTED, C.IN_REVIEW, "mentor.assign"),
        Move(C.IN_REVIEW, C.WITHDRAWN, "mentor.own"),
        Move(
            C.IN_REVIEW,
            C.GRANTED,
            "mentor.decide",
            guard=_credential_reviewed,
            effect=_credential_granted,
        ),
        Move(
            C.IN_REVIEW, C.DECLINED, "mentor.decide", note_required=True, guard=_credential_reviewed
        ),
        Move(C.GRANTED, C.EXPIRED, SYSTEM),
        Move(C.GRANTED, C.REVOKED, "mentor.decide", note_required=True),
    ],
)

PROGRAM_LIFECYCLE = Lifecycle(
    "program",
    moves=[
        Move(P.DRAFT, P.PUBLISHED, "program.manage", guard=_program_publishable),
        Move(P.DRAFT, P.CANCELLED, "program.manage"),
        Move(P.PUBLISHED, P.CLOSED, "program.manage"),
        Move(P.PUBLISHED, P.CANCELLED, "program.manage", note_required=True),
    ],
)

MATCH_LIFECYCLE = Lifecycle(
    "match",
    notify=_notify_match,
    moves=[
        Move(M.PROPOSED, M.ACCEPTED, "match.respond", guard=_match_acceptable),
        Move(M.PROPOSED, M.DECLINED, "match.respond", note_required=True),
        Move(M.PROPOSED, M.WITHDRAWN, "match.withdraw"),
        Move(M.ACCEPTED, M.ACTIVE, "match.manage", effect=_match_started),
        Move(M.ACCEPTED, M.CLOSED, "match.close", note_required=True, effect=_match_closed),
        Move(M.ACTIVE, M.CLOSED, "match.close", note_required=True, effect=_match_closed),
    ],
)

HOURS_LIFECYCLE = Lifecycle(
    "hours",
    notify=_notify_hours,
    moves=[
        Move(H.SUBMITTED, H.APPROVED, "hours.decide"),
        Move(H.SUBMITTED, H.REJECTED, "hours.decide", note_required=True),
        # A correction: hours approved by mistake, or an attendance corrected to no-show.
        Move(H.APPROVED, H.REJECTED, "hours.decide", note_required=True, system_too=True),
        Move(H.REJECTED, H.APPROVED, "hours.decide", system_too=True),
    ],
)


def attach() -> None:
    MentorCredential.lifecycle = CREDENTIAL_LIFECYCLE
    Program.lifecycle = PROGRAM_LIFECYCLE
    Match.lifecycle = MATCH_LIFECYCLE
    HoursLog.lifecycle = HOURS_LIFECYCLE
