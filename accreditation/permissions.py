"""The one place that answers "may this user do X to this object?".

Rules are registered per action name; every view asks ``can()`` or ``require()``. Other apps
register their own rules in their ``permissions.py`` (imported from ``AppConfig.ready``), so the
core never imports them.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Province, Role, RoleAssignment

Rule = Callable[[Any, Any], bool]
_RULES: dict[str, Rule] = {}

STAFF_ROLES = frozenset(Role)


def rule(action: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        if action in _RULES:
            raise ValueError(f"A rule for {action!r} is already registered.")
        _RULES[action] = function
        return function

    return register


def can(user, action: str, obj: Any = None) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    try:
        check = _RULES[action]
    except KeyError:
        raise ValueError(f"No permission rule is registered for {action!r}.") from None
    return bool(check(user, obj))


def require(user, action: str, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(action)


# --- Roles -----------------------------------------------------------------------------------


def roles_of(user) -> dict[str, set[int | None]]:
    """The user's roles with the provinces each covers (None means nationwide).

    Cached on the user object for the request, so permission checks in one page cost one query.
    """
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = {}
        for role, province_id in RoleAssignment.objects.for_user(user).values_list(
            "role", "province_id"
        ):
            cached.setdefault(role, set()).add(province_id)
        user._portal_roles = cached
    return cached


def has_role(user, role: Role, province: Province | int | None = None) -> bool:
    """True if the user holds ``role``; with a province, only if it covers that province."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and role == Role.ADMIN:
        return True
    provinces = roles_of(user).get(role)
    if provinces is None:
        return False
    if province is None:
        return True
    province_id = province.pk if isinstance(province, Province) else province
    return None in provinces or province_id in provinces


def province_ids_for(user, role: Role) -> set[int] | None:
    """Province ids the user covers in ``role``; None for nationwide; empty set for none."""
    provinces = roles_of(user).get(role, set())
    if None in provinces:
        return None
    return {p for p in provinces if p is not None}


def is_staff_member(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.is_staff or roles_of(user)))


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_exempt(user) -> bool:
    domains = getattr(settings, "PORTAL_MFA_EXEMPT_EMAIL_DOMAINS", [])
    return bool(domains) and user.email.rsplit("@", 1)[-1].lower() in domains


def staff_mfa_satisfied(user) -> bool:
    if not settings.PORTAL_STAFF_MFA_REQUIRED or mfa_exempt(user):
        return True
    return has_mfa(user)


def staff_in_role(user, *roles: Role) -> bool:
    """Holds one of ``roles`` (anywhere) and has the second factor staff need."""
    return any(has_role(user, role) for role in roles) and staff_mfa_satisfied(user)


# --- Rules of the core -----------------------------------------------------------------------


@rule("staff.use")
def _staff_use(user, obj) -> bool:
    """Staff pages need a staff role and, for every staff member, a second factor."""
    return is_staff_member(user) and staff_mfa_satisfied(user)


@rule("roles.manage")
def _roles_manage(user, obj) -> bool:
    return has_role(user, Role.ADMIN) and staff_mfa_satisfied(user)


@rule("reference.manage")
def _reference_manage(user, obj) -> bool:
    """Editors and administrators maintain taxonomies, consent texts and place names."""
    return staff_in_role(user, Role.EDITOR, Role.ADMIN)


class RulePermissionPolicy(BasePermissionPolicy):
    """A Wagtail permission policy that decides through the rules above.

    ``rules`` maps Wagtail's actions ("add", "change", "delete", "view", …) to rule names; an
    action without a rule is refused to everyone, so the admin screens ask the same question as
    every other view.
    """

    def __init__(self, model, rules: dict[str, str]):
        super().__init__(model)
        self.rules = rules

    def user_has_permission(self, user, action: str) -> bool:
        rule_name = self.rules.get(action)
        return rule_name is not None and can(user, rule_name)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        rule_name = self.rules.get(action)
        return rule_name is not None and can(user, rule_name, instance)

    def users_with_any_permission(self, actions):
        from .models import User

        candidates = (
            User.objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(role_assignments__isnull=False))
            .distinct()
        )
        allowed = [
            user.pk
            for user in candidates
            if any(self.user_has_permission(user, action) for action in actions)
        ]
        return User.objects.filter(pk__in=allowed)


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


@rule("organisation.view_private")
def _organisation_view_private(user, organisation) -> bool:
    """Members see their organisation's private pages; nobody else does."""
    return membership_role(user, organisation) is not None


@rule("organisation.edit")
def _organisation_edit(user, organisation) -> bool:
    return membership_role(user, organisation) in {"owner", "manager"}


@rule("organisation.manage_members")
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


@rule("application.edit")
def _application_edit(user, application) -> bool:
    """The applicant: the organisation's owner or managers."""
    return membership_role(user, application.organisation) in {"owner", "manager"}


@rule("application.screen")
def _application_screen(user, application) -> bool:
    """The coordinator of the organisation's province screens and assigns reviewers."""
    return has_role(user, Role.COORDINATOR, application.organisation.province_id) and (
        staff_mfa_satisfied(user)
    )


@rule("application.review")
def _application_review(user, application) -> bool:
    """Only a reviewer assigned to the application, who declared no conflict of interest."""
    return (
        has_role(user, Role.REVIEWER, application.organisation.province_id)
        and staff_mfa_satisfied(user)
        and _active_assignment(user, application) is not None
    )


@rule("application.decide")
def _application_decide(user, application) -> bool:
    """A board member who assessed nothing of this application, is not a member of the
    organisation, and (on appeal) did not decide it before: ISO/IEC 17024 separation."""
    return (
        has_role(user, Role.BOARD, application.organisation.province_id)
        and staff_mfa_satisfied(user)
        and not reviewed(user, application)
        and membership_role(user, application.organisation) is None
        and not application.earlier_deciders.filter(pk=user.pk).exists()
    )


@rule("application.view")
def _application_view(user, application) -> bool:
    return (
        membership_role(user, application.organisation) is not None
        or _application_screen(user, application)
        or application.assignments.filter(reviewer=user).exclude(state="recused").exists()
        or (
            has_role(user, Role.BOARD, application.organisation.province_id)
            and staff_mfa_satisfied(user)
        )
    )


@rule("certificate.manage")
def _certificate_manage(user, certificate) -> bool:
    """Suspending, reinstating and revoking: the accreditation board."""
    province = certificate.organisation.province_id if certificate.organisation_id else None
    return has_role(user, Role.BOARD, province) and staff_mfa_satisfied(user)


@rule("certificate.issue_personal")
def _certificate_issue_personal(user, obj) -> bool:
    return (has_role(user, Role.ADMIN) or has_role(user, Role.COORDINATOR)) and staff_mfa_satisfied(
        user
    )


@rule("standard.manage")
def _standard_manage(user, obj) -> bool:
    """The accreditation board and administrators maintain the standard; a published version is
    frozen (applications are judged against the version they started on)."""
    from .standards import is_draft_part

    allowed = (has_role(user, Role.BOARD) or has_role(user, Role.ADMIN)) and (
        staff_mfa_satisfied(user)
    )
    return allowed and (obj is None or is_draft_part(obj))
