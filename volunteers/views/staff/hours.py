"""Approved volunteering hours per province, organisation, role and person, on the page
and as a spreadsheet."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from accreditation.models import Organisation
from core.models import Province, User
from core.spreadsheets import csv_response, spreadsheet_safe

from ... import hours
from ...forms.staff import TotalsFilterForm
from ...models import HoursLog, Role, VolunteerProfile
from .common import coordinator_reach, in_reach, provinces_in_reach, staff_nav

TOTALS_SHOWN = 100


def _totals(queryset) -> dict[str, list[dict]]:
    """Approved hours per province, organisation, role and person, with names: a fixed
    number of queries whatever the size."""
    by_province = hours.totals_by("province", queryset)
    by_organisation = hours.totals_by("organisation", queryset)
    by_role = hours.totals_by("match__role", queryset)
    by_person = hours.totals_by("person", queryset)

    provinces = Province.objects.in_bulk([row["province"] for row in by_province])
    organisations = Organisation.objects.in_bulk(
        [row["organisation"] for row in by_organisation if row["organisation"]]
    )
    roles = Role.objects.select_related("program").in_bulk(
        [row["match__role"] for row in by_role if row["match__role"]]
    )
    person_ids = [row["person"] for row in by_person]
    display = dict(
        VolunteerProfile.objects.filter(user_id__in=person_ids).values_list(
            "user_id", "display_name"
        )
    )
    missing = [pk for pk in person_ids if not display.get(pk)]
    if missing:
        display.update(User.objects.filter(pk__in=missing).values_list("pk", "full_name"))

    def row(name, detail, total):
        return {"name": name, "detail": detail, "total": total}

    return {
        "province": [
            row(
                provinces[r["province"]].name if r["province"] in provinces else "—", "", r["total"]
            )
            for r in by_province
        ],
        "organisation": [
            row(
                organisations[r["organisation"]].display_name
                if r["organisation"] in organisations
                else _("Kuruluş dışı (Sosyal Uyum Birimi ya da kurum)"),
                "",
                r["total"],
            )
            for r in by_organisation
        ],
        "role": [
            row(
                roles[r["match__role"]].title if r["match__role"] in roles else _("Etkinlikler"),
                roles[r["match__role"]].program.title if r["match__role"] in roles else "",
                r["total"],
            )
            for r in by_role
        ],
        "person": [row(display.get(r["person"]) or "—", "", r["total"]) for r in by_person],
    }


def _hours_text(total) -> str:
    """5 or 2.5 on every database (SQLite and PostgreSQL sum decimals to different scales)."""
    return f"{Decimal(total).normalize():f}"


TOTAL_GROUPS = ("province", "organisation", "role", "person")


@login_required
def hours_totals(request):
    user = request.user
    reach = coordinator_reach(user)
    provinces = provinces_in_reach(reach)
    params = request.GET.copy()
    wants_csv = params.pop("format", [""])[0] == "csv"
    form = TotalsFilterForm(params or None, provinces=provinces)
    logs = in_reach(HoursLog.objects.all(), reach)
    if form.is_bound and form.is_valid() and form.cleaned_data["province"] is not None:
        logs = logs.filter(province=form.cleaned_data["province"])
    elif form.is_bound and not form.is_valid():
        logs = logs.none()
    totals = _totals(logs)
    labels = {
        "province": _("İl"),
        "organisation": _("Kuruluş"),
        "role": _("Rol"),
        "person": _("Gönüllü"),
    }
    if wants_csv:
        rows = [[_("Grup"), _("Ad"), _("Ayrıntı"), _("Onaylı saat")]]
        for key in TOTAL_GROUPS:
            for item in totals[key]:
                rows.append(
                    [
                        labels[key],
                        spreadsheet_safe(item["name"]),
                        spreadsheet_safe(item["detail"]),
                        _hours_text(item["total"]),
                    ]
                )
        return csv_response(rows, filename="gonullu-saatleri.csv")
    groups = [
        {
            "key": key,
            "label": labels[key],
            "rows": totals[key][:TOTALS_SHOWN],
            "more": max(len(totals[key]) - TOTALS_SHOWN, 0),
        }
        for key in TOTAL_GROUPS
    ]
    csv_params = params.copy()
    csv_params["format"] = "csv"
    return render(
        request,
        "volunteers/staff/hours_totals.html",
        {
            "form": form,
            "groups": groups,
            "csv_query": csv_params.urlencode(),
            "nav": staff_nav(user),
        },
    )
