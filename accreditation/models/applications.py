"""Accreditation applications and their review."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import evidence_upload_to, private_storage
from core.models.lifecycle import LifecycleModel

from .organisations import Organisation
from .standards import Criterion, Standard

APPEAL_WINDOW = datetime.timedelta(days=30)


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Taslak")
    SUBMITTED = "submitted", _("Gönderildi")
    SCREENING = "screening", _("Ön inceleme")
    IN_REVIEW = "in_review", _("Değerlendirmede")
    CHANGES_REQUESTED = "changes_requested", _("Düzeltme istendi")
    SITE_VISIT = "site_visit", _("Saha ziyareti")
    DECISION_PENDING = "decision_pending", _("Karar bekliyor")
    ACCREDITED = "accredited", _("Akredite edildi")
    PROVISIONAL = "provisional", _("Geçici akredite edildi")
    REJECTED = "rejected", _("Reddedildi")
    APPEALED = "appealed", _("İtiraz edildi")
    WITHDRAWN = "withdrawn", _("Geri çekildi")


# An organisation has at most one application that is not in one of these.
CLOSED_STATUSES = (
    ApplicationStatus.ACCREDITED,
    ApplicationStatus.PROVISIONAL,
    ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN,
)
# Statuses in which the applicant may edit the self-assessment and evidence.
EDITABLE_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED)


class ApplicationQuerySet(models.QuerySet):
    def open(self) -> "ApplicationQuerySet":
        return self.exclude(status__in=CLOSED_STATUSES)

    def in_provinces(self, province_ids: set[int] | None) -> "ApplicationQuerySet":
        """None means every province (a national role)."""
        if province_ids is None:
            return self
        return self.filter(organisation__province_id__in=province_ids)


class Application(LifecycleModel):
    class Kind(models.TextChoices):
        INITIAL = "initial", _("İlk başvuru")
        RENEWAL = "renewal", _("Yenileme")

    Status = ApplicationStatus

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("kuruluş"),
    )
    standard = models.ForeignKey(
        Standard,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("standart sürümü"),
    )
    kind = models.CharField(_("tür"), max_length=10, choices=Kind.choices, default=Kind.INITIAL)
    renews = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("yenilenen başvuru"),
    )
    status = models.CharField(
        _("durum"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    round = models.PositiveSmallIntegerField(
        _("tur"), default=1, help_text=_("Her düzeltme isteğinde bir artar; eski turlar saklanır.")
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("İlk gönderilme"), null=True, blank=True)
    decided_at = models.DateTimeField(_("karar zamanı"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("karar veren"),
    )
    decision_note = models.TextField(_("karar gerekçesi / koşullar"), blank=True)
    appealed_at = models.DateTimeField(_("İtiraz zamanı"), null=True, blank=True)
    # Board members who decided this application before (the appeal goes to someone else).
    earlier_deciders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("akreditasyon başvurusu")
        verbose_name_plural = _("akreditasyon başvuruları")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=~models.Q(status__in=[s.value for s in CLOSED_STATUSES]),
                name="application_one_open_per_organisation",
                violation_error_message=_("Bu kuruluşun süren bir başvurusu zaten var."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ApplicationStatus.values),
                name="application_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.standard.code} v{self.standard.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def days_waiting(self) -> int:
        return (timezone.now() - self.status_changed_at).days

    @property
    def is_overdue(self) -> bool:
        limit = settings.PORTAL_STEP_LIMIT_DAYS.get(self.status)
        return limit is not None and self.days_waiting > limit

    @property
    def province_name(self) -> str:
        return self.organisation.province.name

    @property
    def is_appeal(self) -> bool:
        return self.appealed_at is not None

    @property
    def appeal_deadline(self) -> datetime.datetime | None:
        if self.status != ApplicationStatus.REJECTED or self.decided_at is None:
            return None
        return self.decided_at + APPEAL_WINDOW


class Answer(models.Model):
    """The applicant's self-assessment of one criterion in one round."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    round = models.PositiveSmallIntegerField(_("tur"))
    self_score = models.PositiveSmallIntegerField(
        _("öz değerlendirme puanı"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(3)],
    )
    narrative = models.TextField(_("açıklama"), blank=True, max_length=5000)
    updated_at = models.DateTimeField(_("güncellenme"), auto_now=True)

    class Meta:
        ordering = ["application", "round", "criterion__group__sort_order", "criterion__sort_order"]
        verbose_name = _("öz değerlendirme yanıtı")
        verbose_name_plural = _("öz değerlendirme yanıtları")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "round"], name="answer_per_round"
            ),
            models.CheckConstraint(
                condition=models.Q(self_score__isnull=True) | models.Q(self_score__lte=3),
                name="answer_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id} · {self.round}"


class Evidence(models.Model):
    """A file supporting one criterion. Stored privately under a random name."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="evidence")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    round = models.PositiveSmallIntegerField(_("tur"))
    file = models.FileField(_("dosya"), upload_to=evidence_upload_to, storage=private_storage)
    original_name = models.CharField(_("özgün ad"), max_length=255)
    content_type = models.CharField(_("İçerik türü"), max_length=100)
    size = models.PositiveIntegerField(_("boyut"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("yüklenme"), auto_now_add=True)
    removed_at = models.DateTimeField(_("kaldırılma"), null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("kanıt dosyası")
        verbose_name_plural = _("kanıt dosyaları")

    def __str__(self) -> str:
        return self.original_name


class ReviewAssignment(models.Model):
    """A reviewer on an application. The reviewer declares no conflict of interest before
    seeing the file, or recuses, which frees the place for someone else."""

    class State(models.TextChoices):
        AWAITING_DECLARATION = "awaiting", _("Beyan bekleniyor")
        ACTIVE = "active", _("Değerlendiriyor")
        RECUSED = "recused", _("Çekildi")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="review_assignments",
        verbose_name=_("değerlendirici"),
    )
    for_appeal = models.BooleanField(_("İtiraz için"), default=False)
    position = models.PositiveSmallIntegerField(_("sıra"))  # "Değerlendirici 1/2"
    state = models.CharField(
        _("durum"), max_length=10, choices=State.choices, default=State.AWAITING_DECLARATION
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("atanma"), auto_now_add=True)
    declared_at = models.DateTimeField(_("beyan zamanı"), null=True, blank=True)
    recusal_reason = models.TextField(_("çekilme gerekçesi"), blank=True)
    completed_round = models.PositiveSmallIntegerField(_("tamamlanan tur"), null=True, blank=True)

    class Meta:
        ordering = ["application", "for_appeal", "position"]
        verbose_name = _("değerlendirici ataması")
        verbose_name_plural = _("değerlendirici atamaları")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="assignment_reviewer_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.reviewer}"

    @property
    def pseudonym(self) -> str:
        return _("Değerlendirici %(number)s") % {"number": self.position}


class CriterionScore(models.Model):
    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    round = models.PositiveSmallIntegerField(_("tur"))
    score = models.PositiveSmallIntegerField(
        _("puan"), validators=[MinValueValidator(0), MaxValueValidator(3)]
    )
    comment = models.TextField(_("yorum"), max_length=3000)
    scored_at = models.DateTimeField(_("puanlama"), auto_now=True)

    class Meta:
        ordering = ["assignment", "round", "criterion__group__sort_order", "criterion__sort_order"]
        verbose_name = _("ölçüt puanı")
        verbose_name_plural = _("ölçüt puanları")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion", "round"], name="score_per_round"
            ),
            models.CheckConstraint(condition=models.Q(score__lte=3), name="score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class SiteVisit(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="site_visits"
    )
    visited_on = models.DateField(_("ziyaret tarihi"))
    report = models.TextField(_("ziyaret raporu"), max_length=10000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("kayıt"), auto_now_add=True)

    class Meta:
        ordering = ["visited_on"]
        verbose_name = _("saha ziyareti")
        verbose_name_plural = _("saha ziyaretleri")

    def __str__(self) -> str:
        return str(self.visited_on)
