"""Demo events, built through the portal's services so each state was reached the way people
reach it: sign-ups through ``signup_create`` (for past events, with the clock set to before
them), attendance through the organiser's check-in service, certificates through the
participation service, workshop registrations through the registration form's service.

Upcoming and past events in İstanbul, İzmir, Iğdır and Ankara: a campaign seminar, a full
family training with a waitlist, a volunteer shift with two shifts and an age limit, an online
training, an invitation-only coordination meeting, a film day whose registration is not open
yet, a two-day workshop modelled on the 2018 isteSENyeter workshop with its four working groups
and registrations, and past events with attendance, volunteer hours and certificates. Dates are
relative to the day the demo is loaded."""

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from accreditation.models import Organisation
from core.demo import person
from core.models import (
    District,
    Province,
    RoleAssignment,
    StaffRole,
    StatusChange,
    TargetGroup,
    User,
    WorkingArea,
)

from .attendance import attendance_mark
from .models import Event, EventSession, SignUp, WorkshopRegistration
from .organising import GroupRow, SessionRow, event_publish, event_save
from .participation import participation_certificate_issue
from .signups import signup_cancel, signup_create
from .workshops import workshop_groups_auto_assign, workshop_register

# People who come to events (the volunteers app gives them profiles later).
PEOPLE = [
    ("gonullu.zeynep@demo.example", "Zeynep Kılıç"),
    ("gonullu.emre@demo.example", "Emre Yalçın"),
    ("gonullu.hatice@demo.example", "Hatice Demir"),
    ("gonullu.baran@demo.example", "Baran Aktaş"),
    ("gonullu.irem@demo.example", "İrem Şahin"),
    ("gonullu.murat@demo.example", "Murat Özdemir"),
]

UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
EGE = "Ege Yeşil Yaşam Derneği"

# The 2018 workshop's four working groups (seed 000, "Çalıştay formatı"), 12–18 people each.
WORKSHOP_GROUPS = [
    ("Koruyucu ve Önleyici Hizmetler", "Okul, aile ve mahalle temelli önleme çalışmaları."),
    (
        "Danışmanlık, Arındırma, Tedavi ve Rehabilitasyon Hizmetleri",
        "Danışma birimlerine erişim, tedavi sonrası izlem ve rehabilitasyon.",
    ),
    ("Sosyal Uyum Hizmetleri", "İş, eğitim ve sosyal yaşama yeniden katılım; deneyim mentorluğu."),
    (
        "İletişim, İzleme ve Değerlendirme",
        "Damgalamayan dil, kampanya iletişimi, göstergeler ve etki analizi.",
    ),
]

WORKSHOP_REGISTRATIONS = [
    # email, institution, type, authorised person, representatives, group (1-based), areas
    ("ngo@demo.example", UMUT, "ngo", "Ayşe Yılmaz", 2, 1, [1, 3]),
    (
        "stk.kadikoy@demo.example",
        "Kadıköy Aile Destek Derneği",
        "ngo",
        "Ozan Çetin",
        3,
        1,
        [1],
    ),
    (
        "degerlendirici2@demo.example",
        "Kadıköy İlçe Sağlık Müdürlüğü",
        "public",
        "Dr. Selin Arslan",
        2,
        2,
        [2],
    ),
    (
        "stk.uskudar@demo.example",
        "Üsküdar Spor ve Kültür Derneği",
        "ngo",
        "Derya Koç",
        2,
        3,
        [],
    ),
    ("mentor@demo.example", "Deneyim katılımcısı", "experience", "—", 1, 3, [3]),
    (
        "stk.fatih@demo.example",
        "Fatih Gönüllüleri Derneği",
        "ngo",
        "Yusuf Aydoğan",
        2,
        4,
        [4],
    ),
]


def _at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


EVENTS = [
    {
        "slug": "istesenyeter-farkindalik-semineri-kadikoy",
        "title": "isteSENyeter Farkındalık Semineri",
        "kind": Event.Kind.SEMINAR,
        "organiser": UMUT,
        "campaign": "istesenyeter",
        "area": 1,
        "group": "Ergenler ve gençler",
        "plate": 34,
        "district": "kadikoy",
        "venue": "Kadıköy Gençlik Merkezi, Konferans Salonu",
        "start": (10, 14),
        "hours": 2,
        "capacity": 60,
        "description": (
            "Gençler ve aileler için bağımlılıktan korunma semineri. Konuşmacılar: İl Sağlık "
            "Müdürlüğü uzmanı ve bir deneyim mentoru. Etkinlik ücretsizdir."
        ),
        "accessibility": "Salon tekerlekli sandalye ile erişilebilir; işaret dili çevirisi var.",
        "people": ["volunteer@demo.example", "mentor@demo.example", "gonullu.zeynep@demo.example"],
    },
    {
        "slug": "aile-atolyesi-ekrani-dengele-konak",
        "title": "Aile Atölyesi: Ekranı Dengele",
        "kind": Event.Kind.TRAINING,
        "organiser": EGE,
        "campaign": "ekrani-dengele",
        "area": 1,
        "group": "Aileler",
        "plate": 35,
        "district": "konak",
        "venue": "Konak Aile Destek Merkezi",
        "start": (41, 14),
        "hours": 3,
        "capacity": 3,
        "description": (
            "Ebeveynler için teknoloji kullanımını dengeleme atölyesi. Küçük grup çalışması "
            "olduğu için kontenjan sınırlıdır; dolduğunda bekleme listesine alınırsınız."
        ),
        "accessibility": "Zemin kat; çocuk oyun alanı var.",
        # Three places, so the last two wait; the demo volunteer is first in the queue.
        "people": [
            "ngo@demo.example",
            "gonullu.hatice@demo.example",
            "mentor@demo.example",
            "volunteer@demo.example",
            "stk.konak@demo.example",
        ],
    },
    {
        "slug": "genclik-merkezi-gonullu-vardiyasi-uskudar",
        "title": "Gençlik Merkezi Gönüllü Vardiyası",
        "kind": Event.Kind.VOLUNTEER_SHIFT,
        "organiser": UMUT,
        "area": 3,
        "group": "Ergenler ve gençler",
        "plate": 34,
        "district": "uskudar",
        "venue": "Üsküdar Gençlik Merkezi",
        "start": (5, 9),
        "hours": 8.5,
        "capacity": 8,
        "minimum_age": 18,
        "description": (
            "Hafta sonu spor ve kültür etkinliklerinde karşılama, yönlendirme ve atölye desteği. "
            "Sabah ya da öğleden sonra vardiyasını seçin (18 yaş ve üzeri)."
        ),
        "accessibility": "Bina asansörlü; vardiya ayakta geçen görevler içerir.",
        "shifts": [("Sabah vardiyası", 0, 4, 4), ("Öğleden sonra vardiyası", 4.5, 8.5, 4)],
        "shift_people": [
            ("gonullu.emre@demo.example", 0),
            ("gonullu.baran@demo.example", 0),
            ("gonullu.irem@demo.example", 1),
        ],
    },
    {
        "slug": "deneyim-mentorlugu-tanitim-egitimi-cevrim-ici",
        "title": "Deneyim Mentorluğu Tanıtım Eğitimi (çevrim içi)",
        "kind": Event.Kind.TRAINING,
        "organiser": UMUT,
        "area": 3,
        "group": "Tedavi veya iyileşme sürecindeki kişiler",
        "plate": 6,
        "district": None,
        "venue": "",
        "online_url": "https://toplanti.example.org/deneyim-mentorlugu",
        "start": (15, 19),
        "hours": 2,
        "capacity": 100,
        "approval": Event.Approval.ORGANISER,
        "description": (
            "Sosyal Uyum Birimlerinde deneyim mentoru olmak isteyenler için tanıtım eğitimi: "
            "görevler, eğitim saatleri ve yetkinlik belgesi süreci. Katılım bağlantısı kaydı "
            "onaylananlara gösterilir."
        ),
        "accessibility": "Canlı altyazı açık; kayıt sonradan paylaşılmaz.",
        "people": ["gonullu.murat@demo.example"],
    },
    {
        "slug": "igdir-il-koordinasyon-toplantisi",
        "title": "Iğdır İl Koordinasyon Toplantısı",
        "kind": Event.Kind.COORDINATION,
        "institution": "Iğdır İl Sağlık Müdürlüğü",
        "plate": 76,
        "district": "merkez",
        "venue": "Iğdır Valiliği Toplantı Salonu",
        "start": (20, 10),
        "hours": 2,
        "capacity": 30,
        "audience": Event.Audience.INVITED,
        "description": "Kamu kurumları ve akredite STK'ların üç aylık koordinasyon toplantısı.",
        "accessibility": "",
    },
    {
        "slug": "sinema-gunu-umut-uzerine-karsiyaka",
        "title": "Sinema Günü: Umut Üzerine",
        "kind": Event.Kind.CULTURAL,
        "organiser": EGE,
        "area": 3,
        "group": "Ev sahibi toplum",
        "plate": 35,
        "district": "karsiyaka",
        "venue": "Karşıyaka Kültür Merkezi",
        "start": (25, 18),
        "hours": 3,
        "capacity": 120,
        "opens_in_days": 3,
        "description": (
            "İyileşme ve dayanışma üzerine bir film gösterimi ve ardından söyleşi. "
            "Kayıtlar üç gün sonra açılır."
        ),
        "accessibility": "Sesli betimleme ve Türkçe altyazı.",
    },
    {
        "slug": "istanbul-bagimlilikla-mucadele-calistayi-istesenyeter",
        "title": "İstanbul Bağımlılıkla Mücadele Çalıştayı: isteSENyeter",
        "kind": Event.Kind.WORKSHOP,
        "institution": "İstanbul İl Sağlık Müdürlüğü",
        "campaign": "istesenyeter",
        "area": 4,
        "group": "Kamu personeli",
        "plate": 34,
        "district": "fatih",
        "venue": "İstanbul Valiliği Konferans Salonu",
        "start": (45, 9),
        "hours": 32,  # two days, 09:00 to 17:00 the next day
        "capacity": 72,
        "description": (
            "2018 isteSENyeter çalıştayı örneğinde iki günlük çalıştay. İlk gün kamu "
            "kurumlarının yıllık faaliyet sunumu ve İstanbul Bağımlılıkla Mücadele Stratejisi; "
            "ardından dört çalışma grubunda “Fikir Tepsisi” yöntemiyle üç oturum, ikinci gün "
            "tüm grupların ortak değerlendirme oturumu. Kurumlar temsilci sayısını ve tercih "
            "ettikleri çalışma grubunu kayıt formunda belirtir; dağılımı koordinasyon ekibi yapar."
        ),
        "accessibility": "Salon erişilebilir; işaret dili çevirmeni istek üzerine.",
        "workshop": True,
    },
    # Past events: attendance taken, hours credited, certificates issued.
    {
        "slug": "bahar-senligi-bilgilendirme-standi-gonullu-vardiyasi-izmir",
        "title": "Bahar Şenliği Bilgilendirme Standı: Gönüllü Vardiyası",
        "kind": Event.Kind.VOLUNTEER_SHIFT,
        "organiser": EGE,
        "area": 1,
        "group": "Ergenler ve gençler",
        "plate": 35,
        "district": "bornova",
        "venue": "Bornova Aşık Veysel Rekreasyon Alanı",
        "start": (-14, 10),
        "hours": 5,
        "capacity": 6,
        "minimum_age": 18,
        "description": "Şenlikte önleme broşürleri ve ALO 191 bilgilendirmesi için stand görevi.",
        "accessibility": "Açık alan; gölgelik ve oturma yeri var.",
        "people": [
            "volunteer@demo.example",
            "gonullu.hatice@demo.example",
            "gonullu.irem@demo.example",
            "gonullu.murat@demo.example",
        ],
        "attended": 3,  # the first three came; the last did not
    },
    {
        "slug": "genclik-spor-senligi-igdir",
        "title": "Gençlik Spor Şenliği",
        "kind": Event.Kind.SPORTS,
        "institution": "Iğdır Gençlik ve Spor İl Müdürlüğü",
        "area": 1,
        "group": "Ergenler ve gençler",
        "plate": 76,
        "district": "merkez",
        "venue": "Iğdır Şehir Stadyumu",
        "start": (-30, 10),
        "hours": 6,
        "capacity": 200,
        "description": (
            "Belediyenin ücretsiz etkinlikleri kapsamında gençlerle futbol, voleybol ve masa "
            "tenisi turnuvaları; gençlerin katılımı izlendi."
        ),
        "accessibility": "",
        "people": ["gonullu.baran@demo.example", "gonullu.emre@demo.example"],
        "attended": 2,
    },
]


def _people() -> None:
    for email, name in PEOPLE:
        person(email, name)


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _area(order: int | None) -> WorkingArea | None:
    return WorkingArea.objects.filter(sort_order=order).first() if order else None


def _entered_by(organiser: Organisation | None, province: Province) -> User:
    """Who enters the event: the organisation's owner, or for a public institution's event the
    province's coordinator (staff enter those), else the administrator."""
    if organiser is not None:
        return organiser.memberships.get(role="owner").user
    assignment = (
        RoleAssignment.objects.filter(role=StaffRole.COORDINATOR, province=province)
        .select_related("user")
        .first()
    )
    return assignment.user if assignment else User.objects.get(email="admin@demo.example")


def _event(spec: dict) -> Event | None:
    """Enter the event as its organiser does (``event_save``), with its shifts or working groups,
    and publish it (``event_publish``, the life cycle's move). A past event was entered and
    published a fortnight before it took place: it is made that far ahead of today, published,
    and then moved back to its real dates with its history."""
    from home.models import CampaignPage

    province = Province.objects.get(code=spec["plate"])
    organiser = Organisation.objects.filter(legal_name=spec.get("organiser", "")).first()
    if organiser is None and not spec.get("institution"):
        return None  # the organisation is not in this database
    starts_at = _at(*spec["start"])
    opens = spec.get("opens_in_days")
    shift = max(dt.timedelta(0), timezone.now() - starts_at + dt.timedelta(days=14))
    event = Event(
        slug=spec["slug"],
        title=spec["title"],
        kind=spec["kind"],
        organiser_institution="" if organiser else spec["institution"],
        campaign=CampaignPage.objects.filter(
            slug=spec.get("campaign"), locale__language_code="tr"
        ).first(),
        working_area=_area(spec.get("area")),
        target_group=TargetGroup.objects.filter(name=spec.get("group", "")).first(),
        province=province,
        district=District.objects.filter(province=province, slug=spec["district"]).first(),
        venue=spec["venue"],
        is_online=bool(spec.get("online_url")),
        online_url=spec.get("online_url", ""),
        starts_at=starts_at + shift,
        ends_at=starts_at + shift + dt.timedelta(hours=spec["hours"]),
        registration_opens_at=_at(opens, 9) if opens else None,
        capacity=spec["capacity"],
        audience=spec.get("audience", Event.Audience.PUBLIC),
        minimum_age=spec.get("minimum_age"),
        approval=spec.get("approval", Event.Approval.INSTANT),
        description=spec["description"],
        accessibility=spec["accessibility"],
    )
    by = _entered_by(organiser, province)
    sessions = [
        SessionRow(
            title=title,
            starts_at=event.starts_at + dt.timedelta(hours=start_hour),
            ends_at=event.starts_at + dt.timedelta(hours=end_hour),
            capacity=capacity,
        )
        for title, start_hour, end_hour, capacity in spec.get("shifts", ())
    ]
    groups = [
        GroupRow(name=name, capacity=18, description=description)
        for name, description in (WORKSHOP_GROUPS if spec.get("workshop") else ())
    ]
    event = event_save(event=event, by=by, organisation=organiser, sessions=sessions, groups=groups)
    event = event_publish(event=event, by=by)
    if shift:
        _move_back(event, shift)
    return event


def _move_back(event: Event, shift: dt.timedelta) -> None:
    """Move a past event, entered and published ahead of today, back to its real dates."""
    Event.objects.filter(pk=event.pk).update(
        starts_at=F("starts_at") - shift,
        ends_at=F("ends_at") - shift,
        created_at=F("created_at") - shift,
        updated_at=F("updated_at") - shift,
        status_changed_at=F("status_changed_at") - shift,
    )
    EventSession.objects.filter(event=event).update(
        starts_at=F("starts_at") - shift, ends_at=F("ends_at") - shift
    )
    StatusChange.objects.for_object(event).update(at=F("at") - shift)
    event.refresh_from_db()


def _adult_birth_date() -> dt.date:
    return timezone.localdate().replace(year=timezone.localdate().year - 30, month=1, day=15)


def _sign_up(event: Event, email: str, *, session=None, now=None) -> SignUp | None:
    person = _person(email)
    if person is None:
        return None
    return signup_create(
        event=event, person=person, session=session, birth_date=_adult_birth_date(), now=now
    )


def _shifts(event: Event, spec: dict) -> None:
    sessions = list(event.sessions.order_by("starts_at", "pk"))
    for email, index in spec["shift_people"]:
        _sign_up(event, email, session=sessions[index])


def _workshop(event: Event) -> None:
    groups = list(event.working_groups.order_by("sort_order", "pk"))
    for email, institution, kind, authorised, count, group, areas in WORKSHOP_REGISTRATIONS:
        person = _person(email)
        if person is None:
            continue
        workshop_register(
            event=event,
            person=person,
            institution_name=institution,
            institution_type=kind,
            authorised_person=authorised if authorised != "—" else person.full_name,
            representatives=count,
            contact_email=person.email,
            contact_phone="0212 555 01 0" + str(count),
            works_on_addiction=bool(areas),
            working_areas=list(WorkingArea.objects.filter(sort_order__in=areas)),
            preferred_group=groups[group - 1],
        )
    coordinator = User.objects.filter(email="coordinator@demo.example").first()
    if coordinator is not None:
        workshop_groups_auto_assign(event=event, by=coordinator)


def _past(event: Event, spec: dict) -> None:
    """Sign people up a week before, then take attendance and issue certificates."""
    week_before = event.starts_at - dt.timedelta(days=7)
    signups = [s for s in (_sign_up(event, e, now=week_before) for e in spec["people"]) if s]
    organiser = (
        event.organiser.memberships.filter(role="owner").first().user
        if event.organiser_id
        else User.objects.filter(email="admin@demo.example").first()
    )
    for index, signup in enumerate(signups):
        attended = index < spec["attended"]
        attendance_mark(signup=signup, attended=attended, by=organiser)
        if attended:
            participation_certificate_issue(signup=signup, by=organiser)


def build() -> dict[str, int]:
    _people()
    for spec in EVENTS:
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue
        event = _event(spec)
        if event is None:
            continue
        if spec.get("shifts"):
            _shifts(event, spec)
        elif spec.get("workshop"):
            _workshop(event)
        elif spec["start"][0] < 0:
            _past(event, spec)
        else:
            for email in spec.get("people", []):
                _sign_up(event, email)
    _cancellation_shown()
    return counts()


def _cancellation_shown() -> None:
    """One cancelled sign-up, so "my events" and the history show one."""
    signup = SignUp.objects.filter(
        event__slug="istesenyeter-farkindalik-semineri-kadikoy",
        person__email="gonullu.zeynep@demo.example",
        status=SignUp.Status.CONFIRMED,
    ).first()
    if signup is not None:
        signup_cancel(signup=signup, by=signup.person)


def counts() -> dict[str, int]:
    return {
        "events": Event.objects.count(),
        "signups": SignUp.objects.count(),
        "workshop registrations": WorkshopRegistration.objects.count(),
        "attended": SignUp.objects.filter(
            Q(status=SignUp.Status.ATTENDED) | Q(certificate__isnull=False)
        ).count(),
    }
