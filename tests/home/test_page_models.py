import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.factories import HomePageFactory, StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_an_empty_slug_is_made_from_the_title_keeping_dotless_i_as_i():
    home = HomePageFactory()
    page = StandardPageFactory(parent=home, title="Çankırı İl Koordinasyon Toplantısı", slug="")
    assert page.slug == "cankiri-il-koordinasyon-toplantisi"


def test_slugs_stay_unique_among_siblings():
    home = HomePageFactory()
    first = StandardPageFactory(parent=home, title="Iğdır", slug="")
    second = StandardPageFactory(parent=home, title="İğdır", slug="")
    assert first.slug == "igdir"
    assert second.slug == "igdir-2"


def test_standard_pages_go_only_under_the_home_page_or_each_other():
    home = HomePageFactory()
    assert StandardPage.can_exist_under(home)
    assert StandardPage.can_exist_under(StandardPageFactory(parent=home))
    assert not StandardPage.can_exist_under(Page.get_first_root_node())


def test_a_page_without_a_title_is_refused():
    home = HomePageFactory()
    with pytest.raises(ValidationError):
        StandardPageFactory(parent=home, title="", slug="bos")
