"""Forms of the public volunteering pages: the program list's filters and applying to a role."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Province, WorkingArea

from ..models import Program

MESSAGE_LENGTH = 1000


class ProgramFilter(django_filters.FilterSet):
    """The program list's filters; every choice is in the URL, so a filtered list can be
    shared. A filter with a bad value is left out and its field says why."""

    province = django_filters.ModelChoiceFilter(
        label=_("İl"), queryset=Province.objects.alphabetical(), empty_label=_("Tüm iller")
    )
    working_area = django_filters.ModelChoiceFilter(
        label=_("Çalışma alanı"),
        to_field_name="slug",
        queryset=WorkingArea.objects.active(),
        empty_label=_("Tümü"),
    )
    online = django_filters.ChoiceFilter(
        label=_("Katılım biçimi"),
        choices=[("in_person", _("Yüz yüze")), ("online", _("Çevrim içi"))],
        empty_label=_("Tümü"),
        method="filter_online",
    )

    class Meta:
        model = Program
        fields: list[str] = []

    def filter_online(self, queryset, name, value):
        if value == "online":
            return queryset.filter(is_online=True)
        if value == "in_person":
            return queryset.filter(is_online=False)
        return queryset


class ApplyForm(forms.Form):
    message = forms.CharField(
        label=_("Kuruluşa kısa bir not (isteğe bağlı)"),
        required=False,
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_LENGTH}),
        help_text=_(
            "Neden bu rolle ilgilendiğinizi ya da ne zaman başlayabileceğinizi yazabilirsiniz "
            "(en çok 1000 karakter). Kendiniz dışında kimsenin sağlığına ilişkin bilgi yazmayın."
        ),
        error_messages={
            "max_length": _("Not en çok %(limit_value)d karakter olabilir (şu an %(show_value)d).")
        },
    )
