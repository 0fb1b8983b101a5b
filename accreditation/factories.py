"""Factories for the core. Reference data (provinces, terms, consent purposes) comes from the
migrations, so factories look it up rather than invent it."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from . import services
from .models import ConsentPurpose, District, Province, Role, User

DEFAULT_PASSWORD = "test-parola-2026"


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailAddress

    primary = True
    verified = True


class UserFactory(factory.django.DjangoModelFactory):
    """A person who can sign in with DEFAULT_PASSWORD; ``email_verified=False`` for one who
    has not confirmed their address yet."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        email_verified = True

    email = factory.Sequence(lambda n: f"kisi{n}@example.org")
    full_name = factory.Faker("name", locale="tr_TR")
    password = factory.django.Password(DEFAULT_PASSWORD)
    email_address = factory.RelatedFactory(
        EmailAddressFactory,
        factory_related_name="user",
        email=factory.SelfAttribute("..email"),
        verified=factory.SelfAttribute("..email_verified"),
    )


def staff_user(
    role: Role, province_code: int | None = None, *, with_mfa: bool = True, **kwargs
) -> User:
    """A person holding ``role`` (in the province, if given), by default with TOTP enrolled."""
    user = UserFactory(**kwargs)
    province = Province.objects.get(code=province_code) if province_code else None
    services.role_assign(user=user, role=role, province=province)
    if with_mfa:
        enrol_totp(user)
    return user


TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def enrol_totp(user: User, secret: str = TEST_TOTP_SECRET):
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, secret)


def consent_purpose(key: str = "email_updates") -> ConsentPurpose:
    return ConsentPurpose.objects.get(key=key)


def valid_tax_number(seed: int) -> str:
    first_nine = f"{seed:09d}"[-9:]
    from .validators import tax_number_check_digit

    return first_nine + str(tax_number_check_digit(first_nine))


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A registered organisation in İstanbul/Kadıköy, not accredited; ``owner`` gets ownership.

    Traits: ``accredited`` (full, until a year from now), ``provisional``, ``expired``.
    """

    class Meta:
        model = "accreditation.Organisation"
        skip_postgeneration_save = True

    class Params:
        accredited = factory.Trait(
            accreditation_status="accredited",
            accredited_until=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=365)
            ),
        )
        provisional = factory.Trait(
            accreditation_status="provisional",
            accredited_until=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=200)
            ),
        )
        expired = factory.Trait(
            accreditation_status="accredited",
            accredited_until=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=1)
            ),
        )

    legal_name = factory.Sequence(lambda n: f"Umut Işığı Dayanışma Derneği {n}")
    short_name = ""
    slug = factory.Sequence(lambda n: f"umut-isigi-{n}")
    legal_form = "dernek"
    registry_number = factory.Sequence(lambda n: f"34-012-{n + 1:04d}")
    tax_number = factory.Sequence(lambda n: valid_tax_number(100000 + n))
    founding_year = 2012
    address = "Caferağa Mah. Moda Cad. No: 10"
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    district = factory.LazyFunction(lambda: District.objects.get(province_id=34, slug="kadikoy"))
    phone = "+90 216 555 12 34"
    email = factory.Sequence(lambda n: f"iletisim{n}@stk.example.org")
    description = "Gençlerle bağımlılığı önleme ve sosyal uyum çalışmaları yürütür."

    @factory.post_generation
    def owner(self, create, extracted, **kwargs):
        if create and extracted is not None:
            from .models import Membership

            Membership.objects.create(organisation=self, user=extracted, role="owner")

    @factory.post_generation
    def working_areas(self, create, extracted, **kwargs):
        from .models import WorkingArea

        if create:
            self.working_areas.set(extracted or WorkingArea.objects.filter(sort_order=1))
