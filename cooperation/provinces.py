"""Public province figures: the map's measures for all 81 provinces, one province's page, and
loading the official figures (service booklets, population) from files.

Everything here is public. A province's figure is either a number, 0, or "no data" (None);
"no data" is never shown as zero.
"""

from __future__ import annotations

import csv
import datetime
import functools
import json
import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from core.models import Province
from events.models import Event
from volunteers.programs import open_programs

from .formatting import format_number
from .models import Activity, ProvincePopulation, ServiceFigure

SERVICE_FIGURES_FILE = "province_service_stats.json"
POPULATION_FILE = "province_population.csv"
PER_PEOPLE = 100_000
CLASS_COUNT = 5
ACTIVITY_WINDOW_DAYS = 365


@dataclass(frozen=True)
class Measure:
    key: str
    label: str  # column heading and legend title


MEASURES = {
    "organisations": Measure("organisations", _("Akredite kuruluşlar")),
    "activities": Measure("activities", _("Herkese açık faaliyetler (son 12 ay)")),
    "events": Measure("events", _("Yaklaşan etkinlikler")),
    "programs": Measure("programs", _("Açık programlar")),
}


def count_text(measure: str, count: int) -> str:
    """ "3 akredite kuruluş": a count of a measure, as the map's links and labels say it."""
    params = {"count": format_number(count, decimals=0)}
    if measure == "organisations":
        text = ngettext("%(count)s akredite kuruluş", "%(count)s akredite kuruluş", count)
    elif measure == "activities":
        text = ngettext(
            "%(count)s herkese açık faaliyet (son 12 ay)",
            "%(count)s herkese açık faaliyet (son 12 ay)",
            count,
        )
    elif measure == "events":
        text = ngettext("%(count)s yaklaşan etkinlik", "%(count)s yaklaşan etkinlik", count)
    else:
        text = ngettext("%(count)s açık program", "%(count)s açık program", count)
    return text % params


MODES = {
    "total": _("Toplam"),
    "per100k": _("100.000 kişide"),
}
SORTS = ("name", "plate", "population", *MEASURES, "rate")

# Program areas of the service booklets (keys of province_service_stats.json), in the order the
# booklets present them. Unknown keys are shown as they are.
PROGRAM_AREAS = {
    "aile_toplum": _("Aile ve toplum hizmetleri"),
    "bagimlilik": _("Bağımlılıkla mücadele"),
    "afet_psikososyal": _("Afet ve psikososyal destek"),
    "cocuk": _("Çocuk hizmetleri"),
    "kadin": _("Kadın hizmetleri"),
    "engelli": _("Engelli hizmetleri"),
    "yasli": _("Yaşlı hizmetleri"),
    "engelli_yasli": _("Engelli ve yaşlı hizmetleri"),
    "sehit_gazi": _("Şehit yakınları ve gazi hizmetleri"),
    "sosyal_yardim": _("Sosyal yardımlar"),
    "yatirim": _("Yatırımlar"),
}
FIGURE_KINDS = {
    "stock": _("mevcut durum"),
    "cumulative": _("toplam"),
    "annual": _("yıllık"),
}
# Month names for the source line stored with each figure (the booklet's own Turkish title).
TR_MONTHS = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)


# --- Formatting --------------------------------------------------------------------------------


# --- The map and the table ---------------------------------------------------------------------

MAP_FILE = Path(__file__).resolve().parent / "data" / "turkiye-provinces.svg"
_PATH_RE = re.compile(r'<path id="il-(\d+)" data-plate="\d+" d="([^"]+)"/>')


@functools.cache
def map_shapes() -> tuple[str, dict[int, str]]:
    """The shipped map (data/turkiye-provinces.svg, see data/SOURCE.md): its viewBox and each
    province's path by plate code. Read once per process."""
    text = MAP_FILE.read_text(encoding="utf-8")
    view_box = re.search(r'viewBox="([^"]+)"', text).group(1)
    return view_box, {int(plate): shape for plate, shape in _PATH_RE.findall(text)}


@dataclass
class ProvinceRow:
    province: Province
    counts: dict[str, int]
    population: ProvincePopulation | None
    value: Decimal | int | None = None  # the measure shown on the map (None: no data)
    css_class: str = ""
    class_label: str = ""
    label: str = ""  # what the province's link says: "İzmir: 3 akredite kuruluş"
    shape: str = ""  # the SVG path

    def rate(self, measure: str) -> Decimal | None:
        """``measure`` per 100,000 people, one decimal; None without a population figure."""
        if self.population is None:
            return None
        rate = Decimal(self.counts[measure] * PER_PEOPLE) / Decimal(self.population.population)
        return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class LegendClass:
    css_class: str
    label: str
    count: int


@dataclass
class ProvinceMap:
    measure: Measure
    mode: str
    rows: list[ProvinceRow]  # Turkish alphabetical order: the map's (and Tab's) order
    table_rows: list[ProvinceRow] = field(default_factory=list)  # ordered by ``sort``
    legend: list[LegendClass] = field(default_factory=list)
    has_population: bool = False


def _counts_by_province(queryset) -> dict[int, int]:
    return dict(queryset.order_by().values_list("province").annotate(n=Count("pk", distinct=True)))


def province_counts(*, today: datetime.date | None = None) -> dict[str, dict[int, int]]:
    """The four public measures for every province: four grouped queries, whatever the data."""
    today = today or timezone.localdate()
    window_start = today - datetime.timedelta(days=ACTIVITY_WINDOW_DAYS)
    return {
        "organisations": _counts_by_province(Organisation.objects.accredited(on=today)),
        # Public activities that took place (at least partly) in the last twelve months.
        "activities": _counts_by_province(
            Activity.objects.public().filter(starts_on__lte=today, ends_on__gte=window_start)
        ),
        "events": _counts_by_province(Event.objects.upcoming_public()),
        "programs": _counts_by_province(open_programs()),
    }


def province_rows(*, today: datetime.date | None = None) -> list[ProvinceRow]:
    """All 81 provinces in Turkish alphabetical order with their measures and population."""
    counts = province_counts(today=today)
    provinces = Province.objects.select_related("population").alphabetical()
    rows = []
    for province in provinces:
        try:
            population = province.population
        except ProvincePopulation.DoesNotExist:
            population = None
        rows.append(
            ProvinceRow(
                province=province,
                counts={key: counts[key].get(province.code, 0) for key in MEASURES},
                population=population,
            )
        )
    return rows


def quantile_breaks(values: list, classes: int = CLASS_COUNT) -> list:
    """Upper bounds of up to ``classes`` quantile classes of the positive values (zero and
    "no data" have classes of their own). Fewer classes when there are fewer distinct values."""
    positives = sorted(v for v in values if v is not None and v > 0)
    uppers: list = []
    for index in range(1, classes + 1):
        if not positives:
            break
        upper = positives[math.ceil(index * len(positives) / classes) - 1]
        if not uppers or upper > uppers[-1]:
            uppers.append(upper)
    return uppers


def _palette_positions(count: int) -> list[int]:
    """Spread ``count`` classes over the five colours so that few classes stay far apart."""
    if count <= 1:
        return [3] * count
    return [round(1 + index * (CLASS_COUNT - 1) / (count - 1)) for index in range(count)]


def _range_label(low, high, decimals: int) -> str:
    if low == high:
        return format_number(low, decimals=decimals)
    return f"{format_number(low, decimals=decimals)}–{format_number(high, decimals=decimals)}"


def map_label(row: ProvinceRow, *, measure: str, mode: str) -> str:
    name = row.province.name
    if mode == "total":
        return _("%(province)s: %(figure)s") % {
            "province": name,
            "figure": count_text(measure, row.counts[measure]),
        }
    rate = row.rate(measure)
    if rate is None:
        return _("%(province)s: nüfus verisi yok") % {"province": name}
    return _("%(province)s: 100.000 kişide %(value)s (%(measure)s)") % {
        "province": name,
        "value": format_number(rate, decimals=1),
        "measure": MEASURES[measure].label,
    }


def province_map(
    *, measure: str, mode: str, sort: str = "name", today: datetime.date | None = None
) -> ProvinceMap:
    """The map's data: every province's value of ``measure`` ("total" or "per100k"), its class
    and the legend. ``sort`` orders ``rows`` for the table (a leading "-" reverses); the map
    itself uses Turkish alphabetical order so its keyboard order is predictable."""
    chosen = MEASURES[measure]
    rows = province_rows(today=today)
    shapes = map_shapes()[1]
    for row in rows:
        row.value = row.counts[measure] if mode == "total" else row.rate(measure)
        row.shape = shapes.get(row.province.code, "")
        row.label = map_label(row, measure=measure, mode=mode)
    decimals = 0 if mode == "total" else 1
    uppers = quantile_breaks([row.value for row in rows])
    positions = _palette_positions(len(uppers))
    members: dict[int, list] = {index: [] for index in range(len(uppers))}
    for row in rows:
        if row.value is None:
            row.css_class, row.class_label = "map-nodata", str(_("veri yok"))
        elif row.value == 0:
            row.css_class, row.class_label = "map-zero", "0"
        else:
            index = next(i for i, upper in enumerate(uppers) if row.value <= upper)
            members[index].append(row)
            row.css_class = f"map-fill-{positions[index]}"
    legend = [LegendClass("map-zero", "0", sum(1 for r in rows if r.css_class == "map-zero"))]
    for index, group in members.items():
        values = [row.value for row in group]
        label = _range_label(min(values), max(values), decimals) if values else ""
        for row in group:
            row.class_label = label
        legend.append(LegendClass(f"map-fill-{positions[index]}", label, len(group)))
    nodata = sum(1 for row in rows if row.css_class == "map-nodata")
    if mode != "total":
        legend.append(LegendClass("map-nodata", str(_("nüfus verisi yok")), nodata))
    result = ProvinceMap(
        measure=chosen,
        mode=mode,
        rows=rows,
        legend=legend,
        has_population=any(row.population for row in rows),
    )
    result.table_rows = sort_rows(rows, sort, measure=measure)
    return result


def sort_rows(rows: list[ProvinceRow], sort: str, *, measure: str) -> list[ProvinceRow]:
    """Rows ordered by a table column; "no data" always last; ties in alphabetical order."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    alphabetical = list(rows)  # rows come in Turkish alphabetical order from the database
    if key == "name":
        return alphabetical[::-1] if descending else alphabetical
    if key == "plate":
        return sorted(alphabetical, key=lambda row: row.province.code, reverse=descending)

    def value(row: ProvinceRow):
        if key == "population":
            return row.population.population if row.population else None
        if key == "rate":
            return row.rate(measure)
        return row.counts[key]

    known = [row for row in alphabetical if value(row) is not None]
    unknown = [row for row in alphabetical if value(row) is None]
    return sorted(known, key=value, reverse=descending) + unknown


# --- One province ------------------------------------------------------------------------------


@dataclass
class FigureGroup:
    key: str
    label: str
    figures: list[ServiceFigure]


def figure_scope(figure: ServiceFigure) -> str:
    """What a figure counts: a stock today, a total since a year, a yearly figure."""
    if figure.kind == "cumulative" and figure.since_year:
        return _("%(year)s yılından bu yana toplam") % {"year": figure.since_year}
    return str(FIGURE_KINDS.get(figure.kind, figure.kind))


def service_figure_groups(province: Province) -> list[FigureGroup]:
    """The province's booklet figures grouped by program area, in the booklet's order; each
    figure gets ``display_label`` in the current language. One query."""
    english = (get_language() or "tr").startswith("en")
    groups: dict[str, FigureGroup] = {}
    for figure in province.service_figures.order_by("sort_order", "pk"):
        figure.display_label = (figure.label_en if english else figure.label) or figure.label
        figure.display_value = format_number(figure.value)
        figure.scope = figure_scope(figure)
        if figure.program_area not in groups:
            label = PROGRAM_AREAS.get(figure.program_area, figure.program_area)
            groups[figure.program_area] = FigureGroup(figure.program_area, str(label), [])
        groups[figure.program_area].figures.append(figure)
    return list(groups.values())


def public_activities_of(province: Province):
    """Public activities in the province, newest first (part A's selector when it exists)."""
    try:
        from .activities import public_activities
    except ImportError:
        queryset = Activity.objects.public().filter(province=province)
    else:
        queryset = public_activities(province=province)
    return queryset.select_related("organisation", "district", "working_area").order_by(
        "-starts_on", "-pk"
    )


def province_page(province: Province, *, limit: int = 20) -> dict:
    """Everything the public page of a province shows, each in one query."""
    today = timezone.localdate()
    try:
        population = ProvincePopulation.objects.get(province=province)
    except ProvincePopulation.DoesNotExist:
        population = None
    organisations = list(
        Organisation.objects.accredited(on=today)
        .filter(province=province)
        .select_related("district")
        .alphabetical()
    )
    events = list(
        Event.objects.upcoming_public()
        .filter(province=province)
        .select_related("organiser", "province", "district")[:limit]
    )
    programs = list(open_programs().filter(province=province)[:limit])
    activities = list(public_activities_of(province)[:limit])
    return {
        "population": population,
        "organisations": organisations,
        "events": events,
        "programs": programs,
        "activities": activities,
        "figure_groups": service_figure_groups(province),
    }


# --- Loading official figures ------------------------------------------------------------------


def official_data_dir() -> Path:
    """Where the official figures the portal ships with live (``cooperation/data``), unless
    ``PORTAL_OFFICIAL_DATA_DIR`` points elsewhere."""
    return Path(settings.PORTAL_OFFICIAL_DATA_DIR)


def _month(value: str) -> datetime.date:
    """ "2024-05" -> 1 May 2024."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return datetime.date(year, month, 1)
    except (AttributeError, TypeError, ValueError):
        raise ValidationError(
            _("Veri tarihi YYYY-AA biçiminde olmalı: %(value)s"), params={"value": value}
        ) from None


def booklet_source(*, name: str, issue: str, as_of: datetime.date) -> str:
    """The booklet a figure comes from, as its cover names it."""
    return (
        f"Aile ve Sosyal Hizmetler Bakanlığı, {name} İli Bilgilendirme Kitapçığı {issue} "
        f"({TR_MONTHS[as_of.month - 1]} {as_of.year})"
    )


@transaction.atomic
def load_service_figures(path: Path | str | None = None) -> int:
    """Store every metric of ``province_service_stats.json`` for each province it covers,
    matching provinces by plate code. Re-running updates the figures in place. A value the
    booklet does not state (null) stays None. Returns the number of figures stored."""
    path = Path(path) if path else official_data_dir() / SERVICE_FIGURES_FILE
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        provinces_data = data["provinces"]
        metrics = data["metrics"]
    except FileNotFoundError:
        raise ValidationError(_("Dosya bulunamadı: %(path)s"), params={"path": path}) from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise ValidationError(
            _("Dosya okunamadı (%(path)s): %(error)s"), params={"path": path, "error": error}
        ) from None

    plates = {item["plate_code"] for item in provinces_data.values()}
    provinces = Province.objects.in_bulk(plates)
    sources = {}
    for key, item in provinces_data.items():
        province = provinces.get(item["plate_code"])
        if province is None:
            raise ValidationError(
                _("Bilinmeyen plaka kodu: %(code)s"), params={"code": item["plate_code"]}
            )
        as_of = _month(item["as_of"])
        sources[key] = (
            province,
            as_of,
            booklet_source(name=province.name, issue=item["booklet_issue"], as_of=as_of),
        )

    existing = {
        (figure.province_id, figure.key): figure
        for figure in ServiceFigure.objects.filter(province__in=provinces.values())
    }
    stored = 0
    for order, metric in enumerate(metrics, start=1):
        for province_key, raw in metric["values"].items():
            if province_key not in sources:
                raise ValidationError(
                    _("Bilinmeyen il anahtarı: %(key)s"), params={"key": province_key}
                )
            province, as_of, source = sources[province_key]
            figure = existing.get((province.code, metric["key"])) or ServiceFigure(
                province=province, key=metric["key"]
            )
            figure.program_area = metric["program_area"]
            figure.label = metric["label_tr"]
            figure.label_en = metric.get("label_en") or ""
            figure.unit = metric["unit"]
            figure.kind = metric["kind"]
            figure.since_year = metric.get("since_year")
            figure.value = None if raw is None else Decimal(str(raw))
            figure.as_of = as_of
            figure.source = source
            figure.sort_order = order
            figure.full_clean()
            figure.save()
            stored += 1
    return stored


@transaction.atomic
def load_population(path: Path | str) -> int:
    """Store official province populations from a CSV with the columns
    ``plate;population;year;source`` (a header row is allowed). Re-running updates in place.
    Returns the number of provinces stored. Nothing is ever estimated or invented here."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(_("Dosya bulunamadı: %(path)s"), params={"path": path}) from None
    provinces = Province.objects.in_bulk()
    stored = 0
    for number, row in enumerate(csv.reader(text.splitlines(), delimiter=";"), start=1):
        if not row or not "".join(row).strip():
            continue
        if number == 1 and not row[0].strip().isdigit():
            continue  # header
        try:
            plate, population, year, source = (cell.strip() for cell in row)
            province = provinces[int(plate)]
            values = {"population": int(population), "year": int(year), "source": source}
        except (ValueError, KeyError):
            raise ValidationError(
                _("%(number)s. satır okunamadı: plaka;nüfus;yıl;kaynak bekleniyor."),
                params={"number": number},
            ) from None
        record = ProvincePopulation.objects.filter(province=province).first()
        record = record or ProvincePopulation(province=province)
        for name, value in values.items():
            setattr(record, name, value)
        try:
            record.full_clean()
        except ValidationError as error:
            raise ValidationError(
                _("%(number)s. satır: %(error)s"),
                params={"number": number, "error": "; ".join(error.messages)},
            ) from None
        record.save()
        stored += 1
    return stored
