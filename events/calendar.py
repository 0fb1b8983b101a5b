"""Events as iCalendar: the public ``.ics`` file of an event and each person's private feed.

Times are written in Europe/Istanbul with a VTIMEZONE, so a phone abroad still shows the
event at the right hour. The public file never carries the online link (it is for confirmed
attendees only); the private feed, whose address is a secret token, carries it for the
person's confirmed sign-ups.
"""

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.mail import absolute_url

from .models import CalendarFeed, Event, EventSession, SignUp, new_feed_token

TZID = "Europe/Istanbul"
ISTANBUL = ZoneInfo(TZID)
PRODID = "-//Bagimlilikla Mucadele ve Sosyal Uyum Portali//Etkinlikler//TR"
# Turkey has kept UTC+3 all year since September 2016; a VTIMEZONE from 2017 on is one line
# and exact for every event the portal holds.
_VTIMEZONE_FROM = dt.date(2017, 1, 1)
_VTIMEZONE_UNTIL = dt.date(2040, 1, 1)
FEED_PAST_DAYS = 90  # how far back the private feed reaches
SUMMARY_WORDS = 60  # the description in a calendar entry is a summary, not the whole text
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")

S = SignUp.Status


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    summary: str
    location: str
    description: str
    url: str
    sequence: int
    cancelled: bool = False


def calendar_host() -> str:
    """The portal's host name, which makes UIDs unique across calendars."""
    return urlsplit(absolute_url("/")).hostname or "localhost"


def event_uid(event: Event, session: EventSession | None = None) -> str:
    if session is not None:
        return f"event-{event.pk}-session-{session.pk}@{calendar_host()}"
    return f"event-{event.pk}@{calendar_host()}"


def event_sequence(event: Event) -> int:
    """Grows whenever the event is saved (a session's change touches the event too), so
    calendar apps replace their copy. Seconds since creation fit iCalendar's INTEGER."""
    return max(int((event.updated_at - event.created_at).total_seconds()), 0)


def _summary(event: Event, session: EventSession | None) -> str:
    return f"{event.title} · {session.title}" if session is not None else event.title


def _description(event: Event, *, online_url: str = "") -> str:
    parts = []
    if event.description.strip():
        parts.append(Truncator(event.description.strip()).words(SUMMARY_WORDS, truncate="…"))
    parts.append(_("Düzenleyen: %(organiser)s") % {"organiser": event.organiser_name})
    if online_url:
        parts.append(_("Katılım bağlantısı: %(url)s") % {"url": online_url})
    return "\n\n".join(parts)


def _entry(event: Event, session: EventSession | None, *, online_url: str = "") -> CalendarEntry:
    starts_at = session.starts_at if session is not None else event.starts_at
    ends_at = session.ends_at if session is not None else event.ends_at
    return CalendarEntry(
        uid=event_uid(event, session),
        starts_at=starts_at,
        ends_at=ends_at,
        summary=_summary(event, session),
        location=event.place_label,
        description=_description(event, online_url=online_url),
        url=absolute_url(reverse("event_detail", args=[event.slug])),
        sequence=event_sequence(event),
        cancelled=event.status == Event.Status.CANCELLED,
    )


def calendar_bytes(entries: list[CalendarEntry], *, name: str = "") -> bytes:
    """A VCALENDAR with one VEVENT per entry, times in Europe/Istanbul."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    calendar.add_component(
        icalendar.Timezone.from_tzid(TZID, first_date=_VTIMEZONE_FROM, last_date=_VTIMEZONE_UNTIL)
    )
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for entry in entries:
        vevent = icalendar.Event()
        vevent.add("uid", entry.uid)
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", entry.starts_at.astimezone(ISTANBUL).replace(microsecond=0))
        vevent.add("dtend", entry.ends_at.astimezone(ISTANBUL).replace(microsecond=0))
        vevent.add("sequence", entry.sequence)
        vevent.add("summary", entry.summary)
        if entry.location:
            vevent.add("location", entry.location)
        vevent.add("description", entry.description)
        vevent.add("url", entry.url)
        vevent.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        calendar.add_component(vevent)
    return calendar.to_ical()


# --- The public file of one event ----------------------------------------------------------


def event_calendar(event: Event) -> bytes:
    """The event's ``.ics``: one entry per session or shift when it has them. Without the
    online link, which only confirmed attendees see."""
    sessions = list(event.sessions.all())
    entries = [_entry(event, session) for session in sessions] or [_entry(event, None)]
    return calendar_bytes(entries)


# --- The private feed ------------------------------------------------------------------------


def feed_signups(person, *, now: dt.datetime | None = None):
    """The person's confirmed and attended sign-ups of published events, from
    ``FEED_PAST_DAYS`` ago on."""
    since = (now or timezone.now()) - dt.timedelta(days=FEED_PAST_DAYS)
    return (
        SignUp.objects.filter(
            person=person,
            status__in=[S.CONFIRMED, S.ATTENDED],
            event__status=Event.Status.PUBLISHED,
        )
        .filter(
            Q(session__isnull=True, event__ends_at__gte=since)
            | Q(session__isnull=False, session__ends_at__gte=since)
        )
        .select_related(
            "session", "event", "event__organiser", "event__province", "event__district"
        )
        .order_by("event__starts_at", "pk")
    )


def feed_calendar(person, *, now: dt.datetime | None = None) -> bytes:
    entries = []
    for signup in feed_signups(person, now=now):
        event = signup.event
        # The feed is private: confirmed attendees get the link to join online.
        online_url = event.online_url if event.is_online and signup.status == S.CONFIRMED else ""
        entries.append(_entry(event, signup.session, online_url=online_url))
    return calendar_bytes(entries, name=_("Etkinliklerim"))


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed behind an address, or None. The token is the only secret, so it is compared
    in constant time: the database finds candidates by a short prefix and the whole token is
    checked with ``compare_digest``."""
    if not _TOKEN.fullmatch(token):
        return None
    candidates = CalendarFeed.objects.filter(
        token__startswith=token[:8], person__is_active=True
    ).select_related("person")
    for feed in candidates:
        if secrets.compare_digest(feed.token.encode(), token.encode()):
            return feed
    return None


def feed_path(feed: CalendarFeed) -> str:
    return reverse("calendar_feed", args=[feed.token])


def webcal_url(url: str) -> str:
    """The same address with the ``webcal://`` scheme, which phones open as a subscription."""
    return "webcal://" + url.split("://", 1)[-1]


@transaction.atomic
def calendar_feed_create(*, person) -> CalendarFeed:
    """The person's private address, made once; asking again returns the same one."""
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def calendar_feed_renew(*, person) -> CalendarFeed:
    """A new address; the old one stops working at once (e.g. after it was shared)."""
    feed = CalendarFeed.objects.select_for_update().filter(person=person).first()
    if feed is None:
        return CalendarFeed.objects.create(person=person)
    feed.token = new_feed_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


@transaction.atomic
def calendar_feed_delete(*, person) -> bool:
    """Remove the private address; returns whether there was one."""
    deleted, _details = CalendarFeed.objects.filter(person=person).delete()
    return bool(deleted)
