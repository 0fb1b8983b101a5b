"""Accreditation's screens in the Wagtail admin: the application queue, certificates and the
standard's versions and criteria."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.base import ViewSetGroup

from core.admin_views import ImmutableEditView, InstanceRuleEditView
from core.viewsets import RuleViewSet

from .admin_views import (
    ApplicationHistoryView,
    ApplicationIndexView,
    ApplicationInspectView,
    ApplicationUsageView,
    CertificateIndexView,
    PersonalCertificateCreateView,
    StandardCreateView,
    StandardEditView,
)
from .filters import ApplicationQueueFilter
from .models import Application, Certificate, Criterion, Standard


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


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [AccreditationGroup()]
