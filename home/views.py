import re

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText, SearchQuery

from core.exceptions import DomainError
from core.ratelimit import RateLimit
from core.text import tr_lower, tr_upper

from .forms import FollowForm, PledgeForm
from .models import StandardPage
from .models.campaigns import user_organisations
from .selectors import (
    follower_for_confirmation,
    follower_for_unsubscribe,
    page_in_language,
)
from .services import (
    CampaignError,
    FollowOutcome,
    follow_confirm,
    follow_start,
    follow_stop,
    pledge_join,
    pledge_leave,
)
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


# --- The campaign page's forms ---------------------------------------------------------------

FOLLOW_ATTEMPTS_PER_HOUR = 10
# A few follow requests an hour per address, so the form cannot be used to flood strangers'
# inboxes with confirmation mails.
FOLLOW_RATE = RateLimit("campaign-follow", limit=FOLLOW_ATTEMPTS_PER_HOUR, window=3600)


def follow_attempt_allowed(request) -> bool:
    from allauth.account.adapter import get_adapter

    return FOLLOW_RATE.hit(get_adapter(request).get_client_ip(request) or "")


def campaign_page_post(page, request, serve_args, serve_kwargs):
    """The campaign page's forms post back to the page (``before_serve_page`` hands them here):
    success redirects, a refused request renders the page again with what was entered and
    why."""
    response, forms = campaign_post(page, request)
    if response is not None:
        return response
    return TemplateResponse(
        request,
        page.get_template(request, *serve_args, **serve_kwargs),
        page.get_context(request, *serve_args, forms=forms, **serve_kwargs),
        status=400,
    )


def campaign_post(page, request):
    """The campaign page's forms: follow, join and leave. Success redirects back to the page
    with a message; a refused request re-renders the page with what was entered."""
    action = request.POST.get("action")
    if action == "follow":
        form = FollowForm(request.POST)
        if not follow_attempt_allowed(request):
            form.add_error(
                None,
                _("Kısa sürede çok fazla deneme yapıldı. Lütfen bir saat sonra yeniden deneyin."),
            )
            return None, {"follow_form": form}
        if form.is_valid():
            try:
                outcome = follow_start(
                    campaign=page,
                    email=form.cleaned_data["email"],
                    language=translation.get_language() or "tr",
                )
            except CampaignError as error:
                form.add_error("email", str(error))
                return None, {"follow_form": form}
            text = {
                FollowOutcome.SENT: _gettext(
                    "Onay e-postası gönderildi. Takibi başlatmak için e-postadaki bağlantıya "
                    "tıklayın."
                ),
                FollowOutcome.RESENT: _gettext(
                    "Bu adres için onay bekleniyordu; onay e-postasını yeniden gönderdik."
                ),
                FollowOutcome.RECENTLY_SENT: _gettext(
                    "Bu adrese az önce bir onay e-postası gönderdik. Gelen kutunuzu (ve "
                    "istenmeyen klasörünü) kontrol edin."
                ),
            }[outcome]
            messages.success(request, text)
            return HttpResponseRedirect(page.url + "#takip"), None
        return None, {"follow_form": form}

    if action in {"join", "leave"}:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(page.url), None
        form = PledgeForm(request.POST, organisations=user_organisations(request.user))
        if not form.is_valid():
            return None, {"pledge_errors": [e for errors in form.errors.values() for e in errors]}
        organisation = form.cleaned_data["organisation"]
        try:
            if action == "join":
                pledge_join(campaign=page, organisation=organisation, by=request.user)
                messages.success(
                    request,
                    _gettext("%(name)s kampanyaya katıldı. Teşekkürler!") % {"name": organisation},
                )
            else:
                pledge_leave(campaign=page, organisation=organisation, by=request.user)
                messages.success(
                    request,
                    _gettext("%(name)s kampanyadan ayrıldı.") % {"name": organisation},
                )
        except DomainError as error:
            return None, {"pledge_errors": [str(error)]}
        return HttpResponseRedirect(page.url + "#katilim"), None
    return HttpResponseRedirect(page.url), None


# --- The links in campaign e-mails ----------------------------------------------------------
# Each link opens a page with one button; only the button's POST changes anything, so mail
# scanners that open links do not confirm or end a follow on the person's behalf. Stopping also
# answers one-click POSTs from mail programs (RFC 8058).


def _campaign_page(follower, request):
    from django.utils import translation

    return page_in_language(follower.campaign, translation.get_language() or "tr")


@require_http_methods(["GET", "POST"])
def follow_confirm_view(request, token: str):
    follower = follower_for_confirmation(token)
    if follower is None:
        return render(request, "home/follow/invalid.html", {"kind": "confirm"}, status=404)
    campaign = _campaign_page(follower, request)
    if request.method == "POST":
        confirmed = follow_confirm(follower)
        if not confirmed:
            return render(request, "home/follow/invalid.html", {"kind": "confirm"}, status=410)
        return render(request, "home/follow/confirmed.html", {"campaign": campaign})
    return render(
        request,
        "home/follow/confirm.html",
        {"campaign": campaign, "already": follower.status == follower.Status.CONFIRMED},
    )


@csrf_exempt  # one-click unsubscribe from mail programs; the signed token is the credential
@require_http_methods(["GET", "POST"])
def follow_stop_view(request, token: str):
    follower = follower_for_unsubscribe(token)
    if follower is None:
        return render(request, "home/follow/invalid.html", {"kind": "stop"}, status=404)
    campaign = _campaign_page(follower, request)
    if request.method == "POST":
        follow_stop(follower)
        return render(request, "home/follow/stopped.html", {"campaign": campaign})
    return render(
        request,
        "home/follow/stop.html",
        {"campaign": campaign, "already": follower.status == follower.Status.UNSUBSCRIBED},
    )
