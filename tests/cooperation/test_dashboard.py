"""The coordinator dashboard of a province, its CSV export and its charts."""

import csv
import datetime
import io
import random
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation import dashboard as dash
from cooperation.charts import Series, bar_chart, format_number, line_chart
from cooperation.factories import (
    ActionItemFactory,
    ActivityFactory,
    IndicatorFactory,
    MeetingFactory,
)
from cooperation.indicators import last_ended_quarter
from cooperation.models import (
    ActionItem,
    Activity,
    Indicator,
    IndicatorValue,
    Target,
    quarter_bounds,
)
from core.factories import UserFactory, staff_user
from core.models import District, Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

YEAR, QUARTER = last_ended_quarter()
START, END = quarter_bounds(YEAR, QUARTER)
PERIOD = {"year": YEAR, "quarter": QUARTER}
URL_NAMES = ("coordination_dashboard", "dashboard_csv", "province_report_pdf")


def _url(name="coordination_dashboard", plate=34, **params):
    url = reverse(name, args=[plate])
    query = "&".join(f"{key}={value}" for key, value in {**PERIOD, **params}.items())
    return f"{url}?{query}"


def _area(index=0):
    return WorkingArea.objects.order_by("sort_order", "pk")[index]


def _done(*, ends_on=None, **kwargs):
    """A completed activity ending in the chosen quarter (unless told otherwise)."""
    ends_on = ends_on or START + datetime.timedelta(days=20)
    kwargs.setdefault("status", Activity.Status.COMPLETED)
    return ActivityFactory(
        starts_on=ends_on - datetime.timedelta(days=2), ends_on=ends_on, **kwargs
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


# --- Who may see it ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", URL_NAMES)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(_url(name))
    assert response.status_code == 302
    assert "login" in response["Location"]


def _member(**org_traits):
    user = UserFactory()
    OrganisationFactory(owner=user, **org_traits)
    return user


def _former_member():
    user = UserFactory()
    organisation = OrganisationFactory(accredited=True, owner=user)
    Membership.objects.filter(user=user, organisation=organisation).delete()
    return user


REFUSED = {
    "member of an accredited organisation": lambda: _member(accredited=True),
    "member of a non-accredited organisation": lambda: _member(),
    "member of an expired organisation": lambda: _member(expired=True),
    "former member": _former_member,
    "coordinator of another province": lambda: staff_user(StaffRole.COORDINATOR, 35),
    "coordinator without second factor": lambda: staff_user(
        StaffRole.COORDINATOR, 34, with_mfa=False
    ),
    "reviewer of the province": lambda: staff_user(StaffRole.REVIEWER, 34),
}


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize("who", REFUSED)
def test_only_the_provinces_coordinators_reach_the_dashboard(client, name, who):
    _done(people_reached=4321)
    client.force_login(REFUSED[who]())
    response = client.get(_url(name))
    assert response.status_code == 403
    assert b"4321" not in response.content


@pytest.mark.parametrize("name", URL_NAMES)
def test_coordinators_and_administrators_reach_it(client, name):
    for user in (staff_user(StaffRole.COORDINATOR, 34), staff_user(StaffRole.ADMIN)):
        client.force_login(user)
        assert client.get(_url(name)).status_code == 200


@pytest.mark.parametrize("name", URL_NAMES)
def test_an_unknown_plate_is_not_found(coordinator_client, name):
    assert coordinator_client.get(_url(name, plate=99)).status_code == 404


def test_the_dashboard_cannot_be_posted_to(coordinator_client):
    assert coordinator_client.post(_url()).status_code == 405


# --- What it shows ----------------------------------------------------------------------------


def test_the_headline_figures_are_the_sums_of_the_completed_activities(coordinator_client):
    rng = random.Random(4)
    kadikoy = District.objects.get(province_id=34, slug="kadikoy")
    made = []
    for _i in range(12):
        made.append(
            _done(
                ends_on=START + datetime.timedelta(days=rng.randint(0, (END - START).days)),
                working_area=_area(rng.randint(0, 1)),
                district=rng.choice([None, kadikoy]),
                people_reached=rng.randint(0, 900),
                services_delivered=rng.randint(0, 1500),
            )
        )
    # Never counted: planned, cancelled, another province, the quarter before.
    ActivityFactory(people_reached=70000, starts_on=START, ends_on=END)
    _done(status=Activity.Status.CANCELLED, people_reached=70000)
    _done(province=Province.objects.get(code=35), district=None, people_reached=70000)
    _done(ends_on=START - datetime.timedelta(days=1), people_reached=70000)

    data = dash.province_dashboard(
        province=Province.objects.get(code=34), year=YEAR, quarter=QUARTER
    )
    assert data.totals["people_reached"] == sum(a.people_reached for a in made)
    assert data.totals["services_delivered"] == sum(a.services_delivered for a in made)
    assert data.totals["activities"] == len(made)
    by_district = {row["district_id"]: row["people_reached"] for row in data.by_district}
    assert by_district == {
        district: sum(a.people_reached for a in made if a.district_id == district)
        for district in {a.district_id for a in made}
    }
    assert sum(row["people_reached"] for row in data.by_working_area) == sum(
        a.people_reached for a in made
    )

    page = coordinator_client.get(_url()).content.decode()
    assert (
        f'<span class="key-figure__number">{format_number(sum(a.people_reached for a in made))}'
        in page
    )
    assert "İl geneli" in page or None not in {a.district_id for a in made}
    assert "Kadıköy" in page


def test_indicators_show_target_actual_share_and_the_difference_between_none_and_zero(
    coordinator_client,
):
    istanbul = Province.objects.get(code=34)
    reached = IndicatorFactory(name="Önleme: ulaşılan kişi", working_area=_area(0))
    counted = IndicatorFactory(
        name="Önleme: faaliyet sayısı",
        working_area=_area(0),
        method=Indicator.Method.ACTIVITIES,
        unit="faaliyet",
    )
    manual = IndicatorFactory(
        name="BDB'ye yönlendirilen kişi", working_area=_area(1), method=Indicator.Method.MANUAL
    )
    Target.objects.create(
        indicator=reached, province=istanbul, year=YEAR, quarter=QUARTER, value=200
    )
    _done(working_area=_area(0), people_reached=150)

    page = coordinator_client.get(_url()).content.decode()
    assert "Önleme: ulaşılan kişi" in page
    assert "%75" in page  # 150 of 200
    assert "hedef yok" in page  # the activity count and the manual indicator have none
    assert "veri yok" in page  # nothing entered for the manual indicator

    IndicatorValue.objects.create(
        indicator=manual, province=istanbul, year=YEAR, quarter=QUARTER, value=0
    )
    Target.objects.create(indicator=counted, province=istanbul, year=YEAR, quarter=QUARTER, value=4)
    page = coordinator_client.get(_url()).content.decode()
    assert "veri yok" not in page  # zero entered is a value
    assert "%25" in page  # one activity of four


def test_the_working_areas_are_grouped_in_their_order():
    IndicatorFactory(name="B göstergesi", working_area=_area(1))
    IndicatorFactory(name="A göstergesi", working_area=_area(0))
    data = dash.province_dashboard(
        province=Province.objects.get(code=34), year=YEAR, quarter=QUARTER
    )
    assert [g["working_area"] for g in data.indicator_groups] == [_area(0), _area(1)]


def test_the_trend_covers_eight_quarters_ending_with_the_chosen_one():
    previous_year_quarter = START.replace(year=START.year - 1) + datetime.timedelta(days=3)
    _done(ends_on=previous_year_quarter, people_reached=11, services_delivered=5)
    _done(people_reached=7)
    _done(ends_on=START - datetime.timedelta(days=800), people_reached=500)  # too old
    trend = dash.trend(province=Province.objects.get(code=34), until=(YEAR, QUARTER))
    assert len(trend) == 8
    assert (trend[-1]["year"], trend[-1]["quarter"]) == (YEAR, QUARTER)
    assert trend[-1]["people_reached"] == 7
    assert trend[3]["people_reached"] == 11 and trend[3]["services_delivered"] == 5
    assert sum(row["people_reached"] for row in trend) == 18


def test_active_organisations_are_those_with_work_in_the_period():
    istanbul = Province.objects.get(code=34)
    busy = OrganisationFactory(accredited=True, legal_name="Çınar Gençlik Derneği")
    ongoing = OrganisationFactory(accredited=True, legal_name="Ada Dayanışma Derneği")
    cancelled_only = OrganisationFactory(accredited=True, legal_name="Zeytin Derneği")
    elsewhere = OrganisationFactory(accredited=True, legal_name="Ege Derneği")
    _done(organisation=busy)
    _done(organisation=busy)
    ActivityFactory(
        organisation=ongoing,
        status=Activity.Status.ONGOING,
        starts_on=START - datetime.timedelta(days=60),
        ends_on=END + datetime.timedelta(days=60),
    )
    _done(organisation=cancelled_only, status=Activity.Status.CANCELLED)
    _done(organisation=elsewhere, province=Province.objects.get(code=35), district=None)
    _done(organisation=cancelled_only, ends_on=START - datetime.timedelta(days=5))

    active = dash.active_organisations(province=istanbul, start=START, end=END)
    assert [org.display_name for org in active] == [
        "Ada Dayanışma Derneği",
        "Çınar Gençlik Derneği",
    ]
    assert [org.period_activities for org in active] == [1, 2]


def test_volunteers_count_activities_and_approved_hours_logged_in_the_province():
    from volunteers.factories import RoleFactory
    from volunteers.models import HoursLog, Match

    istanbul = Province.objects.get(code=34)
    _done(volunteers_involved=4, volunteer_hours=Decimal("12.5"))
    _done(volunteers_involved=2, volunteer_hours=Decimal("3"))
    role = RoleFactory()
    volunteer = UserFactory()
    match = Match.objects.create(role=role, person=volunteer, origin=Match.Origin.choices[0][0])

    def log(hours, status, province=istanbul, on=START):
        HoursLog.objects.create(
            person=volunteer,
            match=match,
            organisation=role.program.organisation,
            province=province,
            on=on,
            hours=hours,
            status=status,
        )

    log(Decimal("2.5"), HoursLog.Status.APPROVED)
    log(Decimal("4"), HoursLog.Status.APPROVED)
    log(Decimal("8"), HoursLog.Status.SUBMITTED)  # not approved yet
    log(Decimal("8"), HoursLog.Status.APPROVED, province=Province.objects.get(code=35))
    log(Decimal("8"), HoursLog.Status.APPROVED, on=START - datetime.timedelta(days=1))

    data = dash.province_dashboard(province=istanbul, year=YEAR, quarter=QUARTER)
    assert data.volunteering == {
        "activity_volunteers": 6,
        "activity_hours": Decimal("15.5"),
        "logged_hours": Decimal("6.5"),
        "logged_people": 1,
    }


def test_open_action_items_are_listed_with_overdue_ones_marked_in_words(coordinator_client):
    today = timezone.localdate()
    meeting = MeetingFactory(title="Kasım koordinasyon toplantısı")
    overdue = ActionItemFactory(
        meeting=meeting, title="Okul takvimini paylaşmak", due_on=today - datetime.timedelta(days=3)
    )
    upcoming = ActionItemFactory(meeting=meeting, title="Veli semineri planlamak")
    ActionItemFactory(meeting=meeting, title="Tamamlanan iş", status=ActionItem.Status.DONE)
    ActionItemFactory(
        meeting=MeetingFactory(province=Province.objects.get(code=35)), title="İzmir işi"
    )

    page = coordinator_client.get(_url()).content.decode()
    assert page.index("Okul takvimini paylaşmak") < page.index("Veli semineri planlamak")
    assert reverse("action_edit", args=[overdue.pk]) in page
    assert reverse("action_edit", args=[upcoming.pk]) in page
    assert "Süresi geçti: 3 gün" in page
    assert page.count("Süresi geçti:") == 1
    assert 'class="dashboard-overdue"' in page
    assert "Tamamlanan iş" not in page
    assert "İzmir işi" not in page
    assert "2 açık madde, 1 tanesinin süresi geçti." in page


def test_the_page_links_to_the_other_coordinator_pages(coordinator_client):
    page = coordinator_client.get(_url()).content.decode()
    for name in (
        "meeting_list",
        "province_targets",
        "province_reports",
        "dashboard_csv",
        "province_report_pdf",
    ):
        assert reverse(name, args=[34]) in page


def test_the_reporting_status_is_summarised():
    from cooperation.models import QuarterlyReport

    istanbul = Province.objects.get(code=34)
    sent = OrganisationFactory(accredited=True)
    drafted = OrganisationFactory(accredited=True)
    OrganisationFactory(accredited=True)  # has not started
    OrganisationFactory()  # not accredited: not expected to report
    QuarterlyReport.objects.create(
        organisation=sent, year=YEAR, quarter=QUARTER, status="submitted"
    )
    QuarterlyReport.objects.create(organisation=drafted, year=YEAR, quarter=QUARTER)
    summary = dash.reporting_summary(province=istanbul, year=YEAR, quarter=QUARTER)
    assert summary == {"submitted": 1, "draft": 1, "missing": 1, "total": 3}


# --- Choosing the period ----------------------------------------------------------------------


def test_without_a_choice_the_last_ended_quarter_is_shown(coordinator_client):
    _done(people_reached=321)
    response = coordinator_client.get(reverse("coordination_dashboard", args=[34]))
    assert response.context["data"].year == YEAR
    assert response.context["data"].quarter == QUARTER
    assert "321" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"quarter": "7"}, "1 ile 4 arasında bir çeyrek seçin."),
        ({"quarter": "ilk"}, "1 ile 4 arasında bir çeyrek seçin."),
        ({"year": "1990"}, "arasında bir yıl seçin."),
        ({"year": str(timezone.localdate().year), "quarter": "4"}, "Bu çeyrek henüz başlamadı"),
    ],
)
def test_a_bad_period_gets_a_message_and_the_default_quarter(coordinator_client, params, message):
    today = timezone.localdate()
    if "Bu çeyrek" in message and today.month > 9:
        params = {"year": str(today.year + 1), "quarter": "1"}
        message = "arasında bir yıl seçin."
    response = coordinator_client.get(_url(**params))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["data"].quarter == QUARTER


def test_an_earlier_quarter_can_be_chosen(coordinator_client):
    _done(ends_on=datetime.date(YEAR - 1, 5, 10), people_reached=4444)
    response = coordinator_client.get(_url(year=YEAR - 1, quarter=2))
    assert response.context["data"].totals["people_reached"] == 4444


# --- Queries ----------------------------------------------------------------------------------


def _busy_province(count):
    rng = random.Random(count)
    districts = list(District.objects.filter(province_id=34)[:6])
    organisations = [OrganisationFactory(accredited=True) for _i in range(3)]
    for index in range(count):
        _done(
            organisation=organisations[index % 3],
            working_area=_area(index % 2),
            district=rng.choice(districts),
            people_reached=rng.randint(1, 50),
            services_delivered=rng.randint(1, 50),
            ends_on=START - datetime.timedelta(days=rng.randint(0, 600)),
        )
    for index in range(count // 3):
        ActionItemFactory(due_on=timezone.localdate() - datetime.timedelta(days=index))
    IndicatorFactory(working_area=_area(0))
    IndicatorFactory(working_area=_area(1), method=Indicator.Method.MANUAL)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", URL_NAMES)
def test_the_number_of_queries_does_not_grow_with_the_activities(coordinator_client, name):
    _busy_province(3)
    coordinator_client.get(_url(name))  # warm the per-process caches (site, content types)
    few = _queries(coordinator_client, _url(name))
    _busy_province(30)
    many = _queries(coordinator_client, _url(name))
    assert few == many


# --- CSV --------------------------------------------------------------------------------------


def test_the_csv_holds_the_dashboard_tables(coordinator_client):
    istanbul = Province.objects.get(code=34)
    kadikoy = District.objects.get(province_id=34, slug="kadikoy")
    indicator = IndicatorFactory(name="Ulaşılan kişi (önleme)", working_area=_area(0))
    Target.objects.create(
        indicator=indicator, province=istanbul, year=YEAR, quarter=QUARTER, value=Decimal("500")
    )
    _done(
        working_area=_area(0),
        district=kadikoy,
        people_reached=120,
        services_delivered=300,
        volunteer_hours=Decimal("7.5"),
    )
    _done(working_area=_area(0), district=None, people_reached=30, services_delivered=10)

    response = coordinator_client.get(_url("dashboard_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"il-panosu-istanbul-{YEAR}-{QUARTER}.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == [
        "Bölüm",
        "Çalışma alanı",
        "Gösterge",
        "Birim",
        "Çeyrek",
        "Hedef",
        "Gerçekleşen",
    ]
    label = f"{YEAR}/{QUARTER}"
    assert [
        "Gösterge",
        _area(0).name,
        "Ulaşılan kişi (önleme)",
        "kişi",
        label,
        "500",
        "150",
    ] in rows
    # Earlier quarters of the year are there too, without a target.
    if QUARTER > 1:
        assert [
            "Gösterge",
            _area(0).name,
            "Ulaşılan kişi (önleme)",
            "kişi",
            f"{YEAR}/1",
            "",
            "0",
        ] in rows
    assert [
        "Çalışma alanı",
        _area(0).name,
        label,
        "2",
        "150",
        "150",
        "310",
        "0",
        "0",
        "7.5",
    ] in rows
    assert ["İlçe", "Kadıköy", label, "1", "120", "120", "300", "0", "0", "7.5"] in rows
    assert ["İlçe", "İl geneli", label, "1", "30", "30", "10", "0", "0", "0"] in rows
    assert ["Toplam", "İstanbul", label, "2", "150", "150", "310", "0", "0", "7.5"] in rows


def test_the_csv_neutralises_cells_that_would_run_as_formulas(coordinator_client):
    IndicatorFactory(name='=HYPERLINK("x")', working_area=_area(0))
    text = coordinator_client.get(_url("dashboard_csv")).content.decode()
    assert "'=HYPERLINK" in text


# --- Charts -----------------------------------------------------------------------------------


def test_a_bar_chart_is_an_image_with_a_title_and_its_numbers_in_words():
    svg = bar_chart(
        chart_id="c1",
        title="İlçelere göre ulaşılan kişi",
        labels=["Kadıköy", "Üsküdar", "Şişli"],
        series=[Series("Ulaşılan kişi", [1234, 0, None])],
        language="tr",
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">İlçelere göre ulaşılan kişi</title>' in svg
    assert "Kadıköy: 1.234" in svg
    assert "Üsküdar: 0" in svg
    assert "Şişli: –" in svg  # no figure is not zero
    assert svg.count("<rect") == 2  # a zero bar, a real bar, none for the missing value


def test_a_line_chart_marks_each_series_and_escapes_labels():
    svg = line_chart(
        chart_id="c2",
        title="Eğilim <b>",
        labels=["2026/1", "2026/2", "2026/3"],
        series=[Series("Ulaşılan kişi", [10, 20, 30]), Series("Hizmet", [5, None, 7])],
        language="en",
    )
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert svg.count("<polyline") == 1  # the second series is broken by its gap
    assert "<circle" in svg and "<rect" in svg  # the two series differ by shape
    assert "Hizmet — 2026/1: 5, 2026/2: –, 2026/3: 7" in svg


def test_numbers_are_written_the_turkish_or_english_way():
    assert format_number(1234567, language="tr") == "1.234.567"
    assert format_number(Decimal("12.5"), language="tr") == "12,5"
    assert format_number(1234567, language="en") == "1,234,567"
    assert format_number(Decimal("1234.5"), language="en") == "1,234.5"
    assert format_number(None) == "–"


def test_the_dashboard_shows_charts_with_the_same_numbers_in_tables(coordinator_client):
    _done(people_reached=2500, services_delivered=4000)
    page = coordinator_client.get(_url()).content.decode()
    assert page.count('role="img"') == 4
    assert f"{YEAR}/{QUARTER}: 2.500" in page
    assert "<td>2.500</td>" in page
    assert "<td>4.000</td>" in page


def test_anonymous_user_object_is_refused_by_the_rule():
    from core.permissions import can

    assert not can(AnonymousUser(), "province.coordinate", Province.objects.get(code=34))
