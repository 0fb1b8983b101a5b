"""One rate limit for every action the portal limits (campaign follows per address, contact
messages per person …): at most ``limit`` uses of a key in a fixed window of ``window`` seconds.

The count lives in the database every server process shares and grows with an atomic update, so
two requests at the same moment can never both slip under the limit. Expired windows are
deleted as new ones start. Sign-in attempts are limited by allauth itself.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateLimitCount


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: int
    window: int  # seconds

    def hit(self, who: str, *, now: dt.datetime | None = None) -> bool:
        """Count one use by ``who`` (an address, a person's id); True while within the limit."""
        now = now or timezone.now()
        start = dt.datetime.fromtimestamp(
            int(now.timestamp()) // self.window * self.window, tz=dt.UTC
        )
        key = f"{self.name}:{who}"[:200]
        with transaction.atomic():
            updated = RateLimitCount.objects.filter(key=key, window_start=start).update(
                count=F("count") + 1
            )
            if not updated:
                RateLimitCount.objects.filter(expires_at__lte=now).delete()
                try:
                    with transaction.atomic():
                        RateLimitCount.objects.create(
                            key=key,
                            window_start=start,
                            expires_at=start + dt.timedelta(seconds=self.window),
                            count=1,
                        )
                except IntegrityError:  # another request opened the window first
                    RateLimitCount.objects.filter(key=key, window_start=start).update(
                        count=F("count") + 1
                    )
            count = RateLimitCount.objects.get(key=key, window_start=start).count
        return count <= self.limit
