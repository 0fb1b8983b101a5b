"""Forms of the quarterly reports and of the coordinators' targets and indicator values."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DecimalCommaField

from ..models import QUARTERS

NUMBER_ERRORS = {
    "invalid": _("Bir tam sayı girin."),
    "min_value": _("Sayılar sıfırdan küçük olamaz."),
    "max_value": _("Bu sayı çok büyük."),
}
DECIMAL_ERRORS = {
    "invalid": _("Bir sayı girin (ondalık ayıracı olarak virgül ya da nokta)."),
    "min_value": _("Değer sıfırdan küçük olamaz."),
    "max_digits": _("Bu sayı çok büyük."),
    "max_decimal_places": _("En fazla bir ondalık basamak girin."),
    "max_whole_digits": _("Bu sayı çok büyük."),
}


def _decimal_field(**kwargs) -> DecimalCommaField:
    """A non-negative number with one decimal place, in the report tables' narrow inputs."""
    kwargs.setdefault("max_digits", 14)
    kwargs.setdefault("decimal_places", 1)
    kwargs.setdefault("min_value", Decimal("0"))
    kwargs.setdefault("error_messages", DECIMAL_ERRORS)
    kwargs.setdefault(
        "widget", forms.TextInput(attrs={"inputmode": "decimal", "size": 8, "class": "number"})
    )
    return DecimalCommaField(**kwargs)


def _count_field(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        # The column's limit, so any total computed from activities can be kept as it is.
        max_value=2_147_483_647,
        required=False,
        error_messages=NUMBER_ERRORS,
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
    )


class ReportStartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Kuruluş"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Listeden kuruluşunuzu seçin.")},
    )
    year = forms.IntegerField(
        label=_("Yıl"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Yılı girin."),
            "invalid": _("Yılı dört haneli sayı olarak girin, ör. 2026."),
            "min_value": _("Geçerli bir yıl girin."),
            "max_value": _("Geçerli bir yıl girin."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    quarter = forms.TypedChoiceField(
        label=_("Çeyrek"),
        choices=QUARTERS,
        coerce=int,
        error_messages={
            "required": _("Çeyreği seçin."),
            "invalid_choice": _("Listeden bir çeyrek seçin."),
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("auto_id", "start_%s")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].label_from_instance = lambda o: o.display_name


class ReportForm(forms.Form):
    """The report's narrative. "Öne çıkanlar" may stay empty in a draft; sending requires it."""

    highlights = forms.CharField(
        label=_("Öne çıkanlar"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Çeyreğin en önemli çalışmaları ve sonuçları. İl raporunda kuruluşunuzun adıyla "
            "yer alabilir; kişilerin adlarını ya da tanınmalarını sağlayacak bilgileri yazmayın."
        ),
    )
    challenges = forms.CharField(
        label=_("Karşılaşılan güçlükler"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    next_steps = forms.CharField(
        label=_("Gelecek çeyrek planları"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReportLineForm(forms.Form):
    """One working area's figures; the prefix carries the working area."""

    activities = _count_field(_("Tamamlanan faaliyet"))
    people_reached = _count_field(_("Ulaşılan kişi"))
    services_delivered = _count_field(_("Sunulan hizmet"))
    participants = _count_field(_("Katılımcı"))
    volunteers = _count_field(_("Gönüllü sayısı"))
    volunteer_hours = _decimal_field(
        label=_("Gönüllü saati"), required=False, max_digits=9, decimal_places=1
    )

    def __init__(self, *args, working_area, computed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.working_area = working_area
        self.computed = computed or {}

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) or 0 for name in self.fields}


def line_forms(working_areas, *, lines, computed, data=None) -> list[ReportLineForm]:
    """One form per working area: the report's saved line as initial values (or zeros)."""
    saved = {line.working_area_id: line for line in lines}
    forms_ = []
    for area in working_areas:
        line = saved.get(area.pk)
        initial = {}
        if line is not None:
            initial = {name: getattr(line, name) for name in ReportLineForm.base_fields}
        forms_.append(
            ReportLineForm(
                data,
                prefix=f"area-{area.pk}",
                initial=initial,
                working_area=area,
                computed=computed.get(area.pk),
            )
        )
    return forms_


class ReasonForm(forms.Form):
    note = forms.CharField(
        label=_("Geri açma gerekçesi"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kuruluşa e-postayla iletilir: neyin düzeltilmesi gerektiğini yazın."),
        error_messages={"required": _("Gerekçeyi yazın.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reopen_%s")
        super().__init__(*args, **kwargs)

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise ValidationError(_("Gerekçeyi yazın."))
        return note


class YearForm(forms.Form):
    """The year a coordinator's grid shows (GET)."""

    year = forms.IntegerField(
        label=_("Yıl"),
        min_value=2000,
        max_value=2100,
        required=False,
        error_messages={
            "invalid": _("Yılı dört haneli sayı olarak girin, ör. 2026."),
            "min_value": _("Geçerli bir yıl girin."),
            "max_value": _("Geçerli bir yıl girin."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "period_%s")
        super().__init__(*args, **kwargs)

    def chosen_year(self) -> int:
        if self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return timezone.localdate().year


class PeriodForm(YearForm):
    """A year and a quarter (GET), for "who has reported"."""

    quarter = forms.TypedChoiceField(
        label=_("Çeyrek"),
        choices=[("", _("Son biten çeyrek")), *QUARTERS],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Listeden bir çeyrek seçin.")},
    )


def grid_key(prefix: str, indicator_id: int, quarter: int) -> str:
    return f"{prefix}-{indicator_id}-{quarter}"


class TargetGridForm(forms.Form):
    """Targets of every indicator in the four quarters of a year: ``t-<indicator>-<quarter>``.
    An empty box removes the target."""

    def __init__(self, *args, indicators, initial_values, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            for quarter in range(1, 5):
                key = grid_key("t", indicator.pk, quarter)
                self.fields[key] = _decimal_field(
                    label=_("%(indicator)s, %(quarter)s. çeyrek hedefi")
                    % {"indicator": indicator.label, "quarter": quarter},
                    required=False,
                )
                self.initial[key] = initial_values.get((indicator.pk, quarter))

    def changed_cells(self):
        """(indicator, quarter, value) for every box whose value changed."""
        for indicator in self.indicators:
            for quarter in range(1, 5):
                key = grid_key("t", indicator.pk, quarter)
                if key in self.changed_data:
                    yield indicator, quarter, self.cleaned_data.get(key)


class ValueGridForm(forms.Form):
    """Hand-entered values of manual indicators: ``v-<indicator>-<quarter>`` and the source
    ``s-<indicator>-<quarter>``. Quarters that have not begun are not offered."""

    def __init__(self, *args, indicators, year, saved, open_quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.open_quarters = list(open_quarters)
        for indicator in self.indicators:
            for quarter in self.open_quarters:
                value_key = grid_key("v", indicator.pk, quarter)
                source_key = grid_key("s", indicator.pk, quarter)
                self.fields[value_key] = _decimal_field(
                    label=_("Değer (%(quarter)s. çeyrek)") % {"quarter": quarter},
                    required=False,
                )
                self.fields[source_key] = forms.CharField(
                    label=_("Kaynak (%(quarter)s. çeyrek)") % {"quarter": quarter},
                    required=False,
                    max_length=300,
                )
                record = saved.get((indicator.pk, quarter))
                if record is not None:
                    self.initial[value_key] = record.value
                    self.initial[source_key] = record.source

    def cell(self, indicator, quarter):
        return (
            self[grid_key("v", indicator.pk, quarter)],
            self[grid_key("s", indicator.pk, quarter)],
        )

    def changed_cells(self):
        for indicator in self.indicators:
            for quarter in self.open_quarters:
                value_key = grid_key("v", indicator.pk, quarter)
                source_key = grid_key("s", indicator.pk, quarter)
                if value_key in self.changed_data or source_key in self.changed_data:
                    yield (
                        indicator,
                        quarter,
                        self.cleaned_data.get(value_key),
                        self.cleaned_data.get(source_key, ""),
                    )
