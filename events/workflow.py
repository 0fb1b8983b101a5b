"""The sign-up life cycle and who may make its moves.

requested → confirmed / waitlisted / rejected; confirmed / waitlisted / requested → cancelled;
waitlisted → confirmed (promotion, by the portal); confirmed → attended / no-show (and back, to
correct a mistake at the door).
"""

from accreditation.lifecycle import SYSTEM, Lifecycle, Move
from accreditation.models import Role
from accreditation.permissions import (
    has_role,
    membership_role,
    rule,
    staff_in_role,
    staff_mfa_satisfied,
)

from .models import Event, SignUp

S = SignUp.Status
E = Event.Status


@rule("event.manage")
def _event_manage(user, event) -> bool:
    """The organising NGO's owners and managers, the province's coordinators, administrators."""
    if not user.is_authenticated:
        return False
    if event.organiser_id and membership_role(user, event.organiser) in {"owner", "manager"}:
        return True
    staff = has_role(user, Role.COORDINATOR, event.province_id) or has_role(user, Role.ADMIN)
    return staff and staff_mfa_satisfied(user)


@rule("event.create")
def _event_create(user, organisation) -> bool:
    """Owners and managers draft their organisation's events (publishing also needs
    accreditation, checked when the event is published)."""
    return membership_role(user, organisation) in {"owner", "manager"}


@rule("signup.manage")
def _signup_manage(user, signup) -> bool:
    return _event_manage(user, signup.event)


@rule("signup.cancel")
def _signup_cancel(user, signup) -> bool:
    """People cancel their own sign-ups; organisers may cancel one too."""
    return (user.is_authenticated and signup.person_id == user.pk) or _event_manage(
        user, signup.event
    )


def _notify(signup: SignUp, change) -> None:
    """Tell the person when the organiser decides on their sign-up or the waitlist gives them
    a place; withdraw a participation certificate when attendance is corrected to no-show."""
    if change.from_status == S.ATTENDED and change.to_status == S.NO_SHOW:
        from .participation import participation_certificate_withdraw

        participation_certificate_withdraw(signup=signup)
    if change.from_status == S.REQUESTED and change.to_status in (
        S.CONFIRMED,
        S.WAITLISTED,
        S.REJECTED,
    ):
        from accreditation.mail import send_templated_mail

        send_templated_mail(
            "events/mail/signup_decided",
            {
                "signup": signup,
                "event": signup.event,
                "person": signup.person,
                "note": change.note,
            },
            to=signup.person.email,
            language=signup.person.preferred_language or "tr",
        )
    if change.from_status == S.WAITLISTED and change.to_status == S.CONFIRMED:
        from accreditation.mail import send_templated_mail

        send_templated_mail(
            "events/mail/promoted",
            {"signup": signup, "event": signup.event, "person": signup.person},
            to=signup.person.email,
            language=signup.person.preferred_language or "tr",
        )


SIGNUP_LIFECYCLE = Lifecycle(
    "signup",
    notify=_notify,
    moves=[
        Move(S.REQUESTED, S.CONFIRMED, "signup.manage"),
        Move(S.REQUESTED, S.WAITLISTED, "signup.manage"),
        Move(S.REQUESTED, S.REJECTED, "signup.manage"),
        Move(S.REQUESTED, S.CANCELLED, "signup.cancel"),
        Move(S.WAITLISTED, S.CONFIRMED, SYSTEM),
        Move(S.WAITLISTED, S.CANCELLED, "signup.cancel"),
        Move(S.CONFIRMED, S.CANCELLED, "signup.cancel"),
        Move(S.CONFIRMED, S.ATTENDED, "signup.manage"),
        Move(S.CONFIRMED, S.NO_SHOW, "signup.manage"),
        Move(S.ATTENDED, S.NO_SHOW, "signup.manage"),
        Move(S.NO_SHOW, S.ATTENDED, "signup.manage"),
    ],
)


def _may_publish(event: Event, by) -> None:
    """Only accredited organisations publish (the model's check), and nothing that is over."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from .exceptions import EventError

    if event.ends_at <= timezone.now():
        raise EventError(_("Sona ermiş bir etkinlik yayımlanamaz."))
    event.status = E.PUBLISHED
    try:
        event.full_clean()
    except ValidationError as error:
        raise EventError(" ".join(error.messages)) from error


# An event: draft → published → cancelled (a draft may be dropped as cancelled too).
EVENT_LIFECYCLE = Lifecycle(
    "event",
    moves=[
        Move(E.DRAFT, E.PUBLISHED, "event.manage", guard=_may_publish),
        Move(E.PUBLISHED, E.CANCELLED, "event.manage", note_required=True),
        Move(E.DRAFT, E.CANCELLED, "event.manage", note_required=True),
    ],
)


def attach() -> None:
    SignUp.lifecycle = SIGNUP_LIFECYCLE
    Event.lifecycle = EVENT_LIFECYCLE


@rule("event.staff_manage")
def _event_staff_manage(user, event=None) -> bool:
    """Staff enter and edit events in the admin: administrators everywhere, coordinators in
    their provinces (an event's own organisers work on the public site)."""
    if event is not None:
        return _event_manage(user, event)
    return staff_in_role(user, Role.COORDINATOR, Role.ADMIN)
