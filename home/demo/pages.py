"""The demo site's pages: the Turkish home page as the site root, About, the privacy notice,
the accessibility statement and Contact, each with its English translation, published through
Wagtail's revisions as editors publish them."""

from wagtail.models import Locale, Page, Site

from ..models import HomePage, PortalSettings, StandardPage


def _paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


PAGES = {
    "home": {
        "tr": {
            "title": "Ana Sayfa",
            "seo_title": "Bağımlılıkla Mücadele ve Sosyal Uyum Portalı",
            "search_description": (
                "Kamu kurumları ve sivil toplum kuruluşlarının bağımlılıkla mücadele ve sosyal "
                "uyum için birlikte çalıştığı ortak portal."
            ),
            "hero_title": "Bağımlılıkla mücadelede birlikte daha güçlüyüz",
            "hero_text": (
                "Kamu kurumları, akredite sivil toplum kuruluşları, gönüllüler ve deneyim "
                "mentorları bu portalda buluşur: kampanyaları izleyin, etkinliklere katılın, "
                "gönüllü olun. Bağımlılıkla ilgili yardım için ilk adres ALO 191 ve "
                "Bağımlılık Danışma Birimleridir."
            ),
            "figures": [
                ("4", "çalışma alanında ortak hedefler", "2018 Kamu–STK İşbirliği Çalıştayı"),
                (
                    "39",
                    "İstanbul ilçesinde Bağımlılık Danışma Birimi",
                    "2018 Kamu–STK İşbirliği Çalıştayı Sonuç Raporu",
                ),
                (
                    "45.573",
                    "kişiye İzmir'de bağımlılıkla mücadele eğitimi (2014'ten bu yana)",
                    "İzmir Sosyal Hizmetler Bülteni, 2024/3",
                ),
                (
                    "2.976",
                    "kişiye Iğdır'da bağımlılıkla mücadele eğitimi (2014'ten bu yana)",
                    "Iğdır Sosyal Hizmetler Bülteni, 2024/2",
                ),
            ],
        },
        "en": {
            "title": "Home",
            "seo_title": "Addiction Prevention and Social Cohesion Portal",
            "search_description": (
                "The shared portal where public institutions and NGOs work together against "
                "addiction and for social cohesion."
            ),
            "hero_title": "Together we are stronger against addiction",
            "hero_text": (
                "Public institutions, accredited NGOs, volunteers and experience mentors meet "
                "here: follow campaigns, join events, volunteer. For help with addiction, the "
                "first place to turn is the ALO 191 helpline and the Addiction Counselling Units."
            ),
            "figures": [
                ("4", "working areas with shared goals", "2018 Public–NGO Cooperation Workshop"),
                (
                    "39",
                    "districts of İstanbul with an Addiction Counselling Unit",
                    "2018 Public–NGO Cooperation Workshop outcome report",
                ),
                (
                    "45,573",
                    "people trained on addiction prevention in İzmir since 2014",
                    "İzmir Social Services Bulletin, 2024/3",
                ),
                (
                    "2,976",
                    "people trained on addiction prevention in Iğdır since 2014",
                    "Iğdır Social Services Bulletin, 2024/2",
                ),
            ],
        },
    },
    "about": {
        "setting": "about_page",
        "tr": {
            "title": "Hakkında",
            "slug": "hakkinda",
            "introduction": (
                "Portal, 2018'de İstanbul'da düzenlenen Kamu–STK İşbirliği Çalıştayı'nın "
                "(isteSENyeter) önerileri üzerine kuruldu."
            ),
            "body": [
                _paragraph(
                    "<p>Çalıştayda kamu kurumları ve sivil toplum kuruluşları, bağımlılıkla "
                    "mücadelede birbirini tekrar eden çalışmalar yerine ortak standartlara, ortak "
                    "bir veri tabanına ve ortak projelere ihtiyaç olduğunu vurguladı. Portal bu "
                    "önerileri dört çalışma alanında hayata geçirir: koruyucu ve önleyici "
                    "hizmetler; danışmanlık, arındırma, tedavi ve rehabilitasyon hizmetleri; "
                    "sosyal uyum hizmetleri; iletişim, izleme ve değerlendirme.</p>"
                ),
                _paragraph(
                    "<p>Sivil toplum kuruluşları standartlara göre akredite edilir; akredite "
                    "kuruluşlar faaliyetlerini paylaşır, ortak projeler geliştirir ve gönüllüler "
                    "ile eğitimli deneyim mentorlarını sosyal uyum programlarıyla buluşturur. "
                    "Portal bireysel vaka kabul etmez: ilk başvuru yeri Bağımlılık Danışma "
                    "Birimleri ve ALO 191 hattıdır.</p>"
                ),
            ],
        },
        "en": {
            "title": "About",
            "slug": "about",
            "introduction": (
                "The portal grew out of the proposals of the 2018 Public–NGO Cooperation "
                "Workshop (isteSENyeter) in İstanbul."
            ),
            "body": [
                _paragraph(
                    "<p>At the workshop, public institutions and NGOs stressed that fighting "
                    "addiction needs shared standards, a shared database and joint projects "
                    "instead of work that repeats itself. The portal puts these proposals into "
                    "practice in four working areas: preventive and protective services; "
                    "counselling, detoxification, treatment and rehabilitation services; social "
                    "cohesion services; communication, monitoring and evaluation.</p>"
                ),
                _paragraph(
                    "<p>NGOs are accredited against standards; accredited organisations share "
                    "their activities, build joint projects and bring volunteers and trained "
                    "experience mentors together with social cohesion programmes. The portal "
                    "does not take individual cases: the first place to turn is the Addiction "
                    "Counselling Units and the ALO 191 helpline.</p>"
                ),
            ],
        },
    },
    "privacy": {
        "setting": "privacy_notice_page",
        "tr": {
            "title": "Aydınlatma Metni",
            "slug": "aydinlatma-metni",
            "introduction": (
                "6698 sayılı Kişisel Verilerin Korunması Kanunu'nun 10. maddesi uyarınca "
                "kişisel verilerinizin nasıl işlendiğini açıklar."
            ),
            "body": [
                ("heading", {"text": "Hangi verileri işliyoruz?", "level": "h2"}),
                _paragraph(
                    "<p>Hesabınız için ad soyad, e-posta adresi ve tercih ettiğiniz dil; "
                    "güvenlik için oturum ve iki adımlı doğrulama kayıtları; verdiğiniz açık "
                    "rızaların metin sürümü ve zamanı.</p>"
                ),
                ("heading", {"text": "Hangi amaçla ve hangi hukuki sebeple?", "level": "h2"}),
                _paragraph(
                    "<p>Hesabınızı yönetmek ve portal hizmetlerini sunmak (sözleşmenin ifası); "
                    "güvenliği sağlamak (meşru menfaat); duyuru gönderimi, gönüllü eşleştirmesi "
                    "ve adınızın herkese açık gösterilmesi gibi amaçlar için yalnızca ayrı ayrı "
                    "verdiğiniz açık rıza ile.</p>"
                ),
                ("heading", {"text": "Haklarınız", "level": "h2"}),
                _paragraph(
                    "<p>Kanun'un 11. maddesindeki haklarınızı kullanabilirsiniz: verilerinizi "
                    "hesabınızdan indirebilir, rızalarınızı geri alabilir, düzeltme ve silme "
                    "talebinizi İletişim sayfasından iletebilirsiniz.</p>"
                ),
            ],
        },
        "en": {
            "title": "Privacy notice",
            "slug": "privacy-notice",
            "introduction": (
                "Explains how your personal data is processed, under Article 10 of the Turkish "
                "Personal Data Protection Law No. 6698 (KVKK)."
            ),
            "body": [
                ("heading", {"text": "What data do we process?", "level": "h2"}),
                _paragraph(
                    "<p>For your account: full name, e-mail address and preferred language; for "
                    "security: session and two-factor records; the text version and time of "
                    "each explicit consent you give.</p>"
                ),
                ("heading", {"text": "For what purpose and on what legal basis?", "level": "h2"}),
                _paragraph(
                    "<p>To run your account and the portal's services (performance of a "
                    "contract); to keep the portal secure (legitimate interest); for "
                    "announcements, volunteer matching and showing your name publicly, only with "
                    "the explicit consent you give for each purpose separately.</p>"
                ),
                ("heading", {"text": "Your rights", "level": "h2"}),
                _paragraph(
                    "<p>You can use your rights under Article 11 of the Law: download your data "
                    "from your account, withdraw your consents, and send requests for correction "
                    "or erasure through the Contact page.</p>"
                ),
            ],
        },
    },
    "accessibility": {
        "setting": "accessibility_page",
        "tr": {
            "title": "Erişilebilirlik Beyanı",
            "slug": "erisilebilirlik-beyani",
            "introduction": (
                "Portalı herkesin kullanabilmesi için WCAG 2.1 AA düzeyini hedefliyoruz."
            ),
            "body": [
                _paragraph(
                    "<p>Sayfalar klavyeyle ve ekran okuyucuyla kullanılabilir, JavaScript "
                    "olmadan çalışır ve 360 piksel genişliğindeki telefon ekranlarına uyum "
                    "sağlar. Metinler yeterli renk kontrastıyla sunulur; her form alanının bir "
                    "etiketi vardır.</p>"
                ),
                _paragraph(
                    "<p>Bir erişilebilirlik sorunu yaşarsanız İletişim sayfasından bize "
                    "bildirin; en geç 10 iş günü içinde yanıt veririz.</p>"
                ),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "introduction": "We aim for WCAG 2.1 level AA so that everyone can use the portal.",
            "body": [
                _paragraph(
                    "<p>Pages work with a keyboard and a screen reader, without JavaScript, and "
                    "on phone screens 360 pixels wide. Text has sufficient colour contrast and "
                    "every form field has a label.</p>"
                ),
                _paragraph(
                    "<p>If you meet an accessibility problem, tell us through the Contact page; "
                    "we reply within 10 working days.</p>"
                ),
            ],
        },
    },
    "contact": {
        "setting": "contact_page",
        "tr": {
            "title": "İletişim",
            "slug": "iletisim",
            "introduction": "Portal ile ilgili sorularınız ve kişisel veri talepleriniz için.",
            "body": [
                _paragraph(
                    "<p><b>E-posta:</b> iletisim@portal.example<br>"
                    "<b>Kişisel veri talepleri:</b> kvkk@portal.example</p>"
                ),
                _paragraph(
                    "<p>Bağımlılıkla ilgili yardım için lütfen bu adresleri değil, 7 gün 24 saat "
                    "ücretsiz hizmet veren ALO 191 hattını arayın ya da size en yakın Bağımlılık "
                    "Danışma Birimine başvurun.</p>"
                ),
            ],
        },
        "en": {
            "title": "Contact",
            "slug": "contact",
            "introduction": "For questions about the portal and personal data requests.",
            "body": [
                _paragraph(
                    "<p><b>E-mail:</b> iletisim@portal.example<br>"
                    "<b>Personal data requests:</b> kvkk@portal.example</p>"
                ),
                _paragraph(
                    "<p>For help with addiction, please do not write to these addresses: call "
                    "the free ALO 191 helpline, open 24/7, or go to your nearest Addiction "
                    "Counselling Unit.</p>"
                ),
            ],
        },
    },
}


def _locales() -> tuple[Locale, Locale]:
    tr, _ = Locale.objects.get_or_create(language_code="tr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return tr, en


def _root() -> Page:
    tr, _en = _locales()
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=tr)
    )


def _home_fields(content: dict) -> dict:
    return {
        "title": content["title"],
        "seo_title": content["seo_title"],
        "search_description": content["search_description"],
        "hero_title": content["hero_title"],
        "hero_text": content["hero_text"],
        "key_figures": [
            (
                "figures",
                [
                    {"number": n, "label": label, "source": source}
                    for n, label, source in content["figures"]
                ],
            )
        ],
    }


def _standard_fields(content: dict) -> dict:
    return {
        "title": content["title"],
        "slug": content["slug"],
        "introduction": content["introduction"],
        "body": content["body"],
    }


def _publish(page: Page) -> None:
    page.save_revision().publish()


def build_page_tree() -> HomePage:
    """Turkish home page as the site root, standard pages below, English translations."""
    tr, en = _locales()
    root = _root()
    home = HomePage.objects.filter(locale=tr).first()
    if home is None:
        home = HomePage(slug="ana-sayfa", locale=tr, **_home_fields(PAGES["home"]["tr"]))
        root.add_child(instance=home)
        _publish(home)
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Portal",
            )
        else:
            site.root_page = home
            site.site_name = "Portal"
            site.save()
        # Wagtail's placeholder welcome page is replaced by ours.
        if (
            old_root is not None
            and old_root.pk != home.pk
            and not isinstance(old_root.specific, HomePage)
        ):
            old_root.delete()
    home_en = home.get_translation_or_none(en)
    if home_en is None:
        home_en = HomePage(
            slug="home",
            locale=en,
            translation_key=home.translation_key,
            **_home_fields(PAGES["home"]["en"]),
        )
        root.add_child(instance=home_en)
        _publish(home_en)

    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    for key, content in PAGES.items():
        if key == "home":
            continue
        page = StandardPage.objects.filter(locale=tr, slug=content["tr"]["slug"]).first()
        if page is None:
            page = StandardPage(locale=tr, **_standard_fields(content["tr"]))
            home.add_child(instance=page)
            _publish(page)
        if page.get_translation_or_none(en) is None:
            translation = StandardPage(
                locale=en, translation_key=page.translation_key, **_standard_fields(content["en"])
            )
            home_en.add_child(instance=translation)
            _publish(translation)
        setattr(settings, content["setting"], page)
    settings.save()
    return home
