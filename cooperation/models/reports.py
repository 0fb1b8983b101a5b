"""Quarterly reports of organisations and their lines, one per working area."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

from .quarters import QUARTERS


class QuarterlyReport(LifecycleModel):
    """An organisation's report for one calendar quarter: pre-filled from its activities,
    edited, then submitted and locked."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        SUBMITTED = "submitted", _("Gönderildi")

    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="quarterly_reports",
        verbose_name=_("kuruluş"),
    )
    year = models.PositiveSmallIntegerField(_("yıl"))
    quarter = models.PositiveSmallIntegerField(_("çeyrek"), choices=QUARTERS)
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    highlights = models.TextField(_("öne çıkanlar"), blank=True)
    challenges = models.TextField(_("karşılaşılan güçlükler"), blank=True)
    next_steps = models.TextField(_("gelecek çeyrek planları"), blank=True)
    submitted_at = models.DateTimeField(_("gönderilme zamanı"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gönderen"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-quarter", "organisation"]
        verbose_name = _("çeyrek raporu")
        verbose_name_plural = _("çeyrek raporları")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "quarter"],
                name="report_unique_per_quarter",
                violation_error_message=_("Bu çeyrek için bir rapor zaten var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.year}/{self.quarter}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ReportLine(models.Model):
    """One working area's figures in a quarterly report (pre-filled, editable until sent)."""

    report = models.ForeignKey(
        QuarterlyReport, on_delete=models.CASCADE, related_name="lines", verbose_name=_("rapor")
    )
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("çalışma alanı"),
    )
    activities = models.PositiveIntegerField(_("tamamlanan faaliyet"), default=0)
    people_reached = models.PositiveIntegerField(_("ulaşılan kişi"), default=0)
    services_delivered = models.PositiveIntegerField(_("sunulan hizmet"), default=0)
    participants = models.PositiveIntegerField(_("katılımcı"), default=0)
    volunteers = models.PositiveIntegerField(_("gönüllü sayısı"), default=0)
    volunteer_hours = models.DecimalField(
        _("gönüllü saati"), max_digits=9, decimal_places=1, default=0
    )

    class Meta:
        ordering = ["report", "working_area__sort_order"]
        verbose_name = _("rapor satırı")
        verbose_name_plural = _("rapor satırları")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "working_area"], name="report_line_unique_area"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.working_area}"
