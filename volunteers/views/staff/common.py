"""Pieces the staff pages of volunteering share: the provinces a coordinator reaches,
the name a person appears by, and which staff pages to offer."""

from django.core.exceptions import PermissionDenied

from core.models import Province, StaffRole
from core.permissions import has_role, province_ids_for, staff_mfa_satisfied


def coordinator_reach(user) -> set[int] | None:
    """Province ids the user coordinates (administrators: None, all provinces). Refused with
    403 for anyone else, or for staff without their second factor."""
    if has_role(user, StaffRole.ADMIN):
        reach = None
    elif has_role(user, StaffRole.COORDINATOR):
        reach = province_ids_for(user, StaffRole.COORDINATOR)
    else:
        raise PermissionDenied("coordinator")
    if not staff_mfa_satisfied(user):
        raise PermissionDenied("mfa")
    return reach


def in_reach(queryset, reach: set[int] | None, field: str = "province_id"):
    """``queryset`` narrowed to the provinces of ``reach`` (all of it for administrators)."""
    return queryset if reach is None else queryset.filter(**{f"{field}__in": reach})


def provinces_in_reach(reach: set[int] | None):
    """The provinces of ``reach`` in Turkish alphabetical order, for the filters."""
    provinces = Province.objects.all() if reach is None else Province.objects.filter(pk__in=reach)
    return provinces.alphabetical()


def person_name(person) -> str:
    """The display name the person chose for their volunteering, else their full name."""
    profile = getattr(person, "volunteer_profile", None)
    if profile is not None and profile.display_name:
        return profile.display_name
    return person.full_name or person.email


def staff_nav(user) -> dict:
    """Which staff pages to offer (one permission check each, roles cached per request)."""
    coordinates = (
        has_role(user, StaffRole.COORDINATOR) or has_role(user, StaffRole.ADMIN)
    ) and staff_mfa_satisfied(user)
    return {"coordinates": coordinates}
