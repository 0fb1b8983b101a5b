"""Form pieces the volunteer, organisation and staff pages share: a required reason, closing a
placement and check-ins."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateField

from ..models import CheckIn, Match


class ReasonForm(forms.Form):
    """A required reason (``note``), blank-only answers refused. Subclasses set the texts and
    the prefix of the field ids (several such forms share one page)."""

    label = _("Gerekçe")
    help = ""
    missing = _("Gerekçeyi yazın.")
    id_prefix = "reason"
    rows = 3

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)
        self.fields["note"] = forms.CharField(
            label=self.label,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": self.rows}),
            help_text=self.help,
            error_messages={"required": self.missing},
        )
        self.order_fields(self.field_order or [*self.fields])

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(self.missing)
        return note


class CloseForm(ReasonForm):
    """Ending a placement: a reason from the list and a note for the other side."""

    label = _("Açıklama")
    missing = _("Yerleştirmeyi neden kapattığınızı kısaca yazın.")
    id_prefix = "close"
    field_order = ["reason", "note"]

    reason = forms.ChoiceField(
        label=_("Kapanış nedeni"),
        choices=[("", _("Seçin"))] + list(Match.Closure.choices),
        error_messages={
            "required": _("Kapanış nedenini seçin."),
            "invalid_choice": _("Kapanış nedenini listeden seçin."),
        },
    )


class CheckInForm(forms.Form):
    """How a placement is going, in the volunteer's or the organisation's words."""

    on = DateField(label=_("Tarih"), error_messages={"required": _("Görüşme tarihini girin.")})
    mood = forms.ChoiceField(
        label=_("Nasıl gidiyor?"),
        choices=CheckIn.Mood.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Nasıl gittiğini seçin."),
            "invalid_choice": _("Nasıl gittiğini listeden seçin."),
        },
    )
    note = forms.CharField(
        label=_("Not"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Yalnızca yerleştirmenin nasıl gittiğini yazın. Görüştüğünüz kişilerin adlarını ya "
            "da kimliklerini ortaya koyacak bilgi yazmayın."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "checkin_%s")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())

    def clean_on(self) -> datetime.date:
        on = self.cleaned_data["on"]
        if on > timezone.localdate():
            raise forms.ValidationError(_("Görüşme tarihi ileride olamaz."))
        return on
