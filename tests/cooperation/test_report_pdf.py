"""The quarterly province report as a PDF: what it says, read back with poppler's pdftotext
(poppler-utils; a missing tool fails the test, since a skipped check would let an unreadable
report through)."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accreditation.factories import OrganisationFactory
from cooperation.dashboard import province_report
from cooperation.factories import ActivityFactory, IndicatorFactory
from cooperation.indicators import last_ended_quarter
from cooperation.models import Activity, Indicator, QuarterlyReport, Target, quarter_bounds
from cooperation.report_pdf import render_province_report_pdf, source_line
from core.factories import staff_user
from core.models import District, Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

YEAR, QUARTER = last_ended_quarter()
START, END = quarter_bounds(YEAR, QUARTER)


def pdf_text(content: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("`pdftotext` is not installed: apt-get install -y poppler-utils")
    path = tmp_path / "rapor.pdf"
    path.write_bytes(content)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def _area(index):
    return WorkingArea.objects.order_by("sort_order", "pk")[index]


def _done(**kwargs):
    ends_on = kwargs.pop("ends_on", START + datetime.timedelta(days=10))
    return ActivityFactory(
        status=Activity.Status.COMPLETED,
        starts_on=ends_on - datetime.timedelta(days=1),
        ends_on=ends_on,
        **kwargs,
    )


@pytest.fixture
def istanbul_quarter():
    """Three organisations' completed work in İstanbul, one with a repeated count."""
    istanbul = Province.objects.get(code=34)
    kadikoy = District.objects.get(province_id=34, slug="kadikoy")
    uskudar = District.objects.get(province_id=34, slug="uskudar")
    umut = OrganisationFactory(
        accredited=True, legal_name="Umut Işığı Gençlik ve Dayanışma Derneği"
    )
    moda = OrganisationFactory(accredited=True, legal_name="Moda Gençlik ve Spor Kulübü Derneği")
    _done(
        organisation=umut,
        working_area=_area(0),
        district=kadikoy,
        people_reached=1200,
        services_delivered=1500,
        volunteer_hours=Decimal("40"),
    )
    _done(
        organisation=moda,
        working_area=_area(2),
        district=uskudar,
        people_reached=800,
        people_reached_unique=False,
        services_delivered=900,
    )
    _done(organisation=moda, working_area=_area(0), district=None, people_reached=34)
    # Not in the report: another province, a planned activity.
    _done(province=Province.objects.get(code=35), district=None, people_reached=55555)
    ActivityFactory(organisation=umut, people_reached=66666)
    QuarterlyReport.objects.create(
        organisation=umut,
        year=YEAR,
        quarter=QUARTER,
        status=QuarterlyReport.Status.SUBMITTED,
        highlights=(
            "Kadıköy'de 12 lisede akran eğitimi başladı.\nVeli seminerleri yoğun ilgi gördü."
        ),
    )
    QuarterlyReport.objects.create(
        organisation=moda, year=YEAR, quarter=QUARTER, highlights="Taslaktaki cümle görünmez."
    )
    reached = IndicatorFactory(name="Önleyici faaliyetlerle ulaşılan kişi", working_area=_area(0))
    IndicatorFactory(
        name="Bağımlılık danışma birimine yönlendirilen kişi",
        working_area=_area(1),
        method=Indicator.Method.MANUAL,
    )
    Target.objects.create(
        indicator=reached, province=istanbul, year=YEAR, quarter=QUARTER, value=Decimal("2468")
    )
    return istanbul


def test_the_report_data_adds_up_the_province_quarter(istanbul_quarter):
    report = province_report(province=istanbul_quarter, year=YEAR, quarter=QUARTER)
    assert report.totals["people_reached"] == 2034
    assert report.totals["services_delivered"] == 2400
    assert report.organisation_count == 2
    assert report.non_unique_percent == 39  # 800 of 2034 counted without unique counting
    assert {name: people for name, people, _s in report.by_district} == {
        "Kadıköy": 1200,
        "Üsküdar": 800,
        "İl geneli": 34,
    }
    assert {name: people for name, people, _s in report.by_working_area} == {
        _area(0).name: 1234,
        _area(2).name: 800,
    }
    assert [name for name, _text in report.highlights] == [
        "Umut Işığı Gençlik ve Dayanışma Derneği"
    ]
    assert [(row.target, row.actual) for row in report.indicators] == [
        (Decimal("2468"), Decimal("1234")),
        (None, None),
    ]


def test_the_pdf_reads_like_a_field_report_in_turkish(istanbul_quarter, tmp_path):
    report = province_report(province=istanbul_quarter, year=YEAR, quarter=QUARTER)
    content = render_province_report_pdf(report)
    assert content.startswith(b"%PDF")
    text = pdf_text(content, tmp_path)
    assert "İL ÇEYREK RAPORU" in text
    assert "İstanbul: ortak platform faaliyetleri" in text
    assert f"{YEAR} yılının {QUARTER}. çeyreğinde İstanbul ilinde" in text
    assert "2.034 kişiye ulaşıldı* ve 2.400 hizmet sunuldu" in text
    assert "birden çok kez sayılmış olabilir" in text
    assert "yaklaşık %39 kadarı" in text
    assert "ÇALIŞMA ALANINA GÖRE ULAŞILAN KİŞİ" in text
    assert "İLÇELERE GÖRE ULAŞILAN KİŞİ" in text
    assert "Kadıköy 1.200" in text and "Üsküdar 800" in text and "İl geneli 34" in text
    assert "ÖNE ÇIKANLAR" in text
    assert "Umut Işığı Gençlik ve Dayanışma Derneği" in text
    assert "12 lisede akran eğitimi başladı" in text
    assert "Taslaktaki" not in text  # a draft report is not published
    assert "Önleyici faaliyetlerle ulaşılan kişi" in text
    assert "2.468 kişi" in text and "1.234 kişi" in text and "%50" in text
    assert "hedef yok" in text and "veri yok" in text
    assert "55.555" not in text and "66.666" not in text
    assert source_line(report, "tr") in text
    assert text.count("Kaynak: Bağımlılıkla Mücadele ve Sosyal Uyum Portalı ortak platformu") == 1


def test_the_source_line_names_the_portal_and_the_day(istanbul_quarter):
    report = province_report(province=istanbul_quarter, year=YEAR, quarter=QUARTER)
    report.generated_on = datetime.date(2026, 11, 21)
    assert source_line(report, "tr") == (
        "Kaynak: Bağımlılıkla Mücadele ve Sosyal Uyum Portalı ortak platformu, kuruluşların "
        "bildirdiği faaliyetler; oluşturulma tarihi 21 Kasım 2026."
    )


def test_the_english_pdf_writes_numbers_and_dates_the_english_way(istanbul_quarter, tmp_path):
    report = province_report(province=istanbul_quarter, year=YEAR, quarter=QUARTER)
    with translation.override("en"):
        text = pdf_text(render_province_report_pdf(report), tmp_path)
    assert "2,034" in text and "1,200" in text
    month = START.strftime("%B")  # C locale: English month names
    assert f"1 {month} {YEAR}" in text


def test_an_empty_quarter_says_so_instead_of_printing_empty_tables(tmp_path):
    report = province_report(province=Province.objects.get(code=76), year=YEAR, quarter=QUARTER)
    text = pdf_text(render_province_report_pdf(report), tmp_path)
    assert "Iğdır" in text
    assert "Bu çeyrekte tamamlanmış faaliyet yok." in text
    assert "öne çıkan bir bilgi yok" in text
    assert "0 kişiye ulaşıldı" in text


def test_the_fonts_are_embedded_so_turkish_letters_survive(istanbul_quarter, tmp_path):
    if shutil.which("pdffonts") is None:
        pytest.fail("`pdffonts` is not installed: apt-get install -y poppler-utils")
    path = tmp_path / "rapor.pdf"
    report = province_report(province=istanbul_quarter, year=YEAR, quarter=QUARTER)
    path.write_bytes(render_province_report_pdf(report))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)  # every font embedded
    assert all("DejaVu" in row for row in rows)


def test_uncompressed_output_is_readable_for_debugging(istanbul_quarter):
    report = province_report(province=istanbul_quarter, year=YEAR, quarter=QUARTER)
    assert b"FlateDecode" not in render_province_report_pdf(report, compress=False)


def test_the_view_serves_the_pdf_to_the_provinces_coordinator(client, istanbul_quarter, tmp_path):
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    url = reverse("province_report_pdf", args=[34])
    response = client.get(f"{url}?year={YEAR}&quarter={QUARTER}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="il-raporu-istanbul-{YEAR}-{QUARTER}.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content, tmp_path)
    assert "2.034 kişiye ulaşıldı" in text
    assert timezone.localdate().strftime("%Y") in text


def test_the_view_follows_the_request_language(client, istanbul_quarter, tmp_path):
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    with translation.override("en"):
        url = reverse("province_report_pdf", args=[34])
    assert url.startswith("/en/")
    response = client.get(f"{url}?year={YEAR}&quarter={QUARTER}")
    assert "2,034" in pdf_text(response.content, tmp_path)


def test_highlights_come_from_organisations_that_worked_in_the_province_wherever_they_are_based():
    year, quarter = last_ended_quarter()
    start, end = quarter_bounds(year, quarter)
    izmir_based = OrganisationFactory(
        accredited=True,
        legal_name="Bornova Gençlik Derneği",
        province=Province.objects.get(code=35),
        district=District.objects.get(province_id=35, slug="bornova"),
    )
    elsewhere = OrganisationFactory(
        accredited=True,
        legal_name="Ankara Aile Derneği",
        province=Province.objects.get(code=6),
        district=District.objects.filter(province_id=6).first(),
    )
    ActivityFactory(
        organisation=izmir_based,
        status=Activity.Status.COMPLETED,
        starts_on=start,
        ends_on=end,
        people_reached=40,
    )
    for organisation, text in (
        (izmir_based, "Kadıköy'de 40 gence ulaştık."),
        (elsewhere, "Ankara'da aile günü."),
    ):
        QuarterlyReport.objects.create(
            organisation=organisation,
            year=year,
            quarter=quarter,
            status=QuarterlyReport.Status.SUBMITTED,
            highlights=text,
        )
    report = province_report(province=Province.objects.get(code=34), year=year, quarter=quarter)
    texts = [text for _name, text in report.highlights]
    assert texts == ["Kadıköy'de 40 gence ulaştık."]
