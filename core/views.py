"""The account pages: overview, profile, consents and the personal data download."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import privacy, selectors, services
from .audit import audit
from .forms import ProfileForm
from .models import ConsentPurpose
from .permissions import has_mfa, is_staff_member, roles_of, staff_mfa_satisfied

# Account pages act only on request.user by construction: no URL names another person.


@login_required
def account_overview(request):
    user = request.user
    return render(
        request,
        "core/account_overview.html",
        {
            "roles": roles_of(user),
            "role_assignments": user.role_assignments.select_related("province"),
            "has_mfa": has_mfa(user),
            "is_staff_member": is_staff_member(user),
            "staff_mfa_satisfied": staff_mfa_satisfied(user),
        },
    )


@login_required
def profile_edit(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={"full_name": user.full_name, "preferred_language": user.preferred_language},
    )
    if request.method == "POST" and form.is_valid():
        services.account_update_profile(user=user, **form.cleaned_data)
        messages.success(request, _("Bilgileriniz kaydedildi."))
        return redirect("account_overview")
    return render(request, "core/profile_form.html", {"form": form})


@login_required
def consent_list(request):
    return render(
        request,
        "core/consent_list.html",
        {
            "rows": selectors.consent_overview(user=request.user),
            "history": selectors.consent_history(user=request.user)[:50],
        },
    )


@login_required
@require_POST
def consent_change(request, key: str):
    purpose = get_object_or_404(ConsentPurpose, key=key)
    if request.POST.get("action") == "withdraw":
        if services.consent_withdraw(user=request.user, purpose=purpose) is not None:
            messages.success(
                request, _("“%(purpose)s” için rızanızı geri aldınız.") % {"purpose": purpose.label}
            )
    elif request.POST.get("action") == "grant" and purpose.is_active:
        services.consent_grant(user=request.user, purpose=purpose)
        messages.success(
            request, _("“%(purpose)s” için rıza verdiniz.") % {"purpose": purpose.label}
        )
    else:
        messages.error(request, _("Bu işlem yapılamadı."))
    return redirect("account_consents")


@login_required
def personal_data_export(request):
    data = privacy.personal_data_export(user=request.user)
    audit(request.user, "portal.account.export", user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="kisisel-verilerim-{stamp}.json"'
    return response
