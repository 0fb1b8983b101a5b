"""Version 1 of the NGO accreditation standard, read from ``accreditation/data/standard_v1.json``
(never from application code). A published version is never edited in place: a later version
is made in the admin as a draft copy and published there."""

import json
from pathlib import Path

from django.db import migrations
from django.utils import timezone

DATA = Path(__file__).resolve().parent.parent / "data" / "standard_v1.json"
STANDARD_FIELDS = ("title", "title_en", "introduction", "introduction_en")
CRITERION_FIELDS = (
    "code",
    "title",
    "title_en",
    "guidance",
    "guidance_en",
    "required_evidence",
    "required_evidence_en",
    "levels",
    "weight",
    "mandatory",
)


def load(apps, schema_editor):
    Standard = apps.get_model("accreditation", "Standard")
    CriterionGroup = apps.get_model("accreditation", "CriterionGroup")
    Criterion = apps.get_model("accreditation", "Criterion")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    if Standard.objects.filter(code=data["code"], version=data["version"]).exists():
        return
    standard = Standard.objects.create(
        code=data["code"],
        version=data["version"],
        published_at=timezone.now(),
        **{field: data[field] for field in STANDARD_FIELDS},
    )
    for group_order, group in enumerate(data["groups"], start=1):
        group_row = CriterionGroup.objects.create(
            standard=standard,
            code=group["code"],
            title=group["title"],
            title_en=group["title_en"],
            sort_order=group_order,
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=group_row,
                sort_order=order,
                **{field: item[field] for field in CRITERION_FIELDS},
            )
            for order, item in enumerate(group["criteria"], start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
