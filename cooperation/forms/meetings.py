"""Forms of coordination meetings and their action items. They only parse input; the rules
(accredited organisations, indicators in use, due dates) are the services' in
``cooperation.meetings``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField

from ..meetings import indicator_choices, organisation_choices
from ..models import ActionItem, Meeting


class OrganisationChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return obj.display_name


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.label} ({obj.working_area})"


class MeetingForm(forms.Form):
    title = forms.CharField(
        label=_("Başlık"),
        max_length=200,
        error_messages={"required": _("Toplantının başlığını yazın.")},
        help_text=_("Örneğin: 2026 4. çeyrek il koordinasyon toplantısı."),
    )
    held_on = DateField(
        label=_("Tarih"), error_messages={"required": _("Toplantı tarihini girin.")}
    )
    place = forms.CharField(label=_("Yer"), max_length=200, required=False)
    institutions = forms.CharField(
        label=_("Katılan kamu kurumları"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Her satıra bir kurum; örneğin İl Sağlık Müdürlüğü."),
    )
    organisations = OrganisationChoiceField(
        label=_("Katılan kuruluşlar"),
        queryset=None,
        required=False,
        help_text=_(
            "İldeki akredite kuruluşlar. Bu kuruluşların üyeleri toplantının kaydını görür."
        ),
        error_messages={"invalid_choice": _("Listedeki kuruluşlardan seçin.")},
    )
    agenda = forms.CharField(
        label=_("Gündem"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Gündemi yazın.")},
    )
    minutes = forms.CharField(
        label=_("Tutanak"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Kurumların ve kuruluşların görüşlerini özetleyin. Hizmet alan kişilerin adlarını "
            "ya da kimliklerini ortaya koyacak bilgi yazmayın."
        ),
    )
    decisions = forms.CharField(
        label=_("Kararlar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Her kararın sorumlusu ve tarihi olan işleri eylem maddesi olarak ekleyin."),
    )

    def __init__(self, *args, province, meeting: Meeting | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current = meeting.organisations.values_list("pk", flat=True) if meeting else ()
        self.fields["organisations"].queryset = organisation_choices(province, current)

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        return {
            "title": meeting.title,
            "held_on": meeting.held_on,
            "place": meeting.place,
            "institutions": meeting.institutions,
            "organisations": list(meeting.organisations.all()),
            "agenda": meeting.agenda,
            "minutes": meeting.minutes,
            "decisions": meeting.decisions,
        }

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ActionItemForm(forms.Form):
    title = forms.CharField(
        label=_("Yapılacak iş"),
        max_length=300,
        error_messages={"required": _("Yapılacak işi yazın.")},
    )
    responsible_institution = forms.CharField(
        label=_("Sorumlu kurum"),
        max_length=200,
        error_messages={"required": _("Sorumlu kurumu yazın.")},
        help_text=_("Örneğin: İl Milli Eğitim Müdürlüğü ya da bir kuruluşun adı."),
    )
    partner_organisations = OrganisationChoiceField(
        label=_("İş birliği yapan kuruluşlar"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Listedeki kuruluşlardan seçin.")},
    )
    partner_institutions = forms.CharField(
        label=_("İş birliği yapan kurumlar"),
        max_length=500,
        required=False,
        help_text=_("Virgülle ayırın."),
    )
    due_on = DateField(label=_("Son tarih"), error_messages={"required": _("Son tarihi girin.")})
    indicator = IndicatorChoiceField(
        label=_("İzlendiği gösterge"),
        queryset=None,
        required=False,
        empty_label=_("Gösterge yok"),
        error_messages={"invalid_choice": _("Listedeki göstergelerden seçin.")},
    )
    note = forms.CharField(
        label=_("Not"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, province, item: ActionItem | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current = item.partner_organisations.values_list("pk", flat=True) if item else ()
        self.fields["partner_organisations"].queryset = organisation_choices(province, current)
        self.fields["indicator"].queryset = indicator_choices(item.indicator if item else None)

    @staticmethod
    def initial_for(item: ActionItem) -> dict:
        return {
            "title": item.title,
            "responsible_institution": item.responsible_institution,
            "partner_organisations": list(item.partner_organisations.all()),
            "partner_institutions": item.partner_institutions,
            "due_on": item.due_on,
            "indicator": item.indicator,
            "note": item.note,
        }

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ActionMoveForm(forms.Form):
    """One move of an action item's life cycle, with the reason some moves need."""

    target = forms.ChoiceField(
        choices=ActionItem.Status.choices,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Bilinmeyen durum; sayfayı yenileyip deneyin.")},
    )
    note = forms.CharField(
        label=_("Gerekçe"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("İptal ve yeniden açma için gerekçe zorunludur."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "move_%s")
        super().__init__(*args, **kwargs)
