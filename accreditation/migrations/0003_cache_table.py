"""The database cache table, so rate limits are shared between processes without Redis.

``createcachetable`` does nothing when the configured cache is not the database cache.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0002_reference_data")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
