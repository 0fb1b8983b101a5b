"""Quarterly reports: starting (pre-filled, future quarter refused), editing, locking,
submitting and reopening, and who has reported."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation import reports as services
from cooperation.factories import ActivityFactory, QuarterlyReportFactory
from cooperation.models import Activity, QuarterlyReport, ReportLine
from core.exceptions import DomainError
from core.factories import UserFactory, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, transition
from core.models import District, Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

R = QuarterlyReport.Status
YEAR, QUARTER = 2025, 3


def _owner_org(**kwargs):
    owner = UserFactory()
    kwargs.setdefault("accredited", True)
    organisation = OrganisationFactory(owner=owner, **kwargs)
    return owner, organisation


def _done(organisation, ends_on, **kwargs):
    return ActivityFactory(
        organisation=organisation,
        status=Activity.Status.COMPLETED,
        starts_on=ends_on - datetime.timedelta(days=2),
        ends_on=ends_on,
        **kwargs,
    )


def _report(organisation, **kwargs):
    """The organisation's report of YEAR/QUARTER, set straight into its state."""
    return QuarterlyReportFactory(organisation=organisation, year=YEAR, quarter=QUARTER, **kwargs)


def test_report_start_prefills_lines_from_completed_activities_of_the_quarter():
    owner, organisation = _owner_org()
    areas = list(WorkingArea.objects.order_by("sort_order", "pk")[:2])
    _done(
        organisation,
        datetime.date(2025, 7, 10),
        working_area=areas[0],
        people_reached=40,
        services_delivered=55,
        actual_participants=38,
        volunteers_involved=4,
        volunteer_hours=Decimal("12.5"),
    )
    _done(organisation, datetime.date(2025, 9, 30), working_area=areas[0], people_reached=10)
    _done(organisation, datetime.date(2025, 8, 1), working_area=areas[1], people_reached=7)
    # Not counted: another quarter, not completed, another organisation.
    _done(organisation, datetime.date(2025, 10, 1), working_area=areas[0], people_reached=999)
    ActivityFactory(
        organisation=organisation,
        working_area=areas[0],
        people_reached=999,
        status=Activity.Status.ONGOING,
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2025, 7, 2),
    )
    _done(
        OrganisationFactory(accredited=True),
        datetime.date(2025, 7, 10),
        working_area=areas[0],
        people_reached=999,
    )

    report = services.report_start(organisation=organisation, year=YEAR, quarter=QUARTER, by=owner)

    assert report.status == R.DRAFT
    lines = {line.working_area_id: line for line in report.lines.all()}
    assert set(lines) == {areas[0].pk, areas[1].pk}
    first = lines[areas[0].pk]
    assert (first.activities, first.people_reached, first.services_delivered) == (2, 50, 55)
    assert (first.participants, first.volunteers, first.volunteer_hours) == (38, 4, Decimal("12.5"))
    assert lines[areas[1].pk].people_reached == 7
    assert report.history().count() == 1


@pytest.mark.parametrize("ahead", [0, 1, 5])
def test_report_for_a_quarter_not_ended_is_refused(ahead):
    """The current quarter (ahead=0) and later ones have not ended."""
    owner, organisation = _owner_org()
    year, quarter = quarter_of_today = (
        timezone.localdate().year,
        (timezone.localdate().month - 1) // 3 + 1,
    )
    for _i in range(ahead):
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    assert (year, quarter) >= quarter_of_today
    with pytest.raises(ValidationError) as error:
        services.report_start(organisation=organisation, year=year, quarter=quarter, by=owner)
    assert error.value.message_dict["quarter"] == [
        "Henüz bitmemiş bir çeyrek için rapor verilemez."
    ]
    assert not QuarterlyReport.objects.exists()


def test_second_report_for_the_same_quarter_is_refused():
    owner, organisation = _owner_org()
    _report(organisation)
    with pytest.raises(ValidationError) as error:
        services.report_start(organisation=organisation, year=YEAR, quarter=QUARTER, by=owner)
    assert "zaten" in error.value.message_dict["quarter"][0]
    assert QuarterlyReport.objects.count() == 1


@pytest.mark.parametrize("role", [None, Membership.Role.MEMBER])
def test_only_owners_and_managers_start_reports(role):
    _owner, organisation = _owner_org()
    person = UserFactory()
    if role:
        Membership.objects.create(organisation=organisation, user=person, role=role)
    with pytest.raises(PermissionDenied):
        services.report_start(organisation=organisation, year=YEAR, quarter=QUARTER, by=person)


@pytest.mark.parametrize(
    "kind", ["not_accredited", "expired", "former_member", "other_org", "coordinator"]
)
def test_people_outside_the_organisation_cannot_start_or_edit(kind):
    owner, organisation = _owner_org()
    report = _report(organisation)
    person = owner
    if kind == "not_accredited":
        person, organisation = _owner_org(accredited=False)
    elif kind == "expired":
        person, organisation = _owner_org(accredited=False, expired=True)
    elif kind == "former_member":
        Membership.objects.filter(user=owner).delete()
        person = type(owner).objects.get(pk=owner.pk)  # a fresh object: no cached role
    elif kind == "other_org":
        person, _other = _owner_org()
    else:
        person = staff_user(StaffRole.COORDINATOR, 34)
    with pytest.raises(PermissionDenied):
        services.report_start(organisation=organisation, year=2025, quarter=1, by=person)
    with pytest.raises(PermissionDenied):
        services.report_update(report=report, data={"highlights": "X"}, by=person)


def test_update_saves_narrative_and_lines_and_drops_empty_lines():
    owner, organisation = _owner_org()
    report = _report(organisation)
    areas = list(WorkingArea.objects.order_by("sort_order", "pk")[:2])
    services.report_update(
        report=report,
        data={"highlights": "  Okul programı 4 lisede tamamlandı.  ", "challenges": ""},
        lines={
            areas[0]: {"activities": 3, "people_reached": 120, "volunteer_hours": Decimal("8.5")},
            areas[1]: {"activities": 0},
        },
        by=owner,
    )
    report.refresh_from_db()
    assert report.highlights == "Okul programı 4 lisede tamamlandı."
    line = ReportLine.objects.get(report=report)
    assert (line.working_area, line.people_reached, line.volunteer_hours) == (
        areas[0],
        120,
        Decimal("8.5"),
    )


def test_negative_line_values_are_refused_and_nothing_changes():
    owner, organisation = _owner_org()
    report = _report(organisation, highlights="İlk")
    area = WorkingArea.objects.order_by("sort_order").first()
    with pytest.raises(ValidationError) as error:
        services.report_update(
            report=report,
            data={"highlights": "İkinci"},
            lines={area: {"people_reached": -5}},
            by=owner,
        )
    assert "people_reached" in error.value.message_dict
    report.refresh_from_db()
    assert report.highlights == "İlk"


def test_submit_needs_highlights():
    owner, organisation = _owner_org()
    report = _report(organisation)
    with pytest.raises(DomainError) as error:
        services.report_submit(report=report, by=owner)
    assert "Öne çıkanlar" in str(error.value)
    assert QuarterlyReport.objects.get().status == R.DRAFT


def test_submitted_report_is_locked_for_every_service():
    owner, organisation = _owner_org()
    report = _report(organisation, highlights="Okul programı tamamlandı.")
    services.report_submit(report=report, by=owner)
    report.refresh_from_db()
    assert report.status == R.SUBMITTED and report.is_locked
    assert report.submitted_by == owner and report.submitted_at is not None
    with pytest.raises(services.ReportLocked):
        services.report_update(report=report, data={"highlights": "Değişti"}, by=owner)
    with pytest.raises(services.ReportLocked):
        services.report_refill(report=report, by=owner)
    with pytest.raises(DomainError):
        services.report_submit(report=report, by=owner)
    report.refresh_from_db()
    assert report.highlights == "Okul programı tamamlandı."


# --- Life cycle: every (from, to), refused pairs, wrong people --------------------------------


@pytest.mark.parametrize(
    ("source", "target", "who", "note"),
    [
        (R.DRAFT, R.SUBMITTED, "owner", ""),
        (R.SUBMITTED, R.DRAFT, "coordinator", "İkinci satırdaki sayıyı düzeltin."),
    ],
)
def test_every_move_of_the_report_life_cycle(source, target, who, note, outbox):
    owner, organisation = _owner_org()
    report = _report(organisation, highlights="Öne çıkan", submitted=source == R.SUBMITTED)
    person = owner if who == "owner" else staff_user(StaffRole.COORDINATOR, 34)
    outbox.clear()
    transition(report, target, by=person, note=note)
    report.refresh_from_db()
    assert report.status == target
    if target == R.DRAFT:
        assert report.submitted_at is None and report.submitted_by is None
        services.report_update(report=report, data={"highlights": "Düzeltildi"}, by=owner)


@pytest.mark.parametrize(("source", "target"), [(R.DRAFT, R.DRAFT), (R.SUBMITTED, R.SUBMITTED)])
def test_refused_pairs(source, target):
    _owner, organisation = _owner_org()
    report = _report(organisation, highlights="Öne çıkan", submitted=source == R.SUBMITTED)
    with pytest.raises(IllegalTransition):
        transition(report, target, by=staff_user(StaffRole.ADMIN))


@pytest.mark.parametrize("who", ["owner", "member", "other_coordinator", "other_owner", "stranger"])
def test_wrong_people_cannot_reopen(who):
    owner, organisation = _owner_org()
    report = _report(organisation, submitted=True)
    person = {
        "owner": lambda: owner,
        "member": lambda: (
            Membership.objects.create(
                organisation=organisation, user=UserFactory(), role=Membership.Role.MEMBER
            ).user
        ),
        "other_coordinator": lambda: staff_user(StaffRole.COORDINATOR, 35),
        "other_owner": lambda: _owner_org()[0],
        "stranger": UserFactory,
    }[who]()
    with pytest.raises(TransitionNotPermitted):
        services.report_reopen(report=report, by=person, note="Gerekçe")
    assert QuarterlyReport.objects.get().status == R.SUBMITTED


@pytest.mark.parametrize("who", ["member", "coordinator", "other_owner"])
def test_wrong_people_cannot_submit(who):
    _owner, organisation = _owner_org()
    report = _report(organisation, highlights="Öne çıkan")
    person = {
        "member": lambda: (
            Membership.objects.create(
                organisation=organisation, user=UserFactory(), role=Membership.Role.MEMBER
            ).user
        ),
        "coordinator": lambda: staff_user(StaffRole.COORDINATOR, 34),
        "other_owner": lambda: _owner_org()[0],
    }[who]()
    with pytest.raises(TransitionNotPermitted):
        services.report_submit(report=report, by=person)


def test_reopen_needs_a_reason_and_mails_the_managers(outbox, django_capture_on_commit_callbacks):
    owner, organisation = _owner_org()
    report = _report(organisation, submitted=True)
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    with pytest.raises(DomainError):
        services.report_reopen(report=report, by=coordinator, note="  ")
    outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_reopen(report=report, by=coordinator, note="Rakamları denetleyin.")
    assert [m.to for m in outbox] == [[owner.email]]
    assert "Rakamları denetleyin." in outbox[0].body
    assert "geri açıldı" in outbox[0].subject


# --- Who has reported -------------------------------------------------------------------------


def test_reporting_status_lists_accredited_organisations_of_the_province():
    _submitted_owner, submitted = _owner_org(legal_name="Ağaç Derneği")
    _draft_owner, draft = _owner_org(legal_name="Çınar Derneği")
    _missing_owner, missing = _owner_org(legal_name="Zeytin Derneği")
    _owner_org(accredited=False, legal_name="Akreditesiz Derneği")
    _owner_org(accredited=False, expired=True, legal_name="Süresi Dolmuş Derneği")
    _owner_org(
        province=Province.objects.get(code=35),
        district=District.objects.get(province_id=35, slug="bornova"),
        legal_name="Bornova Derneği",
    )
    _report(submitted, submitted=True)
    _report(draft)
    rows = services.reporting_status(
        province=Province.objects.get(code=34), year=YEAR, quarter=QUARTER
    )
    assert [(row["organisation"], row["status"]) for row in rows] == [
        (submitted, "submitted"),
        (draft, "draft"),
        (missing, "missing"),
    ]
    assert services.status_counts(rows) == {"submitted": 1, "draft": 1, "missing": 1}


def test_reporting_status_takes_constant_queries():
    istanbul = Province.objects.get(code=34)

    def measure(n):
        for _i in range(n):
            _owner, organisation = _owner_org()
            _report(organisation)
        with CaptureQueriesContext(connection) as ctx:
            rows = services.reporting_status(province=istanbul, year=YEAR, quarter=QUARTER)
            [str(row["organisation"].district) for row in rows]
        return len(ctx.captured_queries)

    assert measure(2) == measure(10)
