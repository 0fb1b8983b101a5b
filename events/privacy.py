"""What the events app holds about a person, for their data export (KVKK art. 11)."""

from .models import CalendarFeed, SignUp, WorkshopRegistration


def _signups_of(user) -> list[dict]:
    signups = SignUp.objects.filter(person=user).select_related("event", "session", "certificate")
    return [
        {
            "event": signup.event.title,
            "session": signup.session.title if signup.session_id else None,
            "starts_at": signup.starts_at.isoformat(),
            "status": signup.status,
            "places": signup.places,
            "ticket_code": signup.ticket_code,
            "volunteer_hours": str(signup.hours) if signup.hours is not None else None,
            "certificate": signup.certificate.number if signup.certificate_id else None,
            "signed_up_at": signup.created_at.isoformat(),
        }
        for signup in signups
    ]


def _workshop_registrations_of(user) -> list[dict]:
    registrations = WorkshopRegistration.objects.filter(signup__person=user).select_related(
        "signup__event", "preferred_group", "assigned_group"
    )
    return [
        {
            "event": registration.signup.event.title,
            "institution_name": registration.institution_name,
            "institution_type": registration.institution_type,
            "authorised_person": registration.authorised_person,
            "representatives": registration.representatives,
            "contact_email": registration.contact_email,
            "contact_phone": registration.contact_phone,
            "preferred_group": str(registration.preferred_group or ""),
            "assigned_group": str(registration.assigned_group or ""),
        }
        for registration in registrations
    ]


def _calendar_feed_of(user) -> dict | None:
    feed = CalendarFeed.objects.filter(person=user).first()
    return {"created_at": feed.created_at.isoformat()} if feed else None


# What this app adds to a person's data export, registered from the app's ready().
PERSONAL_DATA = {
    "event_signups": _signups_of,
    "workshop_registrations": _workshop_registrations_of,
    "calendar_feed": _calendar_feed_of,
}
