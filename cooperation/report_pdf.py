"""The quarterly province report as a PDF (il çeyrek raporu), laid out like the field reports
organisations already know (IOM Türkiye's quarterly report, seed 004): a summary with the
headline number of people reached and a note on repeated counts, people reached by working area
(sector) and by district, highlights in the organisations' own words, the indicators against
their targets, and the line naming where the data comes from.

A pure renderer: it takes a ``cooperation.dashboard.ProvinceReport`` and returns PDF bytes; the
active language chooses the labels (gettext) and the number and date formats. The DejaVu fonts
the certificates embed are used, so "Iğdır" and "Şişli" read the same in every viewer.
"""

import io
from xml.sax.saxutils import escape

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from core.context_processors import SITE_NAME
from core.pdf import FONT, FONT_BOLD, format_date, register_fonts

from .charts import format_number
from .dashboard import ProvinceReport

__all__ = ["render_province_report_pdf", "report_filename"]

NAVY = HexColor("#1B3A57")
ACCENT = HexColor("#1B5E9A")
INK = HexColor("#1F2933")
MUTED = HexColor("#5B6673")
RULE = HexColor("#C9CED6")
BAND = HexColor("#EEF2F6")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "kicker": ParagraphStyle(
            "kicker", parent=base, fontName=FONT_BOLD, fontSize=9, leading=12, textColor=white
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=23, textColor=white
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10.5, leading=14, textColor=white
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=15,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "figure": ParagraphStyle(
            "figure", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=NAVY
        ),
        "figure_label": ParagraphStyle(
            "figure_label", parent=base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, alignment=TA_LEFT),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.5),
        "cell_bold_right": ParagraphStyle(
            "cell_bold_right", parent=base, fontName=FONT_BOLD, fontSize=8.5, alignment=TA_RIGHT
        ),
        "org": ParagraphStyle("org", parent=base, fontName=FONT_BOLD, spaceBefore=4),
    }


def _table_style(commands: list) -> TableStyle:
    """A table style that starts from the embedded font: reportlab's tables otherwise set
    Helvetica, which would be listed unembedded even when no cell uses it."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def _upper(text: str, language: str) -> str:
    """Upper case with Turkish i/ı rules in Turkish ("il" → "İL", not "IL")."""
    if language == "tr":
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()


def _percent(value, language: str) -> str:
    if value is None:
        return "–"
    number = format_number(value, language=language)
    return f"%{number}" if language == "tr" else f"{number}%"


class _Bar(Flowable):
    """A horizontal bar for a table cell, its length the row's share of the largest row."""

    def __init__(self, share: float, width: float, height: float = 7):
        super().__init__()
        self.share = max(0.0, min(share, 1.0))
        self.width = width
        self.height = height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        self.canv.setFillColor(BAND)
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.share:
            self.canv.setFillColor(ACCENT)
            self.canv.rect(0, 0, self.width * self.share, self.height, stroke=0, fill=1)


def _banner(report: ProvinceReport, styles, language: str) -> Table:
    from .models import quarter_bounds

    start, end = quarter_bounds(report.year, report.quarter)
    kicker = _upper(_("İl çeyrek raporu"), language)
    title = _("%(province)s: ortak platform faaliyetleri") % {"province": report.province_name}
    subtitle = _("%(year)s yılı %(quarter)s. çeyrek · %(start)s – %(end)s") % {
        "year": report.year,
        "quarter": report.quarter,
        "start": format_date(start, language),
        "end": format_date(end, language),
    }
    banner = Table(
        [
            [Paragraph(escape(kicker), styles["kicker"])],
            [Paragraph(escape(title), styles["title"])],
            [Paragraph(escape(subtitle), styles["subtitle"])],
        ],
        colWidths=[CONTENT_WIDTH],
    )
    banner.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (0, 0), 10),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
            ]
        )
    )
    return banner


def _summary(report: ProvinceReport, styles, language: str) -> list:
    totals = report.totals
    numbers = {
        "year": report.year,
        "quarter": report.quarter,
        "province": report.province_name,
        "organisations": format_number(report.organisation_count, language=language),
        "activities": format_number(totals["activities"], language=language),
        "people": format_number(totals["people_reached"], language=language),
        "services": format_number(totals["services_delivered"], language=language),
    }
    text = (
        _(
            "%(year)s yılının %(quarter)s. çeyreğinde %(province)s ilinde ortak platformdaki "
            "%(organisations)s kuruluş %(activities)s faaliyeti tamamladı; bu faaliyetlerle "
            "%(people)s kişiye ulaşıldı* ve %(services)s hizmet sunuldu."
        )
        % numbers
    )
    flow = [
        Paragraph(escape(_upper(_("Özet"), language)), styles["heading"]),
        Paragraph(escape(text), styles["body"]),
    ]
    note = _(
        "*Ulaşılan kişi sayısı kuruluşların bildirdiği faaliyetlerin toplamıdır: aynı kişi "
        "birden fazla faaliyete katıldıysa birden çok kez sayılmış olabilir."
    )
    share = report.non_unique_percent
    if share:
        note += " " + _(
            "Bu çeyrekte ulaşılan kişilerin yaklaşık %(share)s kadarı, kişileri tekil saymayan "
            "faaliyetlerden gelmektedir."
        ) % {"share": _percent(share, language)}
    flow += [Spacer(1, 3), Paragraph(escape(note), styles["small"])]
    if not report.quarter_ended:
        flow.append(
            Paragraph(
                escape(_("Çeyrek henüz bitmedi: rakamlar geçicidir.")),
                styles["small"],
            )
        )
    return flow


def _key_figures(report: ProvinceReport, styles, language: str) -> Table:
    totals = report.totals
    figures = [
        (totals["people_reached"], _("Ulaşılan kişi")),
        (totals["services_delivered"], _("Sunulan hizmet")),
        (totals["activities"], _("Tamamlanan faaliyet")),
        (report.organisation_count, _("Kuruluş")),
        (totals["volunteer_hours"], _("Gönüllü saati")),
    ]
    cells = [
        [
            Paragraph(escape(format_number(value, language=language)), styles["figure"]),
            Paragraph(escape(_upper(label, language)), styles["figure_label"]),
        ]
        for value, label in figures
    ]
    width = CONTENT_WIDTH / len(cells)
    table = Table([cells], colWidths=[width] * len(cells))
    table.setStyle(
        _table_style(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 3, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _breakdown(title: str, rows, first_column: str, styles, language: str) -> list:
    """A table of people reached and services delivered with a bar for people reached."""
    heading = Paragraph(escape(_upper(title, language)), styles["heading"])
    if not rows:
        return [
            heading,
            Paragraph(escape(_("Bu çeyrekte tamamlanmış faaliyet yok.")), styles["body"]),
        ]
    largest = max((people for _name, people, _services in rows), default=0) or 1
    bar_width = 52 * mm
    data = [
        [
            Paragraph(escape(first_column), styles["cell_bold"]),
            Paragraph(escape(_("Ulaşılan kişi")), styles["cell_bold_right"]),
            "",
            Paragraph(escape(_("Sunulan hizmet")), styles["cell_bold_right"]),
        ]
    ]
    for name, people, services in rows:
        data.append(
            [
                Paragraph(escape(name), styles["cell"]),
                format_number(people, language=language),
                _Bar(people / largest, bar_width),
                format_number(services, language=language),
            ]
        )
    widths = [CONTENT_WIDTH - bar_width - 2 * 28 * mm - 4, 28 * mm, bar_width + 4, 28 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        _table_style(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("ALIGN", (1, 1), (1, -1), "RIGHT"),
                ("ALIGN", (3, 1), (3, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, NAVY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ]
        )
    )
    return [heading, table]


def _highlights(report: ProvinceReport, styles, language: str) -> list:
    flow = [Paragraph(escape(_upper(_("Öne çıkanlar"), language)), styles["heading"])]
    if not report.highlights:
        flow.append(
            Paragraph(
                escape(_("Bu çeyrek için gönderilmiş raporlarda öne çıkan bir bilgi yok.")),
                styles["body"],
            )
        )
        return flow
    for organisation, text in report.highlights:
        body = "<br/>".join(escape(line) for line in text.splitlines() if line.strip())
        flow.append(
            KeepTogether(
                [Paragraph(escape(organisation), styles["org"]), Paragraph(body, styles["body"])]
            )
        )
    return flow


def _indicators(report: ProvinceReport, styles, language: str) -> list:
    flow = [Paragraph(escape(_upper(_("Göstergeler ve hedefler"), language)), styles["heading"])]
    if not report.indicators:
        flow.append(Paragraph(escape(_("Tanımlı gösterge yok.")), styles["body"]))
        return flow
    data = [
        [
            Paragraph(escape(label), styles["cell_bold"])
            for label in (
                _("Çalışma alanı"),
                _("Gösterge"),
                _("Hedef"),
                _("Gerçekleşen"),
                _("Hedefe ulaşma"),
            )
        ]
    ]
    for row in report.indicators:
        target = (
            _("hedef yok")
            if row.target is None
            else f"{format_number(row.target, language=language)} {row.indicator.unit_label}"
        )
        actual = (
            _("veri yok")
            if row.actual is None
            else f"{format_number(row.actual, language=language)} {row.indicator.unit_label}"
        )
        data.append(
            [
                Paragraph(escape(row.indicator.working_area.label), styles["cell"]),
                Paragraph(escape(row.indicator.label), styles["cell"]),
                Paragraph(escape(target), styles["cell"]),
                Paragraph(escape(actual), styles["cell"]),
                Paragraph(escape(_percent(row.percent, language)), styles["cell"]),
            ]
        )
    widths = [44 * mm, None, 26 * mm, 26 * mm, 22 * mm]
    widths[1] = CONTENT_WIDTH - sum(w for w in widths if w)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, NAVY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ]
        )
    )
    flow.append(table)
    return flow


def source_line(report: ProvinceReport, language: str) -> str:
    """The data-source line printed under the report (and tested word for word)."""
    return _(
        "Kaynak: %(portal)s ortak platformu, kuruluşların bildirdiği faaliyetler; "
        "oluşturulma tarihi %(date)s."
    ) % {"portal": str(SITE_NAME), "date": format_date(report.generated_on, language)}


def report_filename(report: ProvinceReport, slug: str) -> str:
    return f"il-raporu-{slug}-{report.year}-{report.quarter}.pdf"


def render_province_report_pdf(report: ProvinceReport, *, compress: bool = True) -> bytes:
    """The report in the active language. ``compress=False`` leaves the page streams readable
    (for tests and debugging)."""
    register_fonts()
    language = "en" if (get_language() or "tr").startswith("en") else "tr"
    styles = _styles()
    footer = f"{report.province_name} · {report.year}/{report.quarter}"
    page_label = _("sayfa")

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"{page_label} {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_("%(province)s il çeyrek raporu %(year)s/%(quarter)s")
        % {"province": report.province_name, "year": report.year, "quarter": report.quarter},
        author=str(SITE_NAME),
        lang=language,
        # Fixed creation date and document id: the same data gives the same bytes.
        invariant=True,
        pageCompression=1 if compress else 0,
        initialFontName=FONT,
        initialFontSize=10,
    )
    story = [
        _banner(report, styles, language),
        Spacer(1, 6),
        *_summary(report, styles, language),
        Spacer(1, 8),
        _key_figures(report, styles, language),
        *_breakdown(
            _("Çalışma alanına göre ulaşılan kişi"),
            report.by_working_area,
            _("Çalışma alanı"),
            styles,
            language,
        ),
        *_breakdown(
            _("İlçelere göre ulaşılan kişi"), report.by_district, _("İlçe"), styles, language
        ),
        *_highlights(report, styles, language),
        *_indicators(report, styles, language),
        Spacer(1, 10),
        Paragraph(escape(source_line(report, language)), styles["small"]),
    ]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
