"""Demo events, built through the sign-up services: a campaign seminar, a full family workshop
with a waitlist, a volunteer shift with an age limit and an invitation-only meeting. Dates are
relative to the day the demo is loaded."""

import datetime as dt

from django.utils import timezone

from accreditation.models import District, Organisation, Province, User

from .models import Event, SignUp
from .services import signup_create

EVENTS = [
    {
        "slug": "istesenyeter-farkindalik-semineri-kadikoy",
        "title": "isteSENyeter Farkındalık Semineri",
        "kind": Event.Kind.SEMINAR,
        "organiser": "Umut Işığı Gençlik ve Dayanışma Derneği",
        "campaign": "istesenyeter",
        "plate": 34,
        "district": "kadikoy",
        "venue": "Kadıköy Gençlik Merkezi, Konferans Salonu",
        "in_days": 10,
        "hours": 2,
        "capacity": 60,
        "description": (
            "Gençler ve aileler için bağımlılıktan korunma semineri. Konuşmacılar: İl Sağlık "
            "Müdürlüğü uzmanı ve bir deneyim mentoru. Etkinlik ücretsizdir."
        ),
        "accessibility": "Salon tekerlekli sandalye ile erişilebilir; işaret dili çevirisi var.",
        "people": ["volunteer@demo.example", "mentor@demo.example"],
    },
    {
        "slug": "aile-atolyesi-ekrani-dengele-konak",
        "title": "Aile Atölyesi: Ekranı Dengele",
        "kind": Event.Kind.WORKSHOP,
        "organiser": "Ege Yeşil Yaşam Derneği",
        "campaign": "ekrani-dengele",
        "plate": 35,
        "district": "konak",
        "venue": "Konak Aile Destek Merkezi",
        "in_days": 41,
        "hours": 3,
        "capacity": 3,
        "description": (
            "Ebeveynler için teknoloji kullanımını dengeleme atölyesi. Küçük grup çalışması "
            "olduğu için kontenjan sınırlıdır; dolduğunda bekleme listesine alınırsınız."
        ),
        "accessibility": "Zemin kat; çocuk oyun alanı var.",
        "people": [
            "ngo@demo.example",
            "volunteer@demo.example",
            "mentor@demo.example",
            "stk.konak@demo.example",
            "stk.karsiyaka@demo.example",
        ],
    },
    {
        "slug": "genclik-merkezi-gonullu-vardiyasi-uskudar",
        "title": "Gençlik Merkezi Gönüllü Vardiyası",
        "kind": Event.Kind.VOLUNTEER_SHIFT,
        "organiser": "Umut Işığı Gençlik ve Dayanışma Derneği",
        "campaign": None,
        "plate": 34,
        "district": "uskudar",
        "venue": "Üsküdar Gençlik Merkezi",
        "in_days": 5,
        "hours": 4,
        "capacity": 8,
        "minimum_age": 18,
        "description": (
            "Hafta sonu spor ve kültür etkinliklerinde gönüllü görevi (18 yaş ve üzeri)."
        ),
        "accessibility": "",
        "people": [],
    },
    {
        "slug": "igdir-il-koordinasyon-toplantisi",
        "title": "Iğdır İl Koordinasyon Toplantısı",
        "kind": Event.Kind.COORDINATION,
        "institution": "Iğdır İl Sağlık Müdürlüğü",
        "campaign": None,
        "plate": 76,
        "district": "merkez",
        "venue": "Iğdır Valiliği Toplantı Salonu",
        "in_days": 20,
        "hours": 2,
        "capacity": 30,
        "audience": Event.Audience.INVITED,
        "description": "Kamu kurumları ve akredite STK'ların üç aylık koordinasyon toplantısı.",
        "accessibility": "",
        "people": [],
    },
]


def build() -> int:
    from home.models import CampaignPage

    made = 0
    for spec in EVENTS:
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue
        province = Province.objects.get(code=spec["plate"])
        day = timezone.localdate() + dt.timedelta(days=spec["in_days"])
        starts_at = timezone.make_aware(dt.datetime.combine(day, dt.time(14, 0)))
        organiser = (
            Organisation.objects.filter(legal_name=spec["organiser"]).first()
            if spec.get("organiser")
            else None
        )
        event = Event(
            slug=spec["slug"],
            title=spec["title"],
            kind=spec["kind"],
            status=Event.Status.PUBLISHED,
            organiser=organiser,
            organiser_institution=spec.get("institution", ""),
            campaign=CampaignPage.objects.filter(
                slug=spec["campaign"], locale__language_code="tr"
            ).first()
            if spec["campaign"]
            else None,
            province=province,
            district=District.objects.filter(province=province, slug=spec["district"]).first(),
            venue=spec["venue"],
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=spec["hours"]),
            capacity=spec["capacity"],
            audience=spec.get("audience", Event.Audience.PUBLIC),
            minimum_age=spec.get("minimum_age"),
            description=spec["description"],
            accessibility=spec["accessibility"],
        )
        if organiser is None and not event.organiser_institution:
            continue  # the organisation is not in this database
        event.full_clean()
        event.save()
        for email in spec["people"]:
            person = User.objects.filter(email=email).first()
            if person is not None:
                signup_create(event=event, person=person)
        made += 1
    return made


def counts() -> dict[str, int]:
    return {"events": Event.objects.count(), "signups": SignUp.objects.count()}
