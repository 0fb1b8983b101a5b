from django.db import migrations

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


def seed(apps, schema_editor):
    from home.glossary_seed import TERMS

    GlossaryTerm = apps.get_model("home", "GlossaryTerm")
    for language, term, preferred, reason in TERMS:
        GlossaryTerm.objects.get_or_create(
            term=term, language=language, defaults={"preferred": preferred, "reason": reason}
        )
    ConsentPurpose = apps.get_model("accreditation", "ConsentPurpose")
    ConsentText = apps.get_model("accreditation", "ConsentText")
    purpose, _created = ConsentPurpose.objects.get_or_create(
        key="campaign_updates",
        defaults={
            "name": "Kampanya duyuruları (e-posta ile takip)",
            "name_en": "Campaign updates (following by e-mail)",
            # Asked on the campaign page when someone follows, not at sign-up.
            "is_active": False,
            "sort_order": 50,
        },
    )
    ConsentText.objects.get_or_create(
        purpose=purpose, version=1, defaults={"body": FOLLOW_TEXT, "body_en": FOLLOW_TEXT_EN}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_campaigns"),
        ("accreditation", "0009_support_units"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
