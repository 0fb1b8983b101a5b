"""Render accreditation and participation certificates as one-page PDFs.

A pure renderer: it takes a ``CertificateContent`` and returns PDF bytes, with no database access,
so services decide what a certificate says and this module only decides how it looks.

The fonts are embedded in every PDF (``core/pdf.py``): a certificate must show "Çağrı" and
"İşbirliği" the same on any reader, whatever fonts the server has.
"""

import io
from dataclasses import dataclass
from datetime import date

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from core.pdf import FONT, FONT_BOLD, format_date, register_fonts
from core.text import tr_fold

__all__ = ["KINDS", "LANGUAGES", "CertificateContent", "format_date", "render_certificate_pdf"]

KINDS = ("organisation", "personal")
LANGUAGES = ("tr", "en")

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)

INK = HexColor("#1F2933")
MUTED = HexColor("#5B6673")
NAVY = HexColor("#1B3A57")
GOLD = HexColor("#A8864D")
PAPER = HexColor("#FCFAF5")


@dataclass(frozen=True)
class _Labels:
    heading_organisation: str
    heading_personal: str
    intro_organisation: str
    intro_personal: str
    intro_participation: str
    heading_volunteering: str
    intro_volunteering: str
    scope_organisation: str
    scope_personal: str
    number: str
    issued: str
    expires: str
    issuer: str
    verify: str
    duration: str
    hours_one: str
    hours_other: str


_LABELS = {
    "tr": _Labels(
        heading_organisation="AKREDİTASYON BELGESİ",
        heading_personal="KATILIM BELGESİ",
        intro_organisation=(
            "Bu belge ile aşağıda adı geçen kuruluşun akreditasyon ölçütlerini karşıladığı "
            "onaylanmıştır."
        ),
        intro_personal=(
            "Bu belge ile aşağıda adı geçen kişinin belirtilen eğitim programına katıldığı "
            "onaylanmıştır."
        ),
        intro_participation=(
            "Bu belge ile aşağıda adı geçen kişinin belirtilen etkinliğe katıldığı onaylanmıştır."
        ),
        heading_volunteering="GÖNÜLLÜLÜK BELGESİ",
        intro_volunteering=(
            "Bu belge ile aşağıda adı geçen kişinin belirtilen gönüllü çalışmaları yaptığı ve "
            "saatlerinin kuruluşlarınca onaylandığı belgelenmiştir."
        ),
        scope_organisation="ÇALIŞMA ALANLARI",
        scope_personal="KAPSAM",
        number="Belge numarası",
        issued="Düzenlenme tarihi",
        expires="Geçerlilik sonu",
        issuer="Düzenleyen",
        verify=(
            "Belgenin geçerliliğini bu karekodu okutarak ya da adresi ziyaret ederek doğrulayın."
        ),
        duration="Süre",
        hours_one="{hours} saat",
        hours_other="{hours} saat",
    ),
    "en": _Labels(
        heading_organisation="CERTIFICATE OF ACCREDITATION",
        heading_personal="CERTIFICATE OF PARTICIPATION",
        intro_organisation=(
            "This certifies that the organisation named below meets the accreditation criteria."
        ),
        intro_personal=(
            "This certifies that the person named below took part in the training programme stated."
        ),
        intro_participation=(
            "This certifies that the person named below took part in the event stated."
        ),
        heading_volunteering="CERTIFICATE OF VOLUNTEERING",
        intro_volunteering=(
            "This certifies that the person named below gave the volunteer work stated, "
            "with hours approved by the organisations."
        ),
        scope_organisation="AREAS OF WORK",
        scope_personal="SCOPE",
        number="Certificate number",
        issued="Date of issue",
        expires="Valid until",
        issuer="Issued by",
        verify="Verify this certificate by scanning the QR code or by visiting the address.",
        duration="Duration",
        hours_one="{hours} hour",
        hours_other="{hours} hours",
    ),
}


@dataclass(frozen=True)
class CertificateContent:
    kind: str  # "organisation" (akreditasyon belgesi) or "personal" (katılım/eğitim belgesi)
    language: str  # "tr" or "en": the language of the printed labels
    number: str
    holder_name: str
    title: str  # tier text for an organisation, the training name for a person
    scope_lines: list[str]
    issued_on: date
    expires_on: date | None
    verification_url: str  # absolute; encoded in the QR code and printed under it
    issuer: str
    # A person's certificate of attendance at an event (not of a training programme).
    participation: bool = False
    # A person's approved volunteering hours.
    volunteering: bool = False
    hours: int | None = None  # printed with the details when given

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown certificate kind {self.kind!r}; expected one of {KINDS}.")
        if (self.participation or self.volunteering) and self.kind != "personal":
            raise ValueError("Only a person's certificate can attest participation in an event.")
        if self.hours is not None and self.hours < 1:
            raise ValueError("Hours, when given, must be at least 1.")
        if self.language not in LANGUAGES:
            raise ValueError(f"Unknown language {self.language!r}; expected one of {LANGUAGES}.")
        if self.expires_on is not None and self.expires_on < self.issued_on:
            raise ValueError("A certificate cannot expire before it is issued.")


def _text_width(text: str, font: str, size: float, char_space: float = 0) -> float:
    return pdfmetrics.stringWidth(text, font, size) + char_space * max(len(text) - 1, 0)


def _draw_centred(
    canvas: Canvas,
    text: str,
    *,
    y: float,
    font: str,
    size: float,
    color: Color = INK,
    char_space: float = 0,
    x: float = PAGE_WIDTH / 2,
) -> None:
    width = _text_width(text, font, size, char_space)
    text_object = canvas.beginText(x - width / 2, y)
    text_object.setFont(font, size)
    text_object.setFillColor(color)
    text_object.setCharSpace(char_space)
    text_object.textOut(text)
    canvas.drawText(text_object)


def _fit(
    text: str, *, font: str, width: float, candidates: list[tuple[float, int]]
) -> tuple[list[str], float]:
    """Wrap text at the first (size, max_lines) candidate it fits.

    A certificate must never drop part of a name or scope silently, so text that fits none of
    the candidates is refused rather than cut.
    """
    for size, max_lines in candidates:
        lines = simpleSplit(text, font, size, width)
        if len(lines) <= max_lines:
            return lines, size
    raise ValueError(f"Text is too long to print on a certificate: {text[:60]!r}")


def _break_url(url: str, *, font: str, size: float, width: float) -> list[str]:
    """Split a long URL over lines, preferring breaks after "/", "?" or "&".

    Not after "-": text extractors take a line ending in "-" for a hyphenated word and drop it.
    """
    lines: list[str] = []
    current = ""
    for char in url:
        if current and _text_width(current + char, font, size) > width:
            cut = max(current.rfind(mark) for mark in "/?&")
            if 0 < cut < len(current) - 1:
                lines.append(current[: cut + 1])
                current = current[cut + 1 :]
            else:
                lines.append(current)
                current = ""
        current += char
    lines.append(current)
    return lines


def _diamond(canvas: Canvas, cx: float, cy: float, radius: float) -> None:
    path = canvas.beginPath()
    path.moveTo(cx, cy + radius)
    path.lineTo(cx + radius, cy)
    path.lineTo(cx, cy - radius)
    path.lineTo(cx - radius, cy)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_frame(canvas: Canvas) -> None:
    canvas.setFillColor(PAPER)
    canvas.rect(0, 0, PAGE_WIDTH, PAGE_HEIGHT, stroke=0, fill=1)
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(2.4)
    canvas.rect(22, 22, PAGE_WIDTH - 44, PAGE_HEIGHT - 44, stroke=1, fill=0)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.7)
    canvas.rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60, stroke=1, fill=0)
    # Small gold diamonds where the inner frame turns: ornament without distraction.
    canvas.setFillColor(GOLD)
    for cx in (30, PAGE_WIDTH - 30):
        for cy in (30, PAGE_HEIGHT - 30):
            _diamond(canvas, cx, cy, 4)


def _draw_rule(canvas: Canvas, y: float, half_width: float) -> None:
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.7)
    canvas.line(PAGE_WIDTH / 2 - half_width, y, PAGE_WIDTH / 2 - 8, y)
    canvas.line(PAGE_WIDTH / 2 + 8, y, PAGE_WIDTH / 2 + half_width, y)
    canvas.setFillColor(GOLD)
    _diamond(canvas, PAGE_WIDTH / 2, y, 3)


def _draw_qr(canvas: Canvas, data: str, *, x: float, y: float, size: float) -> None:
    """Draw the QR code as vector squares: sharp at any zoom or print resolution."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    quiet = 4  # modules of white margin the QR specification asks for
    module = size / (len(matrix) + 2 * quiet)
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    for row_index, row in enumerate(matrix):
        bottom = y + size - (quiet + row_index + 1) * module
        column = 0
        # One rectangle per horizontal run of dark modules: fewer shapes and no hairline seams.
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            left = x + (quiet + start) * module
            canvas.rect(left, bottom, (column - start) * module, module, stroke=0, fill=1)


def render_certificate_pdf(content: CertificateContent) -> bytes:
    """Return a one-page A4 landscape PDF for the certificate, with its fonts embedded."""
    register_fonts()
    labels = _LABELS[content.language]
    is_organisation = content.kind == "organisation"
    if is_organisation:
        heading = labels.heading_organisation
    elif content.volunteering:
        heading = labels.heading_volunteering
    else:
        heading = labels.heading_personal

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        # Fixed creation date and document ID: the same content gives the same bytes.
        invariant=True,
        # Without this reportlab starts the page in Helvetica, which would be listed unembedded.
        initialFontName=FONT,
        initialFontSize=10,
        lang=content.language,
    )
    canvas.setTitle(f"{content.title} {content.number}")
    canvas.setAuthor(content.issuer)
    canvas.setSubject(content.holder_name)
    canvas.setKeywords(content.number)
    canvas.setCreator(content.issuer)

    _draw_frame(canvas)
    width = PAGE_WIDTH - 180

    # Letterhead: who issues the certificate, then what it is.
    lines, size = _fit(
        content.issuer, font=FONT, width=width, candidates=[(10, 1), (9, 1), (8, 1), (8, 2)]
    )
    y = PAGE_HEIGHT - 72
    for line in lines:
        _draw_centred(canvas, line, y=y, font=FONT, size=size, color=MUTED)
        y -= size + 3
    _draw_centred(canvas, heading, y=PAGE_HEIGHT - 122, font=FONT_BOLD, size=27, color=NAVY)
    _draw_rule(canvas, PAGE_HEIGHT - 140, 150)

    if is_organisation:
        intro = labels.intro_organisation
    elif content.participation:
        intro = labels.intro_participation
    elif content.volunteering:
        intro = labels.intro_volunteering
    else:
        intro = labels.intro_personal
    lines, size = _fit(intro, font=FONT, width=width, candidates=[(11.5, 1), (10.5, 1), (10.5, 2)])
    y = PAGE_HEIGHT - 172
    for line in lines:
        _draw_centred(canvas, line, y=y, font=FONT, size=size, color=MUTED)
        y -= size + 4

    # The holder's name is what a reader looks for first: the largest type on the page.
    lines, size = _fit(
        content.holder_name,
        font=FONT_BOLD,
        width=width,
        candidates=[(s, 1) for s in (31, 29, 27, 25, 23, 21)] + [(22, 2), (19, 2), (16, 3)],
    )
    y -= size + 8
    for line in lines:
        _draw_centred(canvas, line, y=y, font=FONT_BOLD, size=size, color=INK)
        y -= size + 6

    # An organisation's title may only repeat the heading ("Akreditasyon Belgesi"): skip it then.
    if content.title.strip() and tr_fold(content.title) != tr_fold(heading):
        lines, size = _fit(
            content.title,
            font=FONT,
            width=width,
            candidates=[(15, 1), (14, 1), (13, 1), (12, 1), (13, 2), (12, 2), (11, 3)],
        )
        y -= 8
        for line in lines:
            _draw_centred(canvas, line, y=y, font=FONT, size=size, color=NAVY)
            y -= size + 5

    if content.scope_lines:
        y -= 18
        scope_heading = labels.scope_organisation if is_organisation else labels.scope_personal
        _draw_centred(
            canvas, scope_heading, y=y, font=FONT_BOLD, size=8.5, color=GOLD, char_space=1.2
        )
        _draw_scope(canvas, content.scope_lines, top=y - 18, bottom=200, width=width)

    _draw_details(canvas, content, labels)
    _draw_verification(canvas, content.verification_url)
    _draw_centred(canvas, labels.verify, y=44, font=FONT, size=8, color=MUTED)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_scope(
    canvas: Canvas, scope_lines: list[str], *, top: float, bottom: float, width: float
) -> None:
    """One area per line; when there are too many, run them together as one paragraph."""
    space = top - bottom
    for size, leading in ((12, 17), (11, 15.5), (10, 14)):
        lines = [part for line in scope_lines for part in simpleSplit(line, FONT, size, width)]
        if (len(lines) - 1) * leading <= space:
            break
    else:
        for size, leading in ((10, 14), (9, 12.5), (8, 11)):
            lines = simpleSplit("  ·  ".join(scope_lines), FONT, size, width)
            if (len(lines) - 1) * leading <= space:
                break
        else:
            raise ValueError("The scope is too long to print on a certificate.")
    y = top
    for line in lines:
        _draw_centred(canvas, line, y=y, font=FONT, size=size, color=INK)
        y -= leading


def _draw_details(canvas: Canvas, content: CertificateContent, labels: _Labels) -> None:
    rows = [
        (labels.number, content.number),
        (labels.issued, format_date(content.issued_on, content.language)),
    ]
    if content.expires_on is not None:
        rows.append((labels.expires, format_date(content.expires_on, content.language)))
    if content.hours is not None:
        template = labels.hours_one if content.hours == 1 else labels.hours_other
        rows.append((labels.duration, template.format(hours=content.hours)))
    y = 168
    for label, value in rows:
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(78, y, label)
        canvas.setFont(FONT_BOLD, 11.5)
        canvas.setFillColor(INK)
        canvas.drawString(78, y - 14, value)
        y -= 34

    # The issuer again at the foot, where a reader looks for who stands behind the certificate.
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.7)
    canvas.line(PAGE_WIDTH / 2 - 115, 140, PAGE_WIDTH / 2 + 115, 140)
    _draw_centred(canvas, labels.issuer, y=127, font=FONT, size=8, color=MUTED)
    lines, size = _fit(
        content.issuer, font=FONT_BOLD, width=240, candidates=[(9, 2), (8, 2), (7, 2), (7, 3)]
    )
    y = 113
    for line in lines:
        _draw_centred(canvas, line, y=y, font=FONT_BOLD, size=size, color=INK)
        y -= size + 3


def _draw_verification(canvas: Canvas, url: str) -> None:
    size = 104
    x = PAGE_WIDTH - 70 - size
    y = 84
    _draw_qr(canvas, url, x=x, y=y, size=size)
    # Right-aligned with the QR code, so a long address grows towards the middle of the page.
    for url_size in (6.5, 6, 5.5, 5):
        lines = _break_url(url, font=FONT, size=url_size, width=300)
        if len(lines) <= 3:
            break
    else:
        raise ValueError("The verification URL is too long to print on a certificate.")
    canvas.setFont(FONT, url_size)
    canvas.setFillColor(MUTED)
    line_y = y - 9
    for line in lines:
        canvas.drawRightString(x + size - 6, line_y, line)
        line_y -= url_size + 2
