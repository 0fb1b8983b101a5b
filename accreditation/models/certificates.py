"""Certificates: an organisation's accreditation and a person's training, both verifiable."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

from .organisations import Organisation

EXPIRING_WITHIN = datetime.timedelta(days=90)
REMINDER_DAYS = (90, 30, 7)


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Geçerli")
    SUSPENDED = "suspended", _("Askıya alındı")
    REVOKED = "revoked", _("İptal edildi")
    EXPIRED = "expired", _("Süresi doldu")
    SUPERSEDED = "superseded", _("Yenisiyle değiştirildi")


class CertificateQuerySet(models.QuerySet):
    def valid(self) -> "CertificateQuerySet":
        return self.filter(status=CertificateStatus.VALID)


class Certificate(LifecycleModel):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Kuruluş akreditasyon belgesi")
        PERSONAL = "personal", _("Kişisel eğitim belgesi")

    class Tier(models.TextChoices):
        FULL = "full", _("Tam akreditasyon")
        PROVISIONAL = "provisional", _("Geçici akreditasyon")
        TRAINING = "training", _("Eğitim")
        PARTICIPATION = "participation", _("Etkinlik katılımı")
        VOLUNTEERING = "volunteering", _("Gönüllülük")

    Status = CertificateStatus

    kind = models.CharField(_("tür"), max_length=15, choices=Kind.choices)
    tier = models.CharField(_("belge düzeyi"), max_length=15, choices=Tier.choices)
    number = models.CharField(_("belge numarası"), max_length=30, unique=True)
    # Printed in the QR code; long and random so verification URLs cannot be guessed.
    verification_token = models.CharField(max_length=64, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("kuruluş"),
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("belge sahibi kişi"),
    )
    application = models.ForeignKey(
        "accreditation.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    title = models.CharField(_("başlık"), max_length=200)
    scope = models.TextField(_("kapsam"), blank=True)
    conditions = models.TextField(_("koşullar"), blank=True)
    hours = models.PositiveSmallIntegerField(_("eğitim saati"), null=True, blank=True)
    issued_on = models.DateField(_("düzenlenme tarihi"))
    expires_on = models.DateField(_("geçerlilik sonu"), null=True, blank=True)
    status = models.CharField(
        _("durum"),
        max_length=12,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("düzenleyen"),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("belge")
        verbose_name_plural = _("belgeler")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="organisation", organisation__isnull=False, holder__isnull=True)
                    | models.Q(kind="personal", holder__isnull=False, organisation__isnull=True)
                ),
                name="certificate_has_one_holder",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
            # One valid organisation certificate at a time: renewal supersedes the old one.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="valid", kind="organisation"),
                name="certificate_one_valid_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def holder_name(self) -> str:
        if self.organisation_id:
            return self.organisation.legal_name
        return self.holder.full_name

    @property
    def display_status(self) -> str:
        """The status a visitor sees: "expiring" is a valid certificate near its end date, and a
        valid certificate past its end date reads as expired even before the nightly job."""
        if self.status != CertificateStatus.VALID or self.expires_on is None:
            return self.status
        today = timezone.localdate()
        if self.expires_on < today:
            return CertificateStatus.EXPIRED
        if self.expires_on - today <= EXPIRING_WITHIN:
            return "expiring"
        return self.status


class CertificateReminder(models.Model):
    """A reminder sent before expiry; the unique pair makes the daily job idempotent."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"], name="reminder_once_per_threshold"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate} · {self.days_before}"
