"""Factories of the kernel: people, staff with their roles and second factor, consent purposes.

Reference data (provinces, terms, consent purposes) comes from the migrations, so factories look
it up rather than invent it."""

import factory
from allauth.account.models import EmailAddress

from . import services
from .models import ConsentPurpose, Province, StaffRole, User

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
    role: StaffRole, province_code: int | None = None, *, with_mfa: bool = True, **kwargs
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
