import datetime as dt

import factory
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory
from core.models import District, Province, WorkingArea

from .availability import bit
from .models import MATCHING_CONSENT, Program, Role, VolunteerProfile

TUESDAY_EVENING = bit(1, 2)
SATURDAY_MORNING = bit(5, 0)


def grant_consent(user, key: str = MATCHING_CONSENT) -> None:
    from core.models import ConsentPurpose
    from core.services import consent_grant

    consent_grant(user=user, purpose=ConsentPurpose.objects.get(key=key))


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    """A volunteer in İstanbul/Kadıköy, 30 years old, free on Tuesday evenings and Saturday
    mornings, with matching consent (``consent=False`` for one without)."""

    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Gönüllü {n}")
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    district = factory.LazyFunction(lambda: District.objects.get(province_id=34, slug="kadikoy"))
    birth_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30 * 365))
    availability = TUESDAY_EVENING | SATURDAY_MORNING
    hours_per_month = 10

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and extracted is not False:
            grant_consent(self.user)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)

    @factory.post_generation
    def working_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.working_areas.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)


class ProgramFactory(factory.django.DjangoModelFactory):
    """A published program of an accredited organisation in İstanbul/Kadıköy, meeting on
    Tuesday evenings."""

    class Meta:
        model = Program
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Mahallede birlikte {n}")
    slug = factory.Sequence(lambda n: f"mahallede-birlikte-{n}")
    status = Program.Status.PUBLISHED
    organisation = factory.SubFactory(OrganisationFactory, accredited=True)
    aims = "Gençlerin okul ve mahalle yaşamına katılımını güçlendirmek."
    working_area = factory.LazyFunction(lambda: WorkingArea.objects.order_by("sort_order").first())
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    district = factory.LazyFunction(lambda: District.objects.get(province_id=34, slug="kadikoy"))
    schedule = TUESDAY_EVENING
    schedule_note = "Her salı 18.00–20.00"
    starts_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)


class RoleFactory(factory.django.DjangoModelFactory):
    """An open role with two places, 2 hours a week, for three months."""

    class Meta:
        model = Role
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"Akran destek gönüllüsü {n}")
    description = "Haftalık buluşmalarda gençlerle sohbet eder, etkinlikleri birlikte yürütür."
    places = 2
    weekly_hours = 2
    commitment_months = 3

    @factory.post_generation
    def required_skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.required_skills.set(extracted)

    @factory.post_generation
    def required_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.required_languages.set(extracted)

    @factory.post_generation
    def helpful_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.helpful_languages.set(extracted)

    @factory.post_generation
    def required_trainings(self, create, extracted, **kwargs):
        if create and extracted:
            self.required_trainings.set(extracted)
