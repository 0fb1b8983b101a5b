"""Where events show before their own pages exist: the home page and their campaign."""

import pytest
from wagtail.models import Site

from events.factories import EventFactory
from events.models import Event
from home.factories import CampaignIndexPageFactory, CampaignPageFactory, HomePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def test_the_home_page_lists_upcoming_public_events_only(client, home):
    EventFactory(title="Kadıköy semineri", venue="Kadıköy Gençlik Merkezi")
    EventFactory(title="Taslak etkinlik", status=Event.Status.DRAFT)
    EventFactory(title="Davetli toplantı", audience=Event.Audience.INVITED)
    html = client.get("/").content.decode()
    assert "Kadıköy semineri" in html
    assert "Kadıköy Gençlik Merkezi, İstanbul" in html
    assert "Taslak etkinlik" not in html
    assert "Davetli toplantı" not in html
    assert "Yaklaşan etkinlik henüz yok." not in html


def test_a_campaign_lists_its_upcoming_events(client, home):
    campaign = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home),
        body=[("related_events", {"heading": "Etkinlikler", "extra": []})],
    )
    EventFactory(title="Kampanya semineri", campaign=campaign)
    EventFactory(title="Başka bir seminer")
    html = client.get(campaign.url).content.decode()
    assert "Kampanya semineri" in html
    assert "Başka bir seminer" not in html
