"""Demo: province coordination meetings with their action items, recorded by the province
coordinators through the services.

İstanbul met last month with three accredited organisations and four public institutions;
five action items came out of it (one done, one overdue, one in progress, two open). İzmir met
about six weeks ago with two organisations; two action items. Building twice makes nothing new.
"""

import datetime
import sys

from django.utils import timezone

from accreditation.models import Organisation
from core.lifecycle import transition
from core.models import Province, User

from ..meetings import action_create, meeting_create
from ..models import ActionItem, Indicator, Meeting

I = ActionItem.Status  # noqa: E741

UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
MODA = "Moda Gençlik ve Spor Kulübü Derneği"
EGE = "Ege Yeşil Yaşam Derneği"
BORNOVA = "Bornova Aile ve Gençlik Vakfı"


def _last_month(today: datetime.date) -> datetime.date:
    """The 15th of the month before ``today``'s."""
    first = today.replace(day=1)
    return (first - datetime.timedelta(days=1)).replace(day=15)


def _meetings(today: datetime.date) -> list[dict]:
    istanbul_day = _last_month(today)
    izmir_day = today - datetime.timedelta(days=45)
    return [
        {
            "plate": 34,
            "coordinator": "coordinator@demo.example",
            "organisations": [UMUT, MODA, EGE],
            "data": {
                "title": "İstanbul il koordinasyon toplantısı: okullarda önleme ve aile desteği",
                "held_on": istanbul_day,
                "place": "İl Sağlık Müdürlüğü, Cağaloğlu toplantı salonu",
                "institutions": (
                    "İl Sağlık Müdürlüğü\n"
                    "İl Milli Eğitim Müdürlüğü\n"
                    "Aile ve Sosyal Hizmetler İl Müdürlüğü\n"
                    "Emniyet Narkotik Suçlarla Mücadele Şube Müdürlüğü"
                ),
                "agenda": (
                    "1. Açılış ve bir önceki toplantının kararlarının izlenmesi\n"
                    "2. Kadıköy'de okullara yönelik önleme çalışmalarının ortak takvimi\n"
                    "3. Ailelere yönelik danışmanlık ve yönlendirme (BDB, ALO 191)\n"
                    "4. Çeyrek raporlarının ve göstergelerin değerlendirilmesi\n"
                    "5. Dilek ve öneriler"
                ),
                "minutes": (
                    "İl Sağlık Müdürlüğü, ilin çeyrek göstergelerini sundu: okullarda ulaşılan "
                    "öğrenci sayısı hedefin altında kaldı. Umut Işığı Gençlik ve Dayanışma "
                    "Derneği ile Moda Gençlik ve Spor Kulübü Derneği, Kadıköy'de aynı liselere "
                    "aynı dönemde seminer planladıklarını platformdaki uyarıdan gördüklerini ve "
                    "ortak proje hazırlığına başladıklarını bildirdi. İl Milli Eğitim "
                    "Müdürlüğü, okul ziyaretlerinin tek bir takvimde toplanmasını önerdi. Aile "
                    "ve Sosyal Hizmetler İl Müdürlüğü, aile programlarında bağımlılıkla "
                    "mücadele eden kişilerin yakınlarının Bağımlılık Danışma Birimlerine "
                    "yönlendirilmesinin önemini vurguladı. Ege Yeşil Yaşam Derneği, İzmir'deki "
                    "akran eğitimi deneyimini paylaştı. Emniyet Narkotik Şube, okul çevresi "
                    "güvenliği çalışmalarında STK'larla bilgilendirme toplantısı yapılabileceğini "
                    "belirtti. Hiçbir kişiye ait bilgi görüşülmedi."
                ),
                "decisions": (
                    "1. Kadıköy'deki okul seminerleri İl Milli Eğitim Müdürlüğünün ortak "
                    "takviminde toplanacak.\n"
                    "2. Aile programları için ortak bir yönlendirme broşürü hazırlanacak.\n"
                    "3. Çeyrek raporlarını vermeyen kuruluşlara hatırlatma yapılacak.\n"
                    "4. Akran eğitimi modeli için eğitici eğitimi planlanacak."
                ),
            },
            "items": [
                {
                    "title": "Çeyrek raporunu vermeyen kuruluşlara hatırlatma yapmak",
                    "responsible_institution": "İl Sağlık Müdürlüğü",
                    "due_days": 10,
                    "status": I.DONE,
                    "area": 4,
                },
                {
                    "title": "Kadıköy liselerindeki önleme seminerlerinin ortak takvimini "
                    "yayımlamak",
                    "responsible_institution": "İl Milli Eğitim Müdürlüğü",
                    "partners": [UMUT, MODA],
                    "due_on": today - datetime.timedelta(days=6),
                    "status": I.OPEN,
                    "area": 1,
                },
                {
                    "title": "Aileler için BDB ve ALO 191 yönlendirme broşürünü hazırlamak",
                    "responsible_institution": "Aile ve Sosyal Hizmetler İl Müdürlüğü",
                    "partners": [UMUT],
                    "partner_institutions": "İl Sağlık Müdürlüğü",
                    "due_on": today + datetime.timedelta(days=20),
                    "status": I.IN_PROGRESS,
                    "area": 2,
                },
                {
                    "title": "Okul çevresi güvenliği için STK bilgilendirme toplantısı yapmak",
                    "responsible_institution": "Emniyet Narkotik Suçlarla Mücadele Şube Müdürlüğü",
                    "partners": [MODA],
                    "due_on": today + datetime.timedelta(days=35),
                    "status": I.OPEN,
                    "area": 1,
                },
                {
                    "title": "Akran eğitimi için eğitici eğitimi programını planlamak",
                    "responsible_institution": "İl Sağlık Müdürlüğü",
                    "partners": [UMUT, EGE],
                    "partner_institutions": "İl Milli Eğitim Müdürlüğü",
                    "due_on": today + datetime.timedelta(days=60),
                    "status": I.OPEN,
                    "area": 1,
                },
            ],
        },
        {
            "plate": 35,
            "coordinator": "koordinator.izmir@demo.example",
            "organisations": [EGE, BORNOVA],
            "data": {
                "title": "İzmir il koordinasyon toplantısı: Bornova'da sosyal uyum çalışmaları",
                "held_on": izmir_day,
                "place": "İzmir İl Sağlık Müdürlüğü",
                "institutions": (
                    "İl Sağlık Müdürlüğü\n"
                    "Aile ve Sosyal Hizmetler İl Müdürlüğü\n"
                    "Bornova Kaymakamlığı"
                ),
                "agenda": (
                    "1. Bornova'daki sosyal uyum programlarının durumu\n"
                    "2. Gönüllü ve deneyim mentoru ihtiyacı\n"
                    "3. Gelecek çeyreğin planları"
                ),
                "minutes": (
                    "Ege Yeşil Yaşam Derneği ile Bornova Aile ve Gençlik Vakfı, sosyal uyum "
                    "programlarında gönüllü sayısının arttığını, ancak hafta sonu oturumları "
                    "için eğitmen ihtiyacı olduğunu bildirdi. Bornova Kaymakamlığı, gençlik "
                    "merkezinin salonlarının ortak kullanımını önerdi."
                ),
                "decisions": (
                    "1. Gençlik merkezinin salon takvimi kuruluşlarla paylaşılacak.\n"
                    "2. Gönüllüler için ortak bir tanışma ve eğitim günü düzenlenecek."
                ),
            },
            "items": [
                {
                    "title": "Gençlik merkezi salon takvimini kuruluşlarla paylaşmak",
                    "responsible_institution": "Bornova Kaymakamlığı",
                    "partners": [EGE, BORNOVA],
                    "due_on": today + datetime.timedelta(days=14),
                    "status": I.IN_PROGRESS,
                    "area": 3,
                },
                {
                    "title": "Gönüllüler için ortak tanışma ve eğitim günü düzenlemek",
                    "responsible_institution": "Ege Yeşil Yaşam Derneği",
                    "partners": [BORNOVA],
                    "partner_institutions": "İl Sağlık Müdürlüğü",
                    "due_on": today + datetime.timedelta(days=40),
                    "status": I.OPEN,
                    "area": 3,
                },
            ],
        },
    ]


# How an item reaches its demo status from open, with the note each move leaves.
PATHS = {
    I.OPEN: [],
    I.IN_PROGRESS: [(I.IN_PROGRESS, "")],
    I.DONE: [(I.DONE, "Hatırlatma e-postaları gönderildi; raporların çoğu geldi.")],
}


def _indicator(area_order: int) -> Indicator | None:
    """An indicator of the working area in use, if the reports demo made one."""
    return (
        Indicator.objects.filter(is_active=True, working_area__sort_order=area_order)
        .order_by("sort_order", "pk")
        .first()
    )


def build() -> dict[str, int]:
    today = timezone.localdate()
    made_meetings = made_items = 0
    for spec in _meetings(today):
        coordinator = User.objects.filter(email=spec["coordinator"]).first()
        organisations = {o.legal_name: o for o in Organisation.objects.accredited()}
        if coordinator is None or not all(name in organisations for name in spec["organisations"]):
            sys.stderr.write(
                "Coordination meetings skipped: the demo coordinators and accredited "
                "organisations are not there yet.\n"
            )
            continue
        province = Province.objects.get(code=spec["plate"])
        data = spec["data"]
        meeting = Meeting.objects.filter(province=province, title=data["title"]).first()
        if meeting is None:
            meeting = meeting_create(
                province=province,
                data={**data, "organisations": [organisations[n] for n in spec["organisations"]]},
                by=coordinator,
            )
            made_meetings += 1
        for row in spec["items"]:
            if meeting.action_items.filter(title=row["title"]).exists():
                continue
            due_on = row.get("due_on") or meeting.held_on + datetime.timedelta(days=row["due_days"])
            item = action_create(
                meeting=meeting,
                data={
                    "title": row["title"],
                    "responsible_institution": row["responsible_institution"],
                    "partner_organisations": [organisations[n] for n in row.get("partners", [])],
                    "partner_institutions": row.get("partner_institutions", ""),
                    "due_on": due_on,
                    "indicator": _indicator(row["area"]),
                    "note": "",
                },
                by=coordinator,
            )
            for target, note in PATHS[row["status"]]:
                transition(item, target, by=coordinator, note=note)
            made_items += 1
    return {"coordination_meetings": made_meetings, "action_items": made_items}
