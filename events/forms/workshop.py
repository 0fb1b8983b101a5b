"""Forms of workshop registration and working-group assignment. They parse input; the rules
live in events.workshops."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import WorkingArea

from ..models import WorkshopRegistration
from ..workshops import MAX_REPRESENTATIVES, MIN_REPRESENTATIVES

# Loose on purpose: people write numbers as "0 (212) 555 12 34", "+90 532 555 12 34" or with
# dashes; the organiser only needs to be able to call.
PHONE_CHARACTERS = re.compile(r"^[0-9 +()\-]*$")
MIN_PHONE_DIGITS = 7


class GroupChoiceField(forms.ModelChoiceField):
    """The event's working groups, each with its people against its capacity."""

    def __init__(self, *, counts, **kwargs):
        self.counts = {count.group.pk: count for count in counts}
        super().__init__(**kwargs)

    def label_from_instance(self, group) -> str:
        count = self.counts.get(group.pk)
        return _("%(name)s · %(people)s / %(capacity)s kişi") % {
            "name": group.name,
            "people": count.preferred if count else 0,
            "capacity": group.capacity,
        }


class WorkshopRegistrationForm(forms.Form):
    institution_name = forms.CharField(
        label=_("Kurum adı"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    institution_type = forms.ChoiceField(
        label=_("Kurum türü"),
        choices=WorkshopRegistration.InstitutionType.choices,
        widget=forms.RadioSelect,
    )
    authorised_person = forms.CharField(
        label=_("Yetkili kişi"),
        max_length=150,
        help_text=_("Kurumu çalıştayda temsil etmeye yetkili kişinin adı ve soyadı."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    representatives = forms.IntegerField(
        label=_("Temsilci sayısı"),
        min_value=MIN_REPRESENTATIVES,
        max_value=MAX_REPRESENTATIVES,
        initial=1,
        help_text=_("Kurumunuzdan katılacak kişi sayısı (1–10). Her temsilci bir yer tutar."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    contact_email = forms.EmailField(
        label=_("İletişim e-postası"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("İletişim telefonu"),
        max_length=30,
        required=False,
        help_text=_("İsteğe bağlı. Örneğin 0 212 555 12 34."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    works_on_addiction = forms.TypedChoiceField(
        label=_("Kurumunuz bağımlılık alanında çalışıyor mu?"),
        choices=[("yes", _("Evet")), ("no", _("Hayır"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    working_areas = forms.ModelMultipleChoiceField(
        label=_("Çalışma alanları"),
        queryset=WorkingArea.objects.none(),
        required=False,
        help_text=_("Bağımlılık alanında çalışıyorsanız hangi alanlarda çalıştığınızı seçin."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event, counts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_areas"].queryset = WorkingArea.objects.active()
        groups = event.working_groups.all()
        if counts:
            self.fields["preferred_group"] = GroupChoiceField(
                label=_("Tercih ettiğiniz çalışma grubu"),
                queryset=groups,
                counts=counts,
                help_text=_(
                    "Her grubun yanında bu grubu tercih eden kişi sayısı ve grubun kişi sayısı "
                    "üst sınırı yazar. Gruplara son yerleştirmeyi düzenleyici yapar."
                ),
                widget=forms.RadioSelect,
                empty_label=None,
            )

    def clean_institution_name(self) -> str:
        return " ".join(self.cleaned_data["institution_name"].split())

    def clean_authorised_person(self) -> str:
        return " ".join(self.cleaned_data["authorised_person"].split())

    def clean_contact_phone(self) -> str:
        phone = " ".join(self.cleaned_data["contact_phone"].split())
        if not phone:
            return ""
        if not PHONE_CHARACTERS.match(phone):
            raise forms.ValidationError(
                _("Telefon numarasında yalnızca rakam, boşluk, +, tire ve parantez olabilir.")
            )
        if sum(char.isdigit() for char in phone) < MIN_PHONE_DIGITS:
            raise forms.ValidationError(_("Telefon numarası en az 7 rakam içermeli."))
        return phone

    def clean(self):
        data = super().clean()
        if data.get("works_on_addiction") and not data.get("working_areas"):
            self.add_error(
                "working_areas",
                _("Bağımlılık alanında çalıştığınızı belirttiniz; en az bir çalışma alanı seçin."),
            )
        return data


class GroupAssignmentForm(forms.Form):
    """One select per registration of the workshop, named ``group_<registration id>``. Fields
    exist only for this event's registrations, so ids from elsewhere are never read."""

    PREFIX = "group_"

    def __init__(self, *args, registrations, groups, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Atanmadı"))] + [(str(group.pk), group.name) for group in groups]
        for registration in registrations:
            self.fields[self.field_name(registration)] = forms.TypedChoiceField(
                label=_("%(institution)s için atanan grup")
                % {"institution": registration.institution_name},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=str(registration.assigned_group_id or ""),
            )

    @classmethod
    def field_name(cls, registration) -> str:
        return f"{cls.PREFIX}{registration.pk}"

    def assignments(self) -> dict[int, int | None]:
        return {
            int(name.removeprefix(self.PREFIX)): value for name, value in self.cleaned_data.items()
        }

    def unknown_keys(self) -> list[str]:
        """Posted ``group_…`` keys that are not this event's registrations (forged or stale)."""
        return [key for key in self.data if key.startswith(self.PREFIX) and key not in self.fields]
