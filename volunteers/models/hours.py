"""Hours volunteers gave, against a placement or an event."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

from .matches import Match


class HoursLog(LifecycleModel):
    """Hours a volunteer gave, against a placement or an event, approved by its organiser."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Onay bekliyor")
        APPROVED = "approved", _("Onaylandı")
        REJECTED = "rejected", _("Reddedildi")

    class Kind(models.TextChoices):
        VOLUNTEERING = "volunteering", _("Gönüllü çalışma")
        SUPERVISED = "supervised", _("Süpervizyonlu gönüllülük")
        CONTINUING = "continuing", _("Sürekli eğitim")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="hours_logs",
        verbose_name=_("gönüllü"),
    )
    match = models.ForeignKey(
        Match,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hours_logs",
        verbose_name=_("rol"),
    )
    signup = models.ForeignKey(
        "events.SignUp",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hours_logs",
        verbose_name=_("etkinlik"),
    )
    # Whose approval it needs and where it counts, fixed when the hours are logged.
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kuruluş"),
    )
    province = models.ForeignKey(
        "core.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("İl")
    )
    on = models.DateField(_("tarih"))
    hours = models.DecimalField(
        _("saat"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(24)],
    )
    kind = models.CharField(
        _("tür"), max_length=12, choices=Kind.choices, default=Kind.VOLUNTEERING
    )
    description = models.CharField(_("ne yaptınız"), max_length=300, blank=True)
    status = models.CharField(
        _("durum"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    automatic = models.BooleanField(
        _("katılımdan otomatik"),
        default=False,
        editable=False,
        help_text=_("Etkinlik yoklamasında katıldı işaretlenince yazıldı."),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("gönüllülük saati")
        verbose_name_plural = _("gönüllülük saatleri")
        indexes = [models.Index(fields=["person", "on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24),
                name="hours_between_0_and_24",
                violation_error_message=_("Saat 0'dan büyük ve en çok 24 olmalı."),
            ),
            models.CheckConstraint(
                condition=Q(match__isnull=False, signup__isnull=True)
                | Q(match__isnull=True, signup__isnull=False),
                name="hours_for_a_role_or_an_event",
                violation_error_message=_("Saati bir role ya da bir etkinliğe yazın."),
            ),
            models.UniqueConstraint(
                fields=["signup"],
                condition=Q(automatic=True),
                name="hours_credited_once_per_attendance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.on:%d.%m.%Y} · {self.hours}"

    @property
    def place_title(self) -> str:
        if self.match_id:
            return self.match.role.title
        return self.signup.event.title
