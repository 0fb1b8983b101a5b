import pytest
from django.db import transaction
from django.test import override_settings

from home.demo import build_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _pages_once(django_db_setup, django_db_blocker):
    """The demo's public site only (these tests read pages, not people or organisations),
    built once for the module inside a transaction rolled back at the end; each test runs in
    a savepoint within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_pages()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_pages_once, db):
    pass


def test_home_page_in_turkish_by_default(demo, client):
    content = client.get("/").content.decode()
    assert '<html lang="tr"' in content
    assert "Bağımlılıkla mücadelede birlikte daha güçlüyüz" in content
    assert "ALO 191" in content
    assert 'name="description"' in content
    assert "45.573" in content


def test_home_page_in_english_under_the_en_prefix(demo, client):
    content = client.get("/en/").content.decode()
    assert '<html lang="en"' in content
    assert "Together we are stronger against addiction" in content
    assert "Current campaigns" in content


def test_home_sections_list_current_campaigns_and_note_empty_ones(demo, client):
    content = client.get("/").content.decode()
    assert "Güncel kampanyalar" in content
    assert 'href="/kampanyalar/istesenyeter/"' in content
    assert "Dumansız Kampüs" not in content  # over
    assert "Yaklaşan etkinlik henüz yok." in content


def test_language_links_point_to_the_same_page_in_the_other_language(demo, client):
    content = client.get("/hakkinda/").content.decode()
    assert 'href="/en/about/"' in content
    content = client.get("/en/about/").content.decode()
    assert 'href="/hakkinda/"' in content


def test_language_links_on_a_non_page_view_keep_the_view(demo, client):
    content = client.get("/accounts/login/").content.decode()
    assert 'href="/en/accounts/login/"' in content


def test_sitemap_lists_pages_in_both_languages(demo, client):
    content = client.get("/sitemap.xml").content.decode()
    assert "/hakkinda/" in content
    assert "/en/about/" in content


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_accounts(client):
    content = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in content
    assert "Disallow: /admin/" in content


def test_unknown_page_gets_the_styled_404_in_the_visitors_language(demo, client):
    response = client.get("/boyle-bir-sayfa-yok/")
    assert response.status_code == 404
    assert "Sayfa bulunamadı" in response.content.decode()
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@override_settings(DEBUG=False)
def test_server_error_page_renders_without_the_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "ALO 191" in response.content.decode()


def test_search_finds_pages_in_the_active_language(demo, client):
    content = client.get("/search/", {"q": "aydınlatma"}).content.decode()
    assert 'class="search-results"' in content
    assert 'href="/aydinlatma-metni/"' in content.split('class="search-results"')[1]
    content = client.get("/en/search/", {"q": "privacy"}).content.decode()
    assert 'href="/en/privacy-notice/"' in content.split('class="search-results"')[1]
    response = client.get("/search/", {"q": "x" * 1000, "page": "abc"})
    assert response.status_code == 200
    assert 'class="search-results"' not in response.content.decode()


def test_page_queries_do_not_grow_with_the_number_of_pages(demo, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.factories import StandardPageFactory
    from home.models import HomePage

    client.get("/hakkinda/")
    with CaptureQueriesContext(connection) as before:
        client.get("/hakkinda/")
    home = HomePage.objects.get(locale__language_code="tr")
    for number in range(15):
        StandardPageFactory(parent=home, title=f"Duyuru {number}", slug="")
    with CaptureQueriesContext(connection) as after:
        client.get("/hakkinda/")
    assert len(after.captured_queries) == len(before.captured_queries)


def test_forbidden_pages_get_the_styled_403(demo, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from home.views import permission_denied

    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override("tr"):
        response = permission_denied(request)
    assert response.status_code == 403
    assert "Bu sayfaya erişim izniniz yok" in response.content.decode()
