from django.apps import apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def ensure_role_groups(sender, app_config=None, using="default", **kwargs) -> None:
    """Every staff role has its group with the admin permissions it needs, after each migrate.

    post_migrate is sent once per app with models, in INSTALLED_APPS order, and each app's
    permissions are created by its own signal; waiting for the last one means they all exist.
    """
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is None or app_config is not with_models[-1]:
        return
    from .roles_setup import sync_role_groups

    sync_role_groups(using=using)
