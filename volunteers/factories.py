"""Factories of volunteers, programs and roles, and of records set straight into a state of
their life cycle (mentor credentials, matches, hours): for tests that need a record sitting in
a state, not the way to it. The move table refuses an illegal move before any rule or guard
looks at the record, and a permission rule reads only the people and the place; tests of the
legal path itself walk it through the services."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.crypto import encrypt
from core.dates import add_years
from core.factories import UserFactory, staff_user
from core.models import District, Province, StaffRole, WorkingArea

from .availability import bit
from .models import (
    MATCHING_CONSENT,
    HoursLog,
    Match,
    MatchingSettings,
    MentorCredential,
    Program,
    RecoveryDeclaration,
    Role,
    VolunteerProfile,
)

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
    Tuesday evenings.

    Traits: ``draft``, ``closed``, ``cancelled``; ``with_role`` adds one role (publishing
    needs one).
    """

    class Meta:
        model = Program
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Program.Status.DRAFT)
        closed = factory.Trait(status=Program.Status.CLOSED)
        cancelled = factory.Trait(status=Program.Status.CANCELLED)
        with_role = factory.Trait(
            first_role=factory.RelatedFactory(
                "volunteers.factories.RoleFactory", factory_related_name="program"
            )
        )

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


# --- Records in a state of their life cycle ---------------------------------------------------


def _today() -> dt.date:
    return timezone.localdate()


def _term_years() -> int:
    return MatchingSettings.load().mentor_term_years


def _volunteer():
    return VolunteerProfileFactory().user


def _province_of(person):
    profile = VolunteerProfile.objects.filter(user=person).select_related("province").first()
    return profile.province if profile else Province.objects.get(code=34)


def _owner_of(program):
    if program.organisation_id is None:
        return None
    membership = program.organisation.memberships.filter(role="owner").first()
    return membership.user if membership else None


class RecoveryDeclarationFactory(factory.django.DjangoModelFactory):
    """The applicant's recovery declaration, sealed as ``declaration_save`` seals it."""

    class Meta:
        model = RecoveryDeclaration

    class Params:
        years_in_recovery = 6
        statement = "Altı yıldır iyileşme sürecindeyim."

    credential = factory.SubFactory("volunteers.factories.MentorCredentialFactory")
    ciphertext = factory.LazyAttribute(
        lambda o: encrypt({"years_in_recovery": o.years_in_recovery, "statement": o.statement})
    )


class MentorCredentialFactory(factory.django.DjangoModelFactory):
    """A volunteer's mentor credential in their profile's province, set straight into
    ``status`` (a draft with nothing filled in by default).

    Traits, one per state, each with what the services would have written on the way:
    ``ready`` (a draft with a reference from an accredited organisation and a recovery
    declaration), ``submitted``, ``in_review`` (a reviewer of the province assigned),
    ``reviewed`` (in review, the reviewer recommends granting), ``granted`` (a term from the
    settings, starting today), ``declined``, ``withdrawn``, ``expired`` (its term ended
    yesterday), ``revoked``. The trainings and supervised hours a submission needs belong to
    the person, not the credential: set them (or lower the settings) where a test submits.
    """

    class Meta:
        model = MentorCredential
        skip_postgeneration_save = True

    class Params:
        # In the order of the life cycle: a later trait builds on the earlier ones.
        ready = factory.Trait(
            reference_organisation=factory.SubFactory(OrganisationFactory, accredited=True),
            referee_name="Selin Aydın",
            referee_position="Program sorumlusu",
            reference_statement="İki yıldır programlarımızda gönüllü.",
            declaration=factory.RelatedFactory(
                RecoveryDeclarationFactory, factory_related_name="credential"
            ),
        )
        withdrawn = factory.Trait(status=MentorCredential.Status.WITHDRAWN)
        submitted = factory.Trait(
            ready=True,
            status=MentorCredential.Status.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )
        in_review = factory.Trait(
            submitted=True,
            status=MentorCredential.Status.IN_REVIEW,
            reviewer=factory.LazyAttribute(
                lambda o: staff_user(StaffRole.REVIEWER, o.province.code)
            ),
        )
        reviewed = factory.Trait(
            in_review=True,
            recommendation=MentorCredential.Recommendation.GRANT,
            review_note="Başvuru dosyası eksiksiz.",
        )
        declined = factory.Trait(
            reviewed=True,
            recommendation=MentorCredential.Recommendation.DECLINE,
            status=MentorCredential.Status.DECLINED,
        )
        granted = factory.Trait(
            reviewed=True,
            status=MentorCredential.Status.GRANTED,
            granted_on=factory.LazyFunction(_today),
            valid_until=factory.LazyAttribute(lambda o: add_years(o.granted_on, _term_years())),
        )
        expired = factory.Trait(
            granted=True,
            status=MentorCredential.Status.EXPIRED,
            granted_on=factory.LazyFunction(
                lambda: add_years(_today(), -_term_years()) - dt.timedelta(days=1)
            ),
        )
        revoked = factory.Trait(granted=True, status=MentorCredential.Status.REVOKED)

    person = factory.LazyFunction(_volunteer)
    province = factory.LazyAttribute(lambda o: _province_of(o.person))
    status = MentorCredential.Status.DRAFT


class MatchFactory(factory.django.DjangoModelFactory):
    """A volunteer's application to a role, set straight into ``status`` (proposed by
    default). The dates follow the status, by trait or by ``status=``, as the moves would have
    written them: an active placement began today; a closed one began three months ago and
    was completed today, which marks the volunteer's past participation.

    Traits: ``invitation`` (the organisation's owner invited them), ``accepted``, ``active``,
    ``closed``, ``declined``, ``withdrawn``.
    """

    class Meta:
        model = Match
        skip_postgeneration_save = True

    class Params:
        invitation = factory.Trait(
            origin=Match.Origin.INVITATION,
            proposed_by=factory.LazyAttribute(lambda o: _owner_of(o.role.program)),
        )
        accepted = factory.Trait(status=Match.Status.ACCEPTED)
        active = factory.Trait(status=Match.Status.ACTIVE)
        closed = factory.Trait(status=Match.Status.CLOSED)
        declined = factory.Trait(status=Match.Status.DECLINED)
        withdrawn = factory.Trait(status=Match.Status.WITHDRAWN)

    role = factory.SubFactory(RoleFactory)
    person = factory.LazyFunction(_volunteer)
    origin = Match.Origin.APPLICATION
    status = Match.Status.PROPOSED
    proposed_by = factory.SelfAttribute("person")
    started_on = factory.LazyAttribute(
        lambda o: (
            _today()
            if o.status == Match.Status.ACTIVE
            else _today() - dt.timedelta(days=90)
            if o.status == Match.Status.CLOSED
            else None
        )
    )
    closed_on = factory.LazyAttribute(
        lambda o: _today() if o.status == Match.Status.CLOSED else None
    )
    closure_reason = factory.LazyAttribute(
        lambda o: Match.Closure.COMPLETED if o.status == Match.Status.CLOSED else ""
    )

    @factory.post_generation
    def participation(self, create, extracted, **kwargs):
        """A placement completed counts as past participation, as closing it does."""
        if create and self.closure_reason == Match.Closure.COMPLETED:
            VolunteerProfile.objects.filter(user_id=self.person_id).update(has_participated=True)


class HoursLogFactory(factory.django.DjangoModelFactory):
    """Two hours given today in an active placement (pass ``match``: the person, the
    organisation whose approval it needs and the province follow from it), waiting for
    approval.

    Traits: ``approved``, ``rejected``.
    """

    class Meta:
        model = HoursLog

    class Params:
        approved = factory.Trait(status=HoursLog.Status.APPROVED)
        rejected = factory.Trait(status=HoursLog.Status.REJECTED)

    match = factory.SubFactory(MatchFactory, active=True)
    person = factory.SelfAttribute("match.person")
    organisation = factory.SelfAttribute("match.role.program.organisation")
    province = factory.SelfAttribute("match.role.program.province")
    on = factory.LazyFunction(_today)
    hours = Decimal(2)
    kind = HoursLog.Kind.VOLUNTEERING
    description = "Haftalık buluşma"
    status = HoursLog.Status.SUBMITTED
