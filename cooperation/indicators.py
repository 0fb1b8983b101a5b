"""Performance indicators (performans göstergesi): what they measure, their targets per province
and quarter, and their actual values.

An indicator is either computed from activities or entered by hand. Computed indicators count
the COMPLETED activities of their working area (and, when set, of one activity type) in the
quarter the activity ENDS, in the province. Manual indicators take the value a coordinator
entered (``IndicatorValue``); no entry is ``None`` ("veri yok"), which is not zero.

The selectors here answer for every indicator and every quarter of a year in a constant number
of queries; the reports, the coordinator dashboard and the province PDF all use them.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractQuarter
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit
from core.exceptions import DomainError
from core.permissions import require
from core.text import tr_sort_key

from .models import Activity, Indicator, IndicatorValue, Target, quarter_bounds, quarter_of

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.indicator.target_set": gettext_lazy("Gösterge hedefi belirlendi"),
    "portal.indicator.value_set": gettext_lazy("Gösterge değeri girildi"),
}

M = Indicator.Method
ZERO = Decimal("0")
INDICATOR_FIELDS = (
    "name",
    "name_en",
    "working_area",
    "unit",
    "unit_en",
    "method",
    "activity_type",
    "description",
    "sort_order",
    "is_active",
)


# Method → the aggregate over the completed activities that computes it. Sums of empty sets are
# turned into zero by the selectors (no activity means nothing was reached, not "no data").
MEASURES = {
    M.ACTIVITIES: Count("pk"),
    M.PEOPLE_REACHED: Sum("people_reached"),
    M.UNIQUE_PEOPLE_REACHED: Sum("people_reached", filter=Q(people_reached_unique=True)),
    M.SERVICES: Sum("services_delivered"),
    M.PARTICIPANTS: Sum("actual_participants"),
    M.VOLUNTEERS: Sum("volunteers_involved"),
    M.VOLUNTEER_HOURS: Sum("volunteer_hours"),
    M.ORGANISATIONS: Count("organisation", distinct=True),
}

# The sums ``activity_totals`` gives for every group (key → aggregate).
TOTALS = {
    "activities": Count("pk"),
    "people_reached": Sum("people_reached"),
    "people_reached_unique": Sum("people_reached", filter=Q(people_reached_unique=True)),
    "services_delivered": Sum("services_delivered"),
    "actual_participants": Sum("actual_participants"),
    "volunteers_involved": Sum("volunteers_involved"),
    "volunteer_hours": Sum("volunteer_hours"),
    "organisations": Count("organisation", distinct=True),
}
TOTAL_KEYS = tuple(TOTALS)
GROUPINGS = ("working_area", "district", "organisation", "activity_type")


# --- Quarters ---------------------------------------------------------------------------------


def quarter_has_ended(year: int, quarter: int, *, today: datetime.date | None = None) -> bool:
    return quarter_bounds(year, quarter)[1] < (today or timezone.localdate())


def quarter_has_started(year: int, quarter: int, *, today: datetime.date | None = None) -> bool:
    return quarter_bounds(year, quarter)[0] <= (today or timezone.localdate())


def last_ended_quarter(today: datetime.date | None = None) -> tuple[int, int]:
    """(year, quarter) of the latest calendar quarter that has ended."""
    today = today or timezone.localdate()
    quarter = quarter_of(today) - 1
    if quarter == 0:
        return today.year - 1, 4
    return today.year, quarter


def recent_quarters(count: int, *, until: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """The ``count`` quarters up to and including ``until`` (default: the current quarter),
    oldest first."""
    if until is None:
        today = timezone.localdate()
        until = (today.year, quarter_of(today))
    year, quarter = until
    result = []
    for _i in range(count):
        result.append((year, quarter))
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return result[::-1]


# --- Selectors --------------------------------------------------------------------------------


def _province_id(province):
    if province is None:
        return None
    return getattr(province, "pk", province)


def completed_activities(*, province=None, start=None, end=None, organisation=None):
    """Completed activities ending in [start, end] (either open), in the province (None: all)."""
    activities = Activity.objects.filter(status=Activity.Status.COMPLETED)
    if province is not None:
        activities = activities.filter(province_id=_province_id(province))
    if organisation is not None:
        activities = activities.filter(organisation_id=getattr(organisation, "pk", organisation))
    if start is not None:
        activities = activities.filter(ends_on__gte=start)
    if end is not None:
        activities = activities.filter(ends_on__lte=end)
    return activities


def _as_decimal(value) -> Decimal:
    if value is None:
        return ZERO
    return value if isinstance(value, Decimal) else Decimal(value)


def _quarter_expression():
    return ExtractQuarter("ends_on")


def actual_values(*, indicators, province, year: int) -> dict[tuple[int, int], Decimal | None]:
    """Actual value of every indicator in every quarter 1..4 of ``year`` in ``province``
    (None: every province).

    Computed indicators give a Decimal (0 when no activity counted); manual ones give the
    entered value or None when nothing was entered. At most three queries, however many
    indicators and activities: one grouped by working area, one grouped by working area and
    activity type (only when an indicator is restricted to a type), one for manual values."""
    indicators = list(indicators)
    result: dict[tuple[int, int], Decimal | None] = {}
    if not indicators:
        return result
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    computed = [i for i in indicators if i.method != M.MANUAL]
    manual = [i for i in indicators if i.method == M.MANUAL]

    if computed:
        base = completed_activities(province=province, start=start, end=end).annotate(
            q=_quarter_expression()
        )
        measures = {str(i.method) for i in computed}
        aggregates = {f"m_{method}": MEASURES[method] for method in measures}
        by_area: dict[tuple, dict] = {}
        area_ids = {i.working_area_id for i in computed if i.activity_type_id is None}
        if area_ids:
            rows = (
                base.filter(working_area_id__in=area_ids)
                .order_by()
                .values("working_area_id", "q")
                .annotate(**aggregates)
            )
            by_area = {(row["working_area_id"], None, row["q"]): row for row in rows}
        typed_ids = {i.working_area_id for i in computed if i.activity_type_id is not None}
        if typed_ids:
            rows = (
                base.filter(working_area_id__in=typed_ids)
                .order_by()
                .values("working_area_id", "activity_type_id", "q")
                .annotate(**aggregates)
            )
            by_area.update(
                {(row["working_area_id"], row["activity_type_id"], row["q"]): row for row in rows}
            )
        for indicator in computed:
            for quarter in range(1, 5):
                row = by_area.get((indicator.working_area_id, indicator.activity_type_id, quarter))
                value = row[f"m_{indicator.method}"] if row else None
                result[(indicator.pk, quarter)] = _as_decimal(value)

    if manual:
        for indicator in manual:
            for quarter in range(1, 5):
                result[(indicator.pk, quarter)] = None
        values = IndicatorValue.objects.filter(indicator__in=[i.pk for i in manual], year=year)
        if province is not None:
            values = values.filter(province_id=_province_id(province))
        rows = values.order_by().values("indicator_id", "quarter").annotate(total=Sum("value"))
        for row in rows:
            result[(row["indicator_id"], row["quarter"])] = row["total"]
    return result


def targets(*, indicators, province, year: int) -> dict[tuple[int, int], Decimal]:
    """Target of each indicator per quarter of ``year`` in ``province`` (None: the sum over
    every province). Quarters without a target are absent from the dict. One query."""
    ids = [getattr(i, "pk", i) for i in indicators]
    if not ids:
        return {}
    rows = Target.objects.filter(indicator_id__in=ids, year=year)
    if province is not None:
        rows = rows.filter(province_id=_province_id(province))
    rows = rows.order_by().values("indicator_id", "quarter").annotate(total=Sum("value"))
    return {(row["indicator_id"], row["quarter"]): row["total"] for row in rows}


def _aliased_totals() -> dict:
    # Aliases must not collide with the model's field names.
    return {f"t_{key}": aggregate for key, aggregate in TOTALS.items()}


def _empty_totals() -> dict:
    totals = dict.fromkeys(TOTAL_KEYS, 0)
    totals["volunteer_hours"] = ZERO
    return totals


def activity_totals(*, province, start, end, by=("working_area",), organisation=None) -> list[dict]:
    """Sums over the COMPLETED activities ending in [start, end] in ``province`` (None: all;
    ``organisation`` narrows to one organisation), grouped by any of ``working_area``,
    ``district``, ``organisation``, ``activity_type`` (``by=()``: one row of totals).

    Each row has the group objects under their names (``row["working_area"]`` is a WorkingArea,
    ``row["district"]`` a District or None for province-wide activities) and the sums:
    activities, people_reached, people_reached_unique, services_delivered, actual_participants,
    volunteers_involved, volunteer_hours (Decimal), organisations (distinct count). Missing
    counts add as zero. Rows are ordered by the groups' display order. One query plus one per
    grouping field to fetch the group objects."""
    by = tuple(by)
    unknown = set(by) - set(GROUPINGS)
    if unknown:
        raise ValueError(f"Unknown grouping {sorted(unknown)!r}.")
    activities = completed_activities(
        province=province, start=start, end=end, organisation=organisation
    ).order_by()
    if not by:
        row = activities.aggregate(**_aliased_totals())
        totals = _empty_totals()
        for key in TOTAL_KEYS:
            if row[f"t_{key}"] is not None:
                totals[key] = row[f"t_{key}"]
        return [totals]
    id_fields = [f"{field}_id" for field in by]
    rows = list(activities.values(*id_fields).annotate(**_aliased_totals()))
    objects = {}
    for field in by:
        model = Activity._meta.get_field(field).related_model
        ids = {row[f"{field}_id"] for row in rows if row[f"{field}_id"] is not None}
        objects[field] = model._default_manager.in_bulk(ids) if ids else {}
    result = []
    for row in rows:
        item = _empty_totals()
        for key in TOTAL_KEYS:
            if row[f"t_{key}"] is not None:
                item[key] = row[f"t_{key}"]
        for field in by:
            pk = row[f"{field}_id"]
            item[field] = objects[field].get(pk) if pk is not None else None
            item[f"{field}_id"] = pk
        result.append(item)
    result.sort(key=lambda item: tuple(_sort_key(field, item[field]) for field in by))
    return result


def _sort_key(field, obj):
    if obj is None:
        return (1, 0, "")
    return (0, getattr(obj, "sort_order", 0), tr_sort_key(str(getattr(obj, "name", obj))))


def sum_totals(rows) -> dict:
    """Add up rows of ``activity_totals`` (except the distinct organisation count, which is
    not additive and is left out)."""
    totals = _empty_totals()
    del totals["organisations"]
    for row in rows:
        for key in totals:
            totals[key] += row[key]
    return totals


def indicators_for(*, working_areas=None, active_only=True):
    """Indicators in display order (working area, then their own order), with their working
    area and activity type loaded."""
    qs = Indicator.objects.select_related("working_area", "activity_type")
    if active_only:
        qs = qs.filter(is_active=True)
    if working_areas is not None:
        qs = qs.filter(working_area__in=working_areas)
    return qs.order_by("working_area__sort_order", "working_area__pk", "sort_order", "name")


# --- Services ---------------------------------------------------------------------------------


@transaction.atomic
def indicator_save(*, data: dict, by, indicator: Indicator | None = None) -> Indicator:
    """Define a new indicator or change one (administrators). A manual indicator has no
    activity type."""
    require(by, "indicator.manage")
    indicator = indicator or Indicator()
    for field in INDICATOR_FIELDS:
        if field in data:
            setattr(indicator, field, data[field])
    if indicator.method == M.MANUAL and indicator.activity_type_id is not None:
        raise ValidationError(
            {
                "activity_type": _(
                    "Elle girilen bir gösterge için faaliyet türü seçilmez; boş bırakın."
                )
            }
        )
    indicator.full_clean()
    indicator.save()
    return indicator


def _check_period(year, quarter) -> None:
    errors = {}
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = _("Geçerli bir yıl girin.")
    if quarter not in (1, 2, 3, 4):
        errors["quarter"] = _("Çeyrek 1 ile 4 arasında olmalı.")
    if errors:
        raise ValidationError(errors)


def _clean_value(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        value = Decimal(str(value))
    except ArithmeticError:
        raise ValidationError({"value": _("Bir sayı girin.")}) from None
    if not value.is_finite():
        raise ValidationError({"value": _("Bir sayı girin.")})
    if value < 0:
        raise ValidationError({"value": _("Değer sıfırdan küçük olamaz.")})
    return value


@transaction.atomic
def target_set(*, indicator, province, year: int, quarter: int, value, by) -> Target | None:
    """Set (or, with ``value`` None, remove) the indicator's target in a province for a
    quarter. Coordinators of the province only."""
    require(by, "province.coordinate", province)
    _check_period(year, quarter)
    value = _clean_value(value)
    existing = (
        Target.objects.select_for_update()
        .filter(indicator=indicator, province=province, year=year, quarter=quarter)
        .first()
    )
    if value is None:
        if existing is not None:
            existing.delete()
            audit(
                indicator,
                "portal.indicator.target_set",
                user=by,
                data={"province": province.pk, "year": year, "quarter": quarter, "value": None},
            )
        return None
    if existing is not None and existing.value == value:
        return existing
    target = existing or Target(indicator=indicator, province=province, year=year, quarter=quarter)
    target.value = value
    target.set_by = by
    target.full_clean()
    target.save()
    audit(
        indicator,
        "portal.indicator.target_set",
        user=by,
        data={"province": province.pk, "year": year, "quarter": quarter, "value": str(value)},
    )
    return target


@transaction.atomic
def value_set(
    *, indicator, province, year: int, quarter: int, value, source: str = "", by
) -> IndicatorValue | None:
    """Enter (or, with ``value`` None, remove) the actual value of a MANUAL indicator in a
    province for a quarter that has begun. Coordinators of the province only."""
    require(by, "province.coordinate", province)
    if indicator.method != M.MANUAL:
        raise DomainError(_("Bu gösterge faaliyetlerden hesaplanır; değeri elle girilemez."))
    _check_period(year, quarter)
    if not quarter_has_started(year, quarter):
        raise ValidationError({"quarter": _("Henüz başlamamış bir çeyrek için değer girilemez.")})
    value = _clean_value(value)
    source = (source or "").strip()
    existing = (
        IndicatorValue.objects.select_for_update()
        .filter(indicator=indicator, province=province, year=year, quarter=quarter)
        .first()
    )
    if value is None:
        if existing is not None:
            existing.delete()
            audit(
                indicator,
                "portal.indicator.value_set",
                user=by,
                data={"province": province.pk, "year": year, "quarter": quarter, "value": None},
            )
        return None
    if existing is not None and existing.value == value and existing.source == source:
        return existing
    record = existing or IndicatorValue(
        indicator=indicator, province=province, year=year, quarter=quarter
    )
    record.value = value
    record.source = source
    record.entered_by = by
    record.full_clean()
    record.save()
    audit(
        indicator,
        "portal.indicator.value_set",
        user=by,
        data={
            "province": province.pk,
            "year": year,
            "quarter": quarter,
            "value": str(value),
            "source": source,
        },
    )
    return record
