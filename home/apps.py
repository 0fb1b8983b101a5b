from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public site: home page, standard pages, campaigns, the language guide and glossary."""

    name = "home"
    verbose_name = _("Site")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from core.audit import register_actions
        from core.lifecycle import register_lifecycle
        from core.permissions import register_rules
        from core.privacy import register_personal_data

        from . import permissions, selectors, signals, workflow

        register_rules(permissions.RULES)
        register_actions(workflow.AUDIT_ACTIONS)
        register_personal_data(selectors.PERSONAL_DATA)
        for model, lifecycle in workflow.LIFECYCLES.items():
            register_lifecycle(model, lifecycle)
        post_migrate.connect(
            signals.ensure_moderation_workflow, dispatch_uid="home.moderation_workflow"
        )
        page_published.connect(
            signals.check_language_on_publish, dispatch_uid="home.check_language_on_publish"
        )
