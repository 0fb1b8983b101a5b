"""The shared platform's screens in the Wagtail admin, under "Ortak platform": performance
indicators (defined by administrators; coordinators set targets and manual values on the
platform's own pages), and the public province figures (service figures from the official
booklets, populations) that administrators may correct."""

from django.core.exceptions import ValidationError
from django.forms.models import modelform_factory
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import RuleViewSet

from . import indicators  # noqa: F401  (registers the "indicator.manage" rule)
from .models import Indicator, ProvincePopulation, ServiceFigure

# Indicators are retired (``is_active``) rather than deleted: targets, values and action items
# refer to them.
INDICATOR_RULES = {"view": "staff.use", "add": "indicator.manage", "change": "indicator.manage"}
FIGURE_RULES = {"view": "staff.use", "change": "indicator.manage"}
POPULATION_RULES = {
    "view": "staff.use",
    "add": "indicator.manage",
    "change": "indicator.manage",
    "delete": "indicator.manage",
}


class IndicatorForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") == Indicator.Method.MANUAL and cleaned.get("activity_type"):
            self.add_error(
                "activity_type",
                ValidationError(
                    _("Elle girilen bir gösterge için faaliyet türü seçilmez; boş bırakın.")
                ),
            )
        area = cleaned.get("working_area")
        if area is not None and not area.is_active and self.instance.pk is None:
            self.add_error("working_area", _("Kullanımda olmayan bir çalışma alanı seçilemez."))
        return cleaned


class IndicatorViewSet(RuleViewSet):
    model = Indicator
    rules = INDICATOR_RULES
    icon = "table"
    menu_label = _("Performans göstergeleri")
    form_fields = [
        "name",
        "name_en",
        "working_area",
        "unit",
        "unit_en",
        "method",
        "activity_type",
        "description",
        "sort_order",
        "is_active",
    ]
    list_display = ["name", "working_area", "method", "unit", "is_active"]
    list_filter = ["working_area", "method", "is_active"]
    search_fields = ["name", "name_en"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=IndicatorForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )


class ServiceFigureViewSet(RuleViewSet):
    """Figures come from ``load_service_figures``; an administrator may correct one."""

    model = ServiceFigure
    rules = FIGURE_RULES
    icon = "doc-full"
    menu_label = _("İl hizmet verileri")
    form_fields = ["label", "label_en", "unit", "value", "as_of", "source", "sort_order"]
    list_display = ["label", "province", "program_area", "value", "as_of"]
    list_filter = ["province", "program_area"]
    search_fields = ["label", "label_en", "key"]
    copy_view_enabled = False
    inspect_view_enabled = True


class ProvincePopulationViewSet(RuleViewSet):
    model = ProvincePopulation
    rules = POPULATION_RULES
    icon = "group"
    menu_label = _("İl nüfusları")
    form_fields = ["province", "population", "year", "source"]
    list_display = ["province", "population", "year", "source"]
    search_fields = ["source"]
    copy_view_enabled = False


class CooperationGroup(ViewSetGroup):
    menu_label = _("Ortak platform")
    menu_icon = "table"
    menu_order = 820
    items = (IndicatorViewSet, ServiceFigureViewSet, ProvincePopulationViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CooperationGroup()
