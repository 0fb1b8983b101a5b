from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, sign-ups, waitlists and attendance."""

    name = "events"
    verbose_name = _("Etkinlikler")

    def ready(self) -> None:
        from . import privacy, signals, workflow  # noqa: F401  (privacy: data export sections)

        workflow.attach()
        signals.connect()
