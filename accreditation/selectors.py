"""Reads that span models."""

from dataclasses import dataclass

from .models import ConsentPurpose, ConsentRecord, User


@dataclass(frozen=True)
class ConsentRow:
    purpose: ConsentPurpose
    record: ConsentRecord | None  # the consent in force, if any
    current_version: int | None


def consent_overview(*, user: User) -> list[ConsentRow]:
    """Each purpose with the person's consent in force: three queries whatever the counts."""
    in_force = {
        record.purpose_id: record
        for record in ConsentRecord.objects.in_force()
        .filter(user=user)
        .select_related("text", "purpose")
    }
    rows = []
    for purpose in ConsentPurpose.objects.prefetch_related("texts"):
        versions = [text.version for text in purpose.texts.all()]
        record = in_force.get(purpose.pk)
        if purpose.is_active or record is not None:
            rows.append(ConsentRow(purpose, record, max(versions) if versions else None))
    return rows


def consent_history(*, user: User):
    return ConsentRecord.objects.filter(user=user).select_related("purpose", "text")


def personal_data_export(*, user: User) -> dict:
    """Everything the portal holds about the person, as they may download it (KVKK art. 11)."""
    from allauth.account.models import EmailAddress

    from .permissions import roles_of

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "roles": {
            role: sorted(p or 0 for p in provinces) for role, provinces in roles_of(user).items()
        },
        "consents": [
            {
                "purpose": record.purpose.key,
                "text_version": record.text.version,
                "granted_at": record.granted_at.isoformat(),
                "withdrawn_at": record.withdrawn_at.isoformat() if record.withdrawn_at else None,
            }
            for record in consent_history(user=user)
        ],
    }
