"""The coordinator's batch assignment: exact optimum, never past a place or a hard rule."""

import datetime as dt
import itertools
import random

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory, staff_user
from core.models import ConsentPurpose, District, Province, StaffRole, TargetGroup, WorkingArea
from core.services import consent_withdraw
from volunteers.availability import bit
from volunteers.exceptions import VolunteerError
from volunteers.factories import ProgramFactory, RoleFactory, VolunteerProfileFactory
from volunteers.matching import (
    Context,
    batch_compute,
    batch_confirm,
    batch_matrix,
    batch_rows,
    refusal,
    score,
)
from volunteers.models import (
    MATCHING_CONSENT,
    Language,
    Match,
    MatchingSettings,
    Skill,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db

ISTANBUL = 34
AREA = (34, 41, 59, 39)  # İstanbul and its neighbours by land (Kocaeli, Tekirdağ, Kırklareli)
SLOTS = [bit(day, part) for day in range(7) for part in range(3)]


@pytest.fixture
def coordinator():
    return staff_user(StaffRole.COORDINATOR, ISTANBUL)


def istanbul():
    return Province.objects.get(code=ISTANBUL)


def arabic():
    return Language.objects.get(name="Arapça")


def random_case(seed: int, *, volunteers: int = 7, roles: int = 3):
    """A small İstanbul world: a few roles with 1–2 places, volunteers in and around the
    province with random fit and some rule-breakers, and one volunteer and one role outside
    the batch's reach."""
    rng = random.Random(seed)
    skills = list(Skill.objects.all())
    areas = list(WorkingArea.objects.all())
    groups = list(TargetGroup.objects.all())
    districts = list(District.objects.filter(province_id=ISTANBUL)[:4])

    def mask(most):
        value = 0
        for slot in rng.sample(SLOTS[:6], rng.randint(1, most)):
            value |= slot
        return value

    made_roles = []
    for _n in range(roles):
        made_roles.append(
            RoleFactory(
                program__district=rng.choice(districts),
                program__schedule=mask(3),
                program__working_area=rng.choice(areas),
                program__target_groups=rng.sample(groups, 2),
                program__is_online=rng.random() < 0.2,
                places=rng.randint(1, 2),
                required_skills=rng.sample(skills, rng.randint(0, 3)),
                required_languages=[arabic()] if rng.random() < 0.25 else [],
                helpful_languages=[arabic()] if rng.random() < 0.5 else [],
                minimum_age=rng.choice([None, 18]),
            )
        )
    made_profiles = []
    for _n in range(volunteers):
        code = rng.choice([34, 34, 34, 41, 59])
        profile = VolunteerProfileFactory(
            consent=rng.random() > 0.1,
            province=Province.objects.get(code=code),
            district=rng.choice(districts) if code == ISTANBUL else None,
            birth_date=timezone.localdate() - dt.timedelta(days=365 * rng.choice([16, 30])),
            availability=mask(5),
            skills=rng.sample(skills, rng.randint(0, 4)),
            languages=[arabic()] if rng.random() < 0.4 else [],
            working_areas=rng.sample(areas, 1),
            target_groups=rng.sample(groups, rng.randint(0, 2)),
        )
        if rng.random() < 0.3:
            profile.has_participated = True
            profile.save(update_fields=["has_participated"])
        made_profiles.append(profile)
    # A place already held, and a volunteer holding another role at some hours.
    holder = made_profiles[0]
    Match.objects.create(
        role=made_roles[0], person=holder.user, origin="application", status="active"
    )
    # Outside the batch: a role in Ankara and a volunteer in Ankara.
    RoleFactory(program__province=Province.objects.get(code=6), program__district=None)
    VolunteerProfileFactory(province=Province.objects.get(code=6), district=None)
    return made_profiles, made_roles


def brute_force(profiles, roles) -> int:
    """The best total score in tenths over every assignment that keeps to the places and the
    hard rules, by enumerating them all."""
    area_profiles = [
        profile
        for profile in profiles
        if profile.province_id in AREA
        and VolunteerProfile.objects.matchable().filter(pk=profile.pk).exists()
    ]
    free = [role.places - role.matches.holding_place().count() for role in roles]
    options = []
    for profile in area_profiles:
        choices = [None]
        for index, role in enumerate(roles):
            if refusal(profile.user, role) is None:
                choices.append((index, round(score(profile, role).total * 10)))
        options.append(choices)
    best = 0
    for combination in itertools.product(*options):
        used = [0] * len(roles)
        total = 0
        for choice in combination:
            if choice is None:
                continue
            used[choice[0]] += 1
            total += choice[1]
        if all(count <= places for count, places in zip(used, free, strict=True)):
            best = max(best, total)
    return best


def assert_valid(batch, roles):
    """Never past a place, never a pair the hard rules refuse, one place per volunteer."""
    people = [pair[1] for pair in batch.pairs]
    assert len(people) == len(set(people))
    for role in roles:
        taken = sum(1 for pair in batch.pairs if pair[0] == role.pk)
        assert taken <= role.places - role.matches.holding_place().count()
    profiles = VolunteerProfile.objects.in_bulk(
        [pair[1] for pair in batch.pairs], field_name="user_id"
    )
    for role_id, user_id, value in batch.pairs:
        role = next(role for role in roles if role.pk == role_id)
        profile = profiles[user_id]
        assert refusal(profile.user, role) is None
        assert value == score(profile, role).total
    assert round(sum(pair[2] for pair in batch.pairs), 1) == batch.total_score


@pytest.mark.parametrize("seed", range(10))
def test_the_batch_is_the_brute_force_optimum(seed, coordinator):
    rng = random.Random(seed)
    profiles, roles = random_case(seed, roles=rng.choice([2, 3]))

    batch = batch_compute(province=istanbul(), by=coordinator)

    assert round(batch.total_score * 10) == brute_force(profiles, roles)
    assert_valid(batch, roles)
    assert batch.greedy_score <= batch.total_score
    assert batch.places == sum(role.places - role.matches.holding_place().count() for role in roles)
    area = VolunteerProfile.objects.matchable().filter(province_id__in=AREA)
    assert batch.candidates == area.count()
    assert batch.confirmed_at is None and batch.invitations == 0
    assert not Match.objects.filter(origin=Match.Origin.INVITATION).exists()


def test_the_matrix_equals_the_python_reference(coordinator):
    settings = MatchingSettings.load()
    settings.weight_skills, settings.weight_distance, settings.weight_languages = 7, 29, 3
    settings.save()
    _profiles, roles = random_case(11, volunteers=14, roles=4)
    context = Context()
    found_roles, pool, allowed, tenths = batch_matrix(
        province_id=ISTANBUL, program=None, context=context, today=timezone.localdate()
    )
    assert {role.pk for role in found_roles} <= {role.pk for role in roles}
    profiles_by_user = VolunteerProfile.objects.in_bulk(list(pool.user_ids), field_name="user_id")
    checked = 0
    for row, user_id in enumerate(pool.user_ids):
        profile = profiles_by_user[int(user_id)]
        for column, role in enumerate(found_roles):
            assert allowed[row, column] == (refusal(profile.user, role) is None)
            assert tenths[row, column] / 10 == score(profile, role).total
            checked += 1
    assert checked >= 20 and allowed.any()


def test_greedy_can_be_strictly_worse_than_the_optimum(coordinator):
    program = ProgramFactory()
    first = RoleFactory(program=program, places=1)
    needs_arabic = RoleFactory(program=program, places=1, required_languages=[arabic()])
    both = VolunteerProfileFactory(languages=[arabic()])
    both.has_participated = True
    both.save(update_fields=["has_participated"])
    only_first = VolunteerProfileFactory()

    batch = batch_compute(province=istanbul(), by=coordinator)

    assert sorted((pair[0], pair[1]) for pair in batch.pairs) == sorted(
        [(first.pk, only_first.user_id), (needs_arabic.pk, both.user_id)]
    )
    best_alone = score(both, first).total
    assert batch.greedy_count == 1 and batch.greedy_score == best_alone
    assert batch.total_score == round(
        score(both, needs_arabic).total + score(only_first, first).total, 1
    )
    assert batch.greedy_score < batch.total_score


def test_a_program_batch_fills_only_that_program(coordinator):
    program = ProgramFactory()
    inside = RoleFactory(program=program, places=2)
    RoleFactory()  # another İstanbul program
    VolunteerProfileFactory.create_batch(4)

    batch = batch_compute(province=istanbul(), program=program, by=coordinator)

    assert {pair[0] for pair in batch.pairs} == {inside.pk}
    assert batch.places == 2 and len(batch.pairs) == 2


def test_a_program_elsewhere_is_refused(coordinator):
    program = ProgramFactory(province=Province.objects.get(code=6), district=None)
    with pytest.raises(VolunteerError):
        batch_compute(province=istanbul(), program=program, by=coordinator)


def test_nothing_to_assign_gives_an_empty_batch(coordinator):
    batch = batch_compute(province=istanbul(), by=coordinator)
    assert batch.pairs == [] and batch.total_score == 0 and batch.places == 0


def test_only_the_provinces_coordinators_may_compute_or_confirm(coordinator):
    RoleFactory()
    VolunteerProfileFactory()
    owner = UserFactory()
    OrganisationFactory(accredited=True, owner=owner)
    elsewhere = staff_user(StaffRole.COORDINATOR, 6)
    without_mfa = staff_user(StaffRole.COORDINATOR, ISTANBUL, with_mfa=False)
    for user in (owner, elsewhere, without_mfa, VolunteerProfileFactory().user):
        with pytest.raises(PermissionDenied):
            batch_compute(province=istanbul(), by=user)
    batch = batch_compute(province=istanbul(), by=coordinator)
    for user in (owner, elsewhere, without_mfa):
        with pytest.raises(PermissionDenied):
            batch_confirm(batch=batch, by=user)
    batch.refresh_from_db()
    assert batch.confirmed_at is None
    assert not Match.objects.exists()


def test_confirming_invites_and_skips_pairs_no_longer_valid(
    coordinator, outbox, django_capture_on_commit_callbacks
):
    program = ProgramFactory()
    role = RoleFactory(program=program, places=3)
    staying, withdrawing, placed_elsewhere = VolunteerProfileFactory.create_batch(3)
    batch = batch_compute(province=istanbul(), by=coordinator)
    assert len(batch.pairs) == 3

    consent_withdraw(
        user=withdrawing.user, purpose=ConsentPurpose.objects.get(key=MATCHING_CONSENT)
    )
    other = RoleFactory()  # Tuesday evenings too: a clash now
    Match.objects.create(
        role=other, person=placed_elsewhere.user, origin="application", status="accepted"
    )

    with django_capture_on_commit_callbacks(execute=True):
        created, skipped = batch_confirm(batch=batch, by=coordinator)

    assert (created, skipped) == (1, 2)
    invitation = Match.objects.get(role=role)
    assert invitation.person == staying.user
    assert invitation.origin == Match.Origin.INVITATION
    assert invitation.status == Match.Status.PROPOSED
    assert invitation.proposed_by == coordinator
    assert invitation.score == score(staying, role).total
    batch.refresh_from_db()
    assert batch.confirmed_at is not None and batch.invitations == 1
    assert [message.to for message in outbox] == [[staying.user.email]]

    with pytest.raises(VolunteerError):
        batch_confirm(batch=batch, by=coordinator)
    assert Match.objects.filter(origin=Match.Origin.INVITATION).count() == 1


def test_batch_rows_show_names_scores_and_reasons_in_constant_queries(coordinator):
    def grow(count):
        program = ProgramFactory()
        for _n in range(count):
            RoleFactory(program=program, places=1)
        VolunteerProfileFactory.create_batch(count)

    def rows_and_queries():
        batch = batch_compute(province=istanbul(), by=coordinator)
        with CaptureQueriesContext(connection) as queries:
            rows = batch_rows(batch)
        return rows, len(queries)

    grow(2)
    small, small_queries = rows_and_queries()
    Match.objects.all().delete()
    grow(6)
    large, large_queries = rows_and_queries()
    assert len(large) > len(small) > 0
    assert large_queries == small_queries
    row = large[0]
    assert row.program == row.role.program
    assert row.score == score(row.profile, row.role).total
    assert "Aynı ilçede" in row.reasons


def brute_force_matrix(tenths, allowed, free) -> int:
    volunteers, roles = tenths.shape
    best = 0
    for choice in itertools.product(range(-1, roles), repeat=volunteers):
        used = [0] * roles
        total = 0
        for row, column in enumerate(choice):
            if column < 0:
                continue
            if not allowed[row, column]:
                break
            used[column] += 1
            total += int(tenths[row, column])
        else:
            if all(count <= places for count, places in zip(used, free, strict=True)):
                best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(60))
def test_the_solver_is_exact_on_random_matrices(seed):
    """Without the database: more places than people, fewer, forbidden pairs, zero scores."""
    import numpy as np

    from volunteers.matching import solve_greedy, solve_optimal

    rng = random.Random(seed)
    volunteers, roles = rng.randint(1, 6), rng.randint(1, 3)
    free = [rng.randint(1, 3) for _role in range(roles)]
    tenths = np.array(
        [
            [rng.choice([0, 5, 75, 250, 333, 1000]) for _r in range(roles)]
            for _v in range(volunteers)
        ]
    )
    allowed = np.array([[rng.random() < 0.7 for _r in range(roles)] for _v in range(volunteers)])

    optimal = solve_optimal(tenths, allowed, free)
    greedy = solve_greedy(tenths, allowed, free, list(range(roles)), list(range(volunteers)))

    assert optimal.tenths == brute_force_matrix(tenths, allowed, free)
    for assignment in (optimal, greedy):
        rows = [row for _column, row, _value in assignment.pairs]
        assert len(rows) == len(set(rows))
        for column, row, value in assignment.pairs:
            assert allowed[row, column] and value == tenths[row, column]
        for column, places in enumerate(free):
            assert sum(1 for pair in assignment.pairs if pair[0] == column) <= places
    assert greedy.tenths <= optimal.tenths
    # Every place that could still take someone allowed is filled.
    taken = {row for _column, row, _value in optimal.pairs}
    for column, places in enumerate(free):
        if sum(1 for pair in optimal.pairs if pair[0] == column) < places:
            assert not any(allowed[row, column] for row in range(volunteers) if row not in taken)
