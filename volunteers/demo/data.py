"""The demo's tables: the volunteers with their profiles and consents, the programs with
their roles, and what the mentor applicants wrote (references and recovery declarations).
Made-up people and places; no case data about anyone."""

from ..availability import bit
from ..models import CONTACT_CONSENT, MATCHING_CONSENT, PUBLIC_NAME_CONSENT

UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
EGE = "Ege Yeşil Yaşam Derneği"
IGDIR_UNIT = "Iğdır Sosyal Uyum Birimi"

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MORNING, AFTERNOON, EVENING = range(3)


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

# The trainings whose hours count towards the credential, in the order they are taken.
MENTOR_TRAININGS = ("Akran desteği temel eğitimi", "Deneyim mentorluğu eğitimi")
