"""Reads for the organisers' pages: the events a person may manage with their sign-up
counts, the organisations they draft events for, an event's roster by section, the people
expected at the door, and the attendee list for a spreadsheet."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models import Membership, Organisation
from core.models import StaffRole
from core.permissions import has_role, province_ids_for, staff_mfa_satisfied
from core.spreadsheets import spreadsheet_time

from . import signups
from .attendance import attendance_opens_at
from .models import ACTIVE_SIGNUP_STATUSES, Event, EventSession, SignUp
from .organising import EXPECTING_STATUSES
from .selectors import sessions_with_free_places, with_queue_position

S = SignUp.Status


def events_manageable_by(user) -> QuerySet:
    """The events ``user`` may manage under the rule "event.manage", decided in the query:
    their organisations' (as owner or manager), their provinces' (coordinators), all of them
    (administrators). Coordinators and administrators need their second factor."""
    if not user.is_authenticated:
        return Event.objects.none()
    allowed = Q(
        organiser__in=Membership.objects.managing().filter(user=user).values("organisation")
    )
    staff = has_role(user, StaffRole.ADMIN) or has_role(user, StaffRole.COORDINATOR)
    if staff and staff_mfa_satisfied(user):
        if has_role(user, StaffRole.ADMIN):
            return Event.objects.all()
        provinces = province_ids_for(user, StaffRole.COORDINATOR)
        if provinces is None:
            return Event.objects.all()
        allowed |= Q(province_id__in=provinces)
    return Event.objects.filter(allowed)


def with_signup_counts(queryset: QuerySet) -> QuerySet:
    """Annotate events with ``people_confirmed`` (people holding a place: a sign-up may cover
    several), ``waitlisted`` and ``awaiting_approval`` (sign-ups) and ``places`` (the event's
    capacity, or its sessions' together)."""
    session_places = (
        EventSession.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(total=Sum("capacity"))
        .values("total")
    )
    return queryset.annotate(
        people_confirmed=Coalesce(
            Sum("signups__places", filter=Q(signups__status__in=signups.TAKING_A_PLACE)),
            0,
            output_field=IntegerField(),
        ),
        waitlisted=Count("signups", filter=Q(signups__status=S.WAITLISTED)),
        awaiting_approval=Count("signups", filter=Q(signups__status=S.REQUESTED)),
        places=Coalesce(
            Subquery(session_places, output_field=IntegerField()),
            "capacity",
            output_field=IntegerField(),
        ),
    )


def organisations_for_new_events(user) -> list[Organisation]:
    """Organisations whose events ``user`` drafts (owners and managers)."""
    if not user.is_authenticated:
        return []
    return [
        membership.organisation
        for membership in Membership.objects.managing()
        .filter(user=user)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    ]


def people_expected(event: Event) -> int:
    """People holding a place at the event (all its sessions together)."""
    return (
        event.signups.filter(status__in=signups.TAKING_A_PLACE).aggregate(total=Sum("places"))[
            "total"
        ]
        or 0
    )


@dataclass
class Roster:
    """What the manage page shows of one event."""

    sessions: list
    requested: list
    participants: list
    waitlist: list
    people_confirmed: int = 0


def event_roster(event: Event, *, now: dt.datetime | None = None) -> Roster:
    """The event's sessions with their places taken, and its sign-ups by section, in two
    queries however many people signed up."""
    now = now or timezone.now()
    sessions = list(sessions_with_free_places(event.sessions.all()).order_by("starts_at", "pk"))
    signups = list(
        with_queue_position(event.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES))
        .select_related("person", "session", "workshop")
        .order_by("created_at", "pk")
    )
    roster = Roster(sessions=sessions, requested=[], participants=[], waitlist=[])
    sessions_by_pk = {session.pk: session for session in sessions}
    for signup in signups:
        signup.event = event
        if signup.session_id:
            signup.session = sessions_by_pk.get(signup.session_id, signup.session)
        signup.attendance_open = now >= attendance_opens_at(signup)
        # signups.signup_cancel: until the event starts.
        signup.can_cancel = signup.status in EXPECTING_STATUSES and now < event.starts_at
        if signup.status == S.REQUESTED:
            roster.requested.append(signup)
        elif signup.status == S.WAITLISTED:
            roster.waitlist.append(signup)
        else:
            roster.participants.append(signup)
            if not signup.session_id:
                roster.people_confirmed += signup.places
    roster.waitlist.sort(key=lambda signup: _queue_key(event, signup))
    return roster


def _queue_key(event: Event, signup: SignUp) -> tuple:
    """Sessions in time order, each session's queue in the order it is served."""
    starts_at = signup.session.starts_at if signup.session_id else event.starts_at
    return (starts_at, signup.session_id or 0, signup.queue_position or 0)


def attendee_rows(event: Event) -> list[list[str]]:
    """The header and one row per sign-up still meaning something, in the order they came;
    times in Türkiye time. Labels in the active language."""
    header = [
        _("Ad soyad"),
        _("E-posta"),
        _("Durum"),
        _("Oturum"),
        _("Kişi sayısı"),
        _("Bilet kodu"),
        _("Gönüllü saati"),
        _("Kayıt zamanı"),
    ]
    rows = [[str(label) for label in header]]
    signups = (
        event.signups.filter(status__in=ACTIVE_SIGNUP_STATUSES)
        .select_related("person", "session")
        .order_by("created_at", "pk")
    )
    for signup in signups:
        rows.append(
            [
                signup.person.full_name,
                signup.person.email,
                signup.get_status_display(),
                signup.session.title if signup.session_id else "",
                str(signup.places),
                signup.ticket_code,
                "" if signup.hours is None else str(signup.hours),
                spreadsheet_time(signup.created_at),
            ]
        )
    return rows
