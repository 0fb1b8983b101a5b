"""Participation certificates: a verifiable certificate for each event a person attended.

The certificate is an accreditation ``Certificate`` (personal, tier "participation"), so it
has a number, a QR code and the public verification page of every certificate. It is issued
when the person first asks for it and withdrawn when their attendance is corrected.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accreditation.certificates import (
    certificate_issue_participation,
    certificate_withdraw_participation,
)
from accreditation.models import Certificate, CertificateStatus

from .exceptions import EventError
from .models import Event, SignUp

WITHDRAWN_NOTE = "Katılım kaydı düzeltildi"
TITLE_LENGTH = 200  # Certificate.title


def _hours(signup: SignUp, event: Event) -> int | None:
    """The volunteer hours credited, else the length of the event or session, rounded. An
    event running over several days without sessions has no single length: no hours then."""
    if signup.hours is not None:
        hours = Decimal(signup.hours)
    else:
        starts_at, ends_at = signup.starts_at, signup.ends_at
        if timezone.localdate(starts_at) != timezone.localdate(ends_at):
            return None
        hours = Decimal((ends_at - starts_at).total_seconds()) / 3600
    rounded = int(hours.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return rounded if rounded >= 1 else None


def _title(event: Event, signup: SignUp) -> str:
    title = f"{event.title} · {signup.session.title}" if signup.session_id else event.title
    return Truncator(title).chars(TITLE_LENGTH)


@transaction.atomic
def participation_certificate_issue(*, signup: SignUp, by=None) -> Certificate:
    """The attendee's participation certificate: the one already issued while it is valid,
    else a new one (numbered KTL-<year>-…). Only for attended sign-ups."""
    locked = SignUp.objects.select_for_update().get(pk=signup.pk)
    if locked.status != SignUp.Status.ATTENDED:
        raise EventError(
            _("Katılım belgesi yalnızca etkinliğe katıldığı kaydedilen kişilere verilir.")
        )
    if locked.certificate_id:
        existing = Certificate.objects.get(pk=locked.certificate_id)
        if existing.status == CertificateStatus.VALID:
            signup.certificate = existing
            return existing
    event = Event.objects.select_related("organiser", "province", "district").get(
        pk=locked.event_id
    )
    # Stored once, in the portal's language: a certificate says the same thing to everyone.
    with translation.override("tr"):
        scope_lines = [event.organiser_name, event.place_label]
    certificate = certificate_issue_participation(
        holder=locked.person,
        title=_title(event, locked),
        hours=_hours(locked, event),
        issued_on=timezone.localdate(locked.starts_at),
        scope_lines=scope_lines,
        by=by,
    )
    locked.certificate = certificate
    locked.save(update_fields=["certificate"])
    signup.certificate = certificate
    return certificate


def participation_certificate_withdraw(*, signup: SignUp) -> None:
    """Revoke the participation certificate, if any, when attendance is corrected to no-show
    (in the correction's transaction)."""
    certificate = Certificate.objects.filter(
        event_signup__pk=signup.pk, tier=Certificate.Tier.PARTICIPATION
    ).first()
    if certificate is None:
        return
    certificate_withdraw_participation(certificate=certificate, note=WITHDRAWN_NOTE)
