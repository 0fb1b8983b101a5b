"""The coordinator's batch assignment: the candidates of a province and its neighbours
against every open place, scored with numpy, solved exactly (``solve_optimal``) beside
the greedy result (``solve_greedy``), previewed (``batch_compute``, ``batch_rows``) and
then sent as invitations (``batch_confirm``)."""

import datetime
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import add_years
from core.permissions import require

from ..availability import count as slot_count
from ..exceptions import VolunteerError
from ..models import (
    BackgroundCheck,
    BatchAssignment,
    Match,
    MentorCredential,
    Program,
    Role,
    VolunteerProfile,
)
from .rules import valid_trainings
from .scoring import (
    NEIGHBOURING_PROVINCE,
    ONLINE,
    PARTS,
    SAME_DISTRICT,
    SAME_PROVINCE,
    Context,
    score_with,
)


def _open_roles(*, province_id: int, program: Program | None, today: datetime.date) -> list[Role]:
    """Open roles of published, running programs with free places (``role.free``)."""
    held_places = (
        Match.objects.holding_place()
        .filter(role=OuterRef("pk"))
        .order_by()
        .values("role")
        .annotate(held=Count("pk"))
        .values("held")
    )
    roles = (
        Role.objects.filter(is_open=True, program__status=Program.Status.PUBLISHED)
        .filter(Q(program__ends_on__isnull=True) | Q(program__ends_on__gte=today))
        .annotate(held=Coalesce(Subquery(held_places, output_field=IntegerField()), 0))
        .filter(places__gt=F("held"))
        .select_related("program")
        .order_by("pk")
    )
    if program is not None:
        roles = roles.filter(program=program)
    else:
        roles = roles.filter(program__province_id=province_id)
    roles = list(roles)
    for role in roles:
        role.free = role.places - role.held
    return roles


_POOL_FIELDS = (
    "pk",
    "user_id",
    "province_id",
    "district_id",
    "birth_date",
    "availability",
    "languages_mask",
    "skills_mask",
    "areas_mask",
    "groups_mask",
    "has_participated",
)
_NO_BIRTH_DATE = np.iinfo(np.int64).max


class _Pool:
    """The candidates of a batch as numpy columns, one row per volunteer."""

    def __init__(self, rows: list[tuple]):
        columns = list(zip(*rows, strict=True)) if rows else [()] * len(_POOL_FIELDS)
        data = dict(zip(_POOL_FIELDS, columns, strict=True))

        def as_int(name: str) -> np.ndarray:
            return np.array(data[name], dtype=np.int64)

        self.size = len(rows)
        self.profile_ids = as_int("pk")
        self.user_ids = as_int("user_id")
        self.province_ids = as_int("province_id")
        self.district_ids = np.array(
            [-1 if value is None else value for value in data["district_id"]], dtype=np.int64
        )
        self.birth = np.array(
            [
                _NO_BIRTH_DATE if value is None else value.toordinal()
                for value in data["birth_date"]
            ],
            dtype=np.int64,
        )
        self.availability = as_int("availability")
        self.languages = as_int("languages_mask")
        self.skills = as_int("skills_mask")
        self.areas = as_int("areas_mask")
        self.groups = as_int("groups_mask")
        self.participated = np.array(data["has_participated"], dtype=bool)
        self.index = {int(user_id): row for row, user_id in enumerate(self.user_ids)}

    def flags(self, user_ids) -> np.ndarray:
        flags = np.zeros(self.size, dtype=bool)
        for user_id in user_ids:
            row = self.index.get(user_id)
            if row is not None:
                flags[row] = True
        return flags


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values).astype(np.float64)


def _column_scores(pool: _Pool, role: Role, context: Context) -> np.ndarray:
    """The score of every volunteer in ``pool`` for ``role`` in tenths (the integer k of
    total = k / 10): ``weighted_total`` over numpy columns, operation for operation."""
    program = role.program
    zeros = np.zeros(pool.size, dtype=np.float64)
    parts = {}
    required = slot_count(role.skills_mask)
    parts["skills"] = (
        _popcount(pool.skills & role.skills_mask) / float(required) if required else zeros
    )
    in_area = np.where(pool.areas & program.areas_mask, 0.5, 0.0)
    in_group = np.where(pool.groups & program.groups_mask, 0.5, 0.0)
    parts["interests"] = in_area + in_group
    if program.is_online:
        distance = np.full(pool.size, ONLINE)
    else:
        neighbours = np.array(sorted(context.neighbours_of(program.province_id)), dtype=np.int64)
        distance = np.where(np.isin(pool.province_ids, neighbours), NEIGHBOURING_PROVINCE, 0.0)
        distance = np.where(pool.province_ids == program.province_id, SAME_PROVINCE, distance)
        if program.district_id is not None:
            distance = np.where(pool.district_ids == program.district_id, SAME_DISTRICT, distance)
    parts["distance"] = distance
    slots = slot_count(program.schedule)
    parts["availability"] = (
        _popcount(pool.availability & program.schedule) / float(slots) if slots else zeros
    )
    helpful = slot_count(role.helpful_languages_mask)
    parts["languages"] = (
        _popcount(pool.languages & role.helpful_languages_mask) / float(helpful)
        if helpful
        else zeros
    )
    parts["experience"] = np.where(pool.participated, 1.0, 0.0)

    weights = context.weights
    total_weight = sum(weights[name] for name in PARTS)
    if not total_weight:
        return np.zeros(pool.size, dtype=np.int64)
    summed = np.zeros(pool.size, dtype=np.float64)
    for name in PARTS:
        summed = summed + float(weights[name]) * parts[name]
    return np.floor(summed * 100.0 / float(total_weight) * 10.0 + 0.5).astype(np.int64)


def _column_allowed(pool: _Pool, role: Role, today: datetime.date, facts: dict) -> np.ndarray:
    """Which volunteers of ``pool`` the hard rules allow for ``role`` (consent and the role's
    own state are settled before: the pool is matchable, the roles open with free places)."""
    program = role.program
    allowed = (pool.availability & program.schedule) != 0
    if role.required_languages_mask:
        required = role.required_languages_mask
        allowed &= (pool.languages & required) == required
    if role.minimum_age:
        allowed &= pool.birth <= add_years(today, -role.minimum_age).toordinal()
    if role.requires_mentor:
        allowed &= facts["mentors"]
    if role.requires_background_check:
        allowed &= facts["checked"]
    for training_id in facts["role_trainings"].get(role.pk, ()):
        allowed &= facts["trained"].get(training_id, np.zeros(pool.size, dtype=bool))
    allowed &= (facts["busy"] & program.schedule) == 0
    allowed &= ~pool.flags(facts["open"].get(role.pk, ()))
    return allowed


def _pool_facts(pool: _Pool, pool_users: QuerySet, roles: list[Role], today) -> dict:
    """Credentials and placements of the pool, in a few queries for the whole batch."""
    role_ids = [role.pk for role in roles]
    facts: dict = {"open": {}, "role_trainings": {}, "trained": {}}
    if any(role.requires_mentor for role in roles):
        facts["mentors"] = pool.flags(
            MentorCredential.objects.in_force(today)
            .filter(person_id__in=pool_users)
            .values_list("person_id", flat=True)
        )
    if any(role.requires_background_check for role in roles):
        facts["checked"] = pool.flags(
            BackgroundCheck.objects.filter(person_id__in=pool_users, valid_until__gte=today)
            .values_list("person_id", flat=True)
            .distinct()
        )
    through = Role.required_trainings.through
    for role_id, training_id in through.objects.filter(role_id__in=role_ids).values_list(
        "role_id", "training_id"
    ):
        facts["role_trainings"].setdefault(role_id, []).append(training_id)
    needed = {t for trainings in facts["role_trainings"].values() for t in trainings}
    if needed:
        holders: dict[int, set[int]] = {}
        for person_id, training_id in valid_trainings(
            Q(person_id__in=pool_users, training_id__in=needed), today
        ).values_list("person_id", "training_id"):
            holders.setdefault(training_id, set()).add(person_id)
        facts["trained"] = {t: pool.flags(people) for t, people in holders.items()}
    for role_id, person_id in (
        Match.objects.open()
        .filter(role_id__in=role_ids, person_id__in=pool_users)
        .values_list("role_id", "person_id")
    ):
        facts["open"].setdefault(role_id, []).append(person_id)
    busy = np.zeros(pool.size, dtype=np.int64)
    for person_id, schedule in (
        Match.objects.holding_place()
        .filter(person_id__in=pool_users)
        .values_list("person_id", "role__program__schedule")
    ):
        busy[pool.index[person_id]] |= schedule
    facts["busy"] = busy
    return facts


@dataclass
class Assignment:
    """Pairs as (role index, volunteer row, score in tenths)."""

    pairs: list[tuple[int, int, int]]

    @property
    def tenths(self) -> int:
        return sum(pair[2] for pair in self.pairs)


def solve_optimal(tenths: np.ndarray, allowed: np.ndarray, free: list[int]) -> Assignment:
    """The assignment of volunteers (rows) to roles (columns, each with ``free`` places) that
    maximises the total score, exactly, as a linear assignment over one column per place.

    Forbidden pairs are worth 0 and allowed pairs k·(places + 1) + 1: the +1 only breaks ties
    between assignments of equal score in favour of filling more places, since all the +1s
    together are worth less than one tenth of a point. A place left with nobody allowed takes a
    forbidden pair, which is dropped afterwards."""
    from scipy.optimize import linear_sum_assignment

    places = sum(free)
    if not places or not tenths.shape[0]:
        return Assignment([])
    columns = np.repeat(np.arange(len(free)), free)
    value = np.where(allowed, tenths * (places + 1) + 1, 0)[:, columns]
    rows, cols = linear_sum_assignment(value, maximize=True)
    pairs = [
        (int(columns[col]), int(row), int(tenths[row, columns[col]]))
        for row, col in zip(rows, cols, strict=True)
        if allowed[row, columns[col]]
    ]
    return Assignment(sorted(pairs))


def solve_greedy(
    tenths: np.ndarray, allowed: np.ndarray, free: list[int], role_keys, volunteer_keys
) -> Assignment:
    """Best pair first: take it if the volunteer is still free and the role has a place (what a
    person would do by hand; shown beside the optimum to show what the optimum gains)."""
    rows, cols = np.nonzero(allowed)
    if not len(rows):
        return Assignment([])
    scores = tenths[rows, cols]
    order = np.lexsort((np.asarray(volunteer_keys)[rows], np.asarray(role_keys)[cols], -scores))
    left = list(free)
    remaining = sum(left)
    taken = np.zeros(tenths.shape[0], dtype=bool)
    pairs = []
    for index in order:
        row, col = int(rows[index]), int(cols[index])
        if taken[row] or not left[col]:
            continue
        taken[row] = True
        left[col] -= 1
        remaining -= 1
        pairs.append((col, row, int(scores[index])))
        if not remaining:
            break
    return Assignment(sorted(pairs))


def batch_matrix(*, province_id: int, program: Program | None, context: Context, today):
    """The roles with free places, the candidate pool, and the allowed and score matrices
    (volunteers × roles; scores in tenths)."""
    roles = _open_roles(province_id=province_id, program=program, today=today)
    area = {province_id} | set(context.neighbours_of(province_id))
    candidates = VolunteerProfile.objects.matchable().filter(province_id__in=area)
    pool = _Pool(list(candidates.order_by("pk").values_list(*_POOL_FIELDS)))
    shape = (pool.size, len(roles))
    allowed = np.zeros(shape, dtype=bool)
    tenths = np.zeros(shape, dtype=np.int64)
    if pool.size and roles:
        facts = _pool_facts(pool, candidates.values("user_id"), roles, today)
        for column, role in enumerate(roles):
            allowed[:, column] = _column_allowed(pool, role, today, facts)
            tenths[:, column] = _column_scores(pool, role, context)
    return roles, pool, allowed, tenths


@transaction.atomic
def batch_compute(*, province, program: Program | None = None, by) -> BatchAssignment:
    """A coordinator's preview: the assignment of candidates from the province and its
    neighbours to every open place (of the province's programs, or of one program) that
    maximises the total score under the places and the hard rules, beside the greedy result.
    Nothing is sent until ``batch_confirm``."""
    province_id = getattr(province, "pk", province)
    require(by, "matching.batch", province_id)
    if program is not None and program.province_id != province_id:
        raise VolunteerError(_("Program bu ilde değil."))
    today = timezone.localdate()
    context = Context()
    roles, pool, allowed, tenths = batch_matrix(
        province_id=province_id, program=program, context=context, today=today
    )
    free = [role.free for role in roles]
    optimal = solve_optimal(tenths, allowed, free)
    greedy = solve_greedy(
        tenths,
        allowed,
        free,
        [role.pk for role in roles],
        pool.profile_ids,
    )
    pairs = sorted(
        (
            [roles[col].pk, int(pool.user_ids[row]), value / 10.0]
            for col, row, value in optimal.pairs
        ),
        key=lambda pair: (pair[0], -pair[2], pair[1]),
    )
    return BatchAssignment.objects.create(
        province_id=province_id,
        program=program,
        pairs=pairs,
        total_score=optimal.tenths / 10.0,
        greedy_score=greedy.tenths / 10.0,
        greedy_count=len(greedy.pairs),
        places=sum(free),
        candidates=pool.size,
        created_by=by,
    )


@dataclass
class BatchRow:
    role: Role
    program: Program
    profile: VolunteerProfile
    score: float
    reasons: list[str]


def batch_rows(batch: BatchAssignment) -> list[BatchRow]:
    """The batch's pairs for the preview, with today's reasons (a fixed number of queries)."""
    role_ids = {pair[0] for pair in batch.pairs}
    user_ids = {pair[1] for pair in batch.pairs}
    roles = Role.objects.select_related(
        "program",
        "program__organisation",
        "program__support_unit",
        "program__province",
        "program__district",
    ).in_bulk(role_ids)
    profiles = {
        profile.user_id: profile
        for profile in VolunteerProfile.objects.filter(user_id__in=user_ids)
    }
    context = Context()
    rows = []
    for role_id, user_id, value in batch.pairs:
        role, profile = roles.get(role_id), profiles.get(user_id)
        if role is None or profile is None:
            continue
        explained = score_with(profile, role, context)
        rows.append(BatchRow(role, role.program, profile, value, explained.reasons))
    return rows


def batch_confirm(*, batch: BatchAssignment, by) -> tuple[int, int]:
    """Send the invitations of a computed batch. Pairs that no longer pass the hard rules
    (consent withdrawn, place taken since) are skipped and counted. Returns (sent, skipped)."""
    from core.models import User

    from ..placements import match_invite

    require(by, "matching.batch", batch.province_id)
    with transaction.atomic():
        locked = BatchAssignment.objects.select_for_update().get(pk=batch.pk)
        if locked.confirmed_at is not None:
            raise VolunteerError(_("Bu toplu atama zaten onaylandı; davetler gönderildi."))
        roles = Role.objects.select_related("program").in_bulk({pair[0] for pair in locked.pairs})
        people = User.objects.in_bulk({pair[1] for pair in locked.pairs})
        message = _("Sosyal uyum koordinatörü, toplu eşleştirmede sizi bu role önerdi.")
        created = skipped = 0
        for role_id, user_id, value in locked.pairs:
            role, person = roles.get(role_id), people.get(user_id)
            if role is None or person is None:
                skipped += 1
                continue
            try:
                with transaction.atomic():
                    match_invite(role=role, person=person, by=by, message=message, score=value)
            except VolunteerError:  # MatchRefused, or an invitation that exists already
                skipped += 1
            else:
                created += 1
        locked.confirmed_at = timezone.now()
        locked.invitations = created
        locked.save(update_fields=["confirmed_at", "invitations"])
    batch.confirmed_at, batch.invitations = locked.confirmed_at, locked.invitations
    return created, skipped
