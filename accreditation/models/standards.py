"""Versioned accreditation standards: groups of criteria scored 0–3."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SCORE_LEVELS = [(0, 0), (1, 1), (2, 2), (3, 3)]
MANDATORY_MINIMUM = 2  # a mandatory criterion must score at least "met"


def _in_language(tr: str, en: str) -> str:
    return en if (get_language() or "tr").startswith("en") and en else tr


class StandardQuerySet(models.QuerySet):
    def published(self) -> "StandardQuerySet":
        return self.filter(published_at__isnull=False)

    def current(self) -> "Standard | None":
        return self.published().order_by("-version").first()


class Standard(models.Model):
    """One version of the standard. Once published it is never edited: an application is
    judged against the version it was started on."""

    code = models.CharField(_("kod"), max_length=20)
    version = models.PositiveSmallIntegerField(_("sürüm"))
    title = models.CharField(_("başlık (Türkçe)"), max_length=200)
    title_en = models.CharField(_("başlık (İngilizce)"), max_length=200)
    introduction = models.TextField(_("giriş (Türkçe)"), blank=True)
    introduction_en = models.TextField(_("giriş (İngilizce)"), blank=True)
    published_at = models.DateTimeField(_("yayımlanma"), null=True, blank=True)

    objects = StandardQuerySet.as_manager()

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("akreditasyon standardı")
        verbose_name_plural = _("akreditasyon standartları")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="standard_version_unique"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self.title, self.title_en)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class CriterionGroup(models.Model):
    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="groups", verbose_name=_("standart")
    )
    code = models.CharField(_("kod"), max_length=10)
    title = models.CharField(_("başlık (Türkçe)"), max_length=200)
    title_en = models.CharField(_("başlık (İngilizce)"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)

    class Meta:
        ordering = ["standard", "sort_order"]
        verbose_name = _("ölçüt grubu")
        verbose_name_plural = _("ölçüt grupları")
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="criterion_group_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def label(self) -> str:
        return _in_language(self.title, self.title_en)


class Criterion(models.Model):
    group = models.ForeignKey(
        CriterionGroup,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("grup"),
    )
    code = models.CharField(_("kod"), max_length=10)
    title = models.CharField(_("başlık (Türkçe)"), max_length=250)
    title_en = models.CharField(_("başlık (İngilizce)"), max_length=250)
    guidance = models.TextField(_("rehber (Türkçe)"))
    guidance_en = models.TextField(_("rehber (İngilizce)"))
    required_evidence = models.TextField(_("İstenen kanıt (Türkçe)"))
    required_evidence_en = models.TextField(_("İstenen kanıt (İngilizce)"))
    # {"0": ["tr", "en"], "1": [...], "2": [...], "3": [...]}
    levels = models.JSONField(_("düzey açıklamaları"))
    weight = models.PositiveSmallIntegerField(
        _("ağırlık"), default=1, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    mandatory = models.BooleanField(
        _("zorunlu"),
        default=False,
        help_text=_("Zorunlu ölçüt en az 2 puan almalı; kanıtı olmadan başvuru gönderilemez."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)

    class Meta:
        ordering = ["group__sort_order", "sort_order"]
        verbose_name = _("ölçüt")
        verbose_name_plural = _("ölçütler")
        constraints = [
            models.UniqueConstraint(fields=["group", "code"], name="criterion_code"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1) & models.Q(weight__lte=3),
                name="criterion_weight_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def label(self) -> str:
        return _in_language(self.title, self.title_en)

    @property
    def localized_guidance(self) -> str:
        return _in_language(self.guidance, self.guidance_en)

    @property
    def localized_evidence(self) -> str:
        return _in_language(self.required_evidence, self.required_evidence_en)

    def level_text(self, score: int) -> str:
        tr, en = self.levels.get(str(score), ["", ""])
        return _in_language(tr, en)

    @property
    def level_list(self) -> list[tuple[int, str]]:
        return [(score, self.level_text(score)) for score in range(4)]
