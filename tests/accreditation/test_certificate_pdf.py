"""The certificate PDF, checked the way a reader and a verifier meet it.

Text comes out through poppler's pdftotext, fonts through pdffonts, the QR code through a
150 dpi rasterisation read back by zbarimg. These tools are Debian packages (poppler-utils,
zbar-tools); a missing tool fails the test with the package to install, because a skipped
check here would let an unreadable certificate through.
"""

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from accreditation.certificate_pdf import CertificateContent, render_certificate_pdf
from core.pdf import FONT_DIR, format_date

TURKISH_LETTERS = "çğıİöşüÇĞÖŞÜâîû"
VERIFICATION_URL = "https://bagimlilik.example.org/akreditasyon/dogrula/AKR-2026-000123/"
SCOPE = [
    "Danışmanlık, Arındırma, Tedavi ve Rehabilitasyon Hizmetleri",
    "Okullarda Önleyici Çalışmalar (Millî Eğitim iş birliği)",
    "Hükümlü ve Mahkûm Ailelerine Sosyal Uyum Desteği",
]
TOOL_PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "zbarimg": "zbar-tools",
}


def run_tool(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        package = TOOL_PACKAGES[tool]
        pytest.fail(f"`{tool}` is not installed: apt-get install -y {package}")
    result = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{tool} exited {result.returncode}: {result.stderr}"
    return result.stdout


def turkish_certificate(**changes) -> CertificateContent:
    content = CertificateContent(
        kind="organisation",
        language="tr",
        number="AKR-2026-000123",
        holder_name="Çağrı İşbirliği ve Dayanışma Derneği",
        title="Tam akreditasyon (3 yıl)",
        scope_lines=SCOPE,
        issued_on=date(2026, 11, 21),
        expires_on=date(2029, 11, 20),
        verification_url=VERIFICATION_URL,
        issuer="Bağımlılıkla Mücadele ve Sosyal Uyum Portalı — Akreditasyon Kurulu",
    )
    return replace(content, **changes)


def write_pdf(directory: Path, content: CertificateContent, name: str = "belge") -> Path:
    path = directory / f"{name}.pdf"
    path.write_bytes(render_certificate_pdf(content))
    return path


def pdf_text(path: Path) -> str:
    return run_tool("pdftotext", "-enc", "UTF-8", str(path), "-")


@pytest.fixture(scope="module")
def turkish_pdf(tmp_path_factory) -> Path:
    return write_pdf(tmp_path_factory.mktemp("certificate"), turkish_certificate())


def test_turkish_certificate_text_survives_with_every_letter(turkish_pdf):
    text = pdf_text(turkish_pdf)

    assert "AKREDİTASYON BELGESİ" in text
    assert "Çağrı İşbirliği ve Dayanışma Derneği" in text
    assert "Tam akreditasyon (3 yıl)" in text
    assert "AKR-2026-000123" in text
    assert "21 Kasım 2026" in text
    assert "20 Kasım 2029" in text
    for line in SCOPE:
        assert line in text
    assert VERIFICATION_URL in text
    assert (
        "Belgenin geçerliliğini bu karekodu okutarak ya da adresi ziyaret ederek doğrulayın."
        in text
    )


def test_every_turkish_letter_is_extracted_and_has_a_glyph_in_both_fonts(tmp_path):
    text = pdf_text(write_pdf(tmp_path, turkish_certificate(holder_name=TURKISH_LETTERS)))
    assert TURKISH_LETTERS in text

    # Extraction proves the encoding; the cmap proves the letter is drawn, not a blank box.
    for filename in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        char_to_glyph = TTFont(filename, str(FONT_DIR / filename)).face.charToGlyph
        missing = [letter for letter in TURKISH_LETTERS if ord(letter) not in char_to_glyph]
        assert missing == [], f"{filename} has no glyph for {missing}"


def test_every_font_is_embedded(turkish_pdf):
    output = run_tool("pdffonts", str(turkish_pdf)).splitlines()
    # Columns are fixed-width; the dashed rule under the header gives their extent.
    header, rule, *rows = output
    spans, start = {}, 0
    for name, dashes in zip(header.split(), rule.split(), strict=False):
        start = rule.index(dashes, start)
        spans[name] = (start, start + len(dashes))
        start += len(dashes)
    fonts = {row[slice(*spans["name"])].strip(): row[slice(*spans["emb"])].strip() for row in rows}

    assert {name.split("+")[-1] for name in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert set(fonts.values()) == {"yes"}, fonts


@pytest.mark.parametrize(
    "url",
    [
        VERIFICATION_URL,
        "https://bagimlilik.example.org/akreditasyon/dogrula/AKR-2026-000123/"
        "?imza=0123456789abcdef0123456789abcdef&dil=tr",
    ],
)
def test_qr_code_decodes_to_the_verification_url(tmp_path, url):
    pdf = write_pdf(tmp_path, turkish_certificate(verification_url=url))
    page = tmp_path / "page"
    run_tool("pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(page))

    decoded = run_tool("zbarimg", "--raw", "-q", f"{page}.png")

    assert decoded.strip() == url


def test_page_is_a4_landscape_and_metadata_names_the_certificate(turkish_pdf):
    info = dict(line.split(":", 1) for line in run_tool("pdfinfo", str(turkish_pdf)).splitlines())
    width, _, height, *_ = info["Page size"].split()

    assert float(width) == pytest.approx(841.89, abs=0.01)
    assert float(height) == pytest.approx(595.28, abs=0.01)
    assert info["Pages"].strip() == "1"
    assert info["Title"].strip() == "Tam akreditasyon (3 yıl) AKR-2026-000123"
    assert info["Author"].strip() == (
        "Bağımlılıkla Mücadele ve Sosyal Uyum Portalı — Akreditasyon Kurulu"
    )


def test_english_certificate_uses_english_labels_and_dates(tmp_path):
    content = turkish_certificate(
        language="en",
        title="Full accreditation (3 years)",
        scope_lines=["Counselling, Detoxification, Treatment and Rehabilitation Services"],
        issuer="Addiction Prevention and Social Cohesion Portal — Accreditation Board",
    )
    text = pdf_text(write_pdf(tmp_path, content))

    assert "CERTIFICATE OF ACCREDITATION" in text
    assert "AREAS OF WORK" in text
    assert "Certificate number" in text
    assert "Date of issue" in text
    assert "21 November 2026" in text
    assert "Valid until" in text
    assert "20 November 2029" in text
    assert "Çağrı İşbirliği ve Dayanışma Derneği" in text
    assert "Verify this certificate by scanning the QR code or by visiting the address." in text
    assert "Belge numarası" not in text
    assert "Kasım" not in text


def test_personal_certificate_without_expiry_names_the_training(tmp_path):
    content = turkish_certificate(
        kind="personal",
        holder_name="Ayşe Gül Öztürk",
        title="Bağımlılıktan Etkilenen Ailelere Akran Desteği Eğitimi",
        scope_lines=["12 saat, yüz yüze, Ankara"],
        expires_on=None,
    )
    text = pdf_text(write_pdf(tmp_path, content))

    assert "KATILIM BELGESİ" in text
    assert "Ayşe Gül Öztürk" in text
    assert "Bağımlılıktan Etkilenen Ailelere Akran Desteği Eğitimi" in text
    assert "Geçerlilik sonu" not in text


def test_a_title_that_repeats_the_heading_is_printed_once(tmp_path):
    text = pdf_text(write_pdf(tmp_path, turkish_certificate(title="Akreditasyon Belgesi")))

    assert "AKREDİTASYON BELGESİ" in text
    assert "Akreditasyon Belgesi" not in text


def test_same_content_renders_the_same_bytes():
    assert render_certificate_pdf(turkish_certificate()) == render_certificate_pdf(
        turkish_certificate()
    )


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (date(2026, 11, 21), "tr", "21 Kasım 2026"),
        (date(2026, 2, 1), "tr", "1 Şubat 2026"),
        (date(2026, 8, 30), "tr", "30 Ağustos 2026"),
        (date(2026, 9, 9), "tr", "9 Eylül 2026"),
        (date(2026, 12, 31), "tr", "31 Aralık 2026"),
        (date(2026, 11, 21), "en", "21 November 2026"),
        (date(2026, 5, 3), "en", "3 May 2026"),
    ],
)
def test_dates_are_written_out_without_the_process_locale(value, language, expected):
    assert format_date(value, language) == expected


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "volunteer"},
        {"language": "de"},
        {"expires_on": date(2026, 11, 20)},
    ],
)
def test_invalid_content_is_refused(changes):
    with pytest.raises(ValueError):
        turkish_certificate(**changes)


def test_a_name_too_long_to_print_is_refused_rather_than_cut():
    with pytest.raises(ValueError, match="too long"):
        render_certificate_pdf(turkish_certificate(holder_name="Dernek " * 200))
