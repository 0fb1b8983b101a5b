"""Performance indicators (performans göstergesi) of a working area, their province targets
per quarter and the hand-entered values of manual indicators."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .quarters import QUARTERS


class Indicator(models.Model):
    """A performance indicator (performans göstergesi) of a working area."""

    class Method(models.TextChoices):
        ACTIVITIES = "activities", _("Tamamlanan faaliyet sayısı")
        PEOPLE_REACHED = "people_reached", _("Ulaşılan kişi")
        UNIQUE_PEOPLE_REACHED = (
            "unique_people_reached",
            _("Kişileri tekil sayan faaliyetlerde ulaşılan kişi"),
        )
        SERVICES = "services", _("Sunulan hizmet")
        PARTICIPANTS = "participants", _("Gerçekleşen katılımcı")
        VOLUNTEERS = "volunteers", _("Gönüllü sayısı")
        VOLUNTEER_HOURS = "volunteer_hours", _("Gönüllü saati")
        ORGANISATIONS = "organisations", _("Faaliyet gösteren kuruluş sayısı")
        MANUAL = "manual", _("Elle girilir")

    name = models.CharField(_("ad (Türkçe)"), max_length=200)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=200)
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("çalışma alanı"),
    )
    unit = models.CharField(_("birim"), max_length=40, help_text=_("Örneğin: kişi, faaliyet."))
    unit_en = models.CharField(_("birim (İngilizce)"), max_length=40)
    method = models.CharField(
        _("hesaplama"),
        max_length=24,
        choices=Method.choices,
        help_text=_(
            "Faaliyetlerden hesaplanan göstergeler, çalışma alanındaki tamamlanmış faaliyetlerin "
            "bitiş tarihine göre çeyreklere sayılır; elle girilenleri il koordinatörü girer."
        ),
    )
    activity_type = models.ForeignKey(
        "core.ActivityType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("yalnızca bu faaliyet türü"),
    )
    description = models.TextField(_("açıklama"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)
    is_active = models.BooleanField(_("kullanımda"), default=True)

    class Meta:
        ordering = ["working_area__sort_order", "sort_order", "name"]
        verbose_name = _("performans göstergesi")
        verbose_name_plural = _("performans göstergeleri")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "tr").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def unit_label(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "tr").startswith("en") and self.unit_en:
            return self.unit_en
        return self.unit


class Target(models.Model):
    """The value an indicator should reach in a province in one quarter."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("gösterge")
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="indicator_targets",
        verbose_name=_("İl"),
    )
    year = models.PositiveSmallIntegerField(
        _("yıl"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(_("çeyrek"), choices=QUARTERS)
    value = models.DecimalField(
        _("hedef"), max_digits=14, decimal_places=1, validators=[MinValueValidator(0)]
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("belirleyen"),
    )
    updated_at = models.DateTimeField(_("güncelleme zamanı"), auto_now=True)

    class Meta:
        ordering = ["indicator", "province", "year", "quarter"]
        verbose_name = _("hedef")
        verbose_name_plural = _("hedefler")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "province", "year", "quarter"],
                name="target_unique_per_quarter",
                violation_error_message=_("Bu gösterge için bu çeyrekte zaten bir hedef var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.province} · {self.year}/{self.quarter}"


class IndicatorValue(models.Model):
    """A hand-entered actual value of a manual indicator in a province and quarter."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("gösterge")
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="indicator_values",
        verbose_name=_("İl"),
    )
    year = models.PositiveSmallIntegerField(_("yıl"))
    quarter = models.PositiveSmallIntegerField(_("çeyrek"), choices=QUARTERS)
    value = models.DecimalField(
        _("değer"), max_digits=14, decimal_places=1, validators=[MinValueValidator(0)]
    )
    source = models.CharField(_("kaynak"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("giren"),
    )
    updated_at = models.DateTimeField(_("güncelleme zamanı"), auto_now=True)

    class Meta:
        ordering = ["indicator", "province", "year", "quarter"]
        verbose_name = _("gösterge değeri")
        verbose_name_plural = _("gösterge değerleri")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "province", "year", "quarter"],
                name="indicator_value_unique_per_quarter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.province} · {self.year}/{self.quarter}"
