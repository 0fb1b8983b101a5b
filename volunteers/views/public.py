"""Social cohesion programs for everyone: the list, a program's page and applying to a role."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from core.models import ConsentRecord
from core.permissions import can

from .. import availability, placements, programs
from ..forms.public import ApplyForm, ProgramFilter
from ..matching import Rule, refusal
from ..models import (
    PUBLIC_NAME_CONSENT,
    Match,
    MentorCredential,
    Program,
    Role,
    VolunteerProfile,
)
from ..profiles import profile_of

PAGE_SIZE = 12


def _with_free(roles) -> list[Role]:
    """Roles annotated with ``held`` (programs.with_places) get ``free``: no query."""
    roles = list(roles)
    for role in roles:
        role.free = max(role.places - role.held, 0)
    return roles


def _open_roles():
    return programs.with_places(Role.objects.filter(is_open=True)).order_by("pk")


# --- The list --------------------------------------------------------------------------------


def program_list(request):
    """Published programs that are not over, with their open roles and free places. The same
    four queries whatever the number of programs: the count, the page, the page's roles."""
    queryset = programs.open_programs().prefetch_related(
        Prefetch("roles", queryset=_open_roles(), to_attr="open_roles")
    )
    filterset = ProgramFilter(request.GET, queryset=queryset)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    for program in page:
        program.open_roles = _with_free(program.open_roles)
        program.when = availability.describe(program.schedule)
    return render(
        request,
        "volunteers/public/program_list.html",
        {"filter": filterset, "page_obj": page},
    )


# --- One program -----------------------------------------------------------------------------


def _visible_program(request, slug: str) -> Program:
    """Published, closed and cancelled programs are public; a draft exists only for those who
    manage it."""
    program = (
        Program.objects.select_related(
            "organisation", "support_unit", "working_area", "province", "district"
        )
        .filter(slug=slug)
        .first()
    )
    if program is None:
        raise Http404
    if program.status == Program.Status.DRAFT and not can(request.user, "program.manage", program):
        raise Http404
    return program


def public_volunteers(program: Program) -> tuple[int, list[VolunteerProfile]]:
    """How many people hold a place in the program, and the display names of those who gave
    the ``public_name`` consent. ``public_mentor`` is true only for someone who asked to be
    shown as a mentor and holds a credential in force: otherwise nobody learns it here."""
    holding = Match.objects.holding_place().filter(role__program=program)
    count = holding.values("person").distinct().count()
    if not count:
        return 0, []
    consenting = ConsentRecord.objects.in_force().filter(purpose__key=PUBLIC_NAME_CONSENT)
    mentor = MentorCredential.objects.in_force().filter(person=OuterRef("user"))
    named = list(
        VolunteerProfile.objects.filter(
            user__in=holding.values("person"),
        )
        .filter(user__in=consenting.values("user"))
        .annotate(
            public_mentor=ExpressionWrapper(
                Q(show_mentor_publicly=True) & Exists(mentor), output_field=BooleanField()
            )
        )
        .only("display_name", "show_mentor_publicly", "user_id")
        .order_by("display_name", "pk")
    )
    return count, named


def _role_standing(user, role: Role, mine: dict[int, Match]) -> dict:
    """For a signed-in person: their open application or placement in the role, or whether
    they may apply and, if not, the first rule that stops them (their own data only)."""
    match = mine.get(role.pk)
    if match is not None:
        return {"match": match, "refusal": None, "may_apply": False}
    refused = refusal(user, role)
    if refused is not None and refused.reason == Rule.ALREADY:
        refused = None
    return {"match": None, "refusal": refused, "may_apply": refused is None}


def program_detail(request, slug: str):
    program = _visible_program(request, slug)
    roles = _with_free(
        programs.with_places(program.roles.all())
        .prefetch_related(
            "required_skills", "required_languages", "helpful_languages", "required_trainings"
        )
        .order_by("pk")
    )
    user = request.user
    profile = profile_of(user)
    login_url = None
    if user.is_authenticated and program.status == Program.Status.PUBLISHED:
        mine = {
            match.role_id: match
            for match in Match.objects.open().filter(person=user, role__program=program)
        }
        for role in roles:
            role.standing = _role_standing(user, role, mine)
    elif not user.is_authenticated:
        detail_url = reverse("program_detail", args=[program.slug])
        login_url = reverse("account_login") + "?" + urlencode({"next": detail_url})
    count, named = public_volunteers(program)
    return render(
        request,
        "volunteers/public/program_detail.html",
        {
            "program": program,
            "roles": roles,
            "when": availability.describe(program.schedule),
            "target_groups": list(program.target_groups.all()),
            "profile": profile,
            "login_url": login_url,
            "volunteer_count": count,
            "named_volunteers": named,
            "may_manage": can(user, "program.manage", program),
        },
    )


# --- Applying --------------------------------------------------------------------------------


def _visible_role(request, pk: int) -> Role:
    role = (
        Role.objects.select_related(
            "program__organisation", "program__support_unit", "program__province"
        )
        .filter(pk=pk)
        .first()
    )
    if role is None:
        raise Http404
    program = role.program
    if program.status == Program.Status.DRAFT and not can(request.user, "program.manage", program):
        raise Http404
    return role


@login_required
def role_apply(request, pk: int):
    """A short form with an optional note; the matching rules decide, and a refusal is shown
    beside the form with what was written kept."""
    role = _visible_role(request, pk)
    here = reverse("role_apply", args=[role.pk])
    if profile_of(request.user) is None:
        messages.info(request, _("Başvurmadan önce gönüllü profilinizi doldurun."))
        return redirect(reverse("volunteer_profile") + "?" + urlencode({"next": here}))
    existing = Match.objects.open().filter(role=role, person=request.user).first()
    if existing is not None:
        messages.info(request, _("Bu rol için sürmekte olan bir başvurunuz ya da davetiniz var."))
        return redirect("my_match", pk=existing.pk)
    problem = None
    if request.method == "POST":
        form = ApplyForm(request.POST)
        if form.is_valid():
            try:
                match = placements.match_apply(
                    role=role, person=request.user, message=form.cleaned_data["message"]
                )
            except DomainError as error:
                problem = str(error)
            else:
                messages.success(
                    request,
                    _("Başvurunuz kuruluşa iletildi. Yanıt verilince e-posta ile haber veririz."),
                )
                return redirect("my_match", pk=match.pk)
    else:
        form = ApplyForm()
        refused = refusal(request.user, role)
        problem = str(refused) if refused is not None else None
    return render(
        request,
        "volunteers/public/role_apply.html",
        {
            "role": role,
            "program": role.program,
            "form": form,
            "problem": problem,
            "when": availability.describe(role.program.schedule),
        },
    )
