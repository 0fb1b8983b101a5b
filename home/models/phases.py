"""Where a campaign stands in time, as the campaign list and its filter name it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    ACTIVE = "active", _("Süren")
    UPCOMING = "upcoming", _("Yaklaşan")
    PAST = "past", _("Geçmiş")
