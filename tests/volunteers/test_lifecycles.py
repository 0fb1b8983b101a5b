"""Every (from, to) pair of the four volunteering life cycles — mentor credentials, programs,
matches and hours — allowed and refused, and who may make each move.

Allowed moves succeed for the right person and leave a history row and an audit entry; every
pair not in the table is refused as illegal whoever asks; the wrong person is refused; moves
that need a reason refuse an empty one; moves only the portal makes refuse a person.
"""

import datetime as dt
import itertools

import pytest
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.exceptions import DomainError
from core.factories import UserFactory, enrol_totp, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, lifecycle_of, transition
from core.models import Province, StaffRole, StatusChange, SupportUnit, User
from core.services import role_assign
from volunteers import credentials, declarations, hours, placements
from volunteers.factories import ProgramFactory, RoleFactory, VolunteerProfileFactory
from volunteers.models import HoursLog, Match, MatchingSettings, MentorCredential, Program
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


class World:
    """An accredited organisation in İstanbul (owner), its published program with one role, a
    volunteer with matching consent, the province's coordinator and reviewer, a board member,
    and people who must be refused."""

    def __init__(self):
        self.owner = UserFactory()
        self.organisation = OrganisationFactory(accredited=True, owner=self.owner)
        self.program = ProgramFactory(organisation=self.organisation)
        self.role = RoleFactory(program=self.program)
        self.profile = VolunteerProfileFactory()
        self.volunteer = self.profile.user
        self._cache = {}

    def _once(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def coordinator(self):
        return self._once("coordinator", lambda: staff_user(StaffRole.COORDINATOR, 34))

    @property
    def reviewer(self):
        return self._once("reviewer", lambda: staff_user(StaffRole.REVIEWER, 34))

    @property
    def board(self):
        return self._once("board", lambda: staff_user(StaffRole.BOARD))

    # People who must be refused.
    @property
    def other_ngo_owner(self):
        return self._once(
            "other_ngo_owner",
            lambda: (
                OrganisationFactory(accredited=True, owner=UserFactory()).memberships.get().user
            ),
        )

    @property
    def plain_member(self):
        def make():
            user = UserFactory()
            Membership.objects.create(organisation=self.organisation, user=user, role="member")
            return user

        return self._once("plain_member", make)

    @property
    def other_volunteer(self):
        return self._once("other_volunteer", lambda: VolunteerProfileFactory().user)

    @property
    def coordinator_elsewhere(self):
        return self._once("coordinator_elsewhere", lambda: staff_user(StaffRole.COORDINATOR, 6))

    @property
    def reviewer_elsewhere(self):
        return self._once("reviewer_elsewhere", lambda: staff_user(StaffRole.REVIEWER, 6))

    @property
    def other_reviewer(self):
        """A reviewer of the same province, not assigned to the credential."""
        return self._once("other_reviewer", lambda: staff_user(StaffRole.REVIEWER, 34))

    # --- Mentor credential ---------------------------------------------------------------

    def lower_mentor_requirements(self):
        settings = MatchingSettings.load()
        settings.mentor_training_hours = 0
        settings.mentor_supervised_hours = 0
        settings.save()

    def credential_ready(self, credential):
        """The reference and the declaration a submission needs (with no hours required)."""
        self.lower_mentor_requirements()
        credentials.credential_update(
            credential=credential,
            by=self.volunteer,
            data={
                "reference_organisation": self.organisation,
                "referee_name": "Selin Aydın",
                "referee_position": "Program sorumlusu",
                "reference_statement": "İki yıldır programlarımızda gönüllü.",
            },
        )
        declarations.declaration_save(
            credential=credential,
            by=self.volunteer,
            years_in_recovery=6,
            statement="Altı yıldır iyileşme sürecindeyim.",
        )

    def credential(self, status: str) -> MentorCredential:
        """A credential brought to ``status`` the legal way, through the services."""
        credential = credentials.credential_start(person=self.volunteer)
        if status == C.DRAFT:
            return credential
        if status == C.WITHDRAWN:
            transition(credential, C.WITHDRAWN, by=self.volunteer)
            return credential
        self.credential_ready(credential)
        credentials.credential_submit(credential=credential, by=self.volunteer)
        if status == C.SUBMITTED:
            return credential
        credentials.credential_assign(
            credential=credential, reviewer=self.reviewer, by=self.coordinator
        )
        if status == C.IN_REVIEW:
            return credential
        grant = status != C.DECLINED
        credentials.credential_review(
            credential=credential,
            by=self.reviewer,
            recommendation="grant" if grant else "decline",
            note="Başvuru dosyası eksiksiz.",
        )
        credentials.credential_decide(credential=credential, by=self.board, grant=grant, note=NOTE)
        if status in (C.GRANTED, C.DECLINED):
            return credential
        if status == C.EXPIRED:
            transition(credential, C.EXPIRED)
        else:
            credentials.credential_revoke(credential=credential, by=self.board, note=NOTE)
        credential.refresh_from_db()
        return credential

    # --- Matches -------------------------------------------------------------------------

    def match(self, status: str, origin: str = Match.Origin.APPLICATION) -> Match:
        application = origin == Match.Origin.APPLICATION
        if application:
            match = placements.match_apply(role=self.role, person=self.volunteer, message="Merhaba")
        else:
            match = placements.match_invite(role=self.role, person=self.volunteer, by=self.owner)
        if status == M.PROPOSED:
            return match
        responder = self.owner if application else self.volunteer
        if status == M.DECLINED:
            placements.match_decline(match=match, by=responder, note=NOTE)
            return match
        if status == M.WITHDRAWN:
            placements.match_withdraw(match=match, by=self.volunteer if application else self.owner)
            return match
        placements.match_accept(match=match, by=responder)
        if status == M.ACCEPTED:
            return match
        placements.match_start(match=match, by=self.owner)
        if status == M.ACTIVE:
            return match
        placements.match_close(match=match, by=self.owner, reason="completed", note=NOTE)
        return match

    # --- Hours ---------------------------------------------------------------------------

    def hours_log(self, status: str) -> HoursLog:
        match = self.match(M.ACTIVE)
        log = hours.hours_log(
            person=self.volunteer,
            match=match,
            on=timezone.localdate(),
            hours=2,
            description="Haftalık buluşma",
        )
        if status == H.APPROVED:
            hours.hours_approve(log=log, by=self.owner)
        elif status == H.REJECTED:
            hours.hours_reject(log=log, by=self.owner, note=NOTE)
        return log


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


def _record_in(world: World, machine: str, status: str):
    """A record sitting in ``status`` (written directly: the table alone must refuse)."""
    if machine == "credential":
        return MentorCredential.objects.create(
            person=world.volunteer, province_id=34, status=status
        )
    if machine == "program":
        return ProgramFactory(organisation=world.organisation, status=status)
    match = Match.objects.create(
        role=world.role,
        person=world.volunteer,
        origin=Match.Origin.APPLICATION,
        status=M.ACTIVE if machine == "hours" else status,
    )
    if machine == "match":
        return match
    return HoursLog.objects.create(
        person=world.volunteer,
        match=match,
        organisation=world.organisation,
        province_id=34,
        on=timezone.localdate(),
        hours=2,
        status=status,
    )


def _everyone(world: World, machine: str) -> list:
    people = [world.owner, world.volunteer, world.coordinator, world.board, None]
    if machine == "credential":
        people.append(world.reviewer)
    return people


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
def test_every_pair_not_in_the_table_is_refused_as_illegal(machine, source, target):
    world = World()
    record = _record_in(world, machine, source)
    for person in _everyone(world, machine):
        assert_refused(record, target, person, error=IllegalTransition)


# --- Mentor credential: allowed moves --------------------------------------------------------


def _credential_actor(world: World, source, target):
    rule = CREDENTIAL_LIFECYCLE.move(source, target).rule
    return {
        "mentor.own": world.volunteer,
        "mentor.assign": world.coordinator,
        "mentor.decide": world.board,
        "system": None,
    }[rule]


def _credential_before(world: World, source, target) -> MentorCredential:
    credential = world.credential(source)
    if (source, target) == (C.DRAFT, C.SUBMITTED):
        world.credential_ready(credential)
    if source == C.IN_REVIEW and target in (C.GRANTED, C.DECLINED):
        credentials.credential_review(
            credential=credential,
            by=world.reviewer,
            recommendation="grant" if target == C.GRANTED else "decline",
            note="Değerlendirme tamam.",
        )
    credential.refresh_from_db()
    return credential


@pytest.mark.parametrize(("source", "target"), sorted(CREDENTIAL_LIFECYCLE.pairs()))
def test_every_credential_move_succeeds_for_its_actor_and_is_recorded(source, target):
    world = World()
    credential = _credential_before(world, source, target)
    assert credential.status == source
    by = _credential_actor(world, source, target)
    change = transition(credential, target, by=by, note=NOTE)
    assert_recorded(credential, change, source, target, by)


@pytest.mark.parametrize(("source", "target"), sorted(CREDENTIAL_LIFECYCLE.pairs()))
def test_credential_moves_refuse_the_wrong_people(source, target):
    world = World()
    credential = _credential_before(world, source, target)
    rule = CREDENTIAL_LIFECYCLE.move(source, target).rule
    strangers = [world.other_ngo_owner, world.coordinator_elsewhere, world.reviewer_elsewhere]
    if rule == "mentor.own":
        # Only the person acts on their own application: not staff, not the organisation.
        strangers += [world.other_volunteer, world.coordinator, world.board, world.owner]
        if credential.reviewer_id:
            strangers.append(world.reviewer)
    elif rule == "mentor.assign":
        strangers += [world.volunteer, world.reviewer, world.board]
    elif rule == "mentor.decide":
        strangers += [world.volunteer, world.coordinator, world.other_reviewer]
        if credential.reviewer_id:
            strangers.append(world.reviewer)
    else:  # only the portal lets a credential expire, not even the board or an administrator
        strangers += [world.board, world.volunteer, staff_user(StaffRole.ADMIN)]
    for stranger in strangers:
        assert_refused(credential, target, stranger)


def test_the_assigned_reviewer_may_not_decide_even_when_on_the_board():
    world = World()
    credential = _credential_before(world, C.IN_REVIEW, C.GRANTED)
    role_assign(user=world.reviewer, role=StaffRole.BOARD)
    assert_refused(credential, C.GRANTED, fresh(world.reviewer))
    change = transition(credential, C.GRANTED, by=world.board, note=NOTE)
    assert_recorded(credential, change, C.IN_REVIEW, C.GRANTED, world.board)


def test_nobody_decides_or_revokes_their_own_credential():
    world = World()
    credential = _credential_before(world, C.IN_REVIEW, C.GRANTED)
    role_assign(user=world.volunteer, role=StaffRole.BOARD)
    enrol_totp(world.volunteer)
    assert_refused(credential, C.GRANTED, fresh(world.volunteer))
    assert_refused(credential, C.DECLINED, fresh(world.volunteer))
    transition(credential, C.GRANTED, by=world.board, note=NOTE)
    assert_refused(credential, C.REVOKED, fresh(world.volunteer))


def test_a_reviewer_who_is_no_longer_a_reviewer_may_not_review():
    from core.models import RoleAssignment
    from core.permissions import can

    world = World()
    credential = world.credential(C.IN_REVIEW)
    assert can(fresh(world.reviewer), "mentor.review", credential)
    RoleAssignment.objects.filter(user=world.reviewer).delete()
    assert not can(fresh(world.reviewer), "mentor.review", credential)


def test_staff_without_a_second_factor_are_refused(settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    settings.PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = []
    world = World()
    credential = world.credential(C.SUBMITTED)
    coordinator = staff_user(StaffRole.COORDINATOR, 34, with_mfa=False)
    assert_refused(credential, C.IN_REVIEW, coordinator)


@pytest.mark.parametrize(
    ("source", "target"),
    [(C.IN_REVIEW, C.DECLINED), (C.GRANTED, C.REVOKED)],
)
def test_credential_moves_that_need_a_reason_refuse_an_empty_one(source, target):
    world = World()
    credential = _credential_before(world, source, target)
    for note in ("", "   "):
        assert_refused(credential, target, world.board, error=DomainError, note=note)


def test_deciding_before_the_reviewer_gave_an_opinion_is_refused():
    world = World()
    credential = world.credential(C.IN_REVIEW)
    with pytest.raises(DomainError, match="Değerlendirici görüşünü"):
        credentials.credential_decide(credential=credential, by=world.board, grant=True)
    credential.refresh_from_db()
    assert credential.status == C.IN_REVIEW


def test_expiry_is_the_portals_move_only():
    world = World()
    credential = world.credential(C.GRANTED)
    # Buttons never offer it to anyone, and a person asking for it is refused.
    offered = [move.target for move in lifecycle_of(credential).available(credential, world.board)]
    assert C.EXPIRED not in offered
    assert C.REVOKED in offered
    assert_refused(credential, C.EXPIRED, world.board)
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
def test_credential_moves_of_people_refuse_the_portal(source, target):
    world = World()
    credential = _credential_before(world, source, target)
    assert_refused(credential, target, None)


# --- Programs -------------------------------------------------------------------------------


def _program_in(world: World, status: str) -> Program:
    program = ProgramFactory(organisation=world.organisation, status=status)
    RoleFactory(program=program)  # publishing needs a role
    return program


@pytest.mark.parametrize(("source", "target"), sorted(PROGRAM_LIFECYCLE.pairs()))
def test_every_program_move_succeeds_for_its_manager_and_is_recorded(source, target):
    world = World()
    program = _program_in(world, source)
    change = transition(program, target, by=world.owner, note=NOTE)
    assert_recorded(program, change, source, target, world.owner)


@pytest.mark.parametrize(("source", "target"), sorted(PROGRAM_LIFECYCLE.pairs()))
def test_an_organisations_manager_may_move_its_program_too(source, target):
    world = World()
    manager = UserFactory()
    Membership.objects.create(organisation=world.organisation, user=manager, role="manager")
    program = _program_in(world, source)
    change = transition(program, target, by=manager, note=NOTE)
    assert_recorded(program, change, source, target, manager)


@pytest.mark.parametrize(("source", "target"), sorted(PROGRAM_LIFECYCLE.pairs()))
def test_program_moves_refuse_the_wrong_people(source, target):
    world = World()
    program = _program_in(world, source)
    for stranger in (
        world.other_ngo_owner,
        world.plain_member,
        world.volunteer,
        world.coordinator_elsewhere,
        world.reviewer,
        world.board,
        None,
    ):
        assert_refused(program, target, stranger)


def test_a_units_program_is_moved_by_the_provinces_coordinator_only():
    world = World()
    unit = SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Kadıköy Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )
    program = ProgramFactory(organisation=None, support_unit=unit, status=P.DRAFT)
    RoleFactory(program=program)
    for stranger in (world.owner, world.coordinator_elsewhere, world.volunteer):
        assert_refused(program, P.PUBLISHED, stranger)
    change = transition(program, P.PUBLISHED, by=world.coordinator)
    assert_recorded(program, change, P.DRAFT, P.PUBLISHED, world.coordinator)


def test_cancelling_a_published_program_needs_a_reason():
    world = World()
    program = _program_in(world, P.PUBLISHED)
    for note in ("", "  "):
        assert_refused(program, P.CANCELLED, world.owner, error=DomainError, note=note)
    # A draft nobody saw may be dropped without one.
    draft = _program_in(world, P.DRAFT)
    transition(draft, P.CANCELLED, by=world.owner)


# --- Matches --------------------------------------------------------------------------------

APPLICATION, INVITATION = Match.Origin.APPLICATION, Match.Origin.INVITATION


def _match_actor(world: World, match: Match, target: str):
    rule = MATCH_LIFECYCLE.move(match.status, target).rule
    proposer_side = world.volunteer if match.origin == APPLICATION else world.owner
    answering_side = world.owner if match.origin == APPLICATION else world.volunteer
    return {
        "match.respond": answering_side,
        "match.withdraw": proposer_side,
        "match.manage": world.owner,
        "match.close": world.owner,
    }[rule]


MATCH_CASES = [
    (source, target, origin)
    for source, target in sorted(MATCH_LIFECYCLE.pairs())
    for origin in (APPLICATION, INVITATION)
]


@pytest.mark.parametrize(("source", "target", "origin"), MATCH_CASES)
def test_every_match_move_succeeds_for_its_actor_and_is_recorded(source, target, origin):
    world = World()
    match = world.match(source, origin)
    by = _match_actor(world, match, target)
    change = transition(match, target, by=by, note=NOTE)
    assert_recorded(match, change, source, target, by)


@pytest.mark.parametrize("source", [M.ACCEPTED, M.ACTIVE])
def test_the_volunteer_may_end_their_placement_too(source):
    world = World()
    match = world.match(source)
    placements.match_close(
        match=match, by=world.volunteer, reason="volunteer_left", note="Taşındım."
    )
    match.refresh_from_db()
    assert (match.status, match.closure_reason) == (M.CLOSED, "volunteer_left")


@pytest.mark.parametrize(("source", "target", "origin"), MATCH_CASES)
def test_match_moves_refuse_the_wrong_people(source, target, origin):
    world = World()
    match = world.match(source, origin)
    rule = MATCH_LIFECYCLE.move(source, target).rule
    strangers = [
        world.other_ngo_owner,
        world.plain_member,
        world.other_volunteer,
        world.coordinator_elsewhere,
        world.reviewer,
    ]
    if rule == "match.respond":
        # The side that proposed does not answer its own proposal.
        strangers.append(world.volunteer if origin == APPLICATION else world.owner)
    elif rule == "match.withdraw":
        strangers.append(world.owner if origin == APPLICATION else world.volunteer)
    elif rule == "match.manage":
        strangers.append(world.volunteer)  # the organisation marks the start
    for stranger in strangers:
        assert_refused(match, target, stranger)


@pytest.mark.parametrize(
    ("source", "target"),
    [(M.PROPOSED, M.DECLINED), (M.ACCEPTED, M.CLOSED), (M.ACTIVE, M.CLOSED)],
)
def test_match_moves_that_need_a_reason_refuse_an_empty_one(source, target):
    world = World()
    match = world.match(source)
    for note in ("", "   "):
        assert_refused(match, target, world.owner, error=DomainError, note=note)


@pytest.mark.parametrize(("source", "target", "origin"), MATCH_CASES)
def test_match_moves_refuse_the_portal(source, target, origin):
    world = World()
    match = world.match(source, origin)
    assert_refused(match, target, None)


# --- Hours ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), sorted(HOURS_LIFECYCLE.pairs()))
def test_every_hours_move_succeeds_for_the_organisation_and_is_recorded(source, target):
    world = World()
    log = world.hours_log(source)
    change = transition(log, target, by=world.owner, note=NOTE)
    assert_recorded(log, change, source, target, world.owner)


@pytest.mark.parametrize(("source", "target"), sorted(HOURS_LIFECYCLE.pairs()))
def test_hours_moves_refuse_the_wrong_people(source, target):
    world = World()
    log = world.hours_log(source)
    # Nobody decides on their own hours, even a manager of the organisation.
    Membership.objects.create(organisation=world.organisation, user=world.volunteer, role="manager")
    for stranger in (
        fresh(world.volunteer),
        world.other_ngo_owner,
        world.plain_member,
        world.other_volunteer,
        world.coordinator_elsewhere,
    ):
        assert_refused(log, target, stranger)


@pytest.mark.parametrize(
    ("source", "target"), [(H.SUBMITTED, H.REJECTED), (H.APPROVED, H.REJECTED)]
)
def test_rejecting_hours_needs_a_reason(source, target):
    world = World()
    log = world.hours_log(source)
    for note in ("", "  "):
        assert_refused(log, target, world.owner, error=DomainError, note=note)


def test_the_portal_corrects_decided_hours_but_never_approves_new_ones():
    world = World()
    log = world.hours_log(H.SUBMITTED)
    assert_refused(log, H.APPROVED, None)
    assert_refused(log, H.REJECTED, None)
    hours.hours_approve(log=log, by=world.owner)
    change = transition(log, H.REJECTED, note="Yoklama düzeltildi.")
    assert_recorded(log, change, H.APPROVED, H.REJECTED, None)
    change = transition(log, H.APPROVED, note="Yoklama düzeltildi.")
    assert_recorded(log, change, H.REJECTED, H.APPROVED, None)


def test_buttons_offer_only_the_moves_a_person_may_make():
    world = World()
    match = world.match(M.PROPOSED)
    offered = {move.target for move in lifecycle_of(Match).available(match, world.owner)}
    assert offered == {M.ACCEPTED, M.DECLINED}
    offered = {move.target for move in lifecycle_of(Match).available(match, world.volunteer)}
    assert offered == {M.WITHDRAWN}
    assert lifecycle_of(Match).available(match, world.other_ngo_owner) == []


def test_history_of_a_whole_placement_reads_in_order():
    world = World()
    match = world.match(M.CLOSED)
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
