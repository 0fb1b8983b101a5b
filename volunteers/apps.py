from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    """Volunteers, experience mentors and matching to social cohesion programmes."""

    name = "volunteers"
    verbose_name = _("Gönüllüler")
