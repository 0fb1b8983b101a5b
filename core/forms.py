"""Form pieces every app shares: people's names, sign-up with consent, districts grouped by
province, dates typed the Turkish way, numbers with a decimal comma, and a service's errors put
on a form. An app never borrows another app's fields: what two apps need lives here."""

from decimal import Decimal

from allauth.account.forms import SignupForm
from django import forms
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ConsentPurpose, District
from .text import tr_sort_key

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]


class FullNameField(forms.CharField):
    """A person's name as typed, in any letters ("Çağrı", "İbrahim"), inner spaces collapsed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Ad soyad"))
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "name"}))
        super().__init__(**kwargs)

    def clean(self, value) -> str:
        name = " ".join((super().clean(value) or "").split())
        if not name:
            raise forms.ValidationError(_("Adınızı ve soyadınızı yazın."))
        return name


def consent_field_name(purpose: ConsentPurpose) -> str:
    return f"consent_{purpose.key}"


class PortalSignupForm(SignupForm):
    """allauth's sign-up plus a name and one unticked box per consent purpose.

    Consent is optional and separate for each purpose (KVKK açık rıza); the privacy notice is
    linked beside the form, not bundled into any box.
    """

    full_name = FullNameField()
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
    full_name = FullNameField()
    preferred_language = forms.ChoiceField(
        label=_("E-postalar için tercih ettiğiniz dil"),
        choices=[("tr", "Türkçe"), ("en", "English")],
    )


class GroupedDistricts(BaseChoiceIterator):
    """Districts grouped under their province, read from the database only when rendered."""

    def __init__(self, queryset):
        self.queryset = queryset

    def __iter__(self):
        groups: dict[str, list] = {}
        for district in self.queryset.select_related("province"):
            groups.setdefault(district.province.name, []).append((district.pk, district.name))
        yield ("", "---------")
        for province in sorted(groups, key=tr_sort_key):
            yield (province, sorted(groups[province], key=lambda item: tr_sort_key(item[1])))


class DistrictChoiceField(forms.ModelChoiceField):
    """Districts grouped by province, so the list works without JavaScript."""

    def __init__(self, **kwargs):
        super().__init__(queryset=District.objects.all(), **kwargs)

    def _get_choices(self):
        return GroupedDistricts(self.queryset)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class DateField(forms.DateField):
    """A date in the browser's own picker, or typed as gün.ay.yıl."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = DATE_FORMATS
    default_error_messages = {
        "invalid": _("Tarihi gün.ay.yıl biçiminde girin, ör. 21.11.2026."),
    }


class DecimalCommaField(forms.DecimalField):
    """A number typed the Turkish way ("12,5", "1.250,5") or with a point ("12.5").

    With a comma, points group thousands and the comma is the decimal separator; without one,
    a point is the decimal separator. Saved numbers are shown as people write them here: 400
    rather than 400.0, and 12,5 in Turkish.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Bir sayı girin (ondalık ayıracı olarak virgül ya da nokta)."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split())
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
            number = Decimal(str(value))
            if number == number.to_integral_value():
                return str(number.quantize(Decimal("1")))
            text = format(number.normalize(), "f")
            if (get_language() or "tr").startswith("tr"):
                text = text.replace(".", ",")
            return text
        return value


def add_service_errors(form, error: ValidationError) -> None:
    """A service's ValidationError onto the form: keyed messages on their fields, the rest at
    the top of the form."""
    if hasattr(error, "error_dict"):
        for field, texts in error.message_dict.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
    else:
        for text in error.messages:
            form.add_error(None, text)
