"""The stigma-free language check: find the glossary's discouraged terms in a page's text.

Matching is Turkish-aware. Text is lower-cased with Turkish rules (I/ı, İ/i), words are bounded
by Unicode letters, and a term marked ``inflected`` also matches when it carries Turkish nominal
inflections (plural, possessive, case, -ki, copula and person endings): "bağımlılar",
"bağımlısına" and "torbacıya" match, while derivations such as "bağımlılık", "keşif" or
"baronluk" do not, because a derivational suffix starts a new word with its own meaning.
English terms take English endings only ("addicts", "addict's"; not "addiction").

The check suggests, it never blocks: pages are saved as the editor wrote them and the findings
are stored in ``PageLanguageCheck`` for the admin report.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from core.text import tr_lower

from .models import GlossaryTerm, PageLanguageCheck

__all__ = [
    "Finding",
    "check_page",
    "check_texts",
    "find_terms",
    "page_texts",
]

EXCERPT_CONTEXT = 40
LABEL_SEPARATOR = " › "

# --- Turkish nominal inflection ---------------------------------------------------------------
#
# Suffix slots in their grammatical order; each is optional. Vowels are listed with all their
# harmony variants (the check does not need to judge spelling, only to recognise the word).
# A suffix that starts with a vowel takes a buffer consonant (y, or n after a possessive) when
# it follows a vowel, and none after a consonant; the look-behinds below encode that rule, so
# "temizledi" (a verb: "cleaned") is not read as "temiz" + "-le" + "-di".

_V = "aeıioöuü"
_I = "[ıiuü]"  # four-way harmony
_A = "[ae]"  # two-way harmony
# After a vowel (optionally followed by the apostrophe of a proper-noun style suffix).
_AFTER_VOWEL = f"(?:(?<=[{_V}])|(?<=[{_V}]['’]))"
_AFTER_CONSONANT = f"(?<![{_V}])(?<![{_V}]['’])"
_Y = f"(?:{_AFTER_VOWEL}y|{_AFTER_CONSONANT})"  # buffer y after a vowel
_YN = f"(?:{_AFTER_VOWEL}[yn]|{_AFTER_CONSONANT})"  # buffer y or n after a vowel
_N = f"(?:{_AFTER_VOWEL}n|{_AFTER_CONSONANT})"  # buffer n after a vowel

_PLURAL = f"l{_A}r"
_POSSESSIVE = (
    f"(?:{_I}?m{_I}z"  # -ımız, -mız
    f"|{_I}?n{_I}z"  # -ınız, -nız
    f"|{_I}?m"  # -ım, -m
    f"|{_I}?n"  # -ın, -n
    f"|s?{_I})"  # -ı, -sı
)


def _case(after_stem: bool) -> str:
    # Right after a consonant-final stem, "-la/-le" is also the suffix that makes verbs
    # ("temizle": clean it), so there only the buffered "-yla" (after a vowel) counts; after
    # another suffix ("bağımlılarla") the plain instrumental is unambiguous.
    instrumental = f"{_AFTER_VOWEL}yl{_A}" if after_stem else f"{_Y}l{_A}"
    return (
        f"(?:n?[dt]{_A}n"  # ablative -dan, -tan, -ndan
        f"|n?[dt]{_A}"  # locative -da, -ta, -nda
        f"|{_N}{_I}n"  # genitive -ın, -nın
        f"|{_YN}{_I}"  # accusative -ı, -yı, -nı
        f"|{_YN}{_A}"  # dative -a, -ya, -na
        f"|{instrumental}"  # instrumental -la, -yla
        f"|n?[cç]{_A})"  # equative -ca, -ça, -nca
    )


_RELATIVE = f"(?:ki(?:{_PLURAL})?(?:{_case(False)})?)"  # -ki: "bağımlılardaki", "-dakiler"
_PERSON = (  # predicative person endings of the present and the evidential
    f"(?:{_Y}{_I}m|s{_I}n(?:{_I}z)?|{_Y}{_I}z|l{_A}r)"
)
_PAST_PERSON = f"(?:m|n(?:{_I}z)?|k|l{_A}r)"  # after -dı and -sa
_COPULA = (
    f"(?:[dt]{_I}r(?:l{_A}r)?"  # generalising -dır, -dırlar
    f"|{_Y}[dt]{_I}{_PAST_PERSON}?"  # past -(y)dı
    f"|{_Y}s{_A}{_PAST_PERSON}?"  # conditional -(y)sa
    f"|{_Y}m{_I}ş{_PERSON}?"  # evidential -(y)mış
    f"|{_Y}ken"  # -(y)ken: "bağımlıyken"
    f"|{_PERSON})"
)


def _after_case(case: str) -> str:
    return f"(?:{case})?(?:{_RELATIVE})?(?:{_COPULA})?"


_TURKISH_SUFFIXES = (
    f"(?:{_PLURAL}(?:{_POSSESSIVE})?{_after_case(_case(False))}"
    f"|{_POSSESSIVE}{_after_case(_case(False))}"
    f"|{_after_case(_case(True))})"
)
# English endings; a Turkish sentence may also attach its own after an apostrophe ("ex-user’lar").
_ENGLISH_SUFFIXES = r"(?:['’]s|s['’]|es|s)?(?:['’][^\W\d_]+)?"
# p, ç, t, k at the end of a Turkish stem soften before a vowel ("alkolik" → "alkoliği").
_SOFTENING = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}

_LETTER = r"[^\W\d_]"
_START = rf"(?<!{_LETTER})"
_END = rf"(?!{_LETTER})(?!['’]{_LETTER})"

_OPENING_QUOTES = "“„«‹‘\"'"
_CLOSING_QUOTES = "”“»›’\"'"


@dataclass
class Finding:
    """One discouraged term found in a text, with the words around it."""

    term: GlossaryTerm
    matched: str
    excerpt: str
    start: int = 0
    end: int = 0
    field: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "term": self.term.term,
            "matched": self.matched,
            "preferred": self.term.preferred,
            "reason": self.term.reason,
            "field": self.field,
            "excerpt": self.excerpt,
        }


def normalise_term(term: str, language: str) -> str:
    """The form a term is matched in: lower case (Turkish rules for Turkish), single spaces."""
    term = unicodedata.normalize("NFC", term)
    lowered = tr_lower(term) if language == GlossaryTerm.Language.TR else _en_lower(term)
    return " ".join(lowered.split())


@functools.lru_cache(maxsize=1024)
def _pattern(term: str, language: str, inflected: bool) -> re.Pattern[str] | None:
    """The compiled pattern of one term; cached, so a page check compiles nothing."""
    words = normalise_term(term, language).split(" ")
    if not words or not words[0]:
        return None
    escaped = [re.escape(word).replace(r"\-", "[-‐‑–]") for word in words]
    head = r"\s+".join(escaped[:-1])
    last_word = words[-1]
    last = escaped[-1]
    if inflected and language == GlossaryTerm.Language.TR:
        stems = [last]
        soft = _SOFTENING.get(last_word[-1])
        if soft:
            stems.append(re.escape(last_word[:-1]) + soft + f"(?=[{_V}])")
        stem = "(?:" + "|".join(stems) + ")"
        tail = f"{stem}(?:['’]?(?={_LETTER}){_TURKISH_SUFFIXES})?"
    elif inflected:
        tail = last + _ENGLISH_SUFFIXES
    else:
        tail = last
    body = rf"{head}\s+{tail}" if head else tail
    return re.compile(_START + body + _END)


def _en_lower(text: str) -> str:
    # "İ".lower() is two code points; mapping it first keeps offsets aligned with the text.
    return text.replace("İ", "i").lower()


def _lowered(text: str, language: str) -> str:
    lowered = tr_lower(text) if language == GlossaryTerm.Language.TR else _en_lower(text)
    if len(lowered) != len(text):  # a letter whose lower case is longer: keep offsets aligned
        lowered = "".join(
            (tr_lower(c) if language == GlossaryTerm.Language.TR else _en_lower(c))[:1] or c
            for c in text
        )
    return lowered


def _excerpt(text: str, start: int, end: int, context: int = EXCERPT_CONTEXT) -> str:
    """The match with some words either side, cut at word boundaries."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    snippet = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def _is_mention(text: str, start: int, end: int) -> bool:
    """A term in quotation marks on its own is talked about, not used: “torbacı” sözcüğü…"""
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in _OPENING_QUOTES
        and text[end] in _CLOSING_QUOTES
    )


def find_terms(
    text: str,
    terms: Iterable[GlossaryTerm] | None = None,
    *,
    include_mentions: bool = False,
) -> list[Finding]:
    """The discouraged terms in ``text``, in reading order.

    ``terms`` defaults to the active glossary. Where two terms overlap ("eski bağımlı" and
    "bağımlı") only the longer is reported. A term quoted on its own (“bağımlı”) is a mention,
    as in the language guide, and is skipped unless ``include_mentions``.
    """
    if not text:
        return []
    if terms is None:
        terms = GlossaryTerm.objects.active()
    text = unicodedata.normalize("NFC", str(text))
    lowered_by_language: dict[str, str] = {}
    spans: list[tuple[int, int, GlossaryTerm]] = []
    for term in terms:
        pattern = _pattern(term.term, term.language, term.inflected)
        if pattern is None:
            continue
        if term.language not in lowered_by_language:
            lowered_by_language[term.language] = _lowered(text, term.language)
        for match in pattern.finditer(lowered_by_language[term.language]):
            if include_mentions or not _is_mention(text, match.start(), match.end()):
                spans.append((match.start(), match.end(), term))
    # Longest match first at each position; drop any span overlapping one already kept.
    spans.sort(key=lambda span: (span[0], span[0] - span[1]))
    findings: list[Finding] = []
    last_end = -1
    for start, end, term in spans:
        if start < last_end:
            continue
        findings.append(
            Finding(
                term=term,
                matched=text[start:end],
                excerpt=_excerpt(text, start, end),
                start=start,
                end=end,
            )
        )
        last_end = end
    return findings


# --- Page text -----------------------------------------------------------------------------

# Wagtail's own text fields of every page, labelled here: the Turkish catalogue that wins for
# Wagtail's "title" (wagtail.documents) reads "başla". Paths, slugs and identifiers hold no prose.
_PAGE_TEXT_FIELDS = {
    "title": gettext_lazy("Sayfa başlığı"),
    "seo_title": gettext_lazy("SEO başlığı"),
    "search_description": gettext_lazy("Arama açıklaması"),
}
_NON_PROSE_FIELDS = (models.SlugField, models.URLField, models.EmailField)


def _plain(html_source: str) -> str:
    return " ".join(get_text_for_indexing(html_source or "").split())


def _label(value) -> str:
    return capfirst(str(value)) if value else ""


def _is_prose_field(model_field) -> bool:
    return (
        isinstance(model_field, models.CharField | models.TextField)
        and not isinstance(model_field, _NON_PROSE_FIELDS)
        and not model_field.choices
    )


def _walk_block(block, raw, label: str) -> Iterator[tuple[str, str]]:
    """(label, text) for every piece of prose in a block's raw (JSON) value.

    Raw values are walked rather than the Python ones, so chooser blocks fetch nothing.
    """
    if raw is None:
        return
    if isinstance(block, blocks.RichTextBlock | blocks.RawHTMLBlock):
        if isinstance(raw, str):
            yield label, _plain(raw)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.RegexBlock):
        if isinstance(raw, str):
            yield label, raw
    elif isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):
            return
        for name, child in block.child_blocks.items():
            if name in raw:
                child_raw = raw[name]
            else:  # a field added after the block was saved renders its default
                default = child.get_default()
                child_raw = str(default) if isinstance(default, str | Promise) else None
            yield from _walk_block(child, child_raw, _join(label, child.label))
    elif isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list):
            return
        for item in raw:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            yield from _walk_block(block.child_block, item, label)
    elif isinstance(block, blocks.StreamBlock):
        yield from _walk_stream(block, raw, label)


def _walk_stream(stream_block, raw, label: str) -> Iterator[tuple[str, str]]:
    if isinstance(raw, str) or not isinstance(raw, Sequence):
        return
    for item in raw:
        if not isinstance(item, dict):
            continue
        child = stream_block.child_blocks.get(item.get("type"))
        if child is None:  # a block type removed from the code since
            continue
        yield from _walk_block(child, item.get("value"), _join(label, child.label))


def _join(*labels) -> str:
    return LABEL_SEPARATOR.join(_label(label) for label in labels if label)


def _object_texts(
    obj, model_fields, prefix: str = "", labels: dict | None = None
) -> Iterator[tuple[str, str]]:
    for model_field in model_fields:
        label = _join(prefix, (labels or {}).get(model_field.name, model_field.verbose_name))
        value = getattr(obj, model_field.attname, None)
        if isinstance(model_field, StreamField):
            raw = getattr(value, "raw_data", None)
            if raw is not None:
                yield from _walk_stream(model_field.stream_block, raw, label)
        elif isinstance(model_field, RichTextField):
            if value:
                yield label, _plain(value)
        elif _is_prose_field(model_field) and value:
            yield label, str(value)


def _own_fields(model) -> list:
    """Concrete fields a page type adds to Wagtail's page (its content, not its plumbing)."""
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if model_field.model is not Page and not model_field.primary_key
    ]


def _child_relations(model) -> list:
    from modelcluster.models import get_all_child_relations

    return [
        relation
        for relation in get_all_child_relations(model)
        # Wagtail's own children (editors' comments) are not published content.
        if not relation.related_model._meta.app_label.startswith("wagtail")
    ]


def page_texts(page) -> list[tuple[str, str]]:
    """Every piece of text a page shows, as (field label, text), labels in the editor's words.

    Covers the title and promote fields, the page type's text fields, rich text (tags removed),
    StreamField blocks at any depth, and inline children such as a campaign's channel messages.
    ``page`` may be an unsaved object built from a revision.
    """
    texts: list[tuple[str, str]] = []
    page_fields = [Page._meta.get_field(name) for name in _PAGE_TEXT_FIELDS]
    texts.extend(_object_texts(page, page_fields, labels=_PAGE_TEXT_FIELDS))
    texts.extend(_object_texts(page, _own_fields(type(page))))
    for relation in _child_relations(type(page)):
        child_model = relation.related_model
        fields = [
            model_field
            for model_field in child_model._meta.concrete_fields
            if not model_field.primary_key and not model_field.is_relation
        ]
        children = getattr(page, relation.get_accessor_name()).all()
        for number, child in enumerate(children, start=1):
            prefix = f"{_label(child_model._meta.verbose_name)} {number}"
            texts.extend(_object_texts(child, fields, prefix))
    return [(label, text) for label, text in texts if text and text.strip()]


# --- Checking a page -----------------------------------------------------------------------


def check_texts(
    texts: Iterable[tuple[str, str]], terms: Iterable[GlossaryTerm] | None = None
) -> list[Finding]:
    """Findings over several labelled texts, each finding carrying its field label."""
    terms = list(GlossaryTerm.objects.active() if terms is None else terms)
    findings: list[Finding] = []
    for label, text in texts:
        for finding in find_terms(text, terms):
            finding.field = label
            findings.append(finding)
    return findings


def check_page(page, terms: Iterable[GlossaryTerm] | None = None) -> list[Finding]:
    """Check a page (or a revision's page object) and store what was found.

    Every checked page keeps one ``PageLanguageCheck`` row, with a count of 0 when clean, so
    the report can tell a clean page from one never checked.
    """
    if type(page) is Page:
        page = page.specific
    findings = check_texts(page_texts(page), terms)
    if page.pk is not None:
        PageLanguageCheck.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "findings": [finding.as_dict() for finding in findings],
                "finding_count": len(findings),
            },
        )
    return findings
