"""Social cohesion programs and the volunteer roles they need."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel
from core.models.places import place_error

from ..availability import FULL_WEEK
from .reference import Language, Skill, Training, term_mask


class ProgramQuerySet(models.QuerySet):
    def published(self) -> "ProgramQuerySet":
        return self.filter(status=Program.Status.PUBLISHED)


class Program(LifecycleModel):
    """A social cohesion program (sosyal uyum programı) and the roles it needs."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        PUBLISHED = "published", _("Yayında")
        CLOSED = "closed", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    title = models.CharField(_("ad"), max_length=200)
    slug = models.SlugField(_("kısa ad"), max_length=220, unique=True)
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("yürüten kuruluş"),
    )
    support_unit = models.ForeignKey(
        "core.SupportUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("yürüten Sosyal Uyum Birimi"),
        help_text=_("Birimlerin programlarını yetkili personel girer."),
    )
    aims = models.TextField(_("amaçlar"))
    description = models.TextField(_("açıklama"), blank=True)
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("çalışma alanı"),
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup",
        blank=True,
        related_name="programs",
        verbose_name=_("hedef gruplar"),
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("İl"),
    )
    district = models.ForeignKey(
        "core.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("İlçe"),
    )
    is_online = models.BooleanField(_("çevrim içi"), default=False)
    schedule = models.PositiveIntegerField(
        _("buluşma zamanları"),
        default=0,
        validators=[MaxValueValidator(FULL_WEEK)],
        help_text=_("Programın her hafta buluştuğu gün ve saat dilimleri."),
    )
    schedule_note = models.CharField(
        _("zaman açıklaması"),
        max_length=200,
        blank=True,
        help_text=_("Ör. “Her salı 18.00–20.00, iki haftada bir cumartesi sabahı”."),
    )
    starts_on = models.DateField(_("başlangıç"))
    ends_on = models.DateField(_("bitiş"), null=True, blank=True)
    areas_mask = models.BigIntegerField(default=0, editable=False)
    groups_mask = models.BigIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("oluşturan"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)
    updated_at = models.DateTimeField(_("güncellenme"), auto_now=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("sosyal uyum programı")
        verbose_name_plural = _("sosyal uyum programları")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(support_unit__isnull=False),
                name="program_has_a_runner",
                violation_error_message=_("Programı yürüten kuruluşu ya da birimi seçin."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="program_ends_after_it_starts",
                violation_error_message=_("Bitiş, başlangıçtan önce olamaz."),
            ),
            models.CheckConstraint(
                condition=Q(schedule__lte=FULL_WEEK), name="program_schedule_in_week"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from core.models import WorkingArea

        self.areas_mask = term_mask(WorkingArea, [self.working_area_id])
        super().save(*args, **kwargs)

    def refresh_masks(self) -> None:
        from ..masks import program_masks, store

        store(self, program_masks(self))

    @property
    def runner_name(self) -> str:
        if self.organisation_id:
            return self.organisation.display_name
        return self.support_unit.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if (place := place_error(self)) is not None:
            errors["district"] = place
        if self.schedule == 0:
            errors["schedule"] = _("Programın buluştuğu en az bir gün ve saat dilimini seçin.")
        if errors:
            raise ValidationError(errors)


class Role(models.Model):
    """A role a program needs volunteers for."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="roles", verbose_name=_("program")
    )
    title = models.CharField(_("rol adı"), max_length=150)
    description = models.TextField(_("açıklama"))
    required_skills = models.ManyToManyField(
        Skill, blank=True, related_name="roles", verbose_name=_("İstenen beceriler")
    )
    required_languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="roles_requiring",
        verbose_name=_("gerekli diller"),
        help_text=_("Adayın bu dillerin hepsini konuşması gerekir."),
    )
    helpful_languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="roles_preferring",
        verbose_name=_("yararlı diller"),
        help_text=_("Zorunlu değil; konuşan adaylar öne çıkar."),
    )
    requires_mentor = models.BooleanField(_("deneyim mentoru yetkinliği gerekir"), default=False)
    requires_background_check = models.BooleanField(
        _("adli sicil kontrolü gerekir"),
        default=False,
        help_text=_("Çocuklarla çalışılan rollerde işaretleyin."),
    )
    required_trainings = models.ManyToManyField(
        Training, blank=True, related_name="roles", verbose_name=_("gerekli eğitimler")
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("en düşük yaş"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    places = models.PositiveSmallIntegerField(
        _("kişi sayısı"),
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    weekly_hours = models.DecimalField(
        _("haftalık saat"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(60)],
    )
    commitment_months = models.PositiveSmallIntegerField(
        _("taahhüt süresi (ay)"), default=3, validators=[MinValueValidator(1)]
    )
    is_open = models.BooleanField(_("başvuruya açık"), default=True)
    skills_mask = models.BigIntegerField(default=0, editable=False)
    required_languages_mask = models.BigIntegerField(default=0, editable=False)
    helpful_languages_mask = models.BigIntegerField(default=0, editable=False)
    required_trainings_count = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["program", "pk"]
        verbose_name = _("gönüllü rolü")
        verbose_name_plural = _("gönüllü rolleri")
        constraints = [
            models.CheckConstraint(
                condition=Q(places__gte=1),
                name="role_has_places",
                violation_error_message=_("Rol en az bir kişilik olmalı."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.program}"

    def refresh_masks(self) -> None:
        from ..masks import role_masks, store

        store(self, role_masks(self))
