from django.db import models
from django.utils.translation import gettext_lazy as _

from core.collation import turkish


def district_outside_province(district, province):
    """The error to show when ``district`` is not one of ``province``'s (either may be None),
    or None. One message for every form and record that takes a province and a district."""
    from django.core.exceptions import ValidationError

    if district is None or province is None or district.province_id == province.pk:
        return None
    return ValidationError(
        _("Seçtiğiniz ilçe %(province)s iline bağlı değil."),
        params={"province": province.name},
        code="district_province",
    )


def place_error(record):
    """``district_outside_province`` for a record with ``province`` and ``district`` fields."""
    if not (record.district_id and record.province_id):
        return None
    return district_outside_province(record.district, record.province)


class ProvinceQuerySet(models.QuerySet):
    def alphabetical(self) -> "ProvinceQuerySet":
        return self.order_by(turkish("name"))


class Province(models.Model):
    """One of Türkiye's 81 provinces (il), keyed by its licence-plate code."""

    code = models.PositiveSmallIntegerField(_("plaka kodu"), primary_key=True)
    name = models.CharField(_("ad"), max_length=40, unique=True)
    slug = models.SlugField(_("kısa ad"), max_length=40, unique=True)
    # Provinces sharing a land border (data/province_neighbours.json), for "same province /
    # neighbouring province" distance scoring.
    neighbours = models.ManyToManyField(
        "self", symmetrical=True, blank=True, verbose_name=_("komşu iller")
    )

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("İl")
        verbose_name_plural = _("İller")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__gte=1) & models.Q(code__lte=81),
                name="province_plate_code_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DistrictQuerySet(models.QuerySet):
    def alphabetical(self) -> "DistrictQuerySet":
        return self.order_by(turkish("name"))


class District(models.Model):
    """A district (ilçe) of a province."""

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("İl")
    )
    name = models.CharField(_("ad"), max_length=60)
    slug = models.SlugField(_("kısa ad"), max_length=60)

    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["province_id", "slug"]
        verbose_name = _("İlçe")
        verbose_name_plural = _("İlçeler")
        constraints = [
            models.UniqueConstraint(fields=["province", "slug"], name="district_slug_per_province"),
            models.UniqueConstraint(fields=["province", "name"], name="district_name_per_province"),
        ]

    def __str__(self) -> str:
        return self.name


class SupportUnitQuerySet(models.QuerySet):
    def active(self) -> "SupportUnitQuerySet":
        return self.filter(is_active=True).order_by(turkish("name"))


class SupportUnit(models.Model):
    """An official unit: a Bağımlılık Danışma Birimi (BDB) or a treatment centre people are
    signposted to for help with addiction, or a Sosyal Uyum Birimi that runs social cohesion
    programs with volunteers. The portal never takes cases itself."""

    class Kind(models.TextChoices):
        BDB = "bdb", _("Bağımlılık Danışma Birimi (BDB)")
        TREATMENT = "treatment", _("Tedavi merkezi (AMATEM / ÇEMATEM)")
        SOCIAL_COHESION = "social_cohesion", _("Sosyal Uyum Birimi")
        OTHER = "other", _("Diğer destek birimi")

    kind = models.CharField(_("tür"), max_length=20, choices=Kind.choices, default=Kind.BDB)
    name = models.CharField(_("ad"), max_length=200)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="support_units", verbose_name=_("İl")
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_units",
        verbose_name=_("İlçe"),
    )
    address = models.CharField(_("adres"), max_length=300, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    website = models.URLField(_("web adresi"), blank=True)
    is_active = models.BooleanField(_("gösteriliyor"), default=True)

    objects = SupportUnitQuerySet.as_manager()

    class Meta:
        ordering = ["province_id", "name"]
        verbose_name = _("destek birimi")
        verbose_name_plural = _("destek birimleri")

    def __str__(self) -> str:
        return f"{self.name} ({self.province})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        error = place_error(self)
        if error is not None:
            raise ValidationError({"district": error})
