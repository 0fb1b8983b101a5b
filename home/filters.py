import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import AddictionType, Province, TargetGroup, WorkingArea

from .models.phases import Phase


class CampaignFilter(django_filters.FilterSet):
    """The campaign list's filters; every choice is in the URL, so a filtered list can be
    shared. Taxonomies are chosen by slug so the URL reads well. It filters the campaign pages
    it is given (``queryset``), so it names no model itself."""

    phase = django_filters.ChoiceFilter(
        label=_("Zaman"), choices=Phase.choices, method="filter_phase", empty_label=_("Tümü")
    )
    working_area = django_filters.ModelChoiceFilter(
        label=_("Çalışma alanı"),
        field_name="working_areas",
        to_field_name="slug",
        queryset=WorkingArea.objects.active(),
        empty_label=_("Tümü"),
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Hedef grup"),
        field_name="target_groups",
        to_field_name="slug",
        queryset=TargetGroup.objects.active(),
        empty_label=_("Tümü"),
    )
    addiction_type = django_filters.ModelChoiceFilter(
        label=_("Bağımlılık türü"),
        field_name="addiction_types",
        to_field_name="slug",
        queryset=AddictionType.objects.active(),
        empty_label=_("Tümü"),
    )
    province = django_filters.ModelChoiceFilter(
        label=_("İl"),
        queryset=Province.objects.alphabetical(),
        method="filter_province",
        empty_label=_("Tüm iller"),
        help_text=_("Tüm Türkiye'de yürütülen kampanyalar her ilde görünür."),
    )

    def filter_phase(self, queryset, name, value):
        return queryset.in_phase(value)

    def filter_province(self, queryset, name, value):
        return queryset.in_province(value)
