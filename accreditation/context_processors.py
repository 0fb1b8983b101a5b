from django.conf import settings

from .permissions import is_staff_member


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "PORTAL_SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "PORTAL_HELPLINE": settings.PORTAL_HELPLINE,
        "portal_is_staff": bool(user and is_staff_member(user)),
    }
