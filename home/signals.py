"""Receivers of the site, connected from ``HomeConfig.ready()``."""

from django.apps import apps

MODERATION_WORKFLOW = "Editör onayı"


def ensure_moderation_workflow(sender, app_config=None, using="default", **kwargs) -> None:
    """Pages submitted by anyone who cannot publish wait for an editor's approval.

    One workflow with one group-approval task for the editors' group, assigned to the root page
    so every language tree uses it. Runs after the last app's migrations, like the role groups.
    """
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is None or app_config is not with_models[-1]:
        return
    moderation_workflow_setup()


def moderation_workflow_setup() -> None:
    """Create or repair the editors' approval workflow on the root page. Idempotent."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    from core.models.roles import GROUP_NAMES, StaffRole

    root = Page.get_first_root_node()
    if root is None:
        return
    editors, _created = Group.objects.get_or_create(name=GROUP_NAMES[StaffRole.EDITOR])
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
    task.groups.set([editors])
    workflow, _created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    # Not workflow.workflow_tasks.create(): that manager defers writes until the workflow is
    # saved as a cluster.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def check_language_on_publish(sender, instance, **kwargs) -> None:
    """Scheduled publishing and direct publishing refresh the language check too."""
    from .language import check_page

    check_page(instance)
