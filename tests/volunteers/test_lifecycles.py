"""Every (from, to) pair of the four volunteering life cycles — mentor credentials, programs,
matches and hours — allowed and refused, and who may make each move.

Allowed moves succeed for the right person and leave a history row and an audit entry; every
pair not in the table is refused as illegal whoever asks; the wrong person is refused; moves
that need a reason refuse an empty one; moves only the portal makes refuse a person.

Tests of an allowed move reach its source state the legal way, through the services; tests of
a refusal set the record in its state with a factory (``volunteers.factories``). The people
are the fixtures of ``conftest.py``.
"""

import datetime as dt
import itertools

import pytest
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from accreditation.models import Membership
from core.exceptions import DomainError
from core.factories import UserFactory, enrol_totp, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, lifecycle_of, transition
from core.models import Province, StaffRole, StatusChange, SupportUnit, User
from core.services import role_assign
from volunteers import credentials, declarations, hours, placements
from volunteers.factories import (
    HoursLogFactory,
    MatchFactory,
    MentorCredentialFactory,
    ProgramFactory,
)
from volunteers.models import HoursLog, Match, MentorCredential, Program
from volunteers.workflow import (
    CREDENTIAL_LIFECYCLE,
    HOURS_LIFECYCLE,
    MATCH_LIFECYCLE,
    PROGRAM_LIFECYCLE,
)

pytestmark = pytest.mark.django_db

C = MentorCredential.Status
P = Program.Status
M = Match.Status
H = HoursLog.Status
NOTE = "Gerekçesi kayıtlı."


def fresh(user):
    """The same person without the roles and memberships cached on the object."""
    return User.objects.get(pk=user.pk)


def history_count(record) -> int:
    return StatusChange.objects.for_object(record).count()


def assert_recorded(record, change, source, target, by):
    """The move left its history row (last on the timeline) and its audit entry."""
    record.refresh_from_db()
    assert record.status == target
    assert (change.from_status, change.to_status) == (source, target)
    assert change.by_id == (by.pk if by is not None else None)
    assert StatusChange.objects.for_object(record).last() == change
    lifecycle = lifecycle_of(record)
    entries = log_registry.get_logs_for_instance(record).filter(
        action=f"portal.{lifecycle.name}.transition"
    )
    assert any(
        entry.data.get("from") == source and entry.data.get("to") == target for entry in entries
    )


def assert_refused(record, target, by, error=TransitionNotPermitted, note=NOTE):
    source = type(record).objects.get(pk=record.pk).status
    before = history_count(record)
    with pytest.raises(error):
        transition(record, target, by=by, note=note)
    record.refresh_from_db()
    assert record.status == source
    assert history_count(record) == before


# --- Pairs not in the tables ----------------------------------------------------------------

MACHINES = {
    "credential": CREDENTIAL_LIFECYCLE,
    "program": PROGRAM_LIFECYCLE,
    "match": MATCH_LIFECYCLE,
    "hours": HOURS_LIFECYCLE,
}
STATUSES = {
    "credential": [status.value for status in C],
    "program": [status.value for status in P],
    "match": [status.value for status in M],
    "hours": [status.value for status in H],
}


def _record_in(machine: str, status: str, *, organisation, role, volunteer):
    """A record sitting in ``status`` (set by a factory: the table alone must refuse)."""
    if machine == "credential":
        return MentorCredentialFactory(person=volunteer, status=status)
    if machine == "program":
        return ProgramFactory(organisation=organisation, status=status)
    if machine == "match":
        return MatchFactory(role=role, person=volunteer, status=status)
    return HoursLogFactory(
        match=MatchFactory(role=role, person=volunteer, active=True), status=status
    )


ILLEGAL = [
    (machine, source, target)
    for machine, lifecycle in MACHINES.items()
    for source, target in itertools.product(STATUSES[machine], STATUSES[machine])
    if (source, target) not in lifecycle.pairs()
]


def test_the_tables_are_what_the_issue_describes():
    """A guard against a table changed by accident: the number of moves of each machine."""
    assert len(CREDENTIAL_LIFECYCLE.pairs()) == 9
    assert len(PROGRAM_LIFECYCLE.pairs()) == 4
    assert len(MATCH_LIFECYCLE.pairs()) == 6
    assert len(HOURS_LIFECYCLE.pairs()) == 4
    # proposed → accepted → active → closed, MENTOR's stages.
    assert {(M.PROPOSED, M.ACCEPTED), (M.ACCEPTED, M.ACTIVE), (M.ACTIVE, M.CLOSED)} <= (
        MATCH_LIFECYCLE.pairs()
    )


@pytest.mark.parametrize(("machine", "source", "target"), ILLEGAL)
def test_every_pair_not_in_the_table_is_refused_as_illegal(
    request, machine, source, target, owner, organisation, role, volunteer, coordinator, board
):
    record = _record_in(machine, source, organisation=organisation, role=role, volunteer=volunteer)
    everyone = [owner, volunteer, coordinator, board, None]
    if machine == "credential":
        everyone.append(request.getfixturevalue("reviewer"))
    for person in everyone:
        assert_refused(record, target, person, error=IllegalTransition)


# --- Mentor credential: allowed moves --------------------------------------------------------
#
# The people a move needs depend on the move, so these helpers ask pytest for them by name
# (``request.getfixturevalue``): a case makes only the staff it uses.

CREDENTIAL_ACTORS = {
    "mentor.own": "volunteer",
    "mentor.assign": "coordinator",
    "mentor.decide": "board",
    "system": None,
}


def _credential_actor(request, source, target):
    name = CREDENTIAL_ACTORS[CREDENTIAL_LIFECYCLE.move(source, target).rule]
    return request.getfixturevalue(name) if name else None


def _ready_through_the_services(request, credential) -> None:
    """The reference and the declaration a submission needs (with no hours required),
    written by the person."""
    request.getfixturevalue("no_mentor_hours_required")
    volunteer = request.getfixturevalue("volunteer")
    credentials.credential_update(
        credential=credential,
        by=volunteer,
        data={
            "reference_organisation": request.getfixturevalue("organisation"),
            "referee_name": "Selin Aydın",
            "referee_position": "Program sorumlusu",
            "reference_statement": "İki yıldır programlarımızda gönüllü.",
        },
    )
    declarations.declaration_save(
        credential=credential,
        by=volunteer,
        years_in_recovery=6,
        statement="Altı yıldır iyileşme sürecindeyim.",
    )


def _credential_walked_to(request, source, target) -> MentorCredential:
    """A credential brought to ``source`` the legal way, through the services, with what the
    move to ``target`` looks at (a reference and a declaration to submit, the reviewer's
    opinion to decide)."""
    volunteer = request.getfixturevalue("volunteer")
    credential = credentials.credential_start(person=volunteer)
    if source == C.DRAFT:
        if target == C.SUBMITTED:
            _ready_through_the_services(request, credential)
        return credential
    _ready_through_the_services(request, credential)
    credentials.credential_submit(credential=credential, by=volunteer)
    if source == C.SUBMITTED:
        return credential
    reviewer = request.getfixturevalue("reviewer")
    credentials.credential_assign(
        credential=credential, reviewer=reviewer, by=request.getfixturevalue("coordinator")
    )
    if (source, target) == (C.IN_REVIEW, C.WITHDRAWN):
        return credential
    credentials.credential_review(
        credential=credential,
        by=reviewer,
        recommendation="decline" if target == C.DECLINED else "grant",
        note="Değerlendirme tamam.",
    )
    if source == C.GRANTED:
        credentials.credential_decide(
            credential=credential, by=request.getfixturevalue("board"), grant=True, note=NOTE
        )
    credential.refresh_from_db()
    return credential


def _credential_in(request, source, target) -> MentorCredential:
    """A credential of the volunteer sitting in ``source``, set by the factory with what the
    move to ``target`` looks at; the assigned reviewer is the ``reviewer`` fixture and the
    reference comes from the owner's organisation."""
    volunteer = request.getfixturevalue("volunteer")
    if source == C.DRAFT:
        if target != C.SUBMITTED:
            return MentorCredentialFactory(person=volunteer)
        return MentorCredentialFactory(
            person=volunteer,
            ready=True,
            reference_organisation=request.getfixturevalue("organisation"),
        )
    state = {"reference_organisation": request.getfixturevalue("organisation")}
    if source == C.SUBMITTED:
        state["submitted"] = True
    elif source == C.IN_REVIEW and target in (C.GRANTED, C.DECLINED):
        state["reviewed"] = True
        state["recommendation"] = "grant" if target == C.GRANTED else "decline"
    else:
        state[source] = True  # in_review, granted
    if source != C.SUBMITTED:
        state["reviewer"] = request.getfixturevalue("reviewer")
    return MentorCredentialFactory(person=volunteer, **state)


@pytest.mark.parametrize(("source", "target"), sorted(CREDENTIAL_LIFECYCLE.pairs()))
def test_every_credential_move_succeeds_for_its_actor_and_is_recorded(request, source, target):
    credential = _credential_walked_to(request, source, target)
    assert credential.status == source
    by = _credential_actor(request, source, target)
    change = transition(credential, target, by=by, note=NOTE)
    assert_recorded(credential, change, source, target, by)


@pytest.mark.parametrize(("source", "target"), sorted(CREDENTIAL_LIFECYCLE.pairs()))
def test_credential_moves_refuse_the_wrong_people(
    request, source, target, other_ngo_owner, coordinator_elsewhere, reviewer_elsewhere
):
    credential = _credential_in(request, source, target)
    assert credential.status == source
    rule = CREDENTIAL_LIFECYCLE.move(source, target).rule
    people = request.getfixturevalue
    strangers = [other_ngo_owner, coordinator_elsewhere, reviewer_elsewhere]
    if rule == "mentor.own":
        # Only the person acts on their own application: not staff, not the organisation.
        strangers += [
            people("other_volunteer"),
            people("coordinator"),
            people("board"),
            people("owner"),
        ]
        if credential.reviewer_id:
            strangers.append(people("reviewer"))
    elif rule == "mentor.assign":
        strangers += [people("volunteer"), people("reviewer"), people("board")]
    elif rule == "mentor.decide":
        strangers += [people("volunteer"), people("coordinator"), people("other_reviewer")]
        if credential.reviewer_id:
            strangers.append(people("reviewer"))
    else:  # only the portal lets a credential expire, not even the board or an administrator
        strangers += [people("board"), people("volunteer"), staff_user(StaffRole.ADMIN)]
    for stranger in strangers:
        assert_refused(credential, target, stranger)


def test_the_assigned_reviewer_may_not_decide_even_when_on_the_board(volunteer, reviewer, board):
    credential = MentorCredentialFactory(person=volunteer, reviewed=True, reviewer=reviewer)
    role_assign(user=reviewer, role=StaffRole.BOARD)
    assert_refused(credential, C.GRANTED, fresh(reviewer))
    change = transition(credential, C.GRANTED, by=board, note=NOTE)
    assert_recorded(credential, change, C.IN_REVIEW, C.GRANTED, board)


def test_nobody_decides_or_revokes_their_own_credential(volunteer, board):
    credential = MentorCredentialFactory(person=volunteer, reviewed=True)
    role_assign(user=volunteer, role=StaffRole.BOARD)
    enrol_totp(volunteer)
    assert_refused(credential, C.GRANTED, fresh(volunteer))
    assert_refused(credential, C.DECLINED, fresh(volunteer))
    transition(credential, C.GRANTED, by=board, note=NOTE)
    assert_refused(credential, C.REVOKED, fresh(volunteer))


def test_a_reviewer_who_is_no_longer_a_reviewer_may_not_review(volunteer, reviewer):
    from core.models import RoleAssignment
    from core.permissions import can

    credential = MentorCredentialFactory(person=volunteer, in_review=True, reviewer=reviewer)
    assert can(fresh(reviewer), "mentor.review", credential)
    RoleAssignment.objects.filter(user=reviewer).delete()
    assert not can(fresh(reviewer), "mentor.review", credential)


def test_staff_without_a_second_factor_are_refused(settings, volunteer):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    settings.PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = []
    credential = MentorCredentialFactory(person=volunteer, submitted=True)
    coordinator = staff_user(StaffRole.COORDINATOR, 34, with_mfa=False)
    assert_refused(credential, C.IN_REVIEW, coordinator)


@pytest.mark.parametrize(
    ("source", "target"),
    [(C.IN_REVIEW, C.DECLINED), (C.GRANTED, C.REVOKED)],
)
def test_credential_moves_that_need_a_reason_refuse_an_empty_one(request, source, target, board):
    credential = _credential_in(request, source, target)
    for note in ("", "   "):
        assert_refused(credential, target, board, error=DomainError, note=note)


def test_deciding_before_the_reviewer_gave_an_opinion_is_refused(volunteer, board):
    credential = MentorCredentialFactory(person=volunteer, in_review=True)
    with pytest.raises(DomainError, match="Değerlendirici görüşünü"):
        credentials.credential_decide(credential=credential, by=board, grant=True)
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW


def test_expiry_is_the_portals_move_only(volunteer, board):
    credential = MentorCredentialFactory(person=volunteer, granted=True)
    # Buttons never offer it to anyone, and a person asking for it is refused.
    offered = [move.target for move in lifecycle_of(credential).available(credential, board)]
    assert C.EXPIRED not in offered
    assert C.REVOKED in offered
    assert_refused(credential, C.EXPIRED, board)
    change = transition(credential, C.EXPIRED, note="Geçerlilik süresi doldu.")
    assert_recorded(credential, change, C.GRANTED, C.EXPIRED, None)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        pair
        for pair in sorted(CREDENTIAL_LIFECYCLE.pairs())
        if CREDENTIAL_LIFECYCLE.move(*pair).rule != "system"
    ],
)
def test_credential_moves_of_people_refuse_the_portal(request, source, target):
    credential = _credential_in(request, source, target)
    assert_refused(credential, target, None)


# --- Programs -------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), sorted(PROGRAM_LIFECYCLE.pairs()))
def test_every_program_move_succeeds_for_its_manager_and_is_recorded(
    source, target, owner, organisation
):
    program = ProgramFactory(organisation=organisation, status=source, with_role=True)
    change = transition(program, target, by=owner, note=NOTE)
    assert_recorded(program, change, source, target, owner)


@pytest.mark.parametrize(("source", "target"), sorted(PROGRAM_LIFECYCLE.pairs()))
def test_an_organisations_manager_may_move_its_program_too(source, target, organisation):
    manager = UserFactory()
    Membership.objects.create(organisation=organisation, user=manager, role="manager")
    program = ProgramFactory(organisation=organisation, status=source, with_role=True)
    change = transition(program, target, by=manager, note=NOTE)
    assert_recorded(program, change, source, target, manager)


@pytest.mark.parametrize(("source", "target"), sorted(PROGRAM_LIFECYCLE.pairs()))
def test_program_moves_refuse_the_wrong_people(
    source,
    target,
    organisation,
    other_ngo_owner,
    plain_member,
    volunteer,
    coordinator_elsewhere,
    reviewer,
    board,
):
    program = ProgramFactory(organisation=organisation, status=source, with_role=True)
    for stranger in (
        other_ngo_owner,
        plain_member,
        volunteer,
        coordinator_elsewhere,
        reviewer,
        board,
        None,
    ):
        assert_refused(program, target, stranger)


def test_a_units_program_is_moved_by_the_provinces_coordinator_only(
    owner, coordinator_elsewhere, volunteer, coordinator
):
    unit = SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Kadıköy Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )
    program = ProgramFactory(organisation=None, support_unit=unit, draft=True, with_role=True)
    for stranger in (owner, coordinator_elsewhere, volunteer):
        assert_refused(program, P.PUBLISHED, stranger)
    change = transition(program, P.PUBLISHED, by=coordinator)
    assert_recorded(program, change, P.DRAFT, P.PUBLISHED, coordinator)


def test_cancelling_a_published_program_needs_a_reason(owner, organisation):
    program = ProgramFactory(organisation=organisation, with_role=True)
    for note in ("", "  "):
        assert_refused(program, P.CANCELLED, owner, error=DomainError, note=note)
    # A draft nobody saw may be dropped without one.
    draft = ProgramFactory(organisation=organisation, draft=True, with_role=True)
    transition(draft, P.CANCELLED, by=owner)


# --- Matches --------------------------------------------------------------------------------

APPLICATION, INVITATION = Match.Origin.APPLICATION, Match.Origin.INVITATION


def _match_actor(match: Match, target: str, *, owner, volunteer):
    rule = MATCH_LIFECYCLE.move(match.status, target).rule
    proposer_side = volunteer if match.origin == APPLICATION else owner
    answering_side = owner if match.origin == APPLICATION else volunteer
    return {
        "match.respond": answering_side,
        "match.withdraw": proposer_side,
        "match.manage": owner,
        "match.close": owner,
    }[rule]


def _match_walked_to(status: str, origin: str, *, role, volunteer, owner) -> Match:
    """A match brought to ``status`` (proposed, accepted, active or closed) the legal way,
    through the services."""
    if origin == APPLICATION:
        match = placements.match_apply(role=role, person=volunteer, message="Merhaba")
    else:
        match = placements.match_invite(role=role, person=volunteer, by=owner)
    if status == M.PROPOSED:
        return match
    placements.match_accept(match=match, by=owner if origin == APPLICATION else volunteer)
    if status == M.ACCEPTED:
        return match
    placements.match_start(match=match, by=owner)
    if status == M.ACTIVE:
        return match
    placements.match_close(match=match, by=owner, reason="completed", note=NOTE)
    return match


def _match_in(status: str, origin: str, *, role, volunteer) -> Match:
    """The volunteer's match sitting in ``status``, set by the factory."""
    return MatchFactory(role=role, person=volunteer, status=status, invitation=origin == INVITATION)


MATCH_CASES = [
    (source, target, origin)
    for source, target in sorted(MATCH_LIFECYCLE.pairs())
    for origin in (APPLICATION, INVITATION)
]


@pytest.mark.parametrize(("source", "target", "origin"), MATCH_CASES)
def test_every_match_move_succeeds_for_its_actor_and_is_recorded(
    source, target, origin, role, volunteer, owner
):
    match = _match_walked_to(source, origin, role=role, volunteer=volunteer, owner=owner)
    assert match.status == source
    by = _match_actor(match, target, owner=owner, volunteer=volunteer)
    change = transition(match, target, by=by, note=NOTE)
    assert_recorded(match, change, source, target, by)


@pytest.mark.parametrize("source", [M.ACCEPTED, M.ACTIVE])
def test_the_volunteer_may_end_their_placement_too(source, role, volunteer):
    match = MatchFactory(role=role, person=volunteer, status=source)
    placements.match_close(match=match, by=volunteer, reason="volunteer_left", note="Taşındım.")
    match.refresh_from_db()
    assert (match.status, match.closure_reason) == (M.CLOSED, "volunteer_left")


@pytest.mark.parametrize(("source", "target", "origin"), MATCH_CASES)
def test_match_moves_refuse_the_wrong_people(
    source,
    target,
    origin,
    role,
    volunteer,
    owner,
    other_ngo_owner,
    plain_member,
    other_volunteer,
    coordinator_elsewhere,
    reviewer,
):
    match = _match_in(source, origin, role=role, volunteer=volunteer)
    rule = MATCH_LIFECYCLE.move(source, target).rule
    strangers = [other_ngo_owner, plain_member, other_volunteer, coordinator_elsewhere, reviewer]
    if rule == "match.respond":
        # The side that proposed does not answer its own proposal.
        strangers.append(volunteer if origin == APPLICATION else owner)
    elif rule == "match.withdraw":
        strangers.append(owner if origin == APPLICATION else volunteer)
    elif rule == "match.manage":
        strangers.append(volunteer)  # the organisation marks the start
    for stranger in strangers:
        assert_refused(match, target, stranger)


@pytest.mark.parametrize(
    ("source", "target"),
    [(M.PROPOSED, M.DECLINED), (M.ACCEPTED, M.CLOSED), (M.ACTIVE, M.CLOSED)],
)
def test_match_moves_that_need_a_reason_refuse_an_empty_one(source, target, role, volunteer, owner):
    match = _match_in(source, APPLICATION, role=role, volunteer=volunteer)
    for note in ("", "   "):
        assert_refused(match, target, owner, error=DomainError, note=note)


@pytest.mark.parametrize(("source", "target", "origin"), MATCH_CASES)
def test_match_moves_refuse_the_portal(source, target, origin, role, volunteer):
    match = _match_in(source, origin, role=role, volunteer=volunteer)
    assert_refused(match, target, None)


# --- Hours ----------------------------------------------------------------------------------


def _hours_walked_to(status: str, *, match, owner):
    """Hours logged by the volunteer and decided by the organisation, through the services."""
    log = hours.hours_log(
        person=match.person,
        match=match,
        on=timezone.localdate(),
        hours=2,
        description="Haftalık buluşma",
    )
    if status == H.APPROVED:
        hours.hours_approve(log=log, by=owner)
    elif status == H.REJECTED:
        hours.hours_reject(log=log, by=owner, note=NOTE)
    return log


@pytest.mark.parametrize(("source", "target"), sorted(HOURS_LIFECYCLE.pairs()))
def test_every_hours_move_succeeds_for_the_organisation_and_is_recorded(
    source, target, active_match, owner
):
    log = _hours_walked_to(source, match=active_match, owner=owner)
    assert log.status == source
    change = transition(log, target, by=owner, note=NOTE)
    assert_recorded(log, change, source, target, owner)


@pytest.mark.parametrize(("source", "target"), sorted(HOURS_LIFECYCLE.pairs()))
def test_hours_moves_refuse_the_wrong_people(
    source,
    target,
    active_match,
    organisation,
    volunteer,
    other_ngo_owner,
    plain_member,
    other_volunteer,
    coordinator_elsewhere,
):
    log = HoursLogFactory(match=active_match, status=source)
    # Nobody decides on their own hours, even a manager of the organisation.
    Membership.objects.create(organisation=organisation, user=volunteer, role="manager")
    for stranger in (
        fresh(volunteer),
        other_ngo_owner,
        plain_member,
        other_volunteer,
        coordinator_elsewhere,
    ):
        assert_refused(log, target, stranger)


@pytest.mark.parametrize(
    ("source", "target"), [(H.SUBMITTED, H.REJECTED), (H.APPROVED, H.REJECTED)]
)
def test_rejecting_hours_needs_a_reason(source, target, active_match, owner):
    log = HoursLogFactory(match=active_match, status=source)
    for note in ("", "  "):
        assert_refused(log, target, owner, error=DomainError, note=note)


def test_the_portal_corrects_decided_hours_but_never_approves_new_ones(active_match, owner):
    log = HoursLogFactory(match=active_match)
    assert_refused(log, H.APPROVED, None)
    assert_refused(log, H.REJECTED, None)
    hours.hours_approve(log=log, by=owner)
    change = transition(log, H.REJECTED, note="Yoklama düzeltildi.")
    assert_recorded(log, change, H.APPROVED, H.REJECTED, None)
    change = transition(log, H.APPROVED, note="Yoklama düzeltildi.")
    assert_recorded(log, change, H.REJECTED, H.APPROVED, None)


def test_buttons_offer_only_the_moves_a_person_may_make(role, volunteer, owner, other_ngo_owner):
    match = MatchFactory(role=role, person=volunteer)
    offered = {move.target for move in lifecycle_of(Match).available(match, owner)}
    assert offered == {M.ACCEPTED, M.DECLINED}
    offered = {move.target for move in lifecycle_of(Match).available(match, volunteer)}
    assert offered == {M.WITHDRAWN}
    assert lifecycle_of(Match).available(match, other_ngo_owner) == []


def test_history_of_a_whole_placement_reads_in_order(role, volunteer, owner):
    match = _match_walked_to(M.CLOSED, APPLICATION, role=role, volunteer=volunteer, owner=owner)
    steps = [(c.from_status, c.to_status) for c in StatusChange.objects.for_object(match)]
    assert steps == [
        ("", M.PROPOSED),
        (M.PROPOSED, M.ACCEPTED),
        (M.ACCEPTED, M.ACTIVE),
        (M.ACTIVE, M.CLOSED),
    ]
    match.refresh_from_db()
    assert match.started_on == timezone.localdate()
    assert match.closed_on == timezone.localdate()
    assert match.started_on <= match.closed_on < timezone.localdate() + dt.timedelta(days=1)
