from django import forms
from django.utils.translation import gettext_lazy as _

from accreditation.models import Membership, Organisation
from core.forms import DistrictChoiceField
from core.models import Province

from .organisations import ORGANISATION_FORM_FIELDS


class OrganisationForm(forms.ModelForm):
    """Registration and profile form. The services validate the rules; this form parses."""

    class Meta:
        model = Organisation
        fields = ORGANISATION_FORM_FIELDS
        widgets = {
            "working_areas": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "addiction_types": forms.CheckboxSelectMultiple,
            "address": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "tax_number": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 10}),
            "founding_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    district = DistrictChoiceField(label=_("İlçe"))
    website = forms.URLField(label=_("Web sitesi"), required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Province.objects.alphabetical()
        for name in ("working_areas", "target_groups", "addiction_types"):
            self.fields[name].queryset = self.fields[name].queryset.model.objects.active()
        self.fields["logo"].help_text = _("PNG ya da JPEG, en fazla 2 MB.")

    def clean_phone(self) -> str:
        from core.validators import normalize_phone

        return normalize_phone(self.cleaned_data["phone"])

    def clean_tax_number(self) -> str:
        return "".join(self.cleaned_data["tax_number"].split())

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "size") and logo.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Logo en fazla 2 MB olabilir."))
        return logo


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-posta adresi"))
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=[
            (Membership.Role.MEMBER, Membership.Role.MEMBER.label),
            (Membership.Role.MANAGER, Membership.Role.MANAGER.label),
        ],
    )


SCORE_CHOICES = [(0, "0"), (1, "1"), (2, "2"), (3, "3")]


class AnswerForm(forms.Form):
    self_score = forms.TypedChoiceField(
        label=_("Öz değerlendirme puanınız"),
        choices=[("", _("Seçin"))] + SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    narrative = forms.CharField(
        label=_("Bu ölçütü nasıl karşılıyorsunuz?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Kanıt dosyası"),
        help_text=_("PDF, JPEG, PNG ya da DOCX; en fazla 10 MB."),
    )


class ScoreForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Puan"),
        choices=[("", _("Puanlanmadı"))] + SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    comment = forms.CharField(
        label=_("Yorum"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("score") is not None and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Her puan için kısa bir yorum yazın."))
        return data


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Karar"),
        choices=[
            ("accredit", _("Akredite et (3 yıl)")),
            ("provisional", _("Geçici akredite et (1 yıl, koşullu)")),
            ("reject", _("Reddet")),
            ("send_back", _("Değerlendirmeye geri gönder")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Gerekçe / koşullar"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Geçici akreditasyonda koşullar, retlerde gerekçe zorunludur."),
    )


class SiteVisitForm(forms.Form):
    visited_on = forms.DateField(
        label=_("Ziyaret tarihi"), widget=forms.DateInput(attrs={"type": "date"})
    )
    report = forms.CharField(label=_("Ziyaret raporu"), widget=forms.Textarea(attrs={"rows": 5}))
