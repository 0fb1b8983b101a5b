"""tr-TR dates and numbers in Turkish, their English forms in English."""

from datetime import date

from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template(
    '{% load humanize %}{{ day|date:"DATE_FORMAT" }} · {{ amount|intcomma }} · {{ rate }}'
)
CONTEXT = {"day": date(2026, 11, 21), "amount": 316262, "rate": 2.5}


def render(language: str) -> str:
    with translation.override(language):
        return TEMPLATE.render(Context(CONTEXT))


def test_turkish_dates_and_numbers():
    assert render("tr") == "21 Kasım 2026 · 316.262 · 2,5"


def test_english_dates_and_numbers():
    assert render("en") == "Nov. 21, 2026 · 316,262 · 2.5"


def test_no_field_name_starts_with_a_letter_that_django_would_capitalise_wrongly():
    """Django's capfirst turns "il" into "Il"; Turkish needs "İl". Names that start with i or ı
    are therefore written with their Turkish capital in the source."""
    from django.apps import apps

    wrong = []
    with translation.override("tr"):
        for model in apps.get_models():
            if model._meta.app_label not in {
                "accreditation",
                "home",
                "events",
                "volunteers",
                "cooperation",
            }:
                continue
            names = [model._meta.verbose_name, model._meta.verbose_name_plural]
            names += [
                f.verbose_name
                for f in model._meta.get_fields(include_parents=False)
                if getattr(f, "concrete", False) and f.model is model
            ]
            wrong += [f"{model.__name__}: {n}" for n in map(str, names) if n[:1] in {"i", "ı"}]
    assert wrong == []


def test_ids_in_forms_are_never_grouped_like_numbers_for_people():
    """A reviewer with id 2067 must be posted back as "2067", not "2.067"."""
    rendered = Template('<option value="{{ pk }}">').render(Context({"pk": 2067}))
    with translation.override("tr"):
        assert Template('<option value="{{ pk }}">').render(Context({"pk": 2067})) == rendered
    assert rendered == '<option value="2067">'
