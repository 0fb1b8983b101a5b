"""Signing up for events, cancelling, the waitlist and capacity.

Every decision about places is taken with the event's row locked (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite runs one writing transaction at a time), so however many people press the
button at once, confirmed sign-ups never exceed the capacity. The database refuses a second
active sign-up of the same person for the same event.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.lifecycle import record_start, transition
from accreditation.permissions import require

from .exceptions import EventError, SignUpRefused
from .models import Event, SignUp

S = SignUp.Status


class Reason:
    """Why a sign-up is refused; each has a message for the person."""

    NOT_OPEN = "not_open"
    CLOSED = "closed"
    STARTED = "started"
    FULL = "full"
    TOO_YOUNG = "too_young"
    ALREADY = "already"
    CLASH = "clash"
    AUDIENCE = "audience"


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def confirmed_count(event: Event) -> int:
    return event.signups.filter(status__in=[S.CONFIRMED, S.ATTENDED, S.NO_SHOW]).count()


def _age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def refusal(event: Event, person, *, birth_date: dt.date | None = None, now=None):
    """The reason ``person`` cannot sign up now, as a SignUpRefused, or None. Capacity is not
    a refusal when the event has a waitlist."""
    now = now or timezone.now()
    if event.status != Event.Status.PUBLISHED or now >= event.starts_at:
        return SignUpRefused(Reason.STARTED, _("Bu etkinliğe artık kayıt alınmıyor."))
    if event.signups.filter(
        person=person, status__in=[S.REQUESTED, S.CONFIRMED, S.WAITLISTED]
    ).exists():
        return SignUpRefused(Reason.ALREADY, _("Bu etkinliğe zaten kaydınız var."))
    if event.registration_opens_at and now < event.registration_opens_at:
        return SignUpRefused(
            Reason.NOT_OPEN,
            _("Kayıtlar %(date)s tarihinde açılacak.")
            % {"date": timezone.localtime(event.registration_opens_at).strftime("%d.%m.%Y %H:%M")},
        )
    if event.registration_closes_at and now >= event.registration_closes_at:
        return SignUpRefused(Reason.CLOSED, _("Kayıt süresi doldu."))
    if event.audience == Event.Audience.INVITED:
        return SignUpRefused(
            Reason.AUDIENCE, _("Bu etkinlik davetli kurumlara açık; kayıtları düzenleyici alır.")
        )
    if event.minimum_age:
        if birth_date is None:
            return SignUpRefused(
                Reason.TOO_YOUNG,
                _("Bu etkinlik %(age)s yaş ve üzeri içindir; doğum tarihinizi girin.")
                % {"age": event.minimum_age},
            )
        if _age_on(birth_date, timezone.localdate(event.starts_at)) < event.minimum_age:
            return SignUpRefused(
                Reason.TOO_YOUNG,
                _("Bu etkinlik %(age)s yaş ve üzeri içindir.") % {"age": event.minimum_age},
            )
    clash = (
        SignUp.objects.filter(
            person=person,
            status=S.CONFIRMED,
            event__starts_at__lt=event.ends_at,
            event__ends_at__gt=event.starts_at,
        )
        .exclude(event=event)
        .select_related("event")
        .first()
    )
    if clash is not None:
        return SignUpRefused(
            Reason.CLASH,
            _("Aynı saatte “%(title)s” etkinliğine kaydınız var.") % {"title": clash.event.title},
        )
    return None


@transaction.atomic
def signup_create(*, event: Event, person, birth_date: dt.date | None = None, now=None) -> SignUp:
    """Sign ``person`` up: confirmed while places last, then waitlisted (or refused when the
    event has no waitlist); requested when the organiser approves sign-ups. The birth date is
    used for the age check only and is not stored."""
    event = _locked(event)
    refused = refusal(event, person, birth_date=birth_date, now=now)
    if refused is not None:
        raise refused
    if event.approval == Event.Approval.ORGANISER:
        status = S.REQUESTED
    elif confirmed_count(event) < event.capacity:
        status = S.CONFIRMED
    elif event.waitlist_enabled:
        status = S.WAITLISTED
    else:
        raise SignUpRefused(Reason.FULL, _("Etkinliğin kontenjanı doldu."))
    signup = SignUp(event=event, person=person, status=status)
    try:
        with transaction.atomic():
            signup.save()
    except IntegrityError as error:  # the same person, twice at once
        raise SignUpRefused(Reason.ALREADY, _("Bu etkinliğe zaten kaydınız var.")) from error
    record_start(signup, by=person)
    return signup


@transaction.atomic
def signup_cancel(*, signup: SignUp, by, now=None) -> SignUp:
    """Cancel until the event starts; a freed place goes to the first person waiting."""
    event = _locked(signup.event)
    if (now or timezone.now()) >= event.starts_at:
        raise EventError(_("Etkinlik başladıktan sonra kayıt iptal edilemez."))
    transition(signup, S.CANCELLED, by=by)
    waitlist_promote(event=event)
    return signup


@transaction.atomic
def signup_decide(*, signup: SignUp, approve: bool, by, note: str = "") -> SignUp:
    """The organiser approves (confirmed while places last, else waitlisted) or rejects."""
    event = _locked(signup.event)
    require(by, "event.manage", event)
    if not approve:
        transition(signup, S.REJECTED, by=by, note=note)
    elif confirmed_count(event) < event.capacity:
        transition(signup, S.CONFIRMED, by=by, note=note)
    else:
        transition(signup, S.WAITLISTED, by=by, note=note)
    return signup


@transaction.atomic
def event_capacity_change(*, event: Event, capacity: int, by) -> Event:
    """Change the number of places; never below the people already confirmed. Raising it
    promotes people from the waitlist."""
    event = _locked(event)
    require(by, "event.manage", event)
    taken = confirmed_count(event)
    if capacity < taken:
        raise EventError(
            _(
                "Kontenjan, onaylanmış %(taken)s kişinin altına indirilemez. Önce kayıtları "
                "iptal edin ya da daha yüksek bir sayı girin."
            )
            % {"taken": taken}
        )
    event.capacity = capacity
    event.save(update_fields=["capacity", "updated_at"])
    waitlist_promote(event=event)
    return event


def waitlist_promote(*, event: Event) -> list[SignUp]:
    """Give free places to the waitlist in order of arrival. Call with the event locked."""
    free = event.capacity - confirmed_count(event)
    promoted = []
    if free <= 0:
        return promoted
    for signup in event.signups.filter(status=S.WAITLISTED).order_by("created_at", "pk")[:free]:
        transition(signup, S.CONFIRMED)
        promoted.append(signup)
    return promoted
