import datetime as dt

import factory
from django.utils import timezone

from accreditation.models import Province

from .models import Event


class EventFactory(factory.django.DjangoModelFactory):
    """A published public seminar in İstanbul a week from now, 20 places, with a waitlist."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Bağımlılıkla mücadele semineri {n}")
    slug = factory.Sequence(lambda n: f"seminer-{n}")
    kind = Event.Kind.SEMINAR
    status = Event.Status.PUBLISHED
    organiser_institution = "İstanbul İl Sağlık Müdürlüğü"
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    venue = "Kadıköy Gençlik Merkezi"
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=2))
    capacity = 20
    waitlist_enabled = True
