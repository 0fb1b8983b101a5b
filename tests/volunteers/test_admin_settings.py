"""Who may tune the matching weights and the mentor credential's terms in the admin."""

import pytest
from django.contrib.auth.models import Group

from core.factories import staff_user
from core.models import StaffRole
from core.roles import GROUP_NAMES, ROLE_PERMISSIONS, sync_role_groups

pytestmark = pytest.mark.django_db

CHANGE_SETTINGS = "volunteers.change_matchingsettings"


def test_administrators_may_change_the_matching_settings_and_no_other_role_may():
    sync_role_groups()
    administrator = staff_user(StaffRole.ADMIN)
    assert administrator.has_perm(CHANGE_SETTINGS)
    for role in (StaffRole.REVIEWER, StaffRole.BOARD, StaffRole.COORDINATOR, StaffRole.EDITOR):
        assert not staff_user(
            role, 34 if role in (StaffRole.REVIEWER, StaffRole.COORDINATOR) else None
        ).has_perm(CHANGE_SETTINGS), role


def test_registering_a_permission_leaves_the_roles_sharing_a_list_alone():
    assert ("volunteers", "change_matchingsettings") in ROLE_PERMISSIONS[StaffRole.ADMIN]
    assert ("volunteers", "change_matchingsettings") not in ROLE_PERMISSIONS[StaffRole.REVIEWER]
    sync_role_groups()
    board = Group.objects.get(name=GROUP_NAMES[StaffRole.BOARD])
    assert not board.permissions.filter(codename="change_matchingsettings").exists()


def test_an_administrator_opens_the_matching_settings_in_the_admin(client):
    sync_role_groups()
    administrator = staff_user(StaffRole.ADMIN)
    client.force_login(administrator)
    response = client.get("/admin/settings/volunteers/matchingsettings/", follow=True)
    assert response.status_code == 200
    assert "weight_skills" in response.content.decode()
