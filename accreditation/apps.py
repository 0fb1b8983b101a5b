from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    """The core: people, places, reference data, permissions, and (later) accreditation."""

    name = "accreditation"
    verbose_name = _("Akreditasyon ve çekirdek")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import lookups, signals, workflow  # noqa: F401

        workflow.attach()
        from .collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation)
