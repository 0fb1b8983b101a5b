from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from ..models.glossary import GlossaryTerm

register = template.Library()


def _active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language to the same page in that language.

    A Wagtail page links to its live translation (or, if it has none yet, that language's home
    page); any other view links to the same URL under the other language prefix. Two queries
    at most, whatever the number of languages.
    """
    request = context.get("request")
    page = context.get("page")
    by_language: dict[str, Page] = {}
    if isinstance(page, Page):
        for translation in (
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        ):
            by_language[translation.locale.language_code] = translation
        missing = [code for code, _name in settings.LANGUAGES if code not in by_language]
        if missing:
            for home in (
                Page.objects.live()
                .filter(depth=2, locale__language_code__in=missing)
                .select_related("locale")
            ):
                by_language.setdefault(home.locale.language_code, home)
    current = _active_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = by_language[code].get_url(request=request) if code in by_language else None
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url or "/", "is_current": code == current})
    return links


SITE_LINK_FIELDS = ("about_page", "privacy_notice_page", "accessibility_page", "contact_page")


@register.simple_tag(takes_context=True)
def site_links(context) -> dict[str, str]:
    """URLs of the pages named in the portal settings, in the active language.

    Keys: ``about_page``, ``privacy_notice_page``, ``accessibility_page``, ``contact_page``;
    a page that is not set is missing. Resolved once per request in two queries.
    """
    from home.models import PortalSettings

    request = context.get("request")
    cache_key = f"_portal_site_links_{_active_language()}"
    if request is not None and hasattr(request, cache_key):
        return getattr(request, cache_key)
    portal_settings = (
        PortalSettings.for_request(request) if request is not None else PortalSettings.load()
    )
    page_ids = {
        name: getattr(portal_settings, f"{name}_id")
        for name in SITE_LINK_FIELDS
        if getattr(portal_settings, f"{name}_id")
    }
    chosen = Page.objects.in_bulk(page_ids.values())
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[p.translation_key for p in chosen.values()],
            locale__language_code=_active_language(),
        )
    }
    links = {}
    for name, page_id in page_ids.items():
        original = chosen.get(page_id)
        if original is None:
            continue
        page = translations.get(original.translation_key, original)
        links[name] = page.get_url(request=request) or ""
    if request is not None:
        setattr(request, cache_key, links)
    return links


@register.simple_tag
def glossary_terms():
    """The glossary's terms in use, for the glossary block (the block itself only lays out)."""
    return GlossaryTerm.objects.active().for_display()
