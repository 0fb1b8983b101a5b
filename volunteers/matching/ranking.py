"""Rankings in SQL: the best volunteers for a role (``recommended_candidates``) and the
best roles for a volunteer (``recommended_roles``), the hard rules written as filters and
the score as Django expressions that repeat ``weighted_total`` operation for operation."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Floor
from django.db.models.lookups import Exact
from django.utils import timezone

from core.dates import add_years, age_on
from core.models import ConsentRecord

from ..availability import count as slot_count
from ..masks import BitCount
from ..models import (
    MATCHING_CONSENT,
    BackgroundCheck,
    Match,
    MentorCredential,
    Program,
    Role,
    VolunteerProfile,
)
from .rules import role_full, role_state, valid_trainings
from .scoring import (
    NEIGHBOURING_PROVINCE,
    ONLINE,
    PARTS,
    SAME_DISTRICT,
    SAME_PROVINCE,
    Context,
    ScorePart,
    score_with,
)


def _f(value: float):
    """A float constant typed as double precision in SQL: PostgreSQL would otherwise take
    ``0.6`` as numeric and compute some sums exactly, unlike Python."""
    return Cast(Value(float(value)), FloatField())


def _as_float(expression):
    return Cast(expression, FloatField())


def _ratio(part, whole):
    """part / whole as doubles; ``whole`` is never zero where this is used."""
    return _as_float(part) / _as_float(whole)


def _total_expression(parts: dict, weights: dict[str, int]):
    """The SQL twin of ``weighted_total``: the same operations in the same order. Parts with no
    weight are left out (adding 0.0 changes nothing in Python either)."""
    total_weight = sum(weights[name] for name in PARTS)
    if not total_weight:
        return _f(0.0)
    summed = None
    for name in PARTS:
        if not weights[name]:
            continue
        term = _f(weights[name]) * parts[name]
        summed = term if summed is None else summed + term
    if summed is None:
        return _f(0.0)
    return Floor(summed * _f(100.0) / _f(total_weight) * _f(10.0) + _f(0.5)) / _f(10.0)


@dataclass
class Recommendation:
    """A volunteer recommended for a role, or a role recommended to a volunteer."""

    score: float
    reasons: list[str]
    profile: VolunteerProfile | None = None
    role: Role | None = None
    parts: list[ScorePart] = field(default_factory=list)
    ranked_score: float | None = None  # the figure the database ranked by (equal to score)


def _candidates_queryset(role: Role, context: Context, today: datetime.date) -> QuerySet | None:
    """Profiles that pass every hard rule for ``role``, with their score, best first. None when
    the role itself takes nobody (closed or full)."""
    program = role.program
    if role_state(role, today) is not None or role_full(role) is not None or not program.schedule:
        return None
    person = OuterRef("user_id")
    # Consent is checked row by row through its index (one in force per person and purpose),
    # so PostgreSQL probes only the best rows until the list is full instead of hashing every
    # consent record; the other exclusions are small sets it hashes once.
    consenting = ConsentRecord.objects.in_force().filter(
        user_id=person, purpose__key=MATCHING_CONSENT
    )
    profiles = (
        VolunteerProfile.objects.filter(is_active=True)
        .filter(Exists(consenting))
        .exclude(user_id__in=Match.objects.open().filter(role=role).values("person_id"))
        .alias(overlap=F("availability").bitand(program.schedule))
        .exclude(overlap=0)
    )
    if role.minimum_age:
        profiles = profiles.filter(birth_date__lte=add_years(today, -role.minimum_age))
    if role.required_languages_mask:
        required = role.required_languages_mask
        profiles = profiles.alias(spoken=F("languages_mask").bitand(required)).filter(
            spoken=required
        )
    if role.requires_mentor:
        profiles = profiles.filter(
            user_id__in=MentorCredential.objects.in_force(today).values("person_id")
        )
    if role.requires_background_check:
        profiles = profiles.filter(
            user_id__in=BackgroundCheck.objects.filter(valid_until__gte=today).values("person_id")
        )
    if role.required_trainings_count:
        for training_id in role.required_trainings.values_list("pk", flat=True):
            profiles = profiles.filter(
                user_id__in=valid_trainings(Q(training_id=training_id), today).values("person_id")
            )
    clashing = (
        Match.objects.holding_place()
        .exclude(role=role)
        .alias(clash=F("role__program__schedule").bitand(program.schedule))
        .exclude(clash=0)
    )
    profiles = profiles.exclude(user_id__in=clashing.values("person_id"))

    parts = {}
    required = slot_count(role.skills_mask)
    parts["skills"] = (
        _ratio(_masked_count("skills_mask", role.skills_mask), Value(required))
        if required
        else _f(0.0)
    )
    parts["interests"] = _interest_half("areas_mask", program.areas_mask) + _interest_half(
        "groups_mask", program.groups_mask
    )
    if program.is_online:
        parts["distance"] = _f(ONLINE)
    else:
        whens = []
        if program.district_id is not None:
            whens.append(When(district_id=program.district_id, then=_f(SAME_DISTRICT)))
        whens.append(When(province_id=program.province_id, then=_f(SAME_PROVINCE)))
        neighbours = sorted(context.neighbours_of(program.province_id))
        if neighbours:
            whens.append(When(province_id__in=neighbours, then=_f(NEIGHBOURING_PROVINCE)))
        parts["distance"] = Case(*whens, default=_f(0.0), output_field=FloatField())
    parts["availability"] = _ratio(
        _masked_count("availability", program.schedule), Value(slot_count(program.schedule))
    )
    helpful = slot_count(role.helpful_languages_mask)
    parts["languages"] = (
        _ratio(_masked_count("languages_mask", role.helpful_languages_mask), Value(helpful))
        if helpful
        else _f(0.0)
    )
    parts["experience"] = Case(
        When(has_participated=True, then=_f(1.0)), default=_f(0.0), output_field=FloatField()
    )
    return profiles.annotate(match_score=_total_expression(parts, context.weights)).order_by(
        "-match_score", "pk"
    )


def _masked_count(field_name: str, mask: int):
    """How many bits of the constant ``mask`` the field has. A role asks for a few skills and
    a program meets at a few times, so adding up those bits one by one is cheaper per row than
    a general popcount of the masked value."""
    bits = [position for position in range(64) if mask >> position & 1]
    if len(bits) > 8:
        return BitCount(F(field_name).bitand(mask))
    counted = None
    for position in bits:
        term = F(field_name).bitrightshift(position).bitand(1)
        counted = term if counted is None else counted + term
    return counted


def _interest_half(field_name: str, mask: int):
    """0.5 when the field shares a bit with ``mask`` (a working area or a target group)."""
    if not mask:
        return _f(0.0)
    return Case(
        When(Exact(F(field_name).bitand(mask), 0), then=_f(0.0)),
        default=_f(0.5),
        output_field=FloatField(),
    )


def recommended_candidates(role: Role, *, limit: int = 20) -> list[Recommendation]:
    """The best volunteers for ``role`` among those the hard rules allow (never anyone without
    matching consent), with the reasons for each."""
    today = timezone.localdate()
    context = Context()
    role = Role.objects.select_related("program").get(pk=role.pk)
    profiles = _candidates_queryset(role, context, today)
    if profiles is None:
        return []
    # Rank narrow rows (key and score), then load the few profiles shown: sorting 100,000
    # whole profiles would spill to disk.
    ranked = list(profiles.values_list("pk", "match_score")[:limit])
    loaded = VolunteerProfile.objects.in_bulk([pk for pk, _score in ranked])
    return [_explained(loaded[pk], role, ranked_score, context) for pk, ranked_score in ranked]


def _explained(
    profile: VolunteerProfile, role: Role, ranked_score: float, context: Context
) -> Recommendation:
    """A ranked row with the reasons the Python reference writes for it."""
    explained = score_with(profile, role, context)
    return Recommendation(
        score=explained.total,
        reasons=explained.reasons,
        profile=profile,
        role=role,
        parts=explained.parts,
        ranked_score=ranked_score,
    )


def _full_roles() -> QuerySet:
    """The ids of roles whose places are all held (one grouped pass over the matches, which
    PostgreSQL hashes once rather than counting per role)."""
    return (
        Match.objects.holding_place()
        .order_by()
        .values("role")
        .annotate(held=Count("pk"), places=Max("role__places"))
        .filter(held__gte=F("places"))
        .values("role")
    )


def _roles_queryset(profile: VolunteerProfile, context: Context, today: datetime.date):
    """Open roles of published programs with a free place that ``profile`` passes every hard
    rule for, with their score, best first."""
    person_id = profile.user_id
    roles = (
        Role.objects.filter(is_open=True, program__status=Program.Status.PUBLISHED)
        .filter(Q(program__ends_on__isnull=True) | Q(program__ends_on__gte=today))
        .exclude(pk__in=_full_roles())
        .exclude(Exists(Match.objects.open().filter(role=OuterRef("pk"), person_id=person_id)))
        .alias(overlap=F("program__schedule").bitand(profile.availability))
        .exclude(overlap=0)
        # Every required language spoken: no required bit outside the profile's mask. (Most
        # roles require none; saying so first keeps PostgreSQL's row estimate sensible.)
        .alias(unspoken=F("required_languages_mask").bitand(~profile.languages_mask))
        .filter(Q(required_languages_mask=0) | Q(unspoken=0))
    )
    if profile.birth_date is None:
        roles = roles.filter(minimum_age__isnull=True)
    else:
        age = age_on(profile.birth_date, today)
        roles = roles.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age))
    if not MentorCredential.objects.in_force(today).filter(person_id=person_id).exists():
        roles = roles.filter(requires_mentor=False)
    if not BackgroundCheck.objects.filter(person_id=person_id, valid_until__gte=today).exists():
        roles = roles.filter(requires_background_check=False)
    trained = list(
        valid_trainings(Q(person_id=person_id), today).values_list("training_id", flat=True)
    )
    through = Role.required_trainings.through
    roles = roles.exclude(
        Exists(through.objects.filter(role_id=OuterRef("pk")).exclude(training_id__in=trained))
    )
    busy = 0
    for schedule in (
        Match.objects.holding_place()
        .filter(person_id=person_id)
        .values_list("role__program__schedule", flat=True)
    ):
        busy |= schedule
    if busy:
        # A role the person already holds is left out by the open-match rule above, so every
        # remaining role meeting at those hours is another role: a clash.
        roles = roles.alias(clash=F("program__schedule").bitand(busy)).filter(clash=0)

    parts = {}
    parts["skills"] = Case(
        When(skills_mask=0, then=_f(0.0)),
        default=_ratio(
            BitCount(F("skills_mask").bitand(profile.skills_mask)), BitCount(F("skills_mask"))
        ),
        output_field=FloatField(),
    )
    parts["interests"] = _interest_half("program__areas_mask", profile.areas_mask) + _interest_half(
        "program__groups_mask", profile.groups_mask
    )
    whens = [When(program__is_online=True, then=_f(ONLINE))]
    if profile.district_id is not None:
        whens.append(When(program__district_id=profile.district_id, then=_f(SAME_DISTRICT)))
    whens.append(When(program__province_id=profile.province_id, then=_f(SAME_PROVINCE)))
    neighbours = sorted(context.neighbours_of(profile.province_id))
    if neighbours:
        whens.append(When(program__province_id__in=neighbours, then=_f(NEIGHBOURING_PROVINCE)))
    parts["distance"] = Case(*whens, default=_f(0.0), output_field=FloatField())
    parts["availability"] = _ratio(
        BitCount(F("program__schedule").bitand(profile.availability)),
        BitCount(F("program__schedule")),
    )
    parts["languages"] = Case(
        When(helpful_languages_mask=0, then=_f(0.0)),
        default=_ratio(
            BitCount(F("helpful_languages_mask").bitand(profile.languages_mask)),
            BitCount(F("helpful_languages_mask")),
        ),
        output_field=FloatField(),
    )
    parts["experience"] = _f(1.0 if profile.has_participated else 0.0)
    return roles.annotate(match_score=_total_expression(parts, context.weights)).order_by(
        "-match_score", "pk"
    )


def recommended_roles(person, *, limit: int = 20) -> list[Recommendation]:
    """The roles that suit ``person`` best among those the hard rules allow, with reasons.
    Nothing for someone without a profile, without matching consent or not open to roles."""
    today = timezone.localdate()
    profile = VolunteerProfile.objects.matchable().filter(user_id=person.pk).first()
    if profile is None:
        return []
    context = Context()
    # Rank narrow rows, then load the few roles shown with their programs.
    ranked = list(_roles_queryset(profile, context, today).values_list("pk", "match_score")[:limit])
    loaded = Role.objects.select_related(
        "program",
        "program__organisation",
        "program__support_unit",
        "program__province",
        "program__district",
    ).in_bulk([pk for pk, _score in ranked])
    return [_explained(profile, loaded[pk], ranked_score, context) for pk, ranked_score in ranked]
