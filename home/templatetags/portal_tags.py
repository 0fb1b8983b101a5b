from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language to the same page in that language.

    A Wagtail page links to its translation (or, if it has none yet, that language's home
    page); any other view links to the same URL under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            locale = Locale.objects.filter(language_code=code).first()
            translation = page.get_translation_or_none(locale) if locale else None
            if translation is not None and translation.live:
                url = translation.get_url(request=request)
            elif locale is not None:
                home = Page.objects.filter(depth=2, locale=locale).live().first()
                url = home.get_url(request=request) if home else None
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url or "/", "is_current": code == current})
    return links


@register.simple_tag(takes_context=True)
def localized_page_url(context, page) -> str:
    """URL of ``page`` in the active language, falling back to the page itself."""
    if page is None:
        return ""
    return page.localized.get_url(request=context.get("request")) or ""
