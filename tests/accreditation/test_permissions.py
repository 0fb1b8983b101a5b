import pytest
from django.db import IntegrityError
from django.test import override_settings

from core import services
from core.exceptions import RoleError
from core.factories import UserFactory, enrol_totp, staff_user
from core.models import Province, RoleAssignment, StaffRole
from core.permissions import can, has_role, province_ids_for, require

pytestmark = pytest.mark.django_db


def test_a_reviewer_is_scoped_to_the_provinces_they_are_assigned():
    reviewer = staff_user(StaffRole.REVIEWER, 34)
    services.role_assign(
        user=reviewer, role=StaffRole.REVIEWER, province=Province.objects.get(code=41)
    )
    reviewer = type(reviewer).objects.get(pk=reviewer.pk)
    assert has_role(reviewer, StaffRole.REVIEWER, 34)
    assert has_role(reviewer, StaffRole.REVIEWER, 41)
    assert not has_role(reviewer, StaffRole.REVIEWER, 6)
    assert not has_role(reviewer, StaffRole.COORDINATOR, 34)
    assert province_ids_for(reviewer, StaffRole.REVIEWER) == {34, 41}


def test_a_national_board_member_covers_every_province():
    board = staff_user(StaffRole.BOARD)
    assert has_role(board, StaffRole.BOARD, 6)
    assert province_ids_for(board, StaffRole.BOARD) is None


def test_province_scoped_roles_cannot_be_national(person):
    with pytest.raises(RoleError):
        services.role_assign(user=person, role=StaffRole.COORDINATOR)
    with pytest.raises(IntegrityError):
        RoleAssignment.objects.create(user=person, role=StaffRole.REVIEWER, province=None)


def test_assigning_a_role_adds_the_group_and_revoking_removes_it(person):
    assignment = services.role_assign(
        user=person, role=StaffRole.COORDINATOR, province=Province.objects.get(code=35)
    )
    assert person.groups.filter(name="İl Koordinatörleri").exists()
    services.role_revoke(assignment=assignment)
    assert not person.groups.filter(name="İl Koordinatörleri").exists()


def test_the_admin_role_makes_a_superuser_and_revoking_undoes_it(person):
    assignment = services.role_assign(user=person, role=StaffRole.ADMIN)
    person.refresh_from_db()
    assert person.is_superuser
    services.role_revoke(assignment=assignment)
    person.refresh_from_db()
    assert not person.is_superuser


def test_staff_pages_need_a_staff_role_and_a_second_factor():
    outsider = UserFactory()
    editor_without_mfa = staff_user(StaffRole.EDITOR, with_mfa=False)
    editor = staff_user(StaffRole.EDITOR)
    assert not can(outsider, "staff.use")
    assert not can(editor_without_mfa, "staff.use")
    assert can(editor, "staff.use")


@override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])
def test_only_the_configured_demo_domain_is_exempt_from_mfa():
    demo = staff_user(StaffRole.EDITOR, with_mfa=False, email="editor@demo.example")
    real = staff_user(StaffRole.EDITOR, with_mfa=False, email="editor@saglik.gov.tr")
    assert can(demo, "staff.use")
    assert not can(real, "staff.use")


def test_the_test_settings_exempt_nobody_from_mfa():
    demo = staff_user(StaffRole.EDITOR, with_mfa=False, email="editor@demo.example")
    assert not can(demo, "staff.use")


def test_only_administrators_with_mfa_manage_roles():
    admin = staff_user(StaffRole.ADMIN)
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    assert can(admin, "roles.manage")
    assert not can(coordinator, "roles.manage")


def test_anonymous_and_inactive_people_may_do_nothing(person):
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), "staff.use")
    admin = staff_user(StaffRole.ADMIN)
    admin.is_active = False
    assert not can(admin, "roles.manage")


def test_require_raises_permission_denied_and_unknown_actions_are_errors(person):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        require(person, "staff.use")
    with pytest.raises(ValueError, match="No permission rule"):
        can(person, "no.such.action")


def test_enrolling_totp_satisfies_the_rule_for_an_existing_staff_member():
    coordinator = staff_user(StaffRole.COORDINATOR, 34, with_mfa=False)
    assert not can(coordinator, "staff.use")
    enrol_totp(coordinator)
    assert can(coordinator, "staff.use")
