"""Public province pages: the map of Türkiye with its table, the table as CSV, and one page
per province. Open to everyone; nothing here is platform-only."""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import Province
from core.spreadsheets import csv_response

from .. import provinces
from ..provinces import MEASURES, MODES, SORTS


class MapForm(forms.Form):
    """What the map shows. Read from GET so every view of the map has a shareable address."""

    measure = forms.ChoiceField(
        label=gettext_lazy("Haritada gösterilecek"),
        required=False,
        choices=[(key, measure.label) for key, measure in MEASURES.items()],
        initial="organisations",
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Sayı"),
        required=False,
        choices=list(MODES.items()),
        initial="total",
        widget=forms.RadioSelect,
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, key) for key in SORTS] + [(f"-{key}", key) for key in SORTS],
        widget=forms.HiddenInput,
    )


def _choices(request) -> tuple[MapForm, dict]:
    """The form and the valid choices; anything unreadable falls back to the default, with the
    form's message beside the field."""
    data = {name: request.GET.get(name) for name in ("measure", "mode", "sort")}
    defaults = {"measure": "organisations", "mode": "total", "sort": "name"}
    if not any(data.values()):
        return MapForm(initial=defaults), defaults
    for name in ("measure", "mode"):
        data[name] = data[name] or defaults[name]
    form = MapForm(data)
    form.is_valid()
    chosen = {name: form.cleaned_data.get(name) or defaults[name] for name in defaults}
    return form, chosen


def _sort_links(chosen: dict) -> dict:
    """For each sortable column: the address that sorts by it (again: reversed) and its
    aria-sort state."""
    current = chosen["sort"]
    links = {}
    for key in SORTS:
        if current == key:
            target, state = f"-{key}", "ascending"
        elif current == f"-{key}":
            target, state = key, "descending"
        else:
            # Numbers start with the largest, names and plate codes with the first.
            target = key if key in ("name", "plate") else f"-{key}"
            state = "none"
        links[key] = {
            "query": f"measure={chosen['measure']}&mode={chosen['mode']}&sort={target}",
            "state": state,
        }
    return links


def province_index(request):
    form, chosen = _choices(request)
    data = provinces.province_map(
        measure=chosen["measure"], mode=chosen["mode"], sort=chosen["sort"]
    )
    view_box = provinces.map_shapes()[0]
    return render(
        request,
        "cooperation/provinces/index.html",
        {
            "form": form,
            "chosen": chosen,
            "map": data,
            "view_box": view_box,
            "measures": MEASURES,
            "sort_links": _sort_links(chosen),
            "query": f"measure={chosen['measure']}&mode={chosen['mode']}&sort={chosen['sort']}",
        },
    )


def province_table_csv(request):
    """The table of the map page as a spreadsheet, same choices. Empty cell = no data."""
    _form, chosen = _choices(request)
    data = provinces.province_map(
        measure=chosen["measure"], mode=chosen["mode"], sort=chosen["sort"]
    )
    header = [_("Plaka"), _("İl")]
    header += [str(measure.label) for measure in MEASURES.values()]
    header += [
        _("%(measure)s, 100.000 kişide") % {"measure": measure.label}
        for measure in MEASURES.values()
    ]
    header += [_("Nüfus"), _("Nüfus yılı"), _("Nüfus kaynağı")]
    rows = [header]
    for row in data.table_rows:
        population = row.population
        rows.append(
            [row.province.code, row.province.name]
            + [row.counts[key] for key in MEASURES]
            + [
                "" if row.rate(key) is None else provinces.format_number(row.rate(key), decimals=1)
                for key in MEASURES
            ]
            + (
                [population.population, population.year, population.source]
                if population
                else ["", "", ""]
            )
        )
    return csv_response(rows, filename="il-haritasi.csv")


def province_detail(request, slug: str):
    province = get_object_or_404(Province, slug=slug)
    context = provinces.province_page(province)
    return render(
        request,
        "cooperation/provinces/detail.html",
        {"province": province, **context},
    )
