from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.permissions import is_staff_member, staff_mfa_satisfied

# The Wagtail admin is guarded here; staff views elsewhere ask ``require(user, "staff.use")``,
# which applies the same test.
_STAFF_PREFIXES = ("/admin/",)


class StaffMFAMiddleware:
    """Staff must enrol TOTP before they reach the Wagtail admin or any staff page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(_STAFF_PREFIXES)
            and is_staff_member(user)
            and not staff_mfa_satisfied(user)
        ):
            messages.warning(
                request,
                _("Yönetim sayfalarını kullanmadan önce iki adımlı doğrulamayı açmanız gerekir."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
