"""Joint projects (ortak proje): proposing, partners asking to join or being invited, the
lead's answers, updates, shared files and the activities partners link to a project.

A project is led by one accredited organisation; its partners are other accredited
organisations. Who may do what is decided by the rules of ``cooperation.workflow``
("project.propose", "project.manage", "project.contribute", "project.files", "project.join",
"partner.lead", "partner.self"); statuses change only through ``accreditation.lifecycle``.
E-mails go to the other side's owners and managers after the change is committed.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import Membership, Organisation
from core.audit import audit
from core.exceptions import DomainError
from core.files import validate_evidence_file
from core.lifecycle import record_start, transition
from core.mail import absolute_url, send_templated_mail
from core.permissions import can, require
from core.text import unique_slug

from .models import Activity, Project, ProjectFile, ProjectPartner, ProjectUpdate
from .permissions import platform_organisations

J = Project.Status
PP = ProjectPartner.Status
OPEN_STATUSES = (J.PROPOSED, J.ACTIVE)
# A partnership row in one of these statuses blocks a new request or invitation: the
# organisation is already asked, asking or in.
PENDING_OR_IN = (PP.REQUESTED, PP.INVITED, PP.ACCEPTED)
PROJECT_FIELDS = ("title", "aims", "description", "starts_on", "ends_on", "partner_roles_needed")
UPDATE_MAX_LENGTH = 5000

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.project.propose": gettext_lazy("Ortak proje önerildi"),
    "portal.project.edit": gettext_lazy("Ortak proje güncellendi"),
    "portal.project.update_post": gettext_lazy("Projeye güncelleme yazıldı"),
    "portal.project.file_upload": gettext_lazy("Projeye dosya yüklendi"),
    "portal.project.activity_link": gettext_lazy("Faaliyet projeye bağlandı"),
    "portal.project.activity_unlink": gettext_lazy("Faaliyetin proje bağlantısı kaldırıldı"),
}


# --- Selectors --------------------------------------------------------------------------------


def partner_organisation_ids(project: Project) -> set[int]:
    """The lead and the accepted partners: the organisations that share the project page."""
    ids = set(
        ProjectPartner.objects.filter(project=project, status=PP.ACCEPTED).values_list(
            "organisation_id", flat=True
        )
    )
    ids.add(project.lead_id)
    return ids


def acting_organisations(user, project: Project) -> QuerySet:
    """The user's accredited organisations that take part in ``project`` (lead or accepted
    partner): those they may post updates and files for, and link activities of."""
    return platform_organisations(user).filter(pk__in=partner_organisation_ids(project))


def joinable_organisations(user, project: Project) -> QuerySet:
    """The user's organisations (owner or manager, accredited) that could still ask to join:
    not the lead and with no open request, invitation or partnership."""
    taken = ProjectPartner.objects.filter(project=project).values("organisation")
    return (
        Organisation.objects.accredited()
        .filter(
            memberships__user=user,
            memberships__role__in=[Membership.Role.OWNER, Membership.Role.MANAGER],
        )
        .exclude(pk=project.lead_id)
        .exclude(pk__in=taken)
        .distinct()
        .order_by("legal_name")
    )


def proposing_organisations(user) -> QuerySet:
    """Accredited organisations the user may propose a project for (owner or manager)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.accredited()
        .filter(
            memberships__user=user,
            memberships__role__in=[Membership.Role.OWNER, Membership.Role.MANAGER],
        )
        .distinct()
        .order_by("legal_name")
    )


def linkable_activities(user, project: Project) -> QuerySet:
    """Activities of the user's taking-part organisations not yet linked to any project."""
    return (
        Activity.objects.filter(
            organisation__in=acting_organisations(user, project), project__isnull=True
        )
        .exclude(status=Activity.Status.CANCELLED)
        .select_related("organisation")
        .order_by("-starts_on", "pk")
    )


RESULT_FIELDS = (
    "actual_participants",
    "people_reached",
    "services_delivered",
    "volunteers_involved",
    "volunteer_hours",
)


def linked_activity_totals(project: Project) -> dict:
    """Sums of the results of the activities linked to the project (one query). People reached
    is a sum of each activity's count, so a person reached twice counts twice."""
    totals = Activity.objects.filter(project=project).aggregate(
        activities=Count("pk"),
        completed=Count("pk", filter=Q(status=Activity.Status.COMPLETED)),
        **{field: Sum(field) for field in RESULT_FIELDS},
    )
    for field in RESULT_FIELDS:
        if totals[field] is None:
            totals[field] = Decimal(0) if field == "volunteer_hours" else 0
    return totals


# --- Projects ---------------------------------------------------------------------------------


def _apply(project: Project, data: dict) -> dict:
    """Copy the fields, check them with the model; return errors by field (the many-to-many
    choices are checked here, since they are not on the row)."""
    for field in PROJECT_FIELDS:
        if field in data:
            value = data[field]
            setattr(project, field, value.strip() if isinstance(value, str) else value)
    errors: dict[str, list] = {}
    if "working_areas" in data and not data["working_areas"]:
        errors["working_areas"] = [_("En az bir çalışma alanı seçin.")]
    if "provinces" in data and not data["provinces"]:
        errors["provinces"] = [_("Projenin yürütüleceği en az bir il seçin.")]
    try:
        # ``created_by`` is empty once its author's account is gone; that is no error.
        project.full_clean(exclude=["created_by", *([] if project.slug else ["slug"])])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if project.starts_on and project.ends_on and project.ends_on < project.starts_on:
        errors.setdefault("ends_on", [_("Bitiş tarihi başlangıçtan önce olamaz.")])
    # The database constraint repeats the date rule under "__all__"; the field says it better.
    if "ends_on" in errors and "__all__" in errors:
        errors.pop("__all__")
    return errors


@transaction.atomic
def project_propose(
    *, organisation: Organisation, data: dict, by, invite=(), invite_message: str = ""
) -> Project:
    """A new joint project led by ``organisation`` (proposed), with optional invitations.

    ``data`` holds the project's fields plus ``working_areas`` and ``provinces`` (lists).
    Raises ValidationError by field, DomainError, or PermissionDenied; nothing is saved then."""
    require(by, "project.propose", organisation)
    project = Project(lead=organisation, created_by=by, status=J.PROPOSED)
    errors = _apply(project, {"working_areas": [], "provinces": [], **data})
    if errors:
        raise ValidationError(errors)
    project.slug = unique_slug(
        Project.objects.all(), project.title, fallback="ortak-proje", max_length=200
    )
    project.save()
    project.working_areas.set(data["working_areas"])
    project.provinces.set(data["provinces"])
    record_start(project, by=by)
    audit(project, "portal.project.propose", user=by, data={"lead": organisation.pk})
    for invited in invite:
        partner_invite(
            project=project, organisation=invited, role="", message=invite_message, by=by
        )
    return project


@transaction.atomic
def project_update(*, project: Project, data: dict, by) -> Project:
    """The lead edits the project while it is proposed or active."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    require(by, "project.manage", project)
    if project.status not in OPEN_STATUSES:
        raise DomainError(_("Tamamlanmış ya da iptal edilmiş bir proje düzenlenemez."))
    errors = _apply(project, data)
    if errors:
        raise ValidationError(errors)
    project.save()
    if "working_areas" in data:
        project.working_areas.set(data["working_areas"])
    if "provinces" in data:
        project.provinces.set(data["provinces"])
    audit(project, "portal.project.edit", user=by)
    return project


def check_activatable(project: Project) -> None:
    """The guard of proposed → active: a joint project needs at least one accepted partner,
    and its lead must still be accredited."""
    if not project.lead.is_accredited:
        raise DomainError(
            _("Yürütücü kuruluşun akreditasyonu geçerli değil; proje yürürlüğe giremez.")
        )
    if not project.partners.filter(status=PP.ACCEPTED).exists():
        raise DomainError(
            _(
                "Ortak proje en az bir ortak kuruluşla yürürlüğe girer. Önce bir katılma "
                "isteğini kabul edin ya da bir davetin kabul edilmesini bekleyin."
            )
        )


def check_partner_acceptable(partner: ProjectPartner) -> None:
    """The guard of → accepted: only an open project takes partners, and only accredited
    organisations join it."""
    if partner.project.status not in OPEN_STATUSES:
        raise DomainError(_("Bu proje tamamlandı ya da iptal edildi; yeni ortak alınmıyor."))
    if not partner.organisation.is_accredited:
        raise DomainError(
            _("%(name)s kuruluşunun akreditasyonu geçerli değil; projeye ortak olamaz.")
            % {"name": partner.organisation.legal_name}
        )


def close_pending_partners(project: Project) -> None:
    """When a project is completed or cancelled, the requests and invitations still open are
    closed by the portal (each organisation is told by the partnership's notification)."""
    note = _("Proje kapandı.")
    for partner in ProjectPartner.objects.filter(
        project=project, status__in=[PP.REQUESTED, PP.INVITED]
    ):
        target = PP.DECLINED if partner.status == PP.REQUESTED else PP.LEFT
        transition(partner, target, by=None, note=note)


def unlink_former_partner(partner: ProjectPartner) -> None:
    """A partner that leaves takes its linked activities out of the project's totals."""
    Activity.objects.filter(project=partner.project, organisation=partner.organisation).update(
        project=None
    )


# --- Partners ---------------------------------------------------------------------------------


def _check_can_take_part(project: Project, organisation: Organisation) -> None:
    if project.status not in OPEN_STATUSES:
        raise DomainError(_("Bu proje tamamlandı ya da iptal edildi; yeni ortak alınmıyor."))
    if not organisation.is_accredited:
        raise DomainError(
            _("Ortak projelere yalnızca akreditasyonu geçerli kuruluşlar katılabilir.")
        )
    if organisation.pk == project.lead_id:
        raise DomainError(_("Yürütücü kuruluş projenin ortağı olarak eklenemez."))
    existing = ProjectPartner.objects.filter(project=project, organisation=organisation).first()
    if existing is None:
        return
    if existing.status == PP.INVITED:
        raise DomainError(
            _("%(name)s bu projeye zaten davet edildi; daveti yanıtlayabilir.")
            % {"name": organisation.display_name}
        )
    if existing.status == PP.REQUESTED:
        raise DomainError(
            _("%(name)s için bekleyen bir katılma isteği zaten var.")
            % {"name": organisation.display_name}
        )
    if existing.status == PP.ACCEPTED:
        raise DomainError(
            _("%(name)s zaten bu projenin ortağı.") % {"name": organisation.display_name}
        )
    raise DomainError(
        _(
            "%(name)s daha önce bu projede yer aldı ya da kabul edilmedi; yeniden katılım için "
            "yürütücü kuruluşla doğrudan iletişime geçin."
        )
        % {"name": organisation.display_name}
    )


@transaction.atomic
def partner_request(
    *, project: Project, organisation: Organisation, message: str, by
) -> ProjectPartner:
    """``organisation`` asks to join ``project``; the lead's managers hear of it."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _check_can_take_part(project, organisation)
    require(by, "project.join", organisation)
    partner = ProjectPartner(
        project=project,
        organisation=organisation,
        message=(message or "").strip(),
        status=PP.REQUESTED,
        created_by=by,
    )
    partner.full_clean()
    partner.save()
    record_start(partner, by=by)
    transaction.on_commit(lambda: _mail_partner_created(partner, by))
    return partner


@transaction.atomic
def partner_invite(
    *, project: Project, organisation: Organisation, role: str, message: str, by
) -> ProjectPartner:
    """The lead invites ``organisation``; its managers hear of it and answer."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    require(by, "project.manage", project)
    _check_can_take_part(project, organisation)
    partner = ProjectPartner(
        project=project,
        organisation=organisation,
        role=(role or "").strip(),
        message=(message or "").strip(),
        status=PP.INVITED,
        created_by=by,
    )
    partner.full_clean()
    partner.save()
    record_start(partner, by=by)
    transaction.on_commit(lambda: _mail_partner_created(partner, by))
    return partner


# --- Updates, files, activities ---------------------------------------------------------------


def _check_acting(project: Project, organisation: Organisation, by) -> None:
    require(by, "project.contribute", project)
    if not acting_organisations(by, project).filter(pk=organisation.pk).exists():
        raise PermissionDenied("project.contribute")


@transaction.atomic
def update_post(*, project: Project, organisation: Organisation, text: str, by) -> ProjectUpdate:
    """A short news item on the project page, by the lead or an accepted partner."""
    _check_acting(project, organisation, by)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Güncellemenin metnini yazın.")})
    if len(text) > UPDATE_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("Güncelleme en fazla %(limit)s karakter olabilir.")
                % {"limit": UPDATE_MAX_LENGTH}
            }
        )
    update = ProjectUpdate(project=project, organisation=organisation, author=by, text=text)
    update.full_clean()
    update.save()
    audit(project, "portal.project.update_post", user=by, data={"update": update.pk})
    return update


@transaction.atomic
def file_upload(
    *, project: Project, organisation: Organisation, upload, title: str, by
) -> ProjectFile:
    """A file shared with the project's partners: checked by content, stored privately."""
    _check_acting(project, organisation, by)
    title = (title or "").strip()
    errors = {}
    if not title:
        errors["title"] = [_("Dosyaya bir başlık verin.")]
    if upload is None:
        errors["upload"] = [_("Bir dosya seçin.")]
        raise ValidationError(errors)
    try:
        content_type = validate_evidence_file(upload)
    except ValidationError as error:
        errors["upload"] = error.messages
    if errors:
        raise ValidationError(errors)
    item = ProjectFile(
        project=project,
        organisation=organisation,
        uploaded_by=by,
        title=title[:200],
        original_name=(upload.name or "dosya")[:255],
        size=upload.size,
        content_type=content_type,
    )
    item.file.save(upload.name or "dosya", upload, save=False)
    item.save()
    audit(project, "portal.project.file_upload", user=by, data={"file": item.pk})
    return item


@transaction.atomic
def activity_link(*, project: Project, activity: Activity, by) -> Activity:
    """A member of the lead or an accepted partner links one of their own organisation's
    activities to the project; its results then count in the project's totals."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _check_acting(project, activity.organisation, by)
    if activity.project_id == project.pk:
        return activity
    if activity.project_id is not None:
        raise DomainError(_("Bu faaliyet başka bir ortak projeye bağlı."))
    if activity.status == Activity.Status.CANCELLED:
        raise DomainError(_("İptal edilmiş bir faaliyet projeye bağlanamaz."))
    activity.project = project
    activity.save(update_fields=["project"])
    audit(project, "portal.project.activity_link", user=by, data={"activity": activity.pk})
    return activity


@transaction.atomic
def activity_unlink(*, project: Project, activity: Activity, by) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.project_id != project.pk:
        raise DomainError(_("Bu faaliyet bu projeye bağlı değil."))
    _check_acting(project, activity.organisation, by)
    activity.project = None
    activity.save(update_fields=["project"])
    audit(project, "portal.project.activity_unlink", user=by, data={"activity": activity.pk})
    return activity


# --- Notifications ----------------------------------------------------------------------------


def _managers(organisation_ids, exclude_user=None):
    memberships = (
        Membership.objects.managing()
        .filter(organisation_id__in=organisation_ids)
        .select_related("user", "organisation")
    )
    seen = set()
    for membership in memberships:
        user = membership.user
        if not user.is_active or user.pk in seen:
            continue
        if exclude_user is not None and user.pk == getattr(exclude_user, "pk", None):
            continue
        seen.add(user.pk)
        yield membership


def _project_url(project: Project, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("project_detail", args=[project.slug]))


def _send(template: str, organisation_ids, context: dict, *, exclude_user=None) -> None:
    for membership in _managers(organisation_ids, exclude_user):
        language = membership.user.preferred_language or "tr"
        send_templated_mail(
            f"cooperation/mail/{template}",
            {
                **context,
                "person": membership.user,
                "organisation": membership.organisation,
                "url": _project_url(context["project"], language),
            },
            to=membership.user.email,
            language=language,
        )


def _mail_partner_created(partner: ProjectPartner, by) -> None:
    """A request goes to the lead's managers; an invitation to the invited organisation's."""
    project = partner.project
    if partner.status == PP.REQUESTED:
        _send(
            "project_partner_requested",
            [project.lead_id],
            {"project": project, "partner": partner},
            exclude_user=by,
        )
    else:
        _send(
            "project_partner_invited",
            [partner.organisation_id],
            {"project": project, "partner": partner},
            exclude_user=by,
        )


def partner_changed(partner: ProjectPartner, change) -> None:
    """After a partnership's status changed: tell the other side (the lead when the partner
    moved, the partner organisation when the lead did)."""
    project = partner.project
    by = change.by
    acted_as_partner = (
        by is not None
        and Membership.objects.managing()
        .filter(organisation_id=partner.organisation_id, user=by)
        .exists()
    )
    recipients = [project.lead_id] if acted_as_partner else [partner.organisation_id]
    labels = dict(ProjectPartner.Status.choices)
    _send(
        "project_partner_changed",
        recipients,
        {
            "project": project,
            "partner": partner,
            "from_status": change.from_status,
            "to_status": change.to_status,
            "to_label": labels.get(change.to_status, change.to_status),
            "note": change.note,
        },
        exclude_user=by,
    )


def project_changed(project: Project, change) -> None:
    """After a project's status changed: tell every partner organisation and those with an
    open request or invitation (the lead made the change)."""
    recipients = set(
        ProjectPartner.objects.filter(project=project, status__in=PENDING_OR_IN).values_list(
            "organisation_id", flat=True
        )
    )
    recipients.discard(project.lead_id)
    if not recipients:
        return
    labels = dict(Project.Status.choices)
    _send(
        "project_status_changed",
        recipients,
        {
            "project": project,
            "to_status": change.to_status,
            "to_label": labels.get(change.to_status, change.to_status),
            "note": change.note,
        },
        exclude_user=change.by,
    )


def may_see_workspace(user, project: Project) -> bool:
    """Members, linked activities, updates, files and history: lead and accepted partners."""
    return can(user, "project.files", project)
