"""Activities on the shared platform: the rules of a valid activity, the overlap warning, the
pages that record and edit them, their life cycle, and who may do what."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation import activities as services
from cooperation.factories import ActivityFactory
from cooperation.models import Activity
from cooperation.workflow import ACTIVITY_LIFECYCLE
from core.exceptions import DomainError
from core.factories import UserFactory, staff_user
from core.models import ActivityType, District, Province, StaffRole, TargetGroup, WorkingArea

pytestmark = pytest.mark.django_db

A = Activity.Status


def _today():
    return timezone.localdate()


def _html(response) -> str:
    return response.content.decode()


def _group(name="Ergenler ve gençler"):
    return TargetGroup.objects.get(name=name)


def _area(n=1):
    return WorkingArea.objects.order_by("sort_order", "pk")[n - 1]


def _district(slug, province=34):
    return District.objects.get(province_id=province, slug=slug)


def _data(**overrides) -> dict:
    start = _today() + dt.timedelta(days=20)
    data = {
        "title": "Okulda bağımlılığı önleme semineri",
        "description": "Velilerle birlikte.",
        "activity_type": ActivityType.objects.order_by("sort_order").first(),
        "working_area": _area(),
        "province": Province.objects.get(code=34),
        "district": _district("kadikoy"),
        "venue": "",
        "starts_on": start,
        "ends_on": start + dt.timedelta(days=1),
        "visibility": Activity.Visibility.PLATFORM,
        "status": A.PLANNED,
        "target_groups": [_group()],
        "addiction_types": [],
        "partner_organisations": [],
        "people_reached_unique": True,
    }
    data.update(overrides)
    return data


def _post_data(**overrides) -> dict:
    start = _today() + dt.timedelta(days=20)
    data = {
        "title": "Mahalle gençleriyle spor şenliği",
        "activity_type": str(ActivityType.objects.order_by("sort_order").first().pk),
        "working_area": str(_area().pk),
        "target_groups": [str(_group().pk)],
        "province": "34",
        "district": str(_district("kadikoy").pk),
        "starts_on": start.isoformat(),
        "ends_on": (start + dt.timedelta(days=2)).isoformat(),
        "status": "planned",
        "visibility": "platform",
        "people_reached_unique": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(accredited=True, owner=owner, legal_name="Umut Işığı Derneği")


@pytest.fixture
def other_owner():
    return UserFactory()


@pytest.fixture
def other_organisation(other_owner):
    return OrganisationFactory(
        accredited=True, owner=other_owner, legal_name="Moda Gençlik Derneği"
    )


# --- The rules of a valid activity ------------------------------------------------------------


def test_an_accredited_member_records_an_activity_with_its_history(organisation, owner):
    activity = services.activity_create(organisation=organisation, data=_data(), by=owner)
    assert activity.status == A.PLANNED
    assert list(activity.target_groups.all()) == [_group()]
    assert [(c.from_status, c.to_status, c.by) for c in activity.history()] == [
        ("", "planned", owner)
    ]


def test_a_done_activity_can_be_recorded_as_completed_with_its_results(organisation, owner):
    past = _today() - dt.timedelta(days=10)
    activity = services.activity_create(
        organisation=organisation,
        data=_data(
            status=A.COMPLETED,
            starts_on=past,
            ends_on=past,
            people_reached=40,
            reached_women=25,
            reached_men=15,
            reached_age_0_14=0,
            reached_age_15_24=30,
            reached_age_25_64=10,
            reached_age_65_plus=0,
            services_delivered=55,
        ),
        by=owner,
    )
    activity.refresh_from_db()
    assert (activity.status, activity.people_reached, activity.services_delivered) == (
        A.COMPLETED,
        40,
        55,
    )


def test_a_new_activity_cannot_start_cancelled(organisation, owner):
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            organisation=organisation, data=_data(status=A.CANCELLED), by=owner
        )
    assert "status" in error.value.message_dict


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        (
            {"starts_on": dt.date(2026, 5, 10), "ends_on": dt.date(2026, 5, 9)},
            "ends_on",
            "Bitiş tarihi başlangıç tarihinden önce olamaz.",
        ),
        ({"actual_participants": -1}, "actual_participants", "sıfırdan küçük olamaz"),
        ({"people_reached": -3}, "people_reached", "sıfırdan küçük olamaz"),
        ({"volunteer_hours": -1}, "volunteer_hours", "sıfırdan küçük olamaz"),
        (
            {"people_reached": 40, "reached_women": 20, "reached_men": 15},
            "reached_women",
            "Cinsiyet dağılımının toplamı 35, ulaşılan kişi sayısı ise 40",
        ),
        (
            {"people_reached": 40, "reached_women": 40, "reached_age_15_24": 30},
            "reached_age_0_14",
            "Yaş grubu dağılımının toplamı 30, ulaşılan kişi sayısı ise 40",
        ),
        (
            {"reached_men": 12},
            "reached_women",
            "önce ulaşılan kişi sayısını girin",
        ),
        ({"target_groups": []}, "target_groups", "En az bir hedef grup seçin."),
    ],
)
def test_bad_input_is_refused_with_a_message_on_its_field(
    organisation, owner, overrides, field, text
):
    with pytest.raises(ValidationError) as error:
        services.activity_create(organisation=organisation, data=_data(**overrides), by=owner)
    assert any(text in message for message in error.value.message_dict[field])
    assert not Activity.objects.exists()


def test_a_district_of_another_province_is_refused(organisation, owner):
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            organisation=organisation,
            data=_data(province=Province.objects.get(code=35)),
            by=owner,
        )
    assert "İzmir iline bağlı değil" in error.value.message_dict["district"][0]


def test_an_organisation_cannot_be_its_own_partner(organisation, owner, other_organisation):
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            organisation=organisation,
            data=_data(partner_organisations=[organisation, other_organisation]),
            by=owner,
        )
    assert "partner_organisations" in error.value.message_dict
    activity = services.activity_create(
        organisation=organisation, data=_data(partner_organisations=[other_organisation]), by=owner
    )
    assert list(activity.partner_organisations.all()) == [other_organisation]


def test_breakdowns_that_add_up_are_accepted(organisation, owner):
    activity = services.activity_create(
        organisation=organisation,
        data=_data(people_reached=10, reached_women=4, reached_men=6),
        by=owner,
    )
    assert activity.reached_women == 4


@pytest.mark.parametrize(
    "organisation_kwargs",
    [
        {},
        {"expired": True},
        {"accreditation_status": "suspended", "accredited_until": dt.date(2099, 1, 1)},
    ],
    ids=["not-accredited", "expired", "suspended"],
)
def test_only_members_of_an_accredited_organisation_record_activities(organisation_kwargs):
    user = UserFactory()
    organisation = OrganisationFactory(owner=user, **organisation_kwargs)
    with pytest.raises(PermissionDenied):
        services.activity_create(organisation=organisation, data=_data(), by=user)


def test_a_member_of_another_organisation_cannot_record_or_edit_for_it(organisation, other_owner):
    with pytest.raises(PermissionDenied):
        services.activity_create(organisation=organisation, data=_data(), by=other_owner)
    activity = ActivityFactory(organisation=organisation)
    with pytest.raises(PermissionDenied):
        services.activity_update(activity=activity, data={"title": "Başka"}, by=other_owner)


def test_update_changes_details_and_keeps_the_rules(organisation, owner):
    activity = ActivityFactory(organisation=organisation)
    services.activity_update(
        activity=activity, data={"title": "Yeni ad", "people_reached": 5}, by=owner
    )
    activity.refresh_from_db()
    assert (activity.title, activity.people_reached) == ("Yeni ad", 5)
    with pytest.raises(ValidationError):
        services.activity_update(activity=activity, data={"reached_women": 9}, by=owner)


def test_a_cancelled_activity_cannot_be_edited(organisation, owner):
    activity = ActivityFactory(organisation=organisation, cancelled=True)
    with pytest.raises(DomainError):
        services.activity_update(activity=activity, data={"title": "X"}, by=owner)


# --- Overlap detection ------------------------------------------------------------------------


def _overlaps(organisation, **overrides):
    data = _data(**overrides)
    return list(
        services.find_overlaps(
            organisation=organisation,
            province=data["province"],
            district=data["district"],
            working_area=data["working_area"],
            target_groups=data["target_groups"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )
    )


@pytest.fixture
def their_plan(other_organisation):
    start = _today() + dt.timedelta(days=21)
    return ActivityFactory(
        organisation=other_organisation,
        working_area=_area(),
        starts_on=start,
        ends_on=start + dt.timedelta(days=3),
        target_groups=[_group(), _group("Aileler")],
    )


def test_same_district_area_dates_and_group_is_an_overlap(organisation, their_plan):
    assert _overlaps(organisation) == [their_plan]


@pytest.mark.parametrize(
    "change",
    ["district", "area", "dates", "group", "province", "completed", "cancelled", "own"],
)
def test_anything_different_is_not_an_overlap(organisation, their_plan, change):
    overrides = {}
    if change == "district":
        overrides["district"] = _district("besiktas")
    elif change == "area":
        overrides["working_area"] = _area(2)
    elif change == "dates":
        overrides["starts_on"] = their_plan.ends_on + dt.timedelta(days=1)
        overrides["ends_on"] = their_plan.ends_on + dt.timedelta(days=5)
    elif change == "group":
        overrides["target_groups"] = [_group("Kadınlar")]
    elif change == "province":
        overrides["province"] = Province.objects.get(code=35)
        overrides["district"] = _district("bornova", 35)
    elif change in ("completed", "cancelled"):
        Activity.objects.filter(pk=their_plan.pk).update(status=change)
    elif change == "own":
        Activity.objects.filter(pk=their_plan.pk).update(organisation=organisation)
    assert _overlaps(organisation, **overrides) == []


def test_a_plan_for_the_whole_province_meets_every_district(organisation, their_plan):
    assert _overlaps(organisation, district=None) == [their_plan]
    Activity.objects.filter(pk=their_plan.pk).update(district=None)
    assert _overlaps(organisation, district=_district("besiktas")) == [their_plan]


def test_dates_touching_on_one_day_overlap(organisation, their_plan):
    day = their_plan.ends_on
    assert _overlaps(organisation, starts_on=day, ends_on=day + dt.timedelta(days=4)) == [
        their_plan
    ]


def test_an_ongoing_plan_overlaps_but_not_one_of_a_lapsed_organisation(organisation, their_plan):
    Activity.objects.filter(pk=their_plan.pk).update(status=A.ONGOING)
    assert _overlaps(organisation) == [their_plan]
    their_plan.organisation.accredited_until = _today() - dt.timedelta(days=1)
    their_plan.organisation.save()
    assert _overlaps(organisation) == []


def test_a_shared_group_among_several_counts_once(organisation, their_plan):
    assert _overlaps(organisation, target_groups=[_group(), _group("Aileler")]) == [their_plan]


def test_a_saved_activity_lists_its_overlaps_but_not_itself(organisation, owner, their_plan):
    mine = services.activity_create(organisation=organisation, data=_data(), by=owner)
    assert list(services.overlaps_of(mine)) == [their_plan]
    assert list(services.overlaps_of(their_plan)) == [mine]


# --- The life cycle ---------------------------------------------------------------------------

ALL_STATUSES = [s.value for s in A]
ALLOWED = sorted(ACTIVITY_LIFECYCLE.pairs())
REFUSED = [
    (source, target)
    for source in ALL_STATUSES
    for target in ALL_STATUSES
    if source != target and (source, target) not in ACTIVITY_LIFECYCLE.pairs()
]


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_move_through_the_page(client, organisation, owner, source, target):
    today = dt.date.today()
    activity = ActivityFactory(
        organisation=organisation,
        status=source,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today - dt.timedelta(days=1),
    )
    client.force_login(owner)
    response = client.post(
        reverse("activity_transition", args=[activity.pk]),
        {"target": target, "note": "Salon bulunamadı"},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == target
    assert activity.history().last().to_status == target


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_every_other_move_is_refused(client, organisation, owner, source, target):
    activity = ActivityFactory(organisation=organisation, status=source)
    client.force_login(owner)
    response = client.post(
        reverse("activity_transition", args=[activity.pk]), {"target": target, "note": "x"}
    )
    assert response.status_code == 400
    activity.refresh_from_db()
    assert activity.status == source


def test_cancelling_needs_a_reason(client, organisation, owner):
    activity = ActivityFactory(organisation=organisation)
    client.force_login(owner)
    response = client.post(
        reverse("activity_transition", args=[activity.pk]), {"target": "cancelled", "note": ""}
    )
    assert response.status_code == 400
    assert "gerekçe" in _html(response)
    activity.refresh_from_db()
    assert activity.status == A.PLANNED


def test_another_organisation_cannot_move_an_activity(client, organisation, other_owner):
    activity = ActivityFactory(organisation=organisation)
    client.force_login(other_owner)
    OrganisationFactory(accredited=True, owner=other_owner)
    response = client.post(
        reverse("activity_transition", args=[activity.pk]), {"target": "ongoing"}
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.status == A.PLANNED


# --- The form pages ---------------------------------------------------------------------------


def test_recording_through_the_form(client, organisation, owner):
    client.force_login(owner)
    page = client.get(reverse("activity_create"))
    assert page.status_code == 200
    assert "Çakışmaları denetle" in _html(page)
    response = client.post(reverse("activity_create"), _post_data())
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("activity_detail", args=[activity.pk])
    assert activity.organisation == organisation
    assert activity.created_by == owner


def test_bad_input_keeps_every_value_and_says_what_to_fix(client, organisation, owner):
    client.force_login(owner)
    response = client.post(
        reverse("activity_create"),
        _post_data(
            title="Aile buluşması",
            starts_on="2026-12-10",
            ends_on="2026-12-01",
            people_reached="40",
            reached_women="10",
            reached_men="20",
            actual_participants="-4",
            venue="Moda Kültür Merkezi",
        ),
    )
    html = _html(response)
    assert response.status_code == 200
    assert "sıfırdan küçük olamaz" in html
    assert 'value="Aile buluşması"' in html
    assert 'value="Moda Kültür Merkezi"' in html
    assert 'value="2026-12-10"' in html
    assert not Activity.objects.exists()
    # With the count fixed, the service's rules come back on their fields.
    response = client.post(
        reverse("activity_create"),
        _post_data(
            title="Aile buluşması",
            starts_on="2026-12-10",
            ends_on="2026-12-01",
            people_reached="40",
            reached_women="10",
            reached_men="20",
        ),
    )
    html = _html(response)
    assert "Bitiş tarihi başlangıç tarihinden önce olamaz." in html
    assert "Cinsiyet dağılımının toplamı 30, ulaşılan kişi sayısı ise 40" in html
    assert not Activity.objects.exists()


def test_garbage_in_the_form_is_a_message_not_a_crash(client, organisation, owner):
    client.force_login(owner)
    response = client.post(
        reverse("activity_create"),
        _post_data(
            starts_on="31.02.2026",
            province="999",
            working_area="abc",
            target_groups=["x"],
            people_reached="çok",
            volunteer_hours="1,25",
        ),
    )
    assert response.status_code == 200
    html = _html(response)
    assert "Tarihi gün.ay.yıl biçiminde girin" in html
    assert "Bir tam sayı girin" in html
    assert not Activity.objects.exists()


def test_the_check_button_shows_overlaps_and_saves_nothing(client, organisation, owner, their_plan):
    client.force_login(owner)
    response = client.post(
        reverse("activity_create"), _post_data(title="", check="1", venue="Moda Sahnesi")
    )
    html = _html(response)
    assert response.status_code == 200
    assert their_plan.title in html
    assert "Moda Gençlik Derneği" in html
    assert "İletişime geç" in html
    assert f"{reverse('project_create')}?activity={their_plan.pk}" in html
    assert 'value="Moda Sahnesi"' in html
    assert "Faaliyetin adını yazın" not in html  # nothing judged yet
    assert not Activity.objects.filter(organisation=organisation).exists()


def test_the_check_without_an_overlap_says_so(client, organisation, owner):
    client.force_login(owner)
    response = client.post(reverse("activity_create"), _post_data(check="1"))
    assert "bulunmadı" in _html(response)


def test_the_overlap_fragment_for_javascript(client, organisation, owner, their_plan):
    client.force_login(owner)
    data = _post_data()
    params = {k: data[k] for k in ("province", "district", "working_area", "starts_on", "ends_on")}
    params["target_groups"] = data["target_groups"]
    params["organisation"] = organisation.pk
    response = client.get(reverse("activity_overlaps"), params)
    assert response.status_code == 200
    assert their_plan.title in _html(response)
    assert "<html" not in _html(response)
    # Missing fields: a hint, not an error.
    response = client.get(reverse("activity_overlaps"), {"province": "34"})
    assert response.status_code == 200
    assert "girin" in _html(response)


def test_saving_an_overlapping_plan_warns_and_the_page_lists_the_overlap(
    client, organisation, owner, their_plan
):
    client.force_login(owner)
    response = client.post(reverse("activity_create"), _post_data(), follow=True)
    html = _html(response)
    assert "çakışabilecek 1 faaliyet var" in html
    assert their_plan.title in html
    mine = Activity.objects.get(organisation=organisation)
    assert f"activity={their_plan.pk}&amp;from={mine.pk}" in html


def test_a_person_in_several_organisations_chooses_which(client, organisation, owner):
    second = OrganisationFactory(accredited=True, legal_name="İkinci Dernek")
    Membership.objects.create(organisation=second, user=owner, role="member")
    lapsed = OrganisationFactory(expired=True, legal_name="Süresi Dolmuş Dernek")
    Membership.objects.create(organisation=lapsed, user=owner, role="member")
    client.force_login(owner)
    html = _html(client.get(reverse("activity_create")))
    assert "İkinci Dernek" in html and "Umut Işığı Derneği" in html
    assert "Süresi Dolmuş Dernek" not in html
    response = client.post(reverse("activity_create"), _post_data())
    assert response.status_code == 200
    assert "Kuruluşu seçin." in _html(response)
    response = client.post(reverse("activity_create"), _post_data(organisation=second.pk))
    assert response.status_code == 302
    assert Activity.objects.get().organisation == second
    response = client.post(reverse("activity_create"), _post_data(organisation=lapsed.pk))
    assert response.status_code == 200
    assert "Kuruluşu listeden seçin." in _html(response)


def test_editing_keeps_the_record_and_its_status(client, organisation, owner):
    activity = ActivityFactory(organisation=organisation)
    client.force_login(owner)
    page = client.get(reverse("activity_edit", args=[activity.pk]))
    assert activity.title in _html(page)
    response = client.post(
        reverse("activity_edit", args=[activity.pk]),
        _post_data(title="Güncel ad", people_reached="12", reached_women="12", reached_men="0"),
    )
    assert response.status_code == 302, response.context["form"].errors
    activity.refresh_from_db()
    assert (activity.title, activity.people_reached, activity.status) == (
        "Güncel ad",
        12,
        "planned",
    )


def test_a_cancelled_activity_edit_page_sends_back(client, organisation, owner):
    activity = ActivityFactory(organisation=organisation, cancelled=True)
    client.force_login(owner)
    response = client.get(reverse("activity_edit", args=[activity.pk]))
    assert response.status_code == 302


# --- Who may enter ----------------------------------------------------------------------------


def _former_member():
    user = UserFactory()
    organisation = OrganisationFactory(accredited=True, owner=user)
    Membership.objects.filter(user=user, organisation=organisation).delete()
    return user


def _non_accredited_member():
    user = UserFactory()
    OrganisationFactory(owner=user)
    return user


def _expired_member():
    user = UserFactory()
    OrganisationFactory(expired=True, owner=user)
    return user


REFUSED_PEOPLE = {
    "non-accredited": _non_accredited_member,
    "expired": _expired_member,
    "former-member": _former_member,
    "no-organisation": UserFactory,
    "coordinator-without-mfa": lambda: staff_user(StaffRole.COORDINATOR, 35, with_mfa=False),
}


def _platform_urls(activity):
    return [
        reverse("platform_home"),
        reverse("activity_list"),
        reverse("activity_export"),
        reverse("activity_create"),
        reverse("activity_overlaps"),
        reverse("activity_detail", args=[activity.pk]),
        reverse("activity_edit", args=[activity.pk]),
        reverse("activity_contact", args=[activity.pk]),
    ]


def test_anonymous_people_are_sent_to_sign_in(client, organisation):
    activity = ActivityFactory(organisation=organisation)
    for url in _platform_urls(activity):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("who", REFUSED_PEOPLE)
def test_people_outside_the_platform_are_refused_everywhere(client, organisation, settings, who):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    activity = ActivityFactory(organisation=organisation, title="Gizli plan")
    client.force_login(REFUSED_PEOPLE[who]())
    for url in _platform_urls(activity):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Gizli plan" not in _html(response)
    home = client.get(reverse("platform_home"))
    assert "akreditasyonu bugün geçerli olan kuruluşların üyeleri" in _html(home)
    response = client.post(
        reverse("activity_transition", args=[activity.pk]), {"target": "ongoing"}
    )
    assert response.status_code == 403


def test_a_coordinator_sees_activities_but_cannot_change_them(client, organisation, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    activity = ActivityFactory(organisation=organisation, title="Okul semineri")
    coordinator = staff_user(StaffRole.COORDINATOR, 35)
    client.force_login(coordinator)
    assert "Okul semineri" in _html(client.get(reverse("activity_list")))
    assert client.get(reverse("activity_detail", args=[activity.pk])).status_code == 200
    assert client.get(reverse("activity_edit", args=[activity.pk])).status_code == 403
    assert client.get(reverse("activity_create")).status_code == 403
    response = client.post(
        reverse("activity_transition", args=[activity.pk]), {"target": "ongoing"}
    )
    assert response.status_code == 403


def test_a_member_of_another_organisation_sees_but_cannot_edit(
    client, organisation, other_organisation, other_owner
):
    activity = ActivityFactory(organisation=organisation, title="Okul semineri")
    client.force_login(other_owner)
    page = client.get(reverse("activity_detail", args=[activity.pk]))
    assert page.status_code == 200
    assert reverse("activity_edit", args=[activity.pk]) not in _html(page)
    assert client.get(reverse("activity_edit", args=[activity.pk])).status_code == 403
    response = client.post(reverse("activity_edit", args=[activity.pk]), _post_data(title="X"))
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.title == "Okul semineri"


def test_an_unknown_activity_is_not_found(client, organisation, owner):
    client.force_login(owner)
    assert client.get(reverse("activity_detail", args=[999999])).status_code == 404


# --- The front page ---------------------------------------------------------------------------


def test_the_front_page_shows_my_plans_and_their_overlaps(client, organisation, owner, their_plan):
    mine = services.activity_create(organisation=organisation, data=_data(), by=owner)
    client.force_login(owner)
    html = _html(client.get(reverse("platform_home")))
    assert mine.title in html
    assert their_plan.title in html
    assert "Çakışma uyarıları" in html
    assert reverse("project_list") in html
    assert reverse("report_list") in html


def test_a_coordinator_front_page_links_their_province_dashboards(client, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    coordinator = staff_user(StaffRole.COORDINATOR, 35)
    client.force_login(coordinator)
    response = client.get(reverse("platform_home"))
    html = _html(response)
    assert response.status_code == 200
    assert reverse("coordination_dashboard", args=[35]) in html
    assert reverse("coordination_dashboard", args=[34]) not in html


@pytest.mark.parametrize(
    ("source", "target"),
    [(A.PLANNED, A.COMPLETED), (A.ONGOING, A.COMPLETED), (A.PLANNED, A.ONGOING)],
)
def test_an_activity_is_not_completed_before_it_ends_nor_under_way_before_it_starts(
    client, organisation, owner, source, target
):
    activity = ActivityFactory(organisation=organisation, status=source)  # next month
    client.force_login(owner)
    response = client.post(
        reverse("activity_transition", args=[activity.pk]), {"target": target, "note": ""}
    )
    assert response.status_code == 400
    assert "gelmemiş" in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == source


def test_recording_a_completed_activity_that_ends_next_week_is_refused(organisation, owner):
    from cooperation import activities

    activity = ActivityFactory(organisation=organisation)
    data = {
        "title": activity.title,
        "activity_type": activity.activity_type,
        "working_area": activity.working_area,
        "province": activity.province,
        "district": activity.district,
        "starts_on": dt.date.today(),
        "ends_on": dt.date.today() + dt.timedelta(days=7),
        "status": A.COMPLETED,
        "target_groups": list(activity.target_groups.all()),
    }
    with pytest.raises(ValidationError) as error:
        activities.activity_create(organisation=organisation, data=data, by=owner)
    assert "status" in error.value.message_dict


def test_other_organisations_see_who_changed_an_activity_only_as_the_organisation(client):
    from core.lifecycle import record_start

    owner = UserFactory(full_name="Nazlı Yılmaz", email="nazli@example.org")
    organisation = OrganisationFactory(accredited=True, owner=owner, legal_name="Ege Derneği")
    activity = ActivityFactory(organisation=organisation)
    record_start(activity, by=owner)
    outsider = UserFactory()
    OrganisationFactory(accredited=True, owner=outsider)
    client.force_login(outsider)
    page = client.get(reverse("activity_detail", args=[activity.pk])).content.decode()
    assert "Nazlı Yılmaz" not in page and "nazli@example.org" not in page
    assert "Ege Derneği" in page
    client.force_login(owner)
    assert (
        "Nazlı Yılmaz"
        in client.get(reverse("activity_detail", args=[activity.pk])).content.decode()
    )


def test_someone_in_two_organisations_is_not_warned_about_their_own_plans(client):
    member = UserFactory()
    OrganisationFactory(accredited=True, owner=member)  # not yet chosen on the form
    second = OrganisationFactory(accredited=True, owner=member)
    theirs = OrganisationFactory(accredited=True)
    own_plan = ActivityFactory(organisation=second, title="Kendi planımız")
    other_plan = ActivityFactory(organisation=theirs, title="Başka kuruluşun planı")
    client.force_login(member)
    query = {
        "province": own_plan.province_id,
        "district": own_plan.district_id,
        "working_area": own_plan.working_area_id,
        "target_groups": [g.pk for g in own_plan.target_groups.all()],
        "starts_on": own_plan.starts_on.isoformat(),
        "ends_on": own_plan.ends_on.isoformat(),
    }
    page = client.get(reverse("activity_overlaps"), query).content.decode()
    assert other_plan.title in page and own_plan.title not in page
    form = client.post(reverse("activity_create"), {**query, "check": "1", "title": "Yeni"})
    assert other_plan.title in form.content.decode()
    assert own_plan.title not in form.content.decode()
