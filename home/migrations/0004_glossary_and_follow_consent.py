from django.db import migrations

def seed(apps, schema_editor):
    from home.glossary_seed import load_follow_consent, load_glossary

    load_glossary(apps.get_model("home", "GlossaryTerm"))
    load_follow_consent(
        apps.get_model("accreditation", "ConsentPurpose"),
        apps.get_model("accreditation", "ConsentText"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_campaigns"),
        ("accreditation", "0009_support_units"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
