"""Joint projects (ortak proje): the lead, its partners, the news items and files they
share on the project page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.files import evidence_upload_to, private_storage
from core.models.lifecycle import LifecycleModel


class Project(LifecycleModel):
    """A joint project (ortak proje) led by one organisation with partners."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Önerildi")
        ACTIVE = "active", pgettext_lazy("project status", "Yürürlükte")
        COMPLETED = "completed", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    title = models.CharField(_("ad"), max_length=200)
    slug = models.SlugField(_("kısa ad"), max_length=220, unique=True)
    lead = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="led_projects",
        verbose_name=_("yürütücü kuruluş"),
    )
    aims = models.TextField(_("amaçlar"))
    description = models.TextField(_("açıklama"), blank=True)
    working_areas = models.ManyToManyField(
        "core.WorkingArea", related_name="projects", verbose_name=_("çalışma alanları")
    )
    provinces = models.ManyToManyField(
        "core.Province", related_name="projects", verbose_name=_("İller")
    )
    starts_on = models.DateField(_("başlangıç tarihi"))
    ends_on = models.DateField(_("bitiş tarihi"))
    partner_roles_needed = models.TextField(
        _("aranan ortak rolleri"),
        blank=True,
        help_text=_("Örneğin: okul programı yürütecek bir kuruluş, gönüllü eğitmenler."),
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("öneren"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ortak proje")
        verbose_name_plural = _("ortak projeler")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
                violation_error_message=_("Bitiş tarihi başlangıçtan önce olamaz."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectPartner(LifecycleModel):
    """An organisation's place in a joint project: asked for by it or offered by the lead."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Katılma isteği")
        INVITED = "invited", _("Davet edildi")
        ACCEPTED = "accepted", _("Ortak")
        DECLINED = "declined", _("Kabul edilmedi")
        LEFT = "left", _("Ayrıldı")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partners", verbose_name=_("proje")
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="project_partnerships",
        verbose_name=_("kuruluş"),
    )
    role = models.CharField(
        _("projedeki rolü"),
        max_length=200,
        blank=True,
        help_text=_("Örneğin: okul oturumlarını yürütür."),
    )
    message = models.TextField(_("mesaj"), blank=True)
    status = models.CharField(_("durum"), max_length=12, choices=Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("başlatan"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["project", "created_at"]
        verbose_name = _("proje ortaklığı")
        verbose_name_plural = _("proje ortaklıkları")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="project_partner_unique",
                violation_error_message=_("Bu kuruluş projede zaten kayıtlı."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.project}"


class ProjectUpdate(models.Model):
    """A short news item partners post on the project page."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="updates", verbose_name=_("proje")
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kuruluş"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("yazan"),
    )
    text = models.TextField(_("metin"))
    created_at = models.DateTimeField(_("zaman"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proje güncellemesi")
        verbose_name_plural = _("proje güncellemeleri")

    def __str__(self) -> str:
        return f"{self.project} · {self.created_at:%Y-%m-%d}"


class ProjectFile(models.Model):
    """A file partners share on the project page, stored privately."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="files", verbose_name=_("proje")
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kuruluş"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("yükleyen"),
    )
    title = models.CharField(_("başlık"), max_length=200)
    file = models.FileField(_("dosya"), storage=private_storage, upload_to=evidence_upload_to)
    original_name = models.CharField(_("özgün dosya adı"), max_length=255)
    size = models.PositiveIntegerField(_("boyut (bayt)"), default=0)
    content_type = models.CharField(_("İçerik türü"), max_length=100)
    uploaded_at = models.DateTimeField(_("yükleme zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("proje dosyası")
        verbose_name_plural = _("proje dosyaları")

    def __str__(self) -> str:
        return self.title
