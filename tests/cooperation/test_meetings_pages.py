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


class World:
    """An İstanbul meeting two accredited organisations attended (one of them since lapsed),
    with an overdue item and one not yet due; its coordinator; and people to refuse."""

    def __init__(self):
        self.coordinator = staff_user(StaffRole.COORDINATOR, 34)
        self.member = UserFactory()
        self.organisation = OrganisationFactory(
            accredited=True, owner=self.member, legal_name="Umut Işığı Gençlik Derneği"
        )
        self.lapsed_member = UserFactory()
        self.lapsed = OrganisationFactory(accredited=True, owner=self.lapsed_member)
        self.meeting = MeetingFactory(
            title="Kadıköy okul önleme toplantısı",
            held_on=TODAY - dt.timedelta(days=30),
            institutions="İl Sağlık Müdürlüğü\nİl Milli Eğitim Müdürlüğü",
            minutes="Okul programlarının takvimi görüşüldü.",
            decisions="Ortak takvim hazırlanacak.",
        )
        self.meeting.organisations.set([self.organisation, self.lapsed])
        self.lapsed.accredited_until = TODAY - dt.timedelta(days=1)
        self.lapsed.save()
        self.overdue = ActionItemFactory(
            meeting=self.meeting,
            title="Okul listesini paylaşmak",
            due_on=TODAY - dt.timedelta(days=4),
        )
        self.upcoming = ActionItemFactory(
            meeting=self.meeting, title="Veli semineri planlamak", status=I.IN_PROGRESS
        )


@pytest.fixture
def world():
    return World()


def other_member():
    user = UserFactory()
    OrganisationFactory(accredited=True, owner=user)
    return user


def former_member(world):
    user = UserFactory()
    membership = Membership.objects.create(
        organisation=world.organisation, user=user, role="member"
    )
    membership.delete()
    return user


def non_accredited_member():
    user = UserFactory()
    OrganisationFactory(owner=user)
    return user


PEOPLE = {
    "other_member": lambda world: other_member(),
    "former_member": former_member,
    "non_accredited": lambda world: non_accredited_member(),
    "lapsed_member": lambda world: world.lapsed_member,
    "other_coordinator": lambda world: staff_user(StaffRole.COORDINATOR, 35),
}


def urls(world) -> dict[str, str]:
    return {
        "list": reverse("meeting_list", args=[34]),
        "create": reverse("meeting_create", args=[34]),
        "detail": reverse("meeting_detail", args=[world.meeting.pk]),
        "edit": reverse("meeting_edit", args=[world.meeting.pk]),
        "action_create": reverse("action_create", args=[world.meeting.pk]),
        "action_edit": reverse("action_edit", args=[world.overdue.pk]),
    }


# --- Who reaches what -------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, world):
    for url in urls(world).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
    response = client.post(reverse("action_transition", args=[world.overdue.pk]))
    assert response.status_code == 302
    world.overdue.refresh_from_db()
    assert world.overdue.status == I.OPEN


@pytest.mark.parametrize("who", sorted(PEOPLE))
def test_people_outside_the_meeting_never_see_it(client, world, who):
    client.force_login(PEOPLE[who](world))
    response = client.get(urls(world)["list"])
    assert response.status_code in (200, 403)
    assert "Kadıköy okul önleme toplantısı" not in response.content.decode()
    for name in ("detail", "edit", "action_create", "action_edit"):
        assert client.get(urls(world)[name]).status_code == 403, name
    response = client.post(
        reverse("action_transition", args=[world.overdue.pk]), {"target": I.DONE}
    )
    assert response.status_code == 403
    world.overdue.refresh_from_db()
    assert world.overdue.status == I.OPEN


@pytest.mark.parametrize("who", ["former_member", "non_accredited", "lapsed_member"])
def test_people_without_an_accredited_organisation_are_refused_the_list(client, world, who):
    client.force_login(PEOPLE[who](world))
    assert client.get(urls(world)["list"]).status_code == 403


def test_a_member_of_an_organisation_that_took_part_reads_the_meeting_only(client, world):
    client.force_login(world.member)
    response = client.get(urls(world)["list"])
    assert response.status_code == 200
    assert "Kadıköy okul önleme toplantısı" in response.content.decode()
    response = client.get(urls(world)["detail"])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Okul programlarının takvimi görüşüldü." in page
    assert "Okul listesini paylaşmak" in page
    assert reverse("meeting_edit", args=[world.meeting.pk]) not in page
    assert reverse("action_edit", args=[world.overdue.pk]) not in page
    for name in ("create", "edit", "action_create", "action_edit"):
        assert client.get(urls(world)[name]).status_code == 403, name


def test_a_member_does_not_see_meetings_their_organisation_did_not_attend(client, world):
    MeetingFactory(title="Başka bir toplantı", institutions="Valilik")
    client.force_login(world.member)
    page = client.get(urls(world)["list"]).content.decode()
    assert "Kadıköy okul önleme toplantısı" in page
    assert "Başka bir toplantı" not in page


def test_an_unknown_province_is_not_found(client, world):
    client.force_login(world.coordinator)
    assert client.get("/platform/provinces/99/meetings/").status_code == 404
    assert client.get("/platform/provinces/99/meetings/new/").status_code == 404


# --- What the coordinator sees ----------------------------------------------------------------


def test_the_coordinator_sees_every_meeting_with_its_open_and_overdue_counts(client, world):
    client.force_login(world.coordinator)
    response = client.get(urls(world)["list"])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kadıköy okul önleme toplantısı" in page
    assert "1 iş süresi geçti" in page
    assert reverse("meeting_create", args=[34]) in page


def test_overdue_items_are_marked_in_words_as_well_as_colour(client, world):
    client.force_login(world.coordinator)
    page = client.get(urls(world)["detail"]).content.decode()
    assert '<span class="badge badge--danger">Süresi geçti: 4 gün</span>' in page
    assert page.count("Süresi geçti:") == 1
    assert reverse("action_edit", args=[world.overdue.pk]) in page
    assert "İl Milli Eğitim Müdürlüğü" in page


def test_the_list_filters_by_year_and_overdue_items_with_a_shareable_url(client, world):
    MeetingFactory(
        title="Geçen yılın toplantısı",
        held_on=dt.date(TODAY.year - 1, 6, 1),
        institutions="Valilik",
    )
    client.force_login(world.coordinator)
    url = urls(world)["list"]
    page = client.get(url, {"year": TODAY.year - 1}).content.decode()
    assert "Geçen yılın toplantısı" in page
    assert "Kadıköy okul önleme toplantısı" not in page
    page = client.get(url, {"items": "overdue"}).content.decode()
    assert "Kadıköy okul önleme toplantısı" in page
    assert "Geçen yılın toplantısı" not in page
    assert client.get(url, {"year": "abc", "items": "x"}).status_code == 200


# --- Forms ------------------------------------------------------------------------------------


def test_the_coordinator_records_a_meeting_through_the_form(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        urls(world)["create"],
        {
            "title": "Aralık il koordinasyon toplantısı",
            "held_on": "02.12.2026",
            "place": "Valilik",
            "institutions": "İl Sağlık Müdürlüğü",
            "organisations": [world.organisation.pk],
            "agenda": "1. Açılış",
        },
    )
    meeting = Meeting.objects.get(title="Aralık il koordinasyon toplantısı")
    assert response.status_code == 302
    assert response["Location"] == reverse("meeting_detail", args=[meeting.pk])
    assert meeting.held_on == dt.date(2026, 12, 2)
    assert list(meeting.organisations.all()) == [world.organisation]


def test_bad_meeting_input_says_what_is_wrong_and_keeps_what_was_typed(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        urls(world)["create"],
        {"title": "Yarım kalan toplantı", "held_on": "31.02.2026", "institutions": "Valilik"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tarihi gün.ay.yıl biçiminde girin" in page
    assert "Gündemi yazın." in page
    assert 'value="Yarım kalan toplantı"' in page
    assert "Valilik" in page
    assert not Meeting.objects.filter(title="Yarım kalan toplantı").exists()


def test_the_meeting_form_offers_only_accredited_organisations_of_the_province(client, world):
    izmir = OrganisationFactory(
        accredited=True,
        legal_name="İzmirli Dernek",
        province=Province.objects.get(code=35),
        district=District.objects.get(province_id=35, slug="bornova"),
    )
    client.force_login(world.coordinator)
    page = client.get(urls(world)["create"]).content.decode()
    assert "Umut Işığı Gençlik Derneği" in page
    assert "İzmirli Dernek" not in page
    response = client.post(
        urls(world)["create"],
        {
            "title": "Deneme",
            "held_on": "01.12.2026",
            "agenda": "Gündem",
            "organisations": [izmir.pk],
        },
    )
    assert "Listedeki kuruluşlardan seçin." in response.content.decode()


def test_editing_a_meeting_keeps_the_organisation_that_lapsed_since(client, world):
    client.force_login(world.coordinator)
    page = client.get(urls(world)["edit"]).content.decode()
    assert world.lapsed.display_name in page
    response = client.post(
        urls(world)["edit"],
        {
            "title": world.meeting.title,
            "held_on": world.meeting.held_on.isoformat(),
            "institutions": world.meeting.institutions,
            "organisations": [world.organisation.pk, world.lapsed.pk],
            "agenda": world.meeting.agenda,
            "minutes": "Tutanak tamamlandı.",
        },
    )
    assert response.status_code == 302, re.findall(r"<li>.*?</li>", response.content.decode())
    world.meeting.refresh_from_db()
    assert world.meeting.minutes == "Tutanak tamamlandı."
    assert world.meeting.organisations.count() == 2


def test_the_coordinator_adds_an_action_item_and_bad_input_is_explained(client, world):
    indicator = IndicatorFactory(name="Okullarda ulaşılan öğrenci")
    IndicatorFactory(name="Emekli gösterge", is_active=False)
    client.force_login(world.coordinator)
    page = client.get(urls(world)["action_create"]).content.decode()
    assert "Okullarda ulaşılan öğrenci" in page
    assert "Emekli gösterge" not in page
    url = urls(world)["action_create"]
    response = client.post(
        url,
        {
            "title": "Emniyet ile ortak bilgilendirme",
            "responsible_institution": "Emniyet Narkotik Şube",
            "due_on": (world.meeting.held_on - dt.timedelta(days=1)).isoformat(),
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
            "partner_organisations": [world.organisation.pk],
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(title="Emniyet ile ortak bilgilendirme")
    assert (item.status, item.indicator, item.meeting) == (I.OPEN, indicator, world.meeting)


def test_the_coordinator_edits_an_open_item_but_not_a_done_one(client, world):
    client.force_login(world.coordinator)
    url = urls(world)["action_edit"]
    response = client.post(
        url,
        {
            "title": "Okul listesini paylaşmak",
            "responsible_institution": "İl Milli Eğitim Müdürlüğü",
            "due_on": (TODAY + dt.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    world.overdue.refresh_from_db()
    assert world.overdue.responsible_institution == "İl Milli Eğitim Müdürlüğü"
    assert not world.overdue.is_overdue
    done = ActionItemFactory(meeting=world.meeting, status=I.DONE, title="Bitti")
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


def test_the_action_page_offers_the_moves_of_the_life_cycle(client, world):
    client.force_login(world.coordinator)
    page = client.get(urls(world)["action_edit"]).content.decode()
    assert "Çalışma başladı" in page
    assert "Tamamlandı olarak işaretle" in page
    assert "Eylem maddesini iptal et" in page
    assert "Yeniden aç" not in page


def test_a_move_through_the_page_changes_the_status_and_writes_history(client, world):
    client.force_login(world.coordinator)
    url = reverse("action_transition", args=[world.overdue.pk])
    response = client.post(url, {"target": I.IN_PROGRESS})
    assert response.status_code == 302
    world.overdue.refresh_from_db()
    assert world.overdue.status == I.IN_PROGRESS
    page = client.get(urls(world)["action_edit"]).content.decode()
    assert "Geçmiş" in page and "Sürüyor" in page


def test_cancelling_without_a_reason_is_explained_and_nothing_changes(client, world):
    client.force_login(world.coordinator)
    url = reverse("action_transition", args=[world.overdue.pk])
    response = client.post(url, {"target": I.CANCELLED, "note": " "})
    assert response.status_code == 200
    assert "Bu adım için bir gerekçe yazın." in response.content.decode()
    world.overdue.refresh_from_db()
    assert world.overdue.status == I.OPEN
    response = client.post(url, {"target": I.CANCELLED, "note": "Okullar kapandı."})
    assert response.status_code == 302
    world.overdue.refresh_from_db()
    assert world.overdue.status == I.CANCELLED


def test_an_illegal_or_unknown_move_is_refused_with_a_message(client, world):
    client.force_login(world.coordinator)
    url = reverse("action_transition", args=[world.overdue.pk])
    response = client.post(url, {"target": I.OPEN}, follow=True)
    assert "durumundan" in response.content.decode()
    response = client.post(url, {"target": "bogus"}, follow=True)
    assert "Bilinmeyen durum" in response.content.decode()
    assert client.get(url).status_code == 405
    world.overdue.refresh_from_db()
    assert world.overdue.status == I.OPEN


# --- Constant queries -------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)  # the first request of a session fills caches (site, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_meeting_list_costs_the_same_queries_however_many_meetings(client, world):
    client.force_login(world.member)
    url = urls(world)["list"]

    def add(n):
        for _ in range(n):
            meeting = MeetingFactory(institutions="Valilik")
            meeting.organisations.add(world.organisation)
            ActionItemFactory(meeting=meeting, due_on=TODAY - dt.timedelta(days=1))

    add(1)
    few = _queries(client, url)
    add(8)
    assert _queries(client, url) == few


def test_the_meeting_page_costs_the_same_queries_however_many_items(client, world):
    client.force_login(world.coordinator)
    url = urls(world)["detail"]
    indicator = IndicatorFactory()
    few = _queries(client, url)
    for _ in range(8):
        item = ActionItemFactory(meeting=world.meeting, indicator=indicator)
        item.partner_organisations.add(world.organisation)
    assert _queries(client, url) == few
