"""Seed data of the site app: the glossary's first terms (from the portal's stigma-free language
rules in PRODUCT.md) and the consent text for following a campaign by e-mail.

Loaded by a data migration and again, idempotently, by the demo data; editors keep both in the
admin from then on.
"""

PERSON_FIRST = (
    "Kişiyi tek bir özelliğine indirger ve damgalar. Önce kişi gelir: bağımlılık bir durumdur, "
    "kimlik değildir."
)
PERSON_FIRST_EN = (
    "It reduces a person to one condition and stigmatises them. Put the person first: "
    "addiction is a condition, not an identity."
)

TERMS = [
    # (language, term, preferred, reason)
    (
        "tr",
        "eski bağımlı",
        "deneyim mentoru; iyileşme sürecindeki kişi",
        "Kişiyi geçmişiyle etiketler ve iyileşmeyi görünmez kılar. Eğitim almış ve "
        "belgelendirilmiş kişiler için “deneyim mentoru” denir.",
    ),
    (
        "tr",
        "tedavi görmüş bağımlı",
        "deneyim mentoru; iyileşme sürecindeki kişi",
        "Kişiyi geçmişiyle etiketler ve iyileşmeyi görünmez kılar.",
    ),
    (
        "tr",
        "bağımlı",
        "bağımlılıkla mücadele eden kişi; madde kullanım sorunu yaşayan kişi",
        PERSON_FIRST + " (“Bağımlılık” sözcüğü uyarı vermez.)",
    ),
    (
        "tr",
        "keş",
        "madde kullanım sorunu yaşayan kişi",
        "Aşağılayıcı bir argo sözcüktür; kişiyi damgalar ve yardım istemesini zorlaştırır.",
    ),
    (
        "tr",
        "torbacı",
        "uyuşturucu satıcısı",
        "Argo bir sözcüktür; suçu sıradanlaştırır. Açıkça ve yüceltmeden söyleyin.",
    ),
    (
        "tr",
        "baron",
        "uyuşturucu satıcısı; uyuşturucu kaçakçısı",
        "Suçu güç ve zenginlikle ilişkilendirerek yüceltir; gençler için çekici bir imaj "
        "yaratabilir.",
    ),
    (
        "tr",
        "temiz",
        "iyileşme sürecinde",
        "Madde kullanan kişiyi örtük olarak “kirli” sayar. Madde kullanımı bağlamında kullanmayın "
        "(“temiz hava” gibi kullanımlar sorun değildir).",
    ),
    (
        "en",
        "ex-user",
        "experience mentor; person in recovery",
        "It labels a person by their past and hides their recovery.",
    ),
    (
        "en",
        "ex-addict",
        "experience mentor; person in recovery",
        "It labels a person by their past and hides their recovery.",
    ),
    (
        "en",
        "addict",
        "person with a substance use disorder; person who uses drugs",
        PERSON_FIRST_EN + " (The word “addiction” is fine.)",
    ),
    ("en", "junkie", "person who uses drugs", "A derogatory slang word that stigmatises people."),
    (
        "en",
        "drug lord",
        "drug trafficker",
        "It glamorises crime by linking it to power and wealth.",
    ),
    (
        "en",
        "clean",
        "in recovery",
        "It implies that a person who uses substances is “dirty”. Avoid it about substance use.",
    ),
]


FOLLOW_PURPOSE = (
    "campaign_updates",
    "Kampanya duyuruları (e-posta ile takip)",
    "Campaign updates (following by e-mail)",
)
FOLLOW_TEXT = (
    "Takip ettiğim kampanyayla ilgili duyuruların (etkinlikler, ortak paylaşım zamanları, yeni "
    "materyaller) e-posta adresime gönderilmesine açık rıza veriyorum. E-posta adresim yalnızca "
    "bu amaçla kullanılır, üçüncü kişilerle paylaşılmaz. Her e-postadaki bağlantıyla takibi "
    "bırakabilirim; bıraktığımda adresime başka duyuru gönderilmez."
)
FOLLOW_TEXT_EN = (
    "I give my explicit consent to receive updates about the campaign I follow (events, shared "
    "posting moments, new materials) at my e-mail address. My address is used for this purpose "
    "only and is not shared with third parties. I can stop following with the link in every "
    "e-mail; after that no further updates are sent to my address."
)


def load_glossary(GlossaryTerm) -> None:
    for language, term, preferred, reason in TERMS:
        GlossaryTerm.objects.get_or_create(
            term=term, language=language, defaults={"preferred": preferred, "reason": reason}
        )


def load_follow_consent(ConsentPurpose, ConsentText) -> None:
    key, name, name_en = FOLLOW_PURPOSE
    purpose, _created = ConsentPurpose.objects.get_or_create(
        key=key,
        # Asked on the campaign page when someone follows, not at sign-up.
        defaults={"name": name, "name_en": name_en, "is_active": False, "sort_order": 50},
    )
    ConsentText.objects.get_or_create(
        purpose=purpose, version=1, defaults={"body": FOLLOW_TEXT, "body_en": FOLLOW_TEXT_EN}
    )
