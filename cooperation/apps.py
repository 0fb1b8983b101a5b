from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """The shared platform of accredited organisations: activities, joint projects,
    indicators, reports, coordination meetings, and the public province pages with their map."""

    name = "cooperation"
    verbose_name = _("Ortak platform")

    def ready(self) -> None:
        from accreditation.profile_sections import register_profile_section
        from core.audit import register_actions
        from core.lifecycle import register_lifecycle
        from core.permissions import register_rules

        from . import activities, indicators, meetings, permissions, projects, workflow

        register_rules(permissions.RULES)
        for module in (activities, projects, indicators, meetings):
            register_actions(module.AUDIT_ACTIONS)
        for model, lifecycle in workflow.LIFECYCLES.items():
            register_lifecycle(model, lifecycle)
        # Public activities on an organisation's profile page.
        register_profile_section(activities.profile_section)
