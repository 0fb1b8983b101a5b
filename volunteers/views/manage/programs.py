"""Organisations' social cohesion programs: the list with what waits for an answer, the
draft form, and the program's page with the moves of its life cycle (publish, close,
cancel)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accreditation.models import Membership, Organisation
from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.models import StaffRole, SupportUnit
from core.permissions import has_role, province_ids_for, require, staff_mfa_satisfied

from ... import programs as program_services
from ...availability import describe
from ...forms.manage import CancelProgramForm, ProgramForm
from ...models import HoursLog, Match, Program, Role
from .common import M, status_history

P = Program.Status
H = HoursLog.Status
LIST_PAGE_SIZE = 25
PROGRAM_ACTIONS = {P.PUBLISHED: "publish", P.CLOSED: "close", P.CANCELLED: "cancel"}


def _count(queryset: QuerySet, outer: str = "pk"):
    """A correlated count of ``queryset`` (already filtered on ``OuterRef``) as an annotation,
    so a list costs one query however long it is."""
    counted = queryset.order_by().values(outer).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def program_for(request, slug: str) -> Program:
    program = get_object_or_404(
        Program.objects.select_related(
            "organisation", "support_unit", "working_area", "province", "district"
        ),
        slug=slug,
    )
    require(request.user, "program.manage", program)
    return program


def _units_for_new_programs(user) -> QuerySet:
    """Social Cohesion Units a coordinator (or an administrator) enters programs for: those
    of their provinces."""
    if not (has_role(user, StaffRole.ADMIN) or has_role(user, StaffRole.COORDINATOR)):
        return SupportUnit.objects.none()
    if not staff_mfa_satisfied(user):
        return SupportUnit.objects.none()
    units = (
        SupportUnit.objects.active()
        .filter(kind=SupportUnit.Kind.SOCIAL_COHESION)
        .select_related("province")
    )
    if has_role(user, StaffRole.ADMIN):
        return units
    provinces = province_ids_for(user, StaffRole.COORDINATOR)
    return units if provinces is None else units.filter(province_id__in=provinces)


STATUS_FILTERS = [P.DRAFT, P.PUBLISHED, P.CLOSED, P.CANCELLED]


@login_required
@require_safe
def program_list(request):
    """The programs the person manages with their roles, waiting applications and hours
    waiting for approval; the same few queries however many there are."""
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    programs = program_services.programs_manageable_by(request.user)
    if status:
        programs = programs.filter(status=status)
    programs = (
        programs.select_related("organisation", "support_unit", "province", "district")
        .annotate(
            roles_count=_count(Role.objects.filter(program=OuterRef("pk")), "program"),
            applications_waiting=_count(
                Match.objects.filter(
                    role__program=OuterRef("pk"),
                    origin=Match.Origin.APPLICATION,
                    status=M.PROPOSED,
                ),
                "role__program",
            ),
            hours_waiting=_count(
                HoursLog.objects.filter(match__role__program=OuterRef("pk"), status=H.SUBMITTED),
                "match__role__program",
            ),
        )
        .order_by("-starts_on", "pk")
    )
    page = Paginator(programs, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    organisations = [
        membership.organisation
        for membership in Membership.objects.managing()
        .filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    ]
    units = list(_units_for_new_programs(request.user))
    return render(
        request,
        "volunteers/manage/program_list.html",
        {
            "page_obj": page,
            "organisations": organisations,
            "units": units,
            "status": status,
            "status_filters": [(value, Program.Status(value).label) for value in STATUS_FILTERS],
        },
    )


def _pk_param(request, name: str) -> int | None:
    raw = request.GET.get(name, "")
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise Http404
    return int(raw)


def _program_form_page(
    request, *, program: Program, organisation=None, support_unit=None, creating: bool
):
    if request.method == "POST":
        form = ProgramForm(request.POST, program=program)
    else:
        form = ProgramForm(initial=ProgramForm.initial_for(program), program=program)
    if request.method == "POST" and form.is_valid():
        try:
            saved = program_services.program_save(
                program=None if creating else program,
                by=request.user,
                organisation=organisation,
                support_unit=support_unit,
                data=form.service_data(),
                target_groups=form.cleaned_data["target_groups"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            # A coordinator choosing a province outside their own.
            form.add_error("province", _("Bu ildeki programları yönetme yetkiniz yok."))
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            if creating:
                messages.success(
                    request,
                    _(
                        "“%(title)s” taslak olarak kaydedildi. Rolleri ekleyin, "
                        "sonra programı yayımlayın."
                    )
                    % {"title": saved.title},
                )
            else:
                messages.success(request, _("Değişiklikler kaydedildi."))
            return redirect("manage_program", slug=saved.slug)
    runner = organisation or support_unit or program.organisation or program.support_unit
    return render(
        request,
        "volunteers/manage/program_form.html",
        {
            "program": None if creating else program,
            "form": form,
            "runner_name": getattr(runner, "display_name", None) or getattr(runner, "name", ""),
            "not_accredited": bool(
                (organisation or program.organisation)
                and not (organisation or program.organisation).is_accredited
            ),
        },
    )


@login_required
def program_create(request):
    """A new draft for one of the person's organisations (``?organisation=<pk>``) or, for a
    coordinator, for a Social Cohesion Unit of their province (``?unit=<pk>``)."""
    organisation_pk, unit_pk = _pk_param(request, "organisation"), _pk_param(request, "unit")
    organisation = unit = None
    if organisation_pk is not None:
        organisation = get_object_or_404(Organisation, pk=organisation_pk)
        require(request.user, "program.create", organisation)
        program = Program(
            organisation=organisation,
            province_id=organisation.province_id,
            district_id=organisation.district_id,
        )
    elif unit_pk is not None:
        unit = get_object_or_404(
            SupportUnit.objects.filter(kind=SupportUnit.Kind.SOCIAL_COHESION), pk=unit_pk
        )
        program = Program(
            support_unit=unit, province_id=unit.province_id, district_id=unit.district_id
        )
        require(request.user, "program.manage", program)
    else:
        messages.info(
            request, _("Programı hangi kuruluşunuz ya da birim adına hazırlayacağınızı seçin.")
        )
        return redirect("manage_programs")
    program.starts_on = timezone.localdate()
    return _program_form_page(
        request, program=program, organisation=organisation, support_unit=unit, creating=True
    )


def program_editable(request, program: Program) -> bool:
    if program.status in (P.CLOSED, P.CANCELLED):
        messages.error(request, _("Tamamlanmış ya da iptal edilmiş bir program düzenlenemez."))
        return False
    return True


@login_required
def program_edit(request, slug: str):
    program = program_for(request, slug)
    if not program_editable(request, program):
        return redirect("manage_program", slug=program.slug)
    return _program_form_page(request, program=program, creating=False)


def _program_page(request, program: Program, *, cancel_form=None, status: int = 200):
    moves = lifecycle_of(Program).available(program, request.user)
    actions = {PROGRAM_ACTIONS[move.target] for move in moves if move.target in PROGRAM_ACTIONS}
    roles = list(
        program_services.with_places(program.roles.all())
        .annotate(
            waiting=Count(
                "matches",
                filter=Q(matches__origin=Match.Origin.APPLICATION, matches__status=M.PROPOSED),
                distinct=True,
            )
        )
        .order_by("pk")
    )
    for role in roles:
        role.free = max(role.places - role.held, 0)
    return render(
        request,
        "volunteers/manage/program_detail.html",
        {
            "program": program,
            "roles": roles,
            "target_groups": list(program.target_groups.all()),
            "schedule_text": describe(program.schedule),
            "actions": actions,
            "cancel_form": cancel_form or CancelProgramForm(),
            "history": status_history(program),
            "editable": program.status not in (P.CLOSED, P.CANCELLED),
        },
        status=status,
    )


@login_required
def program_detail(request, slug: str):
    """The program, its roles with places held and free, its history, and the moves of its
    life cycle the person may make (publish, close, cancel with a reason)."""
    program = program_for(request, slug)
    if request.method != "POST":
        return _program_page(request, program)
    action = request.POST.get("action", "")
    if action not in PROGRAM_ACTIONS.values():
        messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
        return redirect("manage_program", slug=program.slug)
    if action == "cancel":
        form = CancelProgramForm(request.POST)
        if not form.is_valid():
            return _program_page(request, program, cancel_form=form)
        try:
            program_services.program_cancel(
                program=program, by=request.user, note=form.cleaned_data["note"]
            )
        except DomainError as error:
            form.add_error(None, str(error))
            return _program_page(request, program, cancel_form=form)
        messages.success(request, _("Program iptal edildi."))
        return redirect("manage_program", slug=program.slug)
    try:
        if action == "publish":
            program_services.program_publish(program=program, by=request.user)
        else:
            program_services.program_close(program=program, by=request.user)
    except DomainError as error:
        if action == "publish":
            messages.error(request, _("Program yayımlanamadı: %(reason)s") % {"reason": str(error)})
        else:
            messages.error(request, str(error))
    else:
        if action == "publish":
            messages.success(request, _("Program yayımlandı; gönüllüler rollere başvurabilir."))
        else:
            messages.success(request, _("Program tamamlandı olarak kapatıldı."))
    return redirect("manage_program", slug=program.slug)
