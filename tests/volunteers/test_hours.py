"""Volunteering hours: what may be logged, who approves, event attendance credited once and
corrected, totals that equal the approved logs, and the verifiable volunteering certificate."""

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Certificate, Membership
from core.exceptions import DomainError
from core.factories import UserFactory
from core.lifecycle import TransitionNotPermitted
from core.models import Province, StatusChange, SupportUnit, User
from events import organising
from events.factories import EventFactory, EventSessionFactory
from events.models import Event, SignUp
from events.participation import participation_certificate_issue
from events.signups import signup_create
from volunteers import hours
from volunteers.exceptions import VolunteerError
from volunteers.factories import (
    HoursLogFactory,
    MatchFactory,
    ProgramFactory,
    RoleFactory,
    VolunteerProfileFactory,
)
from volunteers.models import HoursLog, Match, VolunteerProfile

pytestmark = pytest.mark.django_db

H = HoursLog.Status
M = Match.Status


def _today():
    return timezone.localdate()


def fresh(user):
    """The same person without the roles and memberships cached on the object."""
    return User.objects.get(pk=user.pk)


def _log(match, amount=2, *, on=None, kind=HoursLog.Kind.VOLUNTEERING, **extra):
    """Hours the volunteer logs in their placement, through the service."""
    return hours.hours_log(
        person=match.person, match=match, on=on or _today(), hours=amount, kind=kind, **extra
    )


def _refused(person, field, **kwargs):
    before = HoursLog.objects.count()
    with pytest.raises(ValidationError) as error:
        hours.hours_log(person=person, **kwargs)
    assert field in error.value.message_dict, error.value.message_dict
    assert HoursLog.objects.count() == before
    return error.value.message_dict[field][0]


# --- Logging -----------------------------------------------------------------------------------


def test_logged_hours_wait_for_the_organisation_that_runs_the_program(
    active_match, organisation, volunteer
):
    log = _log(active_match, Decimal("1.5"), description="  Ödev desteği  ")
    log.refresh_from_db()
    assert log.status == H.SUBMITTED
    assert log.hours == Decimal("1.5")
    assert (log.organisation, log.province_id) == (organisation, 34)
    assert log.description == "Ödev desteği"
    assert not log.automatic
    first = StatusChange.objects.for_object(log).get()
    assert (first.from_status, first.to_status, first.by) == ("", H.SUBMITTED, volunteer)


@pytest.mark.parametrize(
    ("amount", "fragment"),
    [
        (0, "Saati girin"),
        (-1, "Saati girin"),
        (None, "Saati girin"),
        ("", "Saati girin"),
        (Decimal("24.5"), "en çok 24"),
        (25, "en çok 24"),
        (Decimal("1.25"), "yarım saatlik"),
        (Decimal("0.3"), "yarım saatlik"),
    ],
)
def test_hours_outside_half_hour_steps_between_0_and_24_are_refused(
    amount, fragment, volunteer, active_match
):
    message = _refused(volunteer, "hours", match=active_match, on=_today(), hours=amount)
    assert fragment in message


@pytest.mark.parametrize("amount", ["abc", "iki", "2 saat"])
def test_hours_that_are_not_a_number_are_refused_with_a_message(amount, volunteer, active_match):
    _refused(volunteer, "hours", match=active_match, on=_today(), hours=amount)


def test_hours_in_the_future_are_refused(volunteer, active_match):
    message = _refused(
        volunteer, "on", match=active_match, on=_today() + dt.timedelta(days=1), hours=2
    )
    assert "İleri bir tarihe" in message


def test_hours_without_a_date_are_refused_with_a_message(volunteer, active_match):
    _refused(volunteer, "on", match=active_match, on=None, hours=2)


def test_hours_before_the_placement_started_are_refused(volunteer, active_match):
    assert active_match.started_on == _today()
    _refused(volunteer, "on", match=active_match, on=_today() - dt.timedelta(days=1), hours=2)


def test_no_more_than_24_hours_on_one_day_across_logs(volunteer, active_match, owner):
    first = _log(active_match, 20)
    message = _refused(volunteer, "hours", match=active_match, on=_today(), hours=Decimal("4.5"))
    assert "zaten 20" in message
    _log(active_match, 4)
    _refused(volunteer, "hours", match=active_match, on=_today(), hours=Decimal("0.5"))
    # Another day is another day; rejected hours do not count.
    Match.objects.filter(pk=active_match.pk).update(started_on=_today() - dt.timedelta(days=5))
    _log(Match.objects.get(pk=active_match.pk), 10, on=_today() - dt.timedelta(days=1))
    hours.hours_reject(log=first, by=owner, note="Yanlış gün.")
    _log(active_match, 20)


def test_the_daily_limit_counts_every_placement_and_event_of_the_person(volunteer, active_match):
    _log(active_match, 16)
    # Accepted into a role of another organisation too.
    other = MatchFactory(person=volunteer, accepted=True)
    _refused(volunteer, "hours", match=other, on=_today(), hours=9)
    hours.hours_log(person=volunteer, match=other, on=_today(), hours=8)


@pytest.mark.parametrize("status", [M.PROPOSED, M.DECLINED, M.WITHDRAWN])
def test_hours_need_an_accepted_placement(status, role, volunteer):
    match = MatchFactory(role=role, person=volunteer, status=status)
    message = _refused(volunteer, "place", match=match, on=_today(), hours=2)
    assert "kabul edilmiş" in message


@pytest.mark.parametrize("status", [M.ACCEPTED, M.CLOSED])
def test_hours_may_be_logged_for_an_accepted_or_ended_placement(status, role, volunteer):
    log = _log(MatchFactory(role=role, person=volunteer, status=status), 2)
    assert log.status == H.SUBMITTED


def test_hours_on_another_persons_placement_are_refused(active_match, other_volunteer):
    with pytest.raises(VolunteerError):
        hours.hours_log(person=other_volunteer, match=active_match, on=_today(), hours=2)
    assert not HoursLog.objects.exists()


def test_hours_go_to_a_placement_or_an_event_and_have_a_kind(volunteer, active_match):
    _refused(volunteer, "place", on=_today(), hours=2)
    _refused(volunteer, "kind", match=active_match, on=_today(), hours=2, kind="holiday")


# --- Approving and rejecting -------------------------------------------------------------------


def test_the_organisations_managers_approve_and_reject(organisation, owner, active_match):
    manager = UserFactory()
    Membership.objects.create(organisation=organisation, user=manager, role="manager")
    approved = HoursLogFactory(match=active_match, hours=2)
    hours.hours_approve(log=approved, by=manager)
    approved.refresh_from_db()
    assert approved.status == H.APPROVED
    rejected = HoursLogFactory(match=active_match, hours=1)
    with pytest.raises(DomainError):
        hours.hours_reject(log=rejected, by=owner, note="  ")
    rejected.refresh_from_db()
    assert rejected.status == H.SUBMITTED
    hours.hours_reject(log=rejected, by=owner, note="O gün buluşma yoktu.")
    rejected.refresh_from_db()
    assert rejected.status == H.REJECTED


def test_a_rejection_is_mailed_to_the_volunteer_with_the_reason(
    outbox, django_capture_on_commit_callbacks, active_match, owner, volunteer, role
):
    log = HoursLogFactory(match=active_match, hours=3)
    outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        hours.hours_reject(log=log, by=owner, note="O gün buluşma yoktu.")
    assert [message.to for message in outbox] == [[volunteer.email]]
    assert "O gün buluşma yoktu." in outbox[0].body
    assert role.title in outbox[0].body


def test_nobody_approves_their_own_hours(
    organisation, volunteer, active_match, other_ngo_owner, plain_member
):
    # The volunteer also manages the organisation.
    Membership.objects.create(organisation=organisation, user=volunteer, role="manager")
    log = HoursLogFactory(match=active_match, hours=2)
    for who in (fresh(volunteer), other_ngo_owner, plain_member):
        with pytest.raises(TransitionNotPermitted):
            hours.hours_approve(log=log, by=who)
    log.refresh_from_db()
    assert log.status == H.SUBMITTED


def test_hours_of_a_units_program_are_approved_by_the_provinces_coordinator(
    volunteer, coordinator, coordinator_elsewhere
):
    unit = SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Kadıköy Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )
    role = RoleFactory(program=ProgramFactory(organisation=None, support_unit=unit))
    match = MatchFactory(role=role, person=volunteer, accepted=True)
    log = hours.hours_log(person=volunteer, match=match, on=_today(), hours=2)
    assert log.organisation is None
    with pytest.raises(TransitionNotPermitted):
        hours.hours_approve(log=log, by=coordinator_elsewhere)
    hours.hours_approve(log=log, by=coordinator)
    log.refresh_from_db()
    assert log.status == H.APPROVED


# --- Event attendance --------------------------------------------------------------------------


class Shift:
    """A volunteer shift of the organisation that began ten minutes ago, with a
    four-and-a-half-hour session the volunteer signed up for the day before; its owner takes
    attendance."""

    def __init__(self, organisation, volunteer, owner, kind=Event.Kind.VOLUNTEER_SHIFT):
        start = timezone.now() - dt.timedelta(minutes=10)
        self.event = EventFactory(
            organiser=organisation,
            organiser_institution="",
            kind=kind,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=8),
        )
        self.session = EventSessionFactory(
            event=self.event, starts_at=start, ends_at=start + dt.timedelta(hours=4, minutes=30)
        )
        self.signup = signup_create(
            event=self.event,
            person=volunteer,
            session=self.session,
            now=start - dt.timedelta(days=1),
        )
        assert self.signup.status == SignUp.Status.CONFIRMED
        self.owner = owner

    def mark(self, attended: bool):
        """Take attendance at the door; the hours follow once it commits (the volunteers app
        reacts to the sign-up's ``status_changed``)."""
        with TestCase.captureOnCommitCallbacks(execute=True):
            organising.attendance_mark(signup=self.signup, attended=attended, by=self.owner)
        self.signup.refresh_from_db()


def _automatic(signup):
    return HoursLog.objects.filter(signup=signup, automatic=True)


@pytest.fixture
def shift(organisation, volunteer, owner):
    return Shift(organisation, volunteer, owner)


def test_attendance_credits_approved_hours_once_and_corrections_follow(
    shift, organisation, volunteer, profile
):
    assert not _automatic(shift.signup).exists()
    _refused(volunteer, "place", signup=shift.signup, on=_today(), hours=2)  # not attended yet

    shift.mark(True)
    log = _automatic(shift.signup).get()
    assert log.status == H.APPROVED
    assert log.hours == Decimal("4.5")
    assert (log.organisation, log.province_id, log.person) == (
        organisation,
        34,
        volunteer,
    )
    assert log.on == timezone.localdate(shift.session.starts_at)
    assert VolunteerProfile.objects.get(pk=profile.pk).has_participated
    assert hours.hours_totals(volunteer)["approved"] == Decimal("4.5")

    shift.mark(True)  # marking again changes nothing
    assert _automatic(shift.signup).count() == 1

    shift.mark(False)  # corrected to no-show
    log.refresh_from_db()
    assert log.status == H.REJECTED
    correction = StatusChange.objects.for_object(log).last()
    assert (correction.to_status, correction.by) == (H.REJECTED, None)
    assert hours.hours_totals(volunteer)["approved"] == 0

    shift.mark(True)  # and back
    log.refresh_from_db()
    assert log.status == H.APPROVED
    assert _automatic(shift.signup).count() == 1
    assert HoursLog.objects.filter(person=volunteer).count() == 1
    assert hours.hours_totals(volunteer)["approved"] == Decimal("4.5")


def test_credited_attendance_cannot_be_logged_again_by_hand(shift, volunteer):
    shift.mark(True)
    message = _refused(volunteer, "place", signup=shift.signup, on=_today(), hours=4)
    assert "zaten yazıldı" in message


def test_an_event_that_is_not_a_shift_credits_nothing_but_hours_may_be_logged_for_it(
    organisation, volunteer, owner
):
    shift = Shift(organisation, volunteer, owner, kind=Event.Kind.SEMINAR)
    shift.mark(True)
    assert not _automatic(shift.signup).exists()
    log = hours.hours_log(person=volunteer, signup=shift.signup, on=_today(), hours=2)
    assert (log.status, log.organisation) == (H.SUBMITTED, organisation)
    hours.hours_approve(log=log, by=owner)


def test_an_event_sign_up_of_someone_else_is_refused(shift, other_volunteer):
    shift.mark(True)
    with pytest.raises(VolunteerError):
        hours.hours_log(person=other_volunteer, signup=shift.signup, on=_today(), hours=1)


def test_hours_the_organiser_rejected_stay_rejected_when_the_sign_up_is_saved_again(shift, owner):
    """The organiser rejects credited hours (the person left early); the volunteer then takes
    their participation certificate, which saves the sign-up. The rejection must stand."""
    shift.mark(True)
    log = _automatic(shift.signup).get()
    hours.hours_reject(log=log, by=owner, note="Bir saat sonra ayrıldı.")
    participation_certificate_issue(signup=shift.signup)
    log.refresh_from_db()
    assert log.status == H.REJECTED


# --- Totals ------------------------------------------------------------------------------------


def _sums(logs, key):
    totals = defaultdict(Decimal)
    for log in logs:
        totals[key(log)] += log.hours
    return dict(totals)


def test_totals_equal_the_sums_of_approved_logs(active_match, shift, volunteer, organisation, role):
    HoursLogFactory(match=active_match, hours=2, approved=True)
    HoursLogFactory(
        match=active_match, hours=Decimal("1.5"), kind=HoursLog.Kind.SUPERVISED, approved=True
    )
    HoursLogFactory(match=active_match, hours=3, kind=HoursLog.Kind.CONTINUING, approved=True)
    HoursLogFactory(match=active_match, hours=Decimal("2.5"))  # waiting
    HoursLogFactory(match=active_match, hours=1, rejected=True)
    shift.mark(True)  # 4.5 automatic hours

    # Another volunteer, another organisation and province.
    other = VolunteerProfileFactory()
    izmir_role = RoleFactory(
        program=ProgramFactory(
            organisation=OrganisationFactory(accredited=True),
            province=Province.objects.get(code=35),
            district=None,
        )
    )
    izmir_match = MatchFactory(role=izmir_role, person=other.user, accepted=True)
    HoursLogFactory(match=izmir_match, hours=6, approved=True)

    totals = hours.hours_totals(volunteer)
    assert totals == {
        "approved": Decimal("11.0"),
        "waiting": Decimal("2.5"),
        "supervised": Decimal("1.5"),
        "continuing": Decimal("3.0"),
    }
    approved = list(HoursLog.objects.filter(status=H.APPROVED))
    assert len(approved) == 5
    for field, key in (
        ("person", lambda log: log.person_id),
        ("organisation", lambda log: log.organisation_id),
        ("province", lambda log: log.province_id),
        ("match__role", lambda log: log.match.role_id if log.match_id else None),
    ):
        rows = hours.totals_by(field)
        assert {row[field]: row["total"] for row in rows} == _sums(approved, key), field
        assert [row["total"] for row in rows] == sorted(
            (row["total"] for row in rows), reverse=True
        )
    assert {row["province"]: row["total"] for row in hours.totals_by("province")} == {
        34: Decimal("11.0"),
        35: Decimal("6"),
    }
    # Restricted to a queryset (e.g. one organisation), still approved hours only.
    mine = hours.totals_by("match__role", HoursLog.objects.filter(organisation=organisation))
    assert {row["match__role"]: row["total"] for row in mine} == {
        role.pk: Decimal("6.5"),
        None: Decimal("4.5"),
    }


# --- The volunteering certificate ------------------------------------------------------------


def test_no_certificate_without_approved_hours(active_match, volunteer):
    HoursLogFactory(match=active_match, hours=3)  # waiting for approval
    with pytest.raises(VolunteerError, match="onaylanmış"):
        hours.volunteering_certificate_issue(person=volunteer)
    assert not Certificate.objects.filter(holder=volunteer).exists()


def test_the_certificate_states_the_rounded_approved_hours_and_is_verifiable(
    client, active_match, volunteer, organisation, role, other_volunteer
):
    for amount in (Decimal("2.5"), 1):
        HoursLogFactory(match=active_match, hours=amount, approved=True)
    HoursLogFactory(match=active_match, hours=5)  # not approved: not on the certificate
    certificate = hours.volunteering_certificate_issue(person=volunteer)
    year = _today().year
    assert re.fullmatch(rf"GNL-{year}-\d{{6}}", certificate.number)
    assert certificate.tier == Certificate.Tier.VOLUNTEERING
    assert certificate.kind == Certificate.Kind.PERSONAL
    assert certificate.holder == volunteer
    assert certificate.hours == 4  # 3.5 rounded half up
    assert role.title in certificate.scope
    assert organisation.legal_name in certificate.scope
    assert "3.5 s" in certificate.scope

    second = hours.volunteering_certificate_issue(person=volunteer)
    assert int(second.number[-6:]) == int(certificate.number[-6:]) + 1

    page = client.get(reverse("certificate_verify", args=[certificate.verification_token]))
    assert page.status_code == 200
    assert certificate.number in page.content.decode()

    pdf_url = reverse("certificate_pdf", args=[certificate.verification_token])
    client.force_login(other_volunteer)
    assert client.get(pdf_url).status_code == 302  # not theirs
    client.force_login(volunteer)
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_half_an_hour_still_earns_a_certificate_of_one_hour(active_match, volunteer):
    HoursLogFactory(match=active_match, hours=Decimal("0.5"), approved=True)
    assert hours.volunteering_certificate_issue(person=volunteer).hours == 1
