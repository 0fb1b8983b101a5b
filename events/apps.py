from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, sign-ups, waitlists and attendance."""

    name = "events"
    verbose_name = _("Etkinlikler")

    def ready(self) -> None:
        from core.audit import register_actions
        from core.clock import HOUR, Job, register_jobs
        from core.lifecycle import register_lifecycle
        from core.permissions import register_rules
        from core.privacy import register_personal_data

        from . import attendance, attendee_messages, organising, permissions, privacy, workflow

        register_rules(permissions.RULES)
        for module in (organising, attendance, attendee_messages):
            register_actions(module.AUDIT_ACTIONS)
        register_personal_data(privacy.PERSONAL_DATA)
        for model, lifecycle in workflow.LIFECYCLES.items():
            register_lifecycle(model, lifecycle)
        # Day-before reminders: hourly, so each goes out 23–24 hours ahead.
        register_jobs(Job("send_event_reminders", every=HOUR))
