"""The site's part of the demo: its pages in both languages, then the campaigns (three
campaigns in every phase with their message kits, the communication guide and the glossary), the
organisations that joined them and a follower. Offline, seeded and idempotent."""

from wagtail.models import Page

from .campaigns import build as build_campaigns
from .pages import build_page_tree


def build() -> dict[str, int]:
    home = build_page_tree()
    campaigns = build_campaigns(home)
    return {"pages": Page.objects.filter(depth__gte=2).count(), **campaigns}


def build_pages() -> None:
    """Only the public site (pages, campaigns, guide), without people and organisations: what
    page tests need, in a fraction of the time."""
    build_campaigns(build_page_tree())
