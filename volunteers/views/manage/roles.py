"""The roles of a program: the role form, and the role's page with its applications,
invitations, placements and recommended candidates, from which the organisation invites
a volunteer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.permissions import require

from ... import matching, placements
from ... import programs as program_services
from ...forms.manage import InviteForm, RoleForm
from ...models import Match, Program, Role, VolunteerProfile
from .common import M, mark_contacts, refusal_text, with_people
from .programs import program_editable, program_for

P = Program.Status


def _role_for(request, pk: int) -> Role:
    role = get_object_or_404(
        Role.objects.select_related(
            "program__organisation", "program__support_unit", "program__province"
        ),
        pk=pk,
    )
    require(request.user, "program.manage", role.program)
    return role


def _role_form_page(request, *, program: Program, role: Role | None):
    creating = role is None
    if request.method == "POST":
        form = RoleForm(request.POST, role=role)
    elif creating:
        form = RoleForm(role=None)
    else:
        form = RoleForm(initial=RoleForm.initial_for(role), role=role)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            saved = program_services.role_save(
                role=role,
                program=program,
                by=request.user,
                data=form.service_data(),
                required_skills=cleaned["required_skills"],
                required_languages=cleaned["required_languages"],
                helpful_languages=cleaned["helpful_languages"],
                required_trainings=cleaned["required_trainings"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            if creating:
                messages.success(request, _("“%(title)s” rolü eklendi.") % {"title": saved.title})
            else:
                messages.success(request, _("Değişiklikler kaydedildi."))
            return redirect("manage_role", pk=saved.pk)
    return render(
        request,
        "volunteers/manage/role_form.html",
        {"program": program, "role": role, "form": form},
    )


@login_required
def role_create(request, slug: str):
    program = program_for(request, slug)
    if not program_editable(request, program):
        return redirect("manage_program", slug=program.slug)
    return _role_form_page(request, program=program, role=None)


@login_required
def role_edit(request, pk: int):
    role = _role_for(request, pk)
    if not program_editable(request, role.program):
        return redirect("manage_role", pk=role.pk)
    return _role_form_page(request, program=role.program, role=role)


def _role_page(request, role: Role, *, invite_forms: dict | None = None):
    """Applications waiting, invitations sent, placements, ended matches and the recommended
    candidates with an invitation form each."""
    matches = list(with_people(role.matches.all()).order_by("-created_at", "-pk"))
    mark_contacts(matches)
    groups = {"waiting": [], "invited": [], "placed": [], "ended": []}
    for match in matches:
        if match.status == M.PROPOSED:
            key = "waiting" if match.origin == Match.Origin.APPLICATION else "invited"
        elif match.status in Match.HOLDING_PLACE:
            key = "placed"
        else:
            key = "ended"
        groups[key].append(match)
    candidates = matching.recommended_candidates(role)
    invite_forms = invite_forms or {}
    for candidate in candidates:
        candidate.user_id = candidate.profile.user_id
        candidate.form = invite_forms.get(candidate.user_id) or InviteForm(
            auto_id=f"invite_{candidate.user_id}_%s"
        )
    program = role.program
    held = len(groups["placed"])
    return render(
        request,
        "volunteers/manage/role_detail.html",
        {
            "role": role,
            "program": program,
            "held": held,
            "free": max(role.places - held, 0),
            "candidates": candidates,
            "takes_candidates": role.is_open and program.status == P.PUBLISHED,
            "editable": program.status not in (P.CLOSED, P.CANCELLED),
            "required_skills": list(role.required_skills.all()),
            "required_languages": list(role.required_languages.all()),
            "helpful_languages": list(role.helpful_languages.all()),
            "required_trainings": list(role.required_trainings.all()),
            **groups,
        },
    )


@login_required
@require_safe
def role_detail(request, pk: int):
    role = _role_for(request, pk)
    return _role_page(request, role)


@login_required
@require_POST
def role_invite(request, pk: int):
    """Invite a volunteer to the role (mailed to them). The hard rules are checked again: the
    person may have withdrawn their consent since the page was shown."""
    role = _role_for(request, pk)
    raw = request.POST.get("user", "")
    profile = None
    if raw.isdigit() and len(raw) < 18:
        profile = (
            VolunteerProfile.objects.select_related("user")
            .filter(user_id=int(raw), user__is_active=True)
            .first()
        )
    if profile is None:
        messages.error(request, _("Bu gönüllü bulunamadı."))
        return redirect("manage_role", pk=role.pk)
    form = InviteForm(request.POST, auto_id=f"invite_{profile.user_id}_%s")
    if not form.is_valid():
        messages.error(request, _("Davet gönderilemedi; mesajı düzeltin."))
        return _role_page(request, role, invite_forms={profile.user_id: form})
    try:
        placements.match_invite(
            role=role,
            person=profile.user,
            by=request.user,
            message=form.cleaned_data["message"],
            score=matching.score(profile, role).total,
        )
    except DomainError as error:
        messages.error(
            request,
            _("%(name)s davet edilemedi: %(reason)s")
            % {"name": profile.display_name, "reason": refusal_text(error)},
        )
        return _role_page(request, role, invite_forms={profile.user_id: form})
    messages.success(
        request,
        _("%(name)s davet edildi; davet e-postayla iletiliyor.") % {"name": profile.display_name},
    )
    return redirect("manage_role", pk=role.pk)
