"""The recovery declaration of a mentor credential: special-category data (KVKK art. 6).

Written and read only here. Stored encrypted; readable by the person and by the reviewer
assigned to the credential, who states a purpose each time; every reading is logged (who,
when, why) and shown to the person. It never appears in lists, search, exports or e-mails.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import audit
from core.crypto import SealedValueError, decrypt, encrypt
from core.permissions import can

from .exceptions import VolunteerError
from .models import DeclarationAccess, MentorCredential, RecoveryDeclaration

logger = logging.getLogger(__name__)
MAX_YEARS = 80
OWN_READING = "Kendi beyanımı görüntüledim."


def declaration_exists(credential: MentorCredential) -> bool:
    return RecoveryDeclaration.objects.filter(credential=credential).exists()


@transaction.atomic
def declaration_save(
    *, credential: MentorCredential, by, years_in_recovery: int, statement: str
) -> RecoveryDeclaration:
    if by.pk != credential.person_id:
        raise PermissionDenied("declaration.write")
    if credential.status != MentorCredential.Status.DRAFT:
        raise VolunteerError(_("Gönderilmiş bir başvurunun beyanı değiştirilemez."))
    errors = {}
    if years_in_recovery is None or not 0 <= int(years_in_recovery) <= MAX_YEARS:
        errors["years_in_recovery"] = _("0 ile 80 arasında bir yıl sayısı girin.")
    if not (statement or "").strip():
        errors["statement"] = _("Beyanınızı birkaç cümleyle yazın.")
    if errors:
        raise ValidationError(errors)
    ciphertext = encrypt(
        {"years_in_recovery": int(years_in_recovery), "statement": statement.strip()}
    )
    declaration, _created = RecoveryDeclaration.objects.update_or_create(
        credential=credential, defaults={"ciphertext": ciphertext}
    )
    audit(credential, "portal.mentor_credential.declaration_save", user=by)
    return declaration


@transaction.atomic
def declaration_read(*, credential: MentorCredential, by, purpose: str = "") -> dict:
    """The declaration's content for ``by``, logged. The person reads their own (logged with
    a fixed purpose); the assigned reviewer must state why."""
    if not can(by, "declaration.read", credential):
        raise PermissionDenied("declaration.read")
    declaration = RecoveryDeclaration.objects.filter(credential=credential).first()
    if declaration is None:
        raise VolunteerError(_("Bu başvuruda iyileşme beyanı yok."))
    own = by.pk == credential.person_id
    purpose = OWN_READING if own else (purpose or "").strip()
    if len(purpose) < 10:
        raise ValidationError(
            {"purpose": _("Beyanı hangi amaçla okuduğunuzu açıkça yazın (en az 10 karakter).")}
        )
    DeclarationAccess.objects.create(declaration=declaration, reader=by, purpose=purpose[:300])
    # The trail names the record and the reader, not the content.
    audit(credential, "portal.mentor_credential.declaration_read", user=by)
    try:
        return decrypt(declaration.ciphertext)
    except SealedValueError:
        # The record, never its content or the reader's words.
        logger.error("Recovery declaration #%s cannot be opened", declaration.pk)
        raise VolunteerError(
            _(
                "Bu beyan okunamıyor: kayıt bozulmuş ya da artık tanımlı olmayan bir anahtarla "
                "şifrelenmiş. Durumu portal yöneticisine bildirin."
            )
        ) from None


def declaration_accesses(credential: MentorCredential):
    return DeclarationAccess.objects.filter(declaration__credential=credential).select_related(
        "reader"
    )
