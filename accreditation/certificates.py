"""Services for certificates: issue, number, verification, organisation status, reminders."""

import datetime
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.audit import audit
from core.dates import add_years
from core.mail import absolute_url, send_templated_mail

from .models import (
    REMINDER_DAYS,
    AccreditationStatus,
    Certificate,
    CertificateReminder,
    CertificateStatus,
    Membership,
    Organisation,
)

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.certificate.issue": gettext_lazy("Belge düzenlendi"),
}


FULL_TERM = 3  # years
PROVISIONAL_TERM = 1


def _next_number(prefix: str, year: int) -> str:
    """Sequential per prefix and year: AKR-2026-000001. Called inside the issuing transaction."""
    last = (
        Certificate.objects.select_for_update()
        .filter(number__startswith=f"{prefix}-{year}-")
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}-{year}-{sequence:06d}"


def verification_code(certificate: Certificate) -> str:
    """The short code printed beside the number, needed to look a certificate up by hand."""
    return certificate.verification_token[:8].upper()


def verification_path(certificate: Certificate) -> str:
    return reverse("certificate_verify", args=[certificate.verification_token])


def sync_organisation_status(organisation: Organisation) -> None:
    """The organisation's accreditation fields follow its valid certificate, if any."""
    certificate = (
        organisation.certificates.filter(kind=Certificate.Kind.ORGANISATION)
        .order_by("-issued_on", "-pk")
        .first()
    )
    if certificate is None:
        status, until = AccreditationStatus.NONE, None
    elif certificate.status == CertificateStatus.VALID:
        status = (
            AccreditationStatus.PROVISIONAL
            if certificate.tier == Certificate.Tier.PROVISIONAL
            else AccreditationStatus.ACCREDITED
        )
        until = certificate.expires_on
    else:
        status = {
            CertificateStatus.SUSPENDED: AccreditationStatus.SUSPENDED,
            CertificateStatus.REVOKED: AccreditationStatus.REVOKED,
            CertificateStatus.EXPIRED: AccreditationStatus.EXPIRED,
        }.get(certificate.status, AccreditationStatus.NONE)
        until = certificate.expires_on
    Organisation.objects.filter(pk=organisation.pk).update(
        accreditation_status=status, accredited_until=until
    )
    organisation.accreditation_status, organisation.accredited_until = status, until


@transaction.atomic
def certificate_issue_for_application(*, application, by, provisional: bool) -> Certificate:
    """Issue the organisation's certificate on a positive decision, superseding an older one."""
    from core.lifecycle import transition

    organisation = application.organisation
    today = timezone.localdate()
    for old in organisation.certificates.filter(status=CertificateStatus.VALID):
        transition(old, CertificateStatus.SUPERSEDED, note="Yeni belge düzenlendi.")
    tier = Certificate.Tier.PROVISIONAL if provisional else Certificate.Tier.FULL
    certificate = Certificate(
        kind=Certificate.Kind.ORGANISATION,
        tier=tier,
        number=_next_number("AKR", today.year),
        verification_token=secrets.token_urlsafe(24),
        organisation=organisation,
        application=application,
        title=str(tier.label),
        scope="\n".join(area.name for area in organisation.working_areas.all()),
        conditions=application.decision_note if provisional else "",
        issued_on=today,
        expires_on=add_years(today, PROVISIONAL_TERM if provisional else FULL_TERM),
        issued_by=by,
    )
    certificate.full_clean()
    certificate.save()
    audit(certificate, "portal.certificate.issue", user=by)
    sync_organisation_status(organisation)
    return certificate


@transaction.atomic
def certificate_issue_personal(
    *,
    holder,
    training: str,
    hours: int | None,
    completed_on: datetime.date,
    by,
    valid_years: int | None = None,
) -> Certificate:
    """Record that a person completed a training; they get their own verifiable certificate."""
    certificate = Certificate(
        kind=Certificate.Kind.PERSONAL,
        tier=Certificate.Tier.TRAINING,
        number=_next_number("EGT", completed_on.year),
        verification_token=secrets.token_urlsafe(24),
        holder=holder,
        title=training.strip(),
        hours=hours,
        issued_on=completed_on,
        expires_on=add_years(completed_on, valid_years) if valid_years else None,
        issued_by=by,
    )
    certificate.full_clean()
    certificate.save()
    audit(certificate, "portal.certificate.issue", user=by)
    return certificate


def _issue_record(
    *, tier, prefix: str, holder, title: str, hours, issued_on, scope_lines, by
) -> Certificate:
    """A personal certificate attesting what the portal recorded (attendance, hours): valid
    without an end date, numbered <prefix>-<year>-…"""
    certificate = Certificate(
        kind=Certificate.Kind.PERSONAL,
        tier=tier,
        number=_next_number(prefix, issued_on.year),
        verification_token=secrets.token_urlsafe(24),
        holder=holder,
        title=title.strip(),
        scope="\n".join(line.strip() for line in scope_lines if line and line.strip()),
        hours=hours,
        issued_on=issued_on,
        issued_by=by,
    )
    # Issued by the portal itself when no one asked (e.g. the demo data): no issuer then.
    certificate.full_clean(exclude=["issued_by"] if by is None else None)
    certificate.save()
    audit(certificate, "portal.certificate.issue", user=by)
    return certificate


@transaction.atomic
def certificate_issue_participation(
    *,
    holder,
    title: str,
    hours: int | None,
    issued_on: datetime.date,
    scope_lines: list[str],
    by=None,
) -> Certificate:
    """Record that a person took part in an event (numbered KTL-<year>-…), issued on the day
    of the event."""
    return _issue_record(
        tier=Certificate.Tier.PARTICIPATION,
        prefix="KTL",
        holder=holder,
        title=title,
        hours=hours,
        issued_on=issued_on,
        scope_lines=scope_lines,
        by=by,
    )


@transaction.atomic
def certificate_issue_volunteering(
    *,
    holder,
    title: str,
    hours: int,
    issued_on: datetime.date,
    scope_lines: list[str],
    by=None,
) -> Certificate:
    """Record a person's approved volunteering hours (numbered GNL-<year>-…)."""
    return _issue_record(
        tier=Certificate.Tier.VOLUNTEERING,
        prefix="GNL",
        holder=holder,
        title=title,
        hours=hours,
        issued_on=issued_on,
        scope_lines=scope_lines,
        by=by,
    )


@transaction.atomic
def certificate_withdraw_participation(*, certificate: Certificate, note: str) -> bool:
    """Revoke a participation certificate because the attendance it attests was corrected.
    The portal makes this move itself (the board's revocation needs a board member).
    Returns whether it revoked."""
    from core.lifecycle import transition

    if certificate.tier != Certificate.Tier.PARTICIPATION:
        raise ValueError("Only participation certificates are withdrawn by the portal.")
    if certificate.status != CertificateStatus.VALID:
        return False
    transition(certificate, CertificateStatus.REVOKED, note=note)
    return True


def certificate_by_number(*, number: str, code: str) -> Certificate | None:
    """Look a certificate up by its printed number and verification code (both needed, so
    personal certificates cannot be listed by trying numbers)."""
    certificate = Certificate.objects.filter(number=number.strip().upper()).first()
    if certificate is None or not secrets.compare_digest(
        verification_code(certificate), code.strip().upper()
    ):
        return None
    return certificate


# --- The daily job ---------------------------------------------------------------------------


def expire_due_certificates(*, today: datetime.date | None = None) -> int:
    """Move valid certificates past their end date to expired. Idempotent."""
    from core.lifecycle import transition

    today = today or timezone.localdate()
    count = 0
    for certificate in Certificate.objects.valid().filter(expires_on__lt=today):
        transition(certificate, CertificateStatus.EXPIRED, note="Geçerlilik süresi doldu.")
        count += 1
    return count


def send_due_reminders(*, today: datetime.date | None = None) -> int:
    """Remind owners 90, 30 and 7 days before expiry. Idempotent: each certificate gets the
    reminder of the nearest threshold once; thresholds missed while the job was not running
    are not sent late on top of it."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    sent = 0
    due = (
        Certificate.objects.valid()
        .filter(kind=Certificate.Kind.ORGANISATION, expires_on__gte=today, expires_on__lte=horizon)
        .select_related("organisation")
        .prefetch_related("reminders")
    )
    for certificate in due:
        days_left = (certificate.expires_on - today).days
        threshold = min(days for days in REMINDER_DAYS if days >= days_left)
        if any(r.days_before <= threshold for r in certificate.reminders.all()):
            continue
        with transaction.atomic():
            _reminder, created = CertificateReminder.objects.get_or_create(
                certificate=certificate, days_before=threshold
            )
            if created:
                _mail_reminder(certificate, days_left=days_left)
                sent += 1
    return sent


def _mail_reminder(certificate: Certificate, *, days_left: int) -> None:
    url = absolute_url(reverse("application_start", args=[certificate.organisation.slug]))
    managing = Membership.objects.filter(organisation=certificate.organisation).managing()
    for membership in managing.select_related("user"):
        person = membership.user
        send_templated_mail(
            "accreditation/emails/expiry_reminder",
            {
                "certificate": certificate,
                "organisation": certificate.organisation,
                "days_left": days_left,
                "person": person,
                "url": url,
            },
            to=person.email,
            language=person.preferred_language,
        )
