"""Forms of the platform's activity pages. They parse what was typed; the rules (dates,
breakdowns that add up, district in province, partners) are the service's, whose errors come
back onto the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from core.forms import DateField, DecimalCommaField, DistrictChoiceField
from core.models import ActivityType, AddictionType, Province, TargetGroup, WorkingArea
from events.models import Event
from volunteers.models import Program

from ..activities import CREATE_STATUSES
from ..models import Activity

COUNT_ERRORS = {
    "min_value": _("Bu sayı sıfırdan küçük olamaz."),
    "invalid": _("Bir tam sayı girin, ör. 25."),
    "max_value": _("Bu sayı çok büyük."),
}


def _count(label, help_text=""):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=2_000_000_000,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        error_messages=COUNT_ERRORS,
    )


def _with_current(queryset, current_ids):
    """Active terms, plus those already chosen (a retired term stays on records that have
    it, so saving an unchanged form never fails)."""
    current_ids = [pk for pk in current_ids if pk]
    if current_ids:
        return queryset.model.objects.filter(pk__in=current_ids) | queryset
    return queryset


class ActivityForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Kuruluş"),
        queryset=Organisation.objects.none(),
        help_text=_("Faaliyeti hangi kuruluşunuz adına kaydediyorsunuz?"),
        error_messages={
            "required": _("Kuruluşu seçin."),
            "invalid_choice": _("Kuruluşu listeden seçin."),
        },
    )
    title = forms.CharField(
        label=_("Faaliyetin adı"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Faaliyetin adını yazın.")},
    )
    activity_type = forms.ModelChoiceField(
        label=_("Faaliyet türü"),
        queryset=ActivityType.objects.none(),
        error_messages={
            "required": _("Faaliyet türünü seçin."),
            "invalid_choice": _("Faaliyet türünü listeden seçin."),
        },
    )
    working_area = forms.ModelChoiceField(
        label=_("Çalışma alanı"),
        queryset=WorkingArea.objects.none(),
        error_messages={
            "required": _("Çalışma alanını seçin."),
            "invalid_choice": _("Çalışma alanını listeden seçin."),
        },
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Hedef gruplar"),
        queryset=TargetGroup.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("En az bir hedef grup seçin."),
            "invalid_choice": _("Hedef grupları listeden seçin."),
        },
    )
    addiction_types = forms.ModelMultipleChoiceField(
        label=_("Bağımlılık türleri"),
        queryset=AddictionType.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Açıklama"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Faaliyeti anlatın. Katılan ya da ulaşılan kişilerin adlarını ya da kimliklerini "
            "ortaya koyacak bilgi yazmayın."
        ),
    )
    province = forms.ModelChoiceField(
        label=_("İl"),
        queryset=Province.objects.none(),
        error_messages={
            "required": _("Faaliyetin yapıldığı ili seçin."),
            "invalid_choice": _("İli listeden seçin."),
        },
    )
    district = DistrictChoiceField(
        label=_("İlçe"),
        required=False,
        help_text=_("Boş bırakılırsa faaliyet ilin geneline yöneliktir."),
        error_messages={"invalid_choice": _("İlçeyi listeden seçin.")},
    )
    venue = forms.CharField(
        label=_("Yer"),
        required=False,
        max_length=200,
        help_text=_("İsteğe bağlı; ör. “Moda Kültür Merkezi”."),
    )
    starts_on = DateField(
        label=_("Başlangıç tarihi"), error_messages={"required": _("Başlangıç tarihini girin.")}
    )
    ends_on = DateField(
        label=_("Bitiş tarihi"),
        help_text=_("Tek günlük faaliyetlerde başlangıç tarihiyle aynı gün."),
        error_messages={"required": _("Bitiş tarihini girin.")},
    )
    status = forms.ChoiceField(
        label=_("Durum"),
        choices=[(value, Activity.Status(value).label) for value in CREATE_STATUSES],
        initial=Activity.Status.PLANNED,
        error_messages={"invalid_choice": _("Durumu listeden seçin.")},
    )
    visibility = forms.ChoiceField(
        label=_("Görünürlük"),
        choices=Activity.Visibility.choices,
        initial=Activity.Visibility.PLATFORM,
        widget=forms.RadioSelect,
        help_text=Activity._meta.get_field("visibility").help_text,
        error_messages={"required": _("Görünürlüğü seçin.")},
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        label=_("Ortak kuruluşlar"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Platformdaki akredite kuruluşlardan faaliyete ortak olanlar."),
        error_messages={"invalid_choice": _("Ortak kuruluşları listeden seçin.")},
    )
    partner_institutions = forms.CharField(
        label=_("Ortak kamu kurumları"),
        required=False,
        max_length=500,
        help_text=Activity._meta.get_field("partner_institutions").help_text,
    )
    campaign = forms.ModelChoiceField(
        label=_("Bağlı kampanya"),
        queryset=None,
        required=False,
        empty_label=_("Yok"),
    )
    event = forms.ModelChoiceField(
        label=_("Bağlı etkinlik"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=_("Yok"),
        help_text=_("Kuruluşunuzun portalda düzenlediği etkinliklerden."),
    )
    program = forms.ModelChoiceField(
        label=_("Bağlı sosyal uyum programı"),
        queryset=Program.objects.none(),
        required=False,
        empty_label=_("Yok"),
        help_text=_("Kuruluşunuzun portaldaki programlarından."),
    )
    planned_participants = _count(_("Planlanan katılımcı"))
    actual_participants = _count(_("Gerçekleşen katılımcı"))
    people_reached = _count(
        _("Ulaşılan kişi"),
        _("Faaliyetin ulaştığı kişi sayısı. Sunulan hizmet sayısından ayrı tutulur."),
    )
    people_reached_unique = forms.BooleanField(
        label=_("Her kişi bir kez sayıldı (tekil kişi sayısı)"),
        required=False,
        initial=True,
        help_text=_("Aynı kişi birden çok kez sayıldıysa işareti kaldırın."),
    )
    services_delivered = _count(
        _("Sunulan hizmet"),
        _("Bir kişi birden çok hizmet almış olabilir; hizmetlerin toplam sayısını yazın."),
    )
    reached_women = _count(_("Kadın"))
    reached_men = _count(_("Erkek"))
    reached_age_0_14 = _count(_("0–14 yaş"))
    reached_age_15_24 = _count(_("15–24 yaş"))
    reached_age_25_64 = _count(_("25–64 yaş"))
    reached_age_65_plus = _count(_("65 yaş ve üstü"))
    volunteers_involved = _count(_("Gönüllü sayısı"))
    volunteer_hours = DecimalCommaField(
        label=_("Gönüllü saati"),
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=1,
        help_text=_("Gönüllülerin toplam saati; ör. 12,5."),
        error_messages={
            "min_value": _("Bu sayı sıfırdan küçük olamaz."),
            "invalid": _("Bir sayı girin, ör. 12,5."),
            "max_decimal_places": _("En fazla bir ondalık basamak girin."),
            "max_digits": _("Bu sayı çok büyük."),
            "max_whole_digits": _("Bu sayı çok büyük."),
        },
    )

    FIELDSETS = [
        (
            _("Faaliyet"),
            [
                "organisation",
                "title",
                "activity_type",
                "working_area",
                "target_groups",
                "addiction_types",
                "description",
            ],
        ),
        (_("Yer ve zaman"), ["province", "district", "venue", "starts_on", "ends_on", "status"]),
        (
            _("Ortaklar ve bağlantılar"),
            ["partner_organisations", "partner_institutions", "campaign", "event", "program"],
        ),
        (
            _("Sonuçlar (yalnızca toplam sayılar)"),
            [
                "planned_participants",
                "actual_participants",
                "people_reached",
                "people_reached_unique",
                "services_delivered",
            ],
        ),
        (_("Ulaşılan kişilerin cinsiyete göre dağılımı"), ["reached_women", "reached_men"]),
        (
            _("Ulaşılan kişilerin yaşa göre dağılımı"),
            ["reached_age_0_14", "reached_age_15_24", "reached_age_25_64", "reached_age_65_plus"],
        ),
        (_("Gönüllüler"), ["volunteers_involved", "volunteer_hours"]),
        (_("Görünürlük"), ["visibility"]),
    ]
    # The fields the overlap check reads (the JavaScript sends these to the overlap fragment).
    OVERLAP_FIELDS = (
        "organisation",
        "province",
        "district",
        "working_area",
        "target_groups",
        "starts_on",
        "ends_on",
    )

    def __init__(self, *args, organisations, activity: Activity | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        from home.models import CampaignPage

        self.activity = activity
        self.organisations = list(organisations)
        editing = activity is not None and activity.pk is not None
        organisation_ids = [org.pk for org in organisations]
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=organisation_ids
        ).alphabetical()
        if editing:
            del self.fields["organisation"]
            del self.fields["status"]
        elif len(organisation_ids) == 1:
            # One organisation: no choice to make (and none to forget).
            self.only_organisation = organisations[0]
            self.fields["organisation"].initial = organisation_ids[0]
            self.fields["organisation"].required = False
            self.fields["organisation"].widget = forms.HiddenInput()
        current = activity if editing else None
        self.fields["activity_type"].queryset = _with_current(
            ActivityType.objects.active(), [current.activity_type_id if current else None]
        ).order_by("sort_order", "name")
        self.fields["working_area"].queryset = _with_current(
            WorkingArea.objects.active(), [current.working_area_id if current else None]
        ).order_by("sort_order", "name")
        chosen = {}
        if current:
            chosen = {
                "target_groups": list(current.target_groups.values_list("pk", flat=True)),
                "addiction_types": list(current.addiction_types.values_list("pk", flat=True)),
            }
        self.fields["target_groups"].queryset = _with_current(
            TargetGroup.objects.active(), chosen.get("target_groups", [])
        ).order_by("sort_order", "name")
        self.fields["addiction_types"].queryset = _with_current(
            AddictionType.objects.active(), chosen.get("addiction_types", [])
        ).order_by("sort_order", "name")
        self.fields["province"].queryset = Province.objects.alphabetical()
        own = [activity.organisation_id] if editing else organisation_ids
        self.fields["partner_organisations"].queryset = (
            Organisation.objects.accredited().exclude(pk__in=own).alphabetical()
        )
        self.fields["campaign"].queryset = CampaignPage.objects.live().order_by("title")
        self.fields["event"].queryset = Event.objects.filter(organiser_id__in=own).order_by(
            "-starts_at"
        )
        self.fields["program"].queryset = Program.objects.filter(organisation_id__in=own).order_by(
            "-starts_on", "title"
        )

    @property
    def fieldsets(self):
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.FIELDSETS
        ]

    @classmethod
    def initial_for(cls, activity: Activity) -> dict:
        from ..activities import ACTIVITY_FIELDS

        initial = {}
        for field in ACTIVITY_FIELDS:
            initial[field] = getattr(activity, Activity._meta.get_field(field).attname)
        if activity.pk:
            initial["target_groups"] = list(activity.target_groups.values_list("pk", flat=True))
            initial["addiction_types"] = list(activity.addiction_types.values_list("pk", flat=True))
            initial["partner_organisations"] = list(
                activity.partner_organisations.values_list("pk", flat=True)
            )
        else:
            initial["status"] = activity.status
        return initial

    only_organisation = None

    def clean_organisation(self):
        return self.cleaned_data.get("organisation") or self.only_organisation

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Faaliyetin adını yazın."))
        return title

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("organisation", None)
        for name in ("target_groups", "addiction_types", "partner_organisations"):
            data[name] = list(data.get(name) or [])
        return data

    def overlap_query(self) -> dict | None:
        """What the overlap check needs, from the values that parsed; None when a needed one
        is missing (the check then asks for it)."""
        data = getattr(self, "cleaned_data", {})
        needed = ("province", "working_area", "target_groups", "starts_on", "ends_on")
        if any(not data.get(name) for name in needed):
            return None
        return {
            "province": data["province"],
            "district": data.get("district"),
            "working_area": data["working_area"],
            "target_groups": list(data["target_groups"]),
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        }


class OverlapQueryForm(forms.Form):
    """The overlap fragment's GET parameters (the activity form's own field names)."""

    organisation = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    pk = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    province = forms.ModelChoiceField(queryset=Province.objects.all())
    district = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    working_area = forms.ModelChoiceField(queryset=WorkingArea.objects.all())
    target_groups = forms.ModelMultipleChoiceField(queryset=TargetGroup.objects.all())
    starts_on = DateField()
    ends_on = DateField()


class ContactForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Kimin adına yazıyorsunuz?"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("Kuruluşunuzu seçin."),
            "invalid_choice": _("Kuruluşunuzu listeden seçin."),
        },
    )
    message = forms.CharField(
        label=_("İletiniz"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Kuruluşun yöneticilerine e-postayla gider; yanıtlar e-posta adresinize gelir. "
            "Kişisel veya danışan bilgisi yazmayın."
        ),
        error_messages={
            "required": _("İletinizi yazın."),
            "max_length": _("İleti en fazla 2000 karakter olabilir."),
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [org.pk for org in organisations]
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=ids
        ).alphabetical()
        if len(ids) == 1:
            self.only_organisation = organisations[0]
            self.fields["organisation"].initial = ids[0]
            self.fields["organisation"].required = False
            self.fields["organisation"].widget = forms.HiddenInput()

    only_organisation = None

    def clean_organisation(self):
        return self.cleaned_data.get("organisation") or self.only_organisation


class TransitionForm(forms.Form):
    target = forms.ChoiceField(choices=Activity.Status.choices)
    note = forms.CharField(
        label=_("Gerekçe"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
