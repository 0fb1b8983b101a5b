"""The organisers' side: drafting, publishing, capacity, approvals, attendance, check-in, CSV,
messages, cancelling, and who may do any of it."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.factories import UserFactory, staff_user
from core.models import District, StaffRole, StatusChange
from core.spreadsheets import spreadsheet_safe
from events import attendance, attendee_messages, organiser_selectors, organising
from events.exceptions import EventError
from events.factories import EventFactory, EventSessionFactory, WorkingGroupFactory
from events.models import Event, EventMessage, EventSession, SignUp, WorkingGroup
from events.signups import signup_create

pytestmark = pytest.mark.django_db
S = SignUp.Status


# --- Fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def owner(db):
    return UserFactory(full_name="Derya Organizatör")


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(accredited=True, owner=owner)


def _own_event(organisation, **kwargs) -> Event:
    """An event of ``organisation`` starting on the minute (as the form posts it back), so
    posting the edit form unchanged changes no time."""
    start = _start()
    kwargs.setdefault("starts_at", start)
    kwargs.setdefault("ends_at", start + dt.timedelta(hours=2))
    return EventFactory(organiser=organisation, organiser_institution="", **kwargs)


@pytest.fixture
def event(organisation):
    return _own_event(organisation, capacity=3)


@pytest.fixture
def organiser_client(client, owner):
    client.force_login(owner)
    return client


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def _start() -> dt.datetime:
    return timezone.localtime(timezone.now() + dt.timedelta(days=10)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )


def _event_data(**overrides) -> dict:
    start = _start()
    data = {
        "title": "Gençlerle bağımlılığı önleme semineri",
        "kind": Event.Kind.SEMINAR,
        "campaign": "",
        "working_area": "",
        "target_group": "",
        "province": "34",
        "district": str(District.objects.get(province_id=34, slug="kadikoy").pk),
        "venue": "Moda Sahnesi",
        "online_url": "",
        "starts_at": _local(start),
        "ends_at": _local(start + dt.timedelta(hours=2)),
        "registration_opens_at": "",
        "registration_closes_at": "",
        "capacity": "30",
        "waitlist_enabled": "on",
        "audience": Event.Audience.PUBLIC,
        "minimum_age": "",
        "approval": Event.Approval.INSTANT,
        "accessibility": "Tekerlekli sandalyeyle erişilebilir.",
        "description": "Aileler ve gençler için bir akşam.",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "groups-TOTAL_FORMS": "0",
        "groups-INITIAL_FORMS": "0",
        "save_draft": "",
    }
    data.update(overrides)
    return data


def _edit_data(event: Event, **overrides) -> dict:
    """What the edit form posts back unchanged, plus ``overrides``."""
    data = _event_data(
        title=event.title,
        kind=event.kind,
        province=str(event.province_id),
        district=str(event.district_id or ""),
        venue=event.venue,
        starts_at=_local(event.starts_at),
        ends_at=_local(event.ends_at),
        capacity=str(event.capacity),
        approval=event.approval,
        audience=event.audience,
    )
    data.pop("save_draft")
    sessions = list(event.sessions.all())
    data["sessions-TOTAL_FORMS"] = data["sessions-INITIAL_FORMS"] = str(len(sessions))
    for index, session in enumerate(sessions):
        data.update(
            {
                f"sessions-{index}-id": str(session.pk),
                f"sessions-{index}-event": str(event.pk),
                f"sessions-{index}-title": session.title,
                f"sessions-{index}-starts_at": _local(session.starts_at),
                f"sessions-{index}-ends_at": _local(session.ends_at),
                f"sessions-{index}-capacity": str(session.capacity),
            }
        )
    data.update(overrides)
    return data


def _sign_up(event, count, *, session=None, now=None):
    return [
        signup_create(event=event, person=UserFactory(), session=session, now=now)
        for _ in range(count)
    ]


def _html(response) -> str:
    return response.content.decode()


# --- Drafting and publishing -----------------------------------------------------------------


def test_a_non_accredited_organisation_saves_a_draft_but_cannot_publish_it(client, owner):
    organisation = OrganisationFactory(owner=owner)
    client.force_login(owner)
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    assert "yayımlamak için akreditasyon gerekir" in _html(client.get(url))

    data = _event_data()
    data.pop("save_draft")
    data["publish"] = ""
    response = client.post(url, data, follow=True)

    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT
    assert event.organiser == organisation
    assert event.created_by == owner
    assert "Yalnızca akredite kuruluşlar etkinlik yayımlayabilir." in _html(response)
    assert response.redirect_chain[-1][0] == reverse("event_edit", args=[event.slug])


def test_an_accredited_organisation_drafts_then_publishes(organiser_client, organisation):
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, _event_data(title="Çankırı'da Işık Semineri"))
    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT
    assert event.slug == "cankiri-da-isik-semineri"
    assert response["Location"] == reverse("event_edit", args=[event.slug])

    data = _edit_data(event, publish="")
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert response["Location"] == reverse("event_manage", args=[event.slug])


def test_datetime_inputs_are_read_in_turkiye_time(organiser_client, organisation):
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    organiser_client.post(
        url, _event_data(starts_at="2031-03-10T14:00", ends_at="2031-03-10T16:30")
    )
    event = Event.objects.get()
    assert event.starts_at == dt.datetime(2031, 3, 10, 11, 0, tzinfo=dt.UTC)
    assert event.ends_at - event.starts_at == dt.timedelta(hours=2, minutes=30)


def test_slugs_are_unique_and_never_a_reserved_word(owner, organisation):
    first = organising.event_save(
        event=Event(**_model_fields(title="Takvim")), by=owner, organisation=organisation
    )
    second = organising.event_save(
        event=Event(**_model_fields(title="Takvim")), by=owner, organisation=organisation
    )
    reserved = organising.event_save(
        event=Event(**_model_fields(title="Calendar")), by=owner, organisation=organisation
    )
    assert (first.slug, second.slug, reserved.slug) == ("takvim", "takvim-2", "calendar-2")


def _model_fields(**overrides) -> dict:
    start = _start()
    fields = {
        "title": "Seminer",
        "kind": Event.Kind.SEMINAR,
        "province_id": 34,
        "venue": "Moda Sahnesi",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=2),
        "capacity": 10,
    }
    fields.update(overrides)
    return fields


def test_a_workshop_is_created_with_its_sessions_and_working_groups(organiser_client, organisation):
    start = _start()
    data = _event_data(
        kind=Event.Kind.WORKSHOP,
        **{
            "sessions-TOTAL_FORMS": "2",
            "sessions-0-title": "Birinci gün",
            "sessions-0-starts_at": _local(start),
            "sessions-0-ends_at": _local(start + dt.timedelta(hours=6)),
            "sessions-0-capacity": "60",
            "sessions-1-title": "",
            "sessions-1-starts_at": "",
            "sessions-1-ends_at": "",
            "sessions-1-capacity": "",
            "groups-TOTAL_FORMS": "2",
            "groups-0-name": "Koruyucu ve Önleyici Hizmetler",
            "groups-0-capacity": "18",
            "groups-0-description": "",
            "groups-1-name": "Rehabilitasyon ve Sosyal Uyum",
            "groups-1-capacity": "15",
            "groups-1-description": "",
        },
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert [s.title for s in event.sessions.all()] == ["Birinci gün"]
    assert [(g.name, g.capacity, g.sort_order) for g in event.working_groups.all()] == [
        ("Koruyucu ve Önleyici Hizmetler", 18, 1),
        ("Rehabilitasyon ve Sosyal Uyum", 15, 2),
    ]


def test_working_groups_are_refused_for_an_event_that_is_not_a_workshop(
    organiser_client, organisation
):
    data = _event_data(
        **{
            "groups-TOTAL_FORMS": "1",
            "groups-0-name": "Grup",
            "groups-0-capacity": "12",
            "groups-0-description": "",
        }
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    assert response.status_code == 200
    assert "Çalışma grupları yalnızca çalıştaylar için eklenir" in _html(response)
    assert not Event.objects.exists()


# --- Bad input: messages on the fields, input kept, nothing saved ----------------------------


def test_an_end_before_the_start_is_shown_on_the_field_and_the_input_is_kept(
    organiser_client, organisation
):
    start = _start()
    data = _event_data(
        title="Kaybolmaması gereken başlık",
        ends_at=_local(start - dt.timedelta(hours=1)),
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    html = _html(response)
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["Bitiş, başlangıçtan sonra olmalı."]
    assert 'value="Kaybolmaması gereken başlık"' in html
    assert 'href="#id_ends_at"' in html
    assert not Event.objects.exists()


def test_registration_closing_before_it_opens_is_refused_on_the_field(
    organiser_client, organisation
):
    start = _start()
    data = _event_data(
        registration_opens_at=_local(start - dt.timedelta(days=2)),
        registration_closes_at=_local(start - dt.timedelta(days=3)),
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    assert response.context["form"].errors["registration_closes_at"] == [
        "Kayıt kapanışı, kayıt açılışından sonra olmalı."
    ]
    assert not Event.objects.exists()


def test_a_district_of_another_province_is_refused_on_the_field(organiser_client, organisation):
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, _event_data(province="6"))
    assert response.status_code == 200
    assert response.context["form"].errors["district"] == [
        "Seçtiğiniz ilçe Ankara iline bağlı değil."
    ]
    assert not Event.objects.exists()


def test_garbage_in_every_field_gives_messages_not_a_server_error(organiser_client, organisation):
    data = _event_data(
        starts_at="yarın",
        ends_at="2031-02-30T10:00",
        capacity="-4",
        province="999",
        district="x",
        kind="party",
        minimum_age="abc",
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"starts_at", "ends_at", "capacity", "province", "district", "kind"} <= set(errors)


def test_capacity_below_the_people_confirmed_is_refused_and_nothing_changes(
    organiser_client, event
):
    _sign_up(event, 2)
    data = _edit_data(event, capacity="1", title="Yeni başlık")
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    assert response.status_code == 200
    assert (
        "onaylanmış 2 kişinin altına indirilemez" in response.context["form"].errors["capacity"][0]
    )
    assert 'value="Yeni başlık"' in _html(response)
    event.refresh_from_db()
    assert (event.capacity, event.title) != (1, "Yeni başlık")
    assert event.capacity == 3


def test_raising_capacity_promotes_the_waitlist(
    organiser_client, event, outbox, django_capture_on_commit_callbacks
):
    confirmed = _sign_up(event, 3)
    waiting = _sign_up(event, 1)[0]
    assert waiting.status == S.WAITLISTED
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            reverse("event_edit", args=[event.slug]), _edit_data(event, capacity="4")
        )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED
    assert [m.to for m in outbox] == [[waiting.person.email]]
    assert len(confirmed) == 3


def test_a_session_capacity_below_its_confirmed_people_is_refused_on_the_row(
    organiser_client, organisation
):
    event = _own_event(organisation, kind=Event.Kind.VOLUNTEER_SHIFT)
    session = EventSessionFactory(event=event, capacity=2)
    _sign_up(event, 2, session=session)
    data = _edit_data(event, **{"sessions-0-capacity": "1"})
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    assert response.status_code == 200
    row = response.context["sessions"].forms[0]
    assert "onaylanmış 2 kişinin altına indirilemez" in row.errors["capacity"][0]
    session.refresh_from_db()
    assert session.capacity == 2


def test_a_session_with_active_sign_ups_cannot_be_deleted(organiser_client, organisation):
    event = _own_event(organisation, kind=Event.Kind.VOLUNTEER_SHIFT)
    session = EventSessionFactory(event=event)
    _sign_up(event, 1, session=session)
    data = _edit_data(event, **{"sessions-0-DELETE": "on"})
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    assert response.status_code == 200
    assert "Bu oturumda etkin kayıtlar var" in _html(response)
    assert EventSession.objects.filter(pk=session.pk).exists()


def test_a_session_without_sign_ups_is_deleted(organiser_client, organisation):
    event = _own_event(organisation)
    session = EventSessionFactory(event=event)
    data = _edit_data(event, **{"sessions-0-DELETE": "on"})
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    assert response.status_code == 302
    assert not EventSession.objects.filter(pk=session.pk).exists()


def test_a_session_ending_before_it_starts_is_refused_on_the_row(organiser_client, event):
    start = _start()
    data = _edit_data(
        event,
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-0-title": "Sabah",
            "sessions-0-starts_at": _local(start),
            "sessions-0-ends_at": _local(start - dt.timedelta(hours=1)),
            "sessions-0-capacity": "5",
        },
    )
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    assert response.status_code == 200
    assert response.context["sessions"].forms[0].errors["ends_at"] == [
        "Bitiş, başlangıçtan sonra olmalı."
    ]
    assert not event.sessions.exists()


def test_a_forged_session_id_gives_a_message_not_a_server_error(organiser_client, event):
    other = EventSessionFactory()
    data = _edit_data(
        event,
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "1",
            "sessions-0-id": str(other.pk),
            "sessions-0-title": "Ele geçirilmiş",
            "sessions-0-starts_at": _local(other.starts_at),
            "sessions-0-ends_at": _local(other.ends_at),
            "sessions-0-capacity": "1",
        },
    )
    response = organiser_client.post(reverse("event_edit", args=[event.slug]), data)
    assert response.status_code in (200, 302)
    other.refresh_from_db()
    assert (other.title, other.event_id) != ("Ele geçirilmiş", event.pk)


def test_the_service_refuses_a_session_of_another_event(owner, event):
    other = EventSessionFactory()
    row = organising.SessionRow(
        title="Ele geçirilmiş",
        starts_at=other.starts_at,
        ends_at=other.ends_at,
        capacity=1,
        pk=other.pk,
    )
    with pytest.raises(organising.EventChangeInvalid) as refused:
        organising.event_save(event=event, by=owner, sessions=[row])
    assert refused.value.errors == {("sessions", 0, None): ["Bu oturum bu etkinliğe ait değil."]}
    other.refresh_from_db()
    assert other.title != "Ele geçirilmiş"


# --- Approvals -------------------------------------------------------------------------------


@pytest.fixture
def approval_event(organisation):
    return EventFactory(
        organiser=organisation,
        organiser_institution="",
        capacity=1,
        approval=Event.Approval.ORGANISER,
    )


def _action(client, event, signup, action, **extra):
    return client.post(
        reverse("event_signup_action", args=[event.slug, signup.pk]),
        {"action": action, **extra},
        follow=True,
    )


def test_the_organiser_approves_and_rejects_with_a_note(organiser_client, approval_event):
    first, second, third = _sign_up(approval_event, 3)
    assert first.status == S.REQUESTED
    html = _html(organiser_client.get(reverse("event_manage", args=[approval_event.slug])))
    assert "Onay bekleyenler (3)" in html

    response = _action(organiser_client, approval_event, first, "approve")
    first.refresh_from_db()
    assert first.status == S.CONFIRMED
    assert "kaydı onaylandı" in _html(response)

    _action(organiser_client, approval_event, second, "reject", note="Kontenjan kurumlara ayrıldı")
    second.refresh_from_db()
    assert second.status == S.REJECTED
    assert StatusChange.objects.for_object(second).last().note == "Kontenjan kurumlara ayrıldı"

    response = _action(organiser_client, approval_event, third, "approve")
    third.refresh_from_db()
    assert third.status == S.WAITLISTED
    assert "bekleme listesine alındı" in _html(response)


def test_an_unknown_action_is_a_bad_request_with_a_message(organiser_client, event):
    signup = _sign_up(event, 1)[0]
    response = _action(organiser_client, event, signup, "delete_everything")
    assert response.status_code == 400
    assert "Bilinmeyen işlem" in _html(response)
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


def test_a_sign_up_of_another_event_is_not_found(organiser_client, event, organisation):
    other_event = EventFactory(organiser=organisation, organiser_institution="")
    signup = _sign_up(other_event, 1)[0]
    response = organiser_client.post(
        reverse("event_signup_action", args=[event.slug, signup.pk]), {"action": "cancel"}
    )
    assert response.status_code == 404
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


def test_signup_action_only_accepts_post(organiser_client, event):
    signup = _sign_up(event, 1)[0]
    response = organiser_client.get(reverse("event_signup_action", args=[event.slug, signup.pk]))
    assert response.status_code == 405


def test_an_approval_of_a_sign_up_already_decided_gives_a_message(organiser_client, event):
    signup = _sign_up(event, 1)[0]
    response = _action(organiser_client, event, signup, "reject")
    assert response.status_code == 200
    assert "durumundan" in _html(response)
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


# --- Attendance and volunteer hours ----------------------------------------------------------


@pytest.fixture
def shift(organisation):
    """A volunteer shift that began ten minutes ago: four hours and a half long."""
    start = timezone.now() - dt.timedelta(minutes=10)
    event = EventFactory(
        organiser=organisation,
        organiser_institution="",
        kind=Event.Kind.VOLUNTEER_SHIFT,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=8),
    )
    session = EventSessionFactory(
        event=event, starts_at=start, ends_at=start + dt.timedelta(hours=4, minutes=30)
    )
    return session


def test_attending_a_volunteer_shift_credits_its_hours_and_a_no_show_clears_them(
    organiser_client, shift
):
    event = shift.event
    signup = _sign_up(event, 1, session=shift, now=event.starts_at - dt.timedelta(days=1))[0]
    _action(organiser_client, event, signup, "attended")
    signup.refresh_from_db()
    assert (signup.status, signup.hours) == (S.ATTENDED, Decimal("4.50"))

    _action(organiser_client, event, signup, "no_show")
    signup.refresh_from_db()
    assert (signup.status, signup.hours) == (S.NO_SHOW, None)

    _action(organiser_client, event, signup, "attended")
    signup.refresh_from_db()
    assert (signup.status, signup.hours) == (S.ATTENDED, Decimal("4.50"))


def test_attending_an_event_that_is_not_a_volunteer_shift_credits_no_hours(owner, organisation):
    start = timezone.now() - dt.timedelta(minutes=5)
    event = EventFactory(
        organiser=organisation,
        organiser_institution="",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    signup = _sign_up(event, 1, now=start - dt.timedelta(days=1))[0]
    attendance.attendance_mark(signup=signup, attended=True, by=owner)
    signup.refresh_from_db()
    assert (signup.status, signup.hours) == (S.ATTENDED, None)


def test_a_volunteer_shift_without_sessions_credits_the_event_length(owner, organisation):
    start = timezone.now() - dt.timedelta(minutes=5)
    event = EventFactory(
        organiser=organisation,
        organiser_institution="",
        kind=Event.Kind.VOLUNTEER_SHIFT,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2, minutes=20),
    )
    signup = _sign_up(event, 1, now=start - dt.timedelta(days=1))[0]
    attendance.attendance_mark(signup=signup, attended=True, by=owner)
    signup.refresh_from_db()
    assert signup.hours == Decimal("2.33")


def test_attendance_opens_an_hour_before_the_start(owner, event):
    signup = _sign_up(event, 1)[0]
    with pytest.raises(EventError, match="bir saat önce açılır"):
        attendance.attendance_mark(signup=signup, attended=True, by=owner)
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED
    at_the_door = event.starts_at - dt.timedelta(minutes=59)
    attendance.attendance_mark(signup=signup, attended=True, by=owner, now=at_the_door)
    signup.refresh_from_db()
    assert signup.status == S.ATTENDED


def test_too_early_attendance_through_the_page_gives_a_message(organiser_client, event):
    signup = _sign_up(event, 1)[0]
    response = _action(organiser_client, event, signup, "attended")
    assert response.status_code == 200
    assert "bir saat önce açılır" in _html(response)
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


# --- Check-in --------------------------------------------------------------------------------


@pytest.fixture
def door(organisation):
    """An event that began five minutes ago with one confirmed person."""
    start = timezone.now() - dt.timedelta(minutes=5)
    event = EventFactory(
        organiser=organisation,
        organiser_institution="",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    person = UserFactory(full_name="Ayşe Yılmaz")
    signup = signup_create(event=event, person=person, now=start - dt.timedelta(days=1))
    return signup


def _check_in(client, event, q):
    return client.get(reverse("event_check_in", args=[event.slug]), {"q": q})


def test_check_in_by_ticket_code_shows_the_person_and_marks_them_arrived(organiser_client, door):
    event = door.event
    response = _check_in(organiser_client, event, door.ticket_code)
    html = _html(response)
    assert "Ayşe Yılmaz" in html
    assert ">Geldi<" in html

    response = organiser_client.post(
        reverse("event_check_in", args=[event.slug]), {"signup": door.pk}, follow=True
    )
    door.refresh_from_db()
    assert door.status == S.ATTENDED
    assert "Ayşe Yılmaz geldi olarak işaretlendi." in _html(response)


def test_check_in_reads_a_code_typed_in_lower_case_with_spaces_and_dashes(organiser_client, door):
    code = door.ticket_code
    typed = f"  {code[:3].lower()} {code[3:6].lower()}-{code[6:]} "
    response = _check_in(organiser_client, door.event, typed)
    assert response.context["result"].signup == door
    assert "Ayşe Yılmaz" in _html(response)


def test_a_forged_ticket_code_is_not_found(organiser_client, door):
    response = _check_in(organiser_client, door.event, "ZZZZ-ZZZZ-99")
    assert response.status_code == 200
    assert "Bu bilet kodu bu etkinlikte bulunamadı." in _html(response)


def test_another_events_ticket_code_is_not_found_and_not_revealed(
    organiser_client, door, organisation
):
    other_event = EventFactory(organiser=organisation, organiser_institution="")
    stranger = UserFactory(full_name="Başka Etkinlikteki Kişi")
    other = signup_create(event=other_event, person=stranger)
    response = _check_in(organiser_client, door.event, other.ticket_code)
    html = _html(response)
    assert response.status_code == 200
    assert "Bu bilet kodu bu etkinlikte bulunamadı." in html
    assert "Başka Etkinlikteki Kişi" not in html
    assert other_event.title not in html


def test_check_in_finds_people_by_name(organiser_client, door):
    response = _check_in(organiser_client, door.event, "ayşe")
    assert response.context["found"] == [door]
    response = _check_in(organiser_client, door.event, "Mehmet Öz")
    assert "Bu adla kayıt bulunamadı." in _html(response)


def test_checking_in_twice_says_so(organiser_client, door):
    url = reverse("event_check_in", args=[door.event.slug])
    organiser_client.post(url, {"signup": door.pk})
    response = organiser_client.post(url, {"signup": door.pk}, follow=True)
    assert "zaten geldi olarak işaretli" in _html(response)


def test_checking_in_a_forged_sign_up_id_gives_a_message(organiser_client, door):
    url = reverse("event_check_in", args=[door.event.slug])
    response = organiser_client.post(url, {"signup": "abc"}, follow=True)
    assert "Bu kayıt bu etkinlikte bulunamadı." in _html(response)
    other = _sign_up(EventFactory(), 1)[0]
    organiser_client.post(url, {"signup": other.pk})
    other.refresh_from_db()
    assert other.status == S.CONFIRMED


# --- CSV -------------------------------------------------------------------------------------


def test_the_attendee_csv_is_excel_ready_and_neutralises_formulas(organiser_client, event):
    signup_create(event=event, person=UserFactory(full_name="Çağrı Şahin"))
    signup_create(event=event, person=UserFactory(full_name='=HYPERLINK("http://x","y")'))
    signup_create(event=event, person=UserFactory(full_name="+90 Kişi"))
    response = organiser_client.get(reverse("event_attendees_csv", args=[event.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{event.slug}-katilimcilar.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0] == [
        "Ad soyad",
        "E-posta",
        "Durum",
        "Oturum",
        "Kişi sayısı",
        "Bilet kodu",
        "Gönüllü saati",
        "Kayıt zamanı",
    ]
    names = [row[0] for row in rows[1:]]
    assert names == ["Çağrı Şahin", '\'=HYPERLINK("http://x","y")', "'+90 Kişi"]
    first = SignUp.objects.filter(event=event).order_by("pk").first()
    assert rows[1][2:6] == ["Onaylandı", "", "1", first.ticket_code]
    assert rows[1][7] == timezone.localtime(first.created_at).strftime("%d.%m.%Y %H:%M")


def test_spreadsheet_safe_covers_every_formula_start():
    assert [spreadsheet_safe(v) for v in ("=1", "+1", "-1", "@A", "Ali")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@A",
        "Ali",
    ]


# --- Messages --------------------------------------------------------------------------------


def test_a_message_goes_to_confirmed_people_in_their_language(
    organiser_client, event, outbox, django_capture_on_commit_callbacks
):
    turkish = UserFactory(preferred_language="tr")
    english = UserFactory(preferred_language="en")
    signup_create(event=event, person=turkish)
    signup_create(event=event, person=english)
    signup_create(event=event, person=UserFactory())  # full: the third is confirmed too
    waiting = UserFactory()
    signup_create(event=event, person=waiting)
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            reverse("event_message", args=[event.slug]),
            {"subject": "Salon değişti", "body": "Toplantı B salonunda."},
        )
    assert response.status_code == 302
    message = EventMessage.objects.get()
    assert message.recipients == 3
    recipients = {mail.to[0]: mail for mail in outbox}
    assert waiting.email not in recipients
    assert "Toplantı B salonunda." in recipients[turkish.email].body
    assert "etkinliğine kaydınız olduğu için" in recipients[turkish.email].body
    assert event.organiser.display_name in recipients[turkish.email].body
    assert f"/events/{event.slug}/" in recipients[turkish.email].body
    assert "/en/events/" in recipients[english.email].body
    assert "Salon değişti" in recipients[english.email].subject


def test_a_message_reaches_the_waitlist_when_chosen(
    organiser_client, event, outbox, django_capture_on_commit_callbacks
):
    _sign_up(event, 3)
    waiting = _sign_up(event, 1)[0]
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(
            reverse("event_message", args=[event.slug]),
            {"subject": "Yer açılabilir", "body": "Bekleyenlere bilgi.", "include_waitlist": "on"},
        )
    assert waiting.person.email in {mail.to[0] for mail in outbox}
    assert EventMessage.objects.get().recipients == 4


def test_an_empty_message_is_refused_with_the_input_kept(organiser_client, event, outbox):
    _sign_up(event, 1)
    response = organiser_client.post(
        reverse("event_message", args=[event.slug]), {"subject": "  ", "body": "Metin kalsın"}
    )
    assert response.status_code == 200
    assert "subject" in response.context["form"].errors
    assert "Metin kalsın" in _html(response)
    assert not EventMessage.objects.exists()
    assert outbox == []


def test_past_messages_are_listed(organiser_client, event, owner):
    _sign_up(event, 1)
    attendee_messages.message_send(
        event=event, subject="İlk duyuru", body="Merhaba", include_waitlist=False, by=owner
    )
    html = _html(organiser_client.get(reverse("event_message", args=[event.slug])))
    assert "İlk duyuru" in html


# --- Cancelling an event ---------------------------------------------------------------------


def test_cancelling_an_event_cancels_sign_ups_and_tells_everyone_expecting_to_come(
    organiser_client, event, outbox, django_capture_on_commit_callbacks
):
    confirmed = _sign_up(event, 3)
    waiting = _sign_up(event, 1)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            reverse("event_manage", args=[event.slug]), {"reason": "Salon su bastı."}
        )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert set(event.signups.values_list("status", flat=True)) == {S.CANCELLED}
    assert {m.to[0] for m in outbox} == {s.person.email for s in [*confirmed, waiting]}
    assert all("Salon su bastı." in m.body for m in outbox)


def test_cancelling_needs_a_reason(organiser_client, event):
    response = organiser_client.post(reverse("event_manage", args=[event.slug]), {"reason": ""})
    assert response.status_code == 200
    assert "İptal nedenini yazın" in _html(response)
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


# --- The organiser's list --------------------------------------------------------------------


def test_the_list_shows_the_organisations_events_with_counts_and_drafts(
    organiser_client, organisation, event
):
    EventFactory(organiser=organisation, organiser_institution="", title="Taslak", status="draft")
    EventFactory(title="Başkasının etkinliği")
    _sign_up(event, 4)
    html = _html(organiser_client.get(reverse("event_organise_list")))
    assert event.title in html
    assert "Taslak" in html
    assert "Başkasının etkinliği" not in html
    listed = {
        e.pk: e for e in organiser_client.get(reverse("event_organise_list")).context["page_obj"]
    }
    assert (listed[event.pk].people_confirmed, listed[event.pk].waitlisted) == (3, 1)
    assert "Yeni etkinlik" in html


def test_the_list_counts_sessions_places_and_awaiting_approval(organiser_client, organisation):
    event = EventFactory(
        organiser=organisation,
        organiser_institution="",
        kind=Event.Kind.VOLUNTEER_SHIFT,
        approval=Event.Approval.ORGANISER,
    )
    first = EventSessionFactory(event=event, capacity=5)
    EventSessionFactory(event=event, capacity=7)
    _sign_up(event, 2, session=first)
    listed = organiser_client.get(reverse("event_organise_list")).context["page_obj"][0]
    assert (listed.places, listed.awaiting_approval, listed.people_confirmed) == (12, 2, 0)


def test_a_coordinator_lists_their_provinces_events_only():
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    istanbul = EventFactory()
    ankara = EventFactory(province_id=6)
    assert list(organiser_selectors.events_manageable_by(coordinator)) == [istanbul]
    assert ankara not in organiser_selectors.events_manageable_by(
        staff_user(StaffRole.COORDINATOR, 35)
    )


def test_the_manageable_events_match_the_rule():
    from core.permissions import can

    people = [
        UserFactory(),
        staff_user(StaffRole.COORDINATOR, 34),
        staff_user(StaffRole.ADMIN),
        staff_user(StaffRole.COORDINATOR, 34, with_mfa=False),
    ]
    managed = OrganisationFactory(owner=people[0])
    member = UserFactory()
    Membership.objects.create(organisation=managed, user=member, role="member")
    people.append(member)
    events = [
        EventFactory(organiser=managed, organiser_institution=""),
        EventFactory(province_id=6),
        EventFactory(),
    ]
    for person in people:
        expected = {e.pk for e in events if can(person, "event.manage", e)}
        assert set(
            organiser_selectors.events_manageable_by(person).values_list("pk", flat=True)
        ) == (expected)


def _queries(client, url) -> int:
    client.get(url)  # caches filled by a first visit (site, settings) are not the list's
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_list_takes_the_same_number_of_queries_for_2_or_10_events(
    organiser_client, organisation
):
    def add(count):
        for _ in range(count):
            event = EventFactory(organiser=organisation, organiser_institution="")
            _sign_up(event, 2)

    url = reverse("event_organise_list")
    add(2)
    two = _queries(organiser_client, url)
    add(8)
    assert _queries(organiser_client, url) == two


def test_the_manage_page_takes_the_same_number_of_queries_for_2_or_10_sign_ups(
    organiser_client, organisation
):
    event = EventFactory(organiser=organisation, organiser_institution="", capacity=6)
    url = reverse("event_manage", args=[event.slug])
    _sign_up(event, 2)
    two = _queries(organiser_client, url)
    _sign_up(event, 8)  # six confirmed, four waiting
    assert _queries(organiser_client, url) == two


def test_the_manage_page_shows_the_waitlist_in_order(organiser_client, event):
    _sign_up(event, 3)
    first, second = _sign_up(event, 2)
    roster = organiser_client.get(reverse("event_manage", args=[event.slug])).context["roster"]
    assert [(s.pk, s.queue_position) for s in roster.waitlist] == [(first.pk, 1), (second.pk, 2)]
    assert roster.people_confirmed == 3


# --- Permissions -----------------------------------------------------------------------------

PAGES = ["event_manage", "event_attendees_csv", "event_check_in", "event_message", "event_edit"]


@pytest.fixture
def outsiders(event, organisation):
    other_manager = UserFactory()
    other = OrganisationFactory(accredited=True, owner=UserFactory())
    Membership.objects.create(organisation=other, user=other_manager, role="manager")
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, role="member")
    return {
        "manager of another organisation": other_manager,
        "plain member": member,
        "coordinator of another province": staff_user(StaffRole.COORDINATOR, 6),
        "person": UserFactory(),
    }


@pytest.mark.parametrize("name", PAGES)
def test_outsiders_are_refused_every_organiser_page(client, event, outsiders, name):
    url = reverse(name, args=[event.slug])
    for label, user in outsiders.items():
        client.force_login(user)
        assert client.get(url).status_code == 403, label
        assert client.post(url, {"reason": "x", "subject": "x", "body": "x"}).status_code in (
            403,
            405,
        ), label
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert not EventMessage.objects.exists()


def test_outsiders_cannot_act_on_sign_ups(client, event, outsiders):
    signup = _sign_up(event, 1)[0]
    url = reverse("event_signup_action", args=[event.slug, signup.pk])
    for label, user in outsiders.items():
        client.force_login(user)
        assert client.post(url, {"action": "cancel"}).status_code == 403, label
    signup.refresh_from_db()
    assert signup.status == S.CONFIRMED


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client, event, name):
    response = client.get(reverse(name, args=[event.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_people_are_sent_to_sign_in_from_the_list_and_the_new_event_page(client):
    for url in (reverse("event_organise_list"), reverse("event_create")):
        assert client.get(url)["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", PAGES)
def test_the_provinces_coordinator_and_a_manager_may_open_every_page(client, event, name):
    manager = UserFactory()
    Membership.objects.create(organisation=event.organiser, user=manager, role="manager")
    for user in (manager, staff_user(StaffRole.COORDINATOR, 34)):
        client.force_login(user)
        assert client.get(reverse(name, args=[event.slug])).status_code == 200


def test_only_owners_and_managers_draft_an_organisations_events(client, organisation):
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, role="member")
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    for user in (member, UserFactory()):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, _event_data()).status_code == 403
    assert not Event.objects.exists()
    client.force_login(member)
    assert client.get(reverse("event_create") + "?organisation=yok-boyle").status_code == 404


def test_a_cancelled_event_cannot_be_edited(organiser_client, event, owner):
    organising.event_cancel(event=event, by=owner, reason="Hava koşulları")
    response = organiser_client.get(reverse("event_edit", args=[event.slug]), follow=True)
    assert "İptal edilmiş bir etkinlik düzenlenemez." in _html(response)


def test_groups_keep_their_names_unique(owner, organisation):
    event = EventFactory(organiser=organisation, organiser_institution="", kind=Event.Kind.WORKSHOP)
    WorkingGroupFactory(event=event, name="Aile")
    rows = [
        organising.GroupRow(name="Gençlik", capacity=12),
        organising.GroupRow(name="Gençlik", capacity=14),
    ]
    with pytest.raises(organising.EventChangeInvalid) as refused:
        organising.event_save(event=event, by=owner, groups=rows)
    assert ("groups", 1, "name") in refused.value.errors
    assert list(WorkingGroup.objects.filter(event=event).values_list("name", flat=True)) == ["Aile"]


def test_a_half_filled_session_row_asks_for_the_rest_and_empty_rows_are_ignored(
    organiser_client, organisation
):
    data = _event_data(
        **{
            "sessions-TOTAL_FORMS": "2",
            "sessions-0-title": "Sabah vardiyası",
            "sessions-0-starts_at": "",
            "sessions-0-ends_at": "",
            "sessions-0-capacity": "",
            "sessions-1-title": "",
            "sessions-1-starts_at": "",
            "sessions-1-ends_at": "",
            "sessions-1-capacity": "",
        }
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    assert response.status_code == 200
    first, second = response.context["sessions"].forms
    assert set(first.errors) == {"starts_at", "ends_at", "capacity"}
    assert not second.errors
    assert 'value="Sabah vardiyası"' in _html(response)
    assert not Event.objects.exists()


def test_a_new_event_cannot_start_in_the_past(organiser_client, organisation):
    yesterday = timezone.now() - dt.timedelta(days=1)
    data = _event_data(
        starts_at=_local(yesterday), ends_at=_local(yesterday + dt.timedelta(hours=2))
    )
    url = reverse("event_create") + f"?organisation={organisation.slug}"
    response = organiser_client.post(url, data)
    assert response.context["form"].errors["starts_at"] == [
        "Yeni bir etkinliğin başlangıcı geçmişte olamaz."
    ]
    assert not Event.objects.exists()


def test_a_published_event_keeps_its_slug_when_renamed(organiser_client, event):
    slug = event.slug
    response = organiser_client.post(
        reverse("event_edit", args=[slug]), _edit_data(event, title="Yeni ad")
    )
    assert response["Location"] == reverse("event_manage", args=[slug])
    event.refresh_from_db()
    assert (event.title, event.slug, event.status) == ("Yeni ad", slug, Event.Status.PUBLISHED)
