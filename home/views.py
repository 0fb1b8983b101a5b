import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText, SearchQuery

from accreditation.text import tr_lower, tr_upper

from .models import StandardPage
from .templatetags.meta_tags import page_description

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX_LENGTH = 100
SEARCH_MAX_TERMS = 8
# A query that matches more pages than this is too vague to page through; ask for more words.
SEARCH_MAX_RESULTS = 200
_WORD = re.compile(r"\w+")
# The kind of page a result is, where the model's own name would mean nothing to a visitor.
RESULT_TYPE_LABELS = {StandardPage: _("Sayfa")}


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /en/accounts/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def search(request):
    """Site search in the active language: whole words first, then words that start with what
    was typed (see ``search_page_ids``)."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    language = get_language() or settings.LANGUAGE_CODE
    page_ids = search_page_ids(query, locale=Locale.get_active(), language=language)
    results = Paginator(page_ids, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    pages = Page.objects.filter(pk__in=results.object_list).defer_streamfields().specific()
    by_id = {page.pk: page for page in pages}
    items = [
        search_result(by_id[page_id], request, language)
        for page_id in results.object_list
        if page_id in by_id
    ]
    return render(request, "home/search.html", {"query": query, "results": results, "items": items})


def search_terms(query: str, language: str) -> list[str]:
    """The words of a query, lower-cased the way its language does it.

    Turkish pairs I/ı and İ/i, so "BAĞIMLILIK" is "bağımlılık" and "İZMİR" is "izmir".
    Punctuation is dropped: quotes, "%", "*" or ":" never reach the full-text query syntax.
    """
    lowered = tr_lower(query) if language.startswith("tr") else query.replace("İ", "i").lower()
    return _WORD.findall(lowered)[:SEARCH_MAX_TERMS]


def _term_query(term: str) -> SearchQuery:
    # Both engines lower-case "I" to "i" when they index: "Iğdır" is stored as "iğdır" and
    # "BAĞIMLILIK" as "bağimlilik". A word with ı also matches those two spellings.
    spellings = [term]
    if term.startswith("ı"):
        spellings.append("i" + term[1:])
    if "ı" in term[1:]:
        spellings.append(term.replace("ı", "i"))
    if len(spellings) == 1:
        return PlainText(term)
    return Or([PlainText(spelling) for spelling in spellings])


def search_query(terms: list[str]) -> SearchQuery:
    """Every word must match (in any field); each word's Turkish spellings are alternatives."""
    parts = [_term_query(term) for term in terms]
    return parts[0] if len(parts) == 1 else And(parts)


def search_page_ids(query: str, *, locale: Locale, language: str) -> list[int]:
    """Ids of the live public pages of ``locale`` that match ``query``, best first.

    Pages where every word occurs as a whole word (full text over every indexed field, with
    Turkish stemming on PostgreSQL) come first, by relevance. Then come pages whose title,
    slogan or introduction has a word starting with each typed word (Wagtail's autocomplete),
    so "kampan" finds "Kampanya" and "bağım" finds "Bağımlılık" while the visitor is still
    typing. A page is listed once.
    """
    terms = search_terms(query, language)
    if not terms:
        return []
    pages = Page.objects.live().public().filter(locale=locale)
    compiled = search_query(terms)
    found = [page.pk for page in pages.search(compiled)[:SEARCH_MAX_RESULTS]]
    seen = set(found)
    for page in pages.autocomplete(compiled)[:SEARCH_MAX_RESULTS]:
        if page.pk not in seen and len(found) < SEARCH_MAX_RESULTS:
            found.append(page.pk)
            seen.add(page.pk)
    return found


def search_result(page: Page, request, language: str) -> dict:
    """What a result shows: title, link, the kind of page and a short text."""
    label = str(RESULT_TYPE_LABELS.get(type(page), page._meta.verbose_name))
    first = tr_upper(label[:1]) if language.startswith("tr") else label[:1].upper()
    return {
        "title": page.title,
        "url": page.get_url(request=request),
        "type": first + label[1:],
        "snippet": page_description(page),
    }


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database or a setting may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))
