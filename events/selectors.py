"""Reads for the public event pages: free places decided in the query, a person's sign-ups
with their place in the queue, and the month a calendar shows.

Free places follow services.confirmed_count: a place is held by a sign-up that is confirmed,
attended or a no-show, and a sign-up may cover several people (``places``). An event with
sessions takes sign-ups per session, so its free places are those of its sessions.
"""

import calendar
import datetime as dt

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from .models import Event, EventSession, SignUp
from .signups import TAKING_A_PLACE, free_places

S = SignUp.Status

ACTIVE_FOR_PERSON = (S.REQUESTED, S.CONFIRMED, S.WAITLISTED)


def _taken_by_event():
    return (
        SignUp.objects.filter(event=OuterRef("pk"), session__isnull=True, status__in=TAKING_A_PLACE)
        .order_by()
        .values("event")
        .annotate(total=Sum("places"))
        .values("total")
    )


def _taken_by_session():
    return (
        SignUp.objects.filter(session=OuterRef("pk"), status__in=TAKING_A_PLACE)
        .order_by()
        .values("session")
        .annotate(total=Sum("places"))
        .values("total")
    )


def sessions_with_free_places(queryset: QuerySet | None = None) -> QuerySet:
    """Sessions annotated with ``taken`` and ``free`` (never below zero)."""
    queryset = queryset if queryset is not None else EventSession.objects.all()
    return queryset.annotate(
        taken=Coalesce(Subquery(_taken_by_session(), output_field=IntegerField()), 0)
    ).annotate(free=Greatest(F("capacity") - F("taken"), Value(0)))


def with_free_places(queryset: QuerySet) -> QuerySet:
    """Annotate events with ``free_places_left`` (for an event with sessions: the free places
    of all its sessions together), ``has_sessions`` and ``has_free_places`` (for an event with
    sessions: at least one session has a free place)."""
    sessions = EventSession.objects.filter(event=OuterRef("pk"))
    session_free = (
        sessions_with_free_places(EventSession.objects.filter(event=OuterRef("pk")))
        .order_by()
        .values("event")
        .annotate(total=Sum("free"))
        .values("total")
    )
    open_session = sessions_with_free_places(
        EventSession.objects.filter(event=OuterRef("pk"))
    ).filter(free__gt=0)
    return queryset.annotate(
        has_sessions=Exists(sessions),
        own_free=Greatest(
            F("capacity") - Coalesce(Subquery(_taken_by_event(), output_field=IntegerField()), 0),
            Value(0),
        ),
    ).annotate(
        free_places_left=Case(
            When(
                has_sessions=True,
                then=Coalesce(Subquery(session_free, output_field=IntegerField()), 0),
            ),
            default=F("own_free"),
            output_field=IntegerField(),
        ),
        has_free_places=Case(
            When(has_sessions=True, then=Exists(open_session)),
            When(own_free__gt=0, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def public_events() -> QuerySet:
    """Published events with what their cards show, soonest first."""
    return with_free_places(
        Event.objects.published().select_related("province", "district", "organiser")
    ).order_by("starts_at", "pk")


def event_for_page(slug: str) -> Event | None:
    """One event with everything its page shows, or None (drafts included: the view decides
    who may see them). Its free places are counted directly (one or two small queries):
    for one row that is cheaper than building the list's annotations."""
    event = (
        Event.objects.select_related(
            "province",
            "district",
            "organiser",
            "campaign",
            "working_area",
            "target_group",
            "image",
        )
        .filter(slug=slug)
        .first()
    )
    if event is not None:
        free = list(sessions_with_free_places(event.sessions.all()).values_list("free", flat=True))
        event.has_sessions = bool(free)
        event.free_places_left = sum(free) if free else free_places(event)
        event.has_free_places = any(free) if free else event.free_places_left > 0
    return event


def event_sessions(event: Event) -> list[EventSession]:
    """The event's sessions or shifts, soonest first, each with its free places."""
    return list(sessions_with_free_places(event.sessions.all()).order_by("starts_at", "pk"))


def _queue_position():
    """How many waitlisted sign-ups for the same event and session came before this one,
    itself included: its place in the queue (services.waitlist_promote's order)."""
    return (
        SignUp.objects.filter(event=OuterRef("event"), status=S.WAITLISTED)
        .alias(session_key=Coalesce("session", 0))
        .filter(session_key=Coalesce(OuterRef("session"), 0))
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(position=Count("pk"))
        .values("position")
    )


def with_queue_position(queryset: QuerySet) -> QuerySet:
    """Annotate sign-ups with ``queue_position`` (None unless waitlisted)."""
    return queryset.annotate(
        queue_position=Case(
            When(
                status=S.WAITLISTED,
                then=Subquery(_queue_position(), output_field=IntegerField()),
            ),
            default=None,
            output_field=IntegerField(),
        )
    )


def person_event_signups(person, event: Event) -> list[SignUp]:
    """The person's sign-ups for one event that still mean something (not cancelled or
    rejected), with their queue positions."""
    return list(
        with_queue_position(
            SignUp.objects.filter(event=event, person=person).exclude(
                status__in=[S.CANCELLED, S.REJECTED]
            )
        )
        .select_related("session")
        .order_by("created_at", "pk")
    )


def my_events(person, now: dt.datetime | None = None) -> dict:
    """A person's sign-ups in three groups (upcoming, waitlisted, past) and the volunteer
    hours credited for the shifts they attended. Three queries, however many sign-ups."""
    now = now or timezone.now()
    signups = list(
        with_queue_position(
            SignUp.objects.filter(person=person).exclude(status__in=[S.CANCELLED, S.REJECTED])
        ).select_related(
            "event",
            "event__province",
            "event__district",
            "event__organiser",
            "session",
            "certificate",
        )
    )
    upcoming, waitlisted, past = [], [], []
    for signup in signups:
        signup.can_cancel = (
            signup.status in ACTIVE_FOR_PERSON
            and now < signup.event.starts_at
            and signup.event.status != Event.Status.CANCELLED
        )
        over = signup.ends_at < now
        if signup.status in (S.ATTENDED, S.NO_SHOW) or (signup.status == S.CONFIRMED and over):
            past.append(signup)
        elif over:
            continue  # a request or a place in the queue for an event that is over
        elif signup.status == S.WAITLISTED:
            waitlisted.append(signup)
        else:
            upcoming.append(signup)
    upcoming.sort(key=lambda s: (s.starts_at, s.pk))
    waitlisted.sort(key=lambda s: (s.starts_at, s.pk))
    past.sort(key=lambda s: (s.starts_at, s.pk), reverse=True)
    hours = (
        SignUp.objects.filter(person=person, status=S.ATTENDED).aggregate(total=Sum("hours"))[
            "total"
        ]
        or 0
    )
    return {"upcoming": upcoming, "waitlisted": waitlisted, "past": past, "hours": hours}


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    """The month in Türkiye time, as [first day 00:00, next month's first day 00:00)."""
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(first, dt.time.min, tzinfo=tz),
        dt.datetime.combine(following, dt.time.min, tzinfo=tz),
    )


def month_grid(year: int, month: int, events) -> list[list[dict]]:
    """Weeks (Monday first) of days, each day with the events happening on it. An event
    that runs over several days is listed on each of them."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    by_day: dict[dt.date, list[Event]] = {}
    for event in events:
        day = max(timezone.localdate(event.starts_at), dt.date(year, month, 1))
        # An event ending at midnight does not take the next day.
        last = min(timezone.localdate(event.ends_at - dt.timedelta(microseconds=1)), weeks[-1][-1])
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += dt.timedelta(days=1)
    today = timezone.localdate()
    return [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "is_today": day == today,
                "events": by_day.get(day, []) if day.month == month else [],
            }
            for day in week
        ]
        for week in weeks
    ]
