"""Filters of the platform's activity list and its CSV: every choice is in the URL, so a
filtered list can be shared and the CSV holds what the list shows. A filter with a bad value is
left out and its field says why; the others still apply."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from core.models import ActivityType, AddictionType, District, Province, TargetGroup, WorkingArea

from .models import Activity, Project
from .permissions import platform_organisations

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


class _DateFilter(django_filters.DateFilter):
    field_class = forms.DateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DATE_WIDGET)
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "error_messages", {"invalid": _("Tarihi gün.ay.yıl biçiminde girin, ör. 21.11.2026.")}
        )
        super().__init__(*args, **kwargs)


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Metin ile ara"),
        method="filter_q",
        help_text=_("Başlıkta, açıklamada, yerde ve kuruluş adında arar."),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Kuruluş"),
        queryset=Organisation.objects.none(),
        empty_label=_("Tüm kuruluşlar"),
    )
    mine = django_filters.BooleanFilter(
        label=_("Yalnızca kuruluşlarımın faaliyetleri"),
        method="filter_mine",
        widget=forms.CheckboxInput,
    )
    activity_type = django_filters.ModelChoiceFilter(
        label=_("Faaliyet türü"),
        to_field_name="slug",
        queryset=ActivityType.objects.order_by("sort_order", "name"),
        empty_label=_("Tümü"),
    )
    working_area = django_filters.ModelChoiceFilter(
        label=_("Çalışma alanı"),
        to_field_name="slug",
        queryset=WorkingArea.objects.order_by("sort_order", "name"),
        empty_label=_("Tümü"),
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Hedef grup"),
        field_name="target_groups",
        to_field_name="slug",
        queryset=TargetGroup.objects.order_by("sort_order", "name"),
        empty_label=_("Tümü"),
    )
    addiction_type = django_filters.ModelChoiceFilter(
        label=_("Bağımlılık türü"),
        field_name="addiction_types",
        to_field_name="slug",
        queryset=AddictionType.objects.order_by("sort_order", "name"),
        empty_label=_("Tümü"),
    )
    province = django_filters.ModelChoiceFilter(
        label=_("İl"), queryset=Province.objects.alphabetical(), empty_label=_("Tüm iller")
    )
    district = django_filters.ModelChoiceFilter(
        label=_("İlçe"),
        queryset=District.objects.none(),
        empty_label=_("Tüm ilçeler"),
        help_text=_("Önce il seçip süzün; o ilin ilçeleri listelenir."),
    )
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Activity.Status.choices, empty_label=_("Tümü")
    )
    visibility = django_filters.ChoiceFilter(
        label=_("Görünürlük"), choices=Activity.Visibility.choices, empty_label=_("Tümü")
    )
    date_from = _DateFilter(
        label=_("Bu tarihten"),
        method="filter_date_from",
        help_text=_("Bu günde ya da sonrasında süren faaliyetler."),
    )
    date_to = _DateFilter(
        label=_("Bu tarihe kadar"),
        method="filter_date_to",
        help_text=_("Bu güne kadar başlayan faaliyetler."),
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Bağlı ortak proje"),
        queryset=Project.objects.order_by("title", "pk"),
        empty_label=_("Tümü"),
    )

    class Meta:
        model = Activity
        fields: list[str] = []

    def __init__(self, data=None, *args, user=None, **kwargs):
        data = data.copy() if data is not None else None
        super().__init__(data, *args, **kwargs)
        self.user = user
        self.filters["organisation"].queryset = Organisation.objects.filter(
            pk__in=Activity.objects.values("organisation_id")
        ).alphabetical()
        if user is None or not platform_organisations(user).exists():
            self.filters.pop("mine")
        # Districts of the chosen province only; a district left over from another province
        # (the province was changed without JavaScript) is dropped, not reported as an error.
        province = self.data.get("province") if self.data else None
        if (
            province
            and str(province).isascii()
            and str(province).isdigit()
            and int(province) < 1000
        ):
            districts = District.objects.filter(province_id=int(province)).alphabetical()
            self.filters["district"].queryset = districts
            self.filters["district"].extra["help_text"] = ""
            district = self.data.get("district")
            if district and not (
                str(district).isascii()
                and str(district).isdigit()
                and int(district) < 2**31
                and districts.filter(pk=int(district)).exists()
            ):
                self.data.pop("district", None)
        elif self.data and "district" in self.data:
            self.data.pop("district", None)

    @property
    def qs(self):
        """Bad values drop out of the filter (their fields show why); the rest still apply."""
        if not hasattr(self, "_qs"):
            queryset = self.queryset.all()
            if self.is_bound:
                self.form.is_valid()
                for name, value in self.form.cleaned_data.items():
                    if name in self.form.errors:
                        continue
                    queryset = self.filters[name].filter(queryset, value)
            # One target group or addiction type at a time joins at most one row each.
            self._qs = queryset
        return self._qs

    def filter_q(self, queryset, name, value):
        text = " ".join((value or "").split())
        if not text:
            return queryset
        return queryset.filter(
            Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(venue__icontains=text)
            | Q(partner_institutions__icontains=text)
            | Q(organisation__legal_name__icontains=text)
            | Q(organisation__short_name__icontains=text)
        )

    def filter_mine(self, queryset, name, value):
        if not value or self.user is None:
            return queryset
        return queryset.filter(organisation__in=platform_organisations(self.user))

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(ends_on__gte=value)

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(starts_on__lte=value)
