"""Joint project pages of the shared platform.

Every platform user (members of accredited organisations and staff) sees the list and each
project's summary and may ask to join for an organisation they manage. The workspace — members,
linked activities, updates, files and the status history — is for the lead and the accepted
partners only ("project.files"). The lead's owners and managers answer requests, invite, edit
and move the project through its life cycle. Views parse input and call ``cooperation.projects``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accreditation.models import Organisation
from core.exceptions import DomainError
from core.files import private_file_response
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of, transition
from core.models import Province, WorkingArea
from core.permissions import can, require

from .. import projects as services
from ..forms.projects import (
    FileForm,
    InviteForm,
    JoinForm,
    LinkActivityForm,
    ProjectFilter,
    ProjectForm,
    UpdateForm,
)
from ..models import Activity, Project, ProjectFile, ProjectPartner
from ..permissions import platform_organisations
from .common import status_history

J = Project.Status
PP = ProjectPartner.Status
PAGE_SIZE = 20


def _enter(request) -> None:
    require(request.user, "platform.enter")


def _pk_param(request, name: str) -> int | None:
    raw = request.GET.get(name, "") or request.POST.get(name, "")
    if not raw:
        return None
    if not (str(raw).isascii() and str(raw).isdigit()) or len(str(raw)) > 18:
        raise Http404
    return int(raw)


def _project(request, slug: str) -> Project:
    _enter(request)
    project = get_object_or_404(Project.objects.select_related("lead", "created_by"), slug=slug)
    require(request.user, "project.view", project)
    return project


# --- List -------------------------------------------------------------------------------------


@login_required
@require_safe
def project_list(request):
    """All projects on the platform, newest first, with filters in the URL; the same few
    queries however many there are."""
    _enter(request)
    accepted = (
        ProjectPartner.objects.filter(project=OuterRef("pk"), status=PP.ACCEPTED)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    projects = (
        Project.objects.select_related("lead")
        .annotate(partner_count=Coalesce(Subquery(accepted, output_field=IntegerField()), Value(0)))
        .prefetch_related(
            Prefetch("working_areas", queryset=WorkingArea.objects.order_by("sort_order")),
            Prefetch("provinces", queryset=Province.objects.alphabetical()),
        )
        .order_by("-created_at", "-pk")
    )
    filterset = ProjectFilter(request.GET, queryset=projects, user=request.user)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperation/projects/project_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "can_propose": services.proposing_organisations(request.user).exists(),
        },
    )


# --- Proposing and editing --------------------------------------------------------------------


def _prefill_from_activity(request, organisations) -> tuple[dict, Activity | None]:
    """``?activity=<pk>``: another organisation's activity (an overlap) suggests the title,
    area, province and period and pre-selects inviting its organisation. ``?from=<pk>``: the
    person's own activity, linked to the project once it is created."""
    initial: dict = {}
    theirs_pk, own_pk = _pk_param(request, "activity"), _pk_param(request, "from")
    own = None
    if theirs_pk is not None:
        theirs = get_object_or_404(
            Activity.objects.select_related("organisation", "working_area", "province"),
            pk=theirs_pk,
        )
        require(request.user, "activity.view", theirs)
        initial.update(
            {
                "title": _("Ortak proje: %(title)s") % {"title": theirs.title},
                "working_areas": [theirs.working_area_id],
                "provinces": [theirs.province_id],
                "starts_on": theirs.starts_on,
                "ends_on": theirs.ends_on,
            }
        )
        if theirs.organisation.is_accredited and theirs.organisation not in organisations:
            initial["invite"] = [theirs.organisation_id]
    if own_pk is not None:
        own = get_object_or_404(
            Activity.objects.filter(organisation__in=platform_organisations(request.user)),
            pk=own_pk,
        )
        initial["from_activity"] = own.pk
        initial.setdefault("working_areas", [own.working_area_id])
        initial.setdefault("provinces", [own.province_id])
        if own.organisation in organisations:
            initial["organisation"] = own.organisation_id
    return initial, own


@login_required
def project_create(request):
    _enter(request)
    organisations = services.proposing_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied("project.propose")
    organisations = list(organisations)
    if request.method == "POST":
        form = ProjectForm(request.POST, organisations=_as_queryset(organisations))
        if form.is_valid():
            lead = form.cleaned_data["organisation"]
            try:
                project = services.project_propose(
                    organisation=lead,
                    data=form.service_data(),
                    by=request.user,
                    invite=list(form.cleaned_data["invite"]),
                    invite_message=form.cleaned_data["invite_message"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                _link_own_activity(request, project, form.cleaned_data.get("from_activity"))
                messages.success(
                    request,
                    _(
                        "“%(title)s” önerildi. Ortaklar katıldığında projeyi yürürlüğe "
                        "alabilirsiniz."
                    )
                    % {"title": project.title},
                )
                return redirect("project_detail", slug=project.slug)
        from_activity = None
    else:
        initial, from_activity = _prefill_from_activity(request, organisations)
        if "organisation" not in initial:
            initial["organisation"] = organisations[0].pk
        form = ProjectForm(initial=initial, organisations=_as_queryset(organisations))
    return render(
        request,
        "cooperation/projects/project_form.html",
        {"form": form, "project": None, "from_activity": from_activity},
    )


def _as_queryset(organisations):
    return Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("legal_name")


def _link_own_activity(request, project: Project, activity_pk: int | None) -> None:
    if not activity_pk:
        return
    activity = Activity.objects.filter(
        pk=activity_pk, organisation__in=platform_organisations(request.user)
    ).first()
    if activity is None:
        return
    try:
        services.activity_link(project=project, activity=activity, by=request.user)
    except (DomainError, PermissionDenied) as error:
        messages.warning(
            request,
            _("“%(title)s” projeye bağlanamadı: %(reason)s")
            % {"title": activity.title, "reason": str(error) or _("yetkiniz yok")},
        )


@login_required
def project_edit(request, slug: str):
    project = _project(request, slug)
    require(request.user, "project.manage", project)
    if project.status not in services.OPEN_STATUSES:
        messages.error(request, _("Tamamlanmış ya da iptal edilmiş bir proje düzenlenemez."))
        return redirect("project_detail", slug=project.slug)
    if request.method == "POST":
        form = ProjectForm(request.POST, project=project)
        if form.is_valid():
            try:
                services.project_update(project=project, data=form.service_data(), by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Değişiklikler kaydedildi."))
                return redirect("project_detail", slug=project.slug)
    else:
        form = ProjectForm(initial=ProjectForm.initial_for(project), project=project)
    return render(
        request, "cooperation/projects/project_form.html", {"form": form, "project": project}
    )


# --- The project page -------------------------------------------------------------------------


PROJECT_BUTTONS = {
    J.ACTIVE: gettext_lazy("Projeyi yürürlüğe al"),
    J.COMPLETED: gettext_lazy("Projeyi tamamlandı olarak kapat"),
    J.CANCELLED: gettext_lazy("Projeyi iptal et"),
}


def _detail_page(request, project: Project, *, forms: dict | None = None, status: int = 200):
    user = request.user
    forms = forms or {}
    # The rules read ``project.partners.all()``: load the rows once for them and the page.
    prefetch_related_objects(
        [project],
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related(
                "organisation", "organisation__province"
            ).order_by("created_at", "pk"),
        ),
    )
    partners = list(project.partners.all())
    workspace = services.may_see_workspace(user, project)
    manager = can(user, "project.manage", project)
    contributor = can(user, "project.contribute", project)
    acting = list(services.acting_organisations(user, project)) if contributor else []
    joinable = (
        services.joinable_organisations(user, project)
        if project.status in services.OPEN_STATUSES
        else None
    )
    for partner in partners:
        partner.moves = [
            move.target for move in lifecycle_of(ProjectPartner).available(partner, user)
        ]
    moves = [
        {
            "target": move.target,
            "label": PROJECT_BUTTONS.get(move.target, move.target),
            "note_required": move.note_required,
        }
        for move in lifecycle_of(Project).available(project, user)
    ]
    context = {
        "project": project,
        "working_areas": list(project.working_areas.order_by("sort_order")),
        "provinces": list(project.provinces.alphabetical()),
        "accepted": [p for p in partners if p.status == PP.ACCEPTED],
        "requests": [p for p in partners if p.status == PP.REQUESTED],
        "invitations": [p for p in partners if p.status == PP.INVITED],
        "former": [p for p in partners if p.status in (PP.DECLINED, PP.LEFT)],
        "my_partnerships": [p for p in partners if p.moves and not manager],
        "workspace": workspace,
        "manager": manager,
        "contributor": contributor,
        "moves": moves,
    }
    if joinable is not None and joinable.exists():
        context["join_form"] = forms.get("join") or JoinForm(organisations=joinable)
    if manager and project.status in services.OPEN_STATUSES:
        context["invite_form"] = forms.get("invite") or InviteForm(project=project)
    if workspace:
        activities = list(
            Activity.objects.filter(project=project)
            .select_related("organisation", "working_area", "district", "province")
            .order_by("starts_on", "pk")
        )
        context.update(
            {
                "activities": activities,
                "totals": services.linked_activity_totals(project),
                "updates": list(
                    project.updates.select_related("organisation", "author").order_by(
                        "-created_at", "-pk"
                    )
                ),
                "files": list(
                    project.files.select_related("organisation").order_by("-uploaded_at", "-pk")
                ),
                "history": status_history(project),
            }
        )
    if contributor and acting:
        acting_qs = platform_organisations(user).filter(pk__in=[o.pk for o in acting])
        context["update_form"] = forms.get("update") or UpdateForm(organisations=acting_qs)
        context["file_form"] = forms.get("file") or FileForm(organisations=acting_qs)
        linkable = services.linkable_activities(user, project)
        if linkable.exists():
            context["link_form"] = forms.get("link") or LinkActivityForm(activities=linkable)
        context["unlinkable"] = {
            a.pk
            for a in context.get("activities", [])
            if a.organisation_id in {o.pk for o in acting}
        }
    return render(request, "cooperation/projects/project_detail.html", context, status=status)


@login_required
def project_detail(request, slug: str):
    """The summary for every platform user; the workspace for the lead and partners. A POST
    links or unlinks one of the person's own activities (``action=link`` / ``unlink``)."""
    project = _project(request, slug)
    if request.method != "POST":
        return _detail_page(request, project)
    action = request.POST.get("action", "")
    if action == "link":
        require(request.user, "project.contribute", project)
        form = LinkActivityForm(
            request.POST, activities=services.linkable_activities(request.user, project)
        )
        if not form.is_valid():
            return _detail_page(request, project, forms={"link": form}, status=400)
        try:
            services.activity_link(
                project=project, activity=form.cleaned_data["activity"], by=request.user
            )
        except DomainError as error:
            form.add_error(None, str(error))
            return _detail_page(request, project, forms={"link": form}, status=400)
        messages.success(request, _("Faaliyet projeye bağlandı."))
    elif action == "unlink":
        activity = get_object_or_404(
            Activity.objects.filter(project=project), pk=_pk_param(request, "activity") or 0
        )
        try:
            services.activity_unlink(project=project, activity=activity, by=request.user)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Faaliyetin proje bağlantısı kaldırıldı."))
    else:
        messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
    return redirect("project_detail", slug=project.slug)


@login_required
@require_POST
def project_join(request, slug: str):
    project = _project(request, slug)
    organisations = services.joinable_organisations(request.user, project)
    if not organisations.exists():
        # Nobody the person manages can ask: not accredited, not a manager, or already in.
        raise PermissionDenied("project.join")
    form = JoinForm(request.POST, organisations=organisations)
    if not form.is_valid():
        return _detail_page(request, project, forms={"join": form}, status=400)
    try:
        services.partner_request(
            project=project,
            organisation=form.cleaned_data["organisation"],
            message=form.cleaned_data["message"],
            by=request.user,
        )
    except DomainError as error:
        form.add_error(None, str(error))
        return _detail_page(request, project, forms={"join": form}, status=400)
    messages.success(
        request,
        _("Katılma isteğiniz gönderildi; yürütücü kuruluş yanıtladığında e-posta alacaksınız."),
    )
    return redirect("project_detail", slug=project.slug)


@login_required
@require_POST
def project_invite(request, slug: str):
    project = _project(request, slug)
    require(request.user, "project.manage", project)
    form = InviteForm(request.POST, project=project)
    if not form.is_valid():
        return _detail_page(request, project, forms={"invite": form}, status=400)
    try:
        partner = services.partner_invite(
            project=project,
            organisation=form.cleaned_data["organisation"],
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
            by=request.user,
        )
    except DomainError as error:
        form.add_error(None, str(error))
        return _detail_page(request, project, forms={"invite": form}, status=400)
    messages.success(
        request,
        _("%(name)s projeye davet edildi.") % {"name": partner.organisation.display_name},
    )
    return redirect("project_detail", slug=project.slug)


PARTNER_MESSAGES = {
    PP.ACCEPTED: gettext_lazy("Ortaklık kabul edildi."),
    PP.DECLINED: gettext_lazy("Ortaklık kabul edilmedi."),
    PP.LEFT: gettext_lazy("Ortaklık sona erdi."),
}


@login_required
@require_POST
def partner_respond(request, pk: int):
    """Answer a request (the lead) or an invitation (the invited organisation), withdraw, or
    leave: the life cycle decides which moves exist and who may make them."""
    _enter(request)
    partner = get_object_or_404(
        ProjectPartner.objects.select_related("project", "project__lead", "organisation"), pk=pk
    )
    require(request.user, "partner.either", partner)
    target = request.POST.get("target", "")
    if target not in PP.values:
        messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
        return redirect("project_detail", slug=partner.project.slug)
    try:
        transition(partner, target, by=request.user, note=request.POST.get("note", ""))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, PARTNER_MESSAGES.get(target, _("Kaydedildi.")))
    return redirect("project_detail", slug=partner.project.slug)


@login_required
@require_POST
def project_transition(request, slug: str):
    project = _project(request, slug)
    require(request.user, "project.manage", project)
    target = request.POST.get("target", "")
    if target not in J.values:
        messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
        return redirect("project_detail", slug=project.slug)
    try:
        transition(project, target, by=request.user, note=request.POST.get("note", ""))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Projenin durumu: %(status)s") % {"status": project.get_status_display()},
        )
    return redirect("project_detail", slug=project.slug)


# --- Updates and files ------------------------------------------------------------------------


def _acting_queryset(request, project: Project):
    require(request.user, "project.contribute", project)
    organisations = services.acting_organisations(request.user, project)
    if not organisations.exists():
        raise PermissionDenied("project.contribute")
    return organisations


@login_required
@require_POST
def update_create(request, slug: str):
    project = _project(request, slug)
    organisations = _acting_queryset(request, project)
    form = UpdateForm(request.POST, organisations=organisations)
    if form.is_valid():
        try:
            services.update_post(
                project=project,
                organisation=form.cleaned_data["organisation"],
                text=form.cleaned_data["text"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Güncelleme paylaşıldı."))
            return redirect("project_detail", slug=project.slug)
    return _detail_page(request, project, forms={"update": form}, status=400)


@login_required
@require_POST
def file_upload(request, slug: str):
    project = _project(request, slug)
    organisations = _acting_queryset(request, project)
    form = FileForm(request.POST, request.FILES, organisations=organisations)
    if form.is_valid():
        try:
            services.file_upload(
                project=project,
                organisation=form.cleaned_data["organisation"],
                upload=form.cleaned_data["upload"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Dosya paylaşıldı."))
            return redirect("project_detail", slug=project.slug)
    return _detail_page(request, project, forms={"file": form}, status=400)


@login_required
@require_safe
def file_download(request, pk: int):
    """A project's file, for the lead and accepted partners only."""
    _enter(request)
    item = get_object_or_404(ProjectFile.objects.select_related("project"), pk=pk)
    require(request.user, "project.files", item.project)
    return private_file_response(
        item.file, download_name=item.original_name, content_type=item.content_type
    )


__all__ = [
    "file_download",
    "file_upload",
    "partner_respond",
    "project_create",
    "project_detail",
    "project_edit",
    "project_invite",
    "project_join",
    "project_list",
    "project_transition",
    "update_create",
]
