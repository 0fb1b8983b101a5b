import datetime as dt

import factory
from django.utils import timezone

from core.models import Province

from .models import Event, EventSession, WorkingGroup


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


class EventSessionFactory(factory.django.DjangoModelFactory):
    """A four-hour shift on the event's day, 5 places."""

    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory, kind=Event.Kind.VOLUNTEER_SHIFT)
    title = factory.Sequence(lambda n: f"Vardiya {n}")
    starts_at = factory.LazyAttribute(lambda session: session.event.starts_at)
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + dt.timedelta(hours=4))
    capacity = 5


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    event = factory.SubFactory(EventFactory, kind=Event.Kind.WORKSHOP)
    name = factory.Sequence(lambda n: f"Çalışma grubu {n}")
    capacity = 18
