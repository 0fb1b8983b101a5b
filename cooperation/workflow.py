"""The life cycles of activities, joint projects, partnerships, quarterly reports and action
items (all through ``core.lifecycle``), with their guards, effects and notifications. Who may make
each move is in ``permissions.py``. Guards and effects that need services import them lazily (the
services import this module's tables).
"""

from core.lifecycle import Lifecycle, Move

from .models import ActionItem, Activity, Project, ProjectPartner, QuarterlyReport

A = Activity.Status
J = Project.Status
PP = ProjectPartner.Status
R = QuarterlyReport.Status
I = ActionItem.Status  # noqa: E741


# --- Life cycles ------------------------------------------------------------------------------


def _notify_partner(partner, change) -> None:
    from .projects import partner_changed

    partner_changed(partner, change)


def _notify_project(project, change) -> None:
    from .projects import project_changed

    project_changed(project, change)


def _report_submitted(report, change) -> None:
    report.submitted_at = change.at
    report.submitted_by = change.by
    report.save(update_fields=["submitted_at", "submitted_by"])


def _report_reopened(report, change) -> None:
    report.submitted_at = None
    report.submitted_by = None
    report.save(update_fields=["submitted_at", "submitted_by"])


def _report_submittable(report, by) -> None:
    from .reports import check_submittable

    check_submittable(report)


def _under_way(activity, by) -> None:
    from .activities import check_dates_fit

    check_dates_fit(activity, A.ONGOING)


def _finished(activity, by) -> None:
    from .activities import check_dates_fit

    check_dates_fit(activity, A.COMPLETED)


def _partner_acceptable(partner, by) -> None:
    from .projects import check_partner_acceptable

    check_partner_acceptable(partner)


def _partner_left(partner, change) -> None:
    from .projects import unlink_former_partner

    unlink_former_partner(partner)


def _project_closed(project, change) -> None:
    from .projects import close_pending_partners

    close_pending_partners(project)


def _project_activatable(project, by) -> None:
    from .projects import check_activatable

    check_activatable(project)


ACTIVITY_LIFECYCLE = Lifecycle(
    "activity",
    moves=[
        Move(A.PLANNED, A.ONGOING, "activity.edit", guard=_under_way),
        Move(A.PLANNED, A.COMPLETED, "activity.edit", guard=_finished),
        Move(A.PLANNED, A.CANCELLED, "activity.edit", note_required=True),
        Move(A.ONGOING, A.COMPLETED, "activity.edit", guard=_finished),
        Move(A.ONGOING, A.CANCELLED, "activity.edit", note_required=True),
    ],
)

PROJECT_LIFECYCLE = Lifecycle(
    "project",
    notify=_notify_project,
    moves=[
        Move(J.PROPOSED, J.ACTIVE, "project.manage", guard=_project_activatable),
        Move(J.PROPOSED, J.CANCELLED, "project.manage", note_required=True, effect=_project_closed),
        Move(J.ACTIVE, J.COMPLETED, "project.manage", effect=_project_closed),
        Move(J.ACTIVE, J.CANCELLED, "project.manage", note_required=True, effect=_project_closed),
    ],
)

PARTNER_LIFECYCLE = Lifecycle(
    "project_partner",
    notify=_notify_partner,
    moves=[
        Move(PP.REQUESTED, PP.ACCEPTED, "partner.lead", guard=_partner_acceptable),
        # The portal also closes open requests and invitations when the project closes.
        Move(PP.REQUESTED, PP.DECLINED, "partner.lead", note_required=True, system_too=True),
        Move(PP.REQUESTED, PP.LEFT, "partner.self"),
        Move(PP.INVITED, PP.ACCEPTED, "partner.self", guard=_partner_acceptable),
        Move(PP.INVITED, PP.DECLINED, "partner.self"),
        Move(PP.INVITED, PP.LEFT, "partner.lead", system_too=True),
        Move(PP.ACCEPTED, PP.LEFT, "partner.either", note_required=True, effect=_partner_left),
    ],
)

REPORT_LIFECYCLE = Lifecycle(
    "quarterly_report",
    moves=[
        Move(
            R.DRAFT, R.SUBMITTED, "report.edit", guard=_report_submittable, effect=_report_submitted
        ),
        Move(R.SUBMITTED, R.DRAFT, "report.reopen", note_required=True, effect=_report_reopened),
    ],
)

ACTION_ITEM_LIFECYCLE = Lifecycle(
    "action_item",
    moves=[
        Move(I.OPEN, I.IN_PROGRESS, "action.manage"),
        Move(I.OPEN, I.DONE, "action.manage"),
        Move(I.OPEN, I.CANCELLED, "action.manage", note_required=True),
        Move(I.IN_PROGRESS, I.DONE, "action.manage"),
        Move(I.IN_PROGRESS, I.CANCELLED, "action.manage", note_required=True),
        Move(I.DONE, I.IN_PROGRESS, "action.manage", note_required=True),
    ],
)


# Registered from the app's ready().
LIFECYCLES = {
    Activity: ACTIVITY_LIFECYCLE,
    Project: PROJECT_LIFECYCLE,
    ProjectPartner: PARTNER_LIFECYCLE,
    QuarterlyReport: REPORT_LIFECYCLE,
    ActionItem: ACTION_ITEM_LIFECYCLE,
}
