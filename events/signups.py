"""Signing up for events, cancelling, the waitlist and capacity.

Every decision about places is taken with the event's row locked (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite runs one writing transaction at a time), so however many people press the
button at once, confirmed sign-ups never exceed the capacity. The database refuses a second
active sign-up of the same person for the same event.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models import Membership, Organisation
from core.dates import age_on
from core.lifecycle import record_start, transition
from core.permissions import require

from .exceptions import EventError, SignUpRefused
from .models import Event, EventSession, SignUp

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
    SESSION = "session"


# Who counts as a volunteer for "volunteers only" events. Members of accredited organisations
# always do; the volunteers app adds its own test (a volunteer profile) with
# ``register_volunteer_test``, so this app does not import it.
_VOLUNTEER_TESTS = []


def register_volunteer_test(test):
    _VOLUNTEER_TESTS.append(test)
    return test


def is_volunteer(person) -> bool:
    if not person.is_authenticated:
        return False
    if Membership.objects.filter(
        user=person, organisation__in=Organisation.objects.accredited()
    ).exists():
        return True
    return any(test(person) for test in _VOLUNTEER_TESTS)


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


TAKING_A_PLACE = (S.CONFIRMED, S.ATTENDED, S.NO_SHOW)


def confirmed_count(event: Event, session: EventSession | None = None) -> int:
    """People holding a place: of the session when given, else of the event (sessionless
    sign-ups). A sign-up may cover several people (a workshop's representatives)."""
    signups = event.signups.filter(status__in=TAKING_A_PLACE)
    signups = signups.filter(session=session) if session else signups.filter(session__isnull=True)
    return signups.aggregate(total=Sum("places"))["total"] or 0


def capacity_of(event: Event, session: EventSession | None = None) -> int:
    return session.capacity if session else event.capacity


def free_places(event: Event, session: EventSession | None = None) -> int:
    return max(capacity_of(event, session) - confirmed_count(event, session), 0)


def refusal(
    event: Event,
    person,
    *,
    session: EventSession | None = None,
    birth_date: dt.date | None = None,
    now=None,
):
    """The reason ``person`` cannot sign up now (for ``session``, when the event has
    sessions), as a SignUpRefused, or None. Capacity is not a refusal when the event has a
    waitlist; ``full_refusal`` says when it is."""
    now = now or timezone.now()
    starts_at = session.starts_at if session else event.starts_at
    ends_at = session.ends_at if session else event.ends_at
    if event.status != Event.Status.PUBLISHED or now >= starts_at:
        return SignUpRefused(Reason.STARTED, _("Bu etkinliğe artık kayıt alınmıyor."))
    if session is None and event.sessions.exists():
        return SignUpRefused(
            Reason.SESSION, _("Katılmak istediğiniz oturumu ya da vardiyayı seçin.")
        )
    if session is not None and session.event_id != event.pk:
        return SignUpRefused(Reason.SESSION, _("Bu oturum bu etkinliğe ait değil."))
    mine = event.signups.filter(person=person, status__in=[S.REQUESTED, S.CONFIRMED, S.WAITLISTED])
    if mine.filter(session=session).exists():
        return SignUpRefused(
            Reason.ALREADY,
            _("Bu vardiyaya zaten kaydınız var.")
            if session
            else _("Bu etkinliğe zaten kaydınız var."),
        )
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
    if event.audience == Event.Audience.VOLUNTEERS and not is_volunteer(person):
        return SignUpRefused(
            Reason.AUDIENCE,
            _(
                "Bu etkinlik gönüllülere açık: akredite bir kuruluşun üyesi ya da gönüllü "
                "profili olan kişiler kaydolabilir."
            ),
        )
    if event.minimum_age:
        if birth_date is None:
            return SignUpRefused(
                Reason.TOO_YOUNG,
                _("Bu etkinlik %(age)s yaş ve üzeri içindir; doğum tarihinizi girin.")
                % {"age": event.minimum_age},
            )
        if age_on(birth_date, timezone.localdate(event.starts_at)) < event.minimum_age:
            return SignUpRefused(
                Reason.TOO_YOUNG,
                _("Bu etkinlik %(age)s yaş ve üzeri içindir.") % {"age": event.minimum_age},
            )
    overlapping = Q(
        session__isnull=True, event__starts_at__lt=ends_at, event__ends_at__gt=starts_at
    ) | Q(session__isnull=False, session__starts_at__lt=ends_at, session__ends_at__gt=starts_at)
    clash = (
        SignUp.objects.filter(overlapping, person=person, status=S.CONFIRMED)
        .exclude(event=event, session=session)
        .select_related("event", "session")
        .first()
    )
    if clash is not None:
        title = (
            f"{clash.event.title} · {clash.session.title}"
            if clash.session_id
            else clash.event.title
        )
        return SignUpRefused(
            Reason.CLASH, _("Aynı saatte “%(title)s” kaydınız var.") % {"title": title}
        )
    return None


def full_refusal(event: Event, session: EventSession | None = None, places: int = 1):
    """The refusal when there is no place and no waitlist, or None."""
    if free_places(event, session) >= places or event.waitlist_enabled:
        return None
    return SignUpRefused(Reason.FULL, _("Etkinliğin kontenjanı doldu."))


@transaction.atomic
def signup_create(
    *,
    event: Event,
    person,
    session: EventSession | None = None,
    places: int = 1,
    birth_date: dt.date | None = None,
    now=None,
) -> SignUp:
    """Sign ``person`` up (for ``places`` people, e.g. a workshop's representatives):
    confirmed while places last, then waitlisted (or refused when the event has no waitlist);
    requested when the organiser approves sign-ups. The birth date is used for the age check
    only and is not stored."""
    # Who may sign up is checked before the lock; only the places are decided under it, so
    # the lock is held briefly when many press at once. A second sign-up of the same person
    # is refused by the database whatever the timing.
    event = Event.objects.get(pk=event.pk)
    if session is not None:
        session = EventSession.objects.get(pk=session.pk)
    refused = refusal(event, person, session=session, birth_date=birth_date, now=now)
    if refused is not None:
        raise refused
    event = _locked(event)
    if session is not None:  # its places may have changed while we were not holding the lock
        session = EventSession.objects.get(pk=session.pk)
    starts_at = session.starts_at if session else event.starts_at
    if event.status != Event.Status.PUBLISHED or (now or timezone.now()) >= starts_at:
        raise SignUpRefused(Reason.STARTED, _("Bu etkinliğe artık kayıt alınmıyor."))
    if event.approval == Event.Approval.ORGANISER:
        status = S.REQUESTED
    elif free_places(event, session) >= places and not _queue(event, session).exists():
        status = S.CONFIRMED  # no one is overtaken: with people waiting, newcomers queue
    elif event.waitlist_enabled:
        status = S.WAITLISTED
    else:
        raise full_refusal(event, session, places)
    signup = SignUp(event=event, session=session, person=person, status=status, places=places)
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
    waitlist_promote(event=event, session=signup.session)
    return signup


@transaction.atomic
def signup_decide(*, signup: SignUp, approve: bool, by, note: str = "") -> SignUp:
    """The organiser approves (confirmed while places last, else waitlisted) or rejects."""
    event = _locked(signup.event)
    require(by, "event.manage", event)
    if not approve:
        transition(signup, S.REJECTED, by=by, note=note)
    elif free_places(event, signup.session) >= signup.places:
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


@transaction.atomic
def session_capacity_change(*, session: EventSession, capacity: int, by) -> EventSession:
    """The same for one session or shift."""
    event = _locked(session.event)
    require(by, "event.manage", event)
    taken = confirmed_count(event, session)
    if capacity < taken:
        raise EventError(
            _("Kontenjan, onaylanmış %(taken)s kişinin altına indirilemez.") % {"taken": taken}
        )
    session.capacity = capacity
    session.save(update_fields=["capacity"])
    waitlist_promote(event=event, session=session)
    return session


def _queue(event: Event, session: EventSession | None):
    return event.signups.filter(status=S.WAITLISTED, session=session).order_by("created_at", "pk")


def waitlist_promote(*, event: Event, session: EventSession | None = None) -> list[SignUp]:
    """Give free places to the waitlist in order of arrival. Call with the event locked. The
    queue is strict: a sign-up for more people than the free places waits, and those behind
    it wait too, so no one is overtaken."""
    free = free_places(event, session)
    promoted = []
    for signup in _queue(event, session):
        if signup.places > free:
            break
        transition(signup, S.CONFIRMED)
        promoted.append(signup)
        free -= signup.places
    return promoted
