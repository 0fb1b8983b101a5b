"""Staff work in the Wagtail admin within their permissions; the admin has no side door."""

import pytest
from django.urls import reverse

from core.factories import DEFAULT_PASSWORD, UserFactory, staff_user
from core.models import Province, RoleAssignment, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db


def test_an_editor_edits_a_working_area_in_both_languages(client):
    client.force_login(staff_user(StaffRole.EDITOR))
    area = WorkingArea.objects.get(slug="sosyal-uyum-hizmetleri")
    url = reverse("workingarea:edit", args=[area.pk])
    response = client.post(
        url,
        {
            "name": "Sosyal Uyum Hizmetleri",
            "name_en": "Social Cohesion and Reintegration Services",
            "slug": area.slug,
            "description": "",
            "sort_order": 3,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name_en == "Social Cohesion and Reintegration Services"


@pytest.mark.parametrize(
    ("role", "province"), [(StaffRole.REVIEWER, 34), (StaffRole.COORDINATOR, 34)]
)
def test_reviewers_and_coordinators_cannot_change_reference_data(client, role, province):
    client.force_login(staff_user(role, province))
    area = WorkingArea.objects.get(slug="sosyal-uyum-hizmetleri")
    response = client.post(
        reverse("workingarea:edit", args=[area.pk]), {"name": "Değiştirildi", "name_en": "x"}
    )
    assert response.status_code in (302, 403)
    area.refresh_from_db()
    assert area.name == "Sosyal Uyum Hizmetleri"


def test_only_administrators_see_role_assignments(client):
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    response = client.get(reverse("roleassignment:index"))
    assert response.status_code in (302, 403)
    client.force_login(staff_user(StaffRole.ADMIN))
    assert client.get(reverse("roleassignment:index")).status_code == 200


def test_an_administrator_assigns_a_role_through_the_service(client):
    admin = staff_user(StaffRole.ADMIN)
    person = UserFactory()
    client.force_login(admin)
    response = client.post(
        reverse("roleassignment:add"),
        {"user": person.pk, "role": StaffRole.COORDINATOR, "province": 6},
    )
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=person)
    assert assignment.granted_by == admin
    assert person.groups.filter(name="İl Koordinatörleri").exists()


def test_assigning_a_provincial_role_without_a_province_gets_a_clear_message(client):
    client.force_login(staff_user(StaffRole.ADMIN))
    person = UserFactory()
    response = client.post(
        reverse("roleassignment:add"),
        {"user": person.pk, "role": StaffRole.REVIEWER, "province": ""},
    )
    assert response.status_code == 200
    assert "il seçin" in response.content.decode()
    assert not RoleAssignment.objects.filter(user=person).exists()


def test_role_assignments_cannot_be_edited_only_revoked(client):
    admin = staff_user(StaffRole.ADMIN)
    assignment = RoleAssignment.objects.create(
        user=UserFactory(), role=StaffRole.REVIEWER, province=Province.objects.get(code=34)
    )
    client.force_login(admin)
    response = client.post(
        reverse("roleassignment:edit", args=[assignment.pk]),
        {"user": assignment.user_id, "role": StaffRole.REVIEWER, "province": 6},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.province_id == 34


def test_posting_credentials_to_the_admin_login_does_not_sign_in(client):
    editor = staff_user(StaffRole.EDITOR)
    response = client.post(
        "/admin/login/", {"username": editor.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_admin_has_no_password_reset_of_its_own(client):
    assert client.get("/admin/password_reset/").status_code == 404


ADMIN_LISTS = [
    "workingarea:index",
    "targetgroup:index",
    "addictiontype:index",
    "activitytype:index",
    "province:index",
    "district:index",
    "consentpurpose:index",
    "consenttext:index",
]


@pytest.mark.parametrize("url_name", ADMIN_LISTS)
def test_staff_can_read_reference_data_in_the_admin(client, url_name):
    client.force_login(staff_user(StaffRole.REVIEWER, 34))
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("url_name", ADMIN_LISTS + ["roleassignment:index"])
def test_people_without_a_staff_role_cannot_read_admin_lists(client, person, url_name):
    client.force_login(person)
    assert client.get(reverse(url_name)).status_code == 302


def test_nobody_adds_or_deletes_provinces(client):
    client.force_login(staff_user(StaffRole.ADMIN))
    response = client.post(reverse("province:delete", args=[34]))
    assert response.status_code in (302, 403)
    assert Province.objects.filter(code=34).exists()


def test_the_admin_menu_shows_reference_data_to_an_editor(client):
    client.force_login(staff_user(StaffRole.EDITOR))
    content = client.get("/admin/").content.decode()
    assert "Referans veriler" in content


def test_the_admin_queue_filters_overdue_and_long_waiting_applications(client):
    import datetime

    from django.utils import timezone

    from accreditation.factories import AccreditationWorld
    from accreditation.models import Application

    late = AccreditationWorld()
    late.reach("submitted")
    Application.objects.filter(pk=late.application.pk).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=9)
    )
    fresh = AccreditationWorld()
    fresh.reach("submitted")
    client.force_login(late.coordinator)
    content = client.get(reverse("application:index"), {"overdue": "true"}).content.decode()
    assert late.organisation.legal_name in content
    assert fresh.organisation.legal_name not in content
    content = client.get(reverse("application:index"), {"waiting_days": "8"}).content.decode()
    assert late.organisation.legal_name in content
    assert fresh.organisation.legal_name not in content
    response = client.get(reverse("application:index"), {"export": "csv", "overdue": "true"})
    assert late.organisation.legal_name in b"".join(response.streaming_content).decode()


def test_a_coordinator_sees_only_their_provinces_applications_in_the_admin(client):
    from accreditation.factories import AccreditationWorld

    istanbul = AccreditationWorld(34)
    istanbul.reach("submitted")
    ankara = AccreditationWorld(6)
    ankara.organisation.province_id = 6
    ankara.organisation.district = ankara.organisation.district.__class__.objects.filter(
        province_id=6
    ).first()
    ankara.organisation.save()
    ankara.reach("submitted")
    client.force_login(istanbul.coordinator)
    content = client.get(reverse("application:index")).content.decode()
    assert istanbul.organisation.legal_name in content
    assert ankara.organisation.legal_name not in content


def test_admin_pages_of_an_application_open_only_for_staff_who_may_see_it(client):
    from accreditation.factories import AccreditationWorld

    world = AccreditationWorld(34)
    world.reach("submitted")
    client.force_login(world.coordinator)
    pk = world.application.pk
    for name in ("application:inspect", "application:history"):
        assert client.get(reverse(name, args=[pk])).status_code == 200, name
    client.force_login(staff_user(StaffRole.COORDINATOR, 6))
    for name in ("application:inspect", "application:history"):
        assert client.get(reverse(name, args=[pk])).status_code in (302, 403), name
    client.force_login(world.reviewer3)  # a reviewer of the province, not assigned
    assert (
        world.organisation.legal_name
        not in client.get(reverse("application:index")).content.decode()
    )
