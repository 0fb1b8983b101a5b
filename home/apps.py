from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public site: home page, standard pages, campaigns, the language guide and glossary."""

    name = "home"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import selectors, signals, workflow  # noqa: F401  (rules, data export, signals)

        workflow.attach()
