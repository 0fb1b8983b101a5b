"""The history of every life cycle in the portal, in one table.

Applications, certificates, credentials, sign-ups, matches and projects all move through
``core.lifecycle.transition``; each move is written here with who, when, from, to and
why, so timelines and reports read one table.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatusChangeQuerySet(models.QuerySet):
    def for_object(self, obj) -> "StatusChangeQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )


class StatusChange(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("önceki durum"), max_length=40, blank=True)
    to_status = models.CharField(_("yeni durum"), max_length=40)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("yapan"),
        help_text=_("Boşsa işlemi portal kendisi yaptı (ör. süre dolumu)."),
    )
    note = models.TextField(_("gerekçe"), blank=True)
    at = models.DateTimeField(_("zaman"), default=timezone.now)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("durum değişikliği")
        verbose_name_plural = _("durum değişiklikleri")
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="status_change_moves",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status}"


class LifecycleModel(models.Model):
    """Fields and helpers every record with a life cycle has. Subclasses add ``status`` with
    choices; their app registers their allowed moves with ``core.lifecycle.register_lifecycle``."""

    status_changed_at = models.DateTimeField(_("durumun değiştiği zaman"), default=timezone.now)

    class Meta:
        abstract = True

    def history(self):
        return StatusChange.objects.for_object(self).select_related("by")
