"""Forms of the organisations' volunteering pages. They parse what was typed; the rules that
need the database (accreditation, places already held, the hard matching rules) are the
services'."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, DecimalCommaField, DistrictChoiceField
from core.models import Province, TargetGroup, WorkingArea
from core.models.places import district_outside_province

from ..availability import DAYS, PARTS, mask_from_keys, slot_choices, slot_keys
from ..models import Language, Program, Skill, Training
from . import common
from .common import ReasonForm

SCHEDULE_REQUIRED = _("En az bir gün ve saat dilimi seçin.")


def _with_current(queryset, current_ids):
    """Active terms, plus those already chosen (a retired term stays selectable on records
    that have it, so saving an unchanged form never fails)."""
    current_ids = [pk for pk in current_ids if pk]
    if current_ids:
        return queryset.model.objects.filter(pk__in=current_ids) | queryset
    return queryset


def _clean_line(value: str) -> str:
    return " ".join((value or "").split())


# --- Programs ---------------------------------------------------------------------------------


class ScheduleField(forms.MultipleChoiceField):
    """The days and parts of the day a program meets, as "day-part" keys; rendered as a grid of
    seven days by morning, afternoon and evening (``ProgramForm.schedule_rows``), like the
    volunteer's availability."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=slot_choices, **kwargs)


class ProgramForm(forms.Form):
    title = forms.CharField(
        label=_("Programın adı"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Programın adını yazın.")},
    )
    aims = forms.CharField(
        label=_("Amaçlar"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Programın neyi değiştirmek istediğini birkaç cümleyle yazın."),
        error_messages={"required": _("Programın amaçlarını yazın.")},
    )
    description = forms.CharField(
        label=_("Açıklama"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Programı gönüllülere anlatın. Programa katılan kişilerin adlarını ya da "
            "kimliklerini ortaya koyacak bilgi yazmayın."
        ),
    )
    working_area = forms.ModelChoiceField(
        label=_("Çalışma alanı"),
        queryset=WorkingArea.objects.none(),
        error_messages={"required": _("Çalışma alanını seçin.")},
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Hedef gruplar"),
        queryset=TargetGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    province = forms.ModelChoiceField(
        label=_("İl"),
        queryset=Province.objects.none(),
        error_messages={"required": _("Programın yapıldığı ili seçin.")},
    )
    district = DistrictChoiceField(
        label=_("İlçe"),
        required=False,
        help_text=_("Çevrim içi programlarda boş bırakabilirsiniz."),
    )
    is_online = forms.BooleanField(label=_("Çevrim içi program"), required=False)
    schedule = ScheduleField(
        label=_("Buluşma zamanları"),
        help_text=_("Programın her hafta buluştuğu gün ve saat dilimlerini işaretleyin."),
        error_messages={"required": SCHEDULE_REQUIRED},
    )
    schedule_note = forms.CharField(
        label=_("Zaman açıklaması"),
        max_length=200,
        required=False,
        help_text=_("Ör. “Her salı 18.00–20.00, iki haftada bir cumartesi sabahı”."),
    )
    starts_on = DateField(
        label=_("Başlangıç tarihi"), error_messages={"required": _("Başlangıç tarihini girin.")}
    )
    ends_on = DateField(
        label=_("Bitiş tarihi"),
        required=False,
        help_text=_("Süresi belli değilse boş bırakın."),
    )

    FIELDSETS = [
        (_("Program"), ["title", "aims", "description", "working_area", "target_groups"]),
        (_("Yer"), ["province", "district", "is_online"]),
        (_("Zaman"), ["schedule_note", "starts_on", "ends_on"]),
    ]

    def __init__(self, *args, program: Program | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current_area = program.working_area_id if program and program.pk else None
        current_groups = (
            list(program.target_groups.values_list("pk", flat=True))
            if (program and program.pk)
            else []
        )
        self.fields["working_area"].queryset = _with_current(
            WorkingArea.objects.active(), [current_area]
        ).order_by("sort_order", "name")
        self.fields["target_groups"].queryset = _with_current(
            TargetGroup.objects.active(), current_groups
        ).order_by("sort_order", "name")
        self.fields["province"].queryset = Province.objects.alphabetical()

    @classmethod
    def initial_for(cls, program: Program) -> dict:
        initial = {
            "title": program.title,
            "aims": program.aims,
            "description": program.description,
            "working_area": program.working_area_id,
            "province": program.province_id,
            "district": program.district_id,
            "is_online": program.is_online,
            "schedule": slot_keys(program.schedule or 0),
            "schedule_note": program.schedule_note,
            "starts_on": program.starts_on,
            "ends_on": program.ends_on,
        }
        if program.pk:
            initial["target_groups"] = list(program.target_groups.values_list("pk", flat=True))
        return initial

    def clean_title(self) -> str:
        title = _clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Programın adını yazın."))
        return title

    def clean_aims(self) -> str:
        aims = self.cleaned_data["aims"].strip()
        if not aims:
            raise forms.ValidationError(_("Programın amaçlarını yazın."))
        return aims

    def clean_schedule_note(self) -> str:
        return _clean_line(self.cleaned_data["schedule_note"])

    def clean(self):
        cleaned = super().clean()
        province, district = cleaned.get("province"), cleaned.get("district")
        if (place := district_outside_province(district, province)) is not None:
            self.add_error("district", place)
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Bitiş tarihi, başlangıç tarihinden önce olamaz."))
        return cleaned

    def service_data(self) -> dict:
        """The cleaned values as ``programs.program_save`` takes them."""
        data = {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "aims",
                "description",
                "working_area",
                "province",
                "district",
                "is_online",
                "schedule_note",
                "starts_on",
                "ends_on",
            )
        }
        data["schedule"] = mask_from_keys(self.cleaned_data["schedule"])
        return data

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def schedule_rows(self) -> list[dict]:
        """The schedule as a grid: one row a day, one checkbox a part of the day."""
        chosen = {str(key) for key in (self["schedule"].value() or [])}
        rows = []
        for day, day_name in enumerate(DAYS):
            cells = []
            for part, part_name in enumerate(PARTS):
                key = f"{day}-{part}"
                cells.append(
                    {
                        "key": key,
                        "id": f"id_schedule_{day}_{part}",
                        "label": f"{day_name} {str(part_name).lower()}",
                        "part": part_name,
                        "checked": key in chosen,
                    }
                )
            rows.append({"day": day_name, "cells": cells})
        return rows


# --- Roles ------------------------------------------------------------------------------------


class RoleForm(forms.Form):
    title = forms.CharField(
        label=_("Rolün adı"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Ör. “Akran destek gönüllüsü”, “Ödev desteği gönüllüsü”."),
        error_messages={"required": _("Rolün adını yazın.")},
    )
    description = forms.CharField(
        label=_("Açıklama"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Gönüllünün ne yapacağını ve kimlerle çalışacağını anlatın."),
        error_messages={"required": _("Rolün açıklamasını yazın.")},
    )
    required_skills = forms.ModelMultipleChoiceField(
        label=_("İstenen beceriler"),
        queryset=Skill.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Zorunlu değil; bu becerilere sahip adaylar öne çıkar."),
    )
    required_languages = forms.ModelMultipleChoiceField(
        label=_("Gerekli diller"),
        queryset=Language.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Adayın bu dillerin hepsini konuşması gerekir."),
    )
    helpful_languages = forms.ModelMultipleChoiceField(
        label=_("Yararlı diller"),
        queryset=Language.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Zorunlu değil; konuşan adaylar öne çıkar."),
    )
    requires_mentor = forms.BooleanField(
        label=_("Deneyim mentoru yetkinliği gerekir"), required=False
    )
    requires_background_check = forms.BooleanField(
        label=_("Adli sicil kontrolü gerekir"),
        required=False,
        help_text=_("Çocuklarla çalışılan rollerde işaretleyin."),
    )
    required_trainings = forms.ModelMultipleChoiceField(
        label=_("Gerekli eğitimler"),
        queryset=Training.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    minimum_age = forms.IntegerField(
        label=_("En düşük yaş"),
        required=False,
        min_value=1,
        max_value=99,
        help_text=_("Yaş sınırı yoksa boş bırakın."),
        error_messages={
            "invalid": _("Yaşı rakamla yazın."),
            "min_value": _("Yaş 1 ile 99 arasında olmalı."),
            "max_value": _("Yaş 1 ile 99 arasında olmalı."),
        },
    )
    places = forms.IntegerField(
        label=_("Kişi sayısı"),
        min_value=1,
        max_value=500,
        help_text=_("Bu rolde kaç gönüllüye yer var."),
        error_messages={
            "required": _("Kaç kişiye yer olduğunu yazın."),
            "invalid": _("Kişi sayısını rakamla yazın."),
            "min_value": _("Rol en az bir kişilik olmalı."),
            "max_value": _("Bir rol en fazla 500 kişilik olabilir."),
        },
    )
    weekly_hours = DecimalCommaField(
        label=_("Haftalık saat"),
        max_digits=4,
        decimal_places=1,
        min_value=Decimal("0.5"),
        max_value=Decimal("60"),
        help_text=_("Ör. 2 ya da 1,5."),
        error_messages={
            "required": _("Haftada kaç saat gerektiğini yazın."),
            "invalid": _("Saati rakamla yazın, ör. 2 ya da 1,5."),
            "min_value": _("Haftalık saat en az 0,5 olmalı."),
            "max_value": _("Haftalık saat en fazla 60 olabilir."),
            "max_digits": _("Saati en fazla bir ondalık basamakla yazın, ör. 1,5."),
            "max_decimal_places": _("Saati en fazla bir ondalık basamakla yazın, ör. 1,5."),
            "max_whole_digits": _("Haftalık saat en fazla 60 olabilir."),
        },
    )
    commitment_months = forms.IntegerField(
        label=_("Taahhüt süresi (ay)"),
        min_value=1,
        max_value=60,
        initial=3,
        error_messages={
            "required": _("Taahhüt süresini ay olarak yazın."),
            "invalid": _("Taahhüt süresini rakamla yazın."),
            "min_value": _("Taahhüt süresi en az bir ay olmalı."),
            "max_value": _("Taahhüt süresi en fazla 60 ay olabilir."),
        },
    )
    is_open = forms.BooleanField(
        label=_("Başvuruya açık"),
        required=False,
        initial=True,
        help_text=_("Kapatırsanız rol listelenmeye devam eder ama başvuru ve davet alınmaz."),
    )

    FIELDSETS = [
        (_("Rol"), ["title", "description", "places", "weekly_hours", "commitment_months"]),
        (
            _("Aranan nitelikler"),
            ["required_skills", "required_languages", "helpful_languages"],
        ),
        (
            _("Zorunlu koşullar"),
            ["requires_mentor", "requires_background_check", "required_trainings", "minimum_age"],
        ),
        (_("Başvuru"), ["is_open"]),
    ]
    M2M = ("required_skills", "required_languages", "helpful_languages", "required_trainings")

    def __init__(self, *args, role=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = {name: [] for name in self.M2M}
        if role is not None and role.pk:
            for name in self.M2M:
                current[name] = list(getattr(role, name).values_list("pk", flat=True))
        self.fields["required_skills"].queryset = _with_current(
            Skill.objects.active(), current["required_skills"]
        ).order_by("sort_order", "name")
        languages = current["required_languages"] + current["helpful_languages"]
        for name in ("required_languages", "helpful_languages"):
            self.fields[name].queryset = _with_current(
                Language.objects.active(), languages
            ).order_by("sort_order", "name")
        self.fields["required_trainings"].queryset = _with_current(
            Training.objects.active(), current["required_trainings"]
        ).order_by("sort_order", "name")

    @classmethod
    def initial_for(cls, role) -> dict:
        initial = {
            name: getattr(role, name)
            for name in (
                "title",
                "description",
                "requires_mentor",
                "requires_background_check",
                "minimum_age",
                "places",
                "weekly_hours",
                "commitment_months",
                "is_open",
            )
        }
        for name in cls.M2M:
            initial[name] = list(getattr(role, name).values_list("pk", flat=True))
        return initial

    def clean_title(self) -> str:
        title = _clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Rolün adını yazın."))
        return title

    def clean_description(self) -> str:
        description = self.cleaned_data["description"].strip()
        if not description:
            raise forms.ValidationError(_("Rolün açıklamasını yazın."))
        return description

    def clean(self):
        cleaned = super().clean()
        required = set(cleaned.get("required_languages") or [])
        helpful = set(cleaned.get("helpful_languages") or [])
        if required & helpful:
            self.add_error(
                "helpful_languages", _("Bir dil hem gerekli hem yararlı olarak seçilemez.")
            )
        return cleaned

    def service_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "description",
                "requires_mentor",
                "requires_background_check",
                "minimum_age",
                "places",
                "weekly_hours",
                "commitment_months",
                "is_open",
            )
        }

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]


# --- Program life cycle, invitations, matches, hours ----------------------------------------


class CancelProgramForm(ReasonForm):
    label = _("İptal nedeni")
    help = _("Programın geçmişinde görünür.")
    missing = _("İptal nedenini yazın.")
    id_prefix = "cancel"


class InviteForm(forms.Form):
    message = forms.CharField(
        label=_("Mesajınız (isteğe bağlı)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Davet e-postasına eklenir."),
        error_messages={"max_length": _("Mesaj en fazla 2000 karakter olabilir.")},
    )


class DeclineForm(ReasonForm):
    """Declining an application (or an invitation the volunteer answers elsewhere)."""

    label = _("Geri çevirme nedeni")
    help = _("Gönüllüye e-postayla iletilir; kibar ve kısa yazın.")
    missing = _("Geri çevirme nedenini yazın.")
    id_prefix = "decline"


class CloseForm(common.CloseForm):
    label = _("Not")
    help = _("Yerleştirmenin nasıl sona erdiğini kısaca yazın; gönüllüye iletilir.")
    missing = _("Kapanış notunu yazın.")


class RejectHoursForm(ReasonForm):
    label = _("Reddetme nedeni")
    missing = _("Reddetme nedenini yazın.")
    id_prefix = "reject"
    rows = 2
