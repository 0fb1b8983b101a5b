"""Organisations (STK), their members and invitations."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.collation import turkish
from core.models.places import District, Province, place_error
from core.models.taxonomy import AddictionType, TargetGroup, WorkingArea
from core.text import tr_fold

from ..validators import normalize_registry_number, validate_registry_number, validate_tax_number


class AccreditationStatus(models.TextChoices):
    NONE = "none", _("Akredite değil")
    ACCREDITED = "accredited", _("Akredite")
    PROVISIONAL = "provisional", _("Geçici akredite")
    SUSPENDED = "suspended", _("Askıya alındı")
    REVOKED = "revoked", _("İptal edildi")
    EXPIRED = "expired", _("Süresi doldu")


ACCREDITED_STATUSES = (AccreditationStatus.ACCREDITED, AccreditationStatus.PROVISIONAL)


class OrganisationQuerySet(models.QuerySet):
    def accredited(self, on: datetime.date | None = None) -> "OrganisationQuerySet":
        """Organisations that hold accreditation today: the one check every feature uses."""
        on = on or timezone.localdate()
        return self.filter(accreditation_status__in=ACCREDITED_STATUSES, accredited_until__gte=on)

    def search(self, text: str) -> "OrganisationQuerySet":
        folded = tr_fold(text.strip())
        return self.filter(search_text__contains=folded) if folded else self

    def alphabetical(self) -> "OrganisationQuerySet":
        return self.order_by(turkish("legal_name"), "pk")

    def with_member(self, user) -> "OrganisationQuerySet":
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    class LegalForm(models.TextChoices):
        DERNEK = "dernek", _("Dernek")
        VAKIF = "vakif", _("Vakıf")
        KOOPERATIF = "kooperatif", _("Kooperatif")
        OTHER = "other", _("Diğer")

    legal_name = models.CharField(_("resmî adı"), max_length=200)
    short_name = models.CharField(_("kısa adı"), max_length=60, blank=True)
    slug = models.SlugField(_("kısa ad (adres)"), max_length=80, unique=True)
    legal_form = models.CharField(_("hukuki biçimi"), max_length=20, choices=LegalForm.choices)
    registry_number = models.CharField(
        _("kütük / sicil numarası"),
        max_length=30,
        help_text=_(
            "Dernekler için DERBİS kütük numarası (34-012-0456), vakıflar için VAKIFBİS "
            "sicil numarası."
        ),
    )
    tax_number = models.CharField(_("vergi numarası"), max_length=10, unique=True)
    founding_year = models.PositiveSmallIntegerField(
        _("kuruluş yılı"), validators=[MinValueValidator(1850)]
    )
    address = models.TextField(_("adres"), max_length=500)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("İl")
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("İlçe")
    )
    phone = models.CharField(_("telefon"), max_length=20)
    email = models.EmailField(_("e-posta"))
    website = models.URLField(_("web sitesi"), blank=True)
    working_areas = models.ManyToManyField(
        WorkingArea, related_name="organisations", verbose_name=_("çalışma alanları")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="organisations", verbose_name=_("hedef gruplar")
    )
    addiction_types = models.ManyToManyField(
        AddictionType,
        related_name="organisations",
        verbose_name=_("bağımlılık türleri"),
        blank=True,
    )
    description = models.TextField(_("tanıtım"), max_length=3000)
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/", blank=True)

    # Kept on the row so "is this organisation accredited?" never needs a query; the
    # certificate life cycle writes these two fields, and the date makes expiry take effect
    # on time even before the nightly job marks it.
    accreditation_status = models.CharField(
        _("akreditasyon durumu"),
        max_length=20,
        choices=AccreditationStatus.choices,
        default=AccreditationStatus.NONE,
    )
    accredited_until = models.DateField(_("akreditasyon bitiş tarihi"), null=True, blank=True)

    search_text = models.CharField(max_length=300, editable=False, db_index=True)
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("kaydeden"),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("kuruluş")
        verbose_name_plural = _("kuruluşlar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accreditation_status="none")
                | models.Q(accredited_until__isnull=False),
                name="organisation_accreditation_has_end_date",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.legal_name

    def save(self, *args, **kwargs):
        self.search_text = tr_fold(f"{self.legal_name} {self.short_name}")[:300]
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.short_name or self.legal_name

    @property
    def is_accredited(self) -> bool:
        return (
            self.accreditation_status in ACCREDITED_STATUSES
            and self.accredited_until is not None
            and self.accredited_until >= timezone.localdate()
        )

    def clean(self) -> None:
        errors = {}
        self.registry_number = normalize_registry_number(self.registry_number)
        if self.legal_form:
            try:
                validate_registry_number(self.registry_number, self.legal_form)
            except ValidationError as error:
                errors["registry_number"] = error
        try:
            validate_tax_number(self.tax_number)
        except ValidationError as error:
            errors["tax_number"] = error
        if (place := place_error(self)) is not None:
            errors["district"] = place
        if self.founding_year and self.founding_year > timezone.localdate().year:
            errors["founding_year"] = ValidationError(
                _("Kuruluş yılı gelecekte olamaz."), code="future_year"
            )
        if errors:
            raise ValidationError(errors)


class MembershipQuerySet(models.QuerySet):
    def owners(self) -> "MembershipQuerySet":
        return self.filter(role=Membership.Role.OWNER)

    def managing(self) -> "MembershipQuerySet":
        """Owners and managers: the people who act for the organisation and hear about it."""
        return self.filter(role__in=[Membership.Role.OWNER, Membership.Role.MANAGER])


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Sahip")
        MANAGER = "manager", pgettext_lazy("organisation role", "Yönetici")
        MEMBER = "member", _("Üye")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("kuruluş"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("kişi"),
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("katılma zamanı"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "role", "joined_at"]
        verbose_name = _("üyelik")
        verbose_name_plural = _("üyelikler")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                name="membership_unique",
                violation_error_message=_("Bu kişi kuruluşun zaten üyesi."),
            ),
            # Exactly one owner is kept by the services; the database refuses a second one.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(role="owner"),
                name="membership_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An e-mailed invitation to join an organisation. Only a hash of the link's token is kept."""

    VALID_FOR = datetime.timedelta(days=7)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("kuruluş"),
    )
    email = models.EmailField(_("e-posta"))
    role = models.CharField(
        _("rol"),
        max_length=10,
        choices=[
            (Membership.Role.MANAGER, Membership.Role.MANAGER.label),
            (Membership.Role.MEMBER, Membership.Role.MEMBER.label),
        ],
        default=Membership.Role.MEMBER,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("davet eden"),
    )
    created_at = models.DateTimeField(_("gönderilme"), auto_now_add=True)
    expires_at = models.DateTimeField(_("son geçerlilik"))
    accepted_at = models.DateTimeField(_("kabul"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("geri alınma"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("davet")
        verbose_name_plural = _("davetler")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
