"""Test and demo factories for the shared platform.

Records with a life cycle are set straight into a state by a trait, e.g.
``ActivityFactory(completed=True)``, ``ProjectPartnerFactory(invited=True)`` or
``QuarterlyReportFactory(submitted=True)``: for tests that need a record sitting in a state, not
the way to it (the move table refuses an illegal move before any rule or guard looks at the
record). A test of a move itself still makes it through ``core.lifecycle.transition`` or the
services.
"""

import datetime

import factory
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory
from core.models import ActivityType, District, Province, TargetGroup, WorkingArea

from .indicators import last_ended_quarter
from .models import (
    ActionItem,
    Activity,
    Indicator,
    Meeting,
    Project,
    ProjectPartner,
    QuarterlyReport,
)


def _first(model):
    return model.objects.order_by("sort_order", "pk").first()


def _days_from_today(days: int):
    return factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=days))


class ActivityFactory(factory.django.DjangoModelFactory):
    """A planned platform-only awareness activity of an accredited İstanbul organisation in
    Kadıköy, next month, for the first target group (``target_groups=[...]`` to choose).

    Traits: ``ongoing`` (started yesterday, ends today), ``completed`` (ended nine days ago),
    ``cancelled`` (still next month). Dates given to the factory win over the trait's.
    """

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    class Params:
        ongoing = factory.Trait(status=Activity.Status.ONGOING, starts_on=_days_from_today(-1))
        completed = factory.Trait(status=Activity.Status.COMPLETED, starts_on=_days_from_today(-10))
        cancelled = factory.Trait(status=Activity.Status.CANCELLED)

    organisation = factory.SubFactory(OrganisationFactory, accredited=True)
    title = factory.Sequence(lambda n: f"Okulda bağımlılığı önleme semineri {n}")
    description = "Lise öğrencilerine ve velilere yönelik farkındalık oturumu."
    activity_type = factory.LazyFunction(lambda: _first(ActivityType))
    working_area = factory.LazyFunction(lambda: _first(WorkingArea))
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    district = factory.LazyFunction(lambda: District.objects.get(province_id=34, slug="kadikoy"))
    starts_on = _days_from_today(30)
    ends_on = factory.LazyAttribute(lambda a: a.starts_on + datetime.timedelta(days=1))
    status = Activity.Status.PLANNED
    visibility = Activity.Visibility.PLATFORM

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create:
            self.target_groups.set(extracted if extracted is not None else [_first(TargetGroup)])


class ProjectFactory(factory.django.DjangoModelFactory):
    """A proposed joint project led by an accredited organisation, in İstanbul, this year.

    Traits: ``active``, ``completed``, ``cancelled``. ``partners=[organisation, ...]`` makes
    them accepted partners; an active or completed project, which the life cycle lets start only
    with an accepted partner, gets a new accredited one when ``partners`` is not given.
    """

    class Meta:
        model = Project
        skip_postgeneration_save = True

    class Params:
        active = factory.Trait(status=Project.Status.ACTIVE)
        completed = factory.Trait(status=Project.Status.COMPLETED)
        cancelled = factory.Trait(status=Project.Status.CANCELLED)

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

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            started = self.status in (Project.Status.ACTIVE, Project.Status.COMPLETED)
            extracted = [OrganisationFactory(accredited=True)] if started else []
        for organisation in extracted:
            ProjectPartnerFactory(project=self, organisation=organisation, accepted=True)


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    """A request of an accredited organisation to join a proposed project.

    Traits: ``requested`` (the default), ``invited``, ``accepted``, ``declined``, ``left``.
    """

    class Meta:
        model = ProjectPartner

    class Params:
        requested = factory.Trait(status=ProjectPartner.Status.REQUESTED)
        invited = factory.Trait(status=ProjectPartner.Status.INVITED)
        accepted = factory.Trait(status=ProjectPartner.Status.ACCEPTED)
        declined = factory.Trait(status=ProjectPartner.Status.DECLINED)
        left = factory.Trait(status=ProjectPartner.Status.LEFT)

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory, accredited=True)
    status = ProjectPartner.Status.REQUESTED


def _first_member(organisation):
    membership = organisation.memberships.select_related("user").order_by("pk").first()
    return membership.user if membership else None


class QuarterlyReportFactory(factory.django.DjangoModelFactory):
    """A draft report, without lines, of an accredited İstanbul organisation (with an owner)
    for the last quarter that has ended.

    Trait: ``submitted`` (sent now by the organisation's first member, with highlights, as the
    submit move leaves it).
    """

    class Meta:
        model = QuarterlyReport

    class Params:
        period = factory.LazyFunction(last_ended_quarter)
        submitted = factory.Trait(
            status=QuarterlyReport.Status.SUBMITTED,
            highlights="Okul programı dört lisede tamamlandı.",
            submitted_at=factory.LazyFunction(timezone.now),
            submitted_by=factory.LazyAttribute(lambda r: _first_member(r.organisation)),
        )

    organisation = factory.SubFactory(
        OrganisationFactory, accredited=True, owner=factory.SubFactory(UserFactory)
    )
    year = factory.LazyAttribute(lambda r: r.period[0])
    quarter = factory.LazyAttribute(lambda r: r.period[1])
    status = QuarterlyReport.Status.DRAFT


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
    """An İstanbul coordination meeting held today; ``organisations=[...]`` took part."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    title = factory.Sequence(lambda n: f"İl koordinasyon toplantısı {n}")
    held_on = factory.LazyFunction(timezone.localdate)
    agenda = "1. Açılış\n2. Çeyrek faaliyetlerinin değerlendirilmesi\n3. Ortak planlama"

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)


class ActionItemFactory(factory.django.DjangoModelFactory):
    """An open action item of a meeting, due in a month.

    Traits: ``in_progress``, ``done``, ``cancelled``.
    """

    class Meta:
        model = ActionItem

    class Params:
        in_progress = factory.Trait(status=ActionItem.Status.IN_PROGRESS)
        done = factory.Trait(status=ActionItem.Status.DONE)
        cancelled = factory.Trait(status=ActionItem.Status.CANCELLED)

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Okul programı takvimini paylaşmak {n}")
    responsible_institution = "İl Sağlık Müdürlüğü"
    due_on = _days_from_today(30)
