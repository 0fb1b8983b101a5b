from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    """Organisations, the accreditation standard, applications, reviews and certificates."""

    name = "accreditation"
    verbose_name = _("Akreditasyon")

    def ready(self) -> None:
        from core.audit import register_actions
        from core.clock import HOUR, Job, register_jobs
        from core.lifecycle import register_lifecycle
        from core.permissions import register_rules

        from . import applications, certificates, organisations, permissions, standards, workflow

        register_rules(permissions.RULES)
        for module in (organisations, applications, certificates, standards):
            register_actions(module.AUDIT_ACTIONS)
        for model, lifecycle in workflow.LIFECYCLES.items():
            register_lifecycle(model, lifecycle)
        # Certificates expire on their day, and holders are reminded 90, 30 and 7 days ahead.
        register_jobs(
            Job("expire_certificates", every=HOUR), Job("send_expiry_reminders", every=HOUR)
        )
