"""Report pages and the coordinators' targets, values and "who has reported" pages: what
people see, what they may change, and who is refused."""

import datetime
import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation import reports as services
from cooperation.factories import ActivityFactory, IndicatorFactory, QuarterlyReportFactory
from cooperation.models import Indicator, IndicatorValue, QuarterlyReport, Target
from core.factories import UserFactory, staff_user
from core.models import Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

R = QuarterlyReport.Status
YEAR, QUARTER = 2025, 3


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _owner_org(**kwargs):
    owner = UserFactory()
    kwargs.setdefault("accredited", True)
    return owner, OrganisationFactory(owner=owner, **kwargs)


def _report(organisation, *, year=YEAR, quarter=QUARTER, **kwargs):
    """The organisation's report with its highlights written, set straight into its state
    (``submitted=True`` for a sent one)."""
    kwargs.setdefault("highlights", "Okul programı bitti.")
    return QuarterlyReportFactory(organisation=organisation, year=year, quarter=quarter, **kwargs)


def _line_data(report, **overrides):
    """The edit form's POST as the page would send it, from the saved values."""
    data = {"highlights": report.highlights, "challenges": "", "next_steps": "", "action": "save"}
    lines = {line.working_area_id: line for line in report.lines.all()}
    for area in WorkingArea.objects.filter(is_active=True):
        line = lines.get(area.pk)
        for field in services.LINE_FIELDS:
            data[f"area-{area.pk}-{field}"] = getattr(line, field) if line else 0
    data.update(overrides)
    return data


# --- Who may enter ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report_list", "report_start"])
def test_anonymous_people_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("kind", ["not_accredited", "expired", "former_member", "plain"])
def test_people_outside_the_platform_are_refused(client, kind):
    owner, organisation = _owner_org()
    report = _report(organisation)
    if kind == "not_accredited":
        person = _owner_org(accredited=False)[0]
    elif kind == "expired":
        person = _owner_org(accredited=False, expired=True)[0]
    elif kind == "former_member":
        Membership.objects.filter(user=owner).delete()
        person = owner
    else:
        person = UserFactory()
    client.force_login(person)
    assert client.get(reverse("report_list")).status_code == 403
    assert client.get(reverse("report_edit", args=[report.pk])).status_code == 403
    response = client.post(reverse("report_edit", args=[report.pk]), _line_data(report))
    assert response.status_code == 403
    assert QuarterlyReport.objects.get().highlights == "Okul programı bitti."


@pytest.mark.parametrize("who", ["other_owner", "other_coordinator"])
def test_other_peoples_reports_are_not_found(client, who):
    _owner, organisation = _owner_org()
    report = _report(organisation, submitted=True)
    person = _owner_org()[0] if who == "other_owner" else staff_user(StaffRole.COORDINATOR, 35)
    client.force_login(person)
    assert client.get(reverse("report_edit", args=[report.pk])).status_code == 404
    response = client.post(
        reverse("report_transition", args=[report.pk]), {"action": "reopen", "note": "x"}
    )
    assert response.status_code == 404
    assert QuarterlyReport.objects.get().status == R.SUBMITTED
    assert organisation.display_name not in _text(client.get(reverse("report_list")))


# --- Organisations' pages ---------------------------------------------------------------------


def test_list_shows_my_reports_and_the_start_form(client):
    owner, organisation = _owner_org(legal_name="Umut Işığı Derneği")
    _report(organisation)
    _report(_owner_org(legal_name="Başka Dernek")[1])
    client.force_login(owner)
    response = client.get(reverse("report_list"))
    text = _text(response)
    assert response.status_code == 200
    assert "Umut Işığı Derneği" in text and "Başka Dernek" not in text
    assert "Raporu başlat" in text
    assert 'name="quarter"' in text


def test_start_for_a_future_quarter_keeps_the_values_and_says_why(client):
    owner, organisation = _owner_org()
    client.force_login(owner)
    next_year = datetime.date.today().year + 1
    response = client.post(
        reverse("report_start"),
        {"organisation": organisation.pk, "year": next_year, "quarter": 2},
    )
    assert response.status_code == 400
    text = _text(response)
    assert "Henüz bitmemiş bir çeyrek için rapor verilemez." in text
    assert f'value="{next_year}"' in text
    assert '<option value="2" selected>' in text
    assert not QuarterlyReport.objects.exists()


def test_start_with_bad_input_does_not_fail(client):
    owner, _organisation = _owner_org()
    client.force_login(owner)
    response = client.post(
        reverse("report_start"), {"organisation": "999999", "year": "iki bin", "quarter": "7"}
    )
    assert response.status_code == 400
    text = _text(response)
    assert "Yılı dört haneli sayı olarak girin" in text
    assert "Listeden bir çeyrek seçin." in text
    assert 'value="iki bin"' in text


def test_start_creates_a_prefilled_report(client):
    owner, organisation = _owner_org()
    ActivityFactory(
        organisation=organisation,
        completed=True,
        starts_on=datetime.date(2025, 8, 1),
        ends_on=datetime.date(2025, 8, 2),
        people_reached=64,
    )
    client.force_login(owner)
    response = client.post(
        reverse("report_start"), {"organisation": organisation.pk, "year": 2025, "quarter": 3}
    )
    report = QuarterlyReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("report_edit", args=[report.pk])
    page = _text(client.get(response["Location"]))
    assert 'value="64"' in page
    assert "Faaliyetlerden hesaplanan: 1 faaliyet, 64 ulaşılan kişi." in page


def test_a_member_who_does_not_manage_sees_the_report_read_only(client):
    _owner, organisation = _owner_org()
    report = _report(organisation)
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.MEMBER)
    client.force_login(member)
    text = _text(client.get(reverse("report_edit", args=[report.pk])))
    assert "Okul programı bitti." in text
    assert 'name="highlights"' not in text
    assert "Raporu başlat" not in _text(client.get(reverse("report_list")))
    response = client.post(
        reverse("report_edit", args=[report.pk]), _line_data(report, highlights="Değişti")
    )
    assert response.status_code == 403


def test_edit_saves_and_bad_numbers_are_explained_with_values_kept(client):
    owner, organisation = _owner_org()
    report = _report(organisation)
    area = WorkingArea.objects.filter(is_active=True).order_by("sort_order", "pk").first()
    client.force_login(owner)
    url = reverse("report_edit", args=[report.pk])
    bad = _line_data(
        report,
        highlights="Yeni öne çıkan",
        **{f"area-{area.pk}-people_reached": "-3", f"area-{area.pk}-volunteer_hours": "abc"},
    )
    response = client.post(url, bad)
    assert response.status_code == 400
    text = _text(response)
    assert "Sayılar sıfırdan küçük olamaz." in text
    assert "Bir sayı girin" in text
    assert "Yeni öne çıkan" in text and 'value="-3"' in text
    report.refresh_from_db()
    assert report.highlights == "Okul programı bitti."

    good = _line_data(
        report,
        highlights="Yeni öne çıkan",
        **{f"area-{area.pk}-people_reached": "80", f"area-{area.pk}-volunteer_hours": "12,5"},
    )
    assert client.post(url, good).status_code == 302
    line = report.lines.get(working_area=area)
    assert (line.people_reached, line.volunteer_hours) == (80, Decimal("12.5"))
    report.refresh_from_db()
    assert report.highlights == "Yeni öne çıkan"


def test_save_and_submit_locks_the_report_and_the_page_refuses_edits(client):
    owner, organisation = _owner_org()
    report = _report(organisation)
    client.force_login(owner)
    url = reverse("report_edit", args=[report.pk])
    response = client.post(url, _line_data(report, action="submit"), follow=True)
    assert "Rapor gönderildi" in _text(response)
    report.refresh_from_db()
    assert report.status == R.SUBMITTED

    page = _text(client.get(url))
    assert 'name="highlights"' not in page
    assert "kilitlendi" in page

    response = client.post(url, _line_data(report, highlights="Sonradan değişiklik"))
    assert response.status_code == 409
    assert "Gönderilmiş rapor kilitlidir" in _text(response)
    report.refresh_from_db()
    assert report.highlights == "Okul programı bitti."
    response = client.post(url, {"action": "refill"})
    assert response.status_code == 409


def test_submit_without_highlights_is_refused_with_a_message(client):
    owner, organisation = _owner_org()
    report = _report(organisation, highlights="")
    client.force_login(owner)
    response = client.post(
        reverse("report_transition", args=[report.pk]), {"action": "submit"}, follow=True
    )
    assert "Öne çıkanlar" in _text(response)
    assert QuarterlyReport.objects.get().status == R.DRAFT


def test_coordinator_reopens_with_a_reason(client, outbox, django_capture_on_commit_callbacks):
    _owner, organisation = _owner_org()
    report = _report(organisation, submitted=True)
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    client.force_login(coordinator)
    url = reverse("report_transition", args=[report.pk])
    page = _text(client.get(reverse("report_edit", args=[report.pk])))
    assert "Raporu geri aç" in page and 'name="highlights"' not in page
    response = client.post(url, {"action": "reopen", "note": " "})
    assert response.status_code == 400
    assert "Gerekçeyi yazın." in _text(response)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "reopen", "note": "Sayıları denetleyin."})
    assert response.status_code == 302
    assert QuarterlyReport.objects.get().status == R.DRAFT
    assert any("Sayıları denetleyin." in message.body for message in outbox)


def test_owner_cannot_reopen_through_the_page(client):
    owner, organisation = _owner_org()
    report = _report(organisation, submitted=True)
    client.force_login(owner)
    response = client.post(
        reverse("report_transition", args=[report.pk]), {"action": "reopen", "note": "x"}
    )
    assert response.status_code == 403
    assert QuarterlyReport.objects.get().status == R.SUBMITTED


def test_report_list_takes_constant_queries(client):
    owner, organisation = _owner_org()
    client.force_login(owner)

    def measure(count):
        QuarterlyReport.objects.all().delete()
        for index in range(count):
            year = 2020 + index // 4
            _report(organisation, year=year, quarter=index % 4 + 1)
        client.get(reverse("report_list"))  # warm the session and caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("report_list")).status_code == 200
        return len(ctx.captured_queries)

    assert measure(2) == measure(10)


# --- Coordinators -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["province_targets", "indicator_values", "province_reports"])
def test_coordinator_pages_refuse_everyone_else(client, name):
    url = reverse(name, args=[34])
    assert client.get(url).status_code == 302
    for person in (
        _owner_org()[0],
        staff_user(StaffRole.COORDINATOR, 35),
        staff_user(StaffRole.COORDINATOR, 34, with_mfa=False),
    ):
        client.force_login(person)
        assert client.get(url).status_code == 403, person
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    assert client.get(url).status_code == 200
    assert client.get(reverse(name, args=[99])).status_code == 404


def test_targets_grid_saves_and_explains_bad_values(client):
    indicator = IndicatorFactory(name="Okul programına katılan öğrenci")
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    client.force_login(coordinator)
    url = reverse("province_targets", args=[34]) + "?year=2026"
    page = _text(client.get(url))
    assert "Okul programına katılan öğrenci" in page
    response = client.post(url, {f"t-{indicator.pk}-1": "-4", f"t-{indicator.pk}-2": "250"})
    assert response.status_code == 400
    assert "Değer sıfırdan küçük olamaz." in _text(response)
    assert 'value="250"' in _text(response)
    assert not Target.objects.exists()
    response = client.post(
        url, {f"t-{indicator.pk}-1": "1.200,5".replace(".", ""), f"t-{indicator.pk}-2": "250"}
    )
    assert response.status_code == 302
    assert dict(Target.objects.values_list("quarter", "value")) == {
        1: Decimal("1200.5"),
        2: Decimal("250"),
    }
    assert all(t.province_id == 34 and t.year == 2026 for t in Target.objects.all())


def test_indicator_values_page_saves_manual_values(client):
    manual = IndicatorFactory(method=Indicator.Method.MANUAL, name="Yönlendirilen danışan")
    IndicatorFactory(name="Hesaplanan gösterge")
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    url = reverse("indicator_values", args=[34]) + "?year=2025"
    page = _text(client.get(url))
    assert "Yönlendirilen danışan" in page and "Hesaplanan gösterge" not in page
    response = client.post(
        url, {f"v-{manual.pk}-3": "42", f"s-{manual.pk}-3": "İl Sağlık Müdürlüğü"}
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.quarter, value.value, value.source, value.province_id) == (
        3,
        Decimal("42"),
        "İl Sağlık Müdürlüğü",
        34,
    )


def test_province_reports_shows_who_has_not_reported(client):
    _submitted_owner, submitted = _owner_org(legal_name="Ağaç Derneği")
    _draft_owner, draft = _owner_org(legal_name="Çınar Derneği")
    _owner_org(legal_name="Zeytin Derneği")
    _report(submitted, submitted=True)
    _report(draft)
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    url = reverse("province_reports", args=[34])
    text = _text(client.get(url, {"year": YEAR, "quarter": QUARTER}))
    assert "Ağaç Derneği" in text and "Çınar Derneği" in text and "Zeytin Derneği" in text
    assert "Rapor yok" in text
    missing_only = _text(client.get(url, {"year": YEAR, "quarter": QUARTER, "status": "missing"}))
    assert "Zeytin Derneği" in missing_only and "Ağaç Derneği" not in missing_only


def test_province_reports_takes_constant_queries(client):
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    url = reverse("province_reports", args=[34])

    def measure(count):
        for index in range(count):
            _owner, organisation = _owner_org()
            if index % 2:
                _report(organisation)
        client.get(url)  # warm the session and caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"year": YEAR, "quarter": QUARTER}).status_code == 200
        return len(ctx.captured_queries)

    assert measure(2) == measure(10)


def test_targets_page_takes_constant_queries(client):
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    url = reverse("province_targets", args=[34])
    istanbul = Province.objects.get(code=34)

    def measure(count):
        for _i in range(count):
            indicator = IndicatorFactory()
            Target.objects.create(
                indicator=indicator, province=istanbul, year=2026, quarter=1, value=5
            )
            ActivityFactory(
                completed=True,
                starts_on=datetime.date(2026, 2, 1),
                ends_on=datetime.date(2026, 2, 1),
                people_reached=3,
            )
        client.get(url)  # warm the session and caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"year": 2026}).status_code == 200
        return len(ctx.captured_queries)

    assert measure(2) == measure(10)


def test_a_coordinator_finds_the_province_reports_from_the_report_list(client):
    client.force_login(staff_user(StaffRole.COORDINATOR, 35))
    text = _text(client.get(reverse("report_list")))
    assert reverse("province_reports", args=[35]) in text
    assert reverse("province_reports", args=[34]) not in text
    assert "Raporu başlat" not in text


def test_saved_targets_show_as_people_write_them(client):
    indicator = IndicatorFactory()
    Target.objects.create(
        indicator=indicator,
        province=Province.objects.get(code=34),
        year=2026,
        quarter=1,
        value=Decimal("12.5"),
    )
    Target.objects.create(
        indicator=indicator,
        province=Province.objects.get(code=34),
        year=2026,
        quarter=2,
        value=Decimal("400"),
    )
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    text = _text(client.get(reverse("province_targets", args=[34]), {"year": 2026}))
    assert f'name="t-{indicator.pk}-1" value="12,5"' in text
    assert f'name="t-{indicator.pk}-2" value="400"' in text
