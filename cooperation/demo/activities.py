"""Demo activities: a year of field work by the five accredited demo organisations in
İstanbul, İzmir and Iğdır, with plans ahead, and two overlapping plans in Kadıköy (Umut Işığı
and Moda Gençlik, same working area and target group, dates that meet) so the overlap warning
shows. Everything goes through ``cooperation.activities``; running it twice makes nothing new.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accreditation.models import Organisation
from core.lifecycle import transition
from core.models import ActivityType, AddictionType, District, Province, TargetGroup, WorkingArea

from ..activities import activity_create
from ..models import Activity
from .activities_data import (
    ACTIVITIES,
    ARAS,
    BORNOVA,
    CHILDREN,
    EGE,
    FAMILIES,
    MODA,
    MONTHS,
    ROUTINE,
    STUDENTS,
    UMUT,
    WOMEN,
    YOUTH,
    S,
)


def routine_months(today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The first and last day of each of the twelve full months before ``today``'s."""
    months = []
    first = today.replace(day=1)
    for _ in range(12):
        last = first - dt.timedelta(days=1)
        first = last.replace(day=1)
        months.append((first, last))
    return list(reversed(months))


def _today() -> dt.date:
    return timezone.localdate()


def _results(total: int, groups: list[str], extra: dict) -> dict:
    """Results that add up: women + men and the four age bands each equal people reached."""
    women = round(total * 0.54)
    if CHILDREN in groups or STUDENTS in groups:
        ages = [round(total * 0.6), total - round(total * 0.6), 0, 0]
    elif YOUTH in groups:
        ages = [round(total * 0.15), round(total * 0.7), 0, 0]
        ages[2] = total - ages[0] - ages[1]
    elif FAMILIES in groups or WOMEN in groups:
        ages = [0, round(total * 0.1), round(total * 0.8), 0]
        ages[3] = total - ages[1] - ages[2]
    else:
        ages = [0, round(total * 0.3), total - round(total * 0.3), 0]
    volunteers, hours = extra.get("volunteers", (max(2, total // 20), None))
    return {
        "planned_participants": extra.get("planned", total + total // 10),
        "actual_participants": total,
        "people_reached": total,
        "people_reached_unique": extra.get("unique", True),
        "services_delivered": extra.get("services", total),
        "reached_women": women,
        "reached_men": total - women,
        "reached_age_0_14": ages[0],
        "reached_age_15_24": ages[1],
        "reached_age_25_64": ages[2],
        "reached_age_65_plus": ages[3],
        "volunteers_involved": volunteers,
        "volunteer_hours": Decimal(hours) if hours else Decimal(volunteers * 4),
    }


def _links(organisation, extra: dict) -> dict:
    from events.models import Event
    from home.models import CampaignPage
    from volunteers.models import Program

    links = {}
    if extra.get("campaign"):
        links["campaign"] = CampaignPage.objects.filter(slug="istesenyeter").first()
    if extra.get("event"):
        links["event"] = Event.objects.filter(slug=extra["event"], organiser=organisation).first()
    if extra.get("program"):
        links["program"] = Program.objects.filter(organisation=organisation).order_by("pk").first()
    return {key: value for key, value in links.items() if value is not None}


def build() -> dict[str, int]:
    """Make the demo activities that are missing; return how many of each kind it made."""
    organisations = {
        org.legal_name: org
        for org in Organisation.objects.filter(legal_name__in=[UMUT, MODA, EGE, BORNOVA, ARAS])
    }
    areas = {area.sort_order: area for area in WorkingArea.objects.all()}
    groups = {group.name: group for group in TargetGroup.objects.all()}
    addictions = {kind.name: kind for kind in AddictionType.objects.all()}
    types = {kind.name: kind for kind in ActivityType.objects.all()}
    made = {"activities": 0, "activities_cancelled": 0, "activities_skipped": 0}
    today = _today()
    for spec in ACTIVITIES:
        name, title, type_name, area, group_names, addiction_names, place = spec[:7]
        offset, length, status, public, reached, extra = spec[7:]
        organisation = organisations.get(name)
        if organisation is None:
            made["activities_skipped"] += 1
            continue
        if Activity.objects.filter(organisation=organisation, title=title).exists():
            continue
        owner = organisation.memberships.filter(role="owner").select_related("user").first()
        if owner is None:
            made["activities_skipped"] += 1
            continue
        plate, district_slug = place
        starts = today + dt.timedelta(days=offset)
        ends = starts + dt.timedelta(days=length)
        if status == S.COMPLETED and ends >= today:
            ends = today - dt.timedelta(days=1)
        data = {
            "title": title,
            "description": extra.get("description", ""),
            "activity_type": types[type_name],
            "working_area": areas[area],
            "province": Province.objects.get(code=plate),
            "district": District.objects.filter(province_id=plate, slug=district_slug).first()
            if district_slug
            else None,
            "venue": extra.get("venue", ""),
            "starts_on": starts,
            "ends_on": ends,
            "status": status,
            "visibility": Activity.Visibility.PUBLIC if public else Activity.Visibility.PLATFORM,
            "target_groups": [groups[g] for g in group_names],
            "addiction_types": [addictions[a] for a in addiction_names],
            "partner_institutions": extra.get("institutions", ""),
            "partner_organisations": [
                organisations[other]
                for key, other in (("partner_moda", MODA), ("partner_ege", EGE))
                if extra.get(key) and other in organisations
            ],
            **_links(organisation, extra),
        }
        if reached is not None:
            data.update(_results(reached, group_names, extra))
        elif "planned" in extra:
            data["planned_participants"] = extra["planned"]
        activity = activity_create(organisation=organisation, data=data, by=owner.user)
        made["activities"] += 1
        if extra.get("cancel"):
            transition(
                activity,
                S.CANCELLED,
                by=owner.user,
                note="Belediye aynı tarihte alanı başka bir etkinliğe verdi; bahar şenliği "
                "bu yıl yapılmayacak.",
            )
            made["activities_cancelled"] += 1
    made["activities"] += _build_routine(organisations, areas, groups, addictions, types, today)
    return made


def _build_routine(organisations, areas, groups, addictions, types, today) -> int:
    made = 0
    for index, spec in enumerate(ROUTINE):
        name, title, type_name, area, group_names, addiction_names, place, typical = spec
        organisation = organisations.get(name)
        owner = (
            organisation.memberships.filter(role="owner").select_related("user").first()
            if organisation
            else None
        )
        if owner is None:
            continue
        plate, district_slug = place
        for month, (first, last) in enumerate(routine_months(today)):
            dated_title = f"{title} ({MONTHS[first.month - 1]} {first.year})"
            if Activity.objects.filter(organisation=organisation, title=dated_title).exists():
                continue
            # A steady figure that varies from month to month, the same on every build.
            reached = max(5, typical + ((month * 7 + index * 5) % 11 - 5) * typical // 10)
            data = {
                "title": dated_title,
                "activity_type": types[type_name],
                "working_area": areas[area],
                "province": Province.objects.get(code=plate),
                "district": District.objects.get(province_id=plate, slug=district_slug),
                "starts_on": first + dt.timedelta(days=7),
                "ends_on": min(first + dt.timedelta(days=20), last),
                "status": S.COMPLETED,
                "visibility": Activity.Visibility.PLATFORM,
                "target_groups": [groups[g] for g in group_names],
                "addiction_types": [addictions[a] for a in addiction_names],
                **_results(reached, group_names, {"services": reached + reached // 2}),
            }
            activity_create(organisation=organisation, data=data, by=owner.user)
            made += 1
    return made
