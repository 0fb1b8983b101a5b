import datetime as dt

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import District, Province, TargetGroup, WorkingArea

from .models import Event


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


class EventFilter(django_filters.FilterSet):
    """The public event list's filters; every choice is in the URL, so a filtered list can be
    shared and the calendar view keeps it. A filter with a bad value is left out and its
    field shows why; the others still apply."""

    date_from = django_filters.DateFilter(
        label=_("Başlangıç tarihi"),
        method="filter_date_from",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Bu günden itibaren süren etkinlikler."),
    )
    date_to = django_filters.DateFilter(
        label=_("Bitiş tarihi"),
        method="filter_date_to",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Bu güne kadar başlayan etkinlikler."),
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
    kind = django_filters.ChoiceFilter(
        label=_("Etkinlik türü"), choices=Event.Kind.choices, empty_label=_("Tümü")
    )
    working_area = django_filters.ModelChoiceFilter(
        label=_("Çalışma alanı"),
        to_field_name="slug",
        queryset=WorkingArea.objects.active(),
        empty_label=_("Tümü"),
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Hedef grup"),
        to_field_name="slug",
        queryset=TargetGroup.objects.active(),
        empty_label=_("Tümü"),
    )
    free = django_filters.BooleanFilter(
        label=_("Yalnızca boş yeri olanlar"),
        method="filter_free",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else None
        super().__init__(data, *args, **kwargs)
        # Districts of the chosen province only. A district left over from another province
        # (the province was changed without JavaScript) is dropped, not reported as an error.
        province = self.data.get("province") if self.data else None
        if province and str(province).isdigit() and int(province) < 1000:
            districts = District.objects.filter(province_id=int(province)).alphabetical()
            self.filters["district"].queryset = districts
            self.filters["district"].extra["help_text"] = ""
            district = self.data.get("district")
            if district and not (
                str(district).isdigit()
                and int(district) < 2**31
                and districts.filter(pk=int(district)).exists()
            ):
                self.data.pop("district", None)
        elif self.data and "district" in self.data:
            self.data.pop("district", None)

    def filter_queryset(self, queryset):
        # Without a start date, only events that are not over yet.
        if not (self.is_bound and self.form.cleaned_data.get("date_from")):
            queryset = queryset.filter(ends_at__gte=timezone.now())
        return super().filter_queryset(queryset)

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(ends_at__gt=_day_start(value))

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(starts_at__lt=_day_start(value + dt.timedelta(days=1)))

    def filter_free(self, queryset, name, value):
        return queryset.filter(has_free_places=True) if value else queryset


class EventCalendarFilter(EventFilter):
    """The same filters for the month calendar; the month takes the place of the dates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("date_from")
        self.filters.pop("date_to")

    def filter_queryset(self, queryset):
        return django_filters.FilterSet.filter_queryset(self, queryset)
