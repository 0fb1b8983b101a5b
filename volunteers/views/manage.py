"""Organisations' volunteering pages: their social cohesion programs and roles, applications
and invitations, placements with their check-ins, and the hours volunteers logged with them.

Owners and managers of the running organisation use them; for a Social Cohesion Unit's program,
the province's coordinators. Every page asks the rules of ``volunteers.workflow``
("program.create", "program.manage", "match.manage", "hours.decide") and every list is narrowed
in the query by the same rules, so nobody sees another organisation's records. Volunteers
appear by the display name they chose; their e-mail and phone only with their consent to be
contacted by organisations, and only once they applied or accepted.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accreditation.models import Membership, Organisation
from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.models import ConsentRecord, StaffRole, SupportUnit
from core.permissions import can, has_role, province_ids_for, require, staff_mfa_satisfied

from .. import hours as hours_services
from .. import matches as match_services
from .. import matching
from .. import programs as program_services
from ..availability import describe
from ..exceptions import MatchRefused
from ..forms.common import CheckInForm
from ..forms.manage import (
    CancelProgramForm,
    CloseForm,
    DeclineForm,
    InviteForm,
    ProgramForm,
    RejectHoursForm,
    RoleForm,
)
from ..models import CONTACT_CONSENT, HoursLog, Match, Program, Role, VolunteerProfile

M = Match.Status
P = Program.Status
H = HoursLog.Status
LIST_PAGE_SIZE = 25
HOURS_PAGE_SIZE = 50
# The button each move of a match is, by its target status (the contract with "my_match").
MATCH_ACTIONS = {
    M.ACCEPTED: "accept",
    M.DECLINED: "decline",
    M.WITHDRAWN: "withdraw",
    M.ACTIVE: "start",
    M.CLOSED: "close",
}
PROGRAM_ACTIONS = {P.PUBLISHED: "publish", P.CLOSED: "close", P.CANCELLED: "cancel"}
# Statuses in which the organisation may see how to reach the volunteer (with their consent):
# the person applied, or accepted the place.
CONTACT_STATUSES = (M.ACCEPTED, M.ACTIVE, M.CLOSED)


def _count(queryset: QuerySet, outer: str = "pk"):
    """A correlated count of ``queryset`` (already filtered on ``OuterRef``) as an annotation,
    so a list costs one query however long it is."""
    counted = queryset.order_by().values(outer).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _display_name(name: str | None) -> str:
    return name or _("Adsız gönüllü")


def _refusal_text(error: DomainError) -> str:
    """A hard rule's message, without another organisation's role title: the clash rule names
    the volunteer's other role, which is none of this organisation's business."""
    if isinstance(error, MatchRefused) and error.reason == matching.Rule.CLASH:
        return _("Bu gönüllünün aynı saatlerde başka bir rolü var.")
    return str(error)


def _history(record, *, person_id=None, person_name: str = "") -> list[dict]:
    """The record's status changes for a timeline; the volunteer appears by display name."""
    labels = dict(type(record).Status.choices)
    rows = []
    for change in record.history():
        if change.by_id is None:
            by = _("Portal")
        elif person_id is not None and change.by_id == person_id:
            by = person_name
        else:
            by = change.by.full_name or change.by.email
        rows.append(
            {
                "at": change.at,
                "by": by,
                "from": labels.get(change.from_status, change.from_status),
                "to": labels.get(change.to_status, change.to_status),
                "note": change.note,
            }
        )
    return rows


def _contact_consenting(user_ids) -> set[int]:
    """Of ``user_ids``, those whose consent to be contacted by organisations is in force."""
    user_ids = [pk for pk in user_ids if pk]
    if not user_ids:
        return set()
    return set(
        ConsentRecord.objects.in_force()
        .filter(purpose__key=CONTACT_CONSENT, user_id__in=user_ids)
        .values_list("user_id", flat=True)
    )


def _contact_allowed(match: Match) -> bool:
    """The person applied (and has not withdrawn) or accepted the place."""
    if match.status in CONTACT_STATUSES:
        return True
    return match.origin == Match.Origin.APPLICATION and match.status == M.PROPOSED


def _with_people(matches: QuerySet) -> QuerySet:
    return matches.select_related("person").annotate(
        display_name=F("person__volunteer_profile__display_name"),
        phone=F("person__volunteer_profile__phone"),
    )


def _mark_contacts(matches: list[Match]) -> None:
    """Set ``contact`` on each match: the e-mail and phone the organisation may see, or None."""
    consenting = _contact_consenting([match.person_id for match in matches])
    for match in matches:
        match.person_name = _display_name(match.display_name)
        if match.person_id in consenting and _contact_allowed(match):
            match.contact = {"email": match.person.email, "phone": match.phone}
        else:
            match.contact = None


# --- Programs ---------------------------------------------------------------------------------


def _program_for(request, slug: str) -> Program:
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


def _editable(request, program: Program) -> bool:
    if program.status in (P.CLOSED, P.CANCELLED):
        messages.error(request, _("Tamamlanmış ya da iptal edilmiş bir program düzenlenemez."))
        return False
    return True


@login_required
def program_edit(request, slug: str):
    program = _program_for(request, slug)
    if not _editable(request, program):
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
            "history": _history(program),
            "editable": program.status not in (P.CLOSED, P.CANCELLED),
        },
        status=status,
    )


@login_required
def program_detail(request, slug: str):
    """The program, its roles with places held and free, its history, and the moves of its
    life cycle the person may make (publish, close, cancel with a reason)."""
    program = _program_for(request, slug)
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


# --- Roles ------------------------------------------------------------------------------------


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
    program = _program_for(request, slug)
    if not _editable(request, program):
        return redirect("manage_program", slug=program.slug)
    return _role_form_page(request, program=program, role=None)


@login_required
def role_edit(request, pk: int):
    role = _role_for(request, pk)
    if not _editable(request, role.program):
        return redirect("manage_role", pk=role.pk)
    return _role_form_page(request, program=role.program, role=role)


def _role_page(request, role: Role, *, invite_forms: dict | None = None):
    """Applications waiting, invitations sent, placements, ended matches and the recommended
    candidates with an invitation form each."""
    matches = list(_with_people(role.matches.all()).order_by("-created_at", "-pk"))
    _mark_contacts(matches)
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
        match_services.match_invite(
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
            % {"name": profile.display_name, "reason": _refusal_text(error)},
        )
        return _role_page(request, role, invite_forms={profile.user_id: form})
    messages.success(
        request,
        _("%(name)s davet edildi; davet e-postayla iletiliyor.") % {"name": profile.display_name},
    )
    return redirect("manage_role", pk=role.pk)


# --- Matches ----------------------------------------------------------------------------------


def _match_page(request, match: Match, *, forms: dict | None = None):
    forms = forms or {}
    moves = lifecycle_of(Match).available(match, request.user)
    actions = [MATCH_ACTIONS[move.target] for move in moves if move.target in MATCH_ACTIONS]
    check_ins_open = match.status in Match.HOLDING_PLACE and can(request.user, "match.close", match)
    check_ins = list(match.check_ins.select_related("by"))
    for check_in in check_ins:
        if check_in.by_id == match.person_id:
            check_in.by_name = match.person_name
        elif check_in.by_id is None:
            check_in.by_name = "—"
        else:
            check_in.by_name = check_in.by.full_name or check_in.by.email
    return render(
        request,
        "volunteers/manage/match_detail.html",
        {
            "match": match,
            "role": match.role,
            "program": match.role.program,
            "actions": actions,
            "decline_form": forms.get("decline") or DeclineForm(),
            "close_form": forms.get("close") or CloseForm(),
            "check_in_form": forms.get("check_in") or CheckInForm(),
            "check_ins_open": check_ins_open,
            "check_ins": check_ins,
            "history": _history(match, person_id=match.person_id, person_name=match.person_name),
        },
    )


def _match_for(request, pk: int) -> Match:
    match = get_object_or_404(
        _with_people(
            Match.objects.select_related(
                "role__program__organisation",
                "role__program__support_unit",
                "role__program__province",
            )
        ),
        pk=pk,
    )
    require(request.user, "match.manage", match)
    _mark_contacts([match])
    return match


MATCH_DONE = {
    "accept": gettext_lazy("Kabul edildi; %(name)s bu rolde yer aldı."),
    "decline": gettext_lazy("Geri çevrildi; %(name)s e-postayla bilgilendiriliyor."),
    "withdraw": gettext_lazy("Davet geri çekildi."),
    "start": gettext_lazy("Yerleştirme başladı olarak işaretlendi."),
    "close": gettext_lazy("Yerleştirme kapatıldı."),
    "check_in": gettext_lazy("Görüşme notu eklendi."),
}


@login_required
def match_detail(request, pk: int):
    """One application, invitation or placement: the volunteer's message, history and
    check-ins, and the moves the person may make, each a form of its own."""
    match = _match_for(request, pk)
    if request.method != "POST":
        return _match_page(request, match)
    action = request.POST.get("action", "")
    user = request.user
    form = None
    try:
        if action == "accept":
            match_services.match_accept(match=match, by=user)
        elif action == "withdraw":
            match_services.match_withdraw(match=match, by=user)
        elif action == "start":
            match_services.match_start(match=match, by=user)
        elif action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                return _match_page(request, match, forms={"decline": form})
            match_services.match_decline(match=match, by=user, note=form.cleaned_data["note"])
        elif action == "close":
            form = CloseForm(request.POST)
            if not form.is_valid():
                return _match_page(request, match, forms={"close": form})
            match_services.match_close(
                match=match,
                by=user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        elif action == "check_in":
            form = CheckInForm(request.POST)
            if not form.is_valid():
                return _match_page(request, match, forms={"check_in": form})
            match_services.check_in_add(
                match=match,
                by=user,
                on=form.cleaned_data["on"],
                mood=form.cleaned_data["mood"],
                note=form.cleaned_data["note"],
            )
        else:
            messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
            return redirect("manage_match", pk=match.pk)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return _match_page(request, match)
        add_service_errors(form, error)
        return _match_page(request, match, forms={action: form})
    except DomainError as error:
        messages.error(request, _refusal_text(error))
        match.refresh_from_db(fields=["status"])
        return _match_page(request, match, forms={action: form} if form is not None else None)
    messages.success(request, MATCH_DONE[action] % {"name": match.person_name})
    return redirect("manage_match", pk=match.pk)


# --- Hours ------------------------------------------------------------------------------------


def _hours_scope(user) -> Q:
    """The logs whose approval is the person's job, under the rule "hours.decide": their
    organisations'; for coordinators, the logs of their provinces with no organisation (a
    unit's program or an institution's event); for administrators, all of those."""
    scope = Q(
        organisation__in=Membership.objects.managing().filter(user=user).values("organisation")
    )
    staff = has_role(user, StaffRole.ADMIN) or has_role(user, StaffRole.COORDINATOR)
    if staff and staff_mfa_satisfied(user):
        provinces = (
            None
            if has_role(user, StaffRole.ADMIN)
            else province_ids_for(user, StaffRole.COORDINATOR)
        )
        if provinces is None:
            scope |= Q(organisation__isnull=True)
        elif provinces:
            scope |= Q(organisation__isnull=True, province_id__in=provinces)
    return scope


def _hours_page(request, *, errors: dict | None = None, status: int = 200):
    user = request.user
    scope = _hours_scope(user)
    queue = (
        HoursLog.objects.filter(scope, status=H.SUBMITTED)
        .exclude(person=user)  # nobody approves their own hours
        .select_related(
            "person", "match__role__program", "signup__event", "organisation", "province"
        )
        .annotate(display_name=F("person__volunteer_profile__display_name"))
        .order_by("on", "pk")
    )
    page = Paginator(queue, HOURS_PAGE_SIZE).get_page(
        request.POST.get("page") or request.GET.get("page")
    )
    errors = errors or {}
    for log in page.object_list:
        log.person_name = _display_name(log.display_name)
        log.reject_form = errors.get(log.pk) or RejectHoursForm(auto_id=f"reject_{log.pk}_%s")
    totals = hours_services.totals_by(
        "match__role", HoursLog.objects.filter(scope, match__isnull=False)
    )
    roles = Role.objects.select_related("program").in_bulk([row["match__role"] for row in totals])
    role_totals = [
        {"role": roles[row["match__role"]], "total": row["total"]}
        for row in totals
        if row["match__role"] in roles
    ]
    return render(
        request,
        "volunteers/manage/hours_queue.html",
        {"page_obj": page, "role_totals": role_totals},
        status=status,
    )


@login_required
@require_safe
def hours_queue(request):
    """Hours waiting for the person's approval, and approved hours per role."""
    return _hours_page(request)


@login_required
@require_POST
def hours_decide(request, pk: int):
    log = get_object_or_404(
        HoursLog.objects.select_related("person").annotate(
            display_name=F("person__volunteer_profile__display_name")
        ),
        pk=pk,
    )
    require(request.user, "hours.decide", log)
    name = _display_name(log.display_name)
    action = request.POST.get("action", "")
    form = None
    try:
        if action == "approve":
            hours_services.hours_approve(log=log, by=request.user)
        elif action == "reject":
            form = RejectHoursForm(request.POST, auto_id=f"reject_{log.pk}_%s")
            if not form.is_valid():
                messages.error(
                    request,
                    _("%(name)s adlı gönüllünün saati reddedilmedi: nedenini yazın.")
                    % {"name": name},
                )
                return _hours_page(request, errors={log.pk: form})
            hours_services.hours_reject(log=log, by=request.user, note=form.cleaned_data["note"])
        else:
            messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
            return redirect("hours_queue")
    except DomainError as error:
        messages.error(request, str(error))
        return _hours_page(request, errors={log.pk: form} if form is not None else None)
    hours_text = formats.number_format(Decimal(f"{log.hours.normalize():f}"))
    if action == "approve":
        messages.success(
            request,
            _("%(name)s adlı gönüllünün %(hours)s saati onaylandı.")
            % {"name": name, "hours": hours_text},
        )
    else:
        messages.success(
            request,
            _("%(name)s adlı gönüllünün %(hours)s saati reddedildi; gönüllüye bildiriliyor.")
            % {"name": name, "hours": hours_text},
        )
    return redirect("hours_queue")
