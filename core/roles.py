"""The admin permissions each staff role's group carries, kept in step after every migration."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models.roles import GROUP_NAMES, StaffRole

# Every staff role reaches the Wagtail admin. Editors also manage pages, images and documents
# through Wagtail's own permissions; the portal's own records are governed by the rules in
# each app's permissions.py (see ``core.viewsets.RuleViewSet``).
ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
ROLE_PERMISSIONS: dict[StaffRole, list[tuple[str, str]]] = {
    StaffRole.EDITOR: ADMIN_ACCESS
    + [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    StaffRole.REVIEWER: ADMIN_ACCESS,
    StaffRole.BOARD: ADMIN_ACCESS,
    # Coordinators draft pages (a provincial campaign, say) and submit them to the editors'
    # moderation workflow; they cannot publish.
    StaffRole.COORDINATOR: ADMIN_ACCESS
    + [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    StaffRole.ADMIN: ADMIN_ACCESS,
}


def register_role_permissions(role: StaffRole, permissions: list[tuple[str, str]]) -> None:
    """Let another app give a staff role admin permissions on its own models (called from its
    ``AppConfig.ready``, so the core never names the other apps)."""
    # A new list: several roles start from the same ADMIN_ACCESS list.
    ROLE_PERMISSIONS[role] = [
        *ROLE_PERMISSIONS[role],
        *(permission for permission in permissions if permission not in ROLE_PERMISSIONS[role]),
    ]


PAGE_PERMISSIONS = {
    StaffRole.EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    StaffRole.COORDINATOR: ["add_page", "change_page"],
}


@transaction.atomic
def sync_role_groups(using: str = "default") -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for role, group_name in GROUP_NAMES.items():
        group, _created = Group.objects.using(using).get_or_create(name=group_name)
        wanted = []
        for app_label, codename in ROLE_PERMISSIONS[role]:
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission is not None:
                wanted.append(permission)
        group.permissions.add(*wanted)

        if role in PAGE_PERMISSIONS:
            root = Page.get_first_root_node()
            if root is not None:
                for codename in PAGE_PERMISSIONS[role]:
                    permission = Permission.objects.filter(
                        content_type__app_label="wagtailcore", codename=codename
                    ).first()
                    if permission:
                        GroupPagePermission.objects.get_or_create(
                            group=group, page=root, permission=permission
                        )
            collection = Collection.get_first_root_node()
            if collection is not None:
                for app_label, codename in ROLE_PERMISSIONS[role]:
                    if app_label in {"wagtailimages", "wagtaildocs"}:
                        permission = Permission.objects.get(
                            content_type__app_label=app_label, codename=codename
                        )
                        GroupCollectionPermission.objects.get_or_create(
                            group=group, collection=collection, permission=permission
                        )


def ensure_role_groups(sender, app_config=None, using="default", **kwargs) -> None:
    """Every staff role has its group with the admin permissions it needs, after each migrate.

    post_migrate is sent once per app with models, in INSTALLED_APPS order, and each app's
    permissions are created by its own signal; waiting for the last one means they all exist.
    """
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is None or app_config is not with_models[-1]:
        return
    sync_role_groups(using=using)
