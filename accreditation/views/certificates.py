"""Public verification of certificates, their PDF, and the board's actions on them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accreditation.permissions import membership_role
from core.exceptions import DomainError
from core.lifecycle import transition
from core.permissions import can

from .. import certificates as services
from ..certificate_pdf import CertificateContent, render_certificate_pdf
from ..models import Certificate, CertificateStatus


def _public_history(certificate: Certificate) -> list[dict]:
    labels = dict(CertificateStatus.choices)
    return [
        {"at": change.at, "to": labels.get(change.to_status, change.to_status), "note": change.note}
        for change in certificate.history()
    ]


def verify(request, token: str):
    """What a QR code opens: the certificate's current status and history, nothing private."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("organisation", "holder"), verification_token=token
    )
    return render(
        request,
        "accreditation/certificate_verify.html",
        {
            "certificate": certificate,
            "history": _public_history(certificate),
            "code": services.verification_code(certificate),
            "may_manage": can(request.user, "certificate.manage", certificate),
            "may_download": _may_download(request.user, certificate),
        },
    )


def verify_lookup(request):
    """Entering the number by hand: the printed number and verification code together."""
    number = request.GET.get("number", "").strip()[:30]
    code = request.GET.get("code", "").strip()[:12]
    not_found = False
    if number or code:
        certificate = services.certificate_by_number(number=number, code=code)
        if certificate is not None:
            return redirect("certificate_verify", token=certificate.verification_token)
        not_found = True
    return render(
        request,
        "accreditation/certificate_lookup.html",
        {"number": number, "code": code, "not_found": not_found},
        status=404 if not_found else 200,
    )


def _may_download(user, certificate: Certificate) -> bool:
    if not user.is_authenticated:
        return False
    if certificate.organisation_id:
        return membership_role(user, certificate.organisation) is not None or can(
            user, "certificate.manage", certificate
        )
    return certificate.holder_id == user.pk


@login_required
def certificate_pdf(request, token: str):
    certificate = get_object_or_404(
        Certificate.objects.select_related("organisation", "holder"), verification_token=token
    )
    if not _may_download(request.user, certificate):
        return redirect("certificate_verify", token=token)
    language = (translation.get_language() or "tr")[:2]
    participation = certificate.tier == Certificate.Tier.PARTICIPATION
    volunteering = certificate.tier == Certificate.Tier.VOLUNTEERING
    recorded = participation or volunteering  # attested by the portal's own records
    content = CertificateContent(
        kind=certificate.kind,
        language=language,
        number=f"{certificate.number} · {services.verification_code(certificate)}",
        holder_name=certificate.holder_name,
        title=certificate.get_tier_display()
        if certificate.kind == Certificate.Kind.ORGANISATION
        else certificate.title,
        scope_lines=[line for line in certificate.scope.splitlines() if line.strip()],
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        verification_url=request.build_absolute_uri(services.verification_path(certificate)),
        # The portal attests attendance and approved hours; the board attests accreditation.
        issuer=_("Bağımlılıkla Mücadele ve Sosyal Uyum Portalı")
        if recorded
        else _("Bağımlılıkla Mücadele ve Sosyal Uyum Portalı — Akreditasyon Kurulu"),
        participation=participation,
        volunteering=volunteering,
        hours=(certificate.hours or None) if recorded else None,
    )
    response = HttpResponse(render_certificate_pdf(content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate.number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def certificate_move(request, token: str):
    """Suspend, reinstate or revoke, with a reason: the board's decision."""
    certificate = get_object_or_404(Certificate, verification_token=token)
    try:
        transition(
            certificate,
            request.POST.get("target", ""),
            by=request.user,
            note=request.POST.get("note", ""),
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Belgenin yeni durumu: %(status)s.") % {"status": certificate.get_status_display()},
        )
    return redirect("certificate_verify", token=token)
