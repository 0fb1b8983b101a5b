import datetime

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from accreditation.models import AccreditationStatus, Application, Organisation
from core.models import AddictionType, District, Province, TargetGroup, WorkingArea

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


class ApplicationQueueFilter(WagtailFilterSet):
    """The staff queue in the admin: by status, province, kind, waiting time and overdue."""

    overdue = django_filters.BooleanFilter(label=_("Gecikmede"), method="filter_overdue")
    waiting_days = django_filters.NumberFilter(
        label=_("En az şu kadar gündür bekleyen"), method="filter_waiting_days", min_value=0
    )

    class Meta:
        model = Application
        fields = ["status", "organisation__province", "kind"]

    def filter_overdue(self, queryset, name, value):
        now = timezone.now()
        late = Q(pk__in=[])
        for status, days in settings.PORTAL_STEP_LIMIT_DAYS.items():
            late |= Q(status=status, status_changed_at__lt=now - datetime.timedelta(days=days))
        return queryset.filter(late) if value else queryset.exclude(late)

    def filter_waiting_days(self, queryset, name, value):
        since = timezone.now() - datetime.timedelta(days=int(value))
        return queryset.filter(status_changed_at__lte=since)
