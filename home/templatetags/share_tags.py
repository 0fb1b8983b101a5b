"""Share links: plain links to each network's own share page, no scripts and no trackers."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _query(**params: str) -> str:
    # quote_via=quote writes a space as %20: mail programs show "+" literally (RFC 6068).
    return urlencode(params, quote_via=quote)


def share_targets(url: str, text: str) -> list[dict]:
    """One entry per network: its name, the accessible label and the share URL."""
    message = f"{text} {url}".strip()
    return [
        {
            "key": "x",
            "label": _("X'te paylaş"),
            "href": "https://x.com/intent/post?" + _query(text=text, url=url),
        },
        {
            "key": "facebook",
            "label": _("Facebook'ta paylaş"),
            "href": "https://www.facebook.com/sharer/sharer.php?" + _query(u=url),
        },
        {
            "key": "whatsapp",
            "label": _("WhatsApp'ta paylaş"),
            "href": "https://wa.me/?" + _query(text=message),
        },
        {
            "key": "linkedin",
            "label": _("LinkedIn'de paylaş"),
            "href": "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url),
        },
        {
            "key": "telegram",
            "label": _("Telegram'da paylaş"),
            "href": "https://t.me/share/url?" + _query(url=url, text=text),
        },
        {
            "key": "email",
            "label": _("E-postayla gönder"),
            "href": "mailto:?" + _query(subject=text, body=message),
            "internal": True,
        },
    ]


@register.inclusion_tag("home/includes/share_links.html")
def share_links(url: str, text: str = "") -> dict:
    """``{% share_links url text %}``: ``url`` must be absolute (networks fetch it)."""
    return {"targets": share_targets(str(url), str(text or ""))}
