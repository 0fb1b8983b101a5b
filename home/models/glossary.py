"""The glossary of discouraged terms, and what the language check last found on each page."""

from django.db import models
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.collation import turkish


class GlossaryTermQuerySet(models.QuerySet):
    def active(self) -> "GlossaryTermQuerySet":
        return self.filter(is_active=True)

    def for_display(self) -> "GlossaryTermQuerySet":
        """The terms of the reader's language first, then the others."""
        language = "en" if (get_language() or "tr").startswith("en") else "tr"
        return self.order_by(
            models.Case(models.When(language=language, then=0), default=1), turkish("term")
        )


class GlossaryTerm(models.Model):
    """A term the portal's content avoids, what to say instead, and why."""

    class Language(models.TextChoices):
        TR = "tr", _("Türkçe")
        EN = "en", _("İngilizce")

    term = models.CharField(
        _("kaçınılacak ifade"),
        max_length=80,
        help_text=_(
            "Yalın haliyle yazın (örn. “torbacı”); çekimli halleri (“torbacılar”, “torbacıya”) "
            "de bulunur. Birden çok sözcük olabilir (örn. “eski bağımlı”)."
        ),
    )
    language = models.CharField(
        _("dil"), max_length=2, choices=Language.choices, default=Language.TR
    )
    inflected = models.BooleanField(
        _("çekimli halleri de ara"),
        default=True,
        help_text=_("Ekleri alan halleri de bulunur; yapım ekleri (örn. “-lık”) sayılmaz."),
    )
    preferred = models.CharField(_("önerilen ifade"), max_length=250)
    reason = models.TextField(_("gerekçe"), max_length=600)
    is_active = models.BooleanField(_("denetimde kullanılıyor"), default=True)
    updated_at = models.DateTimeField(_("güncellenme"), auto_now=True)

    objects = GlossaryTermQuerySet.as_manager()

    class Meta:
        ordering = ["language", "term"]
        verbose_name = _("sözlük terimi")
        verbose_name_plural = _("dil sözlüğü")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language"],
                name="glossary_term_per_language",
                violation_error_message=_("Bu ifade sözlükte zaten var."),
            )
        ]

    def __str__(self) -> str:
        return self.term


class PageLanguageCheck(models.Model):
    """The language check's findings on the latest revision of a page."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="language_check",
        verbose_name=_("sayfa"),
    )
    findings = models.JSONField(_("bulgular"), default=list, blank=True)
    finding_count = models.PositiveIntegerField(_("bulgu sayısı"), default=0)
    checked_at = models.DateTimeField(_("denetim zamanı"), auto_now=True)

    class Meta:
        ordering = [F("finding_count").desc(), "page_id"]
        verbose_name = _("dil denetimi")
        verbose_name_plural = _("dil denetimleri")

    def __str__(self) -> str:
        return str(self.page)
