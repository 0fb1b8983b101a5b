"""The life cycles of events and sign-ups (through ``core.lifecycle``); who may make each move
is in ``permissions.py``.

requested → confirmed / waitlisted / rejected; confirmed / waitlisted / requested → cancelled;
waitlisted → confirmed (promotion, by the portal); confirmed → attended / no-show (and back, to
correct a mistake at the door).
"""

import copy

from core.lifecycle import SYSTEM, Lifecycle, Move
from core.mail import send_templated_mail

from .models import Event, SignUp

S = SignUp.Status
E = Event.Status


def _attendance_withdrawn(signup: SignUp, change) -> None:
    """Attendance corrected to no-show: the participation certificate is revoked in the same
    transaction, so no one who did not attend is ever left holding a valid one."""
    from .participation import participation_certificate_withdraw

    participation_certificate_withdraw(signup=signup)


def _notify(signup: SignUp, change) -> None:
    """Tell the person when the organiser decides on their sign-up or the waitlist gives them
    a place."""
    if change.from_status == S.REQUESTED and change.to_status in (
        S.CONFIRMED,
        S.WAITLISTED,
        S.REJECTED,
    ):
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
        Move(S.ATTENDED, S.NO_SHOW, "signup.manage", effect=_attendance_withdrawn),
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
    # The event as it would be once published, checked on a copy: a guard changes nothing.
    published = copy.copy(event)
    published.status = E.PUBLISHED
    try:
        published.full_clean()
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


# Registered from the app's ready().
LIFECYCLES = {SignUp: SIGNUP_LIFECYCLE, Event: EVENT_LIFECYCLE}
