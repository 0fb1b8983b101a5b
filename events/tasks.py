"""The events' background work, run by the task worker: mailing a recorded reminder."""

from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import absolute_url, send_templated_mail
from core.models import District, Province

from .models import Event, EventReminder, SignUp

S = SignUp.Status
R = EventReminder.Kind


@task()
def send_event_reminder(reminder_id: int, before: dict | None = None) -> bool:
    """Mail a recorded reminder (the day before, or a change with the earlier time and place
    in ``before``); returns whether it was sent."""
    return reminder_deliver(reminder_id=reminder_id, before=before)


def _place_label(values: dict) -> str:
    """The place as ``Event.place_label`` writes it, for values the event no longer has."""
    if values["is_online"]:
        return _("Çevrim içi")
    district = (
        District.objects.filter(pk=values["district_id"]).values_list("name", flat=True).first()
        if values["district_id"]
        else ""
    )
    province = (
        Province.objects.filter(pk=values["province_id"]).values_list("name", flat=True).first()
        or ""
    )
    return ", ".join(part for part in (values["venue"], district, province) if part)


def reminder_deliver(*, reminder_id: int, before: dict | None = None) -> bool:
    """Mail one recorded reminder, unless it no longer applies (the person cancelled, the
    event was cancelled or moved since it was queued). Returns whether a mail was sent."""
    reminder = (
        EventReminder.objects.filter(pk=reminder_id)
        .select_related(
            "signup__person",
            "signup__session",
            "signup__event__organiser",
            "signup__event__province",
            "signup__event__district",
        )
        .first()
    )
    if reminder is None:
        return False
    signup = reminder.signup
    event, session, person = signup.event, signup.session, signup.person
    if reminder.kind == R.DAY_BEFORE:
        if (
            signup.status != S.CONFIRMED
            or event.status != Event.Status.PUBLISHED
            or EventReminder.start_key(signup.starts_at) != reminder.key
        ):
            return False
        template = "events/mail/reminder_day_before"
    else:
        if (
            signup.status not in EventReminder.TOLD_OF_CHANGES
            or event.status != Event.Status.PUBLISHED
        ):
            return False
        template = "events/mail/event_changed"
    language = person.preferred_language or "tr"
    with translation.override(language):
        context = {
            "person": person,
            "signup": signup,
            "event": event,
            "session": session,
            "starts_at": signup.starts_at,
            "ends_at": signup.ends_at,
            "place": event.place_label,
            # Only the person's own mail, and only with a place: the link to join online.
            "online_url": event.online_url
            if event.is_online and signup.status == S.CONFIRMED
            else "",
            "event_url": absolute_url(reverse("event_detail", args=[event.slug])),
            "ics_url": absolute_url(reverse("event_ics", args=[event.slug])),
        }
        if before:
            context.update(
                {
                    "old_starts_at": parse_datetime(before["starts_at"]),
                    "old_ends_at": parse_datetime(before["ends_at"]),
                    "old_place": _place_label(before),
                }
            )
    send_templated_mail(template, context, to=person.email, language=language)
    return True
