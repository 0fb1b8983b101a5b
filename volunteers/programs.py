"""Social cohesion programs and their roles."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import Membership
from core.lifecycle import record_start, transition
from core.models import StaffRole
from core.permissions import has_role, province_ids_for, require, staff_mfa_satisfied
from core.text import unique_slug

from .exceptions import VolunteerError
from .models import Match, Program, Role

PROGRAM_FIELDS = (
    "title",
    "aims",
    "description",
    "working_area",
    "province",
    "district",
    "is_online",
    "schedule",
    "schedule_note",
    "starts_on",
    "ends_on",
)
ROLE_FIELDS = (
    "title",
    "description",
    "requires_mentor",
    "requires_background_check",
    "minimum_age",
    "places",
    "weekly_hours",
    "commitment_months",
    "is_open",
)


@transaction.atomic
def program_save(
    *,
    program: Program | None,
    by,
    organisation=None,
    support_unit=None,
    data: dict,
    target_groups=(),
) -> Program:
    """Create (a draft of ``organisation``, or, by staff, of a Social Cohesion Unit) or update
    a program. Raises ValidationError with field keys; nothing is saved then."""
    if program is None:
        program = Program(status=Program.Status.DRAFT, created_by=by)
        if organisation is not None:
            require(by, "program.create", organisation)
            program.organisation = organisation
        elif support_unit is not None:
            program.support_unit = support_unit
            program.province = data.get("province")
            require(by, "program.manage", program)
        else:
            raise VolunteerError(_("Programı yürüten kuruluşu ya da birimi seçin."))
        creating = True
    else:
        program = Program.objects.select_for_update().get(pk=program.pk)
        require(by, "program.manage", program)
        if program.status in (Program.Status.CLOSED, Program.Status.CANCELLED):
            raise VolunteerError(_("Tamamlanmış ya da iptal edilmiş bir program düzenlenemez."))
        creating = False
    for field in PROGRAM_FIELDS:
        if field in data:
            setattr(program, field, data[field])
    if program.is_online:
        program.district = None
    if creating:
        program.slug = unique_slug(
            Program.objects.all(), program.title or "", fallback="program", max_length=200
        )
    program.full_clean()
    if not creating:
        # A staff member of another province may not move a program into their reach or out.
        require(by, "program.manage", program)
    program.save()
    program.target_groups.set(target_groups)
    program.refresh_masks()
    if creating:
        record_start(program, by=by)
    return program


@transaction.atomic
def role_save(
    *,
    role: Role | None,
    program: Program,
    by,
    data: dict,
    required_skills=(),
    required_languages=(),
    helpful_languages=(),
    required_trainings=(),
) -> Role:
    require(by, "program.manage", program)
    if program.status in (Program.Status.CLOSED, Program.Status.CANCELLED):
        raise VolunteerError(_("Tamamlanmış ya da iptal edilmiş bir programa rol eklenemez."))
    if role is None:
        role = Role(program=program)
    elif role.program_id != program.pk:
        raise VolunteerError(_("Bu rol bu programa ait değil."))
    for field in ROLE_FIELDS:
        if field in data:
            setattr(role, field, data[field])
    errors = {}
    if role.places is not None and role.places < 1:
        errors["places"] = _("Rol en az bir kişilik olmalı.")
    if role.pk and role.places:
        held = role.matches.holding_place().count()
        if role.places < held:
            errors["places"] = _(
                "Bu rolde %(held)s kişi yer alıyor; kişi sayısı bundan az olamaz."
            ) % {"held": held}
    try:
        role.full_clean(exclude=set(errors))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if set(required_languages) & set(helpful_languages):
        errors["helpful_languages"] = _("Bir dil hem gerekli hem yararlı olarak seçilemez.")
    if errors:
        raise ValidationError(errors)
    role.save()
    role.required_skills.set(required_skills)
    role.required_languages.set(required_languages)
    role.helpful_languages.set(helpful_languages)
    role.required_trainings.set(required_trainings)
    role.refresh_masks()
    return role


def program_publish_check(program: Program) -> None:
    """The guard of publishing: accredited organisations (or units entered by staff) only,
    with at least one role, and not over."""
    if program.organisation_id and not program.organisation.is_accredited:
        raise VolunteerError(_("Yalnızca akredite kuruluşlar program yayımlayabilir."))
    if program.ends_on and program.ends_on < timezone.localdate():
        raise VolunteerError(_("Sona ermiş bir program yayımlanamaz."))
    if not program.roles.exists():
        raise VolunteerError(_("Yayımlamadan önce en az bir gönüllü rolü ekleyin."))


def program_publish(*, program: Program, by) -> None:
    transition(program, Program.Status.PUBLISHED, by=by)


def program_close(*, program: Program, by) -> None:
    transition(program, Program.Status.CLOSED, by=by)


def program_cancel(*, program: Program, by, note: str) -> None:
    transition(program, Program.Status.CANCELLED, by=by, note=note)


def programs_manageable_by(user) -> QuerySet:
    """The programs ``user`` may manage under "program.manage", decided in the query."""
    if not user.is_authenticated:
        return Program.objects.none()
    allowed = Q(
        organisation__in=Membership.objects.managing().filter(user=user).values("organisation")
    )
    if staff_mfa_satisfied(user):
        if has_role(user, StaffRole.ADMIN):
            return Program.objects.all()
        if has_role(user, StaffRole.COORDINATOR):
            provinces = province_ids_for(user, StaffRole.COORDINATOR)
            if provinces is None:
                return Program.objects.all()
            allowed |= Q(province_id__in=provinces)
    return Program.objects.filter(allowed)


def with_places(roles: QuerySet) -> QuerySet:
    """Annotate roles with ``held`` (people accepted or active)."""
    return roles.annotate(
        held=Count("matches", filter=Q(matches__status__in=Match.HOLDING_PLACE), distinct=True)
    )


def free_places(role: Role) -> int:
    return max(role.places - role.matches.holding_place().count(), 0)


def open_programs() -> QuerySet:
    """What a visitor sees: published programs not over, soonest first."""
    today = timezone.localdate()
    return (
        Program.objects.published()
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("organisation", "support_unit", "working_area", "province", "district")
        .order_by("starts_on", "pk")
    )
