"""Volunteer skills, languages and trainings, read from ``volunteers/data/reference.json`` (never
from application code). Staff edit them in the admin afterwards; rows that exist are left as they
are. A skill's or language's bit is its place in the matching masks."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "reference.json"


def load(apps, schema_editor):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for model_name, key in (("Skill", "skills"), ("Language", "languages"), ("Training", "trainings")):
        model = apps.get_model("volunteers", model_name)
        for item in data[key]:
            model.objects.get_or_create(
                slug=item["slug"], defaults={k: v for k, v in item.items() if k != "slug"}
            )


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
