"""The admin permissions each staff role's group carries. Run after every migration."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models.roles import GROUP_NAMES, Role

# Every staff role reaches the Wagtail admin. Editors also manage pages, images and documents
# through Wagtail's own permissions; the portal's own records are governed by the rules in
# permissions.py (see RuleViewSet in wagtail_hooks.py).
ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
ROLE_PERMISSIONS: dict[Role, list[tuple[str, str]]] = {
    Role.EDITOR: ADMIN_ACCESS
    + [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    Role.REVIEWER: ADMIN_ACCESS,
    Role.BOARD: ADMIN_ACCESS,
    # Coordinators draft pages (a provincial campaign, say) and submit them to the editors'
    # moderation workflow; they cannot publish.
    Role.COORDINATOR: ADMIN_ACCESS
    + [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    Role.ADMIN: ADMIN_ACCESS,
}


def register_role_permissions(role: Role, permissions: list[tuple[str, str]]) -> None:
    """Let another app give a staff role admin permissions on its own models (called from its
    ``AppConfig.ready``, so the core never names the other apps)."""
    # A new list: several roles start from the same ADMIN_ACCESS list.
    ROLE_PERMISSIONS[role] = [
        *ROLE_PERMISSIONS[role],
        *(permission for permission in permissions if permission not in ROLE_PERMISSIONS[role]),
    ]


PAGE_PERMISSIONS = {
    Role.EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.COORDINATOR: ["add_page", "change_page"],
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
