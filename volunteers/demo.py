"""Demo volunteers, experience mentors, social cohesion programs, placements and hours.

Built through the volunteering services as the people who would take each step in the
interface: volunteers fill in their profiles and apply, organisations' owners and the Iğdır
coordinator publish programs and answer, coordinators record trainings and background checks,
reviewers and the board decide mentor credentials. Where a state needs time to have passed (a
placement that began months ago, a credential granted two years ago) the dates are moved back
after the step, as the accreditation demo does for its expired certificate, and the daily job
then runs as it would have.

Seed 000 asks for experience mentors in the Social Cohesion Units, volunteer home-visit teams,
volunteer teachers for students at risk and role models meeting people in recovery: the demo
has one program of each kind in İstanbul, İzmir and Iğdır. It holds no case data: volunteers
are matched to programs, never to named people.

Logins (password ``DEMO_PASSWORD``): ``gonullu.zeynep@demo.example`` is a placed volunteer
teacher with hours and a volunteering certificate; ``mentor@demo.example`` is the granted
experience mentor; ``volunteer@demo.example`` has consents but no profile yet, for the journey
of completing one.
"""

import datetime as dt

from django.utils import timezone

from accreditation.models import Organisation
from core import services as accounts
from core.dates import add_years
from core.demo import person
from core.models import (
    ConsentPurpose,
    District,
    Province,
    SupportUnit,
    TargetGroup,
    User,
    WorkingArea,
)

from . import credentials, declarations, hours, matches, profiles, programs
from .availability import bit
from .models import (
    CONTACT_CONSENT,
    MATCHING_CONSENT,
    PUBLIC_NAME_CONSENT,
    HoursLog,
    Language,
    Match,
    MatchingSettings,
    MentorCredential,
    Program,
    Skill,
    Training,
    VolunteerProfile,
)

UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
EGE = "Ege Yeşil Yaşam Derneği"
IGDIR_UNIT = "Iğdır Sosyal Uyum Birimi"

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MORNING, AFTERNOON, EVENING = range(3)

SUPERVISED = HoursLog.Kind.SUPERVISED
CONTINUING = HoursLog.Kind.CONTINUING
VOLUNTEERING = HoursLog.Kind.VOLUNTEERING


def _mask(*slots: tuple[int, int]) -> int:
    mask = 0
    for day, part in slots:
        mask |= bit(day, part)
    return mask


# --- People -----------------------------------------------------------------------------------
# e-mail, full name, display name, plate, district, birth year, languages, skills, working
# areas (sort order), target groups, availability, hours a month, experience, consents.
# Profiles never mention anyone's recovery: that is only in the encrypted declaration.

ALL = (MATCHING_CONSENT, CONTACT_CONSENT)
PEOPLE = [
    (
        "gonullu.zeynep@demo.example",
        "Zeynep Kılıç",
        "Zeynep K.",
        34,
        "kadikoy",
        1996,
        ["Türkçe", "İngilizce"],
        ["Ders desteği", "Gençlik çalışması", "Yazma ve raporlama"],
        [1, 3],
        ["Risk altındaki öğrenciler", "Ergenler ve gençler"],
        _mask((TUE, AFTERNOON), (THU, AFTERNOON), (SAT, MORNING)),
        12,
        "Matematik öğretmenliği son sınıf öğrencisiyim; iki yıldır mahalle etüt merkezinde "
        "ortaokul öğrencilerine ders desteği veriyorum.",
        ALL,
    ),
    (
        "gonullu.emre@demo.example",
        "Emre Yalçın",
        "Emre Y.",
        34,
        "uskudar",
        1999,
        ["Türkçe", "Almanca"],
        ["Spor koçluğu", "Etkinlik düzenleme", "İlk yardım"],
        [1],
        ["Ergenler ve gençler"],
        _mask((TUE, EVENING), (SAT, MORNING), (SUN, MORNING)),
        8,
        "Amatör futbol kulübünde gençler takımına yardımcı antrenörlük yapıyorum.",
        ALL,
    ),
    (
        "gonullu.hatice@demo.example",
        "Hatice Demir",
        "Hatice D.",
        35,
        "bornova",
        1984,
        ["Türkçe", "Kürtçe (Kurmancî)"],
        ["Ev ziyareti", "Aile iletişimi", "Dinleme ve yönlendirme"],
        [3],
        ["Aileler", "Kadınlar"],
        _mask((MON, MORNING), (WED, MORNING), (WED, AFTERNOON)),
        16,
        "Emekli hemşireyim; mahallemizdeki kadın dayanışma grubunda ev ziyaretlerine katıldım.",
        ALL,
    ),
    (
        "gonullu.baran@demo.example",
        "Baran Aktaş",
        "Baran A.",
        76,
        "merkez",
        1993,
        ["Türkçe", "Kürtçe (Kurmancî)", "Azerbaycan Türkçesi"],
        ["Grup kolaylaştırma", "Spor koçluğu", "Gençlik çalışması"],
        [1, 3],
        ["Ergenler ve gençler"],
        _mask((WED, EVENING), (SAT, AFTERNOON), (SUN, AFTERNOON)),
        10,
        "Gençlik merkezinde spor ve sohbet buluşmaları düzenliyorum.",
        ALL,
    ),
    (
        "gonullu.irem@demo.example",
        "İrem Şahin",
        "İrem Ş.",
        34,
        "kadikoy",
        2001,
        ["Türkçe", "İngilizce", "Türk İşaret Dili"],
        ["Ders desteği", "Dijital okuryazarlık", "Sanat ve müzik atölyesi"],
        [1],
        ["Risk altındaki öğrenciler", "Engelli bireyler"],
        _mask((THU, AFTERNOON), (SAT, MORNING)),
        8,
        "Türkçe öğretmenliği okuyorum; işitme engelli öğrencilerle okuma atölyelerine katıldım.",
        ALL,
    ),
    (
        "gonullu.murat@demo.example",
        "Murat Özdemir",
        "Murat Ö.",
        35,
        "karsiyaka",
        1979,
        ["Türkçe", "Kürtçe (Kurmancî)", "Zazaca"],
        ["Akran desteği", "Ev ziyareti", "Dinleme ve yönlendirme", "Rol model konuşmaları"],
        [2, 3],
        ["Tedavi veya iyileşme sürecindeki kişiler", "Aileler"],
        _mask((MON, MORNING), (WED, MORNING)),
        12,
        "Akran destek gruplarında ve derneğin aile ziyaretlerinde gönüllü çalışıyorum.",
        ALL,
    ),
    (
        "mentor@demo.example",
        "İbrahim Koç",
        "İbrahim K.",
        76,
        "merkez",
        1975,
        ["Türkçe", "Azerbaycan Türkçesi", "Rusça"],
        ["Akran desteği", "Rol model konuşmaları", "Grup kolaylaştırma", "Dinleme ve yönlendirme"],
        [3],
        ["Tedavi veya iyileşme sürecindeki kişiler", "Aileler"],
        _mask((WED, EVENING), (THU, EVENING), (SAT, AFTERNOON)),
        14,
        "Iğdır'da akran destek gruplarında kolaylaştırıcılık yaptım; gençlik merkezinde "
        "meslek ve hayat hikâyesi buluşmaları düzenledim.",
        (*ALL, PUBLIC_NAME_CONSENT),
    ),
    (
        "gonullu.kadir@demo.example",
        "Kadir Yaman",
        "Kadir Y.",
        34,
        "uskudar",
        1982,
        ["Türkçe", "Arapça"],
        ["Akran desteği", "Rol model konuşmaları", "Mesleki beceri eğitimi"],
        [3],
        ["Ergenler ve gençler", "Tedavi veya iyileşme sürecindeki kişiler"],
        _mask((TUE, AFTERNOON), (THU, AFTERNOON), (SAT, MORNING)),
        12,
        "Marangoz ustasıyım; gençlere meslek edinme üzerine atölyeler yapıyorum.",
        ALL,
    ),
    (
        "gonullu.nermin@demo.example",
        "Nermin Uçar",
        "Nermin U.",
        35,
        "karsiyaka",
        1988,
        ["Türkçe", "Arapça", "Türk İşaret Dili"],
        ["Grup kolaylaştırma", "Aile iletişimi", "Psikolojik ilk yardım"],
        [3],
        ["Aileler", "Kadınlar", "Göçmenler ve mülteciler"],
        _mask((MON, MORNING), (WED, AFTERNOON)),
        10,
        "Aile buluşmalarında kolaylaştırıcılık ve işaret dili desteği veriyorum.",
        ALL,
    ),
    (
        "gonullu.cemal@demo.example",
        "Cemal Tekin",
        "Cemal T.",
        35,
        "buca",
        1970,
        ["Türkçe", "Kürtçe (Kurmancî)"],
        ["Ev ziyareti", "Akran desteği", "Mesleki beceri eğitimi"],
        [3],
        ["Tedavi veya iyileşme sürecindeki kişiler", "Aileler"],
        _mask((MON, MORNING), (FRI, MORNING)),
        8,
        "Derneğin ev ziyareti ekibinde iki yıl gönüllü çalıştım.",
        ALL,
    ),
    (
        "gonullu.kemal@demo.example",
        "Kemal Başaran",
        "Kemal B.",
        41,
        "izmit",
        1986,
        ["Türkçe", "İngilizce"],
        ["Akran desteği", "Sosyal medya ve iletişim", "Spor koçluğu"],
        [3, 4],
        ["Ergenler ve gençler", "Tedavi veya iyileşme sürecindeki kişiler"],
        _mask((SAT, MORNING), (SUN, MORNING)),
        6,
        "Kocaeli'de gençlik kulübünde sosyal medya ve spor etkinliklerine destek oluyorum.",
        ALL,
    ),
    (
        "gonullu.aras@demo.example",
        "Aras Doğan",
        "Aras D.",
        36,
        "merkez",
        1997,
        ["Türkçe", "Azerbaycan Türkçesi", "Rusça"],
        ["Grup kolaylaştırma", "Tercümanlık", "Etkinlik düzenleme"],
        [3],
        ["Ergenler ve gençler", "Ev sahibi toplum"],
        _mask((WED, EVENING), (SAT, AFTERNOON)),
        8,
        "Kars'ta üniversite kulübünde kültür etkinlikleri düzenliyorum.",
        ALL,
    ),
    (
        "gonullu.meryem@demo.example",
        "Meryem Haddad",
        "Meryem H.",
        35,
        "konak",
        1992,
        ["Arapça", "Türkçe", "İngilizce"],
        ["Tercümanlık", "Aile iletişimi", "Dijital okuryazarlık"],
        [3],
        ["Göçmenler ve mülteciler", "Aileler", "Kadınlar"],
        _mask((MON, MORNING), (WED, MORNING), (WED, AFTERNOON)),
        10,
        "Göç alanında çalışan bir dernekte tercüman olarak gönüllü çalıştım.",
        ALL,
    ),
    (
        "gonullu.sahar@demo.example",
        "Sahar Rezaei",
        "Sahar R.",
        45,
        "yunusemre",
        1990,
        ["Farsça", "Türkçe", "İngilizce"],
        ["Tercümanlık", "Sanat ve müzik atölyesi", "Aile iletişimi"],
        [3],
        ["Göçmenler ve mülteciler", "Kadınlar"],
        _mask((WED, MORNING), (WED, AFTERNOON), (FRI, AFTERNOON)),
        8,
        "Manisa'da kadınlarla el sanatları atölyeleri yürütüyorum.",
        ALL,
    ),
    (
        # Would fit the İstanbul peer-support role, but gave no consent to matching: she is
        # never recommended to anyone.
        "gonullu.deniz@demo.example",
        "Deniz Korkmaz",
        "Deniz K.",
        34,
        "kadikoy",
        1998,
        ["Türkçe", "Türk İşaret Dili"],
        ["Akran desteği", "Gençlik çalışması", "Sosyal medya ve iletişim"],
        [1, 3],
        ["Ergenler ve gençler"],
        _mask((TUE, AFTERNOON), (THU, AFTERNOON), (SAT, MORNING)),
        6,
        "Üniversitede akran danışmanlığı topluluğundayım.",
        (CONTACT_CONSENT,),
    ),
]

# --- Programs and roles -----------------------------------------------------------------------

AKRAN = "Okul sonrası akran buluşmaları"
SPOR = "Mahalle spor buluşmaları"
EV = "Ev ziyareti gönüllü ekibi"
ROL_MODEL = "Rol model buluşmaları"

PROGRAMS = [
    {
        "runner": ("organisation", UMUT),
        "title": AKRAN,
        "publish": True,
        "area": 1,
        "groups": ["Risk altındaki öğrenciler", "Ergenler ve gençler"],
        "plate": 34,
        "district": "kadikoy",
        "schedule": _mask((TUE, AFTERNOON), (THU, AFTERNOON), (SAT, MORNING)),
        "schedule_note": "Salı ve perşembe 15.30–17.30, cumartesi 10.00–12.00",
        "starts": -300,
        "ends": 300,
        "aims": (
            "Okul sonrası saatlerde risk altındaki öğrencilere ders desteği ve akran "
            "buluşmalarıyla okula bağlılığı güçlendirmek; gençlerin güvendikleri yetişkinler ve "
            "akranlarıyla bağ kurmasını desteklemek."
        ),
        "description": (
            "Kadıköy'deki iki ortaokulun rehberlik servisleriyle birlikte yürütülür. Öğrenciler "
            "programa okulları aracılığıyla katılır; gönüllüler öğrencilerin kişisel bilgilerini "
            "görmez ve buluşmalar her zaman dernek koordinatörünün bulunduğu grup buluşmalarıdır."
        ),
        "roles": [
            {
                "key": "teacher",
                "title": "Gönüllü öğretmen (matematik/Türkçe)",
                "description": (
                    "Beş-altı öğrenciden oluşan küçük gruplarla matematik ve Türkçe ödev desteği. "
                    "Çocuklarla çalışıldığı için geçerli adli sicil kontrolü ve çocuk koruma "
                    "eğitimi gerekir."
                ),
                "skills": ["Ders desteği", "Gençlik çalışması"],
                "required_languages": ["Türkçe"],
                "helpful_languages": ["Arapça"],
                "trainings": ["Çocuk koruma eğitimi"],
                "background": True,
                "age": 18,
                "places": 3,
                "weekly": 4,
                "months": 6,
            },
            {
                "key": "peer",
                "title": "Akran destek gönüllüsü",
                "description": (
                    "Cumartesi buluşmalarında gençlerle sohbet çemberleri ve etkinlikler: okul, "
                    "arkadaşlık ve gelecek planları üzerine konuşmalar. Gençlik çalışmasında "
                    "deneyim ya da öğrenme isteği yeterli."
                ),
                "skills": ["Akran desteği", "Gençlik çalışması", "Etkinlik düzenleme"],
                "helpful_languages": ["Türk İşaret Dili"],
                "age": 18,
                "places": 4,
                "weekly": 2,
                "months": 3,
            },
        ],
    },
    {
        "runner": ("organisation", UMUT),
        "title": SPOR,
        "publish": False,  # a draft the owner is still preparing
        "area": 1,
        "groups": ["Ergenler ve gençler"],
        "plate": 34,
        "district": "uskudar",
        "schedule": _mask((SUN, MORNING)),
        "schedule_note": "Pazar 09.30–12.00",
        "starts": 45,
        "ends": None,
        "aims": "Mahalledeki gençlere düzenli, ücretsiz ve güvenli spor buluşmaları sunmak.",
        "description": "Üsküdar'da okul bahçesinde futbol ve voleybol buluşmaları.",
        "roles": [
            {
                "key": "coach",
                "title": "Gönüllü spor koçu",
                "description": "Pazar sabahı buluşmalarında ısınma, oyun ve takım çalışması.",
                "skills": ["Spor koçluğu", "İlk yardım"],
                "age": 18,
                "places": 2,
                "weekly": 3,
                "months": 3,
            }
        ],
    },
    {
        "runner": ("organisation", EGE),
        "title": EV,
        "publish": True,
        "area": 3,
        "groups": ["Aileler", "Göçmenler ve mülteciler", "Kadınlar"],
        "plate": 35,
        "district": "bornova",
        "schedule": _mask((MON, MORNING), (WED, MORNING), (WED, AFTERNOON)),
        "schedule_note": "Pazartesi ve çarşamba, 10.00–16.00 arasında planlanan ziyaretler",
        "starts": -3 * 365,
        "ends": None,
        "aims": (
            "Sosyal hizmet merkezlerinin yönlendirdiği ailelere iki kişilik gönüllü ekiplerle ev "
            "ziyaretleri yapmak; ailelerin destek, eğitim ve istihdam hizmetlerine erişimini "
            "kolaylaştırmak."
        ),
        "description": (
            "Ziyaretler her zaman iki kişilik ekiplerle, derneğin sosyal çalışmacısının "
            "planlamasıyla yapılır. Gönüllüler ailelerle ilgili bilgi kaydetmez; izlenimlerini "
            "yalnızca sosyal çalışmacıyla paylaşır."
        ),
        "roles": [
            {
                "key": "visit",
                "title": "Ev ziyareti gönüllüsü (Kürtçe)",
                "description": (
                    "Kürtçe konuşan ailelere sosyal çalışmacıyla birlikte ev ziyareti; "
                    "hizmetler hakkında bilgi verme ve yönlendirme."
                ),
                "skills": ["Ev ziyareti", "Aile iletişimi", "Dinleme ve yönlendirme"],
                "required_languages": ["Türkçe", "Kürtçe (Kurmancî)"],
                "age": 21,
                "places": 3,
                "weekly": 4,
                "months": 6,
            },
            {
                "key": "family",
                "title": "Aile buluşması kolaylaştırıcısı",
                "description": (
                    "Mahalle merkezindeki aile buluşmalarında grup kolaylaştırma ve tercüme "
                    "desteği."
                ),
                "skills": ["Grup kolaylaştırma", "Aile iletişimi", "Tercümanlık"],
                "helpful_languages": ["Arapça", "Farsça", "Türk İşaret Dili"],
                "age": 18,
                "places": 3,
                "weekly": 3,
                "months": 4,
            },
        ],
    },
    {
        "runner": ("unit", IGDIR_UNIT),
        "title": ROL_MODEL,
        "publish": True,
        "area": 3,
        "groups": ["Tedavi veya iyileşme sürecindeki kişiler", "Ergenler ve gençler", "Aileler"],
        "plate": 76,
        "district": "merkez",
        "schedule": _mask((WED, EVENING), (SAT, AFTERNOON)),
        "schedule_note": "Çarşamba 18.00–20.00 ve cumartesi 14.00–16.00",
        "starts": -420,
        "ends": None,
        "aims": (
            "Tedavisini tamamlamış, iyileşme sürecindeki kişilerin iş, eğitim ve sosyal yaşama "
            "yeniden katılımını, deneyimini paylaşan eğitimli deneyim mentorları ve gönüllülerle "
            "desteklemek."
        ),
        "description": (
            "Buluşmalar Iğdır Sosyal Uyum Biriminde, birim uzmanının yürüttüğü grup oturumları "
            "olarak yapılır. Gönüllüler kişilerle değil programla eşleşir; portal katılımcılar "
            "hakkında bilgi tutmaz."
        ),
        "roles": [
            {
                "key": "mentor",
                "title": "Deneyim mentoru (rol model buluşmaları)",
                "description": (
                    "Grup oturumlarında kendi iyileşme yolculuğundan umut veren deneyimler "
                    "paylaşmak, iş ve eğitim hayatına dönüşte yol arkadaşlığı yapmak."
                ),
                "skills": ["Akran desteği", "Rol model konuşmaları", "Dinleme ve yönlendirme"],
                "required_languages": ["Türkçe"],
                "helpful_languages": ["Azerbaycan Türkçesi", "Kürtçe (Kurmancî)"],
                "mentor": True,
                "age": 25,
                "places": 2,
                "weekly": 3,
                "months": 12,
            },
            {
                "key": "facilitator",
                "title": "Buluşma kolaylaştırıcısı (Azerbaycan Türkçesi)",
                "description": (
                    "Oturumların hazırlığı, karşılama ve Azerbaycan Türkçesi konuşan "
                    "katılımcılar için dil desteği."
                ),
                "skills": ["Grup kolaylaştırma", "Etkinlik düzenleme", "Tercümanlık"],
                "required_languages": ["Azerbaycan Türkçesi"],
                "helpful_languages": ["Rusça"],
                "age": 18,
                "places": 2,
                "weekly": 3,
                "months": 6,
            },
        ],
    },
]

# --- Experience mentor credentials ------------------------------------------------------------

REFERENCES = {
    "mentor@demo.example": (
        "Uzm. Psk. Gülay Erdoğan",
        "Sosyal Uyum Birimi sorumlusu",
        "İbrahim Bey bir yıl boyunca birimimizin rol model buluşmalarında süpervizyon altında "
        "kolaylaştırıcı olarak görev aldı; katılımcılarla saygılı, sınırlarını bilen ve umut "
        "veren bir iletişim kurdu.",
    ),
    "gonullu.kadir@demo.example": (
        "Ayşe Yılmaz",
        "Umut Işığı Derneği gönüllü koordinatörü",
        "Kadir Bey sekiz aydır akran buluşmalarımızda düzenli olarak yer alıyor; gençlerle "
        "kurduğu güven ilişkisi ve meslek atölyeleri çok değerli.",
    ),
    "gonullu.murat@demo.example": (
        "Pınar Özkan",
        "Ege Yeşil Yaşam Derneği başkanı",
        "Murat Bey ev ziyareti ekibimizde yedi aydır süpervizyonla çalışıyor; ailelerle "
        "iletişimi sakin ve yönlendirici.",
    ),
    "gonullu.nermin@demo.example": (
        "Pınar Özkan",
        "Ege Yeşil Yaşam Derneği başkanı",
        "Nermin Hanım aile buluşmalarımızın kolaylaştırıcılarından.",
    ),
    "gonullu.cemal@demo.example": (
        "Pınar Özkan",
        "Ege Yeşil Yaşam Derneği başkanı",
        "Cemal Bey ev ziyareti ekibimizde süpervizyonlu gönüllülüğünü tamamladı.",
    ),
    "gonullu.kemal@demo.example": (
        "Ayşe Yılmaz",
        "Umut Işığı Derneği gönüllü koordinatörü",
        "Kemal Bey'i gençlik kulübü etkinliklerinden tanıyoruz.",
    ),
}

# Years in recovery and the applicant's own words: encrypted, read only by the person and the
# reviewer assigned to their credential.
DECLARATIONS = {
    "mentor@demo.example": (
        6,
        "Altı yıldır iyileşme sürecindeyim. Tedavimi tamamladıktan sonra akran destek "
        "gruplarına düzenli katıldım; bugün aynı yoldan geçen kişilere umut olmak ve iş "
        "hayatına dönüş deneyimimi paylaşmak istiyorum.",
    ),
    "gonullu.kadir@demo.example": (
        4,
        "Dört yıldır iyileşme sürecindeyim. Meslek edinmenin benim için dönüm noktası olduğunu "
        "gençlere anlatmak istiyorum.",
    ),
    "gonullu.murat@demo.example": (
        8,
        "Sekiz yıldır iyileşme sürecindeyim; ailemin desteğinin ne kadar önemli olduğunu "
        "ailelerle paylaşmak istiyorum.",
    ),
    "gonullu.nermin@demo.example": (
        3,
        "Üç yıldır iyileşme sürecindeyim ve kadınlarla dayanışma içinde olmak istiyorum.",
    ),
    "gonullu.cemal@demo.example": (
        10,
        "On yıldır iyileşme sürecindeyim; deneyimimi ev ziyaretlerinde ailelerle paylaştım.",
    ),
}

REVIEW_PURPOSE = "Deneyim mentoru başvurusunu değerlendirmek: iyileşme süresini doğrulamak."


# --- Helpers ----------------------------------------------------------------------------------


def _today() -> dt.date:
    return timezone.localdate()


def _days(offset: int) -> dt.date:
    return _today() + dt.timedelta(days=offset)


def _weekday(weeks_ago: int, weekday: int) -> dt.date:
    """The given weekday ``weeks_ago`` weeks back (never in the future)."""
    today = _today()
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7 + 7 * weeks_ago)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _named(model, names):
    rows = {row.name: row for row in model.objects.filter(name__in=names)}
    return [rows[name] for name in names if name in rows]


def _backdate_start(match: Match, on: dt.date) -> None:
    """A placement that began on ``on``: the start step ran today, so move its date back."""
    Match.objects.filter(pk=match.pk).update(started_on=on)
    match.started_on = on


def _backdate_close(match: Match, on: dt.date) -> None:
    Match.objects.filter(pk=match.pk).update(closed_on=on)
    match.closed_on = on


def _backdate_grant(credential: MentorCredential, granted_on: dt.date) -> None:
    years = MatchingSettings.load().mentor_term_years
    valid_until = add_years(granted_on, years)
    MentorCredential.objects.filter(pk=credential.pk).update(
        granted_on=granted_on, valid_until=valid_until
    )
    credential.refresh_from_db()


def _log(match, on, amount, description, *, kind=VOLUNTEERING, decide_by=None, reject=""):
    log = hours.hours_log(
        person=match.person, match=match, on=on, hours=amount, kind=kind, description=description
    )
    if decide_by is not None:
        if reject:
            hours.hours_reject(log=log, by=decide_by, note=reject)
        else:
            hours.hours_approve(log=log, by=decide_by)
    return log


def _supervised(match, decide_by, *, first_week: int, weekday: int) -> None:
    """Approved eight-hour field days of supervised volunteering, up to three weeks apart,
    up to the hours the credential needs (60 by default)."""
    sessions = max(1, -(-MatchingSettings.load().mentor_supervised_hours // 8))
    step = max(1, min(3, (first_week - 1) // sessions))
    for number in range(sessions):
        _log(
            match,
            _weekday(first_week - step * number, weekday),
            8,
            "Süpervizyonlu gönüllülük: saha günü ve süpervizyon görüşmesi",
            kind=SUPERVISED,
            decide_by=decide_by,
        )


def _placed(role, person, manager, *, started_weeks_ago: int, message: str = "") -> Match:
    """A volunteer applied, the organisation accepted and the placement began."""
    match = matches.match_apply(role=role, person=person, message=message)
    matches.match_accept(match=match, by=manager)
    matches.match_start(match=match, by=manager)
    _backdate_start(match, _days(-7 * started_weeks_ago))
    return match


def _trainings(person, by, rows) -> None:
    for name, days_ago in rows:
        training = Training.objects.filter(name=name).first()
        if training is not None:
            credentials.training_record(
                person=person, training=training, completed_on=_days(-days_ago), by=by
            )


MENTOR_TRAININGS = ("Akran desteği temel eğitimi", "Deneyim mentorluğu eğitimi")


def _mentor_trainings(person, by, days_ago: int) -> None:
    _trainings(person, by, [(MENTOR_TRAININGS[0], days_ago), (MENTOR_TRAININGS[1], days_ago - 60)])


def _credential(person, *, organisation=None, unit=None, declare=True) -> MentorCredential:
    credential = credentials.credential_start(person=person)
    referee, position, statement = REFERENCES[person.email]
    credentials.credential_update(
        credential=credential,
        by=person,
        data={
            "reference_organisation": organisation,
            "reference_unit": unit,
            "referee_name": referee,
            "referee_position": position,
            "reference_statement": statement,
        },
    )
    if declare:
        years, statement = DECLARATIONS[person.email]
        declarations.declaration_save(
            credential=credential, by=person, years_in_recovery=years, statement=statement
        )
    return credential


def _reviewed(credential, *, coordinator, reviewer, grant: bool, note: str) -> None:
    credentials.credential_submit(credential=credential, by=credential.person)
    credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
    declarations.declaration_read(credential=credential, by=reviewer, purpose=REVIEW_PURPOSE)
    credentials.credential_review(
        credential=credential,
        by=reviewer,
        recommendation="grant" if grant else "decline",
        note=note,
    )


# --- The build --------------------------------------------------------------------------------


class Demo:
    def __init__(self):
        self.purposes = {purpose.key: purpose for purpose in ConsentPurpose.objects.all()}
        self.people: dict[str, User] = {}
        self.roles = {}
        self.programs = {}

    def staff(self, email: str) -> User:
        return User.objects.get(email=email)

    # People

    def person(self, email: str, full_name: str) -> User:
        return person(email, full_name)

    def profiles(self) -> None:
        for row in PEOPLE:
            email, name, display, plate, district, year = row[:6]
            languages, skills, areas, groups, availability, monthly, experience, consents = row[6:]
            user = self.person(email, name)
            for key in consents:
                accounts.consent_grant(user=user, purpose=self.purposes[key], source="demo")
            province = Province.objects.get(code=plate)
            profiles.profile_save(
                user=user,
                data={
                    "display_name": display,
                    "phone": f"+90 5{plate:02d} 555 {len(self.people):02d} {year % 100:02d}",
                    "province": province,
                    "district": District.objects.filter(province=province, slug=district).first(),
                    "birth_date": dt.date(year, 1 + len(self.people) % 12, 10),
                    "availability": availability,
                    "hours_per_month": monthly,
                    "experience": experience,
                    "show_mentor_publicly": email == "mentor@demo.example",
                    "is_active": True,
                },
                skills=_named(Skill, skills),
                languages=_named(Language, languages),
                working_areas=list(WorkingArea.objects.filter(sort_order__in=areas)),
                target_groups=_named(TargetGroup, groups),
            )
            self.people[email] = user

    # Programs

    def programs_and_roles(self) -> None:
        unit_province = Province.objects.get(code=76)
        unit, _created = SupportUnit.objects.get_or_create(
            name=IGDIR_UNIT,
            province=unit_province,
            defaults={
                "kind": SupportUnit.Kind.SOCIAL_COHESION,
                "district": District.objects.filter(province=unit_province, slug="merkez").first(),
                "address": "Iğdır İl Sağlık Müdürlüğü, Merkez",
            },
        )
        for spec in PROGRAMS:
            kind, name = spec["runner"]
            if kind == "organisation":
                organisation = Organisation.objects.get(legal_name=name)
                by = organisation.memberships.get(role="owner").user
                runner = {"organisation": organisation}
            else:
                by = self.staff("koordinator.igdir@demo.example")
                runner = {"support_unit": unit}
            province = Province.objects.get(code=spec["plate"])
            program = programs.program_save(
                program=None,
                by=by,
                **runner,
                data={
                    "title": spec["title"],
                    "aims": spec["aims"],
                    "description": spec["description"],
                    "working_area": WorkingArea.objects.get(sort_order=spec["area"]),
                    "province": province,
                    "district": District.objects.get(province=province, slug=spec["district"]),
                    "schedule": spec["schedule"],
                    "schedule_note": spec["schedule_note"],
                    "starts_on": _days(spec["starts"]),
                    "ends_on": _days(spec["ends"]) if spec["ends"] is not None else None,
                },
                target_groups=_named(TargetGroup, spec["groups"]),
            )
            for role_spec in spec["roles"]:
                self.roles[role_spec["key"]] = programs.role_save(
                    role=None,
                    program=program,
                    by=by,
                    data={
                        "title": role_spec["title"],
                        "description": role_spec["description"],
                        "requires_mentor": role_spec.get("mentor", False),
                        "requires_background_check": role_spec.get("background", False),
                        "minimum_age": role_spec["age"],
                        "places": role_spec["places"],
                        "weekly_hours": role_spec["weekly"],
                        "commitment_months": role_spec["months"],
                    },
                    required_skills=_named(Skill, role_spec["skills"]),
                    required_languages=_named(Language, role_spec.get("required_languages", [])),
                    helpful_languages=_named(Language, role_spec.get("helpful_languages", [])),
                    required_trainings=_named(Training, role_spec.get("trainings", [])),
                )
            if spec["publish"]:
                programs.program_publish(program=program, by=by)
            self.programs[spec["title"]] = program
        self.unit = unit

    # Stories, oldest first

    def istanbul(self) -> None:
        p = self.people
        owner = self.staff("ngo@demo.example")
        coordinator = self.staff("coordinator@demo.example")
        umut = Organisation.objects.get(legal_name=UMUT)

        # Trainings and background checks, recorded by the İstanbul coordinator.
        zeynep, irem, emre, kadir = (
            p["gonullu.zeynep@demo.example"],
            p["gonullu.irem@demo.example"],
            p["gonullu.emre@demo.example"],
            p["gonullu.kadir@demo.example"],
        )
        _trainings(zeynep, coordinator, [("Çocuk koruma eğitimi", 150)])
        _trainings(irem, coordinator, [("Çocuk koruma eğitimi", 40)])
        _trainings(emre, coordinator, [("Bağımlılık farkındalık eğitimi", 100)])
        credentials.background_check_record(
            person=zeynep, checked_on=_days(-140), valid_until=_days(590), by=coordinator
        )
        credentials.background_check_record(
            person=irem, checked_on=_days(-30), valid_until=_days(700), by=coordinator
        )
        # Emre's check ran out last month: the volunteer-teacher role refuses him until renewed.
        credentials.background_check_record(
            person=emre, checked_on=_days(-760), valid_until=_days(-35), by=coordinator
        )

        # Zeynep teaches twice a week: approved, waiting and rejected hours, check-ins and a
        # volunteering certificate.
        teacher = self.roles["teacher"]
        match = _placed(
            teacher,
            zeynep,
            owner,
            started_weeks_ago=17,
            message="Ortaokul matematiğinde deneyimliyim; salı ve perşembe gelebilirim.",
        )
        for weeks_ago in (16, 14, 12, 10, 8, 6, 4):
            _log(match, _weekday(weeks_ago, TUE), 4, "Matematik ödev grubu", decide_by=owner)
        _log(
            match,
            _weekday(3, SUN),
            3,
            "Türkçe okuma grubu",
            decide_by=owner,
            reject=(
                "Pazar günü buluşma yapılmadı; tarihi kontrol edip doğru günle yeniden "
                "yazabilirsiniz."
            ),
        )
        _log(match, _weekday(1, THU), 4, "Matematik ödev grubu")  # waiting for the owner
        matches.check_in_add(
            match=match,
            by=zeynep,
            on=_weekday(9, THU),
            mood="going_well",
            note="Grup düzenli geliyor; kesirler çalışma kâğıtları işe yaradı.",
        )
        matches.check_in_add(
            match=match,
            by=owner,
            on=_weekday(2, TUE),
            mood="concerns",
            note="Sınav haftasında katılım düştü; ara tatilde ek buluşma planlayalım.",
        )
        hours.volunteering_certificate_issue(person=zeynep)

        # Kadir: peer-support volunteer for eight months, supervised, mentor credential in review
        # with the demo reviewer, who has read the declaration once.
        peer = self.roles["peer"]
        kadir_match = _placed(
            peer,
            kadir,
            owner,
            started_weeks_ago=36,
            message="Gençlerle meslek atölyeleri yapmak isterim.",
        )
        _mentor_trainings(kadir, coordinator, 260)
        _supervised(kadir_match, owner, first_week=34, weekday=SAT)
        matches.check_in_add(
            match=kadir_match,
            by=kadir,
            on=_weekday(5, SAT),
            mood="going_well",
            note="Ahşap atölyesine gençlerin ilgisi büyük.",
        )
        credential = _credential(kadir, organisation=umut)
        credentials.credential_submit(credential=credential, by=kadir)
        reviewer = self.staff("reviewer@demo.example")
        credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
        declarations.declaration_read(credential=credential, by=reviewer, purpose=REVIEW_PURPOSE)

        # Waiting for an answer: İrem applied to teach; Emre's application was declined.
        matches.match_apply(
            role=teacher,
            person=irem,
            message="Türkçe okuma ve işaret dili desteği verebilirim.",
        )
        declined = matches.match_apply(
            role=peer, person=emre, message="Cumartesi sabahları gelebilirim."
        )
        matches.match_decline(
            match=declined,
            by=owner,
            note=(
                "Buluşmalarımızın çoğu hafta içi öğleden sonra; bu dönem yalnızca cumartesi "
                "katılım grup düzenine uymuyor. Üsküdar'daki spor buluşmalarımız başladığında "
                "sizi davet etmek isteriz."
            ),
        )

    def izmir(self) -> None:
        p = self.people
        owner = self.staff("stk.ege@demo.example")
        coordinator = self.staff("koordinator.izmir@demo.example")
        board = self.staff("kurul2@demo.example")
        ege = Organisation.objects.get(legal_name=EGE)
        visit, family = self.roles["visit"], self.roles["family"]

        # Cemal: a home-visit volunteer three years ago, mentor credential granted two years
        # ago and not renewed (no continuing-education hours), so the daily job expired it.
        cemal = p["gonullu.cemal@demo.example"]
        _mentor_trainings(cemal, coordinator, 1000)
        old = _placed(visit, cemal, owner, started_weeks_ago=150)
        _supervised(old, owner, first_week=148, weekday=MON)
        matches.match_close(
            match=old,
            by=owner,
            reason=Match.Closure.COMPLETED,
            note="Süpervizyonlu gönüllülük dönemi tamamlandı; teşekkür ederiz.",
        )
        _backdate_close(old, _days(-7 * 116))
        credential = _credential(cemal, organisation=ege)
        _reviewed(
            credential,
            coordinator=coordinator,
            reviewer=self.staff("degerlendirici.izmir2@demo.example"),
            grant=True,
            note="Eğitim ve süpervizyon saatleri tamam; referans olumlu.",
        )
        credentials.credential_decide(credential=credential, by=board, grant=True)
        years = MatchingSettings.load().mentor_term_years
        _backdate_grant(credential, add_years(_days(-20), -years))
        credentials.renew_or_expire_credentials(today=_today())

        # Hatice and Murat visit Kurdish-speaking families; Murat's credential is submitted and
        # waits for the İzmir coordinator to assign a reviewer.
        hatice, murat = p["gonullu.hatice@demo.example"], p["gonullu.murat@demo.example"]
        match = _placed(visit, hatice, owner, started_weeks_ago=22)
        for weeks_ago in (20, 17, 13, 9, 5):
            _log(match, _weekday(weeks_ago, WED), 4, "Ev ziyaretleri", decide_by=owner)
        _log(match, _weekday(1, MON), 5, "Ev ziyaretleri ve ekip toplantısı")  # waiting
        matches.check_in_add(
            match=match,
            by=hatice,
            on=_weekday(4, WED),
            mood="needs_support",
            note="Bazı ziyaretler duygusal olarak yorucu; ekip süpervizyonuna katılmak istiyorum.",
        )
        murat_match = _placed(visit, murat, owner, started_weeks_ago=32)
        _mentor_trainings(murat, coordinator, 300)
        _supervised(murat_match, owner, first_week=30, weekday=MON)
        credential = _credential(murat, organisation=ege)
        credentials.credential_submit(credential=credential, by=murat)

        # Nermin facilitates family meetings; her credential was declined, with the reason.
        nermin = p["gonullu.nermin@demo.example"]
        nermin_match = _placed(family, nermin, owner, started_weeks_ago=32)
        _mentor_trainings(nermin, coordinator, 320)
        _supervised(nermin_match, owner, first_week=31, weekday=WED)
        credential = _credential(nermin, organisation=ege)
        note = (
            "Referans yazısı, deneyim mentorluğu görevine ilişkin gözlem içermiyor. "
            "Referansınızı güncelleyerek yeniden başvurabilirsiniz."
        )
        _reviewed(
            credential,
            coordinator=coordinator,
            reviewer=self.staff("degerlendirici.izmir1@demo.example"),
            grant=False,
            note=note,
        )
        credentials.credential_decide(credential=credential, by=board, grant=False, note=note)

        # Meryem was accepted and starts next week; Sahar, in neighbouring Manisa, is invited.
        meryem = matches.match_apply(
            role=family,
            person=p["gonullu.meryem@demo.example"],
            message="Arapça tercüme desteği verebilirim.",
        )
        matches.match_accept(match=meryem, by=owner)
        matches.match_invite(
            role=family,
            person=p["gonullu.sahar@demo.example"],
            by=owner,
            message=(
                "Farsça konuşan ailelerin katıldığı buluşmalarımızda sizinle çalışmak isteriz."
            ),
        )

    def igdir(self) -> None:
        p = self.people
        coordinator = self.staff("koordinator.igdir@demo.example")
        reviewer = self.staff("degerlendirici.igdir1@demo.example")
        mentor_role, facilitator = self.roles["mentor"], self.roles["facilitator"]

        # İbrahim (mentor@): a year of supervised facilitation, then the credential, granted by
        # the board; now placed as the program's experience mentor, shown publicly by choice.
        mentor = p["mentor@demo.example"]
        _mentor_trainings(mentor, coordinator, 330)
        first = _placed(
            facilitator,
            mentor,
            coordinator,
            started_weeks_ago=52,
            message="Azerbaycan Türkçesi konuşan katılımcılarla çalışabilirim.",
        )
        _supervised(first, coordinator, first_week=50, weekday=WED)
        matches.match_close(
            match=first,
            by=coordinator,
            reason=Match.Closure.COMPLETED,
            note="Süpervizyonlu dönem tamamlandı; deneyim mentoru rolüne geçiyor.",
        )
        _backdate_close(first, _days(-7 * 21))
        credential = _credential(mentor, unit=self.unit)
        _reviewed(
            credential,
            coordinator=coordinator,
            reviewer=reviewer,
            grant=True,
            note=(
                "Eğitim ve süpervizyon saatleri tamam; birim referansı ve görüşme olumlu. "
                "Deneyim mentoru olarak görev alması uygundur."
            ),
        )
        credentials.credential_decide(
            credential=credential,
            by=self.staff("board@demo.example"),
            grant=True,
            note="Değerlendirici görüşü doğrultusunda verildi.",
        )
        _backdate_grant(credential, _days(-7 * 18))
        invitation = matches.match_invite(
            role=mentor_role,
            person=mentor,
            by=coordinator,
            message="Rol model buluşmalarımızda deneyim mentoru olarak yer almanızı isteriz.",
        )
        matches.match_accept(match=invitation, by=mentor)
        matches.match_start(match=invitation, by=coordinator)
        _backdate_start(invitation, _days(-7 * 16))
        for weeks_ago in (15, 12, 9, 6, 3):
            _log(
                invitation,
                _weekday(weeks_ago, SAT),
                3,
                "Rol model buluşması",
                decide_by=coordinator,
            )
        _log(
            invitation,
            _weekday(10, THU),
            8,
            "Sürekli eğitim: damgalamayan dil ve iyileşme odaklı iletişim semineri",
            kind=CONTINUING,
            decide_by=coordinator,
        )
        _log(
            invitation,
            _weekday(1, THU),
            4,
            "Sürekli eğitim: süpervizyon grubu",
            kind=CONTINUING,
        )  # waiting
        matches.check_in_add(
            match=invitation,
            by=mentor,
            on=_weekday(8, SAT),
            mood="going_well",
            note="Gruptaki gençler iş başvurusu hazırlığı üzerine konuşmak istedi.",
        )
        matches.check_in_add(
            match=invitation,
            by=coordinator,
            on=_weekday(2, WED),
            mood="going_well",
            note="Oturumlara katılım arttı; aylık süpervizyon sürüyor.",
        )

        # Baran facilitates; Aras, from neighbouring Kars, has applied.
        baran = _placed(
            facilitator, p["gonullu.baran@demo.example"], coordinator, started_weeks_ago=20
        )
        for weeks_ago in (18, 14, 10, 6):
            _log(
                baran,
                _weekday(weeks_ago, WED),
                2.5,
                "Oturum hazırlığı ve karşılama",
                decide_by=coordinator,
            )
        _log(baran, _weekday(1, SAT), 2, "Oturum hazırlığı ve karşılama")  # waiting
        matches.check_in_add(
            match=baran,
            by=baran.person,
            on=_weekday(3, WED),
            mood="going_well",
            note="Dil desteği gereken katılımcı sayısı arttı; ikinci kolaylaştırıcı iyi olur.",
        )
        matches.match_apply(
            role=facilitator,
            person=p["gonullu.aras@demo.example"],
            message="Kars'tan cumartesi oturumlarına gelebilirim.",
        )

    def drafts(self) -> None:
        # Kemal has started an application: one training, no supervised hours, no declaration.
        kemal = self.people["gonullu.kemal@demo.example"]
        _trainings(kemal, self.staff("admin@demo.example"), [(MENTOR_TRAININGS[0], 90)])
        _credential(kemal, organisation=Organisation.objects.get(legal_name=UMUT), declare=False)


REQUIRED_PEOPLE = (
    "ngo@demo.example",
    "stk.ege@demo.example",
    "coordinator@demo.example",
    "koordinator.izmir@demo.example",
    "koordinator.igdir@demo.example",
    "reviewer@demo.example",
    "degerlendirici.izmir1@demo.example",
    "degerlendirici.izmir2@demo.example",
    "degerlendirici.igdir1@demo.example",
    "board@demo.example",
    "kurul2@demo.example",
    "admin@demo.example",
    "mentor@demo.example",
)


def build() -> dict[str, int]:
    """Create the volunteering demo unless it is there."""
    if Program.objects.filter(title=AKRAN, organisation__legal_name=UMUT).exists():
        return counts()
    organisations = Organisation.objects.filter(legal_name__in=[UMUT, EGE])
    if organisations.count() < 2 or User.objects.filter(email__in=REQUIRED_PEOPLE).count() < len(
        REQUIRED_PEOPLE
    ):
        return counts()  # the accreditation demo is not in this database
    demo = Demo()
    demo.profiles()
    demo.programs_and_roles()
    demo.izmir()
    demo.igdir()
    demo.istanbul()
    demo.drafts()
    return counts()


def counts() -> dict[str, int]:
    return {
        "volunteers": VolunteerProfile.objects.count(),
        "programs": Program.objects.count(),
        "placements": Match.objects.count(),
        "mentor credentials": MentorCredential.objects.count(),
    }
