"""The portal's own interface follows the stigma-free language rules it asks of editors.

Every msgid and English msgstr of the English catalogue, and the Turkish wording that overrides
third-party strings, is checked against the seed glossary (not the database, which editors
change) with quoted mentions included, so the test is stricter than the editors' check.
"""

import json
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.language import find_terms
from home.models import GlossaryTerm

# The glossary the portal ships with (loaded by home's data migration).
TERMS = [
    (term["language"], term["term"], term["preferred"], term["reason"])
    for term in json.loads(
        (Path(settings.BASE_DIR) / "home" / "data" / "glossary.json").read_text(encoding="utf-8")
    )["terms"]
]

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [
    ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po",
    ROOT / "locale" / "tr" / "LC_MESSAGES" / "django.po",
]

# Strings that quote discouraged terms on purpose, to teach editors what the checker finds.
# Listed by msgid (their translations go with them); each must still contain a term, so the
# list cannot outlive its reason.
QUOTES_ON_PURPOSE = {
    # help_text of GlossaryTerm.term: examples of a term and its inflected forms
    "Yalın haliyle yazın (örn. “torbacı”); çekimli halleri (“torbacılar”, “torbacıya”) de "
    "bulunur. Birden çok sözcük olabilir (örn. “eski bağımlı”).",
}


def seed_terms() -> list[GlossaryTerm]:
    return [
        GlossaryTerm(term=term, language=language, preferred=preferred, reason=reason)
        for language, term, preferred, reason in TERMS
    ]


def interface_strings():
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.msgid in QUOTES_ON_PURPOSE:
                continue
            texts = [entry.msgid, entry.msgid_plural, entry.msgstr]
            texts.extend(entry.msgstr_plural.values())
            for text in texts:
                if text:
                    yield path.parent.parent.name, entry.msgid, text


def test_the_catalogues_are_read():
    strings = list(interface_strings())
    assert len(strings) > 500
    assert any(text == "Sign In" for _language, _msgid, text in strings)  # tr overrides


@pytest.mark.parametrize("msgid", sorted(QUOTES_ON_PURPOSE))
def test_each_exception_really_quotes_a_term(msgid):
    assert find_terms(msgid, seed_terms(), include_mentions=True)


def test_no_interface_string_uses_a_discouraged_term():
    terms = seed_terms()
    failures = []
    for language, msgid, text in interface_strings():
        for finding in find_terms(text, terms, include_mentions=True):
            failures.append(
                f"[{language}] {finding.matched!r} → {finding.term.preferred!r} in {msgid[:80]!r}"
            )
    assert failures == []
