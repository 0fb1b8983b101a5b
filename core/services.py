"""Writes of the core. Views, the admin and the demo loader all come through here."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from core.audit import audit
from core.exceptions import ConsentError, RoleError
from core.models import (
    ConsentPurpose,
    ConsentRecord,
    ConsentText,
    Province,
    RoleAssignment,
    StaffRole,
    User,
)
from core.models.roles import GROUP_NAMES, PROVINCE_SCOPED_ROLES


@transaction.atomic
def account_create(
    *,
    email: str,
    password: str | None,
    full_name: str,
    verified: bool = False,
    language: str = "tr",
) -> User:
    """Create a person's account; ``verified`` marks the e-mail address as confirmed."""
    from allauth.account.models import EmailAddress

    user = User(
        email=email.strip().lower(), full_name=full_name.strip(), preferred_language=language
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


def account_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name = " ".join(full_name.split())
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language"])
    return user


# --- Consent ---------------------------------------------------------------------------------


def consent_current_text(*, purpose: ConsentPurpose) -> ConsentText:
    text = purpose.texts.order_by("-version").first()
    if text is None:
        raise ConsentError(f"Consent purpose {purpose.key!r} has no text.")
    return text


@transaction.atomic
def consent_text_publish(
    *, purpose: ConsentPurpose, body: str, body_en: str, user=None
) -> ConsentText:
    """Publish a new version of a purpose's text; earlier consents keep pointing at theirs."""
    latest = purpose.texts.select_for_update().order_by("-version").first()
    text = ConsentText(
        purpose=purpose,
        version=(latest.version + 1) if latest else 1,
        body=body.strip(),
        body_en=body_en.strip(),
    )
    text.full_clean()
    text.save()
    audit(text, "portal.consent_text.publish", user=user, data={"version": text.version})
    return text


@transaction.atomic
def consent_grant(*, user: User, purpose: ConsentPurpose, source: str = "account") -> ConsentRecord:
    """Record consent to the purpose's current text. Granting again is a no-op."""
    existing = (
        ConsentRecord.objects.select_for_update()
        .in_force()
        .filter(user=user, purpose=purpose)
        .first()
    )
    if existing is not None:
        return existing
    record = ConsentRecord(
        user=user,
        purpose=purpose,
        text=consent_current_text(purpose=purpose),
        granted_at=timezone.now(),
        source=source,
    )
    record.full_clean()
    record.save()
    audit(
        record,
        "portal.consent.grant",
        user=user,
        data={"purpose": purpose.key, "version": record.text.version},
    )
    return record


@transaction.atomic
def consent_withdraw(*, user: User, purpose: ConsentPurpose) -> ConsentRecord | None:
    record = (
        ConsentRecord.objects.select_for_update()
        .in_force()
        .filter(user=user, purpose=purpose)
        .first()
    )
    if record is None:
        return None
    record.withdrawn_at = timezone.now()
    record.save(update_fields=["withdrawn_at"])
    audit(record, "portal.consent.withdraw", user=user, data={"purpose": purpose.key})
    return record


def consent_in_force(*, user: User, purpose_key: str) -> bool:
    return ConsentRecord.objects.in_force().filter(user=user, purpose__key=purpose_key).exists()


# --- Roles -----------------------------------------------------------------------------------


def _group_for(role: StaffRole) -> Group:
    group, _created = Group.objects.get_or_create(name=GROUP_NAMES[StaffRole(role)])
    return group


@transaction.atomic
def role_assign(
    *, user: User, role: StaffRole, province: Province | None = None, granted_by: User | None = None
) -> RoleAssignment:
    """Give a person a staff role, in a province or nationwide. Idempotent."""
    role = StaffRole(role)
    if role in PROVINCE_SCOPED_ROLES and province is None:
        raise RoleError("This role is always held in a province.")
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, province=province, defaults={"granted_by": granted_by}
    )
    if created:
        user.groups.add(_group_for(role))
        if role == StaffRole.ADMIN:
            # Administrators may do everything; MFA still guards them like every staff role.
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        audit(
            assignment,
            "portal.role.assign",
            user=granted_by,
            data={"role": role.value, "province": province.pk if province else None},
        )
    user.__dict__.pop("_portal_roles", None)
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment, revoked_by: User | None = None) -> None:
    user, role = assignment.user, StaffRole(assignment.role)
    audit(
        assignment,
        "portal.role.revoke",
        user=revoked_by,
        data={"role": role.value, "province": assignment.province_id},
    )
    assignment.delete()
    if not RoleAssignment.objects.filter(user=user, role=role).exists():
        user.groups.remove(_group_for(role))
        if role == StaffRole.ADMIN:
            user.is_staff = user.is_superuser = False
            user.save(update_fields=["is_staff", "is_superuser"])
    user.__dict__.pop("_portal_roles", None)
