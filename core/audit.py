"""Audit trail through Wagtail's log, so history shows in the admin beside each record."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

# The portal's audit actions, each app's added from its ready() (``register_actions``).
ACTIONS: dict = {}

# The kernel's own.
KERNEL_ACTIONS = {
    "portal.consent.grant": _("Rıza verildi"),
    "portal.consent.withdraw": _("Rıza geri alındı"),
    "portal.consent_text.publish": _("Rıza metni yayımlandı"),
    "portal.role.assign": _("Rol atandı"),
    "portal.role.revoke": _("Rol kaldırıldı"),
    "portal.account.export": _("Kişisel veriler indirildi"),
}


def register_actions(actions: dict) -> None:
    """Add an app's audit action codes and their labels (from its ``AppConfig.ready()``, before
    Wagtail first reads the list)."""
    ACTIONS.update(actions)


def audit(instance, action: str, *, user=None, data: dict[str, Any] | None = None) -> None:
    if action not in ACTIONS:
        raise ValueError(f"Unregistered audit action {action!r}.")
    log(instance, action, user=user, data=data or {})
