"""Matches (applications, invitations and placements), their check-ins, and the batch
assignments coordinators compute before inviting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

from .programs import Program, Role


class MatchQuerySet(models.QuerySet):
    def holding_place(self) -> "MatchQuerySet":
        return self.filter(status__in=Match.HOLDING_PLACE)

    def open(self) -> "MatchQuerySet":
        return self.filter(status__in=Match.OPEN)


class Match(LifecycleModel):
    """A volunteer placed in a role: proposed → accepted → active → closed (MENTOR's stages of
    matching, initiation, support and closure)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Önerildi")
        ACCEPTED = "accepted", _("Kabul edildi")
        DECLINED = "declined", _("Olumsuz yanıtlandı")
        WITHDRAWN = "withdrawn", _("Geri çekildi")
        ACTIVE = "active", _("Sürüyor")
        CLOSED = "closed", _("Kapandı")

    class Origin(models.TextChoices):
        APPLICATION = "application", _("Gönüllü başvurdu")
        INVITATION = "invitation", _("Kuruluş davet etti")

    class Closure(models.TextChoices):
        COMPLETED = "completed", _("Taahhüt süresi tamamlandı")
        VOLUNTEER_LEFT = "volunteer_left", _("Gönüllü ayrıldı")
        PROGRAM_ENDED = "program_ended", _("Program sona erdi")
        NOT_A_FIT = "not_a_fit", _("Uyum sağlanamadı")
        OTHER = "other", _("Diğer")

    HOLDING_PLACE = ("accepted", "active")
    OPEN = ("proposed", "accepted", "active")

    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="matches", verbose_name=_("rol")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("gönüllü"),
    )
    origin = models.CharField(_("nasıl başladı"), max_length=12, choices=Origin.choices)
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    message = models.TextField(_("mesaj"), blank=True)
    score = models.FloatField(_("uyum puanı"), null=True, blank=True)
    closure_reason = models.CharField(
        _("kapanış nedeni"), max_length=20, choices=Closure.choices, blank=True
    )
    started_on = models.DateField(_("başlangıç"), null=True, blank=True)
    closed_on = models.DateField(_("kapanış"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("öneren"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("eşleşme")
        verbose_name_plural = _("eşleşmeler")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "person"],
                condition=Q(status__in=["proposed", "accepted", "active"]),
                name="match_one_open_per_role_and_person",
                violation_error_message=_("Bu rol için sürmekte olan bir başvuru ya da davet var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.role.title}"


class CheckIn(models.Model):
    """A short, regular note on how a placement is going (MENTOR's monitoring and support).
    About the volunteer's experience only: never names or details of the people they meet."""

    class Mood(models.TextChoices):
        GOING_WELL = "going_well", _("İyi gidiyor")
        CONCERNS = "concerns", _("Bazı kaygılarım var")
        NEEDS_SUPPORT = "needs_support", _("Desteğe ihtiyacım var")

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="check_ins", verbose_name=_("eşleşme")
    )
    on = models.DateField(_("tarih"))
    mood = models.CharField(_("nasıl gidiyor"), max_length=15, choices=Mood.choices)
    note = models.TextField(
        _("not"),
        blank=True,
        help_text=_(
            "Görüştüğünüz kişilerin adlarını ya da kimliklerini ortaya koyacak bilgi yazmayın."
        ),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("yazan"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("görüşme notu")
        verbose_name_plural = _("görüşme notları")

    def __str__(self) -> str:
        return f"{self.match} · {self.on:%d.%m.%Y}"


# --- Batch assignment -------------------------------------------------------------------------


class BatchAssignment(models.Model):
    """A coordinator's computed assignment, kept between the preview and the confirmation."""

    province = models.ForeignKey(
        "core.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("İl")
    )
    program = models.ForeignKey(
        Program,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("program"),
    )
    pairs = models.JSONField(_("atamalar"), default=list)  # [[role_id, user_id, score], ...]
    total_score = models.FloatField(_("toplam puan"))
    greedy_score = models.FloatField(_("açgözlü yöntemin puanı"))
    greedy_count = models.PositiveIntegerField(_("açgözlü yöntemin yerleştirdiği"), default=0)
    places = models.PositiveIntegerField(_("açık yer"))
    candidates = models.PositiveIntegerField(_("aday"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("hesaplayan"),
    )
    created_at = models.DateTimeField(_("hesaplanma"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("onaylanma"), null=True, blank=True)
    invitations = models.PositiveIntegerField(_("gönderilen davet"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("toplu atama")
        verbose_name_plural = _("toplu atamalar")

    def __str__(self) -> str:
        return f"{self.province} · {self.created_at:%d.%m.%Y %H:%M}"
