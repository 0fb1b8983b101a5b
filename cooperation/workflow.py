"""Who may enter the shared platform and do what there, and the life cycles of activities,
joint projects, partnerships, quarterly reports and action items (all through
``accreditation.lifecycle``).

The platform is for members of organisations accredited today and for staff. A person whose
organisation's accreditation lapsed, or who left their organisation, is refused like anyone else.
Guards and effects that need services import them lazily (the services import this module).
"""

from accreditation.lifecycle import Lifecycle, Move
from accreditation.models import Membership, Organisation
from accreditation.models import Role as StaffRole
from accreditation.permissions import has_role, membership_role, rule, staff_mfa_satisfied

from .models import ActionItem, Activity, Project, ProjectPartner, QuarterlyReport

A = Activity.Status
J = Project.Status
PP = ProjectPartner.Status
R = QuarterlyReport.Status
I = ActionItem.Status  # noqa: E741
MANAGERS = {Membership.Role.OWNER, Membership.Role.MANAGER}
PLATFORM_STAFF = (StaffRole.COORDINATOR, StaffRole.REVIEWER, StaffRole.BOARD, StaffRole.ADMIN)


# --- Entering the platform --------------------------------------------------------------------


def platform_organisations(user):
    """The accredited organisations the user is a member of (the platform's "my
    organisations")."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.accredited().filter(memberships__user=user).distinct()


def is_platform_staff(user) -> bool:
    return any(has_role(user, role) for role in PLATFORM_STAFF) and staff_mfa_satisfied(user)


def _coordinator(user, province_id) -> bool:
    return (
        has_role(user, StaffRole.COORDINATOR, province_id) or has_role(user, StaffRole.ADMIN)
    ) and staff_mfa_satisfied(user)


def _accredited_member(user, organisation, roles=None) -> bool:
    role = membership_role(user, organisation)
    if role is None or not organisation.is_accredited:
        return False
    return roles is None or role in roles


@rule("platform.enter")
def _platform_enter(user, _obj=None) -> bool:
    """Members of an organisation accredited today, and staff."""
    if not user.is_authenticated:
        return False
    cache = user.__dict__
    if "_portal_platform" not in cache:
        cache["_portal_platform"] = is_platform_staff(user) or (
            platform_organisations(user).exists()
        )
    return cache["_portal_platform"]


# --- Activities -------------------------------------------------------------------------------


@rule("activity.create")
def _activity_create(user, organisation) -> bool:
    """Any member of an accredited organisation records its activities."""
    return _accredited_member(user, organisation)


@rule("activity.edit")
def _activity_edit(user, activity) -> bool:
    return _accredited_member(user, activity.organisation)


@rule("activity.view")
def _activity_view(user, activity) -> bool:
    """Everyone on the platform sees every organisation's activities (that is how work is not
    repeated); the public sees public ones through ``Activity.objects.public()``."""
    return _platform_enter(user)


# --- Joint projects ---------------------------------------------------------------------------


@rule("project.propose")
def _project_propose(user, organisation) -> bool:
    return _accredited_member(user, organisation, MANAGERS)


@rule("project.manage")
def _project_manage(user, project) -> bool:
    """The lead organisation's owners and managers."""
    return _accredited_member(user, project.lead, MANAGERS)


@rule("project.view")
def _project_view(user, project) -> bool:
    return _platform_enter(user)


def _is_partner(user, project) -> bool:
    """A member of the lead or of an accepted partner organisation."""
    if _accredited_member(user, project.lead):
        return True
    organisation_ids = [
        p.organisation_id for p in project.partners.all() if p.status == PP.ACCEPTED
    ]
    return platform_organisations(user).filter(pk__in=organisation_ids).exists()


@rule("project.contribute")
def _project_contribute(user, project) -> bool:
    """Post updates, share and read files: the lead and accepted partners only."""
    return project.status in (J.PROPOSED, J.ACTIVE) and _is_partner(user, project)


@rule("project.files")
def _project_files(user, project) -> bool:
    """Read the project's files: the lead and accepted partners, in any status."""
    return _is_partner(user, project)


@rule("project.join")
def _project_join(user, organisation) -> bool:
    """Ask to join, or answer an invitation, on behalf of an organisation."""
    return _accredited_member(user, organisation, MANAGERS)


@rule("partner.lead")
def _partner_lead(user, partner) -> bool:
    """The lead answers requests and may remove a partner."""
    return _project_manage(user, partner.project)


@rule("partner.self")
def _partner_self(user, partner) -> bool:
    """The partner organisation answers invitations, withdraws a request or leaves."""
    return _accredited_member(user, partner.organisation, MANAGERS)


@rule("partner.either")
def _partner_either(user, partner) -> bool:
    return _partner_lead(user, partner) or _partner_self(user, partner)


# --- Indicators, reports, meetings, dashboards ------------------------------------------------


@rule("report.edit")
def _report_edit(user, report) -> bool:
    return _accredited_member(user, report.organisation, MANAGERS)


@rule("report.view")
def _report_view(user, report) -> bool:
    return _accredited_member(user, report.organisation) or _coordinator(
        user, report.organisation.province_id
    )


@rule("report.reopen")
def _report_reopen(user, report) -> bool:
    """A coordinator of the organisation's province returns a sent report for correction."""
    return _coordinator(user, report.organisation.province_id)


@rule("province.coordinate")
def _province_coordinate(user, province) -> bool:
    """Dashboard, targets, manual indicator values, meetings and action items of a province."""
    return _coordinator(user, province.pk if province is not None else None)


@rule("meeting.view")
def _meeting_view(user, meeting) -> bool:
    """The province's coordinators and members of the organisations that took part."""
    if _coordinator(user, meeting.province_id):
        return True
    return platform_organisations(user).filter(coordination_meetings=meeting).exists()


@rule("action.manage")
def _action_manage(user, item) -> bool:
    return _coordinator(user, item.meeting.province_id)


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


def attach() -> None:
    Activity.lifecycle = ACTIVITY_LIFECYCLE
    Project.lifecycle = PROJECT_LIFECYCLE
    ProjectPartner.lifecycle = PARTNER_LIFECYCLE
    QuarterlyReport.lifecycle = REPORT_LIFECYCLE
    ActionItem.lifecycle = ACTION_ITEM_LIFECYCLE
