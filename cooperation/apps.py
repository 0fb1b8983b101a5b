from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """The shared platform of accredited organisations: activities, joint projects,
    indicators, reports, coordination meetings, and the public province pages with their map."""

    name = "cooperation"
    verbose_name = _("Ortak platform")

    def ready(self) -> None:
        from . import workflow

        workflow.attach()

        from accreditation.profile_sections import register_profile_section

        # Also registers the activities' audit actions, before Wagtail first reads the list.
        from .activities import profile_section

        register_profile_section(profile_section)

        # Their audit actions, registered before Wagtail first reads the list.
        from . import indicators, meetings, projects, reports  # noqa: F401
