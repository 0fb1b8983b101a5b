from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app builds on: people, places, reference data, staff roles, consent,
    life cycles, permissions, audit, mail and the shared helpers.

    Every registry of the portal (permission rules, audit actions, life cycles, personal data
    sections, profile sections, role permissions) is filled in the ``ready()`` of the app that
    owns the entries, so nothing exists only because some module happened to be imported.
    """

    name = "core"
    verbose_name = _("Çekirdek")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models import IntegerField
        from django.db.models.signals import post_migrate

        from .audit import KERNEL_ACTIONS, register_actions
        from .clock import KERNEL_JOBS, register_jobs
        from .collation import register_sqlite_collation
        from .lookups import IntegerFieldIn
        from .permissions import RULES, register_rules
        from .roles import ensure_role_groups

        IntegerField.register_lookup(IntegerFieldIn)
        connection_created.connect(register_sqlite_collation, dispatch_uid="core.collation")
        post_migrate.connect(ensure_role_groups, dispatch_uid="core.ensure_role_groups")
        register_rules(RULES)
        register_actions(KERNEL_ACTIONS)
        register_jobs(*KERNEL_JOBS)
