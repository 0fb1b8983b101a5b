"""Test and demo factories for the shared platform."""

import datetime

import factory
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.models import ActivityType, District, Province, TargetGroup, WorkingArea

from .models import ActionItem, Activity, Indicator, Meeting, Project, ProjectPartner


def _first(model):
    return model.objects.order_by("sort_order", "pk").first()


class ActivityFactory(factory.django.DjangoModelFactory):
    """A planned platform-only awareness activity of an accredited İstanbul organisation in
    Kadıköy, next month, for the first target group (``target_groups=[...]`` to choose)."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory, accredited=True)
    title = factory.Sequence(lambda n: f"Okulda bağımlılığı önleme semineri {n}")
    description = "Lise öğrencilerine ve velilere yönelik farkındalık oturumu."
    activity_type = factory.LazyFunction(lambda: _first(ActivityType))
    working_area = factory.LazyFunction(lambda: _first(WorkingArea))
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    district = factory.LazyFunction(lambda: District.objects.get(province_id=34, slug="kadikoy"))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda a: a.starts_on + datetime.timedelta(days=1))
    status = Activity.Status.PLANNED
    visibility = Activity.Visibility.PLATFORM

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create:
            self.target_groups.set(extracted if extracted is not None else [_first(TargetGroup)])


class ProjectFactory(factory.django.DjangoModelFactory):
    """A proposed joint project led by an accredited organisation, in İstanbul, this year."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Mahallede önleme ağı {n}")
    slug = factory.Sequence(lambda n: f"mahallede-onleme-agi-{n}")
    lead = factory.SubFactory(OrganisationFactory, accredited=True)
    aims = "Okul, aile ve mahalle çalışmalarını tek bir önleme ağında birleştirmek."
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda p: p.starts_on + datetime.timedelta(days=365))
    status = Project.Status.PROPOSED

    @factory.post_generation
    def working_areas(self, create, extracted, **kwargs):
        if create:
            self.working_areas.set(extracted or [_first(WorkingArea)])

    @factory.post_generation
    def provinces(self, create, extracted, **kwargs):
        if create:
            self.provinces.set(extracted or [Province.objects.get(code=34)])


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory, accredited=True)
    status = ProjectPartner.Status.REQUESTED


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Ulaşılan kişi {n}")
    name_en = factory.Sequence(lambda n: f"People reached {n}")
    working_area = factory.LazyFunction(lambda: _first(WorkingArea))
    unit = "kişi"
    unit_en = "people"
    method = Indicator.Method.PEOPLE_REACHED


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    title = factory.Sequence(lambda n: f"İl koordinasyon toplantısı {n}")
    held_on = factory.LazyFunction(timezone.localdate)
    agenda = "1. Açılış\n2. Çeyrek faaliyetlerinin değerlendirilmesi\n3. Ortak planlama"


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Okul programı takvimini paylaşmak {n}")
    responsible_institution = "İl Sağlık Müdürlüğü"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
