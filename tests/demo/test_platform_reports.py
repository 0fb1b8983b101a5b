"""The indicators and reports demo: indicators in all four working areas (one entered by hand),
targets for İstanbul, İzmir and Iğdır for last year and this year, hand-entered values for
ended quarters, and reports for the last ended quarter (sent, one draft, one missing), built
through the services; building twice makes nothing new."""

import pytest
from django.test import override_settings
from django.urls import reverse

from accreditation.models import Organisation
from cooperation.demo.reports import ARAS, BORNOVA, EGE, MODA, UMUT
from cooperation.indicators import actual_values, last_ended_quarter, targets
from cooperation.models import Indicator, IndicatorValue, QuarterlyReport, Target
from cooperation.reports import reporting_status
from core.models import Province, User, WorkingArea

pytestmark = pytest.mark.django_db

# The demo is built for the development settings, which exempt demo accounts from staff MFA.
EXEMPT = override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])


REPORT_COUNTS = (
    "indicators",
    "targets",
    "indicator_values",
    "quarterly_reports",
    "quarterly_reports_submitted",
)


def test_building_twice_makes_nothing_new(demo):
    first = {key: demo.first["cooperation"][key] for key in REPORT_COUNTS}
    second = {key: demo.second["cooperation"][key] for key in REPORT_COUNTS}
    assert first["indicators"] == 7
    assert first["targets"] == 7 * 3 * 8
    assert first["quarterly_reports"] == 4 and first["quarterly_reports_submitted"] == 3
    assert first["indicator_values"] > 0
    assert set(second.values()) == {0}
    assert Target.objects.count() == first["targets"]
    assert IndicatorValue.objects.count() == first["indicator_values"]


def test_every_working_area_has_an_indicator_and_one_is_manual(demo):
    assert set(Indicator.objects.values_list("working_area", flat=True)) == set(
        WorkingArea.objects.values_list("pk", flat=True)
    )
    assert Indicator.objects.filter(method=Indicator.Method.MANUAL).count() == 1


def test_reports_for_the_last_ended_quarter(demo):
    year, quarter = last_ended_quarter()
    status = {
        report.organisation.legal_name: report.status
        for report in QuarterlyReport.objects.filter(year=year, quarter=quarter)
    }
    assert status == {UMUT: "submitted", MODA: "submitted", EGE: "submitted", BORNOVA: "draft"}
    rows = reporting_status(province=Province.objects.get(code=76), year=year, quarter=quarter)
    aras = next(row for row in rows if row["organisation"].legal_name == ARAS)
    assert aras["status"] == "missing"
    sent = QuarterlyReport.objects.get(organisation__legal_name=UMUT, year=year, quarter=quarter)
    assert sent.submitted_at is not None and sent.history().count() == 2


def test_targets_and_manual_values_reach_the_selectors(demo):
    year, quarter = last_ended_quarter()
    izmir = Province.objects.get(code=35)
    indicators = list(Indicator.objects.all())
    assert len(targets(indicators=indicators, province=izmir, year=year)) == 7 * 4
    manual = Indicator.objects.get(method=Indicator.Method.MANUAL)
    values = actual_values(indicators=[manual], province=izmir, year=year)
    assert values[(manual.pk, quarter)] is not None
    if quarter < 4:
        assert values[(manual.pk, 4)] is None  # the current quarter: no data yet


def test_the_coordinator_sees_the_demo_on_the_pages(demo, client):
    client.force_login(User.objects.get(email="koordinator.izmir@demo.example"))
    page = client.get(reverse("province_reports", args=[35]))
    assert page.status_code == 200
    text = page.content.decode()
    assert Organisation.objects.get(legal_name=EGE).display_name in text
    page = client.get(reverse("province_targets", args=[35]))
    assert "Tedavi ve danışmanlık birimlerine yönlendirilen kişi" in page.content.decode()
