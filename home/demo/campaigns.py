"""Demo campaigns, the language guide and support units, built the way editors and NGO members
build them: pages through Wagtail's revisions, pledges and follows through home.services.

Dates are relative to the day the demo is loaded, so the first campaign is always running, one
is always upcoming and one is over.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from accreditation.models import Organisation
from core.models import (
    AddictionType,
    District,
    Province,
    SupportUnit,
    TargetGroup,
    User,
    WorkingArea,
)
from core.pdf import FONT_DIR

from .. import services as campaign_services
from ..models import (
    CampaignIndexPage,
    CampaignMessage,
    CampaignPage,
    CampaignPledge,
    CampaignVisual,
    HomePage,
    LanguageGuidePage,
)

BOLD_FONT_FILE = FONT_DIR / "DejaVuSans-Bold.ttf"

CLOSING_CALL = "Başarabilirsin, Kurtarabilirsin, Hayatına dokunabilirsin"


def _picture(title: str, lines: list[str], colours: tuple[str, str], name: str) -> Image:
    """A simple poster drawn locally (no stock photos, nothing fetched)."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    width, height = 1600, 900
    top = tuple(int(colours[0][i : i + 2], 16) for i in (1, 3, 5))
    bottom = tuple(int(colours[1][i : i + 2], 16) for i in (1, 3, 5))
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    big = ImageFont.truetype(str(BOLD_FONT_FILE), 120)
    small = ImageFont.truetype(str(BOLD_FONT_FILE), 54)
    y = 260
    for index, line in enumerate(lines):
        font = big if index == 0 else small
        draw.text((200, y), line, font=font, fill=(255, 255, 255))
        y += 170 if index == 0 else 80
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=name)
    image.save()
    return image


def _kit_guide_pdf() -> Document:
    title = "isteSENyeter ortak mesaj kiti rehberi"
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from core.pdf import FONT, FONT_BOLD, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setFont(FONT_BOLD, 18)
    pdf.drawString(60, 780, title)
    pdf.setFont(FONT, 11)
    lines = [
        "1. Mesajları ortak paylaşım zamanında, aynı etiketle (#isteSENyeter) paylaşın.",
        "2. Önce kişi gelir: “bağımlılıkla mücadele eden kişi” deyin; kişiyi etiketlemeyin.",
        "3. Suçu yüceltmeyin: “torbacı”, “baron” yerine “uyuşturucu satıcısı” deyin.",
        "4. Her paylaşımda yardımın adresini verin: ALO 191 ve Bağımlılık Danışma Birimleri.",
        "5. Madde kullanımını gösteren görsel (şırınga, toz, hap) kullanmayın.",
        "6. Kimsenin kimliğini, yüzünü ya da tedavi bilgisini izinsiz paylaşmayın.",
        "",
        CLOSING_CALL + " — isteSENyeter",
    ]
    y = 740
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.showPage()
    pdf.save()
    document = Document(title=title)
    document.file.save("istesenyeter-mesaj-kiti.pdf", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def _ids(model, slugs: list[str]) -> list:
    return list(model.objects.filter(slug__in=slugs))


def _faq() -> tuple[str, dict]:
    return (
        "faq",
        {
            "heading": "Sık sorulan sorular",
            "items": [
                {
                    "question": "Kurumum kampanyaya nasıl katılır?",
                    "answer": (
                        "<p>Akredite bir kuruluşun üyesiyseniz giriş yapın ve bu sayfadaki "
                        "“adına katıl” düğmesine basın. Kuruluşunuz katılan kuruluşlar "
                        "listesinde görünür ve mesaj kitini tek tıkla kopyalayabilirsiniz.</p>"
                    ),
                },
                {
                    "question": "Bir yakınım için yardım almak istiyorum. Nereye başvurmalıyım?",
                    "answer": (
                        "<p>İlk adres ALO 191 Danışma Hattı ve size en yakın Bağımlılık Danışma "
                        "Birimidir. Sivil toplum kuruluşları, profesyonel desteğin ardından "
                        "sosyal uyum sürecinde yanınızda olur.</p>"
                    ),
                },
                {
                    "question": "Mesajları değiştirerek paylaşabilir miyim?",
                    "answer": (
                        "<p>Kuruluşunuzun adını ve yerel etkinlik bilgisini ekleyebilirsiniz; "
                        "etiketi ve ortak dili koruyun. İletişim rehberindeki terimlere "
                        "dikkat edin.</p>"
                    ),
                },
            ],
        },
    )


def _helpline() -> tuple[str, dict]:
    return (
        "helpline",
        {
            "heading": "Destek almak için",
            "text": (
                "Kendiniz ya da bir yakınınız için destek arıyorsanız ilk adım ALO 191 Madde "
                "Bağımlılığı Danışma Hattı ya da size en yakın Bağımlılık Danışma Birimidir."
            ),
        },
    )


CAMPAIGNS = [
    {
        "key": "istesenyeter",
        "days": (-20, 70),
        "publish_in_days": 14,
        "nationwide": True,
        "provinces": [],
        "areas": [
            "koruyucu-ve-onleyici-hizmetler",
            "danismanlik-arindirma-tedavi-ve-rehabilitasyon-hizmetleri",
            "sosyal-uyum-hizmetleri",
            "iletisim-izleme-ve-degerlendirme",
        ],
        "groups": ["ergenler-ve-gencler", "aileler", "ev-sahibi-toplum"],
        "types": ["madde", "alkol", "tutun", "teknoloji-ve-medya"],
        "hashtag": "#isteSENyeter",
        "picture": (
            "isteSENyeter",
            ["isteSENyeter", "Başarabilirsin, Kurtarabilirsin,", "Hayatına dokunabilirsin"],
            ("#0b5a75", "#083f52"),
        ),
        "tr": {
            "title": "isteSENyeter",
            "slug": "istesenyeter",
            "slogan": "İstersen yeter: bağımlılıkla mücadelede birlikteyiz",
            "summary": (
                "Kamu kurumları ve sivil toplum kuruluşları ortak bir dil ve eş zamanlı "
                "mesajlarla bağımlılığa karşı tek ses oluyor. 2018 Kamu–STK İşbirliği "
                "Çalıştayı'nın teması bugün ülke çapında bir kampanya."
            ),
            "hero_alt": (
                "Lacivert zemin üzerinde beyaz harflerle isteSENyeter yazısı ve altında "
                "“Başarabilirsin, Kurtarabilirsin, Hayatına dokunabilirsin” çağrısı."
            ),
            "kit_note": (
                "Mesajları ortak paylaşım zamanında, #isteSENyeter etiketiyle paylaşın. "
                "Görseli X ve Facebook mesajlarıyla, kare görseli Instagram'da kullanın."
            ),
            "body": lambda document, guide: [
                (
                    "paragraph",
                    "<p><b>isteSENyeter</b>, 14–15 Mayıs 2018'de İstanbul'da düzenlenen "
                    "Bağımlılıkla Mücadelede Kamu–Sivil Toplum Kuruluşları İşbirliği "
                    "Çalıştayı'nın temasıdır. Tema hem bağımlılıkla mücadele eden kişilere "
                    "hem de sivil toplum ve kamu kuruluşlarına aynı mesajı verir: istersen "
                    "yeter, birlikte başarabiliriz.</p>"
                    "<p>Çalıştay; koruyucu ve önleyici hizmetler; danışmanlık, arındırma, "
                    "tedavi ve rehabilitasyon; sosyal uyum; iletişim, izleme ve değerlendirme "
                    "olmak üzere dört çalışma alanında ortak öneriler üretti. Önerilerden "
                    "biri, milyonlarca takipçisi olan STK'ların ortak bir mesaj ve bütünleşik "
                    "bir üslupla eş zamanlı paylaşım yapmasıydı. Bu kampanya o öneriyi "
                    "hayata geçiriyor.</p>",
                ),
                (
                    "key_figures",
                    [
                        {
                            "number": "96",
                            "label": (
                                "katılımcı: 41 kamu kurumu ve 46 STK temsilcisi, 9 deneyim sahibi"
                            ),
                            "source": "Kamu–STK İşbirliği Çalıştayı Sonuç Raporu, 2018",
                        },
                        {
                            "number": "4",
                            "label": "çalışma alanında ortak öneriler",
                            "source": "Kamu–STK İşbirliği Çalıştayı Sonuç Raporu, 2018",
                        },
                        {
                            "number": "39",
                            "label": "İstanbul ilçesinde Bağımlılık Danışma Birimi",
                            "source": "Kamu–STK İşbirliği Çalıştayı Sonuç Raporu, 2018",
                        },
                        {
                            "number": "191",
                            "label": "ALO hattı: bilinirliği artırılmalı (çözüm önerisi 13)",
                            "source": "Kamu–STK İşbirliği Çalıştayı Sonuç Raporu, 2018",
                        },
                    ],
                ),
                ("heading", {"text": "Ortak dil neden önemli?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Damgalayan sözcükler yardım istemeyi zorlaştırır; suçu yücelten "
                    "sözcükler gençler için yanlış bir imaj yaratır. Çalıştay, “ex-user” gibi "
                    "etiketlerin ve suçu çekici gösteren ifadelerin gözden geçirilmesini ve "
                    "kapsamlı bir iletişim rehberi hazırlanmasını önerdi. Paylaşımlarınızda "
                    "iletişim rehberindeki terimleri kullanın.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "Başarabilirsin isteSENyeter. Kurtarabilirsin isteSENyeter. "
                        "Hayatına dokunabilirsin isteSENyeter.",
                        "attribution": "Çalıştay sonuç bildirgesinin kapanış çağrısı, 2018",
                    },
                ),
                _helpline(),
                _faq(),
                ("documents", {"heading": "İndirilebilir materyaller", "documents": [document]}),
                (
                    "related_events",
                    {
                        "heading": "Etkinlikler",
                        "extra": [
                            {
                                "title": "Bağımlılıkla Mücadelede Kamu–STK İşbirliği Çalıştayı",
                                "date": dt.date(2018, 5, 14),
                                "place": "Bahariye Mevlevihanesi, İstanbul",
                                "url": "",
                            }
                        ],
                    },
                ),
                ("organisations", {"heading": "Kampanyaya katılan STK'lar"}),
                (
                    "call_to_action",
                    {"text": "İletişim rehberini okuyun", "page": guide, "url": ""},
                ),
            ],
            "messages": [
                (
                    "x",
                    "Bağımlılıkla mücadelede tek ses olalım. Destek için ilk adım ALO 191 ve "
                    "Bağımlılık Danışma Birimleri. Başarabilirsin, kurtarabilirsin, hayatına "
                    "dokunabilirsin. #isteSENyeter",
                ),
                (
                    "instagram",
                    "İstersen yeter.\n\nBağımlılık bir kader değil; destekle iyileşme "
                    "mümkün. Kendin ya da bir yakının için ilk adım: ALO 191 ve sana en yakın "
                    "Bağımlılık Danışma Birimi.\n\nKamu kurumları ve sivil toplum kuruluşları "
                    "olarak bugün aynı anda, aynı sözle buradayız.\n\nBaşarabilirsin. "
                    "Kurtarabilirsin. Hayatına dokunabilirsin.\n\n#isteSENyeter "
                    "#BağımlılıklaMücadele #ALO191",
                ),
                (
                    "facebook",
                    "Bugün onlarca sivil toplum kuruluşu ve kamu kurumu olarak aynı anda aynı "
                    "mesajı paylaşıyoruz: Bağımlılıkla mücadelede yalnız değilsiniz. Destek için "
                    "ALO 191'i arayabilir, size en yakın Bağımlılık Danışma Birimine "
                    "başvurabilirsiniz. İyileşme sürecindeki kişiler ve aileleri için sosyal "
                    "uyum programlarımız açık. #isteSENyeter",
                ),
                (
                    "whatsapp",
                    "Bağımlılıkla mücadelede birlikteyiz. Kendin ya da bir yakının için destek: "
                    "ALO 191. Kampanya: #isteSENyeter",
                ),
            ],
        },
        "en": {
            "title": "isteSENyeter",
            "slug": "istesenyeter",
            "slogan": "If you want it, it is enough: together against addiction",
            "summary": (
                "Public institutions and NGOs speak with one voice against addiction, with a "
                "shared language and synchronised messages. The theme of the 2018 Public–NGO "
                "Cooperation Workshop is now a nationwide campaign."
            ),
            "hero_alt": (
                "White letters reading isteSENyeter on a dark blue background, with the call "
                "“You can succeed, you can save, you can touch a life” below."
            ),
            "kit_note": "Post the messages at the shared moment with the #isteSENyeter hashtag.",
            "body": lambda document, guide: [
                (
                    "paragraph",
                    "<p><b>isteSENyeter</b> (“if you want it, it is enough”) was the theme of the "
                    "Public–NGO Cooperation Workshop on addiction held in İstanbul on 14–15 May "
                    "2018. Its proposals covered four working areas; one of them was that NGOs "
                    "with millions of followers post one shared message at the same moment. "
                    "This campaign puts that proposal into practice.</p>",
                ),
                _helpline(),
                ("organisations", {"heading": "NGOs carrying the campaign"}),
            ],
            "messages": [
                (
                    "x",
                    "One voice against addiction. For support, the first step is the ALO 191 "
                    "helpline and the Addiction Counselling Units. #isteSENyeter",
                ),
            ],
        },
    },
    {
        "key": "ekran",
        "days": (40, 47),
        "publish_in_days": 42,
        "nationwide": False,
        "provinces": [35, 76],
        "areas": ["koruyucu-ve-onleyici-hizmetler"],
        "groups": ["aileler", "cocuklar", "ergenler-ve-gencler"],
        "types": ["teknoloji-ve-medya"],
        "hashtag": "#EkranıDengele",
        "picture": ("Ekranı Dengele", ["Ekranı Dengele", "Aile Haftası"], ("#5b3f8c", "#2f1f4d")),
        "tr": {
            "title": "Ekranı Dengele: Aile Haftası",
            "slug": "ekrani-dengele",
            "slogan": "Ekran başında değil, birlikte",
            "summary": (
                "İzmir ve Iğdır'da aileler için bir hafta: teknoloji ve medya bağımlılığına "
                "karşı okul seminerleri, aile atölyeleri ve ekransız akşamlar."
            ),
            "hero_alt": (
                "Mor zemin üzerinde beyaz harflerle “Ekranı Dengele — Aile Haftası” yazısı."
            ),
            "kit_note": "",
            "body": lambda document, guide: [
                (
                    "paragraph",
                    "<p>Aile Haftası boyunca okullarda ebeveynlere yönelik seminerler, "
                    "gençlik merkezlerinde aile atölyeleri ve her akşam “ekransız saat” "
                    "çağrısı yapılacak. Etkinlikler ücretsizdir.</p>",
                ),
                _helpline(),
                ("organisations", {"heading": "Kampanyaya katılan STK'lar"}),
            ],
            "messages": [
                (
                    "x",
                    "Bu akşam 20.00–21.00 arası ekranlar kapalı, aile birlikte. Sen de katıl! "
                    "#EkranıDengele",
                ),
            ],
        },
        "en": {
            "title": "Balance the Screen: Family Week",
            "slug": "balance-the-screen",
            "slogan": "Together, not behind a screen",
            "summary": (
                "A week for families in İzmir and Iğdır: school seminars, family workshops and "
                "screen-free evenings against technology and media addiction."
            ),
            "hero_alt": "White letters reading “Balance the Screen — Family Week” on purple.",
            "kit_note": "",
            "body": lambda document, guide: [
                (
                    "paragraph",
                    "<p>During Family Week, schools hold seminars for parents and youth centres "
                    "run family workshops. All events are free.</p>",
                ),
            ],
            "messages": [],
        },
    },
    {
        "key": "dumansiz",
        "days": (-200, -150),
        "publish_in_days": None,
        "nationwide": False,
        "provinces": [34],
        "areas": ["koruyucu-ve-onleyici-hizmetler", "iletisim-izleme-ve-degerlendirme"],
        "groups": ["ergenler-ve-gencler", "risk-altindaki-ogrenciler"],
        "types": ["tutun"],
        "hashtag": "#DumansızKampüs",
        "picture": ("Dumansız Kampüs", ["Dumansız Kampüs", "İstanbul"], ("#1f6f50", "#0f3d2b")),
        "tr": {
            "title": "Dumansız Kampüs",
            "slug": "dumansiz-kampus",
            "slogan": "Nefes al, kampüs senin",
            "summary": (
                "İstanbul'daki üniversite kampüslerinde tütün ürünlerine karşı akran "
                "eğitimi ve farkındalık günleri."
            ),
            "hero_alt": "Yeşil zemin üzerinde beyaz harflerle “Dumansız Kampüs” yazısı.",
            "kit_note": "",
            "body": lambda document, guide: [
                (
                    "paragraph",
                    "<p>Kampanya süresince gönüllü öğrenciler akran eğitimleri verdi; "
                    "kampüslerde bırakma danışmanlığına yönlendirme masaları kuruldu.</p>",
                ),
                ("organisations", {"heading": "Kampanyaya katılan STK'lar"}),
            ],
            "messages": [],
        },
        "en": {
            "title": "Smoke-free Campus",
            "slug": "smoke-free-campus",
            "slogan": "Breathe, the campus is yours",
            "summary": "Peer education and awareness days against tobacco on İstanbul campuses.",
            "hero_alt": "White letters reading “Smoke-free Campus” on green.",
            "kit_note": "",
            "body": lambda document, guide: [
                (
                    "paragraph",
                    "<p>Student volunteers gave peer education and campuses hosted referral "
                    "desks for quitting support.</p>",
                ),
            ],
            "messages": [],
        },
    },
]

# Who joined which campaign: (campaign key, organisation legal name, member e-mail).
PLEDGES = [
    ("istesenyeter", "Ege Yeşil Yaşam Derneği", "stk.ege@demo.example"),
    ("ekran", "Umut Işığı Gençlik ve Dayanışma Derneği", "ngo@demo.example"),
    ("ekran", "Ege Yeşil Yaşam Derneği", "stk.ege@demo.example"),
]
# Joined while the campaign ran (the campaign is over now, so it cannot be joined again).
PAST_PLEDGES = [
    ("dumansiz", "Umut Işığı Gençlik ve Dayanışma Derneği", "ngo@demo.example"),
]

SUPPORT_UNITS = [
    # (kind, name, plate, district slug) — demo entries; the directorate keeps the real list.
    ("bdb", "Kadıköy Bağımlılık Danışma Birimi", 34, "kadikoy"),
    ("bdb", "Üsküdar Bağımlılık Danışma Birimi", 34, "uskudar"),
    ("bdb", "Fatih Bağımlılık Danışma Birimi", 34, "fatih"),
    ("treatment", "İzmir AMATEM (Alkol ve Madde Bağımlılığı Tedavi Merkezi)", 35, "bayrakli"),
    ("bdb", "Konak Bağımlılık Danışma Birimi", 35, "konak"),
    ("bdb", "Iğdır İl Sağlık Müdürlüğü Bağımlılık Danışma Birimi", 76, "merkez"),
]

GUIDE = {
    "tr": {
        "title": "İletişim Rehberi",
        "slug": "iletisim-rehberi",
        "introduction": (
            "Bağımlılık üzerine konuşurken kullandığımız sözcükler, yardım istemeyi "
            "kolaylaştırabilir de zorlaştırabilir de. Bu rehber, kampanyalarda ve "
            "paylaşımlarda kullandığımız ortak dili anlatır."
        ),
        "body": [
            ("heading", {"text": "Beş ilke", "level": "h2"}),
            (
                "paragraph",
                "<ol><li><b>Önce kişi gelir.</b> Bağımlılık bir durumdur, kimlik değildir.</li>"
                "<li><b>Suçu yüceltmeyin.</b> Satıcıları güçlü ya da zengin gösteren "
                "sözcüklerden kaçının.</li>"
                "<li><b>Yardımın adresini verin.</b> Her paylaşımda ALO 191 ve Bağımlılık "
                "Danışma Birimleri yer alsın.</li>"
                "<li><b>Mahremiyeti koruyun.</b> Kimsenin yüzünü, adını ya da tedavi bilgisini "
                "izinsiz paylaşmayın.</li>"
                "<li><b>Umut verin.</b> İyileşme mümkündür; deneyim mentorlarının sesine yer "
                "açın.</li></ol>",
            ),
            ("glossary", {"heading": "Bunları kullanmayalım, bunları kullanalım"}),
            (
                "faq",
                {
                    "heading": "Sık sorulan sorular",
                    "items": [
                        {
                            "question": "Yayımlamadan önce metnimi nasıl denetlerim?",
                            "answer": (
                                "<p>Portalda sayfa kaydeden editörler, sözlükteki ifadeler için "
                                "otomatik uyarı ve öneri görür. Sözlüğü editörler günceller.</p>"
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    "en": {
        "title": "Communication Guide",
        "slug": "communication-guide",
        "introduction": (
            "The words we use about addiction can make asking for help easier or harder. This "
            "guide describes the shared language of our campaigns and posts."
        ),
        "body": [
            (
                "paragraph",
                "<ol><li><b>Put the person first.</b> Addiction is a condition, not an "
                "identity.</li><li><b>Do not glamorise crime.</b></li><li><b>Signpost help</b>: "
                "ALO 191 and the Addiction Counselling Units.</li><li><b>Protect privacy.</b></li>"
                "<li><b>Give hope.</b> Recovery is possible.</li></ol>",
            ),
            ("glossary", {"heading": "Words to avoid and what to say instead"}),
        ],
    },
}


def _publish(page) -> None:
    page.save_revision().publish()


def _campaign_index(home: HomePage, locale: Locale, title: str, slug: str, intro: str):
    index = CampaignIndexPage.objects.child_of(home).first()
    if index is None:
        index = CampaignIndexPage(title=title, slug=slug, locale=locale, introduction=intro)
        tr_index = CampaignIndexPage.objects.filter(locale__language_code="tr").first()
        if tr_index is not None and locale.language_code != "tr":
            index.translation_key = tr_index.translation_key
        home.add_child(instance=index)
        _publish(index)
    return index


def _build_campaign(spec: dict, language: str, index, locale, source, picture, document, guide):
    content = spec[language]
    page = CampaignPage.objects.child_of(index).filter(slug=content["slug"]).first()
    if page is not None:
        return page
    today = timezone.localdate()
    publish_moment = None
    if spec["publish_in_days"] is not None:
        day = today + dt.timedelta(days=spec["publish_in_days"])
        publish_moment = timezone.make_aware(dt.datetime.combine(day, dt.time(20, 0)))
    page = CampaignPage(
        title=content["title"],
        slug=content["slug"],
        locale=locale,
        slogan=content["slogan"],
        summary=content["summary"],
        search_description=content["summary"][:250],
        hero_image=picture,
        hero_image_alt=content["hero_alt"],
        start_date=today + dt.timedelta(days=spec["days"][0]),
        end_date=today + dt.timedelta(days=spec["days"][1]),
        nationwide=spec["nationwide"],
        hashtag=spec["hashtag"],
        publish_moment=publish_moment,
        kit_note=content["kit_note"],
        body=content["body"](document, guide),
    )
    if source is not None:
        page.translation_key = source.translation_key
    page.provinces = list(Province.objects.filter(code__in=spec["provinces"]))
    page.working_areas = _ids(WorkingArea, spec["areas"])
    page.target_groups = _ids(TargetGroup, spec["groups"])
    page.addiction_types = _ids(AddictionType, spec["types"])
    page.messages = [CampaignMessage(channel=c, text=t) for c, t in content["messages"]]
    if language == "tr":
        page.visuals = [
            CampaignVisual(image=picture, title=spec["picture"][0], alt=content["hero_alt"])
        ]
    index.add_child(instance=page)
    _publish(page)
    return page


def _guide(home: HomePage, locale: Locale, content: dict, source=None):
    page = LanguageGuidePage.objects.child_of(home).first()
    if page is None:
        page = LanguageGuidePage(
            title=content["title"],
            slug=content["slug"],
            locale=locale,
            introduction=content["introduction"],
            body=content["body"],
        )
        if source is not None:
            page.translation_key = source.translation_key
        home.add_child(instance=page)
        _publish(page)
    return page


def _pledge(campaign: CampaignPage, legal_name: str, email: str, *, while_running=False) -> None:
    organisation = Organisation.objects.filter(legal_name=legal_name).first()
    person = User.objects.filter(email=email).first()
    if organisation is None or person is None:
        return
    if CampaignPledge.objects.filter(campaign=campaign, organisation=organisation).exists():
        return
    if while_running:
        # The pledge was made while the campaign ran: record it as the service would have,
        # with the campaign's dates of then.
        pledge = CampaignPledge.objects.create(
            campaign=campaign, organisation=organisation, created_by=person
        )
        from core.lifecycle import record_start

        record_start(pledge, by=person, note="")
        return
    campaign_services.pledge_join(campaign=campaign, organisation=organisation, by=person)


def build(home_tr: HomePage) -> dict[str, int]:
    tr = Locale.objects.get(language_code="tr")
    en = Locale.objects.get(language_code="en")
    home_en = home_tr.get_translation(en)
    document = _kit_guide_pdf()
    index_tr = _campaign_index(
        home_tr,
        tr,
        "Kampanyalar",
        "kampanyalar",
        "Kamu kurumları ve akredite STK'ların birlikte yürüttüğü farkındalık kampanyaları.",
    )
    index_en = _campaign_index(
        home_en,
        en,
        "Campaigns",
        "campaigns",
        "Awareness campaigns run together by public institutions and accredited NGOs.",
    )
    guide = _guide(home_tr, tr, GUIDE["tr"])
    guide_en = _guide(home_en, en, GUIDE["en"], source=guide)
    pages = {}
    for spec in CAMPAIGNS:
        title, lines, colours = spec["picture"]
        picture = _picture(title, lines, colours, f"{spec['key']}.png")
        source = _build_campaign(spec, "tr", index_tr, tr, None, picture, document, guide)
        _build_campaign(spec, "en", index_en, en, source, picture, document, guide_en)
        pages[spec["key"]] = source

    for key, legal_name, email in PLEDGES:
        _pledge(pages[key], legal_name, email)
    for key, legal_name, email in PAST_PLEDGES:
        _pledge(pages[key], legal_name, email, while_running=True)

    for kind, name, plate, district_slug in SUPPORT_UNITS:
        province = Province.objects.get(code=plate)
        SupportUnit.objects.get_or_create(
            name=name,
            province=province,
            defaults={
                "kind": kind,
                "district": District.objects.filter(province=province, slug=district_slug).first(),
            },
        )

    follower_email = "volunteer@demo.example"
    if not pages["istesenyeter"].followers.filter(email=follower_email).exists():
        campaign_services.follow_start(
            campaign=pages["istesenyeter"], email=follower_email, language="tr"
        )
        follower = pages["istesenyeter"].followers.get(email=follower_email)
        campaign_services.follow_confirm(follower)
    return {"campaigns": CampaignPage.objects.count(), "guides": LanguageGuidePage.objects.count()}
