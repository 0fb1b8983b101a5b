"""The public side of events: the list and calendar, an event's page with its sign-up box,
signing up, a person's own events, tickets and cancelling."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory
from core.models import District, Province, TargetGroup, WorkingArea
from events.factories import EventFactory, EventSessionFactory
from events.models import Event, SignUp
from events.signups import signup_create
from events.views import public

pytestmark = pytest.mark.django_db
S = SignUp.Status


def _at(days: int, hour: int = 14) -> dt.datetime:
    """A moment ``days`` from today at ``hour`` o'clock, Türkiye time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _html(response) -> str:
    return response.content.decode()


def _list(client, **params) -> str:
    response = client.get(reverse("event_list"), params)
    assert response.status_code == 200
    return _html(response)


def _detail(client, event) -> str:
    response = client.get(reverse("event_detail", args=[event.slug]))
    assert response.status_code == 200
    return _html(response)


def _sign_up(client, event, **data):
    return client.post(reverse("event_signup", args=[event.slug]), data)


@pytest.fixture
def organiser(db):
    return UserFactory()


@pytest.fixture
def organised(organiser):
    """An event of an accredited organisation ``organiser`` owns."""
    organisation = OrganisationFactory(accredited=True, owner=organiser)
    return EventFactory(title="Dernek semineri", organiser=organisation, organiser_institution="")


# --- The list -------------------------------------------------------------------------------


def test_the_list_shows_published_events_not_over_yet_soonest_first(client):
    EventFactory(title="Sonraki seminer", starts_at=_at(9))
    EventFactory(title="İlk seminer", starts_at=_at(2))
    EventFactory(title="Taslak seminer", status=Event.Status.DRAFT)
    EventFactory(title="Biten seminer", starts_at=_at(-3))
    html = _list(client)
    assert html.index("İlk seminer") < html.index("Sonraki seminer")
    assert "Taslak seminer" not in html
    assert "Biten seminer" not in html


@pytest.mark.parametrize("name", ["province", "district", "kind", "working_area", "target_group"])
def test_each_filter_narrows_the_list(client, name):
    istanbul, ankara = Province.objects.get(code=34), Province.objects.get(code=6)
    kadikoy, besiktas = District.objects.filter(province=istanbul).order_by("pk")[:2]
    area, other_area = WorkingArea.objects.order_by("pk")[:2]
    group, other_group = TargetGroup.objects.order_by("pk")[:2]
    wanted = EventFactory(
        title="Aranan etkinlik",
        province=istanbul,
        district=kadikoy,
        kind=Event.Kind.SPORTS,
        working_area=area,
        target_group=group,
    )
    others = {
        "province": {"province": ankara, "district": None},
        "district": {"district": besiktas},
        "kind": {"kind": Event.Kind.TRAINING},
        "working_area": {"working_area": other_area},
        "target_group": {"target_group": other_group},
    }
    base = {
        "province": istanbul,
        "district": kadikoy,
        "kind": Event.Kind.SPORTS,
        "working_area": area,
        "target_group": group,
    }
    EventFactory(title="Başka etkinlik", **{**base, **others[name]})
    value = {
        "province": istanbul.pk,
        "district": kadikoy.pk,
        "kind": wanted.kind,
        "working_area": area.slug,
        "target_group": group.slug,
    }[name]
    params = {name: value}
    if name == "district":
        params["province"] = istanbul.pk
    html = _list(client, **params)
    assert "Aranan etkinlik" in html
    assert "Başka etkinlik" not in html
    assert "Başka etkinlik" in _list(client)


def test_the_date_range_narrows_the_list_and_can_reach_past_events(client):
    EventFactory(title="Geçen hafta", starts_at=_at(-7))
    EventFactory(title="Yarın", starts_at=_at(1))
    EventFactory(title="Gelecek ay", starts_at=_at(40))
    from_date = (timezone.localdate() - dt.timedelta(days=8)).isoformat()
    to_date = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    html = _list(client, date_from=from_date, date_to=to_date)
    assert "Geçen hafta" in html and "Yarın" in html
    assert "Gelecek ay" not in html


def test_a_district_of_another_province_is_ignored_and_districts_follow_the_province(client):
    ankara_district = District.objects.filter(province_id=6).first()
    kadikoy = District.objects.filter(province_id=34).first()
    EventFactory(title="İstanbul etkinliği", district=kadikoy)
    response = client.get(reverse("event_list"), {"province": 34, "district": ankara_district.pk})
    html = _html(response)
    assert "İstanbul etkinliği" in html
    districts = html.split('name="district"')[1].split("</select>")[0]
    assert f'value="{kadikoy.pk}"' in districts
    assert f'value="{ankara_district.pk}"' not in districts


def test_bad_filter_values_are_explained_not_a_500(client):
    EventFactory(title="Bir seminer")
    response = client.get(
        reverse("event_list"),
        {"province": "abc", "date_from": "yarın", "kind": "x", "district": "9" * 30, "page": "z"},
    )
    assert response.status_code == 200
    assert "field--error" in _html(response)


def test_has_free_places_is_decided_by_places_taken(client):
    full = EventFactory(title="Dolu seminer", capacity=2)
    SignUp.objects.create(event=full, person=UserFactory(), status=S.CONFIRMED, places=2)
    nearly = EventFactory(title="Boş yerli seminer", capacity=2)
    SignUp.objects.create(event=nearly, person=UserFactory(), status=S.CONFIRMED)
    SignUp.objects.create(event=nearly, person=UserFactory(), status=S.CANCELLED)
    open_shift = EventSessionFactory(capacity=1, event__title="Yeri olan vardiya").event
    EventSessionFactory(event=open_shift, capacity=1)
    signup_create(event=open_shift, person=UserFactory(), session=open_shift.sessions.first())
    full_shift = EventSessionFactory(capacity=1, event__title="Dolu vardiya")
    signup_create(event=full_shift.event, person=UserFactory(), session=full_shift)

    html = _list(client, free="on")
    assert "Boş yerli seminer" in html
    assert "Yeri olan vardiya" in html
    assert "Dolu seminer" not in html
    assert "Dolu vardiya" not in html


def test_cards_say_how_many_places_are_left_or_that_it_is_full(client):
    EventFactory(title="Açık", capacity=12)
    full = EventFactory(title="Dolu, listeli", capacity=1)
    SignUp.objects.create(event=full, person=UserFactory(), status=S.CONFIRMED)
    closed = EventFactory(title="Dolu, listesiz", capacity=1, waitlist_enabled=False)
    SignUp.objects.create(event=closed, person=UserFactory(), status=S.ATTENDED)
    EventFactory(title="Çevrim içi seminer", is_online=True, online_url="https://meet.example/x")
    html = _list(client)
    assert "12 yer kaldı" in html
    assert "Dolu — bekleme listesi açık" in html
    assert ">Dolu</span>" in html
    assert "Çevrim içi" in html
    assert "https://meet.example/x" not in html


def test_twelve_a_page_and_the_pages_keep_the_filters(client):
    for day in range(14):
        EventFactory(title=f"Spor {day}", kind=Event.Kind.SPORTS, starts_at=_at(day + 1))
    html = _list(client, kind="sports")
    assert html.count('class="card event-card"') == 12
    assert "kind=sports&amp;page=2" in html
    page_two = _list(client, kind="sports", page=2)
    assert page_two.count('class="card event-card"') == 2


def test_the_list_and_calendar_links_keep_the_filters(client):
    html = _list(client, kind="sports", province=34)
    assert f"{reverse('event_calendar')}?kind=sports&amp;province=34" in html
    calendar = _html(client.get(reverse("event_calendar"), {"kind": "sports", "month": "2030-05"}))
    assert f"{reverse('event_list')}?kind=sports" in calendar
    assert "?month=2030-06&amp;kind=sports" in calendar


def _count_list_queries(client) -> int:
    client.get(reverse("event_list"))  # the first request of a site creates its settings row
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("event_list"))
    return len(queries)


def test_the_list_costs_the_same_queries_for_2_and_10_events(client):
    organisation = OrganisationFactory(accredited=True)
    for index in range(2):
        EventFactory(organiser=organisation if index % 2 else None)
    few = _count_list_queries(client)
    for index in range(8):
        event = EventFactory(organiser=organisation if index % 2 else None)
        SignUp.objects.create(event=event, person=UserFactory(), status=S.CONFIRMED)
    EventSessionFactory()
    assert _count_list_queries(client) == few


# --- The calendar ---------------------------------------------------------------------------


def test_the_calendar_puts_an_event_on_its_day(client):
    starts_at = timezone.make_aware(dt.datetime(2030, 5, 17, 10))
    EventFactory(
        title="Mayıs semineri", starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2)
    )
    EventFactory(
        title="Haziran semineri",
        starts_at=starts_at + dt.timedelta(days=30),
        ends_at=starts_at + dt.timedelta(days=30, hours=2),
    )
    response = client.get(reverse("event_calendar"), {"month": "2030-05"})
    html = _html(response)
    assert response.status_code == 200
    day_cell = html.split('datetime="2030-05-17"')[1].split("</td>")[0]
    assert "Mayıs semineri" in day_cell
    assert "Haziran semineri" not in html
    assert "<caption>Mayıs 2030</caption>" in html
    assert '<th scope="col">Pazartesi</th>' in html


@pytest.mark.parametrize("month", ["", "2030-13", "abcd", "0000-01", "99999-01", "2030-5"])
def test_a_bad_month_shows_this_month(client, month):
    EventFactory(title="Yakında", starts_at=timezone.now() + dt.timedelta(minutes=5))
    response = client.get(reverse("event_calendar"), {"month": month})
    assert response.status_code == 200
    this_month = timezone.localdate().strftime("%Y-%m")
    assert f'name="month" value="{this_month}"' in _html(response)


def test_the_calendar_speaks_english_in_english(client):
    starts_at = timezone.make_aware(dt.datetime(2030, 5, 17, 10))
    EventFactory(starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2))
    html = _html(client.get("/en/events/calendar/", {"month": "2030-05"}))
    assert "<caption>May 2030</caption>" in html
    assert '<th scope="col">Monday</th>' in html


# --- An event's page ------------------------------------------------------------------------


def test_a_draft_is_hidden_from_the_public_but_not_from_its_organiser(client, organised, organiser):
    organised.status = Event.Status.DRAFT
    organised.save()
    url = reverse("event_detail", args=[organised.slug])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(organiser)
    html = _html(client.get(url))
    assert "taslak" in html
    assert reverse("event_edit", args=[organised.slug]) in html


def test_organisers_see_their_management_links_and_others_do_not(client, organised, organiser):
    links = [
        reverse(name, args=[organised.slug])
        for name in ("event_manage", "event_edit", "event_check_in")
    ]
    client.force_login(UserFactory())
    html = _detail(client, organised)
    assert not any(link in html for link in links)
    client.force_login(organiser)
    html = _detail(client, organised)
    assert all(link in html for link in links)
    assert reverse("organisation_profile", args=[organised.organiser.slug]) in html


def test_the_page_shows_what_a_visitor_needs(client):
    event = EventFactory(
        title="Aile semineri",
        description="Ailelerle önleme üzerine bir akşam.",
        accessibility="Tekerlekli sandalye ile erişilebilir.",
        minimum_age=16,
        working_area=WorkingArea.objects.first(),
        target_group=TargetGroup.objects.first(),
    )
    html = _detail(client, event)
    for text in (
        "Ailelerle önleme üzerine bir akşam.",
        "Tekerlekli sandalye ile erişilebilir.",
        "16 yaş ve üzeri",
        "Farkındalık semineri",
        "İstanbul İl Sağlık Müdürlüğü",
        "Kadıköy Gençlik Merkezi",
        event.working_area.name,
        event.target_group.name,
        "Herkese açık",
        reverse("event_ics", args=[event.slug]),
        "Takvime ekle (.ics)",
    ):
        assert text in html, text


def test_the_online_link_is_shown_only_to_confirmed_people(client):
    event = EventFactory(capacity=1, is_online=True, online_url="https://meet.example/gizli")
    confirmed, waiting = UserFactory(), UserFactory()
    signup_create(event=event, person=confirmed)
    signup_create(event=event, person=waiting)
    assert "meet.example/gizli" not in _detail(client, event)
    client.force_login(waiting)
    assert "meet.example/gizli" not in _detail(client, event)
    client.force_login(confirmed)
    assert "meet.example/gizli" in _detail(client, event)


def test_a_cancelled_event_has_a_banner_and_no_sign_up(client, person):
    event = EventFactory(status=Event.Status.CANCELLED)
    client.force_login(person)
    html = _detail(client, event)
    assert "Bu etkinlik iptal edildi." in html
    assert reverse("event_signup", args=[event.slug]) not in html
    _sign_up(client, event)
    assert not SignUp.objects.exists()


def test_a_visitor_is_asked_to_sign_in_and_comes_back(client):
    event = EventFactory()
    html = _detail(client, event)
    assert f"{reverse('account_login')}?next=%2Fevents%2F{event.slug}%2F" in html
    response = _sign_up(client, event)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_attendees_names_and_emails_never_show_on_public_pages(client):
    event = EventFactory(capacity=1)
    attendee = UserFactory(full_name="Zeynep Gizlioğlu", email="zeynep.gizli@example.org")
    waiting = UserFactory(full_name="Mert Saklıoğlu", email="mert.sakli@example.org")
    signup_create(event=event, person=attendee)
    signup_create(event=event, person=waiting)
    visitor = UserFactory()
    for who in (None, visitor):
        if who:
            client.force_login(who)
        pages = [
            _detail(client, event),
            _list(client),
            _html(client.get(reverse("event_calendar"))),
        ]
        for html in pages:
            for secret in ("Gizlioğlu", "zeynep.gizli", "Saklıoğlu", "mert.sakli"):
                assert secret not in html


# --- Why one cannot sign up -------------------------------------------------------------------


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def test_full_without_a_waitlist_says_so(signed_in):
    event = EventFactory(capacity=1, waitlist_enabled=False)
    signup_create(event=event, person=UserFactory())
    html = _detail(signed_in, event)
    assert "Etkinliğin kontenjanı doldu." in html
    assert "Kaydol</button>" not in html


def test_full_with_a_waitlist_offers_it(signed_in, person):
    event = EventFactory(capacity=1)
    signup_create(event=event, person=UserFactory())
    html = _detail(signed_in, event)
    assert "Bekleme listesine katıl</button>" in html
    response = _sign_up(signed_in, event)
    assert response.status_code == 302
    signup = SignUp.objects.get(person=person)
    assert signup.status == S.WAITLISTED
    html = _html(signed_in.get(response["Location"]))
    assert "bekleme listesine alındınız. Sıranız: 1." in html
    assert "Bekleme listesinde 1. sıradasınız." in html


def test_a_window_not_open_yet_says_when_it_opens(signed_in):
    opens = timezone.now() + dt.timedelta(days=1)
    event = EventFactory(registration_opens_at=opens)
    html = _detail(signed_in, event)
    assert "Kayıtlar " in html and "tarihinde açılacak." in html
    assert "Kaydol</button>" not in html


def test_a_closed_window_says_so(signed_in):
    event = EventFactory(registration_closes_at=timezone.now() - dt.timedelta(hours=1))
    assert "Kayıt süresi doldu." in _detail(signed_in, event)


def test_a_started_event_takes_no_more_sign_ups(signed_in):
    now = timezone.now()
    event = EventFactory(starts_at=now - dt.timedelta(hours=1), ends_at=now + dt.timedelta(hours=1))
    assert "Bu etkinliğe artık kayıt alınmıyor." in _detail(signed_in, event)


def test_a_minimum_age_asks_for_the_birth_date_and_refuses_the_too_young(signed_in, person):
    event = EventFactory(minimum_age=18)
    html = _detail(signed_in, event)
    assert 'name="birth_date"' in html
    assert "Kaydol</button>" in html

    response = _sign_up(signed_in, event)
    assert response.status_code == 200
    assert "Yaş sınırı olan bu etkinlik için doğum tarihinizi girin." in _html(response)

    young = (timezone.localdate() - dt.timedelta(days=365 * 15)).isoformat()
    response = _sign_up(signed_in, event, birth_date=young)
    html = _html(response)
    assert response.status_code == 200
    assert "Bu etkinlik 18 yaş ve üzeri içindir." in html
    assert f'value="{young}"' in html  # what was entered is kept
    assert not SignUp.objects.exists()

    adult = (timezone.localdate() - dt.timedelta(days=365 * 30)).isoformat()
    assert _sign_up(signed_in, event, birth_date=adult).status_code == 302
    assert SignUp.objects.get().status == S.CONFIRMED


def test_already_signed_up_shows_the_sign_up_with_its_ticket_and_cancel(signed_in, person):
    event = EventFactory()
    signup = signup_create(event=event, person=person)
    html = _detail(signed_in, event)
    assert "Bu etkinliğe zaten kaydınız var." in html
    assert reverse("event_ticket", args=[signup.ticket_code]) in html
    assert reverse("signup_cancel", args=[signup.pk]) in html


def test_a_clash_with_another_of_your_events_is_named(signed_in, person):
    other = EventFactory(title="Aynı saatteki toplantı")
    signup_create(event=other, person=person)
    event = EventFactory(starts_at=other.starts_at, ends_at=other.ends_at)
    response = _sign_up(signed_in, event)
    assert response.status_code == 200
    assert "Aynı saatte “Aynı saatteki toplantı” kaydınız var." in _html(response)
    assert "Aynı saatte “Aynı saatteki toplantı” kaydınız var." in _detail(signed_in, event)


@pytest.mark.parametrize(
    ("audience", "message"),
    [
        (Event.Audience.VOLUNTEERS, "Bu etkinlik gönüllülere açık"),
        (Event.Audience.INVITED, "Bu etkinlik davetli kurumlara açık"),
    ],
)
def test_people_outside_the_audience_are_told_who_it_is_for(signed_in, audience, message):
    event = EventFactory(audience=audience)
    html = _detail(signed_in, event)
    assert message in html
    assert "Kaydol</button>" not in html
    response = _sign_up(signed_in, event)
    assert message in _html(response)
    assert not SignUp.objects.exists()


def test_an_event_with_shifts_asks_which_one_with_its_free_places(signed_in, person):
    shift = EventSessionFactory(title="Sabah vardiyası", capacity=5)
    event = shift.event
    EventSessionFactory(event=event, title="Öğle vardiyası", capacity=1)
    signup_create(
        event=event, person=UserFactory(), session=event.sessions.get(title="Öğle vardiyası")
    )
    html = _detail(signed_in, event)
    assert 'type="radio" name="session"' in html
    assert "Sabah vardiyası" in html and "5 yer kaldı" in html
    response = _sign_up(signed_in, event)
    assert response.status_code == 200
    assert "Katılmak istediğiniz oturumu ya da vardiyayı seçin." in _html(response)
    assert _sign_up(signed_in, event, session=shift.pk).status_code == 302
    assert SignUp.objects.get(person=person).session == shift
    html = _detail(signed_in, event)
    assert "Bu vardiyaya zaten kaydınız var." in html
    assert _sign_up(signed_in, event, session="999999").status_code == 200


def test_a_workshop_sends_people_to_its_registration_form(signed_in):
    event = EventFactory(kind=Event.Kind.WORKSHOP)
    html = _detail(signed_in, event)
    assert reverse("workshop_register", args=[event.slug]) in html
    assert reverse("event_signup", args=[event.slug]) not in html


# --- Signing up ------------------------------------------------------------------------------


def test_signing_up_confirms_a_place_and_says_so(signed_in, person):
    event = EventFactory()
    response = _sign_up(signed_in, event)
    assert response.status_code == 302
    signup = SignUp.objects.get(person=person)
    assert signup.status == S.CONFIRMED
    html = _html(signed_in.get(response["Location"]))
    assert f"Kaydınız onaylandı. Bilet kodunuz: {signup.ticket_code}." in html


def test_with_organiser_approval_the_sign_up_waits_for_a_decision(signed_in, person):
    event = EventFactory(approval=Event.Approval.ORGANISER)
    response = _sign_up(signed_in, event)
    assert SignUp.objects.get(person=person).status == S.REQUESTED
    assert "düzenleyicinin onayına gönderildi" in _html(signed_in.get(response["Location"]))


def test_a_double_submission_signs_up_once_and_says_so_kindly(signed_in, person):
    event = EventFactory()
    _sign_up(signed_in, event)
    response = _sign_up(signed_in, event)
    assert response.status_code == 302
    assert SignUp.objects.filter(person=person).count() == 1
    html = _html(signed_in.get(response["Location"]))
    assert "Bu etkinliğe zaten kaydınız var." in html
    assert "notice--info" in html


def test_get_on_the_sign_up_address_goes_back_to_the_event(signed_in):
    event = EventFactory()
    response = signed_in.get(reverse("event_signup", args=[event.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("event_detail", args=[event.slug])
    assert not SignUp.objects.exists()


# --- Cancelling ------------------------------------------------------------------------------


def test_the_owner_cancels_and_the_waitlist_moves_up(signed_in, person):
    event = EventFactory(capacity=1)
    signup = signup_create(event=event, person=person)
    waiting = signup_create(event=event, person=UserFactory())
    response = signed_in.post(reverse("signup_cancel", args=[signup.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("my_events")
    signup.refresh_from_db()
    waiting.refresh_from_db()
    assert signup.status == S.CANCELLED
    assert waiting.status == S.CONFIRMED
    assert "kaydınız iptal edildi" in _html(signed_in.get(response["Location"]))


def test_another_person_cannot_cancel_a_sign_up(signed_in):
    signup = signup_create(event=EventFactory(), person=UserFactory())
    response = signed_in.post(reverse("signup_cancel", args=[signup.pk]))
    assert response.status_code == 404
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


def test_cancelling_needs_a_post_and_goes_only_to_a_safe_next(signed_in, person):
    event = EventFactory()
    signup = signup_create(event=event, person=person)
    url = reverse("signup_cancel", args=[signup.pk])
    assert signed_in.get(url).status_code == 405
    response = signed_in.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("my_events")
    signup = signup_create(event=event, person=person)
    detail = reverse("event_detail", args=[event.slug])
    response = signed_in.post(reverse("signup_cancel", args=[signup.pk]), {"next": detail})
    assert response["Location"] == detail


def test_after_the_start_cancelling_is_refused_with_a_message(signed_in, person):
    now = timezone.now()
    event = EventFactory(starts_at=now + dt.timedelta(hours=1), ends_at=now + dt.timedelta(hours=3))
    signup = signup_create(event=event, person=person)
    Event.objects.filter(pk=event.pk).update(starts_at=now - dt.timedelta(minutes=5))
    response = signed_in.post(reverse("signup_cancel", args=[signup.pk]), follow=True)
    assert "Etkinlik başladıktan sonra kayıt iptal edilemez." in _html(response)
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


# --- A person's events and tickets -----------------------------------------------------------


def test_my_events_groups_upcoming_waitlisted_and_past_with_hours(signed_in, person):
    upcoming = EventFactory(title="Yaklaşan seminer", capacity=5, starts_at=_at(3))
    signup_create(event=upcoming, person=person)
    full = EventFactory(title="Dolu seminer", capacity=1, starts_at=_at(4))
    signup_create(event=full, person=UserFactory())
    signup_create(event=full, person=UserFactory())
    signup_create(event=full, person=person)
    past = EventFactory(title="Geçmiş vardiya", starts_at=_at(-10))
    SignUp.objects.create(event=past, person=person, status=S.ATTENDED, hours=4)
    past_two = EventFactory(title="Geçmiş seminer", starts_at=_at(-20))
    missed = SignUp.objects.create(event=past_two, person=person, status=S.NO_SHOW)
    SignUp.objects.create(
        event=EventFactory(title="İptal ettiğim"), person=person, status=S.CANCELLED
    )

    html = _html(signed_in.get(reverse("my_events")))
    upcoming_part, rest = html.split('id="waitlisted-title"')
    waitlisted_part, past_part = rest.split('id="past-title"')
    assert "Yaklaşan seminer" in upcoming_part
    assert (
        "Dolu seminer" in waitlisted_part
        and "Bekleme listesinde 2. sıradasınız." in waitlisted_part
    )
    assert "Geçmiş vardiya" in past_part and "Geçmiş seminer" in past_part
    assert "İptal ettiğim" not in html
    attended = SignUp.objects.get(event=past)
    assert reverse("signup_certificate", args=[attended.pk]) in past_part
    assert reverse("signup_certificate", args=[missed.pk]) not in html
    assert "<strong>4</strong>" in html
    assert reverse("calendar_feed_manage") in html
    assert upcoming_part.count("Kaydı iptal et") == 1
    assert "Kaydı iptal et" in waitlisted_part
    assert "Kaydı iptal et" not in past_part


def _count_my_events_queries(client) -> int:
    client.get(reverse("my_events"))  # the first request of a site creates its settings row
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("my_events"))
    return len(queries)


def test_my_events_costs_the_same_queries_for_2_and_10_sign_ups(signed_in, person):
    def add(count):
        for index in range(count):
            event = EventFactory(starts_at=_at(index - 3 if index % 3 == 0 else index + 1))
            if index % 4 == 1:
                EventSessionFactory(event=event)
                signup = SignUp(event=event, session=event.sessions.first(), person=person)
            else:
                signup = SignUp(event=event, person=person)
            signup.status = [S.CONFIRMED, S.WAITLISTED, S.ATTENDED][index % 3]
            signup.save()

    add(2)
    few = _count_my_events_queries(signed_in)
    add(8)
    assert _count_my_events_queries(signed_in) == few


def test_a_ticket_shows_the_code_and_a_qr_code_for_the_check_in(signed_in, person):
    event = EventFactory(is_online=True, online_url="https://meet.example/oda")
    signup = signup_create(event=event, person=person)
    response = signed_in.get(reverse("event_ticket", args=[signup.ticket_code]))
    html = _html(response)
    assert response.status_code == 200
    assert signup.ticket_code in html
    assert "https://meet.example/oda" in html
    expected = "http://testserver" + reverse("event_check_in", args=[event.slug])
    expected += f"?q={signup.ticket_code}"
    qr = public._qr_svg(expected, f"Bilet kodu {signup.ticket_code} için QR kod")
    assert "<svg" in qr and qr in html


def test_a_ticket_is_not_found_for_anyone_else_or_a_forged_code(signed_in, client):
    signup = signup_create(event=EventFactory(), person=UserFactory())
    assert signed_in.get(reverse("event_ticket", args=[signup.ticket_code])).status_code == 404
    assert signed_in.get(reverse("event_ticket", args=["ZZZZZZZZZZ"])).status_code == 404
    assert signed_in.get(reverse("event_ticket", args=["<script>"])).status_code == 404


def test_the_organiser_may_open_a_ticket_of_their_event(client, organised, organiser):
    signup = signup_create(event=organised, person=UserFactory())
    client.force_login(organiser)
    assert client.get(reverse("event_ticket", args=[signup.ticket_code])).status_code == 200
