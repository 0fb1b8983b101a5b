import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    AccreditationStatus,
    AddictionType,
    District,
    Organisation,
    Province,
    TargetGroup,
    WorkingArea,
)

STATUS_CHOICES = [
    ("accredited", _("Akredite (tam ya da geçici)")),
    ("all", _("Tümü")),
    *[(s.value, s.label) for s in AccreditationStatus if s != AccreditationStatus.NONE],
    (AccreditationStatus.NONE.value, AccreditationStatus.NONE.label),
]


class OrganisationDirectoryFilter(django_filters.FilterSet):
    """The public directory. Without a status filter only accredited organisations show."""

    q = django_filters.CharFilter(label=_("Ad ile ara"), method="filter_q")
    province = django_filters.ModelChoiceFilter(
        label=_("İl"), queryset=Province.objects.alphabetical(), empty_label=_("Tüm iller")
    )
    district = django_filters.ModelChoiceFilter(
        label=_("İlçe"), queryset=District.objects.none(), empty_label=_("Tüm ilçeler")
    )
    working_area = django_filters.ModelChoiceFilter(
        label=_("Çalışma alanı"),
        field_name="working_areas",
        queryset=WorkingArea.objects.active(),
        empty_label=_("Tümü"),
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Hedef grup"),
        field_name="target_groups",
        queryset=TargetGroup.objects.active(),
        empty_label=_("Tümü"),
    )
    addiction_type = django_filters.ModelChoiceFilter(
        label=_("Bağımlılık türü"),
        field_name="addiction_types",
        queryset=AddictionType.objects.active(),
        empty_label=_("Tümü"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Akreditasyon durumu"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=None,
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("status", "accredited")
        super().__init__(data, *args, **kwargs)
        # Districts of the chosen province only; the whole list is too long to be useful.
        province = self.data.get("province")
        if province and str(province).isdigit():
            self.filters["district"].queryset = District.objects.filter(
                province_id=int(province)
            ).alphabetical()
        self.form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_status(self, queryset, name, value):
        if value == "accredited":
            return queryset.accredited()
        if value == "all":
            return queryset
        return queryset.filter(accreditation_status=value)
