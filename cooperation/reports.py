"""Quarterly reports (çeyrek raporu) of organisations on the platform.

A report is started for a calendar quarter that has ended, pre-filled with one line per working
area from the organisation's completed activities of that quarter, edited by its owners and
managers, then submitted: from then on it is locked (no service and no page changes it) until a
coordinator of the organisation's province returns it with a reason. Coordinators see which
accredited organisations of their province have reported.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accreditation.models import Organisation
from core.exceptions import DomainError
from core.lifecycle import record_start, transition
from core.permissions import require
from core.text import tr_sort_key

from .indicators import activity_totals, quarter_has_ended
from .models import QuarterlyReport, ReportLine, quarter_bounds

R = QuarterlyReport.Status
NARRATIVE_FIELDS = ("highlights", "challenges", "next_steps")
LINE_FIELDS = (
    "activities",
    "people_reached",
    "services_delivered",
    "participants",
    "volunteers",
    "volunteer_hours",
)
# Report line field ← key of ``indicators.activity_totals``.
LINE_SOURCES = {
    "activities": "activities",
    "people_reached": "people_reached",
    "services_delivered": "services_delivered",
    "participants": "actual_participants",
    "volunteers": "volunteers_involved",
    "volunteer_hours": "volunteer_hours",
}


class ReportLocked(DomainError):
    """The report was submitted; it changes only after a coordinator returns it."""


def _locked_error() -> ReportLocked:
    return ReportLocked(
        _(
            "Gönderilmiş rapor kilitlidir ve değiştirilemez. Düzeltme gerekiyorsa il "
            "koordinatörünüzden raporu geri açmasını isteyin."
        )
    )


def _check_period(year, quarter) -> None:
    errors = {}
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = _("Geçerli bir yıl girin.")
    if quarter not in (1, 2, 3, 4):
        errors["quarter"] = _("Çeyrek 1 ile 4 arasında olmalı.")
    if errors:
        raise ValidationError(errors)
    if not quarter_has_ended(year, quarter):
        raise ValidationError({"quarter": _("Henüz bitmemiş bir çeyrek için rapor verilemez.")})


def computed_lines(*, organisation, year: int, quarter: int) -> list[dict]:
    """The organisation's completed activities of the quarter summed per working area, as
    report line values (``working_area`` plus ``LINE_FIELDS``)."""
    start, end = quarter_bounds(year, quarter)
    rows = activity_totals(
        province=None, organisation=organisation, start=start, end=end, by=("working_area",)
    )
    return [
        {
            "working_area": row["working_area"],
            **{field: row[source] for field, source in LINE_SOURCES.items()},
        }
        for row in rows
    ]


def _write_lines(report, lines) -> None:
    """Replace the report's lines by ``lines`` (working area → values); lines that are all
    zero are dropped."""
    existing = {line.working_area_id: line for line in report.lines.all()}
    keep = set()
    errors = {}
    for working_area, values in lines.items():
        area_id = getattr(working_area, "pk", working_area)
        line = existing.get(area_id) or ReportLine(report=report, working_area_id=area_id)
        for field in LINE_FIELDS:
            value = values.get(field)
            if value is None or value == "":
                value = 0
            setattr(line, field, value)
        for field in LINE_FIELDS:
            try:
                number = Decimal(str(getattr(line, field)))
            except ArithmeticError:
                errors[field] = _("Bir sayı girin.")
                continue
            if number < 0:
                errors[field] = _("Sayılar sıfırdan küçük olamaz.")
        if errors:
            raise ValidationError(errors)
        if not any(Decimal(str(getattr(line, field))) for field in LINE_FIELDS):
            continue
        line.full_clean(exclude=["report"])
        line.save()
        keep.add(area_id)
    report.lines.exclude(working_area_id__in=keep).delete()


@transaction.atomic
def report_start(*, organisation, year: int, quarter: int, by) -> QuarterlyReport:
    """Start the organisation's report for an ended quarter, pre-filled from its completed
    activities. Owners and managers of an accredited organisation only."""
    require(by, "report.edit", QuarterlyReport(organisation=organisation))
    _check_period(year, quarter)
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if QuarterlyReport.objects.filter(
        organisation=organisation, year=year, quarter=quarter
    ).exists():
        raise ValidationError({"quarter": _("Bu çeyrek için bir rapor zaten var.")})
    report = QuarterlyReport(organisation=organisation, year=year, quarter=quarter)
    report.full_clean()
    report.save()
    record_start(report, by=by)
    _write_lines(
        report,
        {
            row["working_area"]: row
            for row in computed_lines(organisation=organisation, year=year, quarter=quarter)
        },
    )
    return report


def _locked_for_update(report) -> QuarterlyReport:
    locked = QuarterlyReport.objects.select_for_update().get(pk=report.pk)
    if locked.is_locked:
        raise _locked_error()
    return locked


@transaction.atomic
def report_update(*, report, data: dict, lines=None, by) -> QuarterlyReport:
    """Save the narrative (``data``: highlights, challenges, next_steps) and, when given, the
    lines (working area → values). Refused once the report is submitted."""
    require(by, "report.edit", report)
    locked = _locked_for_update(report)
    for field in NARRATIVE_FIELDS:
        if field in data:
            setattr(locked, field, (data[field] or "").strip())
    locked.full_clean()
    locked.save(update_fields=list(NARRATIVE_FIELDS))
    if lines is not None:
        _write_lines(locked, lines)
    for field in NARRATIVE_FIELDS:
        setattr(report, field, getattr(locked, field))
    return locked


@transaction.atomic
def report_refill(*, report, by) -> QuarterlyReport:
    """Replace the lines with fresh sums from the activities (e.g. after late entries)."""
    require(by, "report.edit", report)
    locked = _locked_for_update(report)
    _write_lines(
        locked,
        {
            row["working_area"]: row
            for row in computed_lines(
                organisation=locked.organisation, year=locked.year, quarter=locked.quarter
            )
        },
    )
    return locked


def check_submittable(report) -> None:
    """Guard of the submit move: the report says what stood out in the quarter."""
    if not (report.highlights or "").strip():
        raise DomainError(_("Göndermeden önce “Öne çıkanlar” bölümünü doldurun ve kaydedin."))


def report_submit(*, report, by):
    """Submit and lock the report (guard: ``check_submittable``)."""
    if report.is_locked:
        raise _locked_error()
    return transition(report, R.SUBMITTED, by=by)


def report_reopen(*, report, by, note: str):
    """A coordinator of the organisation's province returns a submitted report, with a reason;
    the organisation's owners and managers hear about it by e-mail."""
    change = transition(report, R.DRAFT, by=by, note=note)
    transaction.on_commit(lambda: _notify_reopened(report, change.note))
    return change


def _notify_reopened(report, note: str) -> None:
    from django.urls import reverse
    from django.utils import translation

    from accreditation.models import Membership
    from core.mail import absolute_url, send_templated_mail

    managers = Membership.objects.managing().filter(organisation=report.organisation_id)
    for membership in managers.select_related("user"):
        person = membership.user
        language = person.preferred_language or "tr"
        with translation.override(language):
            url = absolute_url(reverse("report_edit", args=[report.pk]))
        send_templated_mail(
            "cooperation/reports/mail/report_reopened",
            {"person": person, "report": report, "note": note, "url": url},
            to=person.email,
            language=language,
        )


# --- Selectors --------------------------------------------------------------------------------


def reports_visible_to(user, organisations):
    """Reports of ``organisations`` (the caller narrows them to the user's), newest first."""
    return (
        QuarterlyReport.objects.filter(organisation__in=organisations)
        .select_related("organisation", "submitted_by")
        .order_by("-year", "-quarter", "organisation__legal_name", "pk")
    )


STATUS_MISSING = "missing"


def reporting_status(*, province, year: int, quarter: int) -> list[dict]:
    """The organisations accredited today in ``province`` with their report for the quarter:
    rows of ``organisation``, ``report`` (or None) and ``status`` ("submitted", "draft" or
    "missing"), by name. Two queries however many organisations."""
    organisations = list(
        Organisation.objects.accredited().filter(province=province).select_related("district")
    )
    reports = {
        report.organisation_id: report
        for report in QuarterlyReport.objects.filter(
            organisation__in=[o.pk for o in organisations], year=year, quarter=quarter
        ).select_related("submitted_by")
    }
    rows = []
    for organisation in sorted(organisations, key=lambda o: tr_sort_key(o.legal_name)):
        report = reports.get(organisation.pk)
        rows.append(
            {
                "organisation": organisation,
                "report": report,
                "status": report.status if report is not None else STATUS_MISSING,
            }
        )
    return rows


def status_counts(rows) -> dict[str, int]:
    counts = {R.SUBMITTED.value: 0, R.DRAFT.value: 0, STATUS_MISSING: 0}
    for row in rows:
        counts[str(row["status"])] += 1
    return counts
