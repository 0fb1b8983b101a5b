"""The one place that answers "may this user do X to this object?".

Rules are registered per action name; every view asks ``can()`` or ``require()``. Each app keeps
its rules in its ``permissions.py`` as a ``RULES`` mapping and registers them from its
``AppConfig.ready()``, so the core never imports the apps and no rule exists only because some
module happened to be imported.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Province, RoleAssignment, StaffRole

Rule = Callable[[Any, Any], bool]
_RULES: dict[str, Rule] = {}

STAFF_ROLES = frozenset(StaffRole)


def register_rules(rules: dict[str, Rule]) -> None:
    """Add an app's rules (action name → rule), from its ``AppConfig.ready()``. An action has
    exactly one rule: registering a name twice is a programming error."""
    for action, function in rules.items():
        if _RULES.get(action, function) is not function:
            raise ValueError(f"A rule for {action!r} is already registered.")
        _RULES[action] = function


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


def has_role(user, role: StaffRole, province: Province | int | None = None) -> bool:
    """True if the user holds ``role``; with a province, only if it covers that province."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and role == StaffRole.ADMIN:
        return True
    provinces = roles_of(user).get(role)
    if provinces is None:
        return False
    if province is None:
        return True
    province_id = province.pk if isinstance(province, Province) else province
    return None in provinces or province_id in provinces


def province_ids_for(user, role: StaffRole) -> set[int] | None:
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


def staff_in_role(user, *roles: StaffRole) -> bool:
    """Holds one of ``roles`` (anywhere) and has the second factor staff need."""
    return any(has_role(user, role) for role in roles) and staff_mfa_satisfied(user)


# --- Rules of the core -----------------------------------------------------------------------


def _staff_use(user, obj) -> bool:
    """Staff pages need a staff role and, for every staff member, a second factor."""
    return is_staff_member(user) and staff_mfa_satisfied(user)


def _roles_manage(user, obj) -> bool:
    return has_role(user, StaffRole.ADMIN) and staff_mfa_satisfied(user)


def _reference_manage(user, obj) -> bool:
    """Editors and administrators maintain taxonomies, consent texts and place names."""
    return staff_in_role(user, StaffRole.EDITOR, StaffRole.ADMIN)


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


# The rules this module answers, registered from the app's ready().
RULES = {
    "staff.use": _staff_use,
    "roles.manage": _roles_manage,
    "reference.manage": _reference_manage,
}
