from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from .permissions import is_staff_member

SITE_NAME = _("Bağımlılıkla Mücadele ve Sosyal Uyum Portalı")


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "PORTAL_SITE_NAME": SITE_NAME,
        "PORTAL_HELPLINE": settings.PORTAL_HELPLINE,
        "portal_is_staff": bool(user and is_staff_member(user)),
        # Asked only by the pages that show organisers' links (one query, when used).
        "portal_manages_organisation": SimpleLazyObject(lambda: _manages(user)),
    }


def _manages(user) -> bool:
    from .models import Membership

    if not (user and user.is_authenticated):
        return False
    return Membership.objects.filter(user=user).managing().exists()
