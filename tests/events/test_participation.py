"""Participation certificates: an attendee downloads a verifiable PDF; a corrected attendance
withdraws it."""

import datetime as dt
import subprocess
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from accreditation.factories import OrganisationFactory
from accreditation.models import Certificate, CertificateStatus
from core.factories import UserFactory
from core.lifecycle import transition
from events.exceptions import EventError
from events.factories import EventFactory, EventSessionFactory
from events.models import Event, SignUp
from events.participation import participation_certificate_issue

pytestmark = pytest.mark.django_db
S = SignUp.Status
ISTANBUL = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def organiser():
    return UserFactory()


@pytest.fixture
def event(organiser):
    organisation = OrganisationFactory(accredited=True, owner=organiser)
    return EventFactory(
        title="Ebeveynlere dijital bağımlılık semineri",
        organiser=organisation,
        organiser_institution="",
        starts_at=dt.datetime(2026, 3, 12, 14, tzinfo=ISTANBUL),
        ends_at=dt.datetime(2026, 3, 12, 16, 30, tzinfo=ISTANBUL),
    )


def _attended(event, person=None, **fields):
    return SignUp.objects.create(
        event=event, person=person or UserFactory(), status=S.ATTENDED, **fields
    )


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "belge.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_an_attendee_downloads_a_verifiable_participation_certificate(client, event, tmp_path):
    signup = _attended(event)
    client.force_login(signup.person)

    response = client.get(reverse("signup_certificate", args=[signup.pk]), follow=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    signup.refresh_from_db()
    certificate = signup.certificate
    assert certificate.number.startswith("KTL-2026-")
    assert certificate.kind == Certificate.Kind.PERSONAL
    assert certificate.tier == Certificate.Tier.PARTICIPATION
    assert certificate.holder == signup.person
    assert certificate.issued_on == dt.date(2026, 3, 12)
    assert certificate.hours == 3  # 2½ hours, rounded
    assert certificate.scope.splitlines() == [
        event.organiser.display_name,
        "Kadıköy Gençlik Merkezi, İstanbul",
    ]
    text = _pdf_text(response.content, tmp_path)
    assert (
        "Bu belge ile aşağıda adı geçen kişinin belirtilen etkinliğe katıldığı onaylanmıştır."
        in text
    )
    assert "Ebeveynlere dijital bağımlılık semineri" in text
    assert "3 saat" in text
    assert certificate.number in text

    verify = client.get(reverse("certificate_verify", args=[certificate.verification_token]))
    page = verify.content.decode()
    assert verify.status_code == 200
    assert certificate.display_status == "valid"
    assert 'badge badge--success">Geçerli<' in page
    assert "Etkinlik katılım belgesi" in page


def test_asking_again_returns_the_same_certificate(client, event):
    signup = _attended(event)
    client.force_login(signup.person)
    url = reverse("signup_certificate", args=[signup.pk])

    first = client.get(url)
    second = client.get(url)

    assert first["Location"] == second["Location"]
    assert Certificate.objects.filter(holder=signup.person).count() == 1


def test_another_person_cannot_get_someone_elses_certificate(client, event):
    signup = _attended(event)
    client.force_login(UserFactory())

    assert client.get(reverse("signup_certificate", args=[signup.pk])).status_code == 404
    assert client.get(reverse("signup_certificate", args=[999999])).status_code == 404
    assert not Certificate.objects.exists()


def test_signing_in_is_needed(client, event):
    signup = _attended(event)
    response = client.get(reverse("signup_certificate", args=[signup.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("status", [S.CONFIRMED, S.NO_SHOW, S.WAITLISTED, S.CANCELLED])
def test_no_certificate_without_recorded_attendance(client, event, status):
    signup = SignUp.objects.create(event=event, person=UserFactory(), status=status)
    client.force_login(signup.person)

    response = client.get(reverse("signup_certificate", args=[signup.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("my_events")
    assert not Certificate.objects.exists()
    with pytest.raises(EventError):
        participation_certificate_issue(signup=signup)


def test_correcting_attendance_to_no_show_revokes_the_certificate(
    client, event, organiser, django_capture_on_commit_callbacks
):
    signup = _attended(event)
    certificate = participation_certificate_issue(signup=signup)

    with django_capture_on_commit_callbacks(execute=True):
        transition(signup, S.NO_SHOW, by=organiser)

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    (change,) = certificate.history()
    assert (change.from_status, change.to_status, change.by) == ("valid", "revoked", None)
    assert change.note == "Katılım kaydı düzeltildi"
    page = client.get(reverse("certificate_verify", args=[certificate.verification_token]))
    assert 'badge badge--danger">İptal edildi<' in page.content.decode()

    # Marked attended again: a new, valid certificate replaces the revoked one.
    with django_capture_on_commit_callbacks(execute=True):
        transition(signup, S.ATTENDED, by=organiser)
    renewed = participation_certificate_issue(signup=signup)
    assert renewed.pk != certificate.pk
    assert renewed.status == CertificateStatus.VALID


def test_a_volunteers_credited_hours_and_the_shift_are_on_the_certificate(event):
    shift_event = EventFactory(
        kind=Event.Kind.VOLUNTEER_SHIFT,
        title="Sahil temizliği",
        starts_at=dt.datetime(2026, 4, 5, 9, tzinfo=ISTANBUL),
        ends_at=dt.datetime(2026, 4, 5, 17, tzinfo=ISTANBUL),
    )
    shift = EventSessionFactory(
        event=shift_event,
        title="Öğleden sonra",
        starts_at=dt.datetime(2026, 4, 5, 13, tzinfo=ISTANBUL),
        ends_at=dt.datetime(2026, 4, 5, 17, tzinfo=ISTANBUL),
    )
    credited = _attended(shift_event, session=shift, hours=Decimal("3.50"))
    by_length = _attended(shift_event, session=shift)

    first = participation_certificate_issue(signup=credited)
    second = participation_certificate_issue(signup=by_length)

    assert first.title == "Sahil temizliği · Öğleden sonra"
    assert first.hours == 4
    assert second.hours == 4
    assert first.number != second.number


def test_an_event_over_several_days_without_sessions_has_no_hours():
    event = EventFactory(
        starts_at=dt.datetime(2026, 5, 1, 9, tzinfo=ISTANBUL),
        ends_at=dt.datetime(2026, 5, 2, 17, tzinfo=ISTANBUL),
    )
    certificate = participation_certificate_issue(signup=_attended(event))
    assert certificate.hours is None
    assert certificate.issued_on == dt.date(2026, 5, 1)


def test_the_english_participation_certificate_names_the_event_and_its_length(tmp_path):
    from accreditation.certificate_pdf import CertificateContent, render_certificate_pdf

    content = CertificateContent(
        kind="personal",
        language="en",
        number="KTL-2026-000001",
        holder_name="Çağrı Öztürk",
        title="Sahil temizliği",
        scope_lines=["Kadıköy Gençlik Merkezi, İstanbul"],
        issued_on=dt.date(2026, 4, 5),
        expires_on=None,
        verification_url="http://testserver/dogrula/x/",
        issuer="Addiction Prevention and Social Cohesion Portal",
        participation=True,
        hours=1,
    )
    text = _pdf_text(render_certificate_pdf(content), tmp_path)

    assert "This certifies that the person named below took part in the event stated." in text
    assert "Duration" in text
    assert "1 hour" in text
    assert "training programme" not in text
    with pytest.raises(ValueError):
        CertificateContent(**{**content.__dict__, "kind": "organisation"})


def test_the_certificate_falls_with_the_correction_in_one_transaction(event, organiser):
    """The revocation is part of the correction: if anything after it fails, neither stays, and
    no no-show is ever left holding a valid certificate while mail waits for the commit."""
    from django.db import transaction

    signup = _attended(event)
    certificate = participation_certificate_issue(signup=signup)

    with transaction.atomic():
        transition(signup, S.NO_SHOW, by=organiser)
        # Nothing after commit has run yet, and the certificate is already revoked.
        certificate.refresh_from_db()
        assert certificate.status == CertificateStatus.REVOKED
        transaction.set_rollback(True)  # the correction fails later in its transaction

    certificate.refresh_from_db()
    signup.refresh_from_db()
    assert (signup.status, certificate.status) == (S.ATTENDED, CertificateStatus.VALID)
