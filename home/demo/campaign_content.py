"""The demo campaigns' content: the texts of each campaign in Turkish and English with its
message kit, the shared FAQ and helpline blocks, the message kit guide, who joined which
campaign, the demo support units and the language guide. ``campaigns.build()`` turns it into
pages and records."""

import datetime as dt

CLOSING_CALL = "Başarabilirsin, Kurtarabilirsin, Hayatına dokunabilirsin"

# The message kit guide, a one-page PDF linked from the running campaign.
KIT_GUIDE_TITLE = "isteSENyeter ortak mesaj kiti rehberi"
KIT_GUIDE_LINES = [
    "1. Mesajları ortak paylaşım zamanında, aynı etiketle (#isteSENyeter) paylaşın.",
    "2. Önce kişi gelir: “bağımlılıkla mücadele eden kişi” deyin; kişiyi etiketlemeyin.",
    "3. Suçu yüceltmeyin: “torbacı”, “baron” yerine “uyuşturucu satıcısı” deyin.",
    "4. Her paylaşımda yardımın adresini verin: ALO 191 ve Bağımlılık Danışma Birimleri.",
    "5. Madde kullanımını gösteren görsel (şırınga, toz, hap) kullanmayın.",
    "6. Kimsenin kimliğini, yüzünü ya da tedavi bilgisini izinsiz paylaşmayın.",
    "",
    CLOSING_CALL + " — isteSENyeter",
]


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
