"""Admin viewsets whose permissions come from the portal's rules (``core.permissions``).

Every app's admin screens build on ``RuleViewSet``, so the admin asks the same question as every
other view.
"""

from wagtail.admin.viewsets.model import ModelViewSet

from .permissions import RulePermissionPolicy

TERM_FIELDS = ["name", "name_en", "slug", "description", "sort_order", "is_active"]

# Which rule answers each admin action. Terms are retired (is_active) rather than deleted, and
# provinces and districts come from the reference data file, so nobody adds or deletes them.
REFERENCE_RULES = {"view": "staff.use", "add": "reference.manage", "change": "reference.manage"}
PLACE_RULES = {"view": "staff.use", "change": "reference.manage"}
ROLE_RULES = {"view": "roles.manage", "add": "roles.manage", "delete": "roles.manage"}
CONSENT_TEXT_RULES = {"view": "staff.use", "add": "reference.manage"}


class RuleViewSet(ModelViewSet):
    """A model viewset whose permissions come from ``core.permissions``."""

    rules: dict[str, str] = REFERENCE_RULES

    @property
    def permission_policy(self):
        return RulePermissionPolicy(self.model, self.rules)


class TermViewSet(RuleViewSet):
    form_fields = TERM_FIELDS
    list_display = ["name", "name_en", "is_active", "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en"]
    copy_view_enabled = False
    inspect_view_enabled = True
