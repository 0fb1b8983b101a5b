"""What a province coordinator reads about their province (il panosu), and what the quarterly
province report prints.

Selectors only: every figure of results comes from ``cooperation.indicators`` (completed
activities, counted in the quarter they END), so the dashboard, the CSV, the PDF and the
organisations' quarterly reports add up to the same numbers. Each selector answers in a constant
number of queries, however many activities the province has.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import Organisation
from core.text import tr_sort_key
from volunteers.models import HoursLog

from .indicators import (
    TOTAL_KEYS,
    TOTALS,
    activity_totals,
    actual_values,
    completed_activities,
    indicators_for,
    recent_quarters,
    targets,
)
from .models import Activity, QuarterlyReport, quarter_bounds

__all__ = [
    "TREND_QUARTERS",
    "Dashboard",
    "IndicatorRow",
    "ProvinceReport",
    "active_organisations",
    "indicator_rows",
    "open_action_items",
    "province_dashboard",
    "province_report",
    "quarter_label",
    "reporting_summary",
    "trend",
    "volunteering",
]

TREND_QUARTERS = 8
HUNDRED = Decimal(100)


def quarter_label(year: int, quarter: int) -> str:
    """ "2026/3" — short enough for a chart axis, the same in both languages."""
    return f"{year}/{quarter}"


# --- Indicators against targets ---------------------------------------------------------------


@dataclass
class IndicatorRow:
    """One indicator in one quarter. ``actual`` None means no value was entered ("veri yok"),
    ``target`` None that no target was set ("hedef yok"); both differ from zero."""

    indicator: object
    year: int
    quarter: int
    target: Decimal | None
    actual: Decimal | None

    @property
    def percent(self) -> Decimal | None:
        """Share of the target reached, rounded to a whole per cent; None when there is no
        target, no value, or a zero target (a share of nothing is not a number)."""
        if self.target is None or self.actual is None or self.target == 0:
            return None
        return (self.actual * HUNDRED / self.target).quantize(Decimal(1))

    @property
    def working_area(self):
        return self.indicator.working_area


def indicator_rows(*, province, year: int, quarters) -> list[IndicatorRow]:
    """Every active indicator in each of ``quarters`` of ``year``: in indicator display order,
    quarters within. Four queries whatever the number of indicators and activities."""
    indicators = list(indicators_for())
    actual = actual_values(indicators=indicators, province=province, year=year)
    target = targets(indicators=indicators, province=province, year=year)
    return [
        IndicatorRow(
            indicator=indicator,
            year=year,
            quarter=quarter,
            target=target.get((indicator.pk, quarter)),
            actual=actual.get((indicator.pk, quarter)),
        )
        for indicator in indicators
        for quarter in quarters
    ]


def group_by_working_area(rows: list[IndicatorRow]) -> list[dict]:
    """[{"working_area": …, "rows": […]}] keeping the rows' order."""
    groups: list[dict] = []
    for row in rows:
        if not groups or groups[-1]["working_area"].pk != row.indicator.working_area_id:
            groups.append({"working_area": row.working_area, "rows": []})
        groups[-1]["rows"].append(row)
    return groups


# --- Trends -----------------------------------------------------------------------------------


def trend(*, province, until: tuple[int, int], count: int = TREND_QUARTERS) -> list[dict]:
    """People reached, services delivered and completed activities in each of the ``count``
    quarters up to ``until``, oldest first; quarters without activity give zeros. One query."""
    quarters = recent_quarters(count, until=until)
    start = quarter_bounds(*quarters[0])[0]
    end = quarter_bounds(*quarters[-1])[1]
    rows = (
        completed_activities(province=province, start=start, end=end)
        .order_by()
        .annotate(y=ExtractYear("ends_on"), q=ExtractQuarter("ends_on"))
        .values("y", "q")
        # Aliased: an annotation named like a field ("people_reached") would shadow the field
        # for the aggregates after it.
        .annotate(**{f"total_{key}": aggregate for key, aggregate in TOTALS.items()})
    )
    found = {(row["y"], row["q"]): row for row in rows}
    result = []
    for year, quarter in quarters:
        row = found.get((year, quarter), {})
        item = {key: row.get(f"total_{key}") or 0 for key in TOTAL_KEYS}
        item.update(year=year, quarter=quarter, label=quarter_label(year, quarter))
        result.append(item)
    return result


# --- Organisations, volunteers, action items, reports -----------------------------------------


def active_organisations(*, province, start: datetime.date, end: datetime.date) -> list:
    """Organisations with an activity (not cancelled) in the province taking place at some time
    in [start, end], each with ``period_activities``; Turkish alphabetical order. One query."""
    in_period = Q(
        activities__province=province,
        activities__starts_on__lte=end,
        activities__ends_on__gte=start,
        activities__status__in=[
            Activity.Status.PLANNED,
            Activity.Status.ONGOING,
            Activity.Status.COMPLETED,
        ],
    )
    organisations = (
        Organisation.objects.annotate(
            period_activities=Count("activities", filter=in_period, distinct=True)
        )
        .filter(period_activities__gt=0)
        .only("pk", "legal_name", "short_name", "slug")
        .order_by()
    )
    return sorted(organisations, key=lambda org: tr_sort_key(org.display_name))


def volunteering(*, province, start: datetime.date, end: datetime.date, totals: dict) -> dict:
    """Volunteers and volunteer hours the organisations reported on their completed activities
    (from ``totals``, a row of ``activity_totals``) and the volunteering hours volunteers logged
    on the portal in the province and approved by their organisations (one query)."""
    logged = HoursLog.objects.filter(
        province=province,
        status=HoursLog.Status.APPROVED,
        on__gte=start,
        on__lte=end,
    ).aggregate(hours=Sum("hours"), people=Count("person", distinct=True))
    return {
        "activity_volunteers": totals["volunteers_involved"],
        "activity_hours": totals["volunteer_hours"],
        "logged_hours": logged["hours"] or Decimal(0),
        "logged_people": logged["people"] or 0,
    }


def open_action_items(*, province) -> list:
    """Open and in-progress action items of the province's meetings, soonest due first,
    each with ``days_overdue`` (0 when not overdue); ``cooperation.meetings.action_items_for``."""
    from .meetings import action_items_for, overdue_days

    today = timezone.localdate()
    items = list(action_items_for(province=province, open_only=True))
    for item in items:
        item.days_overdue = overdue_days(item, today)
    return items


def reporting_summary(*, province, year: int, quarter: int) -> dict:
    """How many of the province's accredited organisations have submitted, drafted or not
    started their report for the quarter (``cooperation.reports.reporting_status``)."""
    from .reports import reporting_status, status_counts

    rows = reporting_status(province=province, year=year, quarter=quarter)
    counts = dict(status_counts(rows))
    counts["total"] = len(rows)
    return counts


# --- Everything on the dashboard --------------------------------------------------------------


@dataclass
class Dashboard:
    province: object
    year: int
    quarter: int
    start: datetime.date
    end: datetime.date
    totals: dict
    indicator_groups: list[dict]
    trend: list[dict]
    by_working_area: list[dict]
    by_district: list[dict]
    organisations: list
    volunteering: dict
    action_items: list
    reporting: dict
    quarter_ended: bool = True
    overdue_count: int = field(default=0)

    @property
    def label(self) -> str:
        return quarter_label(self.year, self.quarter)


def province_dashboard(*, province, year: int, quarter: int) -> Dashboard:
    """The coordinator dashboard of a province for one quarter, in a constant number of
    queries."""
    start, end = quarter_bounds(year, quarter)
    totals = activity_totals(province=province, start=start, end=end, by=())[0]
    items = open_action_items(province=province)
    return Dashboard(
        province=province,
        year=year,
        quarter=quarter,
        start=start,
        end=end,
        totals=totals,
        indicator_groups=group_by_working_area(
            indicator_rows(province=province, year=year, quarters=[quarter])
        ),
        trend=trend(province=province, until=(year, quarter)),
        by_working_area=activity_totals(
            province=province, start=start, end=end, by=("working_area",)
        ),
        by_district=activity_totals(province=province, start=start, end=end, by=("district",)),
        organisations=active_organisations(province=province, start=start, end=end),
        volunteering=volunteering(province=province, start=start, end=end, totals=totals),
        action_items=items,
        reporting=reporting_summary(province=province, year=year, quarter=quarter),
        quarter_ended=end < timezone.localdate(),
        overdue_count=sum(1 for item in items if item.days_overdue),
    )


# --- The quarterly province report (PDF) ------------------------------------------------------


@dataclass
class ProvinceReport:
    """Everything the PDF prints, plain data: ``cooperation.report_pdf`` only lays it out."""

    province_name: str
    year: int
    quarter: int
    totals: dict
    organisation_count: int
    by_working_area: list[tuple[str, int, int]]  # (working area, people reached, services)
    by_district: list[tuple[str, int, int]]  # (district or "İl geneli", people, services)
    highlights: list[tuple[str, str]]  # (organisation name, text)
    indicators: list[IndicatorRow]
    generated_on: datetime.date
    quarter_ended: bool = True

    @property
    def non_unique_percent(self) -> int | None:
        """Share of people reached counted by activities that may count a person more than
        once, in whole per cent; None when nobody was reached."""
        reached = self.totals["people_reached"]
        if not reached:
            return None
        repeated = reached - self.totals["people_reached_unique"]
        return round(repeated * 100 / reached)


def province_report(*, province, year: int, quarter: int) -> ProvinceReport:
    """The data of the quarterly province report, in the manner of field reports (seed 004):
    people reached with the note on repeated counts, by working area and by district,
    highlights from the submitted quarterly reports of the province's organisations, and the
    indicators against their targets."""
    start, end = quarter_bounds(year, quarter)
    totals = activity_totals(province=province, start=start, end=end, by=())[0]
    reports = (
        QuarterlyReport.objects.filter(
            # Organisations based in the province, and those that completed work there.
            Q(organisation__province=province)
            | Q(
                organisation__in=completed_activities(
                    province=province, start=start, end=end
                ).values("organisation_id")
            ),
            year=year,
            quarter=quarter,
            status=QuarterlyReport.Status.SUBMITTED,
        )
        .exclude(highlights="")
        .select_related("organisation")
        .only("highlights", "organisation__legal_name", "organisation__short_name")
        .order_by()
    )
    highlights = sorted(
        ((report.organisation.display_name, report.highlights.strip()) for report in reports),
        key=lambda pair: tr_sort_key(pair[0]),
    )
    province_wide = _("İl geneli")
    return ProvinceReport(
        province_name=province.name,
        year=year,
        quarter=quarter,
        totals=totals,
        organisation_count=totals["organisations"],
        by_working_area=[
            (row["working_area"].label, row["people_reached"], row["services_delivered"])
            for row in activity_totals(
                province=province, start=start, end=end, by=("working_area",)
            )
        ],
        by_district=[
            (
                row["district"].name if row["district"] else province_wide,
                row["people_reached"],
                row["services_delivered"],
            )
            for row in activity_totals(province=province, start=start, end=end, by=("district",))
        ],
        highlights=highlights,
        indicators=indicator_rows(province=province, year=year, quarters=[quarter]),
        generated_on=timezone.localdate(),
        quarter_ended=end < timezone.localdate(),
    )
