"""Pages drafted by coordinators wait for an editor's approval ("Editör onayı" workflow)."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory, staff_user
from core.models import StaffRole
from core.models.roles import GROUP_NAMES
from home.models import CampaignPage
from home.signals import MODERATION_WORKFLOW

from .pages import add_campaign_index, build_homes

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign_index():
    home, _home_en = build_homes()
    return add_campaign_index(home, title="Kampanyalar", slug="kampanyalar")


@pytest.fixture
def coordinator():
    return staff_user(StaffRole.COORDINATOR, 34)


@pytest.fixture
def editor():
    return staff_user(StaffRole.EDITOR)


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["home", "campaignpage", parent.pk])


def campaign_form(client, url: str, action: str, **fields) -> dict:
    """The admin's own form as the browser would send it, filled in, with one button pressed."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    values = {
        "title": "İzmir gençlik kampanyası",
        "slug": "izmir-genclik",
        "slogan": "Gençler birlikte güçlü",
        "summary": "İzmir'de gençlerle spor ve sanat etkinlikleri.",
        "start_date": "2026-06-01",
        "end_date": "2026-06-30",
        "nationwide": "on",
        # The body's editor is drawn by JavaScript; an empty body is sent as its count.
        "body-count": "0",
        action: action,
        **fields,
    }
    for name, value in values.items():
        data[name] = value
    return data


def submit_draft(client, coordinator, campaign_index) -> CampaignPage:
    client.force_login(coordinator)
    url = add_url(campaign_index)
    response = client.post(url, campaign_form(client, url, "action-submit"))
    assert response.status_code == 302, response.context["form"].errors
    return CampaignPage.objects.get(slug="izmir-genclik")


def approve_url(page: CampaignPage) -> str:
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_the_moderation_workflow_is_one_approval_by_the_editors_group(db):
    from wagtail.models import Page, Workflow

    workflow = Page.get_first_root_node().get_workflow()
    assert workflow == Workflow.objects.get(name=MODERATION_WORKFLOW)
    tasks = [task.specific for task in workflow.tasks.filter(active=True)]
    assert [task.name for task in tasks] == [MODERATION_WORKFLOW]
    assert [group.name for group in tasks[0].groups.all()] == [GROUP_NAMES[StaffRole.EDITOR]]


def test_a_coordinators_campaign_waits_for_the_editors(client, coordinator, campaign_index):
    page = submit_draft(client, coordinator, campaign_index)
    assert not page.live
    assert page.workflow_in_progress
    state = page.current_workflow_state
    assert state.workflow.name == MODERATION_WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == coordinator
    assert page.current_workflow_task.name == MODERATION_WORKFLOW
    client.logout()
    assert client.get("/kampanyalar/izmir-genclik/").status_code == 404


def test_a_coordinator_has_no_publish_button_and_cannot_publish(
    client, coordinator, campaign_index
):
    client.force_login(coordinator)
    url = add_url(campaign_index)
    content = client.get(url).content.decode()
    assert 'name="action-submit"' in content
    assert 'name="action-publish"' not in content
    response = client.post(url, campaign_form(client, url, "action-publish"))
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug="izmir-genclik")
    assert not page.live
    assert page.first_published_at is None
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in edit


@pytest.mark.parametrize("who", ["reviewer", "ngo_member", "submitter"])
def test_only_an_editor_can_approve(client, coordinator, campaign_index, who):
    page = submit_draft(client, coordinator, campaign_index)
    url = approve_url(page)
    if who == "reviewer":
        client.force_login(staff_user(StaffRole.REVIEWER, 34))
    elif who == "ngo_member":
        member = UserFactory()
        OrganisationFactory(owner=member)
        client.force_login(member)
    response = client.post(url)
    assert response.status_code in {302, 403}
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_an_editor_approves_and_the_campaign_goes_live(client, coordinator, editor, campaign_index):
    page = submit_draft(client, coordinator, campaign_index)
    url = approve_url(page)
    task_state = page.current_workflow_task_state
    client.force_login(editor)
    response = client.post(url)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by == editor
    assert page.live_revision.approved_go_live_at is None
    client.logout()
    response = client.get("/kampanyalar/izmir-genclik/")
    assert response.status_code == 200
    assert "Gençler birlikte güçlü" in response.content.decode()


def test_an_editors_own_campaign_goes_live_without_moderation(client, editor, campaign_index):
    client.force_login(editor)
    url = add_url(campaign_index)
    response = client.post(url, campaign_form(client, url, "action-publish"))
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug="izmir-genclik")
    assert page.live
    assert not page.workflow_in_progress
    assert not WorkflowState.objects.filter(base_content_type__isnull=False).exists()
