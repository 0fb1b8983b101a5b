"""Taxonomies from the product brief, editable by staff in the Wagtail admin.

Each term carries its Turkish and English name side by side: terms are referenced by every
other record, so they are one row per concept rather than one row per language.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TermQuerySet(models.QuerySet):
    def active(self) -> "TermQuerySet":
        return self.filter(is_active=True)


class Term(models.Model):
    name = models.CharField(_("ad (Türkçe)"), max_length=120, unique=True)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=120)
    slug = models.SlugField(_("kısa ad"), max_length=80, unique=True)
    description = models.TextField(_("açıklama"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)
    is_active = models.BooleanField(
        _("kullanımda"),
        default=True,
        help_text=_(
            "Kullanımdan kaldırılan terim yeni kayıtlarda seçilemez, eski kayıtlarda kalır."
        ),
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language."""
        if (get_language() or "tr").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class WorkingArea(Term):
    """The four working areas of the 2018 workshop."""

    class Meta(Term.Meta):
        verbose_name = _("çalışma alanı")
        verbose_name_plural = _("çalışma alanları")


class TargetGroup(Term):
    is_sensitive = models.BooleanField(
        _("hassas grup"),
        default=False,
        help_text=_(
            "Hassas gruplar (çocuklar, iyileşme sürecindeki kişiler) için yalnızca toplu "
            "sayılar tutulur."
        ),
    )

    class Meta(Term.Meta):
        verbose_name = _("hedef grup")
        verbose_name_plural = _("hedef gruplar")


class AddictionType(Term):
    class Meta(Term.Meta):
        verbose_name = _("bağımlılık türü")
        verbose_name_plural = _("bağımlılık türleri")


class ActivityType(Term):
    class Meta(Term.Meta):
        verbose_name = _("faaliyet türü")
        verbose_name_plural = _("faaliyet türleri")
