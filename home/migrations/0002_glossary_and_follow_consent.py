"""The glossary's first terms and the consent purpose for following a campaign by e-mail, read
from ``home/data/glossary.json`` (never from application code). Editors keep both in the admin
afterwards; rows that exist are left as they are."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "glossary.json"


def load(apps, schema_editor):
    GlossaryTerm = apps.get_model("home", "GlossaryTerm")
    ConsentPurpose = apps.get_model("core", "ConsentPurpose")
    ConsentText = apps.get_model("core", "ConsentText")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for term in data["terms"]:
        GlossaryTerm.objects.get_or_create(
            term=term["term"],
            language=term["language"],
            defaults={"preferred": term["preferred"], "reason": term["reason"]},
        )
    follow = data["follow_consent"]
    purpose, _created = ConsentPurpose.objects.get_or_create(
        key=follow["key"],
        # Asked on the campaign page when someone follows, not at sign-up.
        defaults={
            "name": follow["name"],
            "name_en": follow["name_en"],
            "is_active": False,
            "sort_order": follow["sort_order"],
        },
    )
    ConsentText.objects.get_or_create(
        purpose=purpose,
        version=1,
        defaults={"body": follow["body"], "body_en": follow["body_en"]},
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("core", "0003_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
