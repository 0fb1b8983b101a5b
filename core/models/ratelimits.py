from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCount(models.Model):
    """How many times one key (an action and who or where it came from) was used in one fixed
    window of time. Counted with an atomic ``UPDATE … SET count = count + 1`` in the database
    every server process shares, so a limit holds however many processes answer requests."""

    key = models.CharField(_("anahtar"), max_length=200)
    window_start = models.DateTimeField(_("pencere başlangıcı"))
    expires_at = models.DateTimeField(_("bitiş"), db_index=True)
    count = models.PositiveIntegerField(_("sayı"), default=0)

    class Meta:
        verbose_name = _("sınır sayacı")
        verbose_name_plural = _("sınır sayaçları")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window_start"], name="rate_limit_one_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} · {self.count}"
