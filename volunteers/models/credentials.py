"""The experience mentor credential (deneyim mentoru yetkinliği), the applicant's
encrypted recovery declaration and the log of who read it."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel


class MentorCredentialQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None) -> "MentorCredentialQuerySet":
        on = on or timezone.localdate()
        return self.filter(status=MentorCredential.Status.GRANTED, valid_until__gte=on)


class MentorCredential(LifecycleModel):
    """A volunteer's credential as a deneyim mentoru (experience mentor)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        SUBMITTED = "submitted", _("Başvuruldu")
        IN_REVIEW = "in_review", _("İncelemede")
        GRANTED = "granted", _("Verildi")
        DECLINED = "declined", _("Olumsuz sonuçlandı")
        WITHDRAWN = "withdrawn", _("Geri çekildi")
        EXPIRED = "expired", _("Süresi doldu")
        REVOKED = "revoked", _("Geri alındı")

    class Recommendation(models.TextChoices):
        GRANT = "grant", _("Verilmesi uygun")
        DECLINE = "decline", _("Verilmesi uygun değil")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_credentials",
        verbose_name=_("kişi"),
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("İl"),
        help_text=_("Başvuruyu bu ilin değerlendiricileri inceler."),
    )
    reference_organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referans veren kuruluş"),
    )
    reference_unit = models.ForeignKey(
        "core.SupportUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referans veren Sosyal Uyum Birimi"),
    )
    referee_name = models.CharField(_("referans veren kişi"), max_length=150, blank=True)
    referee_position = models.CharField(_("görevi"), max_length=150, blank=True)
    reference_statement = models.TextField(_("referans yazısı"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("değerlendirici"),
    )
    recommendation = models.CharField(
        _("değerlendirici görüşü"), max_length=10, choices=Recommendation.choices, blank=True
    )
    review_note = models.TextField(_("değerlendirme notu"), blank=True)
    submitted_at = models.DateTimeField(_("başvuru zamanı"), null=True, blank=True)
    granted_on = models.DateField(_("veriliş tarihi"), null=True, blank=True)
    valid_until = models.DateField(_("geçerlilik sonu"), null=True, blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    objects = MentorCredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("deneyim mentoru yetkinliği")
        verbose_name_plural = _("deneyim mentoru yetkinlikleri")
        constraints = [
            # One credential in progress or in force per person; a new one after the old ends.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=["draft", "submitted", "in_review", "granted"]),
                name="mentor_one_open_credential",
                violation_error_message=_("Sürmekte olan bir başvurunuz ya da yetkinliğiniz var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_status_display()}"

    @property
    def is_in_force(self) -> bool:
        return (
            self.status == self.Status.GRANTED
            and self.valid_until is not None
            and self.valid_until >= timezone.localdate()
        )


class RecoveryDeclaration(models.Model):
    """The applicant's declaration about their recovery: special-category data. Stored only
    encrypted; read through ``volunteers.declarations.declaration_read``, which logs who read it,
    when and why. Never listed, searched, exported or mailed."""

    credential = models.OneToOneField(
        MentorCredential, on_delete=models.CASCADE, related_name="declaration"
    )
    ciphertext = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("İyileşme beyanı")
        verbose_name_plural = _("İyileşme beyanları")

    def __str__(self) -> str:
        return str(_("İyileşme beyanı (şifreli)"))


class DeclarationAccess(models.Model):
    """One reading of a recovery declaration: who, when and for what purpose."""

    declaration = models.ForeignKey(
        RecoveryDeclaration, on_delete=models.CASCADE, related_name="accesses"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("okuyan"),
    )
    purpose = models.CharField(_("amaç"), max_length=300)
    at = models.DateTimeField(_("zaman"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("beyan okuma kaydı")
        verbose_name_plural = _("beyan okuma kayıtları")

    def __str__(self) -> str:
        return f"{self.reader} · {self.at:%d.%m.%Y %H:%M}"
