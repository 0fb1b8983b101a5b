"""Who may enter the shared platform and do what there: activities, joint projects and their
partners, reports, indicators, meetings and the coordinators' pages. Registered from
``CooperationConfig.ready()``.

The platform is for members of organisations accredited today and for staff. A person whose
organisation's accreditation lapsed, or who left their organisation, is refused like anyone else.
"""

from accreditation.models import Membership, Organisation
from accreditation.permissions import membership_role
from core.models import StaffRole
from core.permissions import has_role, staff_in_role, staff_mfa_satisfied

from .models import Project, ProjectPartner

MANAGERS = {Membership.Role.OWNER, Membership.Role.MANAGER}
PLATFORM_STAFF = (StaffRole.COORDINATOR, StaffRole.REVIEWER, StaffRole.BOARD, StaffRole.ADMIN)


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


def _activity_create(user, organisation) -> bool:
    """Any member of an accredited organisation records its activities."""
    return _accredited_member(user, organisation)


def _activity_edit(user, activity) -> bool:
    return _accredited_member(user, activity.organisation)


def _activity_view(user, activity) -> bool:
    """Everyone on the platform sees every organisation's activities (that is how work is not
    repeated); the public sees public ones through ``Activity.objects.public()``."""
    return _platform_enter(user)


def _project_propose(user, organisation) -> bool:
    return _accredited_member(user, organisation, MANAGERS)


def _project_manage(user, project) -> bool:
    """The lead organisation's owners and managers."""
    return _accredited_member(user, project.lead, MANAGERS)


def _project_view(user, project) -> bool:
    return _platform_enter(user)


def _is_partner(user, project) -> bool:
    """A member of the lead or of an accepted partner organisation."""
    if _accredited_member(user, project.lead):
        return True
    organisation_ids = [
        p.organisation_id
        for p in project.partners.all()
        if p.status == ProjectPartner.Status.ACCEPTED
    ]
    return platform_organisations(user).filter(pk__in=organisation_ids).exists()


def _project_contribute(user, project) -> bool:
    """Post updates, share and read files: the lead and accepted partners only."""
    return project.status in (Project.Status.PROPOSED, Project.Status.ACTIVE) and _is_partner(
        user, project
    )


def _project_files(user, project) -> bool:
    """Read the project's files: the lead and accepted partners, in any status."""
    return _is_partner(user, project)


def _project_join(user, organisation) -> bool:
    """Ask to join, or answer an invitation, on behalf of an organisation."""
    return _accredited_member(user, organisation, MANAGERS)


def _partner_lead(user, partner) -> bool:
    """The lead answers requests and may remove a partner."""
    return _project_manage(user, partner.project)


def _partner_self(user, partner) -> bool:
    """The partner organisation answers invitations, withdraws a request or leaves."""
    return _accredited_member(user, partner.organisation, MANAGERS)


def _partner_either(user, partner) -> bool:
    return _partner_lead(user, partner) or _partner_self(user, partner)


def _report_edit(user, report) -> bool:
    return _accredited_member(user, report.organisation, MANAGERS)


def _report_view(user, report) -> bool:
    return _accredited_member(user, report.organisation) or _coordinator(
        user, report.organisation.province_id
    )


def _report_reopen(user, report) -> bool:
    """A coordinator of the organisation's province returns a sent report for correction."""
    return _coordinator(user, report.organisation.province_id)


def _province_coordinate(user, province) -> bool:
    """Dashboard, targets, manual indicator values, meetings and action items of a province."""
    return _coordinator(user, province.pk if province is not None else None)


def _meeting_view(user, meeting) -> bool:
    """The province's coordinators and members of the organisations that took part."""
    if _coordinator(user, meeting.province_id):
        return True
    return platform_organisations(user).filter(coordination_meetings=meeting).exists()


def _action_manage(user, item) -> bool:
    return _coordinator(user, item.meeting.province_id)


def _indicator_manage(user, _obj=None) -> bool:
    """Administrators define the indicators every province reports against (the Wagtail admin
    screens under "Ortak platform" ask the same rule)."""
    return staff_in_role(user, StaffRole.ADMIN)


# The rules of this app, registered from its ready().
RULES = {
    "indicator.manage": _indicator_manage,
    "platform.enter": _platform_enter,
    "activity.create": _activity_create,
    "activity.edit": _activity_edit,
    "activity.view": _activity_view,
    "project.propose": _project_propose,
    "project.manage": _project_manage,
    "project.view": _project_view,
    "project.contribute": _project_contribute,
    "project.files": _project_files,
    "project.join": _project_join,
    "partner.lead": _partner_lead,
    "partner.self": _partner_self,
    "partner.either": _partner_either,
    "report.edit": _report_edit,
    "report.view": _report_view,
    "report.reopen": _report_reopen,
    "province.coordinate": _province_coordinate,
    "meeting.view": _meeting_view,
    "action.manage": _action_manage,
}
