"""Server-rendered SVG charts for the coordinator dashboard.

A chart is inline SVG markup the page embeds as it is: no JavaScript, no fonts to fetch, nothing
from the internet. Each chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` naming every
value, and the page always prints the same numbers in a table beside it, so a screen reader or
a printout loses nothing. Bars and lines keep a contrast of at least 3:1 against the white
background (WCAG 1.4.11); series are told apart by shape and a text legend, not by colour alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .formatting import format_number as _format_number

__all__ = ["Series", "bar_chart", "format_number", "line_chart"]

# Colours with at least 3:1 contrast on white, distinguishable for the common colour-vision
# deficiencies (from the Okabe–Ito palette, darkened where needed).
PALETTE = ("#1B5E9A", "#B2520B", "#0B7561", "#8A3F8F")
MARKERS = ("circle", "square", "diamond", "triangle")
INK = "#1F2933"
GRID = "#C9CED6"

WIDTH = 640
PADDING_LEFT = 56
PADDING_RIGHT = 16
PADDING_TOP = 16


@dataclass(frozen=True)
class Series:
    """One named line or set of bars: ``values`` line up with the chart's ``labels``."""

    name: str
    values: Sequence[int | float | Decimal | None]


def format_number(value, *, language: str | None = None) -> str:
    """A chart's or report's number; a missing figure shows as an en dash, not as zero."""
    return _format_number(value, language=language, missing="–")


def _nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above ``value`` (axis maximum)."""
    if value <= 0:
        return 1
    power = 1
    while power * 10 <= value:
        power *= 10
    while power > value:
        power /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover


def _axis(maximum: float, top: float, bottom: float) -> tuple[float, list[tuple[float, float]]]:
    """Axis maximum and the (value, y) of five gridlines."""
    ceiling = _nice_ceiling(maximum)
    ticks = [ceiling * i / 4 for i in range(5)]
    return ceiling, [(tick, bottom - (bottom - top) * tick / ceiling) for tick in ticks]


def _description(labels: Sequence[str], series: Sequence[Series], language: str) -> str:
    parts = []
    for one in series:
        values = ", ".join(
            f"{label}: {format_number(value, language=language)}"
            for label, value in zip(labels, one.values, strict=True)
        )
        parts.append(f"{one.name} — {values}")
    return "; ".join(parts)


def _frame(*, chart_id: str, title: str, desc: str, height: int, body: str) -> SafeString:
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMidYMid meet" '
        "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif\" "
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=desc,
        body=mark_safe(body),  # noqa: S308 — built from escaped parts below
    )


def _grid(ticks, *, left: float, right: float, language: str) -> str:
    lines = []
    for tick, y in ticks:
        lines.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="{}">{}</text>',
                left,
                f"{y:.1f}",
                right,
                f"{y:.1f}",
                GRID,
                left - 6,
                f"{y + 4:.1f}",
                INK,
                format_number(round(tick, 1), language=language),
            )
        )
    return "".join(lines)


def _legend(series: Sequence[Series], *, y: float, shapes: bool) -> str:
    items = []
    x = PADDING_LEFT
    for index, one in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        marker = _marker(MARKERS[index % len(MARKERS)], x + 6, y - 4, colour) if shapes else ""
        swatch = (
            marker
            if shapes
            else format_html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>', x, y - 10, colour
            )
        )
        items.append(
            swatch
            + format_html(
                '<text x="{}" y="{}" font-size="13" fill="{}">{}</text>', x + 18, y, INK, one.name
            )
        )
        x += 30 + 7.5 * len(one.name)
    return "".join(items)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return format_html(
            '<rect x="{}" y="{}" width="9" height="9" fill="{}"/>',
            f"{x - 4.5:.1f}",
            f"{y - 4.5:.1f}",
            colour,
        )
    if shape == "diamond":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
        return format_html('<polygon points="{}" fill="{}"/>', points, colour)
    if shape == "triangle":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}"
        return format_html('<polygon points="{}" fill="{}"/>', points, colour)
    return format_html(
        '<circle cx="{}" cy="{}" r="4.5" fill="{}"/>', f"{x:.1f}", f"{y:.1f}", colour
    )


def _x_labels(labels: Sequence[str], centres: Sequence[float], *, y: float) -> str:
    return "".join(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
            f"{x:.1f}",
            y,
            INK,
            label,
        )
        for label, x in zip(labels, centres, strict=True)
    )


def _maximum(series: Sequence[Series]) -> float:
    return max(
        (float(v) for one in series for v in one.values if v is not None),
        default=0.0,
    )


def bar_chart(
    *,
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    language: str | None = None,
) -> SafeString:
    """Grouped vertical bars, one group per label. A missing value (None) draws no bar and is
    named "veri yok" in the description, unlike a zero."""
    language = (language or get_language() or "tr")[:2]
    height = 300 if len(series) > 1 else 270
    bottom = height - (64 if len(series) > 1 else 40)
    right = WIDTH - PADDING_RIGHT
    ceiling, ticks = _axis(_maximum(series), PADDING_TOP, bottom)
    count = max(len(labels), 1)
    slot = (right - PADDING_LEFT) / count
    bar_width = min(48.0, slot * 0.8 / max(len(series), 1))
    centres = [PADDING_LEFT + slot * (i + 0.5) for i in range(len(labels))]
    bars = []
    for index, one in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        offset = (index - (len(series) - 1) / 2) * bar_width
        for label, value, centre in zip(labels, one.values, centres, strict=True):
            if value is None:
                continue
            bar_height = (bottom - PADDING_TOP) * float(value) / ceiling
            bars.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
                    f"{centre + offset - bar_width / 2:.1f}",
                    f"{bottom - bar_height:.1f}",
                    f"{bar_width:.1f}",
                    f"{bar_height:.1f}",
                    colour,
                    f"{one.name} · {label}: {format_number(value, language=language)}",
                )
            )
    body = (
        _grid(ticks, left=PADDING_LEFT, right=right, language=language)
        + "".join(bars)
        + _x_labels(_short(labels, slot), centres, y=bottom + 18)
        + (_legend(series, y=height - 14, shapes=False) if len(series) > 1 else "")
    )
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=_description(labels, series, language),
        height=height,
        body=body,
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    language: str | None = None,
) -> SafeString:
    """One line per series over the labels (quarters), each point marked with its series'
    shape; a None breaks the line instead of dropping it to zero."""
    language = (language or get_language() or "tr")[:2]
    height = 300
    bottom = height - 64
    right = WIDTH - PADDING_RIGHT
    ceiling, ticks = _axis(_maximum(series), PADDING_TOP, bottom)
    count = max(len(labels), 1)
    slot = (right - PADDING_LEFT) / count
    centres = [PADDING_LEFT + slot * (i + 0.5) for i in range(len(labels))]
    drawn = []
    for index, one in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        shape = MARKERS[index % len(MARKERS)]
        segments: list[list[tuple[float, float]]] = [[]]
        points = []
        for label, value, x in zip(labels, one.values, centres, strict=True):
            if value is None:
                segments.append([])
                continue
            y = bottom - (bottom - PADDING_TOP) * float(value) / ceiling
            segments[-1].append((x, y))
            points.append(
                format_html(
                    "<g>{}<title>{}</title></g>",
                    mark_safe(_marker(shape, x, y, colour)),  # noqa: S308 — format_html output
                    f"{one.name} · {label}: {format_number(value, language=language)}",
                )
            )
        for segment in segments:
            if len(segment) > 1:
                drawn.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>',
                        " ".join(f"{x:.1f},{y:.1f}" for x, y in segment),
                        colour,
                    )
                )
        drawn.extend(points)
    body = (
        _grid(ticks, left=PADDING_LEFT, right=right, language=language)
        + "".join(drawn)
        + _x_labels(_short(labels, slot), centres, y=bottom + 18)
        + _legend(series, y=height - 14, shapes=True)
    )
    return _frame(
        chart_id=chart_id,
        title=title,
        desc=_description(labels, series, language),
        height=height,
        body=body,
    )


def _short(labels: Sequence[str], slot: float) -> list[str]:
    """Axis labels cut to the room a slot has (the full label is in the description and the
    table beside the chart)."""
    room = max(int(slot / 7), 4)
    return [label if len(label) <= room else label[: room - 1] + "…" for label in labels]
