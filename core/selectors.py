"""Reads of the kernel that span models: a person's consents."""

from dataclasses import dataclass

from .models import ConsentPurpose, ConsentRecord, ConsentText, User


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


def current_consent_text(purpose_key: str) -> ConsentText | None:
    """The newest text of a consent purpose, the one a person agrees to now."""
    return ConsentText.objects.filter(purpose__key=purpose_key).order_by("-version").first()
