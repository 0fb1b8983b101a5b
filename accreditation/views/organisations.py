from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import DomainError
from core.permissions import can, require

from .. import organisations as services
from ..filters import OrganisationDirectoryFilter
from ..forms import InvitationForm, OrganisationForm
from ..models import Membership, Organisation
from ..profile_sections import profile_sections

DIRECTORY_PAGE_SIZE = 20


def directory(request):
    """Public directory: accredited organisations by default, filters in the URL."""
    queryset = (
        Organisation.objects.select_related("province", "district")
        .prefetch_related("working_areas")
        .alphabetical()
    )
    filterset = OrganisationDirectoryFilter(request.GET or None, queryset=queryset)
    results = filterset.qs if filterset.is_valid() else queryset.none()
    page = Paginator(results, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accreditation/organisation_directory.html",
        {"filter": filterset, "page_obj": page},
    )


def profile(request, slug: str):
    organisation = get_object_or_404(
        Organisation.objects.select_related("province", "district").prefetch_related(
            "working_areas", "target_groups", "addiction_types"
        ),
        slug=slug,
    )
    return render(
        request,
        "accreditation/organisation_profile.html",
        {
            "organisation": organisation,
            "is_member": can(request.user, "organisation.view_private", organisation),
            "can_edit": can(request.user, "organisation.edit", organisation),
            "certificate": organisation.certificates.filter(kind="organisation")
            .exclude(status="superseded")
            .order_by("-issued_on")
            .first(),
            "sections": profile_sections(request, organisation),
        },
    )


@login_required
def mine(request):
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("organisation", "organisation__province")
        .order_by("organisation__legal_name")
    )
    return render(request, "accreditation/organisation_mine.html", {"memberships": memberships})


@login_required
def register(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s kaydedildi. Artık akreditasyon başvurusu yapabilirsiniz.")
                % {"name": organisation.display_name},
            )
            return redirect("organisation_profile", slug=organisation.slug)
    return render(
        request, "accreditation/organisation_form.html", {"form": form, "organisation": None}
    )


@login_required
def edit(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "organisation.edit", organisation)
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation, user=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kuruluş bilgileri kaydedildi."))
            return redirect("organisation_profile", slug=organisation.slug)
    return render(
        request,
        "accreditation/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
def members(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "organisation.view_private", organisation)
    may_manage = can(request.user, "organisation.manage_members", organisation)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        require(request.user, "organisation.manage_members", organisation)
        if form.is_valid():
            try:
                services.invitation_create(
                    organisation=organisation,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    invited_by=request.user,
                    base_url=request.build_absolute_uri("/").rstrip("/"),
                )
            except DomainError as error:
                form.add_error("email", str(error))
            else:
                messages.success(
                    request,
                    _("%(email)s adresine davet gönderildi.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("organisation_members", slug=organisation.slug)
    return render(
        request,
        "accreditation/organisation_members.html",
        {
            "organisation": organisation,
            "memberships": organisation.memberships.select_related("user").order_by(
                "role", "joined_at"
            ),
            "invitations": organisation.invitations.pending() if may_manage else [],
            "may_manage": may_manage,
            "form": form,
            "roles": [
                (Membership.Role.MEMBER, Membership.Role.MEMBER.label),
                (Membership.Role.MANAGER, Membership.Role.MANAGER.label),
            ],
        },
    )


@login_required
@require_POST
def member_action(request, slug: str, membership_id: int):
    """Change a member's role, remove them, hand them ownership, or leave (one's own row)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    action = request.POST.get("action")
    leaving = action == "leave" and membership.user_id == request.user.pk
    if not leaving:
        require(request.user, "organisation.manage_members", organisation)
    try:
        if leaving:
            services.membership_remove(membership=membership, by=request.user)
            messages.success(request, _("Kuruluştan ayrıldınız."))
            return redirect("organisation_mine")
        if action == "role":
            services.membership_set_role(
                membership=membership, role=request.POST.get("role", ""), by=request.user
            )
            messages.success(request, _("Rol güncellendi."))
        elif action == "remove":
            services.membership_remove(membership=membership, by=request.user)
            messages.success(request, _("Üye çıkarıldı."))
        elif action == "transfer":
            services.ownership_transfer(organisation=organisation, to=membership, by=request.user)
            messages.success(request, _("Sahiplik devredildi."))
        else:
            raise PermissionDenied("unknown action")
    except DomainError as error:
        messages.error(request, str(error))
    return redirect("organisation_members", slug=organisation.slug)


@login_required
@require_POST
def invitation_revoke(request, slug: str, invitation_id: int):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "organisation.manage_members", organisation)
    invitation = get_object_or_404(organisation.invitations.pending(), pk=invitation_id)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, _("Davet geri alındı."))
    return redirect("organisation_members", slug=organisation.slug)


def invitation(request, token: str):
    """The link in an invitation e-mail: sign in (or sign up) with the invited address, accept."""
    found = services.invitation_for_token(token)
    if found is None:
        return render(request, "accreditation/invitation.html", {"invitation": None}, status=404)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path, reverse("account_login"))
        try:
            services.invitation_accept(invitation=found, user=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s kuruluşuna katıldınız.") % {"name": found.organisation.display_name},
            )
            return redirect("organisation_profile", slug=found.organisation.slug)
    return render(request, "accreditation/invitation.html", {"invitation": found})
