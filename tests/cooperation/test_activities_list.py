"""The platform's activity list with its filters and CSV, contacting another organisation
about an activity, and what the public sees (public activities only)."""

import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation import activities as services
from cooperation.factories import ActivityFactory, ProjectFactory
from cooperation.models import Activity
from core.factories import UserFactory
from core.models import ActivityType, AddictionType, District, Province, TargetGroup, WorkingArea

pytestmark = pytest.mark.django_db

A = Activity.Status


def _html(response) -> str:
    return response.content.decode()


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(accredited=True, owner=owner, legal_name="Umut Işığı Derneği")


@pytest.fixture
def other_owner():
    return UserFactory(email="cem@moda.example")


@pytest.fixture
def other_organisation(other_owner):
    return OrganisationFactory(
        accredited=True, owner=other_owner, legal_name="Moda Gençlik Derneği"
    )


def _activity(organisation, **kwargs):
    return ActivityFactory(organisation=organisation, **kwargs)


# --- Filters ----------------------------------------------------------------------------------


def test_every_platform_member_sees_every_organisations_activities(
    client, organisation, other_organisation, other_owner
):
    _activity(organisation, title="Umut semineri")
    _activity(other_organisation, title="Moda turnuvası", visibility="public")
    client.force_login(other_owner)
    html = _html(client.get(reverse("activity_list")))
    assert "Umut semineri" in html and "Moda turnuvası" in html
    assert "2 faaliyet bulundu" in html


def _list_titles(client, params) -> set[str]:
    response = client.get(reverse("activity_list"), params)
    assert response.status_code == 200
    return {activity.title for activity in response.context["page_obj"]}


def test_each_filter_narrows_the_list(client, organisation, other_organisation, owner):
    izmir = Province.objects.get(code=35)
    bornova = District.objects.get(province_id=35, slug="bornova")
    second_type = ActivityType.objects.order_by("sort_order")[1]
    second_area = WorkingArea.objects.order_by("sort_order")[1]
    women = TargetGroup.objects.get(name="Kadınlar")
    alcohol = AddictionType.objects.get(name="Alkol")
    project = ProjectFactory(lead=organisation)
    base = _activity(organisation, title="Temel")
    _activity(other_organisation, title="Başka kuruluş")
    _activity(organisation, title="Tür", activity_type=second_type)
    _activity(organisation, title="Alan", working_area=second_area)
    _activity(organisation, title="Kadın", target_groups=[women])
    alcohol_activity = _activity(organisation, title="Alkol")
    alcohol_activity.addiction_types.set([alcohol])
    _activity(organisation, title="İzmir", province=izmir, district=bornova)
    _activity(organisation, title="Beşiktaş", district=District.objects.get(slug="besiktas"))
    _activity(organisation, title="Bitti", status=A.COMPLETED)
    _activity(organisation, title="Açık", visibility="public")
    _activity(
        organisation,
        title="Geçen yıl",
        starts_on=dt.date(2025, 3, 1),
        ends_on=dt.date(2025, 3, 2),
    )
    _activity(organisation, title="Projeli", project=project)
    _activity(organisation, title="Mahalle futbol turnuvası")
    client.force_login(owner)

    assert _list_titles(client, {"organisation": other_organisation.pk}) == {"Başka kuruluş"}
    assert "Başka kuruluş" not in _list_titles(client, {"mine": "on"})
    assert _list_titles(client, {"activity_type": second_type.slug}) == {"Tür"}
    assert _list_titles(client, {"working_area": second_area.slug}) == {"Alan"}
    assert _list_titles(client, {"target_group": women.slug}) == {"Kadın"}
    assert _list_titles(client, {"addiction_type": alcohol.slug}) == {"Alkol"}
    assert _list_titles(client, {"province": 35}) == {"İzmir"}
    assert _list_titles(
        client, {"province": 34, "district": District.objects.get(slug="besiktas").pk}
    ) == {"Beşiktaş"}
    assert _list_titles(client, {"status": "completed"}) == {"Bitti"}
    assert _list_titles(client, {"visibility": "public"}) == {"Açık"}
    assert _list_titles(client, {"date_to": "2025-12-31"}) == {"Geçen yıl"}
    assert "Geçen yıl" not in _list_titles(client, {"date_from": "2026-01-01"})
    assert _list_titles(client, {"project": project.pk}) == {"Projeli"}
    assert _list_titles(client, {"q": "futbol"}) == {"Mahalle futbol turnuvası"}
    assert base.title in _list_titles(client, {})


def test_a_bad_filter_value_is_explained_and_the_others_still_apply(client, organisation, owner):
    _activity(organisation, title="Bitti", status=A.COMPLETED)
    _activity(organisation, title="Planlı")
    client.force_login(owner)
    response = client.get(
        reverse("activity_list"), {"status": "completed", "date_from": "32.13.2026", "page": "x"}
    )
    assert response.status_code == 200
    assert {a.title for a in response.context["page_obj"]} == {"Bitti"}
    assert "Tarihi gün.ay.yıl biçiminde girin" in _html(response)


def test_a_district_of_another_province_is_dropped(client, organisation, owner):
    _activity(organisation, title="Kadıköy")
    client.force_login(owner)
    bornova = District.objects.get(province_id=35, slug="bornova")
    assert _list_titles(client, {"province": 34, "district": bornova.pk}) == {"Kadıköy"}


def test_the_list_is_paginated_and_keeps_the_filters(client, organisation, owner):
    for n in range(27):
        _activity(organisation, title=f"Seminer {n}")
    client.force_login(owner)
    response = client.get(reverse("activity_list"), {"status": "planned"})
    html = _html(response)
    assert len(response.context["page_obj"]) == 25
    assert "status=planned&amp;page=2" in html
    assert f"{reverse('activity_export')}?status=planned" in html


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context.captured_queries)


def _rich_activity(organisation, partner, n):
    activity = _activity(
        organisation,
        title=f"Faaliyet {n}",
        target_groups=list(TargetGroup.objects.all()[:2]),
        project=ProjectFactory(lead=organisation),
    )
    activity.addiction_types.set(AddictionType.objects.all()[:2])
    activity.partner_organisations.set([partner])
    return activity


def test_the_list_and_the_csv_cost_the_same_queries_however_many_rows(
    client, organisation, other_organisation, owner
):
    for n in range(2):
        _rich_activity(organisation, other_organisation, n)
    client.force_login(owner)
    _queries(client, reverse("activity_list"), {"province": 34})  # warm the session
    few_list = _queries(client, reverse("activity_list"), {"province": 34})
    few_csv = _queries(client, reverse("activity_export"), {"province": 34})
    for n in range(2, 10):
        _rich_activity(organisation, other_organisation, n)
    assert _queries(client, reverse("activity_list"), {"province": 34}) == few_list
    assert _queries(client, reverse("activity_export"), {"province": 34}) == few_csv


# --- CSV --------------------------------------------------------------------------------------


def test_the_csv_has_the_filtered_rows_with_aggregates_and_no_personal_data(
    client, organisation, other_organisation, owner
):
    past = timezone.localdate() - dt.timedelta(days=30)
    done = _activity(
        organisation,
        title="=Aile buluşması",
        status=A.COMPLETED,
        starts_on=past,
        ends_on=past,
        people_reached=40,
        reached_women=25,
        reached_men=15,
        reached_age_15_24=40,
        reached_age_0_14=0,
        reached_age_25_64=0,
        reached_age_65_plus=0,
        services_delivered=60,
        volunteers_involved=4,
        volunteer_hours="12.5",
        partner_institutions="İl Sağlık Müdürlüğü",
    )
    done.partner_organisations.set([other_organisation])
    _activity(organisation, title="Planlı seminer")
    client.force_login(owner)
    response = client.get(reverse("activity_export"), {"status": "completed"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    header, lines = rows[0], rows[1:]
    assert len(lines) == 1
    row = dict(zip(header, lines[0], strict=True))
    assert row["Başlık"] == "'=Aile buluşması"  # a formula is neutralised
    assert row["Kuruluş"] == "Umut Işığı Derneği"
    assert row["Ortak kuruluşlar"] == "Moda Gençlik Derneği"
    assert row["Ulaşılan kişi"] == "40"
    assert (row["Kadın"], row["Erkek"], row["15–24 yaş"]) == ("25", "15", "40")
    assert row["Sunulan hizmet"] == "60"
    assert row["Gönüllü saati"] == "12,5"
    assert row["Durum"] == "Tamamlandı"
    assert row["Bitiş tarihi"] == past.strftime("%d.%m.%Y")
    text = response.content.decode()
    assert owner.email not in text and (owner.full_name or "@@") not in text


# --- Contact ----------------------------------------------------------------------------------


def test_contacting_another_organisation_mails_its_managers_with_reply_to_the_sender(
    client, organisation, owner, other_organisation, other_owner, django_capture_on_commit_callbacks
):
    manager = UserFactory(email="yonetici@moda.example")
    Membership.objects.create(organisation=other_organisation, user=manager, role="manager")
    plain = UserFactory(email="uye@moda.example")
    Membership.objects.create(organisation=other_organisation, user=plain, role="member")
    theirs = _activity(other_organisation, title="Moda gençlik şenliği")
    client.force_login(owner)
    page = client.get(reverse("activity_contact", args=[theirs.pk]))
    assert page.status_code == 200
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("activity_contact", args=[theirs.pk]),
            {"organisation": organisation.pk, "message": "Aynı hafta planlamışız, görüşelim mi?"},
        )
    assert response.status_code == 302
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["cem@moda.example", "yonetici@moda.example"]
    message = mail.outbox[0]
    assert message.reply_to == [owner.email] or message.extra_headers.get("Reply-To") == owner.email
    assert "Aynı hafta planlamışız" in message.body
    assert "Umut Işığı Derneği" in message.body
    assert ModelLogEntry.objects.filter(action="portal.activity.contact").count() == 1


def test_contact_needs_a_message_and_is_rate_limited(
    client, organisation, owner, other_organisation
):
    theirs = _activity(other_organisation)
    client.force_login(owner)
    url = reverse("activity_contact", args=[theirs.pk])
    response = client.post(url, {"organisation": organisation.pk, "message": "  "})
    assert response.status_code == 200
    assert "İletinizi yazın." in _html(response)
    for _ in range(services.CONTACT_LIMIT):
        assert (
            client.post(url, {"organisation": organisation.pk, "message": "Merhaba"}).status_code
            == 302
        )
    response = client.post(url, {"organisation": organisation.pk, "message": "Bir daha"})
    assert response.status_code == 200
    assert "Bir saatte en fazla" in _html(response)
    assert "Bir daha" in _html(response)


def test_nobody_contacts_their_own_organisation_through_the_platform(client, organisation, owner):
    mine = _activity(organisation)
    client.force_login(owner)
    assert client.get(reverse("activity_contact", args=[mine.pk])).status_code == 403


# --- The public side --------------------------------------------------------------------------


def test_public_activities_are_only_the_public_ones_of_accredited_organisations(
    organisation, other_organisation
):
    public = _activity(organisation, title="Açık seminer", visibility="public")
    _activity(organisation, title="Platform içi", visibility="platform")
    _activity(organisation, title="İptal", visibility="public", status=A.CANCELLED)
    lapsed = OrganisationFactory(expired=True)
    _activity(lapsed, title="Süresi dolmuş", visibility="public")
    izmir = _activity(
        other_organisation,
        title="İzmir açık",
        visibility="public",
        province=Province.objects.get(code=35),
        district=District.objects.get(province_id=35, slug="bornova"),
    )
    assert set(services.public_activities()) == {public, izmir}
    assert list(services.public_activities(province=Province.objects.get(code=35))) == [izmir]
    assert list(services.public_activities(organisation=organisation)) == [public]


def test_a_platform_only_activity_never_appears_on_the_public_profile(client, organisation):
    from accreditation.profile_sections import (
        profile_sections,
        register_profile_section,
        unregister_profile_section,
    )

    # cooperation registers its section at start-up; register here too (it is idempotent) and
    # take it away afterwards only if this test added it.
    added = not profile_sections(None, organisation) and not _registered()
    register_profile_section(services.profile_section)
    _activity(organisation, title="Gizli platform planı", visibility="platform")
    response = client.get(reverse("organisation_profile", args=[organisation.slug]))
    assert "Gizli platform planı" not in _html(response)
    assert "Faaliyetler" not in _html(response)
    _activity(organisation, title="Herkese açık seminer", visibility="public")
    html = _html(client.get(reverse("organisation_profile", args=[organisation.slug])))
    assert "Herkese açık seminer" in html
    assert "Gizli platform planı" not in html
    if added:
        unregister_profile_section(services.profile_section)


def _registered() -> bool:
    from accreditation.profile_sections import _SECTIONS

    return services.profile_section in _SECTIONS
