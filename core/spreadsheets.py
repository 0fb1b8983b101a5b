"""Lists organisers download for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows
Turkish letters) and cells that would run as formulas neutralised (CSV injection)."""

import csv
import io
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_time(value) -> str:
    """A moment as people in Türkiye read it: 21.11.2026 14:30, in Türkiye time."""
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def csv_response(rows: Iterable[Iterable], *, filename: str) -> HttpResponse:
    """Every cell made safe; private to the person who downloads it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
