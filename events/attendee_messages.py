"""Messages from organisers to an event's attendees: one e-mail per person in their
language, sent after the message is recorded; the record keeps how many, not who."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.audit import audit
from core.mail import absolute_url, send_templated_mail
from core.permissions import require

from .exceptions import EventError
from .models import Event, EventMessage, SignUp

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.event.message": _("Katılımcılara ileti gönderildi"),
}

S = SignUp.Status

# The people an event's news reaches: those holding a place (and, when chosen, the queue).
MESSAGE_STATUSES = (S.CONFIRMED, S.ATTENDED)


def message_recipients(event: Event, *, include_waitlist: bool) -> list:
    statuses = [*MESSAGE_STATUSES, *([S.WAITLISTED] if include_waitlist else [])]
    signups = event.signups.filter(status__in=statuses).select_related("person")
    return list({signup.person_id: signup.person for signup in signups}.values())


@transaction.atomic
def message_send(
    *, event: Event, subject: str, body: str, include_waitlist: bool, by
) -> EventMessage:
    """Write to the event's confirmed people (and its waitlist, when chosen): one e-mail per
    person in their language, after this commits. The record keeps how many, not who."""
    require(by, "event.manage", event)
    subject, body = " ".join((subject or "").split()), (body or "").strip()
    errors = {}
    if not subject:
        errors["subject"] = _("İletinin konusunu yazın.")
    if not body:
        errors["body"] = _("İletinin metnini yazın.")
    if errors:
        raise ValidationError(errors)
    people = message_recipients(event, include_waitlist=include_waitlist)
    if not people:
        raise EventError(_("Bu iletinin gidebileceği kayıtlı kimse yok."))
    message = EventMessage.objects.create(
        event=event,
        subject=subject,
        body=body,
        include_waitlist=include_waitlist,
        recipients=len(people),
        sent_by=by,
    )
    audit(
        event,
        "portal.event.message",
        user=by,
        data={"message": message.pk, "recipients": len(people)},
    )
    transaction.on_commit(lambda: _mail_message(event, message, people))
    return message


def _mail_message(event: Event, message: EventMessage, people: list) -> None:
    sender = event.organiser_name
    headers = {"Reply-To": event.organiser.email} if event.organiser_id else None
    for person in people:
        language = person.preferred_language or "tr"
        with translation.override(language):
            event_url = absolute_url(reverse("event_detail", args=[event.slug]))
        send_templated_mail(
            "events/mail/attendee_message",
            {
                "event": event,
                "person": person,
                "subject": message.subject,
                "body": message.body,
                "sender": sender,
                "event_url": event_url,
            },
            to=person.email,
            language=language,
            headers=headers,
        )
