"""The glossary's first terms, from the portal's stigma-free language rules (PRODUCT.md).

Loaded by a data migration; editors keep the glossary in the admin from then on.
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
        "Kişiyi geçmişiyle etiketler ve iyileşmeyi görünmez kılar. Eğitim almış ve belgelendirilmiş "
        "kişiler için “deneyim mentoru” denir.",
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
        "Suçu güç ve zenginlikle ilişkilendirerek yüceltir; gençler için çekici bir imaj yaratabilir.",
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
