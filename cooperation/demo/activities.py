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

UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
MODA = "Moda Gençlik ve Spor Kulübü Derneği"
EGE = "Ege Yeşil Yaşam Derneği"
BORNOVA = "Bornova Aile ve Gençlik Vakfı"
ARAS = "Aras Gençlik ve Aile Derneği"

# Working areas by their order: 1 prevention, 2 counselling/treatment, 3 social cohesion,
# 4 communication, monitoring and evaluation.
PREVENTION, TREATMENT, COHESION, MONITORING = 1, 2, 3, 4
YOUTH = "Ergenler ve gençler"
STUDENTS = "Risk altındaki öğrenciler"
FAMILIES = "Aileler"
WOMEN = "Kadınlar"
RECOVERY = "Tedavi veya iyileşme sürecindeki kişiler"
MIGRANTS = "Göçmenler ve mülteciler"
HOST = "Ev sahibi toplum"
SEASONAL = "Mevsimlik tarım işçileri"
STAFF = "Kamu personeli"
CHILDREN = "Çocuklar"

S = Activity.Status

# (organisation, title, activity type, working area, target groups, addiction types,
#  (plate, district slug or None), start offset in days from today, length in days, status,
#  public?, people reached (completed only), extra)
ACTIVITIES = [
    # --- Umut Işığı, İstanbul/Kadıköy ---
    (
        UMUT,
        "Lise öğrencileriyle bağımlılıktan korunma semineri",
        "Farkındalık semineri",
        PREVENTION,
        [YOUTH, STUDENTS],
        ["Madde", "Tütün"],
        (34, "kadikoy"),
        -330,
        0,
        S.COMPLETED,
        True,
        120,
        {"venue": "Kadıköy Anadolu Lisesi konferans salonu", "campaign": True},
    ),
    (
        UMUT,
        "Velilere yönelik dijital bağımlılık atölyesi",
        "Aile programı",
        PREVENTION,
        [FAMILIES],
        ["Teknoloji ve medya"],
        (34, "kadikoy"),
        -270,
        0,
        S.COMPLETED,
        True,
        45,
        {},
    ),
    (
        UMUT,
        "Akran destek gönüllüleri eğitimi",
        "Eğitim",
        COHESION,
        [YOUTH],
        [],
        (34, "kadikoy"),
        -200,
        2,
        S.COMPLETED,
        False,
        24,
        {"volunteers": (6, "36")},
    ),
    (
        UMUT,
        "isteSENyeter farkındalık semineri",
        "Farkındalık semineri",
        PREVENTION,
        [YOUTH, FAMILIES],
        ["Madde"],
        (34, "kadikoy"),
        10,
        0,
        S.PLANNED,
        True,
        None,
        {
            "campaign": True,
            "event": "istesenyeter-farkindalik-semineri-kadikoy",
            "planned": 60,
            "venue": "Kadıköy Gençlik Merkezi, Konferans Salonu",
        },
    ),
    (
        UMUT,
        "İyileşme sürecindeki gençlerle sosyal uyum buluşmaları",
        "Psikososyal destek",
        COHESION,
        [RECOVERY],
        ["Madde", "Alkol"],
        (34, "kadikoy"),
        -90,
        60,
        S.COMPLETED,
        False,
        18,
        {"program": True, "services": 72, "unique": True},
    ),
    (
        UMUT,
        "Okul rehber öğretmenleriyle yönlendirme toplantısı",
        "Yönlendirme",
        TREATMENT,
        [STAFF],
        [],
        (34, None),
        -40,
        0,
        S.COMPLETED,
        False,
        32,
        {"partner_moda": True, "institutions": "İl Milli Eğitim Müdürlüğü, İl Sağlık Müdürlüğü"},
    ),
    (
        UMUT,
        "Kış dönemi okul programı",
        "Okul programı",
        PREVENTION,
        [STUDENTS],
        ["Madde", "Tütün"],
        (34, "uskudar"),
        -20,
        75,
        S.ONGOING,
        True,
        None,
        {},
    ),
    (
        UMUT,
        "Kadıköy'de gençlerle akran önleme atölyeleri",
        "Eğitim",
        PREVENTION,
        [YOUTH],
        ["Madde"],
        (34, "kadikoy"),
        14,
        31,
        S.PLANNED,
        False,
        None,
        {"planned": 60, "venue": "Kadıköy Gençlik Merkezi"},
    ),
    (
        UMUT,
        "Bahar şenliğinde farkındalık standı",
        "Kampanya günü",
        MONITORING,
        [FAMILIES, YOUTH],
        [],
        (34, "kadikoy"),
        120,
        1,
        S.PLANNED,
        True,
        None,
        {"planned": 300, "cancel": True},
    ),
    # --- Moda Gençlik, İstanbul/Kadıköy ---
    (
        MODA,
        "Mahalle futbol turnuvası ve sağlıklı yaşam söyleşisi",
        "Spor",
        PREVENTION,
        [YOUTH],
        ["Madde", "Alkol"],
        (34, "kadikoy"),
        -300,
        2,
        S.COMPLETED,
        True,
        150,
        {"volunteers": (12, "96")},
    ),
    (
        MODA,
        "Gençlerle ekran dengesi atölyesi",
        "Eğitim",
        PREVENTION,
        [YOUTH, STUDENTS],
        ["Teknoloji ve medya"],
        (34, "kadikoy"),
        -210,
        0,
        S.COMPLETED,
        False,
        38,
        {},
    ),
    (
        MODA,
        "Yaz spor okulu",
        "Spor",
        PREVENTION,
        [CHILDREN, YOUTH],
        [],
        (34, "kadikoy"),
        -140,
        40,
        S.COMPLETED,
        True,
        95,
        {"volunteers": (8, "160"), "services": 480, "unique": True},
    ),
    (
        MODA,
        "Sporla sosyal uyum: göçmen ve ev sahibi gençler",
        "Spor",
        COHESION,
        [MIGRANTS, HOST],
        [],
        (34, "kadikoy"),
        -60,
        30,
        S.COMPLETED,
        True,
        64,
        {},
    ),
    (
        MODA,
        "Antrenörlere erken fark etme eğitimi",
        "Eğitim",
        TREATMENT,
        [STAFF],
        ["Madde"],
        (34, "kadikoy"),
        -25,
        0,
        S.COMPLETED,
        False,
        20,
        {},
    ),
    (
        MODA,
        "Moda sahilinde gençlik spor ve önleme buluşmaları",
        "Spor",
        PREVENTION,
        [YOUTH],
        ["Madde", "Tütün"],
        (34, "kadikoy"),
        20,
        30,
        S.PLANNED,
        False,
        None,
        {"planned": 80, "venue": "Moda Sahili spor alanı"},
    ),
    (
        MODA,
        "Kulüp sporcularıyla tütünsüz yaşam kampanyası",
        "Kampanya günü",
        PREVENTION,
        [STUDENTS],
        ["Tütün"],
        (34, "kadikoy"),
        -5,
        12,
        S.ONGOING,
        True,
        None,
        {},
    ),
    (
        MODA,
        "Veli-sporcu iletişim seminerleri",
        "Aile programı",
        PREVENTION,
        [FAMILIES],
        [],
        (34, "kadikoy"),
        75,
        1,
        S.PLANNED,
        False,
        None,
        {"planned": 40},
    ),
    # --- Ege Yeşil Yaşam, İzmir/Bornova ---
    (
        EGE,
        "Üniversite kampüsünde alkol ve madde farkındalık günü",
        "Kampanya günü",
        PREVENTION,
        [YOUTH],
        ["Alkol", "Madde"],
        (35, "bornova"),
        -320,
        0,
        S.COMPLETED,
        True,
        210,
        {},
    ),
    (
        EGE,
        "Doğa yürüyüşleriyle iyileşme destek grubu",
        "Psikososyal destek",
        COHESION,
        [RECOVERY],
        ["Madde", "Alkol"],
        (35, "bornova"),
        -250,
        90,
        S.COMPLETED,
        False,
        22,
        {"services": 132, "unique": True, "volunteers": (4, "120")},
    ),
    (
        EGE,
        "Okullarda kumar ve şans oyunları farkındalık oturumları",
        "Okul programı",
        PREVENTION,
        [STUDENTS],
        ["Kumar"],
        (35, "karsiyaka"),
        -160,
        14,
        S.COMPLETED,
        True,
        340,
        {},
    ),
    (
        EGE,
        "Kadınlarla bağımlılık ve aile içi destek atölyesi",
        "Aile programı",
        PREVENTION,
        [WOMEN, FAMILIES],
        ["Madde", "Alkol"],
        (35, "bornova"),
        -100,
        0,
        S.COMPLETED,
        False,
        35,
        {},
    ),
    (
        EGE,
        "İzmir il geneli önleme çalışmaları izleme raporu",
        "Eğitim",
        MONITORING,
        [STAFF],
        [],
        (35, None),
        -70,
        10,
        S.COMPLETED,
        False,
        15,
        {},
    ),
    (
        EGE,
        "Mevsimlik tarım işçileri ailelerine ev ziyaretleri",
        "Ev ziyareti",
        COHESION,
        [SEASONAL, FAMILIES],
        [],
        (35, "bornova"),
        -10,
        45,
        S.ONGOING,
        False,
        None,
        {},
    ),
    (
        EGE,
        "Bahar dönemi okul programı",
        "Okul programı",
        PREVENTION,
        [STUDENTS],
        ["Madde"],
        (35, "bornova"),
        60,
        60,
        S.PLANNED,
        True,
        None,
        {"planned": 250},
    ),
    # --- Bornova Aile ve Gençlik Vakfı, İzmir/Bornova ---
    (
        BORNOVA,
        "Aile danışmanlığı ve yönlendirme günleri",
        "Yönlendirme",
        TREATMENT,
        [FAMILIES],
        ["Madde"],
        (35, "bornova"),
        -290,
        30,
        S.COMPLETED,
        False,
        48,
        {"services": 96, "unique": True, "institutions": "Aile ve Sosyal Hizmetler İl Müdürlüğü"},
    ),
    (
        BORNOVA,
        "Gençlik merkezinde tiyatro atölyesi",
        "Kültür ve sanat",
        COHESION,
        [YOUTH],
        [],
        (35, "bornova"),
        -180,
        60,
        S.COMPLETED,
        True,
        30,
        {},
    ),
    (
        BORNOVA,
        "Gençlere istihdam hazırlık kursu",
        "İstihdam desteği",
        COHESION,
        [YOUTH, RECOVERY],
        [],
        (35, "bornova"),
        -120,
        30,
        S.COMPLETED,
        False,
        16,
        {"partner_ege": True},
    ),
    (
        BORNOVA,
        "Ebeveynlere ergenlikte risk belirtileri semineri",
        "Farkındalık semineri",
        PREVENTION,
        [FAMILIES],
        ["Madde", "Teknoloji ve medya"],
        (35, "buca"),
        -45,
        0,
        S.COMPLETED,
        True,
        70,
        {},
    ),
    (
        BORNOVA,
        "Bornova mahallelerinde aile ziyaretleri",
        "Ev ziyareti",
        PREVENTION,
        [FAMILIES, CHILDREN],
        [],
        (35, "bornova"),
        -15,
        60,
        S.ONGOING,
        False,
        None,
        {},
    ),
    (
        BORNOVA,
        "Kış okulu: gençlerle kültür ve sanat",
        "Kültür ve sanat",
        COHESION,
        [YOUTH],
        [],
        (35, "bornova"),
        40,
        30,
        S.PLANNED,
        False,
        None,
        {"planned": 35},
    ),
    # --- Aras Gençlik ve Aile, Iğdır/Merkez ---
    (
        ARAS,
        "Köy okullarında bağımlılıktan korunma eğitimleri",
        "Okul programı",
        PREVENTION,
        [STUDENTS, CHILDREN],
        ["Madde", "Tütün"],
        (76, "merkez"),
        -310,
        20,
        S.COMPLETED,
        True,
        260,
        {"institutions": "İl Milli Eğitim Müdürlüğü"},
    ),
    (
        ARAS,
        "Sınır kentinde göçmen ailelerle uyum buluşmaları",
        "Aile programı",
        COHESION,
        [MIGRANTS, FAMILIES],
        [],
        (76, "merkez"),
        -230,
        45,
        S.COMPLETED,
        False,
        56,
        {},
    ),
    (
        ARAS,
        "Gençlerle güreş ve spor etkinliği",
        "Spor",
        PREVENTION,
        [YOUTH],
        [],
        (76, "merkez"),
        -170,
        1,
        S.COMPLETED,
        True,
        110,
        {"volunteers": (9, "54")},
    ),
    (
        ARAS,
        "Kadın muhtarlar ve kadınlarla farkındalık toplantısı",
        "Farkındalık semineri",
        PREVENTION,
        [WOMEN],
        ["Madde", "Kumar"],
        (76, None),
        -110,
        0,
        S.COMPLETED,
        False,
        42,
        {},
    ),
    (
        ARAS,
        "Iğdır'da teknoloji bağımlılığı veli seminerleri",
        "Aile programı",
        PREVENTION,
        [FAMILIES],
        ["Teknoloji ve medya"],
        (76, "merkez"),
        -50,
        7,
        S.COMPLETED,
        True,
        88,
        {},
    ),
    (
        ARAS,
        "Gençlik merkezinde psikososyal destek saatleri",
        "Psikososyal destek",
        TREATMENT,
        [YOUTH],
        [],
        (76, "merkez"),
        -30,
        90,
        S.ONGOING,
        False,
        None,
        {},
    ),
    (
        ARAS,
        "Okullar arası sağlıklı yaşam bilgi yarışması",
        "Kampanya günü",
        MONITORING,
        [STUDENTS],
        [],
        (76, "merkez"),
        50,
        1,
        S.PLANNED,
        True,
        None,
        {"planned": 200},
    ),
]


# Routine monthly work of each organisation over the last twelve full months, so dashboards and
# quarterly reports show a year of results: (organisation, title, activity type, working area,
# target groups, addiction types, (plate, district slug), people reached in a typical month).
ROUTINE = [
    (
        UMUT,
        "Aylık akran destek buluşması",
        "Psikososyal destek",
        COHESION,
        [YOUTH, RECOVERY],
        ["Madde"],
        (34, "kadikoy"),
        35,
    ),
    (
        UMUT,
        "Okullarda önleme oturumları",
        "Okul programı",
        PREVENTION,
        [STUDENTS],
        ["Tütün", "Teknoloji ve medya"],
        (34, "kadikoy"),
        120,
    ),
    (
        MODA,
        "Gençlik spor akşamları",
        "Spor",
        PREVENTION,
        [YOUTH],
        ["Madde", "Alkol"],
        (34, "kadikoy"),
        60,
    ),
    (
        EGE,
        "Aile danışma günü",
        "Aile programı",
        PREVENTION,
        [FAMILIES],
        ["Teknoloji ve medya"],
        (35, "bornova"),
        45,
    ),
    (
        BORNOVA,
        "Ev ziyaretleriyle aile desteği",
        "Ev ziyareti",
        COHESION,
        [FAMILIES, RECOVERY],
        ["Madde", "Alkol"],
        (35, "bornova"),
        25,
    ),
    (
        ARAS,
        "Gençlik merkezinde önleme atölyesi",
        "Eğitim",
        PREVENTION,
        [YOUTH, MIGRANTS],
        ["Madde", "Tütün"],
        (76, "merkez"),
        40,
    ),
]
MONTHS = [
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
]


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
