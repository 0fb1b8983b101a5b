"""Public figures shown on province pages: service figures from official booklets and
populations for figures per 100,000 people."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceFigure(models.Model):
    """A public service figure of a province from an official booklet (il sosyal hizmet
    bülteni). ``value`` None means the source gives no figure, which is not zero."""

    province = models.ForeignKey(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="service_figures",
        verbose_name=_("İl"),
    )
    key = models.SlugField(_("anahtar"), max_length=80)
    program_area = models.CharField(_("hizmet alanı"), max_length=40)
    label = models.CharField(_("ad (Türkçe)"), max_length=200)
    label_en = models.CharField(_("ad (İngilizce)"), max_length=200)
    unit = models.CharField(_("birim"), max_length=40)
    kind = models.CharField(_("tür"), max_length=20, help_text=_("stock, cumulative, annual…"))
    since_year = models.PositiveSmallIntegerField(_("başlangıç yılı"), null=True, blank=True)
    value = models.DecimalField(_("değer"), max_digits=20, decimal_places=2, null=True, blank=True)
    as_of = models.DateField(_("veri tarihi"))
    source = models.CharField(_("kaynak"), max_length=300)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)

    class Meta:
        ordering = ["province", "sort_order"]
        verbose_name = _("İl hizmet verisi")
        verbose_name_plural = _("İl hizmet verileri")
        constraints = [
            models.UniqueConstraint(fields=["province", "key"], name="service_figure_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.province} · {self.label}"


class ProvincePopulation(models.Model):
    """A province's population from an official source, for figures per 100,000 people."""

    province = models.OneToOneField(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="population",
        verbose_name=_("İl"),
    )
    population = models.PositiveIntegerField(_("nüfus"), validators=[MinValueValidator(1)])
    year = models.PositiveSmallIntegerField(_("yıl"))
    source = models.CharField(_("kaynak"), max_length=300)

    class Meta:
        verbose_name = _("İl nüfusu")
        verbose_name_plural = _("İl nüfusları")

    def __str__(self) -> str:
        return f"{self.province}: {self.population} ({self.year})"
