"""Forms of the joint project pages. They parse what was typed; the rules that need the
database (accreditation, who is already a partner, the life cycle) are the services'."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from core.files import EVIDENCE_MAX_BYTES
from core.forms import DateField
from core.models import Province, WorkingArea

from ..models import Project, ProjectPartner
from ..permissions import platform_organisations


def _clean_line(value: str) -> str:
    return " ".join((value or "").split())


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.legal_name


class OrganisationMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        province = obj.province.name if obj.province_id else ""
        return f"{obj.legal_name} ({province})" if province else obj.legal_name


class ProjectForm(forms.Form):
    """Proposing (with the lead organisation and invitations) or editing a project."""

    organisation = OrganisationChoiceField(
        label=_("Yürütücü kuruluş"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Projeyi hangi kuruluşunuz adına öneriyorsunuz?"),
        error_messages={
            "required": _("Projeyi öneren kuruluşu seçin."),
            "invalid_choice": _("Kuruluşu listeden seçin."),
        },
    )
    title = forms.CharField(
        label=_("Projenin adı"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Projenin adını yazın.")},
    )
    aims = forms.CharField(
        label=_("Amaçlar"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Projeyle neyi birlikte değiştirmek istediğinizi birkaç cümleyle yazın."),
        error_messages={"required": _("Projenin amaçlarını yazın.")},
    )
    description = forms.CharField(
        label=_("Açıklama"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Yöntem, takvim, kaynaklar. Projeden yararlanan kişilerin adlarını ya da "
            "kimliklerini ortaya koyacak bilgi yazmayın."
        ),
    )
    working_areas = forms.ModelMultipleChoiceField(
        label=_("Çalışma alanları"),
        queryset=WorkingArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("En az bir çalışma alanı seçin.")},
    )
    provinces = forms.ModelMultipleChoiceField(
        label=_("İller"),
        queryset=Province.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Birden çok il seçmek için Ctrl (Mac'te Cmd) tuşunu basılı tutun."),
        error_messages={
            "required": _("Projenin yürütüleceği en az bir il seçin."),
            "invalid_choice": _("İli listeden seçin."),
        },
    )
    starts_on = DateField(
        label=_("Başlangıç tarihi"), error_messages={"required": _("Başlangıç tarihini girin.")}
    )
    ends_on = DateField(
        label=_("Bitiş tarihi"), error_messages={"required": _("Bitiş tarihini girin.")}
    )
    partner_roles_needed = forms.CharField(
        label=_("Aranan ortak rolleri"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Örneğin: okul programı yürütecek bir kuruluş, gönüllü eğitmenler. Doldurursanız "
            "proje “ortak arıyor” olarak listelenir."
        ),
    )
    invite = OrganisationMultipleChoiceField(
        label=_("Davet edilecek kuruluşlar"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_(
            "İsterseniz akredite kuruluşları şimdi davet edin; davetleri daha sonra da "
            "gönderebilirsiniz."
        ),
        error_messages={"invalid_choice": _("Davet edilecek kuruluşu listeden seçin.")},
    )
    invite_message = forms.CharField(
        label=_("Davet mesajı"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    from_activity = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations=None, project: Project | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        current_areas = list(project.working_areas.values_list("pk", flat=True)) if project else []
        areas = WorkingArea.objects.active()
        if current_areas:
            areas = WorkingArea.objects.filter(Q(is_active=True) | Q(pk__in=current_areas))
        self.fields["working_areas"].queryset = areas.order_by("sort_order", "name")
        self.fields["provinces"].queryset = Province.objects.alphabetical()
        if project is not None:
            # Editing: the lead and the invitations are not part of this form.
            for name in ("organisation", "invite", "invite_message", "from_activity"):
                del self.fields[name]
        else:
            self.fields["organisation"].queryset = organisations
            self.fields["invite"].queryset = (
                Organisation.objects.accredited().select_related("province").order_by("legal_name")
            )

    @property
    def main_fields(self):
        names = ["organisation", "title", "aims", "description", "working_areas"]
        return [self[name] for name in names if name in self.fields]

    @property
    def place_fields(self):
        names = ["provinces", "starts_on", "ends_on", "partner_roles_needed"]
        return [self[name] for name in names]

    @property
    def invite_fields(self):
        return [self[name] for name in ("invite", "invite_message") if name in self.fields]

    @classmethod
    def initial_for(cls, project: Project) -> dict:
        return {
            "title": project.title,
            "aims": project.aims,
            "description": project.description,
            "working_areas": list(project.working_areas.values_list("pk", flat=True)),
            "provinces": list(project.provinces.values_list("pk", flat=True)),
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            "partner_roles_needed": project.partner_roles_needed,
        }

    def clean_title(self) -> str:
        title = _clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Projenin adını yazın."))
        return title

    def clean_aims(self) -> str:
        aims = self.cleaned_data["aims"].strip()
        if not aims:
            raise forms.ValidationError(_("Projenin amaçlarını yazın."))
        return aims

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Bitiş tarihi, başlangıç tarihinden önce olamaz."))
        lead = cleaned.get("organisation")
        invited = cleaned.get("invite")
        if lead is not None and invited and lead in invited:
            self.add_error("invite", _("Yürütücü kuruluş kendini davet edemez."))
        return cleaned

    def service_data(self) -> dict:
        names = (
            "title",
            "aims",
            "description",
            "starts_on",
            "ends_on",
            "partner_roles_needed",
            "working_areas",
            "provinces",
        )
        return {name: self.cleaned_data[name] for name in names}


class JoinForm(forms.Form):
    """An organisation asks to join a project."""

    organisation = OrganisationChoiceField(
        label=_("Kuruluşunuz"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Hangi kuruluşunuz adına katılmak istediğinizi seçin."),
            "invalid_choice": _("Kuruluşu listeden seçin."),
        },
    )
    message = forms.CharField(
        label=_("Mesajınız"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Projeye nasıl katkı sunabileceğinizi kısaca yazın."),
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("auto_id", "join_%s")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class InviteForm(forms.Form):
    """The lead invites an accredited organisation."""

    organisation = OrganisationChoiceField(
        label=_("Davet edilecek kuruluş"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("Davet edeceğiniz kuruluşu seçin."),
            "invalid_choice": _("Kuruluşu listeden seçin."),
        },
    )
    role = forms.CharField(
        label=_("Projedeki rolü"),
        max_length=200,
        required=False,
        help_text=_("Örneğin: okul oturumlarını yürütür."),
    )
    message = forms.CharField(
        label=_("Davet mesajı"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, project: Project, **kwargs):
        kwargs.setdefault("auto_id", "invite_%s")
        super().__init__(*args, **kwargs)
        taken = ProjectPartner.objects.filter(project=project).values("organisation")
        self.fields["organisation"].queryset = (
            Organisation.objects.accredited()
            .exclude(pk=project.lead_id)
            .exclude(pk__in=taken)
            .order_by("legal_name")
        )
        self.fields["organisation"].empty_label = _("Seçin")


class UpdateForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Kuruluş adına"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Kuruluşu listeden seçin.")},
    )
    text = forms.CharField(
        label=_("Güncelleme"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ortaklarla paylaşmak istediğiniz gelişme. Kişi adı ya da vaka bilgisi yazmayın."
        ),
        error_messages={"required": _("Güncellemenin metnini yazın.")},
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("auto_id", "update_%s")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Güncellemenin metnini yazın."))
        return text


class FileForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Kuruluş adına"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Kuruluşu listeden seçin.")},
    )
    title = forms.CharField(
        label=_("Dosyanın başlığı"),
        max_length=200,
        error_messages={"required": _("Dosyaya bir başlık verin.")},
    )
    upload = forms.FileField(
        label=_("Dosya"),
        help_text=_("PDF, JPEG, PNG ya da DOCX; en fazla %(size)s MB.")
        % {"size": EVIDENCE_MAX_BYTES // (1024 * 1024)},
        error_messages={
            "required": _("Bir dosya seçin."),
            "empty": _("Yüklenen dosya boş."),
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("auto_id", "file_%s")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class LinkActivityForm(forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Bağlanacak faaliyet"),
        queryset=None,
        error_messages={
            "required": _("Bağlanacak faaliyeti seçin."),
            "invalid_choice": _("Faaliyeti listeden seçin."),
        },
    )

    def __init__(self, *args, activities, **kwargs):
        kwargs.setdefault("auto_id", "link_%s")
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        self.fields["activity"].empty_label = _("Seçin")
        self.fields["activity"].label_from_instance = lambda a: (
            f"{a.title} ({a.organisation.display_name}, {a.starts_on:%d.%m.%Y})"
        )


class ProjectFilter(django_filters.FilterSet):
    """The project list's filters; every choice is in the URL, so a filtered list can be
    shared."""

    q = django_filters.CharFilter(label=_("Ara"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Durum"), choices=Project.Status.choices, empty_label=_("Tümü")
    )
    working_area = django_filters.ModelChoiceFilter(
        label=_("Çalışma alanı"),
        field_name="working_areas",
        to_field_name="slug",
        queryset=WorkingArea.objects.active().order_by("sort_order", "name"),
        empty_label=_("Tümü"),
    )
    province = django_filters.ModelChoiceFilter(
        label=_("İl"),
        field_name="provinces",
        queryset=Province.objects.alphabetical(),
        empty_label=_("Tüm iller"),
    )
    looking = django_filters.BooleanFilter(
        label=_("Ortak arayan projeler"),
        method="filter_looking",
        widget=forms.CheckboxInput,
    )
    mine = django_filters.BooleanFilter(
        label=_("Kuruluşlarımın projeleri"),
        method="filter_mine",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(aims__icontains=value)
            | Q(lead__legal_name__icontains=value)
            | Q(lead__short_name__icontains=value)
        )

    def filter_looking(self, queryset, name, value):
        """Open projects that say which partner roles they need."""
        if not value:
            return queryset
        return queryset.filter(status__in=[Project.Status.PROPOSED, Project.Status.ACTIVE]).exclude(
            partner_roles_needed=""
        )

    def filter_mine(self, queryset, name, value):
        if not value or self.user is None:
            return queryset
        mine = platform_organisations(self.user).values("pk")
        return queryset.filter(
            Q(lead__in=mine)
            | Q(
                partners__organisation__in=mine,
                partners__status__in=[
                    ProjectPartner.Status.ACCEPTED,
                    ProjectPartner.Status.REQUESTED,
                    ProjectPartner.Status.INVITED,
                ],
            )
        )

    def filter_queryset(self, queryset):
        # Many-to-many filters can repeat a project; the list shows each once.
        return super().filter_queryset(queryset).distinct()


class NoteForm(forms.Form):
    """The reason some moves need (declining a request, leaving, cancelling)."""

    note = forms.CharField(
        label=_("Gerekçe"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
