"""What search engines and social networks read in the head, and the share links."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template import Context, Template

from home.factories import StandardPageFactory
from home.templatetags.share_tags import share_targets

from .pages import add_campaign, add_campaign_index, build_homes, make_image

pytestmark = pytest.mark.django_db


class HeadTags(HTMLParser):
    """The <meta> and <link> tags of a page, by property/name and by rel."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]


def head(client, path: str) -> HeadTags:
    response = client.get(path)
    assert response.status_code == 200
    return HeadTags(response.content.decode())


@pytest.fixture
def homes():
    return build_homes()


@pytest.fixture
def campaign(homes):
    index = add_campaign_index(homes[0])
    return add_campaign(
        index,
        "Yaz kampanyası",
        slug="yaz-kampanyasi",
        summary="Gençlerle spor ve sanat dolu bir yaz.",
        hero_image=make_image(),
        hero_image_alt="Parkta top oynayan gençler",
    )


def test_a_campaign_is_an_article_with_its_summary_and_hero_image(campaign, client):
    tags = head(client, "/duyurular/yaz-kampanyasi/")
    assert tags.one("og:type") == "article"
    assert tags.one("og:title") == "Yaz kampanyası"
    assert tags.one("og:description") == "Gençlerle spor ve sanat dolu bir yaz."
    assert tags.one("description") == "Gençlerle spor ve sanat dolu bir yaz."
    assert tags.one("og:url") == "http://testserver/duyurular/yaz-kampanyasi/"
    assert tags.one("og:site_name") == "Bağımlılıkla Mücadele ve Sosyal Uyum Portalı"
    assert tags.one("og:locale") == "tr_TR"
    assert tags.one("og:locale:alternate") == "en_US"
    image = tags.one("og:image")
    assert image.startswith("http://testserver/")
    assert ".fill-1200x630" in image
    assert (tags.one("og:image:width"), tags.one("og:image:height")) == ("1200", "630")
    assert tags.one("og:image:alt") == "Parkta top oynayan gençler"
    assert tags.one("twitter:card") == "summary_large_image"
    assert tags.one("article:published_time").startswith(
        campaign.first_published_at.astimezone().strftime("%Y-%m-%d")
    )


def test_the_image_in_the_tags_is_the_hero_images_share_rendition(campaign, client):
    image = head(client, "/duyurular/yaz-kampanyasi/").one("og:image")
    rendition = campaign.hero_image.get_rendition("fill-1200x630")
    assert image == "http://testserver" + rendition.url
    assert (rendition.width, rendition.height) == (1200, 630)


def test_a_lost_image_file_costs_the_preview_not_the_page(campaign, client):
    image = campaign.hero_image
    image.file.storage.delete(image.file.name)
    tags = head(client, "/duyurular/yaz-kampanyasi/")
    assert "og:image" not in tags.meta
    assert tags.one("twitter:card") == "summary"


def test_the_search_description_wins_over_the_summary(campaign, client):
    campaign.search_description = "Paylaşımlar için yazılmış kısa metin."
    campaign.save_revision().publish()
    tags = head(client, "/duyurular/yaz-kampanyasi/")
    assert tags.one("og:description") == "Paylaşımlar için yazılmış kısa metin."
    assert tags.one("description") == "Paylaşımlar için yazılmış kısa metin."


def test_a_page_without_an_image_gets_a_small_card(homes, client):
    StandardPageFactory(parent=homes[0], title="Hakkında", slug="hakkinda")
    tags = head(client, "/hakkinda/")
    assert tags.one("og:type") == "website"
    assert tags.one("og:title") == "Hakkında"
    assert tags.one("og:description") == "Portal hakkında kısa bilgi."
    assert tags.one("og:url") == "http://testserver/hakkinda/"
    assert "og:image" not in tags.meta
    assert tags.one("twitter:card") == "summary"


def test_an_english_page_names_its_locale_and_english_url(homes, client):
    StandardPageFactory(
        parent=homes[1], title="About", slug="about", introduction="About the portal."
    )
    tags = head(client, "/en/about/")
    assert tags.one("og:locale") == "en_US"
    assert tags.one("og:locale:alternate") == "tr_TR"
    assert tags.one("og:url") == "http://testserver/en/about/"
    assert tags.one("og:description") == "About the portal."


def test_a_view_that_is_not_a_page_still_names_the_site_and_its_url(homes, client):
    tags = head(client, "/accounts/login/?next=/hakkinda/")
    assert tags.one("og:site_name") == "Bağımlılıkla Mücadele ve Sosyal Uyum Portalı"
    assert tags.one("og:title") == "Bağımlılıkla Mücadele ve Sosyal Uyum Portalı"
    assert tags.one("og:url") == "http://testserver/accounts/login/"


def test_every_page_points_to_the_campaign_feed_of_its_language(homes, client):
    feeds = [link for link in head(client, "/").links if link.get("type") == "application/rss+xml"]
    assert [link["href"] for link in feeds] == ["/kampanyalar/rss/"]
    assert [link["rel"] for link in feeds] == ["alternate"]
    feeds = [
        link for link in head(client, "/en/").links if link.get("type") == "application/rss+xml"
    ]
    assert [link["href"] for link in feeds] == ["/en/kampanyalar/rss/"]


# --- Share links ----------------------------------------------------------------------------

SHARE_URL = "https://portal.example/kampanyalar/yaz?utm=a&b=ç"
SHARE_TEXT = "Çağrı & #isteSENyeter: 100% birlikte"


def test_share_links_carry_the_url_and_text_encoded_for_each_network():
    targets = {target["key"]: target["href"] for target in share_targets(SHARE_URL, SHARE_TEXT)}
    assert set(targets) == {"x", "facebook", "whatsapp", "linkedin", "telegram", "email"}
    expected = {
        "x": ("x.com", {"text": SHARE_TEXT, "url": SHARE_URL}),
        "facebook": ("www.facebook.com", {"u": SHARE_URL}),
        "whatsapp": ("wa.me", {"text": f"{SHARE_TEXT} {SHARE_URL}"}),
        "linkedin": ("www.linkedin.com", {"url": SHARE_URL}),
        "telegram": ("t.me", {"url": SHARE_URL, "text": SHARE_TEXT}),
    }
    for key, (host, params) in expected.items():
        parts = urlsplit(targets[key])
        assert parts.scheme == "https"
        assert parts.netloc == host
        assert {name: values[0] for name, values in parse_qs(parts.query).items()} == params
    # Nothing unencoded: a "&" or "#" in the text must not end the parameter or the URL.
    assert "&b=" not in targets["x"]
    assert "#" not in targets["x"]
    assert "%C3%87a%C4%9Fr%C4%B1%20%26%20%23isteSENyeter" in targets["x"]


def test_the_mail_link_uses_percent_encoding_not_plus_signs():
    mail = next(t["href"] for t in share_targets(SHARE_URL, SHARE_TEXT) if t["key"] == "email")
    assert mail.startswith("mailto:?subject=")
    assert "+" not in mail
    assert "subject=%C3%87a%C4%9Fr%C4%B1%20%26%20%23isteSENyeter%3A%20100%25%20birlikte" in mail
    assert parse_qs(urlsplit(mail).query)["body"] == [f"{SHARE_TEXT} {SHARE_URL}"]


def test_share_links_are_plain_links_with_labels_and_no_scripts():
    html = Template("{% load share_tags %}{% share_links url text %}").render(
        Context({"url": SHARE_URL, "text": SHARE_TEXT})
    )
    assert "<h2" in html and "Paylaş</h2>" in html
    assert "X'te paylaş" in html or "X&#x27;te paylaş" in html
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    parser = HeadTags("")
    anchors = []
    parser.handle_starttag = lambda tag, attrs: anchors.append(dict(attrs)) if tag == "a" else None
    parser.feed(html)
    assert len(anchors) == 6
    for anchor in anchors:
        if anchor["href"].startswith("mailto:"):
            assert "target" not in anchor
        else:
            assert anchor["href"].startswith("https://")
            assert anchor["rel"] == "noopener noreferrer"
            assert anchor["target"] == "_blank"
    x = next(a for a in anchors if a["href"].startswith("https://x.com/"))
    assert x["href"] == share_targets(SHARE_URL, SHARE_TEXT)[0]["href"]
