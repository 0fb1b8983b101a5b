"""tr-TR dates and numbers in Turkish, their English forms in English."""

from datetime import date

from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template('{% load l10n %}{{ day|date:"DATE_FORMAT" }} · {{ amount }} · {{ rate }}')
CONTEXT = {"day": date(2026, 11, 21), "amount": 316262, "rate": 2.5}


def render(language: str) -> str:
    with translation.override(language):
        return TEMPLATE.render(Context(CONTEXT))


def test_turkish_dates_and_numbers():
    assert render("tr") == "21 Kasım 2026 · 316.262 · 2,5"


def test_english_dates_and_numbers():
    assert render("en") == "Nov. 21, 2026 · 316,262 · 2.5"
