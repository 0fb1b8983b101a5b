"""Forms of the organisers' pages. They parse what was typed; the rules that need the
database (capacity against the people confirmed, sessions with sign-ups) are the services'."""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.forms.models import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DistrictChoiceField
from core.models import Province, TargetGroup, WorkingArea
from home.models import CampaignPage

from ..models import Event, EventSession, WorkingGroup
from ..organising import EVENT_FIELDS

TURKEY = zoneinfo.ZoneInfo("Europe/Istanbul")
MAX_SESSIONS = 50
MAX_GROUPS = 20


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed in Türkiye time in the browser's own picker
    (``datetime-local``), whatever time zone is active."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M"]
    default_error_messages = {
        "invalid": _("Tarih ve saati gün.ay.yıl saat:dakika biçiminde girin, ör. 21.11.2026 14:30.")
    }

    def prepare_value(self, value):
        with timezone.override(TURKEY):
            return super().prepare_value(value)

    def to_python(self, value):
        with timezone.override(TURKEY):
            return super().to_python(value)


def _with_current(queryset, current_pk):
    """A choice list that still offers the value already chosen (a campaign no longer live, a
    retired working area), so saving an unchanged form never fails."""
    if current_pk:
        return (queryset | queryset.model.objects.filter(pk=current_pk)).distinct()
    return queryset


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class EventForm(forms.ModelForm):
    """The event's own fields. Capacity changes and the accreditation check are applied by
    the services when saving and publishing."""

    starts_at = LocalDateTimeField(label=_("Başlangıç (Türkiye saati)"))
    ends_at = LocalDateTimeField(label=_("Bitiş (Türkiye saati)"))
    registration_opens_at = LocalDateTimeField(
        label=_("Kayıt açılışı (Türkiye saati)"),
        required=False,
        help_text=_("Boş bırakılırsa kayıtlar yayımlanınca açılır."),
    )
    registration_closes_at = LocalDateTimeField(
        label=_("Kayıt kapanışı (Türkiye saati)"),
        required=False,
        help_text=_("Boş bırakılırsa kayıtlar etkinlik başlayınca kapanır."),
    )
    district = DistrictChoiceField(label=_("İlçe"), required=False)
    online_url = forms.URLField(
        label=_("Katılım bağlantısı"),
        required=False,
        assume_scheme="https",
        help_text=_("Yalnızca kaydı onaylanan katılımcılara gösterilir."),
    )
    capacity = forms.IntegerField(
        label=_("Kontenjan"),
        min_value=1,
        max_value=100000,
        help_text=_(
            "Etkinliğe oturum ya da vardiya eklerseniz her birinin kendi kontenjanı geçerlidir."
        ),
    )
    minimum_age = forms.IntegerField(
        label=_("En düşük yaş"), required=False, min_value=1, max_value=99
    )

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        formfield_callback = _formfield
        labels = {
            "title": _("Etkinliğin adı"),
            "kind": _("Etkinlik türü"),
            "campaign": _("Kampanya"),
            "working_area": _("Çalışma alanı"),
            "target_group": _("Hedef grup"),
            "venue": _("Yer (salon, adres)"),
            "is_online": _("Çevrim içi etkinlik"),
            "waitlist_enabled": _("Yer kalmayınca bekleme listesi açılsın"),
            "audience": _("Kimler kaydolabilir"),
            "approval": _("Kayıt onayı"),
            "accessibility": _("Erişilebilirlik bilgisi"),
            "description": _("Açıklama"),
        }
        help_texts = {
            "accessibility": _(
                "Ör. tekerlekli sandalyeyle erişim, işaret dili çevirmeni, sessiz oda."
            ),
        }
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        campaigns = CampaignPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        self.fields["campaign"].queryset = _with_current(campaigns, instance.campaign_id).order_by(
            "title"
        )
        self.fields["working_area"].queryset = _with_current(
            WorkingArea.objects.active(), instance.working_area_id
        )
        self.fields["target_group"].queryset = _with_current(
            TargetGroup.objects.active(), instance.target_group_id
        )
        self.fields["province"].queryset = Province.objects.alphabetical()
        self.fields["province"].label = _("İl")

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Etkinliğin adını yazın."))
        return title

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Bitiş, başlangıçtan sonra olmalı."))
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error(
                "registration_closes_at", _("Kayıt kapanışı, kayıt açılışından sonra olmalı.")
            )
        if cleaned.get("is_online") is False and not (cleaned.get("venue") or "").strip():
            self.add_error("venue", _("Etkinliğin yapılacağı yeri yazın."))
        return cleaned

    def _update_errors(self, errors):
        """The model also checks fields this form does not show (the organiser's
        accreditation when a published event is saved): those become the form's own errors."""
        if hasattr(errors, "error_dict"):
            for name in list(errors.error_dict):
                if name != NON_FIELD_ERRORS and name not in self.fields:
                    errors.error_dict.setdefault(NON_FIELD_ERRORS, []).extend(
                        errors.error_dict.pop(name)
                    )
        super()._update_errors(errors)


class _RowForm(forms.ModelForm):
    """A row of sessions or working groups: optional as a whole (the empty rows are left
    alone), but a row that is filled in needs every field in ``needed``."""

    needed: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.needed:
            self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        for name in self.needed:
            if name not in self.errors and cleaned.get(name) in (None, ""):
                self.add_error(name, self.fields[name].error_messages["required"])
        return cleaned


class SessionForm(_RowForm):
    needed = ("title", "starts_at", "ends_at", "capacity")
    starts_at = LocalDateTimeField(label=_("Başlangıç"))
    ends_at = LocalDateTimeField(label=_("Bitiş"))
    capacity = forms.IntegerField(label=_("Kontenjan"), min_value=1, max_value=100000)

    class Meta:
        model = EventSession
        fields = ["title", "starts_at", "ends_at", "capacity"]
        labels = {"title": _("Oturumun ya da vardiyanın adı")}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Bitiş, başlangıçtan sonra olmalı."))
        return cleaned


class GroupForm(_RowForm):
    needed = ("name", "capacity")
    capacity = forms.IntegerField(
        label=_("Kişi sayısı üst sınırı"),
        min_value=1,
        max_value=500,
        help_text=_("2018 çalıştayında gruplar 12–18 kişiydi."),
    )

    class Meta:
        model = WorkingGroup
        fields = ["name", "capacity", "description"]
        labels = {"name": _("Grubun adı"), "description": _("Açıklama")}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class _RowsFormSet(forms.BaseInlineFormSet):
    """Rows of sessions or working groups, each with a "Sil" box."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Sil")


def session_formset(data=None, *, instance: Event, extra: int):
    formset_class = inlineformset_factory(
        Event,
        EventSession,
        form=SessionForm,
        formset=_RowsFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_SESSIONS,
        validate_max=True,
    )
    return formset_class(data, instance=instance, prefix="sessions")


def group_formset(data=None, *, instance: Event, extra: int):
    formset_class = inlineformset_factory(
        Event,
        WorkingGroup,
        form=GroupForm,
        formset=_RowsFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_GROUPS,
        validate_max=True,
    )
    return formset_class(data, instance=instance, prefix="groups")


class DecisionForm(forms.Form):
    """An approval or rejection with an optional note (kept in the sign-up's history)."""

    note = forms.CharField(label=_("Not (isteğe bağlı)"), required=False, max_length=1000)


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("İptal nedeni"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kayıtlı herkese e-postayla iletilir."),
        error_messages={"required": _("İptal nedenini yazın; katılımcılara e-postayla iletilir.")},
    )


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Konu"),
        max_length=150,
        error_messages={"required": _("İletinin konusunu yazın.")},
    )
    body = forms.CharField(
        label=_("İleti"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Düz metin. E-postanın başına kişinin adı, sonuna kuruluşunuzun adı ve "
            "etkinliğin bağlantısı eklenir."
        ),
        error_messages={"required": _("İletinin metnini yazın.")},
    )
    include_waitlist = forms.BooleanField(
        label=_("Bekleme listesindekilere de gönder"), required=False
    )

    def clean_subject(self) -> str:
        subject = " ".join(self.cleaned_data["subject"].split())
        if not subject:
            raise forms.ValidationError(_("İletinin konusunu yazın."))
        return subject

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("İletinin metnini yazın."))
        return body
