"""Workshop (çalıştay) registration and working groups.

Modelled on the 2018 isteSENyeter workshop: an institution registers with its authorised person
and number of representatives, says whether and where it works on addiction, and names the
working group it prefers; the organiser then places the institutions in groups of 12–18 people.
A registration is one sign-up for as many places as it has representatives, so it counts
against the event's capacity and waits on the waitlist like any other sign-up.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import WorkingArea
from core.permissions import require

from . import signups
from .exceptions import EventError
from .models import Event, SignUp, WorkingGroup, WorkshopRegistration

S = SignUp.Status

# The people a group must make room for: everyone still expected at the workshop (waiting on
# the list or for approval included), and those who came. Cancelled, rejected and no-show
# registrations free their seats.
COUNTED_STATUSES = (S.REQUESTED, S.CONFIRMED, S.WAITLISTED, S.ATTENDED)

MIN_REPRESENTATIVES = 1
MAX_REPRESENTATIVES = 10


def registrations_of(event: Event):
    """The event's registrations in the order they came, with what the lists show."""
    return (
        WorkshopRegistration.objects.filter(signup__event=event)
        .select_related("signup", "preferred_group", "assigned_group")
        .order_by("signup__created_at", "signup__pk")
    )


@dataclass
class GroupCount:
    group: WorkingGroup
    preferred: int = 0
    assigned: int = 0

    @property
    def capacity(self) -> int:
        return self.group.capacity

    @property
    def free(self) -> int:
        return max(self.capacity - self.assigned, 0)

    @property
    def over(self) -> int:
        return max(self.assigned - self.capacity, 0)

    @property
    def preferred_over(self) -> int:
        return max(self.preferred - self.capacity, 0)


def group_counts(
    groups: Iterable[WorkingGroup], registrations: Iterable[WorkshopRegistration]
) -> list[GroupCount]:
    """People preferring and assigned to each group, from lists already read (no queries)."""
    counts = {group.pk: GroupCount(group=group) for group in groups}
    for registration in registrations:
        if registration.signup.status not in COUNTED_STATUSES:
            continue
        if registration.preferred_group_id in counts:
            counts[registration.preferred_group_id].preferred += registration.representatives
        if registration.assigned_group_id in counts:
            counts[registration.assigned_group_id].assigned += registration.representatives
    return list(counts.values())


def event_group_counts(event: Event) -> list[GroupCount]:
    """The same, read from the database in two queries."""
    registrations = WorkshopRegistration.objects.filter(
        signup__event=event, signup__status__in=COUNTED_STATUSES
    ).select_related("signup")
    return group_counts(event.working_groups.all(), registrations)


def active_registration(event: Event, person) -> SignUp | None:
    """The person's current sign-up for the event (with its workshop registration, if any)."""
    if not person.is_authenticated:
        return None
    return (
        SignUp.objects.filter(
            event=event,
            person=person,
            session__isnull=True,
            status__in=[*COUNTED_STATUSES, S.NO_SHOW],
        )
        .select_related("workshop", "workshop__preferred_group", "workshop__assigned_group")
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def workshop_register(
    *,
    event: Event,
    person,
    institution_name: str,
    institution_type: str,
    authorised_person: str,
    representatives: int,
    contact_email: str,
    contact_phone: str = "",
    works_on_addiction: bool,
    working_areas: Iterable[WorkingArea] = (),
    preferred_group: WorkingGroup | None = None,
    now=None,
) -> SignUp:
    """Register an institution for a workshop: one sign-up for ``representatives`` places
    (confirmed, waitlisted or awaiting approval as the event decides) and the answers of the
    registration form. Raises SignUpRefused when the sign-up is refused and ValidationError
    for answers that break the workshop's rules; nothing is saved then."""
    if not event.is_workshop:
        raise EventError(_("Bu etkinlik bir çalıştay değil."))
    working_areas = list(working_areas) if works_on_addiction else []
    errors = {}
    if not MIN_REPRESENTATIVES <= (representatives or 0) <= MAX_REPRESENTATIVES:
        errors["representatives"] = _("Temsilci sayısı %(min)s ile %(max)s arasında olmalı.") % {
            "min": MIN_REPRESENTATIVES,
            "max": MAX_REPRESENTATIVES,
        }
    if works_on_addiction and not working_areas:
        errors["working_areas"] = _(
            "Bağımlılık alanında çalıştığınızı belirttiniz; en az bir çalışma alanı seçin."
        )
    if preferred_group is not None and preferred_group.event_id != event.pk:
        errors["preferred_group"] = _("Seçilen çalışma grubu bu çalıştaya ait değil.")
    if errors:
        raise ValidationError(errors)

    signup = signups.signup_create(event=event, person=person, places=representatives, now=now)
    registration = WorkshopRegistration(
        signup=signup,
        institution_name=" ".join(institution_name.split()),
        institution_type=institution_type,
        authorised_person=" ".join(authorised_person.split()),
        representatives=representatives,
        contact_email=contact_email.strip(),
        contact_phone=" ".join((contact_phone or "").split()),
        works_on_addiction=works_on_addiction,
        preferred_group=preferred_group,
    )
    registration.full_clean()
    registration.save()
    registration.working_areas.set(working_areas)
    return signup


def _locked_registrations(event: Event) -> list[WorkshopRegistration]:
    """Lock the event (every change of places and groups is taken under this lock) and read
    its registrations."""
    Event.objects.select_for_update().get(pk=event.pk)
    return list(registrations_of(event))


def _people_per_group(registrations: Iterable[WorkshopRegistration], groups: dict) -> dict:
    people = dict.fromkeys(groups, 0)
    for registration in registrations:
        if registration.signup.status in COUNTED_STATUSES and registration.assigned_group_id:
            people[registration.assigned_group_id] += registration.representatives
    return people


@transaction.atomic
def workshop_groups_assign(
    *, event: Event, assignments: dict[int, int | None], by
) -> list[WorkshopRegistration]:
    """Put registrations (by id) into working groups (by id; None takes them out of any).

    All or nothing: a registration or group that is not this workshop's, or a group that
    would hold more people than its capacity, refuses the whole change with EventError. A
    group already over its capacity (after the capacity was lowered) may keep its people, but
    may not grow. Returns the registrations whose group changed."""
    require(by, "event.manage", event)
    registrations = _locked_registrations(event)
    groups = {group.pk: group for group in event.working_groups.all()}
    by_id = {registration.pk: registration for registration in registrations}

    unknown = [pk for pk in assignments if pk not in by_id]
    if unknown:
        raise EventError(
            _("Bu çalıştaya ait olmayan bir kayıt gönderildi; hiçbir şey kaydedilmedi.")
        )
    foreign = [pk for pk in assignments.values() if pk is not None and pk not in groups]
    if foreign:
        raise EventError(
            _("Bu çalıştaya ait olmayan bir çalışma grubu seçildi; hiçbir şey kaydedilmedi.")
        )

    before = _people_per_group(registrations, groups)
    changed = []
    for pk, group_id in assignments.items():
        registration = by_id[pk]
        if registration.assigned_group_id != group_id:
            registration.assigned_group_id = group_id
            registration.assigned_group = groups.get(group_id)
            changed.append(registration)
    after = _people_per_group(registrations, groups)

    over = [
        _("“%(group)s” grubu kapasitesini %(over)s kişi aşar (%(people)s / %(capacity)s kişi).")
        % {
            "group": groups[pk].name,
            "over": after[pk] - groups[pk].capacity,
            "people": after[pk],
            "capacity": groups[pk].capacity,
        }
        for pk in groups
        if after[pk] > groups[pk].capacity and after[pk] > before[pk]
    ]
    if over:
        raise EventError(" ".join([*over, _("Atamalar kaydedilmedi.")]))
    WorkshopRegistration.objects.bulk_update(changed, ["assigned_group"])
    return changed


@dataclass
class AutoAssignment:
    preferred: list[WorkshopRegistration] = field(default_factory=list)
    elsewhere: list[WorkshopRegistration] = field(default_factory=list)
    unplaced: list[WorkshopRegistration] = field(default_factory=list)


@transaction.atomic
def workshop_groups_auto_assign(*, event: Event, by) -> AutoAssignment:
    """Place the registrations not yet in a group, first come first served: in the group
    they prefer when it has room for all their representatives, else in the group with the
    most room that fits them (a registration's representatives stay together), else nowhere
    (reported, for the organiser to decide)."""
    require(by, "event.manage", event)
    registrations = _locked_registrations(event)
    groups = {group.pk: group for group in event.working_groups.all()}
    people = _people_per_group(registrations, groups)
    room = {pk: groups[pk].capacity - people[pk] for pk in groups}
    result = AutoAssignment()
    for registration in registrations:
        if registration.signup.status not in COUNTED_STATUSES or registration.assigned_group_id:
            continue
        needed = registration.representatives
        preferred = registration.preferred_group_id
        if preferred in room and room[preferred] >= needed:
            target, bucket = preferred, result.preferred
        else:
            fitting = [pk for pk in groups if room[pk] >= needed]  # groups are in display order
            if not fitting:
                result.unplaced.append(registration)
                continue
            target = max(fitting, key=lambda pk: room[pk])
            bucket = result.elsewhere
        room[target] -= needed
        registration.assigned_group_id = target
        registration.assigned_group = groups[target]
        bucket.append(registration)
    WorkshopRegistration.objects.bulk_update(
        result.preferred + result.elsewhere, ["assigned_group"]
    )
    return result
