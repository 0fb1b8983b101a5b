import pytest
from wagtail.models import Locale, Page, Site

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory
from home.factories import CampaignIndexPageFactory, CampaignPageFactory, HomePageFactory


@pytest.fixture
def site_home(db):
    """A Turkish home page serving the default site, as in production."""
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk and old_root.depth > 1:
        Page.objects.filter(pk=old_root.pk).delete()
    return home


@pytest.fixture
def campaign_index(site_home):
    return CampaignIndexPageFactory(parent=site_home)


@pytest.fixture
def campaign(campaign_index):
    return CampaignPageFactory(parent=campaign_index, title="isteSENyeter", slug="istesenyeter")


@pytest.fixture
def member(db):
    return UserFactory(full_name="Murat Şahin")


@pytest.fixture
def organisation(member):
    return OrganisationFactory(accredited=True, owner=member, legal_name="Umut Işığı Derneği")


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]
