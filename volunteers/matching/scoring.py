"""The explainable score: named parts in [0, 1] weighted by ``MatchingSettings``, the
plain-language reason for each part (with Turkish numeral suffixes), and the lookups a
list of scores shares (``Context``). ``score()`` is the Python reference the SQL ranking
and the batch matrix must agree with to the last bit."""

import math
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.models import Province
from core.text import turkish_possessive, turkish_possessive_locative

from ..availability import count as slot_count
from ..models import Language, MatchingSettings, Program, Role, VolunteerProfile

PARTS = ("skills", "interests", "distance", "availability", "languages", "experience")
SAME_DISTRICT = 1.0
SAME_PROVINCE = 0.6
NEIGHBOURING_PROVINCE = 0.3
ONLINE = 1.0


# --- Explanations -----------------------------------------------------------------------------


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
