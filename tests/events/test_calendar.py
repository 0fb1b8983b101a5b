"""Calendar files: an event's public .ics and each person's private feed, read back with the
icalendar package the way a calendar app reads them."""

import datetime as dt
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.factories import UserFactory
from events.factories import EventFactory, EventSessionFactory
from events.models import CalendarFeed, Event, SignUp

pytestmark = pytest.mark.django_db
S = SignUp.Status
ISTANBUL = ZoneInfo("Europe/Istanbul")
ONLINE_URL = "https://toplanti.example.org/oda/gizli-123"


def _at(year, month, day, hour, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=ISTANBUL)


def _parse(response) -> Calendar:
    return Calendar.from_ical(response.content)


def _events(calendar: Calendar):
    return calendar.walk("VEVENT")


def _signup(event, person, status=S.CONFIRMED, session=None):
    return SignUp.objects.create(event=event, person=person, status=status, session=session)


def _feed_url(person) -> str:
    feed = CalendarFeed.objects.create(person=person)
    return reverse("calendar_feed", args=[feed.token])


# --- The public .ics of an event -------------------------------------------------------------


def test_the_event_file_is_valid_icalendar_in_istanbul_time(client):
    event = EventFactory(
        title="Gençlerle spor ve sağlıklı yaşam",
        description="Parkta sabah koşusu ve ardından kısa bir söyleşi.",
        starts_at=_at(2030, 5, 1, 10),
        ends_at=_at(2030, 5, 1, 12, 30),
    )
    response = client.get(reverse("event_ics", args=[event.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = _parse(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]
    (vevent,) = _events(calendar)
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    assert "DTSTAMP" in vevent
    assert vevent["DTSTART"].params["TZID"] == "Europe/Istanbul"
    assert vevent["DTSTART"].to_ical() == b"20300501T100000"
    assert vevent["DTEND"].to_ical() == b"20300501T123000"
    assert vevent.decoded("DTSTART") == _at(2030, 5, 1, 10)
    assert str(vevent["SUMMARY"]) == "Gençlerle spor ve sağlıklı yaşam"
    assert str(vevent["LOCATION"]) == "Kadıköy Gençlik Merkezi, İstanbul"
    assert "Parkta sabah koşusu" in str(vevent["DESCRIPTION"])
    assert "İstanbul İl Sağlık Müdürlüğü" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == "http://testserver" + reverse("event_detail", args=[event.slug])
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_an_event_with_sessions_gives_one_entry_per_session(client):
    event = EventFactory(
        kind=Event.Kind.VOLUNTEER_SHIFT,
        title="Gıda bankası",
        starts_at=_at(2030, 6, 1, 9),
        ends_at=_at(2030, 6, 1, 18),
    )
    morning = EventSessionFactory(
        event=event, title="Sabah", starts_at=_at(2030, 6, 1, 9), ends_at=_at(2030, 6, 1, 13)
    )
    afternoon = EventSessionFactory(
        event=event,
        title="Öğleden sonra",
        starts_at=_at(2030, 6, 1, 14),
        ends_at=_at(2030, 6, 1, 18),
    )

    vevents = _events(_parse(client.get(reverse("event_ics", args=[event.slug]))))

    assert len(vevents) == 2
    by_uid = {str(vevent["UID"]): vevent for vevent in vevents}
    assert set(by_uid) == {
        f"event-{event.pk}-session-{morning.pk}@testserver",
        f"event-{event.pk}-session-{afternoon.pk}@testserver",
    }
    second = by_uid[f"event-{event.pk}-session-{afternoon.pk}@testserver"]
    assert str(second["SUMMARY"]) == "Gıda bankası · Öğleden sonra"
    assert second["DTSTART"].to_ical() == b"20300601T140000"
    assert second["DTSTART"].params["TZID"] == "Europe/Istanbul"


def test_the_public_file_never_carries_the_online_link(client):
    event = EventFactory(is_online=True, online_url=ONLINE_URL, venue="")
    response = client.get(reverse("event_ics", args=[event.slug]))

    assert response.status_code == 200
    assert b"toplanti.example.org" not in response.content
    (vevent,) = _events(_parse(response))
    assert str(vevent["LOCATION"]) == "Çevrim içi"


def test_a_draft_has_no_file_and_a_cancelled_event_says_so(client):
    draft = EventFactory(status=Event.Status.DRAFT)
    cancelled = EventFactory(status=Event.Status.CANCELLED)

    assert client.get(reverse("event_ics", args=[draft.slug])).status_code == 404
    assert client.get(reverse("event_ics", args=["yok-boyle-bir-etkinlik"])).status_code == 404
    (vevent,) = _events(_parse(client.get(reverse("event_ics", args=[cancelled.slug]))))
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_the_file_only_answers_reading(client):
    event = EventFactory()
    assert client.post(reverse("event_ics", args=[event.slug])).status_code == 405


def test_the_sequence_grows_when_the_event_changes(client):
    event = EventFactory(starts_at=_at(2030, 5, 1, 10), ends_at=_at(2030, 5, 1, 12))
    url = reverse("event_ics", args=[event.slug])
    first = _events(_parse(client.get(url)))[0]

    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(hours=1)
    ):
        event.starts_at = _at(2030, 5, 1, 11)
        event.save()
    second = _events(_parse(client.get(url)))[0]

    assert second["UID"] == first["UID"]
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert second["DTSTART"].to_ical() == b"20300501T110000"


# --- The private feed ------------------------------------------------------------------------


def test_the_feed_lists_only_the_persons_confirmed_and_attended_events(client):
    person, other = UserFactory(), UserFactory()
    now = timezone.now()
    online = EventFactory(title="Çevrim içi seminer", is_online=True, online_url=ONLINE_URL)
    attended = EventFactory(
        title="Geçen ayki atölye",
        starts_at=now - dt.timedelta(days=20),
        ends_at=now - dt.timedelta(days=20) + dt.timedelta(hours=2),
    )
    long_ago = EventFactory(
        title="Çok eski etkinlik",
        starts_at=now - dt.timedelta(days=120),
        ends_at=now - dt.timedelta(days=120) + dt.timedelta(hours=2),
    )
    waiting = EventFactory(title="Bekleme listesi")
    cancelled_signup = EventFactory(title="İptal ettiğim")
    others = EventFactory(title="Başkasının etkinliği")
    cancelled_event = EventFactory(title="İptal edilen etkinlik")
    _signup(online, person)
    _signup(attended, person, S.ATTENDED)
    _signup(long_ago, person, S.ATTENDED)
    _signup(waiting, person, S.WAITLISTED)
    _signup(cancelled_signup, person, S.CANCELLED)
    _signup(others, other)
    _signup(cancelled_event, person)
    Event.objects.filter(pk=cancelled_event.pk).update(status=Event.Status.CANCELLED)

    response = client.get(_feed_url(person))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    vevents = _events(_parse(response))
    assert {str(vevent["SUMMARY"]) for vevent in vevents} == {
        "Çevrim içi seminer",
        "Geçen ayki atölye",
    }
    description = {str(v["SUMMARY"]): str(v["DESCRIPTION"]) for v in vevents}
    # The feed is private: the confirmed attendee gets the link to join.
    assert ONLINE_URL in description["Çevrim içi seminer"]
    for vevent in vevents:
        assert vevent["DTSTART"].params["TZID"] == "Europe/Istanbul"


def test_the_online_link_is_only_for_confirmed_sign_ups_in_the_feed(client):
    person = UserFactory()
    now = timezone.now()
    event = EventFactory(
        is_online=True,
        online_url=ONLINE_URL,
        starts_at=now - dt.timedelta(days=3),
        ends_at=now - dt.timedelta(days=3) + dt.timedelta(hours=1),
    )
    _signup(event, person, S.ATTENDED)

    response = client.get(_feed_url(person))

    assert len(_events(_parse(response))) == 1
    assert b"toplanti.example.org" not in response.content


def test_a_session_sign_up_appears_at_the_session_time(client):
    person = UserFactory()
    event = EventFactory(
        kind=Event.Kind.VOLUNTEER_SHIFT, starts_at=_at(2030, 6, 1, 9), ends_at=_at(2030, 6, 1, 18)
    )
    EventSessionFactory(event=event, starts_at=_at(2030, 6, 1, 9), ends_at=_at(2030, 6, 1, 13))
    afternoon = EventSessionFactory(
        event=event, starts_at=_at(2030, 6, 1, 14), ends_at=_at(2030, 6, 1, 18)
    )
    _signup(event, person, session=afternoon)

    (vevent,) = _events(_parse(client.get(_feed_url(person))))

    assert str(vevent["UID"]) == f"event-{event.pk}-session-{afternoon.pk}@testserver"
    assert vevent["DTSTART"].to_ical() == b"20300601T140000"
    assert vevent["DTEND"].to_ical() == b"20300601T180000"


def test_an_unknown_or_malformed_address_is_not_found(client):
    person = UserFactory()
    feed = CalendarFeed.objects.create(person=person)
    almost = feed.token[:-1] + ("A" if feed.token[-1] != "A" else "B")

    assert client.get(reverse("calendar_feed", args=[almost])).status_code == 404
    assert client.get(reverse("calendar_feed", args=[feed.token[:8]])).status_code == 404
    assert client.get(reverse("calendar_feed", args=["'; DROP TABLE--"])).status_code == 404
    assert client.get(reverse("calendar_feed", args=["ğ" * 40])).status_code == 404


def test_the_feed_reads_the_same_number_of_queries_for_2_or_10_events(client):
    person = UserFactory()
    url = _feed_url(person)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for _ in range(2):
        _signup(EventFactory(), person)
    with_two = count_queries()
    for _ in range(8):
        event = EventFactory(kind=Event.Kind.VOLUNTEER_SHIFT)
        _signup(event, person, session=EventSessionFactory(event=event))
    assert len(_events(_parse(client.get(url)))) == 10
    assert count_queries() == with_two


# --- Managing the private address ------------------------------------------------------------


def test_managing_the_address_needs_signing_in(client):
    response = client.get(reverse("calendar_feed_manage"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_person_creates_their_address_and_sees_it_with_a_label(client):
    person = UserFactory()
    client.force_login(person)
    url = reverse("calendar_feed_manage")

    page = client.get(url).content.decode()
    assert "Özel takvim adresiniz" in page
    assert 'value="create"' in page

    response = client.post(url, {"action": "create"})
    assert response.status_code == 302
    feed = CalendarFeed.objects.get(person=person)
    page = client.get(url).content.decode()
    address = "http://testserver" + reverse("calendar_feed", args=[feed.token])
    assert '<label class="field__label" for="feed-address">' in page
    assert f'id="feed-address" value="{address}" readonly' in page
    assert f'value="webcal://testserver{reverse("calendar_feed", args=[feed.token])}"' in page

    client.post(url, {"action": "create"})
    assert CalendarFeed.objects.get(person=person).token == feed.token


def test_renewing_the_address_makes_the_old_one_stop_working(client):
    person = UserFactory()
    _signup(EventFactory(), person)
    client.force_login(person)
    client.post(reverse("calendar_feed_manage"), {"action": "create"})
    old = reverse("calendar_feed", args=[CalendarFeed.objects.get(person=person).token])
    assert client.get(old).status_code == 200

    client.post(reverse("calendar_feed_manage"), {"action": "renew"})

    new = reverse("calendar_feed", args=[CalendarFeed.objects.get(person=person).token])
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_deleting_the_address_makes_it_stop_working(client):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("calendar_feed_manage"), {"action": "create"})
    address = reverse("calendar_feed", args=[CalendarFeed.objects.get(person=person).token])

    client.post(reverse("calendar_feed_manage"), {"action": "delete"})

    assert not CalendarFeed.objects.filter(person=person).exists()
    assert client.get(address).status_code == 404


def test_an_unknown_action_is_refused_with_a_message(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("calendar_feed_manage"), {"action": "hepsini-sil"}, follow=True)
    assert response.status_code == 200
    assert "Bu işlem tanınmadı" in response.content.decode()
    assert not CalendarFeed.objects.filter(person=person).exists()
