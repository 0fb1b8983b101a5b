from django import forms
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("E-posta adresiniz"),
        max_length=254,
        error_messages={
            "required": _("E-posta adresinizi yazın."),
            "invalid": _("Geçerli bir e-posta adresi yazın, örn. ad@ornek.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Bu kampanyayla ilgili duyuruların e-posta adresime gönderilmesine açık rıza veriyorum."
        ),
        error_messages={"required": _("Duyuru gönderebilmemiz için onay kutusunu işaretleyin.")},
    )


class PledgeForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Kuruluş"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Bu kuruluş adına işlem yapamazsınız.")},
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
