"""The life cycles of mentor credentials, programs, matches and hours (all through
``core.lifecycle``), with their guards, effects and notifications. Who may make each move is in
``permissions.py``."""

from core.lifecycle import SYSTEM, Lifecycle, Move

from .models import HoursLog, Match, MentorCredential, Program

C = MentorCredential.Status
P = Program.Status
M = Match.Status
H = HoursLog.Status


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


# Registered from the app's ready().
LIFECYCLES = {
    MentorCredential: CREDENTIAL_LIFECYCLE,
    Program: PROGRAM_LIFECYCLE,
    Match: MATCH_LIFECYCLE,
    HoursLog: HOURS_LIFECYCLE,
}
