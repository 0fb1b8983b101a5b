"""Turkish collation on PostgreSQL, then the reference data every installation needs."""

from django.contrib.postgres.operations import CreateCollation
from django.db import migrations

from accreditation import reference


def load(apps, schema_editor):
    get = apps.get_model
    reference.load_admin_units(get("accreditation", "Province"), get("accreditation", "District"))
    reference.load_taxonomies(
        get("accreditation", "WorkingArea"),
        get("accreditation", "TargetGroup"),
        get("accreditation", "AddictionType"),
        get("accreditation", "ActivityType"),
    )
    reference.load_consent_purposes(
        get("accreditation", "ConsentPurpose"), get("accreditation", "ConsentText")
    )


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0001_initial")]

    operations = [
        # A no-op on SQLite, where the collation is registered on each connection instead.
        CreateCollation("turkish", provider="icu", locale="tr-TR"),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
