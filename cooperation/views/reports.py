"""Quarterly report pages of organisations, and the coordinators' pages for a province:
targets, hand-entered indicator values and who has reported.

Reports are seen by members of their organisation and the coordinators of its province, and
changed by its owners and managers while in draft; a submitted report is read-only everywhere
(the page shows no form and refuses a POST) until a coordinator returns it. Coordinator pages
answer only to coordinators of that province (``province.coordinate``).
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accreditation.models import Membership
from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.models import Province, StaffRole, WorkingArea
from core.permissions import can, has_role, province_ids_for, require

from .. import indicators as indicator_services
from .. import reports as services
from ..forms.reports import (
    PeriodForm,
    ReasonForm,
    ReportForm,
    ReportStartForm,
    TargetGridForm,
    ValueGridForm,
    YearForm,
    line_forms,
)
from ..models import QUARTERS, Indicator, IndicatorValue, QuarterlyReport
from ..permissions import platform_organisations
from .common import coordinated_province, status_history

R = QuarterlyReport.Status
LIST_PAGE_SIZE = 20
STATUS_PAGE_SIZE = 50


def platform_required(view):
    """Anonymous people sign in first; signed-in people who may not enter the platform are
    refused (403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(request.user, "platform.enter")
        return view(request, *args, **kwargs)

    return wrapper


def _managed_organisations(user):
    """Accredited organisations the user owns or manages (who may start and edit reports)."""
    return (
        platform_organisations(user)
        .filter(
            memberships__user=user,
            memberships__role__in=[Membership.Role.OWNER, Membership.Role.MANAGER],
        )
        .distinct()
        .order_by("legal_name")
    )


def _quarter_label(quarter: int) -> str:
    return str(dict(QUARTERS)[quarter])


# --- Organisations' reports -------------------------------------------------------------------


def _start_form(request, data=None):
    form = ReportStartForm(data, organisations=_managed_organisations(request.user))
    if data is None:
        year, quarter = indicator_services.last_ended_quarter()
        form.initial = {"year": year, "quarter": quarter}
    return form


def _list_page(request, *, start_form=None, status=200):
    organisations = list(platform_organisations(request.user).order_by("legal_name"))
    reports = services.reports_visible_to(request.user, organisations)
    page_obj = Paginator(reports, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    start_form = start_form or _start_form(request)
    year, quarter = indicator_services.last_ended_quarter()
    coordinated = province_ids_for(request.user, StaffRole.COORDINATOR)
    if coordinated is None or has_role(request.user, StaffRole.ADMIN):
        coordinated_provinces = Province.objects.none()  # national roles use the dashboard
    else:
        coordinated_provinces = Province.objects.filter(code__in=coordinated).order_by("code")
    return render(
        request,
        "cooperation/reports/report_list.html",
        {
            "organisations": organisations,
            "page_obj": page_obj,
            "start_form": start_form,
            "can_start": start_form.fields["organisation"].queryset.exists(),
            "last_year": year,
            "last_quarter": quarter,
            "last_quarter_label": _quarter_label(quarter),
            "coordinated_provinces": coordinated_provinces,
        },
        status=status,
    )


@platform_required
def report_list(request):
    """My organisations' reports, newest first, and the form to start one."""
    return _list_page(request)


@platform_required
def report_start(request):
    """Start a report for an ended quarter (POST); GET shows the list with the form."""
    if request.method != "POST":
        return _list_page(request)
    form = _start_form(request, request.POST)
    if not form.is_valid():
        return _list_page(request, start_form=form, status=400)
    chosen = {name: form.cleaned_data[name] for name in ("organisation", "year", "quarter")}
    try:
        report = services.report_start(**chosen, by=request.user)
    except ValidationError as error:
        add_service_errors(form, error)
        if QuarterlyReport.objects.filter(**chosen).exists():
            messages.info(
                request,
                _("Bu çeyreğin raporu zaten var; aşağıdaki listeden açabilirsiniz."),
            )
        return _list_page(request, start_form=form, status=400)
    messages.success(
        request,
        _(
            "Rapor başlatıldı ve faaliyetlerinizden dolduruldu. Rakamları denetleyin, öne "
            "çıkanları yazın ve gönderin."
        ),
    )
    return redirect("report_edit", pk=report.pk)


def _report_for(request, pk: int) -> QuarterlyReport:
    """The report if the person may see it; otherwise 404, so ids reveal nothing."""
    report = get_object_or_404(
        QuarterlyReport.objects.select_related("organisation", "submitted_by"), pk=pk
    )
    if not can(request.user, "report.view", report):
        raise Http404
    return report


def _working_areas_for(report, lines):
    """Active working areas, plus any retired one the report already has a line for."""
    used = {line.working_area_id for line in lines}
    areas = [
        area
        for area in WorkingArea.objects.order_by("sort_order", "pk")
        if area.is_active or area.pk in used
    ]
    return areas


def _report_page(request, report, *, form=None, lines=None, reopen_form=None, status=200):
    saved_lines = list(report.lines.select_related("working_area"))
    editable = not report.is_locked and can(request.user, "report.edit", report)
    computed = {
        row["working_area"].pk: row
        for row in services.computed_lines(
            organisation=report.organisation, year=report.year, quarter=report.quarter
        )
    }
    if editable:
        form = form or ReportForm(
            initial={field: getattr(report, field) for field in services.NARRATIVE_FIELDS}
        )
        lines = lines or line_forms(
            _working_areas_for(report, saved_lines), lines=saved_lines, computed=computed
        )
    moves = {move.target for move in lifecycle_of(QuarterlyReport).available(report, request.user)}
    totals = {
        field: sum(getattr(line, field) for line in saved_lines) for field in services.LINE_FIELDS
    }
    return render(
        request,
        "cooperation/reports/report_edit.html",
        {
            "report": report,
            "quarter_label": _quarter_label(report.quarter),
            "editable": editable,
            "form": form,
            "line_forms": lines,
            "saved_lines": saved_lines,
            "totals": totals,
            "can_submit": R.SUBMITTED in moves,
            "can_reopen": R.DRAFT in moves,
            "reopen_form": reopen_form or ReasonForm(),
            "history": status_history(report),
        },
        status=status,
    )


@platform_required
def report_edit(request, pk: int):
    """The report: an editable form while in draft for owners and managers, read-only
    otherwise. A POST to a submitted report is refused and changes nothing."""
    report = _report_for(request, pk)
    if request.method != "POST":
        return _report_page(request, report)
    if not can(request.user, "report.edit", report):
        raise PermissionDenied
    if report.is_locked:
        messages.error(request, str(services._locked_error()))
        return _report_page(request, report, status=409)
    if request.POST.get("action") == "refill":
        try:
            services.report_refill(report=report, by=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Rakamlar faaliyetlerinizden yeniden hesaplandı."))
        return redirect("report_edit", pk=report.pk)
    saved_lines = list(report.lines.all())
    form = ReportForm(request.POST)
    lines = line_forms(
        _working_areas_for(report, saved_lines), lines=saved_lines, computed={}, data=request.POST
    )
    if not (form.is_valid() and all(line.is_valid() for line in lines)):
        messages.error(request, _("Rapor kaydedilmedi: işaretli alanları düzeltin."))
        return _report_page(request, report, form=form, lines=lines, status=400)
    try:
        services.report_update(
            report=report,
            data=form.cleaned_data,
            lines={line.working_area: line.values() for line in lines},
            by=request.user,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _report_page(request, report, form=form, lines=lines, status=400)
    except DomainError as error:
        messages.error(request, str(error))
        return _report_page(request, report, form=form, lines=lines, status=409)
    if request.POST.get("action") == "submit":
        return _submit(request, report)
    messages.success(request, _("Rapor kaydedildi."))
    return redirect("report_edit", pk=report.pk)


def _submit(request, report):
    try:
        services.report_submit(report=report, by=request.user)
    except (DomainError, PermissionDenied) as error:
        messages.error(
            request, _("Rapor gönderilemedi: %(reason)s") % {"reason": str(error) or _("yetki yok")}
        )
    else:
        messages.success(
            request, _("Rapor gönderildi. Gönderilen rapor kilitlidir; değiştirilemez.")
        )
    return redirect("report_edit", pk=report.pk)


@require_POST
@platform_required
def report_transition(request, pk: int):
    """Submit (owners and managers; the narrative is saved first through ``report_edit``) or
    return for correction (coordinators of the province, with a reason)."""
    report = _report_for(request, pk)
    action = request.POST.get("action", "")
    if action == "submit":
        if not can(request.user, "report.edit", report):
            raise PermissionDenied
        return _submit(request, report)
    if action == "reopen":
        if not can(request.user, "report.reopen", report):
            raise PermissionDenied
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return _report_page(request, report, reopen_form=form, status=400)
        try:
            services.report_reopen(report=report, by=request.user, note=form.cleaned_data["note"])
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Rapor düzeltme için kuruluşa geri açıldı; kuruluşa e-posta gitti.")
            )
        return redirect("report_edit", pk=report.pk)
    messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
    return redirect("report_edit", pk=report.pk)


# --- Coordinators -----------------------------------------------------------------------------


def coordinator_view(view):
    @wraps(view)
    def wrapper(request, plate, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        province = coordinated_province(request, plate)
        return view(request, province, *args, **kwargs)

    return wrapper


def _grid_rows(indicators, values, targets):
    """Indicators grouped by working area for the grids: [(area, [indicator, ...]), ...]."""
    groups = []
    for indicator in indicators:
        if not groups or groups[-1][0].pk != indicator.working_area_id:
            groups.append((indicator.working_area, []))
        groups[-1][1].append(indicator)
    return groups


@coordinator_view
def targets(request, province):
    """Targets of every active indicator for the four quarters of a year, beside the actual
    values so far; an empty box removes a target."""
    period = YearForm(request.GET or None)
    year = period.chosen_year()
    indicators = list(indicator_services.indicators_for())
    saved = indicator_services.targets(indicators=indicators, province=province, year=year)
    form = TargetGridForm(
        request.POST or None, indicators=indicators, initial_values=saved, prefix=None
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            changed = 0
            try:
                for indicator, quarter, value in form.changed_cells():
                    indicator_services.target_set(
                        indicator=indicator,
                        province=province,
                        year=year,
                        quarter=quarter,
                        value=value,
                        by=request.user,
                    )
                    changed += 1
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                if changed:
                    messages.success(request, _("Hedefler kaydedildi."))
                else:
                    messages.info(request, _("Değişiklik yapılmadı."))
                return redirect(f"{reverse('province_targets', args=[province.code])}?year={year}")
        else:
            messages.error(request, _("Hedefler kaydedilmedi: işaretli kutuları düzeltin."))
            status = 400
    actual = indicator_services.actual_values(indicators=indicators, province=province, year=year)
    groups = []
    for area, members in _grid_rows(indicators, actual, saved):
        rows = []
        for indicator in members:
            cells = []
            for quarter in range(1, 5):
                cells.append(
                    {
                        "quarter": quarter,
                        "field": form[f"t-{indicator.pk}-{quarter}"],
                        "actual": actual.get((indicator.pk, quarter)),
                    }
                )
            rows.append({"indicator": indicator, "cells": cells})
        groups.append({"area": area, "rows": rows})
    return render(
        request,
        "cooperation/reports/targets.html",
        {
            "province": province,
            "year": year,
            "period_form": period,
            "form": form,
            "groups": groups,
            "quarters": QUARTERS,
        },
        status=status,
    )


@coordinator_view
def indicator_values(request, province):
    """Values of the indicators entered by hand, for the quarters of a year that have begun."""
    period = YearForm(request.GET or None)
    year = period.chosen_year()
    indicators = [
        i for i in indicator_services.indicators_for() if i.method == Indicator.Method.MANUAL
    ]
    saved = {
        (record.indicator_id, record.quarter): record
        for record in IndicatorValue.objects.filter(
            indicator__in=[i.pk for i in indicators], province=province, year=year
        )
    }
    open_quarters = [q for q in range(1, 5) if indicator_services.quarter_has_started(year, q)]
    form = ValueGridForm(
        request.POST or None,
        indicators=indicators,
        year=year,
        saved=saved,
        open_quarters=open_quarters,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                changed = 0
                for indicator, quarter, value, source in form.changed_cells():
                    indicator_services.value_set(
                        indicator=indicator,
                        province=province,
                        year=year,
                        quarter=quarter,
                        value=value,
                        source=source,
                        by=request.user,
                    )
                    changed += 1
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            except DomainError as error:
                form.add_error(None, str(error))
                status = 400
            else:
                if changed:
                    messages.success(request, _("Gösterge değerleri kaydedildi."))
                else:
                    messages.info(request, _("Değişiklik yapılmadı."))
                return redirect(f"{reverse('indicator_values', args=[province.code])}?year={year}")
        else:
            messages.error(request, _("Değerler kaydedilmedi: işaretli kutuları düzeltin."))
            status = 400
    rows = []
    for indicator in indicators:
        cells = []
        for quarter in range(1, 5):
            if quarter in open_quarters:
                value_field, source_field = form.cell(indicator, quarter)
                cells.append({"quarter": quarter, "value": value_field, "source": source_field})
            else:
                cells.append({"quarter": quarter, "value": None, "source": None})
        rows.append({"indicator": indicator, "cells": cells})
    return render(
        request,
        "cooperation/reports/indicator_values.html",
        {
            "province": province,
            "year": year,
            "period_form": period,
            "form": form,
            "rows": rows,
            "quarters": QUARTERS,
        },
        status=status,
    )


STATUS_FILTERS = [
    (R.SUBMITTED.value, R.SUBMITTED.label),
    (R.DRAFT.value, R.DRAFT.label),
    (services.STATUS_MISSING, gettext_lazy("Rapor yok")),
]


@coordinator_view
def province_reports(request, province):
    """Who has reported for a quarter (default: the last ended one): accredited organisations
    of the province with their report's status."""
    period = PeriodForm(request.GET or None)
    year, quarter = indicator_services.last_ended_quarter()
    if period.is_valid():
        year = period.cleaned_data.get("year") or year
        quarter = period.cleaned_data.get("quarter") or quarter
    rows = services.reporting_status(province=province, year=year, quarter=quarter)
    counts = services.status_counts(rows)
    chosen = request.GET.get("status", "")
    if chosen in {value for value, _label in STATUS_FILTERS}:
        rows = [row for row in rows if row["status"] == chosen]
    else:
        chosen = ""
    page_obj = Paginator(rows, STATUS_PAGE_SIZE).get_page(request.GET.get("page"))
    status_query = request.GET.copy()
    for name in ("page", "status"):
        status_query.pop(name, None)
    status_query["year"], status_query["quarter"] = year, quarter
    return render(
        request,
        "cooperation/reports/province_reports.html",
        {
            "province": province,
            "year": year,
            "quarter": quarter,
            "quarter_label": _quarter_label(quarter),
            "period_form": period,
            "page_obj": page_obj,
            "counts": counts,
            "total": sum(counts.values()),
            "status_filters": [(value, str(label)) for value, label in STATUS_FILTERS],
            "status": chosen,
            "status_query": status_query.urlencode(),
            "future": not indicator_services.quarter_has_ended(year, quarter),
        },
    )
