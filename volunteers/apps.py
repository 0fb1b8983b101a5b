from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    """Volunteers, experience mentors and matching to social cohesion programs."""

    name = "volunteers"
    verbose_name = _("Gönüllüler")

    def ready(self) -> None:
        # masks: the SQL popcount; credentials and profiles: their audit actions, which must be
        # registered before Wagtail reads the list at the first log entry.
        from . import credentials, masks, privacy, profiles, signals, workflow  # noqa: F401

        workflow.attach()
        signals.connect()

        from events.services import register_volunteer_test

        from .profiles import is_volunteer

        register_volunteer_test(is_volunteer)

        from accreditation.models import Role
        from accreditation.roles_setup import register_role_permissions

        # Administrators tune the matching weights and the mentor credential's terms.
        register_role_permissions(Role.ADMIN, [("volunteers", "change_matchingsettings")])
