"""Permission rules of organisations, applications, certificates and standards.

Registered with the core's rule registry from ``AccreditationConfig.ready()``.
"""

from core.models import StaffRole
from core.permissions import has_role, staff_mfa_satisfied

# --- Organisations ---------------------------------------------------------------------------


def membership_role(user, organisation) -> str | None:
    """The user's role in the organisation, or None. Cached per user object and organisation."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_portal_memberships", {})
    if organisation.pk not in cache:
        from .models import Membership

        cache[organisation.pk] = (
            Membership.objects.filter(organisation=organisation, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return cache[organisation.pk]


def _organisation_view_private(user, organisation) -> bool:
    """Members see their organisation's private pages; nobody else does."""
    return membership_role(user, organisation) is not None


def _organisation_edit(user, organisation) -> bool:
    return membership_role(user, organisation) in {"owner", "manager"}


def _organisation_manage_members(user, organisation) -> bool:
    """Inviting, changing roles, removing members and handing over ownership: the owner."""
    return membership_role(user, organisation) == "owner"


# --- Applications and certificates ------------------------------------------------------------


def _active_assignment(user, application):
    from .models import ReviewAssignment

    return ReviewAssignment.objects.filter(
        application=application, reviewer=user, state=ReviewAssignment.State.ACTIVE
    ).first()


def reviewed(user, application) -> bool:
    """Whether the person was ever a reviewer of the application (even if they recused)."""
    return application.assignments.filter(reviewer=user).exists()


def _application_edit(user, application) -> bool:
    """The applicant: the organisation's owner or managers."""
    return membership_role(user, application.organisation) in {"owner", "manager"}


def _application_screen(user, application) -> bool:
    """The coordinator of the organisation's province screens and assigns reviewers."""
    return has_role(user, StaffRole.COORDINATOR, application.organisation.province_id) and (
        staff_mfa_satisfied(user)
    )


def _application_review(user, application) -> bool:
    """Only a reviewer assigned to the application, who declared no conflict of interest."""
    return (
        has_role(user, StaffRole.REVIEWER, application.organisation.province_id)
        and staff_mfa_satisfied(user)
        and _active_assignment(user, application) is not None
    )


def _application_decide(user, application) -> bool:
    """A board member who assessed nothing of this application, is not a member of the
    organisation, and (on appeal) did not decide it before: ISO/IEC 17024 separation."""
    return (
        has_role(user, StaffRole.BOARD, application.organisation.province_id)
        and staff_mfa_satisfied(user)
        and not reviewed(user, application)
        and membership_role(user, application.organisation) is None
        and not application.earlier_deciders.filter(pk=user.pk).exists()
    )


def _application_view(user, application) -> bool:
    return (
        membership_role(user, application.organisation) is not None
        or _application_screen(user, application)
        or application.assignments.filter(reviewer=user).exclude(state="recused").exists()
        or (
            has_role(user, StaffRole.BOARD, application.organisation.province_id)
            and staff_mfa_satisfied(user)
        )
    )


def _certificate_manage(user, certificate) -> bool:
    """Suspending, reinstating and revoking: the accreditation board."""
    province = certificate.organisation.province_id if certificate.organisation_id else None
    return has_role(user, StaffRole.BOARD, province) and staff_mfa_satisfied(user)


def _certificate_issue_personal(user, obj) -> bool:
    return (
        has_role(user, StaffRole.ADMIN) or has_role(user, StaffRole.COORDINATOR)
    ) and staff_mfa_satisfied(user)


def _standard_manage(user, obj) -> bool:
    """The accreditation board and administrators maintain the standard; a published version is
    frozen (applications are judged against the version they started on)."""
    from .standards import is_draft_part

    allowed = (has_role(user, StaffRole.BOARD) or has_role(user, StaffRole.ADMIN)) and (
        staff_mfa_satisfied(user)
    )
    return allowed and (obj is None or is_draft_part(obj))


# The rules this module answers, registered from the app's ready().
RULES = {
    "organisation.view_private": _organisation_view_private,
    "organisation.edit": _organisation_edit,
    "organisation.manage_members": _organisation_manage_members,
    "application.edit": _application_edit,
    "application.screen": _application_screen,
    "application.review": _application_review,
    "application.decide": _application_decide,
    "application.view": _application_view,
    "certificate.manage": _certificate_manage,
    "certificate.issue_personal": _certificate_issue_personal,
    "standard.manage": _standard_manage,
}
