"""Who carries a campaign: organisations that joined it, and people who follow it by e-mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

# The consent purpose of following a campaign by e-mail (its text is versioned like every
# consent's).
FOLLOW_PURPOSE = "campaign_updates"


class CampaignPledge(LifecycleModel):
    """An organisation's pledge to carry a campaign, made by one of its members. One row per
    organisation and campaign: leaving and re-joining move the same row through its life cycle."""

    class Status(models.TextChoices):
        JOINED = "joined", _("Katıldı")
        LEFT = "left", _("Ayrıldı")

    campaign = models.ForeignKey(
        "home.CampaignPage",
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("kampanya"),
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.CASCADE,
        related_name="campaign_pledges",
        verbose_name=_("kuruluş"),
    )
    status = models.CharField(
        _("durum"), max_length=20, choices=Status.choices, default=Status.JOINED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("katılan kişi"),
    )
    created_at = models.DateTimeField(_("katılım zamanı"), auto_now_add=True)

    class Meta:
        verbose_name = _("kampanya katılımı")
        verbose_name_plural = _("kampanya katılımları")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation"],
                name="one_pledge_per_organisation",
                violation_error_message=_("Bu kuruluş kampanyaya zaten katıldı."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.campaign}"


class CampaignFollower(LifecycleModel):
    """A person following a campaign by e-mail, with double opt-in.

    The address is kept only for this purpose; the consent text version and moments of consent
    and confirmation are kept with it, so the consent stays provable after the address leaves.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Onay bekliyor")
        CONFIRMED = "confirmed", _("Takip ediyor")
        UNSUBSCRIBED = "unsubscribed", _("Ayrıldı")

    campaign = models.ForeignKey(
        "home.CampaignPage",
        on_delete=models.CASCADE,
        related_name="followers",
        verbose_name=_("kampanya"),
    )
    email = models.EmailField(_("e-posta"))
    language = models.CharField(_("dil"), max_length=10, choices=settings.LANGUAGES, default="tr")
    status = models.CharField(
        _("durum"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    consent_text = models.ForeignKey(
        "core.ConsentText",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("onaylanan rıza metni"),
    )
    consented_at = models.DateTimeField(_("rıza zamanı"))
    confirmed_at = models.DateTimeField(_("onay zamanı"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("onay e-postası zamanı"), null=True, blank=True)

    class Meta:
        verbose_name = _("kampanya takipçisi")
        verbose_name_plural = _("kampanya takipçileri")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email"],
                name="one_follow_per_address",
                violation_error_message=_("Bu adres bu kampanyayı zaten takip ediyor."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign} · #{self.pk}"


class CampaignUpdate(models.Model):
    """A message staff send to a campaign's confirmed followers, through the task queue."""

    campaign = models.ForeignKey(
        "home.CampaignPage",
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=_("kampanya"),
    )
    subject = models.CharField(_("konu"), max_length=150)
    body = models.TextField(_("metin"), max_length=5000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gönderen"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gönderim"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("alıcı sayısı"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kampanya duyurusu")
        verbose_name_plural = _("kampanya duyuruları")

    def __str__(self) -> str:
        return self.subject
