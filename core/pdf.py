"""What every PDF the portal renders shares: the embedded DejaVu fonts and written-out dates.

The fonts are vendored in ``core/fonts/`` and embedded in every PDF (certificates, the quarterly
province report): a document must show "Çağrı" and "İşbirliği" the same on any reader, and the
server must not depend on the fonts installed on it.
"""

import threading
from datetime import date
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "PortalDejaVuSans"
FONT_BOLD = "PortalDejaVuSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_font_lock = threading.Lock()
_fonts_registered = False

# Month names are written out so the output never depends on the process locale.
_MONTHS = {
    "tr": (
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def format_date(value: date, language: str) -> str:
    """ "21 Kasım 2026" in Turkish, "21 November 2026" in English."""
    return f"{value.day} {_MONTHS[language][value.month - 1]} {value.year}"


def register_fonts() -> None:
    # reportlab keeps fonts in a process-wide registry: parse the TTF files once per process,
    # and under a lock, since requests may render certificates on several threads.
    global _fonts_registered
    if _fonts_registered:
        return
    with _font_lock:
        if not _fonts_registered:
            for name, filename in _FONT_FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
            _fonts_registered = True
