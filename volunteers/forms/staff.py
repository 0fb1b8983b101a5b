"""Forms of the staff pages: they parse what was typed; the services decide the rest."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateField
from core.models import Province

from ..models import MentorCredential, Program, Training

PURPOSE_MIN = 10


def _not_in_future(form: forms.Form, name: str, message) -> None:
    value = form.cleaned_data.get(name)
    if value is not None and value > timezone.localdate():
        form.add_error(name, message)


# --- Credentials ------------------------------------------------------------------------------


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=_("Değerlendirici"),
        queryset=None,
        empty_label=_("Bir değerlendirici seçin"),
        error_messages={
            "required": _("Bir değerlendirici seçin."),
            "invalid_choice": _("Bu kişi bu ilin değerlendiricisi değil; listeden seçin."),
        },
        help_text=_("Yalnızca bu ilde değerlendirici rolü olan kişiler listelenir."),
    )

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
        self.fields["reviewer"].label_from_instance = lambda user: user.full_name or user.email


class ReviewForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Görüşünüz"),
        choices=MentorCredential.Recommendation.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Görüşünüzü seçin."),
            "invalid_choice": _("Görüşünüzü seçin."),
        },
    )
    note = forms.CharField(
        label=_("Değerlendirme notu"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Değerlendirme notunu yazın.")},
        help_text=_(
            "Kurul kararını bu nota dayanarak verir. İyileşme beyanının içeriğini buraya "
            "aktarmayın."
        ),
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Karar"),
        choices=[("grant", _("Yetkinliği ver")), ("decline", _("Olumsuz sonuçlandır"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bir karar seçin."),
            "invalid_choice": _("Bir karar seçin."),
        },
    )
    note = forms.CharField(
        label=_("Gerekçe"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        help_text=_("Olumsuz kararlarda zorunludur; kişiye e-postayla iletilir."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Olumsuz karar için gerekçeyi yazın."))
        return cleaned


class RevokeForm(forms.Form):
    note = forms.CharField(
        label=_("Geri alma gerekçesi"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Yetkinliği neden geri aldığınızı yazın.")},
        help_text=_("Kişiye e-postayla iletilir."),
    )


class PurposeForm(forms.Form):
    purpose = forms.CharField(
        label=_("Okuma amacı"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=PURPOSE_MIN,
        max_length=300,
        error_messages={
            "required": _("Beyanı hangi amaçla okuduğunuzu yazın."),
            "min_length": _(
                "Beyanı hangi amaçla okuduğunuzu yazın (en az %(limit_value)d karakter)."
            ),
        },
        help_text=_(
            "Her okuma; kim, ne zaman ve hangi amaçla bilgisiyle kaydedilir ve kişiye gösterilir."
        ),
    )


# --- Volunteers' checks and trainings --------------------------------------------------------


class VolunteerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Ad ya da e-posta"),
        max_length=100,
        required=False,
        help_text=_("Büyük-küçük harf ve Türkçe karakter farkı gözetilmez."),
    )
    province = forms.ModelChoiceField(
        label=_("İl"),
        queryset=None,
        required=False,
        empty_label=_("Sorumlu olduğum tüm iller"),
        error_messages={"invalid_choice": _("Sorumlu olduğunuz illerden birini seçin.")},
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces


class BackgroundCheckForm(forms.Form):
    checked_on = DateField(
        label=_("Kontrol tarihi"),
        error_messages={"required": _("Kontrol tarihini girin.")},
        help_text=_("Adli sicil kaydını gördüğünüz gün."),
    )
    valid_until = DateField(
        label=_("Geçerlilik sonu"),
        error_messages={"required": _("Geçerlilik sonunu girin.")},
        help_text=_(
            "Yalnızca tarihler saklanır; belgenin kendisi ya da içeriği hiçbir zaman saklanmaz."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "checked_on", _("Kontrol tarihi ileride olamaz."))
        checked_on, valid_until = cleaned.get("checked_on"), cleaned.get("valid_until")
        if checked_on and valid_until and valid_until <= checked_on:
            self.add_error("valid_until", _("Geçerlilik sonu, kontrol tarihinden sonra olmalı."))
        return cleaned


class TrainingRecordForm(forms.Form):
    training = forms.ModelChoiceField(
        label=_("Eğitim"),
        queryset=Training.objects.all(),
        empty_label=_("Bir eğitim seçin"),
        error_messages={
            "required": _("Bir eğitim seçin."),
            "invalid_choice": _("Listeden bir eğitim seçin."),
        },
    )
    completed_on = DateField(
        label=_("Tamamlanma tarihi"),
        error_messages={"required": _("Tamamlanma tarihini girin.")},
        help_text=_("Kişiye doğrulanabilir bir eğitim belgesi düzenlenir."),
    )

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "completed_on", _("Tamamlanma tarihi ileride olamaz."))
        return cleaned


# --- Batch assignment and totals ---------------------------------------------------------------


class BatchForm(forms.Form):
    province = forms.ModelChoiceField(
        label=_("İl"),
        queryset=None,
        empty_label=_("Bir il seçin"),
        error_messages={
            "required": _("Bir il seçin."),
            "invalid_choice": _("Sorumlu olduğunuz illerden birini seçin."),
        },
    )
    program = forms.ModelChoiceField(
        label=_("Program"),
        queryset=None,
        required=False,
        empty_label=_("İldeki tüm programlar"),
        error_messages={"invalid_choice": _("Listeden yayında olan bir program seçin.")},
        help_text=_(
            "Boş bırakırsanız ildeki bütün yayında programların açık yerleri hesaba katılır."
        ),
    )

    def __init__(self, *args, provinces, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["program"].queryset = programs
        self.fields["program"].label_from_instance = lambda program: (
            f"{program.title} · {program.province.name}"
        )

    def clean(self):
        cleaned = super().clean()
        province: Province | None = cleaned.get("province")
        program: Program | None = cleaned.get("program")
        if province and program and program.province_id != province.pk:
            self.add_error("program", _("Seçilen program bu ilde değil."))
        return cleaned


class TotalsFilterForm(forms.Form):
    province = forms.ModelChoiceField(
        label=_("İl"),
        queryset=None,
        required=False,
        empty_label=_("Sorumlu olduğum tüm iller"),
        error_messages={"invalid_choice": _("Sorumlu olduğunuz illerden birini seçin.")},
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
