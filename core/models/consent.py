"""Explicit consent (açık rıza) per purpose, separate from the privacy notice (aydınlatma metni).

A purpose has versioned texts; a person's consent points at the exact text version they agreed
to and when. Withdrawing keeps the record and stamps the time, so the history stays provable.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ConsentPurposeQuerySet(models.QuerySet):
    def active(self) -> "ConsentPurposeQuerySet":
        return self.filter(is_active=True)


class ConsentPurpose(models.Model):
    key = models.SlugField(_("anahtar"), max_length=50, unique=True)
    name = models.CharField(_("ad (Türkçe)"), max_length=120)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=120)
    is_active = models.BooleanField(_("kayıtta soruluyor"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)

    objects = ConsentPurposeQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "key"]
        verbose_name = _("rıza amacı")
        verbose_name_plural = _("rıza amaçları")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_en if (get_language() or "tr").startswith("en") else self.name


class ConsentText(models.Model):
    """One version of the text a person agrees to. Versions are never edited once in use."""

    purpose = models.ForeignKey(
        ConsentPurpose, on_delete=models.PROTECT, related_name="texts", verbose_name=_("amaç")
    )
    version = models.PositiveSmallIntegerField(_("sürüm"))
    body = models.TextField(_("metin (Türkçe)"))
    body_en = models.TextField(_("metin (İngilizce)"))
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["purpose", "-version"]
        get_latest_by = "version"
        verbose_name = _("rıza metni")
        verbose_name_plural = _("rıza metinleri")
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "version"],
                name="consent_text_version",
                violation_error_message=_("Bu amacın bu sürümde bir metni zaten var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} v{self.version}"

    @property
    def localized_body(self) -> str:
        return self.body_en if (get_language() or "tr").startswith("en") else self.body


class ConsentRecordQuerySet(models.QuerySet):
    def in_force(self) -> "ConsentRecordQuerySet":
        return self.filter(withdrawn_at__isnull=True)


class ConsentRecord(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("kişi"),
    )
    purpose = models.ForeignKey(
        ConsentPurpose, on_delete=models.PROTECT, related_name="records", verbose_name=_("amaç")
    )
    text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="records", verbose_name=_("metin")
    )
    granted_at = models.DateTimeField(_("verildiği zaman"))
    withdrawn_at = models.DateTimeField(_("geri alındığı zaman"), null=True, blank=True)
    source = models.CharField(_("kaynak"), max_length=30, default="account")

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("rıza kaydı")
        verbose_name_plural = _("rıza kayıtları")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="consent_one_in_force_per_purpose",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("granted_at")),
                name="consent_withdrawn_after_granted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.text.version})"
