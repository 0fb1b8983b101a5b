"""What every page of the portal needs: its name, the helpline and whether the visitor is staff."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .permissions import is_staff_member

SITE_NAME = _("Bağımlılıkla Mücadele ve Sosyal Uyum Portalı")


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "PORTAL_SITE_NAME": SITE_NAME,
        "PORTAL_HELPLINE": settings.PORTAL_HELPLINE,
        "portal_is_staff": bool(user and is_staff_member(user)),
    }
