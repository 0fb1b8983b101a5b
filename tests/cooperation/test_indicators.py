"""Indicators: actual values computed from activities, targets, manual values, totals."""

import datetime
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accreditation.factories import OrganisationFactory
from cooperation import indicators as ind
from cooperation.factories import ActivityFactory, IndicatorFactory
from cooperation.models import Activity, Indicator, IndicatorValue, Target
from core.exceptions import DomainError
from core.factories import UserFactory, staff_user
from core.models import ActivityType, District, Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

YEAR = 2025


def _areas():
    return list(WorkingArea.objects.order_by("sort_order", "pk")[:2])


def _done(**kwargs):
    kwargs.setdefault("status", Activity.Status.COMPLETED)
    ends = kwargs.pop("ends_on", datetime.date(YEAR, 2, 10))
    return ActivityFactory(starts_on=ends - datetime.timedelta(days=1), ends_on=ends, **kwargs)


def _random_activities(count, seed=7):
    rng = random.Random(seed)
    areas = _areas()
    orgs = [OrganisationFactory(accredited=True) for _ in range(3)]
    kadikoy = District.objects.get(province_id=34, slug="kadikoy")
    made = []
    for _i in range(count):
        people = rng.choice([None, rng.randint(0, 200)])
        made.append(
            _done(
                organisation=rng.choice(orgs),
                working_area=rng.choice(areas),
                district=rng.choice([None, kadikoy]),
                ends_on=datetime.date(YEAR, rng.randint(1, 12), rng.randint(1, 28)),
                status=rng.choice([Activity.Status.COMPLETED] * 3 + [Activity.Status.ONGOING]),
                people_reached=people,
                people_reached_unique=rng.choice([True, False]),
                services_delivered=rng.choice([None, rng.randint(0, 300)]),
                actual_participants=rng.choice([None, rng.randint(0, 80)]),
                volunteers_involved=rng.choice([None, rng.randint(0, 10)]),
                volunteer_hours=rng.choice([None, Decimal(rng.randint(0, 400)) / 10]),
            )
        )
    # Noise that never counts: another province, another year.
    _done(province=Province.objects.get(code=35), district=None, people_reached=999)
    _done(ends_on=datetime.date(YEAR + 1, 1, 5), people_reached=999)
    return made


def _python_sum(activities, area, quarter, field, unique=None):
    total = 0
    for a in activities:
        if a.status != Activity.Status.COMPLETED or a.working_area_id != area.pk:
            continue
        if a.ends_on.year != YEAR or (a.ends_on.month - 1) // 3 + 1 != quarter:
            continue
        if unique is not None and a.people_reached_unique != unique:
            continue
        total += getattr(a, field) or 0
    return Decimal(total)


def test_computed_values_equal_the_sums_of_the_activities():
    activities = _random_activities(40)
    istanbul = Province.objects.get(code=34)
    area = _areas()[0]
    methods = {
        Indicator.Method.PEOPLE_REACHED: ("people_reached", None),
        Indicator.Method.UNIQUE_PEOPLE_REACHED: ("people_reached", True),
        Indicator.Method.SERVICES: ("services_delivered", None),
        Indicator.Method.PARTICIPANTS: ("actual_participants", None),
        Indicator.Method.VOLUNTEERS: ("volunteers_involved", None),
        Indicator.Method.VOLUNTEER_HOURS: ("volunteer_hours", None),
    }
    made = {m: IndicatorFactory(method=m, working_area=area) for m in methods}
    count = IndicatorFactory(method=Indicator.Method.ACTIVITIES, working_area=area)
    orgs = IndicatorFactory(method=Indicator.Method.ORGANISATIONS, working_area=area)
    values = ind.actual_values(
        indicators=[*made.values(), count, orgs], province=istanbul, year=YEAR
    )
    for quarter in range(1, 5):
        for method, (field, unique) in methods.items():
            expected = _python_sum(activities, area, quarter, field, unique)
            assert values[(made[method].pk, quarter)] == expected, (method, quarter)
        in_quarter = [
            a
            for a in activities
            if a.status == Activity.Status.COMPLETED
            and a.working_area_id == area.pk
            and (a.ends_on.month - 1) // 3 + 1 == quarter
        ]
        assert values[(count.pk, quarter)] == len(in_quarter)
        assert values[(orgs.pk, quarter)] == len({a.organisation_id for a in in_quarter})


def test_indicator_of_one_activity_type_counts_only_that_type():
    types = list(ActivityType.objects.order_by("sort_order", "pk")[:2])
    area = _areas()[0]
    _done(working_area=area, activity_type=types[0], people_reached=10)
    _done(working_area=area, activity_type=types[1], people_reached=5)
    typed = IndicatorFactory(working_area=area, activity_type=types[1])
    all_types = IndicatorFactory(working_area=area)
    values = ind.actual_values(
        indicators=[typed, all_types], province=Province.objects.get(code=34), year=YEAR
    )
    assert values[(typed.pk, 1)] == 5
    assert values[(all_types.pk, 1)] == 15
    assert values[(typed.pk, 2)] == 0


def test_manual_indicator_without_value_is_none_not_zero():
    istanbul = Province.objects.get(code=34)
    manual = IndicatorFactory(method=Indicator.Method.MANUAL)
    IndicatorValue.objects.create(
        indicator=manual, province=istanbul, year=YEAR, quarter=2, value=Decimal("0")
    )
    values = ind.actual_values(indicators=[manual], province=istanbul, year=YEAR)
    assert values[(manual.pk, 1)] is None
    assert values[(manual.pk, 2)] == 0


def test_actual_values_and_targets_take_constant_queries():
    istanbul = Province.objects.get(code=34)
    types = list(ActivityType.objects.order_by("pk")[:1])

    def measure(n):
        indicators = [IndicatorFactory(method=m) for m in ind.MEASURES] + [
            IndicatorFactory(method=Indicator.Method.MANUAL),
            IndicatorFactory(activity_type=types[0]),
        ]
        for _i in range(n):
            _done(people_reached=3)
        with CaptureQueriesContext(connection) as ctx:
            ind.actual_values(indicators=indicators, province=istanbul, year=YEAR)
            ind.targets(indicators=indicators, province=istanbul, year=YEAR)
            ind.activity_totals(
                province=istanbul,
                start=datetime.date(YEAR, 1, 1),
                end=datetime.date(YEAR, 12, 31),
                by=("working_area", "district"),
            )
        return len(ctx.captured_queries)

    assert measure(2) == measure(10) <= 7


def test_activity_totals_by_working_area_and_district_match_python_sums():
    activities = _random_activities(30, seed=3)
    istanbul = Province.objects.get(code=34)
    start, end = datetime.date(YEAR, 4, 1), datetime.date(YEAR, 9, 30)
    rows = ind.activity_totals(province=istanbul, start=start, end=end, by=("district",))
    counted = [
        a for a in activities if a.status == Activity.Status.COMPLETED and start <= a.ends_on <= end
    ]
    by_district = {row["district_id"]: row for row in rows}
    for district_id in {a.district_id for a in counted}:
        mine = [a for a in counted if a.district_id == district_id]
        row = by_district[district_id]
        assert row["activities"] == len(mine)
        assert row["people_reached"] == sum(a.people_reached or 0 for a in mine)
        assert row["people_reached_unique"] == sum(
            a.people_reached or 0 for a in mine if a.people_reached_unique
        )
        assert row["services_delivered"] == sum(a.services_delivered or 0 for a in mine)
        assert row["volunteer_hours"] == sum((a.volunteer_hours or 0) for a in mine)
    # Province-wide activities (no district) come last, as None.
    if None in by_district:
        assert rows[-1]["district"] is None
    total = ind.activity_totals(province=istanbul, start=start, end=end, by=())
    assert total[0]["people_reached"] == sum(a.people_reached or 0 for a in counted)
    assert ind.sum_totals(rows)["people_reached"] == total[0]["people_reached"]


def test_activity_totals_without_activities_is_one_row_of_zeros():
    rows = ind.activity_totals(
        province=34, start=datetime.date(YEAR, 1, 1), end=datetime.date(YEAR, 3, 31), by=()
    )
    assert rows == [
        {
            "activities": 0,
            "people_reached": 0,
            "people_reached_unique": 0,
            "services_delivered": 0,
            "actual_participants": 0,
            "volunteers_involved": 0,
            "volunteer_hours": Decimal("0"),
            "organisations": 0,
        }
    ]


def test_target_set_by_coordinator_and_refused_for_other_province():
    istanbul = Province.objects.get(code=34)
    indicator = IndicatorFactory()
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    ind.target_set(
        indicator=indicator, province=istanbul, year=YEAR, quarter=1, value="120", by=coordinator
    )
    ind.target_set(
        indicator=indicator, province=istanbul, year=YEAR, quarter=1, value="150", by=coordinator
    )
    assert Target.objects.get().value == Decimal("150")
    assert ind.targets(indicators=[indicator], province=istanbul, year=YEAR) == {
        (indicator.pk, 1): Decimal("150")
    }
    with pytest.raises(ValidationError) as error:
        ind.target_set(
            indicator=indicator, province=istanbul, year=YEAR, quarter=2, value=-1, by=coordinator
        )
    assert "value" in error.value.message_dict
    izmir_coordinator = staff_user(StaffRole.COORDINATOR, 35)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        ind.target_set(
            indicator=indicator,
            province=istanbul,
            year=YEAR,
            quarter=1,
            value=1,
            by=izmir_coordinator,
        )
    with pytest.raises(PermissionDenied):
        ind.target_set(
            indicator=indicator, province=istanbul, year=YEAR, quarter=1, value=1, by=UserFactory()
        )
    ind.target_set(
        indicator=indicator, province=istanbul, year=YEAR, quarter=1, value=None, by=coordinator
    )
    assert not Target.objects.exists()


def test_value_set_only_for_manual_indicators_and_started_quarters():
    istanbul = Province.objects.get(code=34)
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    computed = IndicatorFactory()
    manual = IndicatorFactory(method=Indicator.Method.MANUAL)
    with pytest.raises(DomainError):
        ind.value_set(
            indicator=computed, province=istanbul, year=YEAR, quarter=1, value=3, by=coordinator
        )
    future = datetime.date.today().year + 1
    with pytest.raises(ValidationError):
        ind.value_set(
            indicator=manual, province=istanbul, year=future, quarter=1, value=3, by=coordinator
        )
    ind.value_set(
        indicator=manual,
        province=istanbul,
        year=YEAR,
        quarter=3,
        value="12",
        source="İl Sağlık Müdürlüğü",
        by=coordinator,
    )
    value = IndicatorValue.objects.get()
    assert (value.value, value.source, value.entered_by) == (
        Decimal("12"),
        "İl Sağlık Müdürlüğü",
        coordinator,
    )


def test_quarter_helpers():
    assert ind.last_ended_quarter(datetime.date(2026, 11, 21)) == (2026, 3)
    assert ind.last_ended_quarter(datetime.date(2026, 2, 1)) == (2025, 4)
    assert ind.recent_quarters(3, until=(2026, 1)) == [(2025, 3), (2025, 4), (2026, 1)]
    assert ind.quarter_has_ended(2026, 3, today=datetime.date(2026, 10, 1))
    assert not ind.quarter_has_ended(2026, 4, today=datetime.date(2026, 12, 31))
