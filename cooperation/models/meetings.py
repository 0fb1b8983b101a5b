"""Province coordination meetings (il koordinasyon toplantısı) and the action items they
decide."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

from .indicators import Indicator


class Meeting(models.Model):
    """A province coordination meeting (il koordinasyon toplantısı)."""

    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="coordination_meetings",
        verbose_name=_("İl"),
    )
    title = models.CharField(_("başlık"), max_length=200)
    held_on = models.DateField(_("tarih"))
    place = models.CharField(_("yer"), max_length=200, blank=True)
    organisations = models.ManyToManyField(
        "accreditation.Organisation",
        blank=True,
        related_name="coordination_meetings",
        verbose_name=_("katılan kuruluşlar"),
    )
    institutions = models.TextField(
        _("katılan kamu kurumları"),
        blank=True,
        help_text=_("Her satıra bir kurum."),
    )
    agenda = models.TextField(_("gündem"))
    minutes = models.TextField(_("tutanak"), blank=True)
    decisions = models.TextField(_("kararlar"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("kaydeden"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("koordinasyon toplantısı")
        verbose_name_plural = _("koordinasyon toplantıları")

    def __str__(self) -> str:
        return self.title


class ActionItemQuerySet(models.QuerySet):
    def open(self) -> "ActionItemQuerySet":
        return self.filter(status__in=[ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS])

    def overdue(self, on: datetime.date | None = None) -> "ActionItemQuerySet":
        return self.open().filter(due_on__lt=on or timezone.localdate())


class ActionItem(LifecycleModel):
    """A task a coordination meeting decided, with who is responsible and by when."""

    class Status(models.TextChoices):
        OPEN = "open", _("Açık")
        IN_PROGRESS = "in_progress", _("Sürüyor")
        DONE = "done", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="action_items", verbose_name=_("toplantı")
    )
    title = models.CharField(_("İş"), max_length=300)
    responsible_institution = models.CharField(_("sorumlu kurum"), max_length=200)
    partner_organisations = models.ManyToManyField(
        "accreditation.Organisation",
        blank=True,
        related_name="action_items",
        verbose_name=_("İş birliği yapan kuruluşlar"),
    )
    partner_institutions = models.CharField(
        _("İş birliği yapan kurumlar"), max_length=500, blank=True
    )
    due_on = models.DateField(_("son tarih"))
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("İzlendiği gösterge"),
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    note = models.TextField(_("not"), blank=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("eylem maddesi")
        verbose_name_plural = _("eylem maddeleri")

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS) and (
            self.due_on < timezone.localdate()
        )
