"""Campaign feeds (RSS and Atom) per language, and the sitemap."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.models import WorkingArea
from home.models import CampaignPage

from .pages import add_campaign, add_campaign_index, add_language_guide, build_homes, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def homes():
    return build_homes()


@pytest.fixture
def campaigns(homes):
    """Two Turkish campaigns first published a day apart (the one created first went live
    last), a draft, a restricted one, and an English translation of the school campaign."""
    home, home_en = homes
    index = add_campaign_index(home)
    index_en = add_campaign_index(home_en, title="Announcements", slug="announcements")
    areas = list(WorkingArea.objects.order_by("sort_order")[:2])
    school = add_campaign(index, "Okul kampanyası", summary="Okullarda bilinçlendirme.")
    school.working_areas.set(areas)
    publish(school)
    family = add_campaign(index, "Aile kampanyası", summary="Ailelerle & gençlerle <birlikte>.")
    add_campaign(index, "Taslak kampanya", publish_now=False)
    restricted = add_campaign(index, "Kapalı kampanya")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="parola-12345"
    )
    english = add_campaign(
        index_en,
        "School campaign",
        slug="school-campaign",
        summary="Awareness in schools.",
        translation_key=school.translation_key,
    )
    english.working_areas.set(areas)
    publish(english)
    two_days_ago = timezone.now() - dt.timedelta(days=2)
    CampaignPage.objects.filter(pk=family.pk).update(first_published_at=two_days_ago)
    CampaignPage.objects.filter(pk=school.pk).update(
        first_published_at=two_days_ago + dt.timedelta(days=1)
    )
    school.refresh_from_db()
    return {"school": school, "english": english, "areas": areas}


def parse_xml(content: bytes) -> ET.Element:
    # The portal's own response, not untrusted input.
    return ET.fromstring(content)  # noqa: S314


def rss_items(response) -> tuple[ET.Element, list[ET.Element]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response.content).find("channel")
    return channel, channel.findall("item")


def test_the_rss_feed_lists_live_public_campaigns_newest_first(campaigns, client):
    channel, items = rss_items(client.get("/kampanyalar/rss/"))
    assert channel.findtext("language") == "tr"
    assert channel.findtext("link") == "http://testserver/duyurular/"
    assert [item.findtext("title") for item in items] == ["Okul kampanyası", "Aile kampanyası"]
    school, family = items
    assert family.findtext("description") == "Ailelerle & gençlerle <birlikte>."
    assert family.findtext("link") == "http://testserver/duyurular/aile-kampanyasi/"
    assert school.findtext("link") == "http://testserver/duyurular/okul-kampanyasi/"
    assert [c.text for c in school.findall("category")] == [a.name for a in campaigns["areas"]]
    published = campaigns["school"].first_published_at
    assert school.findtext("pubDate") == (
        published.astimezone(dt.UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    )


def test_the_english_feed_lists_the_english_campaigns_with_english_categories(campaigns, client):
    channel, items = rss_items(client.get("/en/kampanyalar/rss/"))
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == "http://testserver/en/announcements/"
    assert [item.findtext("title") for item in items] == ["School campaign"]
    assert items[0].findtext("link") == "http://testserver/en/announcements/school-campaign/"
    assert [c.text for c in items[0].findall("category")] == [
        area.name_en for area in campaigns["areas"]
    ]


def test_the_atom_feed_has_the_same_entries(campaigns, client):
    response = client.get("/kampanyalar/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Okul kampanyası",
        "Aile kampanyası",
    ]
    school = entries[0]
    assert school.find(f"{ATOM}link").get("href") == (
        "http://testserver/duyurular/okul-kampanyasi/"
    )
    assert school.findtext(f"{ATOM}summary") == "Okullarda bilinçlendirme."
    assert school.findtext(f"{ATOM}updated")
    assert [c.get("term") for c in school.findall(f"{ATOM}category")] == [
        area.name for area in campaigns["areas"]
    ]


def test_a_feed_without_campaigns_is_empty_and_valid(homes, client):
    channel, items = rss_items(client.get("/kampanyalar/rss/"))
    assert items == []
    assert channel.findtext("link") == "http://testserver/"


def test_the_sitemap_lists_live_campaigns_and_language_guides_in_both_languages(
    campaigns, homes, client
):
    add_language_guide(homes[0], "İletişim rehberi", "iletisim-rehberi")
    add_language_guide(homes[1], "Language guide", "language-guide")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [element.text for element in parse_xml(response.content).iter(f"{namespace}loc")]
    paths = {location.split("://", 1)[1].split("/", 1)[1] for location in locations}
    assert "duyurular/aile-kampanyasi/" in paths
    assert "en/announcements/school-campaign/" in paths
    assert "iletisim-rehberi/" in paths
    assert "en/language-guide/" in paths
    assert "duyurular/taslak-kampanya/" not in paths
    assert "duyurular/kapali-kampanya/" not in paths
