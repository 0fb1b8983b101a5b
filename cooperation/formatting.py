"""Numbers as people read them on the platform's pages, charts, CSV-free tables and PDFs."""

from contextlib import nullcontext
from decimal import Decimal

from django.utils import formats, translation


def format_number(
    value, *, decimals: int | None = None, language: str | None = None, missing: str = ""
) -> str:
    """316.262 and 12,5 in Turkish, 316,262 and 12.5 in English (the current language, or
    ``language``). Whole numbers lose their decimals; others keep ``decimals`` (default one).
    None, "no figure", is ``missing``, never 0."""
    if value is None:
        return missing
    number = Decimal(str(value))
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else 1
    with translation.override(language) if language else nullcontext():
        return formats.number_format(number, decimals, use_l10n=True, force_grouping=True)
