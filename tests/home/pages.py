"""Page trees for the search, feed, meta, clock and moderation tests.

Pages are added the way the admin adds them (``add_child``) and published through a revision,
so Wagtail's signals (search index, language check) run as they do on the site.
"""

import datetime as dt

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory
from home.models import CampaignIndexPage, CampaignPage, LanguageGuidePage


def build_homes() -> tuple[Page, Page]:
    """The Turkish home page as the default site's root, and its English translation."""
    home = HomePageFactory(slug="ana-sayfa")
    site = Site.objects.get(is_default_site=True)
    # Wagtail's placeholder welcome page goes, as in the demo.
    Page.objects.filter(pk=site.root_page_id).exclude(pk=home.pk).delete()
    site.root_page = home
    site.save()
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = HomePageFactory(
        slug="home",
        title="Home",
        hero_title="Together against addiction",
        locale=english,
        translation_key=home.translation_key,
    )
    return home, home_en


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_campaign_index(home: Page, title: str = "Duyurular", slug: str = "duyurular", **fields):
    index = CampaignIndexPage(title=title, slug=slug, locale=home.locale, **fields)
    home.add_child(instance=index)
    return publish(index)


def add_campaign(index: Page, title: str, *, publish_now: bool = True, **fields) -> CampaignPage:
    """A campaign under a campaign list: live, or a never-published draft."""
    fields.setdefault("slogan", "Birlikte daha güçlüyüz")
    fields.setdefault("summary", "Kampanyanın kısa özeti.")
    fields.setdefault("start_date", dt.date(2026, 5, 1))
    fields.setdefault("end_date", dt.date(2026, 6, 30))
    campaign = CampaignPage(title=title, locale=index.locale, live=publish_now, **fields)
    index.add_child(instance=campaign)
    return publish(campaign) if publish_now else campaign


def add_language_guide(home: Page, title: str, slug: str, **fields) -> LanguageGuidePage:
    guide = LanguageGuidePage(title=title, slug=slug, locale=home.locale, **fields)
    home.add_child(instance=guide)
    return publish(guide)


def make_image(title: str = "Kapak"):
    from wagtail.images.models import Image

    return Image.objects.create(title=title, file=get_test_image_file(size=(1600, 900)))
