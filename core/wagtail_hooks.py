"""The kernel's screens in the Wagtail admin: reference data, people and permissions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin_views import (
    ConsentTextCreateView,
    ImmutableEditView,
    RoleAssignmentCreateView,
    RoleAssignmentDeleteView,
)
from .audit import ACTIONS
from .models import (
    ActivityType,
    AddictionType,
    ConsentPurpose,
    ConsentText,
    District,
    Province,
    RoleAssignment,
    SupportUnit,
    TargetGroup,
    WorkingArea,
)
from .viewsets import (
    CONSENT_TEXT_RULES,
    PLACE_RULES,
    ROLE_RULES,
    TERM_FIELDS,
    RuleViewSet,
    TermViewSet,
)


class WorkingAreaViewSet(TermViewSet):
    model = WorkingArea
    icon = "folder-open-inverse"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"
    form_fields = TERM_FIELDS + ["is_sensitive"]
    list_display = ["name", "name_en", "is_sensitive", "is_active"]


class AddictionTypeViewSet(TermViewSet):
    model = AddictionType
    icon = "warning"


class ActivityTypeViewSet(TermViewSet):
    model = ActivityType
    icon = "tasks"


class ProvinceViewSet(RuleViewSet):
    model = Province
    rules = PLACE_RULES
    icon = "site"
    form_fields = ["name"]
    list_display = ["code", "name"]
    search_fields = ["name"]
    copy_view_enabled = False
    inspect_view_enabled = True


class DistrictViewSet(RuleViewSet):
    model = District
    rules = PLACE_RULES
    icon = "site"
    form_fields = ["province", "name", "slug"]
    list_display = ["name", "province"]
    list_filter = ["province"]
    search_fields = ["name"]
    copy_view_enabled = False


class SupportUnitViewSet(RuleViewSet):
    """Counselling units and treatment centres visitors are signposted to."""

    model = SupportUnit
    icon = "warning"
    form_fields = [
        "kind",
        "name",
        "province",
        "district",
        "address",
        "phone",
        "website",
        "is_active",
    ]
    list_display = ["name", "kind", "province", "is_active"]
    list_filter = ["kind", "province", "is_active"]
    search_fields = ["name", "address"]
    copy_view_enabled = False


class ReferenceDataGroup(ViewSetGroup):
    menu_label = _("Referans veriler")
    menu_icon = "list-ul"
    menu_order = 800
    items = (
        WorkingAreaViewSet,
        TargetGroupViewSet,
        AddictionTypeViewSet,
        ActivityTypeViewSet,
        ProvinceViewSet,
        DistrictViewSet,
        SupportUnitViewSet,
    )


class ConsentPurposeViewSet(RuleViewSet):
    model = ConsentPurpose
    icon = "doc-full"
    form_fields = ["key", "name", "name_en", "is_active", "sort_order"]
    list_display = ["name", "key", "is_active"]
    copy_view_enabled = False


class ConsentTextViewSet(RuleViewSet):
    model = ConsentText
    rules = CONSENT_TEXT_RULES
    icon = "doc-full-inverse"
    form_fields = ["purpose", "body", "body_en"]
    list_display = ["purpose", "version", "created_at"]
    list_filter = ["purpose"]
    add_view_class = ConsentTextCreateView
    edit_view_class = ImmutableEditView
    copy_view_enabled = False
    inspect_view_enabled = True


class RoleAssignmentViewSet(RuleViewSet):
    model = RoleAssignment
    rules = ROLE_RULES
    icon = "user"
    form_fields = ["user", "role", "province"]
    list_display = ["user", "role", "province", "granted_at"]
    list_filter = ["role", "province"]
    add_view_class = RoleAssignmentCreateView
    edit_view_class = ImmutableEditView
    delete_view_class = RoleAssignmentDeleteView
    copy_view_enabled = False


class PeopleGroup(ViewSetGroup):
    menu_label = _("Kişiler ve izinler")
    menu_icon = "user"
    menu_order = 810
    items = (RoleAssignmentViewSet, ConsentPurposeViewSet, ConsentTextViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ReferenceDataGroup(), PeopleGroup()]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for code, label in ACTIONS.items():
        actions.register_action(code, label, label)
