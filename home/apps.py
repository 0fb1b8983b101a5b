from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public site: home page, standard pages and site settings."""

    name = "home"
    verbose_name = _("Site")
