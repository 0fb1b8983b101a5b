"""Services for organisations: registration, profile, members and invitations."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import Invitation, Membership, Organisation
from core.audit import audit
from core.exceptions import DomainError
from core.mail import send_templated_mail
from core.models import User
from core.text import unique_slug

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.organisation.register": gettext_lazy("Kuruluş kaydedildi"),
    "portal.organisation.update": gettext_lazy("Kuruluş bilgileri güncellendi"),
    "portal.organisation.invite": gettext_lazy("Üyelik daveti gönderildi"),
    "portal.organisation.invite_revoke": gettext_lazy("Üyelik daveti geri alındı"),
    "portal.organisation.join": gettext_lazy("Kuruluşa katıldı"),
    "portal.organisation.leave": gettext_lazy("Kuruluştan ayrıldı"),
    "portal.organisation.member_role": gettext_lazy("Üyenin rolü değişti"),
    "portal.organisation.member_remove": gettext_lazy("Üye çıkarıldı"),
    "portal.organisation.transfer": gettext_lazy("Sahiplik devredildi"),
}


# The organisation's editable fields, in the order the form shows them.
ORGANISATION_FORM_FIELDS = [
    "legal_name",
    "short_name",
    "legal_form",
    "registry_number",
    "tax_number",
    "founding_year",
    "address",
    "province",
    "district",
    "phone",
    "email",
    "website",
    "working_areas",
    "target_groups",
    "addiction_types",
    "description",
    "logo",
]
ORGANISATION_RELATIONS = ["working_areas", "target_groups", "addiction_types"]
ORGANISATION_FIELDS = [f for f in ORGANISATION_FORM_FIELDS if f not in ORGANISATION_RELATIONS]


class MembershipError(DomainError):
    pass


def _apply(organisation: Organisation, data: dict) -> None:
    for name in ORGANISATION_FIELDS:
        if name in data:
            setattr(organisation, name, data[name])


def _set_relations(organisation: Organisation, data: dict) -> None:
    for name in ORGANISATION_RELATIONS:
        if name in data:
            getattr(organisation, name).set(data[name])


@transaction.atomic
def organisation_register(*, user: User, data: dict) -> Organisation:
    """Register an organisation; the person registering it becomes its owner."""
    organisation = Organisation(created_by=user)
    _apply(organisation, data)
    organisation.slug = unique_slug(
        Organisation.objects.all(),
        organisation.short_name or organisation.legal_name,
        fallback="stk",
        max_length=70,
    )
    organisation.full_clean()
    try:
        organisation.save()
    except IntegrityError as error:  # two registrations with one tax number at the same moment
        raise ValidationError(
            {"tax_number": _("Bu vergi numarasıyla kayıtlı bir kuruluş zaten var.")}
        ) from error
    _set_relations(organisation, data)
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.OWNER)
    audit(organisation, "portal.organisation.register", user=user)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, user: User, data: dict) -> Organisation:
    _apply(organisation, data)
    organisation.full_clean()
    organisation.save()
    _set_relations(organisation, data)
    audit(organisation, "portal.organisation.update", user=user)
    return organisation


# --- Invitations -----------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *, organisation: Organisation, email: str, role: str, invited_by: User, base_url: str
) -> Invitation:
    """Invite a person by e-mail. The link carries a random token; only its hash is stored."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise MembershipError(_("Bu e-posta adresinin sahibi kuruluşun zaten üyesi."))
    if role not in {Membership.Role.MANAGER, Membership.Role.MEMBER}:
        raise MembershipError(_("Davet yalnızca yönetici ya da üye rolü için gönderilebilir."))
    organisation.invitations.pending().filter(email__iexact=email).update(revoked_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + Invitation.VALID_FOR,
    )
    recipient = User.objects.filter(email__iexact=email).first()
    send_templated_mail(
        "accreditation/emails/invitation",
        {
            "organisation": organisation,
            "invited_by": invited_by,
            "role": invitation.get_role_display(),
            "url": base_url + reverse("organisation_invitation", args=[token]),
            "expires_at": invitation.expires_at,
        },
        to=email,
        language=recipient.preferred_language if recipient else translation.get_language(),
    )
    audit(organisation, "portal.organisation.invite", user=invited_by, data={"role": role})
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=_token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise MembershipError(_("Bu davet artık geçerli değil. Kuruluştan yeni bir davet isteyin."))
    if user.email.lower() != invitation.email.lower():
        raise MembershipError(
            _("Bu davet başka bir e-posta adresine gönderildi. O adresle giriş yapın.")
        )
    membership, _created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit(invitation.organisation, "portal.organisation.join", user=user)
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit(invitation.organisation, "portal.organisation.invite_revoke", user=by)


# --- Members ---------------------------------------------------------------------------------


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by: User) -> Membership:
    if membership.role == Membership.Role.OWNER:
        raise MembershipError(_("Sahibin rolü değiştirilemez; önce sahipliği devredin."))
    if role not in {Membership.Role.MANAGER, Membership.Role.MEMBER}:
        raise MembershipError(_("Geçersiz rol."))
    membership.role = role
    membership.save(update_fields=["role"])
    audit(membership.organisation, "portal.organisation.member_role", user=by, data={"role": role})
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    """Remove a member, or (``by`` is the member) leave. The owner must hand over first."""
    if membership.role == Membership.Role.OWNER:
        raise MembershipError(
            _("Kuruluşun sahibi ayrılamaz; önce sahipliği başka bir üyeye devredin.")
        )
    organisation = membership.organisation
    membership.delete()
    action = (
        "portal.organisation.leave"
        if by.pk == membership.user_id
        else ("portal.organisation.member_remove")
    )
    audit(organisation, action, user=by)


@transaction.atomic
def ownership_transfer(*, organisation: Organisation, to: Membership, by: User) -> None:
    """Hand ownership to another member; the previous owner stays on as a manager."""
    if to.organisation_id != organisation.pk:
        raise MembershipError(_("Sahiplik yalnızca kuruluşun bir üyesine devredilebilir."))
    current = Membership.objects.select_for_update().get(
        organisation=organisation, role=Membership.Role.OWNER
    )
    if current.pk == to.pk:
        raise MembershipError(_("Bu kişi zaten kuruluşun sahibi."))
    current.role = Membership.Role.MANAGER
    current.save(update_fields=["role"])
    to.role = Membership.Role.OWNER
    to.save(update_fields=["role"])
    audit(organisation, "portal.organisation.transfer", user=by, data={"to": to.user_id})
