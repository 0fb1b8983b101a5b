"""Who may manage events and sign-ups. Registered from ``EventsConfig.ready()``."""

from accreditation.permissions import membership_role
from core.models import StaffRole
from core.permissions import has_role, staff_in_role, staff_mfa_satisfied


def _event_manage(user, event) -> bool:
    """The organising NGO's owners and managers, the province's coordinators, administrators."""
    if not user.is_authenticated:
        return False
    if event.organiser_id and membership_role(user, event.organiser) in {"owner", "manager"}:
        return True
    staff = has_role(user, StaffRole.COORDINATOR, event.province_id) or has_role(
        user, StaffRole.ADMIN
    )
    return staff and staff_mfa_satisfied(user)


def _event_create(user, organisation) -> bool:
    """Owners and managers draft their organisation's events (publishing also needs
    accreditation, checked when the event is published)."""
    return membership_role(user, organisation) in {"owner", "manager"}


def _signup_manage(user, signup) -> bool:
    return _event_manage(user, signup.event)


def _signup_cancel(user, signup) -> bool:
    """People cancel their own sign-ups; organisers may cancel one too."""
    return (user.is_authenticated and signup.person_id == user.pk) or _event_manage(
        user, signup.event
    )


def _event_staff_manage(user, event=None) -> bool:
    """Staff enter and edit events in the admin: administrators everywhere, coordinators in
    their provinces (an event's own organisers work on the public site)."""
    if event is not None:
        return _event_manage(user, event)
    return staff_in_role(user, StaffRole.COORDINATOR, StaffRole.ADMIN)


# The rules of this app, registered from its ready().
RULES = {
    "event.manage": _event_manage,
    "event.create": _event_create,
    "signup.manage": _signup_manage,
    "signup.cancel": _signup_cancel,
    "event.staff_manage": _event_staff_manage,
}
