"""The coordinator dashboard of a province (il panosu), its CSV and the quarterly province report
as a PDF.

All three are for the province's coordinators (and administrators) only: ``province.coordinate``
on the province named by its plate code. The quarter is chosen with a GET form, so a view of the
dashboard is a link one coordinator can send to another.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.spreadsheets import csv_response

from ..charts import Series, bar_chart, line_chart
from ..dashboard import indicator_rows, province_dashboard, province_report, quarter_label
from ..indicators import activity_totals, last_ended_quarter, quarter_has_started
from ..models import QUARTERS, quarter_bounds, quarter_of
from ..report_pdf import render_province_report_pdf, report_filename
from .common import coordinated_province

FIRST_YEAR = 2018  # the year of the workshop that asked for the platform


class PeriodForm(forms.Form):
    """The quarter a dashboard shows; a quarter that has not begun has no figures yet."""

    year = forms.TypedChoiceField(label=gettext_lazy("Yıl"), coerce=int)
    quarter = forms.TypedChoiceField(label=gettext_lazy("Çeyrek"), coerce=int, choices=QUARTERS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]
        self.fields["year"].error_messages["invalid_choice"] = _(
            "%(first)s ile %(last)s arasında bir yıl seçin."
        ) % {"first": FIRST_YEAR, "last": this_year}
        self.fields["quarter"].error_messages["invalid_choice"] = _(
            "1 ile 4 arasında bir çeyrek seçin."
        )

    def clean(self):
        data = super().clean()
        year, quarter = data.get("year"), data.get("quarter")
        if year and quarter and not quarter_has_started(year, quarter):
            self.add_error("quarter", _("Bu çeyrek henüz başlamadı; başlamış bir çeyrek seçin."))
        return data


def _period(request) -> tuple[PeriodForm, int, int]:
    """The chosen (year, quarter), or the last ended quarter when nothing (valid) was chosen;
    the form keeps what was typed and its messages."""
    default_year, default_quarter = last_ended_quarter()
    if "year" not in request.GET and "quarter" not in request.GET:
        form = PeriodForm(initial={"year": default_year, "quarter": default_quarter})
        return form, default_year, default_quarter
    form = PeriodForm(request.GET)
    if form.is_valid():
        return form, form.cleaned_data["year"], form.cleaned_data["quarter"]
    return form, default_year, default_quarter


def _charts(data) -> dict:
    language = (get_language() or "tr")[:2]
    labels = [row["label"] for row in data.trend]
    return {
        "trend_people": line_chart(
            chart_id="chart-trend-people",
            title=_("Son 8 çeyrekte ulaşılan kişi ve sunulan hizmet"),
            labels=labels,
            series=[
                Series(_("Ulaşılan kişi"), [row["people_reached"] for row in data.trend]),
                Series(_("Sunulan hizmet"), [row["services_delivered"] for row in data.trend]),
            ],
            language=language,
        ),
        "trend_activities": bar_chart(
            chart_id="chart-trend-activities",
            title=_("Son 8 çeyrekte tamamlanan faaliyet"),
            labels=labels,
            series=[Series(_("Tamamlanan faaliyet"), [row["activities"] for row in data.trend])],
            language=language,
        ),
        "working_areas": bar_chart(
            chart_id="chart-working-areas",
            title=_("Çalışma alanına göre ulaşılan kişi"),
            labels=[row["working_area"].label for row in data.by_working_area],
            series=[
                Series(_("Ulaşılan kişi"), [row["people_reached"] for row in data.by_working_area])
            ],
            language=language,
        )
        if data.by_working_area
        else "",
        "districts": bar_chart(
            chart_id="chart-districts",
            title=_("İlçelere göre ulaşılan kişi"),
            labels=[
                row["district"].name if row["district"] else _("İl geneli")
                for row in data.by_district
            ],
            series=[
                Series(_("Ulaşılan kişi"), [row["people_reached"] for row in data.by_district])
            ],
            language=language,
        )
        if data.by_district
        else "",
    }


@never_cache
@login_required
@require_GET
def dashboard(request, plate: int):
    province = coordinated_province(request, plate)
    form, year, quarter = _period(request)
    data = province_dashboard(province=province, year=year, quarter=quarter)
    query = f"year={year}&quarter={quarter}"
    return render(
        request,
        "cooperation/dashboard/dashboard.html",
        {
            "province": province,
            "form": form,
            "data": data,
            "charts": _charts(data),
            "query": query,
            "current_quarter": (timezone.localdate().year, quarter_of(timezone.localdate())),
        },
    )


def _number(value) -> str:
    """A figure for the spreadsheet: plain digits with a dot for decimals, "" for no data."""
    if value is None:
        return ""
    text = format(value, "f") if not isinstance(value, int) else str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@never_cache
@login_required
@require_GET
def dashboard_csv(request, plate: int):
    """The dashboard's tables: the indicators against targets for every quarter of the year up
    to the chosen one, then people reached and the other sums by working area and by district
    for the chosen quarter."""
    province = coordinated_province(request, plate)
    _form, year, quarter = _period(request)
    start, end = quarter_bounds(year, quarter)
    rows: list[list] = [
        [
            _("Bölüm"),
            _("Çalışma alanı"),
            _("Gösterge"),
            _("Birim"),
            _("Çeyrek"),
            _("Hedef"),
            _("Gerçekleşen"),
        ]
    ]
    for row in indicator_rows(province=province, year=year, quarters=range(1, quarter + 1)):
        rows.append(
            [
                _("Gösterge"),
                row.working_area.label,
                row.indicator.label,
                row.indicator.unit_label,
                quarter_label(row.year, row.quarter),
                _number(row.target),
                _number(row.actual),
            ]
        )
    rows.append([])
    sums = [
        ("activities", _("Tamamlanan faaliyet")),
        ("people_reached", _("Ulaşılan kişi")),
        ("people_reached_unique", _("Tekil sayılan ulaşılan kişi")),
        ("services_delivered", _("Sunulan hizmet")),
        ("actual_participants", _("Gerçekleşen katılımcı")),
        ("volunteers_involved", _("Gönüllü sayısı")),
        ("volunteer_hours", _("Gönüllü saati")),
    ]
    rows.append([_("Bölüm"), _("Grup"), _("Çeyrek"), *[label for _key, label in sums]])
    label = quarter_label(year, quarter)
    for row in activity_totals(province=province, start=start, end=end, by=("working_area",)):
        rows.append(
            [
                _("Çalışma alanı"),
                row["working_area"].label,
                label,
                *[_number(row[key]) for key, _l in sums],
            ]
        )
    for row in activity_totals(province=province, start=start, end=end, by=("district",)):
        rows.append(
            [
                _("İlçe"),
                row["district"].name if row["district"] else _("İl geneli"),
                label,
                *[_number(row[key]) for key, _l in sums],
            ]
        )
    total = activity_totals(province=province, start=start, end=end, by=())[0]
    rows.append([_("Toplam"), province.name, label, *[_number(total[key]) for key, _l in sums]])
    return csv_response(rows, filename=f"il-panosu-{province.slug}-{year}-{quarter}.csv")


@never_cache
@login_required
@require_GET
def province_report_pdf(request, plate: int):
    province = coordinated_province(request, plate)
    _form, year, quarter = _period(request)
    report = province_report(province=province, year=year, quarter=quarter)
    response = HttpResponse(render_province_report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{report_filename(report, province.slug)}"'
    response["Cache-Control"] = "private, no-store"
    return response
