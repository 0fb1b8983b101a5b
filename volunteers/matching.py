"""Matching volunteers to roles: hard rules, an explainable score, rankings in SQL and the
coordinator's batch assignment.

The hard rules decide who *may* be matched; the score only orders those who may. The score has
named parts, each in [0, 1], weighted by ``MatchingSettings``; every recommendation carries one
plain-language reason per part that contributed, so a volunteer and an organisation can see why.

The same score is computed three ways, which must agree to the last bit: ``score()`` in Python
(the reference, which also writes the reasons), Django expressions (to rank 100,000 people in
the database), and numpy arrays (to fill the batch assignment's matrix). All three perform the
same IEEE double operations in the same order and round half up to one decimal, so a figure
shown beside a recommendation is the figure it was ranked by.
"""

import datetime
import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Floor
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.dates import add_years, age_on
from core.models import ConsentRecord, Province
from core.permissions import require

from .availability import count as slot_count
from .exceptions import MatchRefused, VolunteerError
from .masks import BitCount
from .models import (
    MATCHING_CONSENT,
    BackgroundCheck,
    BatchAssignment,
    CompletedTraining,
    Language,
    Match,
    MatchingSettings,
    MentorCredential,
    Program,
    Role,
    VolunteerProfile,
)

PARTS = ("skills", "interests", "distance", "availability", "languages", "experience")
SAME_DISTRICT = 1.0
SAME_PROVINCE = 0.6
NEIGHBOURING_PROVINCE = 0.3
ONLINE = 1.0


class Rule:
    """The hard rules, by the reason code a refusal carries."""

    PROFILE = "profile"
    CONSENT = "consent"
    CLOSED = "closed"
    ALREADY = "already"
    FULL = "full"
    AGE = "age"
    LANGUAGES = "languages"
    AVAILABILITY = "availability"
    MENTOR = "mentor"
    BACKGROUND = "background"
    TRAINING = "training"
    CLASH = "clash"


# --- Turkish numerals -------------------------------------------------------------------------

_ONES = {1: "i", 2: "si", 3: "ü", 4: "ü", 5: "i", 6: "sı", 7: "si", 8: "i", 9: "u"}
_TENS = {1: "u", 2: "si", 3: "u", 4: "ı", 5: "si", 6: "ı", 7: "i", 8: "i", 9: "ı"}


def turkish_possessive_suffix(number: int) -> str:
    """The third-person possessive suffix after a numeral written in digits: it follows the
    last word said aloud (2 iki → 2'si, 6 altı → 6'sı, 10 on → 10'u, 40 kırk → 40'ı,
    100 yüz → 100'ü, 1000 bin → 1000'i, 0 sıfır → 0'ı)."""
    number = abs(int(number))
    if number == 0:
        return "ı"
    if number % 10:
        return _ONES[number % 10]
    if number % 100:
        return _TENS[number // 10 % 10]
    if number % 1000:
        return "ü"  # yüz
    if number % 10**6:
        return "i"  # bin
    if number % 10**9:
        return "u"  # milyon
    if number % 10**12:
        return "ı"  # milyar
    return "u"  # trilyon


def turkish_possessive(number: int) -> str:
    """ "2'si", "3'ü" — as in "3 becerinin 2'si"."""
    return f"{number}'{turkish_possessive_suffix(number)}"


def turkish_possessive_locative(number: int) -> str:
    """ "2'sinde", "6'sında" — as in "3 zaman diliminin 2'sinde"."""
    suffix = turkish_possessive_suffix(number)
    return f"{number}'{suffix}{'nde' if suffix[-1] in 'iü' else 'nda'}"


def _is_turkish() -> bool:
    return (get_language() or "tr").startswith("tr")


def _of_count(number: int, *, locative: bool = False) -> str:
    """A count as the explanations need it: with the Turkish suffix in Turkish, plain in
    English ("2 of 3 skills match")."""
    if not _is_turkish():
        return str(number)
    return turkish_possessive_locative(number) if locative else turkish_possessive(number)


# --- Shared lookups ---------------------------------------------------------------------------


class Context:
    """What scoring needs besides the two records: the weights, which provinces border each
    other and the languages by bit. Loaded once per list, so scoring its rows costs no query."""

    def __init__(self, weights: dict[str, int] | None = None):
        self._weights = weights

    @cached_property
    def weights(self) -> dict[str, int]:
        return self._weights if self._weights is not None else MatchingSettings.load().weights()

    @cached_property
    def neighbours(self) -> dict[int, frozenset[int]]:
        pairs: dict[int, set[int]] = {}
        through = Province.neighbours.through
        for left, right in through.objects.values_list("from_province_id", "to_province_id"):
            pairs.setdefault(left, set()).add(right)
            pairs.setdefault(right, set()).add(left)
        return {code: frozenset(codes) for code, codes in pairs.items()}

    def neighbours_of(self, province_id: int) -> frozenset[int]:
        return self.neighbours.get(province_id, frozenset())

    @cached_property
    def languages(self) -> list[Language]:
        return list(Language.objects.order_by("sort_order", "name"))

    def language_names(self, mask: int) -> str:
        return ", ".join(
            language.label for language in self.languages if mask & (1 << language.bit)
        )


# --- Hard rules -------------------------------------------------------------------------------


def _valid_trainings(person_filter: Q, today: datetime.date) -> QuerySet:
    """Completed trainings whose personal certificate is valid and not past its expiry."""
    return CompletedTraining.objects.filter(person_filter, certificate__status="valid").filter(
        Q(certificate__expires_on__isnull=True) | Q(certificate__expires_on__gte=today)
    )


def _role_state(role: Role, today: datetime.date) -> MatchRefused | None:
    """The rule about the role alone: open to applications, in a published, running program."""
    program = role.program
    if not role.is_open:
        return MatchRefused(Rule.CLOSED, _("Bu rol başvuruya kapalı."))
    if program.status != Program.Status.PUBLISHED:
        return MatchRefused(Rule.CLOSED, _("Program yayında değil."))
    if program.ends_on is not None and program.ends_on < today:
        return MatchRefused(Rule.CLOSED, _("Program sona erdi."))
    return None


def _full(role: Role, *, ignore_match=None) -> MatchRefused | None:
    held = Match.objects.holding_place().filter(role=role)
    if ignore_match is not None:
        held = held.exclude(pk=ignore_match.pk)
    if held.count() >= role.places:
        return MatchRefused(Rule.FULL, _("Bu rolün kişi sayısı doldu."))
    return None


def _check(person, role: Role, *, ignore_match=None):
    """Yield a refusal for each hard rule the pair breaks, in the order people read them."""
    today = timezone.localdate()
    profile = VolunteerProfile.objects.filter(user_id=person.pk).first()
    if profile is None:
        yield MatchRefused(Rule.PROFILE, _("Gönüllü profili yok."))
        return
    consenting = ConsentRecord.objects.in_force().filter(
        user_id=person.pk, purpose__key=MATCHING_CONSENT
    )
    if not consenting.exists():
        yield MatchRefused(Rule.CONSENT, _("Eşleştirme izni yok."))
    elif not profile.is_active:
        yield MatchRefused(Rule.CONSENT, _("Gönüllü yeni rollere açık değil."))
    program = role.program
    closed = _role_state(role, today)
    if closed is not None:
        yield closed
    open_matches = Match.objects.open().filter(role=role, person_id=person.pk)
    if ignore_match is not None:
        open_matches = open_matches.exclude(pk=ignore_match.pk)
    if open_matches.exists():
        yield MatchRefused(
            Rule.ALREADY, _("Bu rol için sürmekte olan bir başvuru ya da davet var.")
        )
    full = _full(role, ignore_match=ignore_match)
    if full is not None:
        yield full
    if role.minimum_age:
        if profile.birth_date is None:
            yield MatchRefused(
                Rule.AGE,
                _(
                    "Bu rol %(age)s yaş ve üzeri içindir; yaşın doğrulanması için profile "
                    "doğum tarihi eklenmeli."
                )
                % {"age": role.minimum_age},
            )
        elif age_on(profile.birth_date, today) < role.minimum_age:
            yield MatchRefused(
                Rule.AGE, _("Bu rol %(age)s yaş ve üzeri içindir.") % {"age": role.minimum_age}
            )
    missing_languages = role.required_languages_mask & ~profile.languages_mask
    if missing_languages:
        names = Context().language_names(missing_languages)
        yield MatchRefused(
            Rule.LANGUAGES,
            ngettext(
                "Gerekli dil: %(names)s.",
                "Gerekli diller: %(names)s.",
                slot_count(missing_languages),
            )
            % {"names": names},
        )
    if not profile.availability & program.schedule:
        yield MatchRefused(Rule.AVAILABILITY, _("Programın buluştuğu zamanlarda uygun değil."))
    if (
        role.requires_mentor
        and not MentorCredential.objects.in_force(today).filter(person_id=person.pk).exists()
    ):
        yield MatchRefused(Rule.MENTOR, _("Geçerli bir deneyim mentoru yetkinliği gerekiyor."))
    if (
        role.requires_background_check
        and not BackgroundCheck.objects.filter(person_id=person.pk, valid_until__gte=today).exists()
    ):
        yield MatchRefused(Rule.BACKGROUND, _("Geçerli bir adli sicil kontrolü gerekiyor."))
    required = list(role.required_trainings.order_by("sort_order", "name"))
    if required:
        held = set(
            _valid_trainings(Q(person_id=person.pk), today).values_list("training_id", flat=True)
        )
        missing = [training for training in required if training.pk not in held]
        if missing:
            yield MatchRefused(
                Rule.TRAINING,
                ngettext(
                    "Gerekli eğitim: %(names)s.", "Gerekli eğitimler: %(names)s.", len(missing)
                )
                % {"names": ", ".join(training.label for training in missing)},
            )
    clashing = (
        Match.objects.holding_place()
        .filter(person_id=person.pk)
        .exclude(role=role)
        .alias(overlap=F("role__program__schedule").bitand(program.schedule))
        .exclude(overlap=0)
        .select_related("role")
    )
    if ignore_match is not None:
        clashing = clashing.exclude(pk=ignore_match.pk)
    clash = clashing.order_by("pk").first()
    if clash is not None:
        yield MatchRefused(
            Rule.CLASH,
            _("Aynı saatlerde başka bir rolü var: %(role)s.") % {"role": clash.role.title},
        )


def refusal(person, role: Role, *, ignore_match=None) -> MatchRefused | None:
    """The first hard rule that refuses ``person`` for ``role``, or None if they may match."""
    return next(_check(person, role, ignore_match=ignore_match), None)


def refusals(person, role: Role, *, ignore_match=None) -> list[MatchRefused]:
    """Every hard rule that refuses the pair (for a page listing what is missing)."""
    return list(_check(person, role, ignore_match=ignore_match))


def acceptance_refusal(match: Match) -> MatchRefused | None:
    """The rules again when a proposed match is accepted: things may have changed since it was
    proposed (consent withdrawn, places taken, another role accepted at the same hours).

    Inside a transaction the role's row is locked first, so two acceptances for its last place
    are counted one after the other and the second is refused as full."""
    roles = Role.objects.select_related("program")
    if connection.in_atomic_block:
        roles = roles.select_for_update(of=("self",))
    return refusal(match.person, roles.get(pk=match.role_id), ignore_match=match)


# --- Score ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScorePart:
    name: str
    value: float
    weight: int
    reason: str = ""


@dataclass(frozen=True)
class Score:
    total: float
    parts: list[ScorePart]
    reasons: list[str]


def round_tenths(value: float) -> float:
    """Half up to one decimal, written with the operations SQL and numpy repeat exactly."""
    return math.floor(value * 10.0 + 0.5) / 10.0


def weighted_total(values: dict[str, float], weights: dict[str, int]) -> float:
    """round(100 · Σ wᵢ·partᵢ / Σ wᵢ, 1), summed in the order of PARTS."""
    total_weight = sum(weights[name] for name in PARTS)
    if not total_weight:
        return 0.0
    summed = 0.0
    for name in PARTS:
        summed = summed + float(weights[name]) * values[name]
    return round_tenths(summed * 100.0 / float(total_weight))


def _distance(profile: VolunteerProfile, program: Program, context: Context) -> tuple[float, str]:
    if program.is_online:
        return ONLINE, _("Çevrim içi program")
    if program.district_id is not None and profile.district_id == program.district_id:
        return SAME_DISTRICT, _("Aynı ilçede")
    if profile.province_id == program.province_id:
        return SAME_PROVINCE, _("Aynı ilde")
    if profile.province_id in context.neighbours_of(program.province_id):
        return NEIGHBOURING_PROVINCE, _("Komşu ilde")
    return 0.0, ""


def _parts(profile: VolunteerProfile, role: Role, context: Context) -> list[ScorePart]:
    program = role.program
    weights = context.weights
    parts = []

    required = slot_count(role.skills_mask)
    matched = slot_count(role.skills_mask & profile.skills_mask)
    value = matched / required if required else 0.0
    reason = ""
    if matched:
        reason = ngettext(
            "%(required)s becerinin %(matched)s uyuyor",
            "%(required)s becerinin %(matched)s uyuyor",
            required,
        ) % {"required": required, "matched": _of_count(matched)}
    parts.append(ScorePart("skills", value, weights["skills"], reason))

    in_area = bool(profile.areas_mask & program.areas_mask)
    in_group = bool(profile.groups_mask & program.groups_mask)
    value = (0.5 if in_area else 0.0) + (0.5 if in_group else 0.0)
    if in_area and in_group:
        reason = _("Çalışma alanı ve hedef grup ilgi alanlarında")
    elif in_area:
        reason = _("Çalışma alanı ilgi alanlarında")
    elif in_group:
        reason = _("Hedef grup ilgi alanlarında")
    else:
        reason = ""
    parts.append(ScorePart("interests", value, weights["interests"], reason))

    value, reason = _distance(profile, program, context)
    parts.append(ScorePart("distance", value, weights["distance"], reason))

    slots = slot_count(program.schedule)
    overlap = slot_count(program.schedule & profile.availability)
    value = overlap / slots if slots else 0.0
    if not overlap:
        reason = ""
    elif overlap == slots:
        reason = _("Programın bütün zamanlarında uygun")
    else:
        reason = _("Programın %(slots)s zaman diliminin %(matched)s uygun") % {
            "slots": slots,
            "matched": _of_count(overlap, locative=True),
        }
    parts.append(ScorePart("availability", value, weights["availability"], reason))

    helpful = slot_count(role.helpful_languages_mask)
    spoken_mask = role.helpful_languages_mask & profile.languages_mask
    spoken = slot_count(spoken_mask)
    value = spoken / helpful if helpful else 0.0
    reason = ""
    if spoken:
        reason = ngettext("Yararlı dil: %(names)s", "Yararlı diller: %(names)s", spoken) % {
            "names": context.language_names(spoken_mask)
        }
    parts.append(ScorePart("languages", value, weights["languages"], reason))

    value = 1.0 if profile.has_participated else 0.0
    reason = _("Daha önce gönüllü olarak katıldı") if profile.has_participated else ""
    parts.append(ScorePart("experience", value, weights["experience"], reason))
    return parts


def score_with(profile: VolunteerProfile, role: Role, context: Context) -> Score:
    parts = _parts(profile, role, context)
    total = weighted_total({part.name: part.value for part in parts}, context.weights)
    contributing = sorted(
        (part for part in parts if part.value > 0 and part.weight > 0 and part.reason),
        key=lambda part: -part.weight * part.value,
    )
    return Score(total=total, parts=parts, reasons=[part.reason for part in contributing])


def score(profile: VolunteerProfile, role: Role) -> Score:
    """The score of a pair in [0, 100] with its named parts and reasons (the Python reference;
    it does not check the hard rules)."""
    return score_with(profile, role, Context())


# --- Ranking in SQL ---------------------------------------------------------------------------


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
    if _role_state(role, today) is not None or _full(role) is not None or not program.schedule:
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
                user_id__in=_valid_trainings(Q(training_id=training_id), today).values("person_id")
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
        # Every required language spoken: no required bit outside the profile's mask.
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
        _valid_trainings(Q(person_id=person_id), today).values_list("training_id", flat=True)
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


# --- Batch assignment -------------------------------------------------------------------------


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
        for person_id, training_id in _valid_trainings(
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

    from .matches import match_invite

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
