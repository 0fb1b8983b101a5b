"""RSS and Atom feeds of the campaigns, one per language.

Items are ordered by when the campaign was first published, newest first, and that moment is
each item's date: a feed reader shows what is new on the portal, and a campaign is often
announced weeks before it starts. The campaign's start and end dates are in its page.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import CampaignIndexPage, CampaignPage

FEED_SIZE = 20


class CampaignFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        # The request, so that links are resolved once per request (Wagtail caches the site's
        # root paths on it) and the feed instance, shared by every request, holds no state.
        return request

    def title(self, request: HttpRequest) -> str:
        return _("Kampanyalar") + " · " + _("Bağımlılıkla Mücadele ve Sosyal Uyum Portalı")

    def description(self, request: HttpRequest) -> str:
        return _("Bağımlılıkla mücadele ve sosyal uyum kampanyaları, en yenisi önce.")

    def link(self, request: HttpRequest) -> str:
        index = CampaignIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
        url = index.get_url(request=request) if index else None
        return url or reverse("wagtail_serve", args=[""])

    def items(self, request: HttpRequest) -> list[CampaignPage]:
        campaigns = list(
            CampaignPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .order_by("-first_published_at", "-pk")
            .defer_streamfields()
            .prefetch_related("working_areas")[:FEED_SIZE]
        )
        for campaign in campaigns:
            campaign.feed_link = campaign.get_url(request=request)
        return campaigns

    def item_title(self, item: CampaignPage) -> str:
        return item.title

    def item_description(self, item: CampaignPage) -> str:
        return item.summary

    def item_link(self, item: CampaignPage) -> str:
        return item.feed_link

    def item_pubdate(self, item: CampaignPage):
        return item.first_published_at

    def item_updateddate(self, item: CampaignPage):
        return item.last_published_at

    def item_categories(self, item: CampaignPage) -> list[str]:
        return [area.label for area in item.working_areas.all()]


class CampaignAtomFeed(CampaignFeed):
    feed_type = Atom1Feed
    subtitle = CampaignFeed.description
