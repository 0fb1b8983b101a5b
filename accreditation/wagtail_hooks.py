from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import (
    ApplicationHistoryView,
    ApplicationIndexView,
    ApplicationInspectView,
    ApplicationUsageView,
    CertificateIndexView,
    ConsentTextCreateView,
    ImmutableEditView,
    InstanceRuleEditView,
    PersonalCertificateCreateView,
    RoleAssignmentCreateView,
    RoleAssignmentDeleteView,
    StandardCreateView,
    StandardEditView,
)
from .audit import ACTIONS
from .filters import ApplicationQueueFilter
from .models import (
    ActivityType,
    AddictionType,
    Application,
    Certificate,
    ConsentPurpose,
    ConsentText,
    Criterion,
    District,
    Province,
    RoleAssignment,
    Standard,
    SupportUnit,
    TargetGroup,
    WorkingArea,
)
from .permissions import RulePermissionPolicy

TERM_FIELDS = ["name", "name_en", "slug", "description", "sort_order", "is_active"]

# Which rule answers each admin action. Terms are retired (is_active) rather than deleted, and
# provinces and districts come from the reference data file, so nobody adds or deletes them.
REFERENCE_RULES = {"view": "staff.use", "add": "reference.manage", "change": "reference.manage"}
PLACE_RULES = {"view": "staff.use", "change": "reference.manage"}
ROLE_RULES = {"view": "roles.manage", "add": "roles.manage", "delete": "roles.manage"}
CONSENT_TEXT_RULES = {"view": "staff.use", "add": "reference.manage"}


class RuleViewSet(ModelViewSet):
    """A model viewset whose permissions come from ``accreditation.permissions``."""

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


class ApplicationViewSet(RuleViewSet):
    """The reviewer and coordinator workspace: queues by province, status and waiting time."""

    model = Application
    icon = "tasks"
    rules = {"view": "staff.use"}
    menu_label = _("Başvurular")
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["status"]
    list_display = [
        "organisation",
        "province_name",
        "status",
        "days_waiting",
        "is_overdue",
        "round",
    ]
    filterset_class = ApplicationQueueFilter
    list_export = [
        "organisation",
        "province_name",
        "status",
        "kind",
        "round",
        "days_waiting",
        "is_overdue",
        "submitted_at",
        "decided_at",
    ]
    export_filename = "basvurular"
    search_fields = ["organisation__legal_name"]
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    history_view_class = ApplicationHistoryView
    usage_view_class = ApplicationUsageView


class CertificateViewSet(RuleViewSet):
    model = Certificate
    icon = "doc-full"
    rules = {"view": "staff.use", "add": "certificate.issue_personal"}
    menu_label = _("Belgeler")
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["holder", "title", "hours", "issued_on"]
    add_view_class = PersonalCertificateCreateView
    edit_view_class = ImmutableEditView
    index_view_class = CertificateIndexView
    list_display = ["number", "kind", "tier", "status", "issued_on", "expires_on"]
    list_filter = ["kind", "status", "tier"]
    list_export = ["number", "kind", "tier", "status", "issued_on", "expires_on"]
    export_filename = "belgeler"
    search_fields = ["number", "title"]


STANDARD_RULES = {"view": "staff.use", "add": "standard.manage", "change": "standard.manage"}


class StandardForm(WagtailAdminModelForm):
    publish = forms.BooleanField(
        label=_("Bu sürümü yayımla"),
        required=False,
        help_text=_("Yayımlanan sürüm bir daha değiştirilemez; yeni başvurular onunla başlar."),
    )


class StandardViewSet(RuleViewSet):
    """Versions of the standard. "Add" copies the newest version into a draft; a draft's
    criteria are edited under Ölçütler; publishing freezes it."""

    model = Standard
    icon = "list-ol"
    rules = STANDARD_RULES
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["title", "title_en", "introduction", "introduction_en"]
    list_display = ["code", "version", "title", "published_at"]
    add_view_class = StandardCreateView
    edit_view_class = StandardEditView

    def get_form_class(self, for_update=False):
        if for_update:
            return forms.modelform_factory(Standard, form=StandardForm, fields=self.form_fields)
        return super().get_form_class(for_update)


class CriterionViewSet(RuleViewSet):
    model = Criterion
    icon = "list-ul"
    rules = {"view": "staff.use", "change": "standard.manage"}
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = [
        "title",
        "title_en",
        "guidance",
        "guidance_en",
        "required_evidence",
        "required_evidence_en",
        "levels",
        "weight",
        "mandatory",
    ]
    edit_view_class = InstanceRuleEditView
    list_display = ["code", "title", "weight", "mandatory", "group"]
    list_filter = ["group__standard", "mandatory"]
    search_fields = ["code", "title"]


class AccreditationGroup(ViewSetGroup):
    menu_label = _("Akreditasyon")
    menu_icon = "tick-inverse"
    menu_order = 200
    items = (ApplicationViewSet, CertificateViewSet, StandardViewSet, CriterionViewSet)


class PeopleGroup(ViewSetGroup):
    menu_label = _("Kişiler ve izinler")
    menu_icon = "user"
    menu_order = 810
    items = (RoleAssignmentViewSet, ConsentPurposeViewSet, ConsentTextViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [AccreditationGroup(), ReferenceDataGroup(), PeopleGroup()]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for code, label in ACTIONS.items():
        actions.register_action(code, label, label)
