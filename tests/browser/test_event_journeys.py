"""Event journeys in headless Chromium: a volunteer on a phone finds a full event, joins its
waitlist, is promoted when others cancel, and takes the event into their calendar."""

import re
from pathlib import Path

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from events.models import Event, SignUp
from events.signups import signup_cancel

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "demo-parola-2026"
EVENT = "Aile Atölyesi: Ekranı Dengele"


def sign_in(page, base_url, email):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label(re.compile(r"^Parola")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hesabım")


def _cancel(email: str) -> None:
    signup = SignUp.objects.get(
        event__title=EVENT,
        person__email=email,
        status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED],
    )
    signup_cancel(signup=signup, by=signup.person)


def test_a_volunteer_on_a_phone_waits_is_promoted_and_adds_the_event_to_the_calendar(
    demo_site, phone
):
    base = demo_site.url
    sign_in(phone, base, "gonullu.emre@demo.example")

    # Finding the event: the list, narrowed to İzmir.
    phone.goto(base + "/events/")
    phone.get_by_label("İl", exact=True).select_option(label="İzmir")
    phone.get_by_role("button", name="Süz").click()
    card = phone.locator(".event-card").filter(has_text=EVENT)
    expect(card).to_contain_text("Dolu — bekleme listesi açık")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    card.get_by_role("link", name=EVENT, exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(EVENT)

    # Full: the button offers the waitlist, and the answer says where they are in it.
    phone.get_by_role("button", name="Bekleme listesine katıl").click()
    expect(phone.get_by_text("bekleme listesine alındınız. Sıranız: 3.")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # The two people ahead leave the queue, then someone with a place cancels.
    mail.outbox.clear()
    _cancel("volunteer@demo.example")
    _cancel("stk.konak@demo.example")
    _cancel("ngo@demo.example")
    promoted = SignUp.objects.get(event__title=EVENT, person__email="gonullu.emre@demo.example")
    assert promoted.status == SignUp.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["gonullu.emre@demo.example"]]

    # "My events" shows the place.
    phone.goto(base + "/events/mine/")
    mine = phone.locator(".event-card").filter(has_text=EVENT)
    expect(mine).to_contain_text("Onaylandı")

    # The calendar file, from the event's page.
    mine.get_by_role("link", name=EVENT, exact=True).click()
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Takvime ekle (.ics)").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == EVENT
    event = Event.objects.get(title=EVENT)
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent["DTSTART"].params["TZID"] == "Europe/Istanbul"
