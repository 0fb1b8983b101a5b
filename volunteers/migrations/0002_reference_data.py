from django.db import migrations


def load(apps, schema_editor):
    from volunteers.reference import load as load_reference

    load_reference(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
