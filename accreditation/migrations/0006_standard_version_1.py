"""Version 1 of the NGO accreditation standard, published, so applications can start."""

from django.db import migrations
from django.utils import timezone

from accreditation import reference


def load(apps, schema_editor):
    reference.load_standard(
        apps.get_model("accreditation", "Standard"),
        apps.get_model("accreditation", "CriterionGroup"),
        apps.get_model("accreditation", "Criterion"),
        published_at=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0005_applications_certificates")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
