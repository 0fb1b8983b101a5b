"""The coordination meeting pages: who reaches which meeting, what a coordinator and a member
see, forms that keep what was typed and say what is wrong, the status moves of an action
item, overdue items marked in words, and lists that cost the same queries however long."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation.factories import ActionItemFactory, IndicatorFactory, MeetingFactory
from cooperation.models import ActionItem, Meeting
from core.factories import UserFactory, staff_user
from core.models import District, Province, StaffRole

pytestmark = pytest.mark.django_db

I = ActionItem.Status  # noqa: E741
TODAY = timezone.localdate()


@pytest.fixture
def organisation(db):
    """An accredited İstanbul organisation that took part in the meeting; ``member`` owns it."""
    return OrganisationFactory(
        accredited=True, owner=UserFactory(), legal_name="Umut Işığı Gençlik Derneği"
    )


@pytest.fixture
def member(organisation):
    return organisation.memberships.get().user


@pytest.fixture
def lapsed(db):
    """An organisation that took part while accredited; its accreditation lapsed since."""
    return OrganisationFactory(expired=True, owner=UserFactory())


@pytest.fixture
def meeting(organisation, lapsed):
    """An İstanbul meeting a month ago that ``organisation`` and ``lapsed`` attended."""
    return MeetingFactory(
        title="Kadıköy okul önleme toplantısı",
        held_on=TODAY - dt.timedelta(days=30),
        institutions="İl Sağlık Müdürlüğü\nİl Milli Eğitim Müdürlüğü",
        minutes="Okul programlarının takvimi görüşüldü.",
        decisions="Ortak takvim hazırlanacak.",
        organisations=[organisation, lapsed],
    )


@pytest.fixture
def overdue(meeting):
    """An open item of the meeting, four days past its due date."""
    return ActionItemFactory(
        meeting=meeting, title="Okul listesini paylaşmak", due_on=TODAY - dt.timedelta(days=4)
    )


@pytest.fixture
def upcoming(meeting):
    """An item of the meeting under way, not yet due."""
    return ActionItemFactory(meeting=meeting, title="Veli semineri planlamak", in_progress=True)


# People who must not see the meeting, asked for by name through ``request``.


@pytest.fixture
def other_member(db):
    user = UserFactory()
    OrganisationFactory(accredited=True, owner=user)
    return user


@pytest.fixture
def former_member(organisation):
    """Someone who was a member of an organisation that took part, and left."""
    user = UserFactory()
    membership = Membership.objects.create(organisation=organisation, user=user, role="member")
    membership.delete()
    return user


@pytest.fixture
def non_accredited(db):
    user = UserFactory()
    OrganisationFactory(owner=user)
    return user


@pytest.fixture
def lapsed_member(lapsed):
    return lapsed.memberships.get().user


@pytest.fixture
def other_coordinator(db):
    return staff_user(StaffRole.COORDINATOR, 35)


PEOPLE = ["former_member", "lapsed_member", "non_accredited", "other_coordinator", "other_member"]


def urls(meeting, item) -> dict[str, str]:
    return {
        "list": reverse("meeting_list", args=[34]),
        "create": reverse("meeting_create", args=[34]),
        "detail": reverse("meeting_detail", args=[meeting.pk]),
        "edit": reverse("meeting_edit", args=[meeting.pk]),
        "action_create": reverse("action_create", args=[meeting.pk]),
        "action_edit": reverse("action_edit", args=[item.pk]),
    }


def _list_url() -> str:
    return reverse("meeting_list", args=[34])


def _create_url() -> str:
    return reverse("meeting_create", args=[34])


# --- Who reaches what -------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, meeting, overdue):
    for url in urls(meeting, overdue).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
    response = client.post(reverse("action_transition", args=[overdue.pk]))
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == I.OPEN


@pytest.mark.parametrize("who", PEOPLE)
def test_people_outside_the_meeting_never_see_it(client, request, meeting, overdue, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(_list_url())
    assert response.status_code in (200, 403)
    assert "Kadıköy okul önleme toplantısı" not in response.content.decode()
    for name in ("detail", "edit", "action_create", "action_edit"):
        assert client.get(urls(meeting, overdue)[name]).status_code == 403, name
    response = client.post(reverse("action_transition", args=[overdue.pk]), {"target": I.DONE})
    assert response.status_code == 403
    overdue.refresh_from_db()
    assert overdue.status == I.OPEN


@pytest.mark.parametrize("who", ["former_member", "non_accredited", "lapsed_member"])
@pytest.mark.usefixtures("meeting")
def test_people_without_an_accredited_organisation_are_refused_the_list(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_list_url()).status_code == 403


def test_a_member_of_an_organisation_that_took_part_reads_the_meeting_only(
    client, member, meeting, overdue
):
    client.force_login(member)
    response = client.get(_list_url())
    assert response.status_code == 200
    assert "Kadıköy okul önleme toplantısı" in response.content.decode()
    response = client.get(urls(meeting, overdue)["detail"])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Okul programlarının takvimi görüşüldü." in page
    assert "Okul listesini paylaşmak" in page
    assert reverse("meeting_edit", args=[meeting.pk]) not in page
    assert reverse("action_edit", args=[overdue.pk]) not in page
    for name in ("create", "edit", "action_create", "action_edit"):
        assert client.get(urls(meeting, overdue)[name]).status_code == 403, name


@pytest.mark.usefixtures("meeting")
def test_a_member_does_not_see_meetings_their_organisation_did_not_attend(client, member):
    MeetingFactory(title="Başka bir toplantı", institutions="Valilik")
    client.force_login(member)
    page = client.get(_list_url()).content.decode()
    assert "Kadıköy okul önleme toplantısı" in page
    assert "Başka bir toplantı" not in page


def test_an_unknown_province_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/platform/provinces/99/meetings/").status_code == 404
    assert client.get("/platform/provinces/99/meetings/new/").status_code == 404


# --- What the coordinator sees ----------------------------------------------------------------


@pytest.mark.usefixtures("overdue", "upcoming")
def test_the_coordinator_sees_every_meeting_with_its_open_and_overdue_counts(client, coordinator):
    client.force_login(coordinator)
    response = client.get(_list_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kadıköy okul önleme toplantısı" in page
    assert "1 iş süresi geçti" in page
    assert reverse("meeting_create", args=[34]) in page


@pytest.mark.usefixtures("upcoming")
def test_overdue_items_are_marked_in_words_as_well_as_colour(client, coordinator, meeting, overdue):
    client.force_login(coordinator)
    page = client.get(urls(meeting, overdue)["detail"]).content.decode()
    assert '<span class="badge badge--danger">Süresi geçti: 4 gün</span>' in page
    assert page.count("Süresi geçti:") == 1
    assert reverse("action_edit", args=[overdue.pk]) in page
    assert "İl Milli Eğitim Müdürlüğü" in page


@pytest.mark.usefixtures("overdue", "upcoming")
def test_the_list_filters_by_year_and_overdue_items_with_a_shareable_url(client, coordinator):
    MeetingFactory(
        title="Geçen yılın toplantısı",
        held_on=dt.date(TODAY.year - 1, 6, 1),
        institutions="Valilik",
    )
    client.force_login(coordinator)
    url = _list_url()
    page = client.get(url, {"year": TODAY.year - 1}).content.decode()
    assert "Geçen yılın toplantısı" in page
    assert "Kadıköy okul önleme toplantısı" not in page
    page = client.get(url, {"items": "overdue"}).content.decode()
    assert "Kadıköy okul önleme toplantısı" in page
    assert "Geçen yılın toplantısı" not in page
    assert client.get(url, {"year": "abc", "items": "x"}).status_code == 200


# --- Forms ------------------------------------------------------------------------------------


def test_the_coordinator_records_a_meeting_through_the_form(client, coordinator, organisation):
    client.force_login(coordinator)
    response = client.post(
        _create_url(),
        {
            "title": "Aralık il koordinasyon toplantısı",
            "held_on": "02.12.2026",
            "place": "Valilik",
            "institutions": "İl Sağlık Müdürlüğü",
            "organisations": [organisation.pk],
            "agenda": "1. Açılış",
        },
    )
    meeting = Meeting.objects.get(title="Aralık il koordinasyon toplantısı")
    assert response.status_code == 302
    assert response["Location"] == reverse("meeting_detail", args=[meeting.pk])
    assert meeting.held_on == dt.date(2026, 12, 2)
    assert list(meeting.organisations.all()) == [organisation]


def test_bad_meeting_input_says_what_is_wrong_and_keeps_what_was_typed(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        _create_url(),
        {"title": "Yarım kalan toplantı", "held_on": "31.02.2026", "institutions": "Valilik"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tarihi gün.ay.yıl biçiminde girin" in page
    assert "Gündemi yazın." in page
    assert 'value="Yarım kalan toplantı"' in page
    assert "Valilik" in page
    assert not Meeting.objects.filter(title="Yarım kalan toplantı").exists()


@pytest.mark.usefixtures("organisation")
def test_the_meeting_form_offers_only_accredited_organisations_of_the_province(client, coordinator):
    izmir = OrganisationFactory(
        accredited=True,
        legal_name="İzmirli Dernek",
        province=Province.objects.get(code=35),
        district=District.objects.get(province_id=35, slug="bornova"),
    )
    client.force_login(coordinator)
    page = client.get(_create_url()).content.decode()
    assert "Umut Işığı Gençlik Derneği" in page
    assert "İzmirli Dernek" not in page
    response = client.post(
        _create_url(),
        {
            "title": "Deneme",
            "held_on": "01.12.2026",
            "agenda": "Gündem",
            "organisations": [izmir.pk],
        },
    )
    assert "Listedeki kuruluşlardan seçin." in response.content.decode()


def test_editing_a_meeting_keeps_the_organisation_that_lapsed_since(
    client, coordinator, organisation, lapsed, meeting
):
    client.force_login(coordinator)
    url = reverse("meeting_edit", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert lapsed.display_name in page
    response = client.post(
        url,
        {
            "title": meeting.title,
            "held_on": meeting.held_on.isoformat(),
            "institutions": meeting.institutions,
            "organisations": [organisation.pk, lapsed.pk],
            "agenda": meeting.agenda,
            "minutes": "Tutanak tamamlandı.",
        },
    )
    assert response.status_code == 302, re.findall(r"<li>.*?</li>", response.content.decode())
    meeting.refresh_from_db()
    assert meeting.minutes == "Tutanak tamamlandı."
    assert meeting.organisations.count() == 2


def test_the_coordinator_adds_an_action_item_and_bad_input_is_explained(
    client, coordinator, organisation, meeting
):
    indicator = IndicatorFactory(name="Okullarda ulaşılan öğrenci")
    IndicatorFactory(name="Emekli gösterge", is_active=False)
    client.force_login(coordinator)
    url = reverse("action_create", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Okullarda ulaşılan öğrenci" in page
    assert "Emekli gösterge" not in page
    response = client.post(
        url,
        {
            "title": "Emniyet ile ortak bilgilendirme",
            "responsible_institution": "Emniyet Narkotik Şube",
            "due_on": (meeting.held_on - dt.timedelta(days=1)).isoformat(),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Son tarih toplantı tarihinden önce olamaz." in page
    assert 'value="Emniyet ile ortak bilgilendirme"' in page
    response = client.post(url, {"title": "Eksik", "responsible_institution": "Valilik"})
    assert "Son tarihi girin." in response.content.decode()
    response = client.post(
        url,
        {
            "title": "Emniyet ile ortak bilgilendirme",
            "responsible_institution": "Emniyet Narkotik Şube",
            "due_on": (TODAY + dt.timedelta(days=20)).isoformat(),
            "indicator": indicator.pk,
            "partner_organisations": [organisation.pk],
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(title="Emniyet ile ortak bilgilendirme")
    assert (item.status, item.indicator, item.meeting) == (I.OPEN, indicator, meeting)


def test_the_coordinator_edits_an_open_item_but_not_a_done_one(
    client, coordinator, meeting, overdue
):
    client.force_login(coordinator)
    url = reverse("action_edit", args=[overdue.pk])
    response = client.post(
        url,
        {
            "title": "Okul listesini paylaşmak",
            "responsible_institution": "İl Milli Eğitim Müdürlüğü",
            "due_on": (TODAY + dt.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.responsible_institution == "İl Milli Eğitim Müdürlüğü"
    assert not overdue.is_overdue
    done = ActionItemFactory(meeting=meeting, done=True, title="Bitti")
    page = client.get(reverse("action_edit", args=[done.pk])).content.decode()
    assert "düzenlenemez" in page
    response = client.post(
        reverse("action_edit", args=[done.pk]),
        {"title": "Değişti", "responsible_institution": "X", "due_on": TODAY.isoformat()},
        follow=True,
    )
    done.refresh_from_db()
    assert done.title == "Bitti"
    assert "düzenlenemez" in response.content.decode()


# --- Status moves -----------------------------------------------------------------------------


def test_the_action_page_offers_the_moves_of_the_life_cycle(client, coordinator, overdue):
    client.force_login(coordinator)
    page = client.get(reverse("action_edit", args=[overdue.pk])).content.decode()
    assert "Çalışma başladı" in page
    assert "Tamamlandı olarak işaretle" in page
    assert "Eylem maddesini iptal et" in page
    assert "Yeniden aç" not in page


def test_a_move_through_the_page_changes_the_status_and_writes_history(
    client, coordinator, overdue
):
    client.force_login(coordinator)
    url = reverse("action_transition", args=[overdue.pk])
    response = client.post(url, {"target": I.IN_PROGRESS})
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == I.IN_PROGRESS
    page = client.get(reverse("action_edit", args=[overdue.pk])).content.decode()
    assert "Geçmiş" in page and "Sürüyor" in page


def test_cancelling_without_a_reason_is_explained_and_nothing_changes(client, coordinator, overdue):
    client.force_login(coordinator)
    url = reverse("action_transition", args=[overdue.pk])
    response = client.post(url, {"target": I.CANCELLED, "note": " "})
    assert response.status_code == 200
    assert "Bu adım için bir gerekçe yazın." in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.status == I.OPEN
    response = client.post(url, {"target": I.CANCELLED, "note": "Okullar kapandı."})
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == I.CANCELLED


def test_an_illegal_or_unknown_move_is_refused_with_a_message(client, coordinator, overdue):
    client.force_login(coordinator)
    url = reverse("action_transition", args=[overdue.pk])
    response = client.post(url, {"target": I.OPEN}, follow=True)
    assert "durumundan" in response.content.decode()
    response = client.post(url, {"target": "bogus"}, follow=True)
    assert "Bilinmeyen durum" in response.content.decode()
    assert client.get(url).status_code == 405
    overdue.refresh_from_db()
    assert overdue.status == I.OPEN


# --- Constant queries -------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)  # the first request of a session fills caches (site, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("overdue", "upcoming")
def test_the_meeting_list_costs_the_same_queries_however_many_meetings(
    client, member, organisation
):
    client.force_login(member)
    url = _list_url()

    def add(n):
        for _ in range(n):
            ActionItemFactory(
                meeting=MeetingFactory(institutions="Valilik", organisations=[organisation]),
                due_on=TODAY - dt.timedelta(days=1),
            )

    add(1)
    few = _queries(client, url)
    add(8)
    assert _queries(client, url) == few


@pytest.mark.usefixtures("overdue", "upcoming")
def test_the_meeting_page_costs_the_same_queries_however_many_items(
    client, coordinator, organisation, meeting
):
    client.force_login(coordinator)
    url = reverse("meeting_detail", args=[meeting.pk])
    indicator = IndicatorFactory()
    few = _queries(client, url)
    for _ in range(8):
        item = ActionItemFactory(meeting=meeting, indicator=indicator)
        item.partner_organisations.add(organisation)
    assert _queries(client, url) == few
