"""The Turkish collation on PostgreSQL, the database cache table, and the reference data every
installation needs, read from the JSON files in ``core/data`` (never from application code, so
this migration reads the same whatever the code looks like later).

Rows that already exist are left as they are: staff may have edited names and texts.
"""

import json
from pathlib import Path

from django.contrib.postgres.operations import CreateCollation
from django.core.management import call_command
from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def _read(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def create_cache_table(apps, schema_editor):
    """Rate limits are shared between processes through the database cache when there is no
    Redis; ``createcachetable`` does nothing for other caches."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def load_places(apps, schema_editor):
    """Türkiye's 81 provinces (keyed by plate code), 973 districts and land-border neighbours."""
    Province = apps.get_model("core", "Province")
    District = apps.get_model("core", "District")
    existing = set(District.objects.values_list("province_id", "slug"))
    districts = []
    for item in _read("admin_units.json")["provinces"]:
        Province.objects.get_or_create(
            code=item["plate_code"], defaults={"name": item["name"], "slug": item["slug"]}
        )
        districts += [
            District(province_id=item["plate_code"], name=district["name"], slug=district["slug"])
            for district in item["districts"]
            if (item["plate_code"], district["slug"]) not in existing
        ]
    District.objects.bulk_create(districts, batch_size=500)

    Through = Province.neighbours.through
    existing_pairs = set(Through.objects.values_list("from_province_id", "to_province_id"))
    pairs = set()
    for code, neighbours in _read("province_neighbours.json")["neighbours"].items():
        for other in neighbours:
            pairs |= {(int(code), other), (other, int(code))}
    Through.objects.bulk_create(
        Through(from_province_id=a, to_province_id=b) for a, b in sorted(pairs - existing_pairs)
    )


def load_taxonomies(apps, schema_editor):
    data = _read("taxonomies.json")
    for model_name, key in (
        ("WorkingArea", "working_areas"),
        ("TargetGroup", "target_groups"),
        ("AddictionType", "addiction_types"),
        ("ActivityType", "activity_types"),
    ):
        model = apps.get_model("core", model_name)
        for term in data[key]:
            model.objects.get_or_create(
                slug=term["slug"], defaults={k: v for k, v in term.items() if k != "slug"}
            )


def load_consent_purposes(apps, schema_editor):
    ConsentPurpose = apps.get_model("core", "ConsentPurpose")
    ConsentText = apps.get_model("core", "ConsentText")
    for item in _read("consent_purposes.json")["purposes"]:
        purpose, _created = ConsentPurpose.objects.get_or_create(
            key=item["key"],
            defaults={
                "name": item["name"],
                "name_en": item["name_en"],
                "sort_order": item["sort_order"],
            },
        )
        if not ConsentText.objects.filter(purpose=purpose).exists():
            ConsentText.objects.create(
                purpose=purpose, version=1, body=item["body"], body_en=item["body_en"]
            )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_kernel")]

    operations = [
        # A no-op on SQLite, where the collation is registered on each connection instead.
        CreateCollation("turkish", provider="icu", locale="tr-TR"),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
        migrations.RunPython(load_places, migrations.RunPython.noop),
        migrations.RunPython(load_taxonomies, migrations.RunPython.noop),
        migrations.RunPython(load_consent_purposes, migrations.RunPython.noop),
    ]
