"""Description, Open Graph and Twitter card tags for the page head."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from home.models import CampaignPage

register = template.Library()

# Open Graph names a locale with language and territory.
OG_LOCALES = {"tr": "tr_TR", "en": "en_US"}
# Facebook's recommended size for link previews; X crops the same image to 2:1.
OG_IMAGE_FILTER = "fill-1200x630"
DESCRIPTION_FIELDS = ("search_description", "summary", "introduction", "hero_text")


def page_description(page) -> str:
    """The page's own search description, else the first text written to introduce it."""
    for field in DESCRIPTION_FIELDS:
        value = (getattr(page, field, "") or "").strip()
        if value:
            return value
    return ""


@register.inclusion_tag("home/includes/meta.html", takes_context=True)
def page_meta(context, page=None, title: str = "", description: str = "") -> dict:
    """``{% page_meta page %}``: the tags a search engine or a social network reads.

    Views that are not Wagtail pages may pass ``title`` and ``description``; without them the
    site's name stands for the title. Every URL is absolute, as the protocols require.
    """
    request = context.get("request")
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    site_name = _("Bağımlılıkla Mücadele ve Sosyal Uyum Portalı")
    meta = {
        "site_name": site_name,
        "title": title or site_name,
        "description": description,
        "type": "website",
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
        "url": request.build_absolute_uri(request.path) if request else "",
        "image": None,
    }
    if isinstance(page, Page):
        meta["title"] = title or page.seo_title or page.title
        meta["description"] = description or page_description(page)
        url = page.get_url(request=request)
        if request is not None and url:
            meta["url"] = request.build_absolute_uri(url)
        if isinstance(page, CampaignPage):
            meta["type"] = "article"
            meta["published_at"] = page.first_published_at
            meta["modified_at"] = page.last_published_at
        hero_image = getattr(page, "hero_image", None)
        if hero_image is not None and request is not None:
            meta["image"] = share_image(hero_image, request, getattr(page, "hero_image_alt", ""))
    return {"meta": meta}


def share_image(image, request, alt: str) -> dict | None:
    """The image a link preview shows. A lost original file costs the preview, not the page."""
    try:
        rendition = image.get_rendition(OG_IMAGE_FILTER)
    except SourceImageIOError:
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or "",
    }
