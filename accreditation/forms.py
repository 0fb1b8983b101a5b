from allauth.account.forms import SignupForm
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ConsentPurpose


def consent_field_name(purpose: ConsentPurpose) -> str:
    return f"consent_{purpose.key}"


class PortalSignupForm(SignupForm):
    """allauth's sign-up plus a name and one unticked box per consent purpose.

    Consent is optional and separate for each purpose (KVKK açık rıza); the privacy notice is
    linked beside the form, not bundled into any box.
    """

    full_name = forms.CharField(
        label=_("Ad soyad"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["full_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_purposes = list(ConsentPurpose.objects.active().prefetch_related("texts"))
        for purpose in self.consent_purposes:
            texts = sorted(purpose.texts.all(), key=lambda t: t.version)
            if not texts:
                continue
            self.fields[consent_field_name(purpose)] = forms.BooleanField(
                required=False, label=purpose.label, help_text=texts[-1].localized_body
            )

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Adınızı ve soyadınızı yazın."))
        return name

    def consent_bound_fields(self):
        return [self[name] for name in self.fields if name.startswith("consent_")]

    def custom_signup(self, request, user) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.preferred_language = (get_language() or "tr")[:2]
        user.save(update_fields=["full_name", "preferred_language"])
        for purpose in self.consent_purposes:
            if self.cleaned_data.get(consent_field_name(purpose)):
                services.consent_grant(user=user, purpose=purpose, source="signup")


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label=_("Ad soyad"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("E-postalar için tercih ettiğiniz dil"),
        choices=[("tr", "Türkçe"), ("en", "English")],
    )

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Adınızı ve soyadınızı yazın."))
        return name
