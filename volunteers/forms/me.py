"""Forms of the volunteer's own pages. They parse and check what a person typed; the services
in ``volunteers`` apply the rules and save."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from core.forms import DateField, DistrictChoiceField
from core.models import Province, SupportUnit

from .. import availability
from ..declarations import MAX_YEARS
from ..models import HoursLog, Match, VolunteerProfile
from . import common
from .common import ReasonForm

OLDEST = 110  # years: a birth date further back is a typing mistake
M = Match.Status


def _active_or_chosen(model, instance, name: str):
    """Active taxonomy terms plus those the person already chose (a retired term they hold
    stays ticked instead of silently disappearing)."""
    allowed = Q(is_active=True)
    if instance.pk:
        allowed |= Q(pk__in=getattr(instance, name).values("pk"))
    return model.objects.filter(allowed).order_by("sort_order", "name")


class ProfileForm(forms.ModelForm):
    """The volunteer profile. The weekly availability is a 7 × 3 grid of check boxes
    (rendered by the template from ``availability_grid``), stored as a bit mask."""

    district = DistrictChoiceField(
        label=_("İlçe"),
        required=False,
        help_text=_("İsteğe bağlı. Seçtiğiniz ilin ilçelerinden birini seçin."),
    )
    availability = forms.MultipleChoiceField(
        label=_("Haftalık uygunluk"),
        choices=availability.slot_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Düzenli olarak gönüllülüğe ayırabileceğiniz gün ve saat dilimlerini seçin."),
        error_messages={
            "required": _("En az bir gün ve saat dilimi seçin."),
            "invalid_choice": _("Listedeki gün ve saat dilimlerinden seçin."),
        },
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "display_name",
            "phone",
            "province",
            "district",
            "birth_date",
            "languages",
            "skills",
            "working_areas",
            "target_groups",
            "hours_per_month",
            "experience",
            "show_mentor_publicly",
            "is_active",
        ]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "birth_date": forms.DateInput(
                attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"
            ),
            "languages": forms.CheckboxSelectMultiple,
            "skills": forms.CheckboxSelectMultiple,
            "working_areas": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "hours_per_month": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "experience": forms.Textarea(attrs={"rows": 4}),
        }
        # In the person's own voice; Django's capfirst would also turn "ilgilendiği" into
        # "Ilgilendiği".
        labels = {
            "display_name": _("Görünen ad"),
            "phone": _("Telefon"),
            "birth_date": _("Doğum tarihi"),
            "languages": _("Konuştuğum diller"),
            "skills": _("Becerilerim"),
            "working_areas": _("İlgilendiğim çalışma alanları"),
            "target_groups": _("İlgilendiğim hedef gruplar"),
            "hours_per_month": _("Ayda ayırabileceğim saat"),
            "experience": _("Deneyimim"),
            "show_mentor_publicly": _("Deneyim mentoru olduğumu herkese açık sayfalarda göster"),
            "is_active": _("Yeni rollere açığım"),
        }
        help_texts = {
            "phone": _("İsteğe bağlı. Yalnızca başvurduğunuz programı yürüten kuruluş görür."),
            "experience": _(
                "Gönüllülük, meslek ya da eğitim deneyiminiz. Sağlığınıza ilişkin bilgi "
                "yazmanız gerekmez."
            ),
            "hours_per_month": _("Ayda gönüllülüğe ayırabileceğiniz yaklaşık saat (1–300)."),
            "languages": _("Konuştuğunuz diller; bazı roller belirli bir dil ister."),
        }
        error_messages = {
            "display_name": {"required": _("Kuruluşların sizi göreceği adı yazın.")},
            "province": {"required": _("Yaşadığınız ili seçin.")},
            "birth_date": {"invalid": _("Geçerli bir tarih girin, örneğin 21.11.1990.")},
            "hours_per_month": {
                "invalid": _("Saati tam sayı olarak yazın, örneğin 8."),
                "max_value": _("Ayda en çok 300 saat yazılabilir."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Province.objects.alphabetical()
        self.fields["province"].empty_label = _("İl seçin")
        for name in ("languages", "skills", "working_areas", "target_groups"):
            model = self.fields[name].queryset.model
            self.fields[name].queryset = _active_or_chosen(model, self.instance, name)
        if self.instance.pk and not self.is_bound:
            self.initial["availability"] = availability.slot_keys(self.instance.availability)

    def clean_display_name(self) -> str:
        name = " ".join((self.cleaned_data.get("display_name") or "").split())
        if not name:
            raise ValidationError(_("Kuruluşların sizi göreceği adı yazın."))
        return name

    def clean_phone(self) -> str:
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not phone:
            return ""
        from core.validators import normalize_phone

        return normalize_phone(phone)

    def clean_birth_date(self):
        born = self.cleaned_data.get("birth_date")
        if born is None:
            return None
        today = timezone.localdate()
        if born > today:
            raise ValidationError(_("Doğum tarihi ileride olamaz."))
        if born.year < today.year - OLDEST:
            raise ValidationError(_("Doğum tarihini kontrol edin."))
        return born

    def clean_hours_per_month(self):
        hours = self.cleaned_data.get("hours_per_month")
        if hours is not None and hours < 1:
            raise ValidationError(_("Ayda en az 1 saat yazın."))
        return hours

    def clean(self):
        data = super().clean()
        province, district = data.get("province"), data.get("district")
        if province is not None and district is not None and district.province_id != province.pk:
            self.add_error(
                "district",
                _(
                    "%(district)s ilçesi %(province)s iline ait değil; %(province)s ilçelerinden "
                    "birini seçin ya da ili değiştirin."
                )
                % {"district": district.name, "province": province.name},
            )
        if "availability" in data:
            # Not a model field of the form: the instance gets it for the model's checks.
            self.instance.availability = self.availability_mask()
        return data

    def _update_errors(self, errors) -> None:
        """The model's own checks (VolunteerProfile.clean) repeat some of this form's; a field
        the form already found wrong keeps the form's clearer message, once."""
        if hasattr(errors, "error_dict"):
            for field in list(errors.error_dict):
                if field in self._errors:
                    del errors.error_dict[field]
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def availability_mask(self) -> int:
        return availability.mask_from_keys(self.cleaned_data.get("availability") or [])

    def availability_grid(self) -> list[dict]:
        """Days with their three slots, ticked as the person left them (also after an
        error), for the template's grid."""
        if self.is_bound:
            chosen = set(self.data.getlist("availability"))
        else:
            chosen = set(self.initial.get("availability") or [])
        days = []
        for day, day_name in enumerate(availability.DAYS):
            slots = []
            for part, part_name in enumerate(availability.PARTS):
                key = f"{day}-{part}"
                slots.append(
                    {
                        "key": key,
                        "id": f"id_availability_{day}_{part}",
                        "part": part_name,
                        "label": f"{day_name} {str(part_name).lower()}",
                        "checked": key in chosen,
                    }
                )
            days.append({"name": day_name, "index": day, "slots": slots})
        return days

    def service_data(self) -> dict:
        data = {
            name: self.cleaned_data.get(name)
            for name in (
                "display_name",
                "phone",
                "province",
                "district",
                "birth_date",
                "hours_per_month",
                "experience",
                "show_mentor_publicly",
                "is_active",
            )
        }
        data["availability"] = self.availability_mask()
        data["experience"] = (data["experience"] or "").strip()
        return data


# --- Matches ----------------------------------------------------------------------------------


class DeclineForm(ReasonForm):
    label = _("Neden geri çeviriyorsunuz?")
    help = _("Kuruluş bu notu görür.")
    missing = _("Geri çevirme nedenini kısaca yazın.")
    id_prefix = "decline"


class CloseForm(common.CloseForm):
    help = _("Kuruluş bu notu görür. Görüştüğünüz kişilerin adlarını yazmayın.")


# --- Hours ------------------------------------------------------------------------------------


class HoursField(forms.CharField):
    """Hours as people type them: "2", "1,5" or "1.5"."""

    def to_python(self, value):
        text = (super().to_python(value) or "").strip().replace(" ", "").replace(",", ".")
        if not text:
            return None
        if len(text) > 6:
            raise ValidationError(_("Saati sayı olarak yazın, örneğin 2 ya da 1,5."))
        try:
            hours = Decimal(text)
        except InvalidOperation:
            raise ValidationError(_("Saati sayı olarak yazın, örneğin 2 ya da 1,5.")) from None
        if not hours.is_finite():
            raise ValidationError(_("Saati sayı olarak yazın, örneğin 2 ya da 1,5."))
        return hours


def place_choices(person) -> list:
    """The person's placements that may take hours and the events they attended, as one
    select with two groups (values "match-<pk>" and "signup-<pk>")."""
    from events.models import SignUp

    roles = [
        (f"match-{match.pk}", f"{match.role.title} · {match.role.program.title}")
        for match in Match.objects.filter(
            person=person, status__in=[M.ACCEPTED, M.ACTIVE, M.CLOSED]
        )
        .select_related("role__program")
        .order_by("-created_at", "-pk")
    ]
    events = [
        (
            f"signup-{signup.pk}",
            f"{signup.event.title} · {timezone.localtime(signup.event.starts_at):%d.%m.%Y}",
        )
        for signup in SignUp.objects.filter(person=person, status="attended")
        .select_related("event")
        .order_by("-event__starts_at", "-pk")
    ]
    choices: list = [("", _("Seçin"))]
    if roles:
        choices.append((_("Gönüllü rollerim"), roles))
    if events:
        choices.append((_("Katıldığım etkinlikler"), events))
    return choices


class HoursForm(forms.Form):
    place = forms.ChoiceField(
        label=_("Nerede gönüllü oldunuz?"),
        error_messages={
            "required": _("Saati yazacağınız rolü ya da etkinliği seçin."),
            "invalid_choice": _("Listeden bir rol ya da etkinlik seçin."),
        },
    )
    on = DateField(label=_("Tarih"), error_messages={"required": _("Tarihi girin.")})
    hours = HoursField(
        label=_("Saat"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 6}),
        help_text=_("Yarım saatlik adımlarla, örneğin 2 ya da 1,5."),
        error_messages={"required": _("Saati girin (ör. 2 ya da 1,5).")},
    )
    kind = forms.ChoiceField(
        label=_("Tür"),
        choices=HoursLog.Kind.choices,
        initial=HoursLog.Kind.VOLUNTEERING,
        help_text=_(
            "Süpervizyonlu gönüllülük ve sürekli eğitim saatleri deneyim mentoru "
            "yetkinliğine sayılır."
        ),
        error_messages={"invalid_choice": _("Saatin türünü listeden seçin.")},
    )
    description = forms.CharField(
        label=_("Ne yaptınız?"),
        required=False,
        max_length=300,
        widget=forms.TextInput,
        help_text=_("Kısaca; görüştüğünüz kişilerin adlarını yazmayın."),
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["place"].choices = place_choices(person)
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())

    def place_objects(self) -> dict:
        """``{"match": Match}`` or ``{"signup": SignUp}`` of the person, from the choice."""
        from events.models import SignUp

        value = self.cleaned_data.get("place") or ""
        kind, _sep, pk = value.partition("-")
        if not pk.isdigit():
            return {}
        if kind == "match":
            match = Match.objects.select_related("role__program").filter(
                pk=int(pk), person=self.person
            )
            return {"match": match.first()} if match.exists() else {}
        if kind == "signup":
            signup = SignUp.objects.select_related("event").filter(pk=int(pk), person=self.person)
            return {"signup": signup.first()} if signup.exists() else {}
        return {}


# --- Mentor credential ------------------------------------------------------------------------


class ReferenceForm(forms.Form):
    reference_organisation = forms.ModelChoiceField(
        label=_("Referans veren akredite kuruluş"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Kuruluş seçin"),
    )
    reference_unit = forms.ModelChoiceField(
        label=_("ya da referans veren Sosyal Uyum Birimi"),
        queryset=SupportUnit.objects.none(),
        required=False,
        empty_label=_("Birim seçin"),
        help_text=_("Bir kuruluş ya da bir birim seçin, ikisini birden değil."),
    )
    referee_name = forms.CharField(label=_("Referans veren kişi"), max_length=150, required=False)
    referee_position = forms.CharField(label=_("Görevi"), max_length=150, required=False)
    reference_statement = forms.CharField(
        label=_("Referans yazısı"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Referans veren kişinin sizi hangi çalışmalardan tanıdığını anlatan kısa yazı. "
            "İyileşme sürecinize ilişkin ayrıntı yazılması gerekmez; o bilgi yalnızca "
            "beyanınızda yer alır."
        ),
    )

    def __init__(self, *args, credential, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.accredited()
        units = SupportUnit.objects.active()
        # What the credential already names stays choosable even if it changed since.
        if credential.reference_organisation_id:
            organisations = Organisation.objects.filter(
                pk__in=organisations.values("pk")
            ) | Organisation.objects.filter(pk=credential.reference_organisation_id)
        self.fields["reference_organisation"].queryset = organisations.alphabetical()
        self.fields["reference_unit"].queryset = units.select_related("province")
        self.fields["reference_unit"].label_from_instance = lambda unit: (
            f"{unit.name} ({unit.province.name})"
        )

    def clean(self):
        data = super().clean()
        if data.get("reference_organisation") and data.get("reference_unit"):
            self.add_error(
                "reference_unit",
                _("Referans için bir kuruluş ya da bir birim seçin, ikisini birden değil."),
            )
        return data


class DeclarationForm(forms.Form):
    years_in_recovery = forms.IntegerField(
        label=_("Kaç yıldır iyileşme sürecindesiniz?"),
        min_value=0,
        max_value=MAX_YEARS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("0 ile 80 arasında bir yıl sayısı girin."),
            "invalid": _("0 ile 80 arasında bir yıl sayısı girin."),
            "min_value": _("0 ile 80 arasında bir yıl sayısı girin."),
            "max_value": _("0 ile 80 arasında bir yıl sayısı girin."),
        },
    )
    statement = forms.CharField(
        label=_("Beyanınız"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
        help_text=_(
            "İyileşme sürecinizi ve deneyiminizi başkalarına destek olmak için nasıl "
            "kullanmak istediğinizi birkaç cümleyle anlatın. Yalnızca siz ve başvurunuza "
            "atanan değerlendirici, amacını yazarak görebilir."
        ),
        error_messages={"required": _("Beyanınızı birkaç cümleyle yazın.")},
    )
