"""Site search: whole words and word starts, in the active language, with Turkish casing."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from home.demo import build_pages
from home.factories import StandardPageFactory
from home.views import search_terms

from .pages import add_campaign, add_campaign_index, build_homes

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes():
    return build_homes()


def result_titles(client, query, path="/search/", **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    return [item["title"] for item in response.context["items"]]


def test_the_start_of_a_word_finds_the_page(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Bağımlılığa karşı yaz kampanyası")
    assert result_titles(client, "kampan") == ["Bağımlılığa karşı yaz kampanyası"]
    assert result_titles(client, "bağım") == ["Bağımlılığa karşı yaz kampanyası"]
    assert result_titles(client, "yaz kamp") == ["Bağımlılığa karşı yaz kampanyası"]
    assert result_titles(client, "kampanyacı") == []


def test_a_whole_word_anywhere_on_the_page_finds_it(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Yaz buluşması", summary="Okul bahçelerinde spor ve sanat günleri.")
    assert result_titles(client, "bahçelerinde") == ["Yaz buluşması"]
    assert result_titles(client, "sanat spor") == ["Yaz buluşması"]
    assert result_titles(client, "sanat tiyatro") == []


def test_whole_word_matches_come_before_word_start_matches(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "İlkbahar şenliği", summary="Parklarda aile etkinlikleri.")
    add_campaign(index, "Okul programı", summary="İlk adım: öğretmenlerle tanışma.")
    assert result_titles(client, "ilk") == ["Okul programı", "İlkbahar şenliği"]


@pytest.mark.parametrize("query", ["İZMİR", "izmir", "İzmir", "izmİr"])
def test_turkish_capitals_find_the_same_pages(homes, client, query):
    StandardPageFactory(parent=homes[0], title="İzmir il buluşması", slug="izmir")
    assert result_titles(client, query) == ["İzmir il buluşması"]


@pytest.mark.parametrize("query", ["IĞDIR", "ığdır", "Iğdır", "ığd"])
def test_dotless_i_finds_a_name_that_starts_with_capital_i(homes, client, query):
    StandardPageFactory(parent=homes[0], title="Iğdır sosyal hizmet rehberi", slug="igdir")
    assert result_titles(client, query) == ["Iğdır sosyal hizmet rehberi"]


def test_lower_case_finds_a_title_in_capitals(homes, client):
    StandardPageFactory(parent=homes[0], title="BAĞIMLILIK HAFTASI", slug="hafta")
    assert result_titles(client, "bağımlılık") == ["BAĞIMLILIK HAFTASI"]
    assert result_titles(client, "Bağımlılık haftası") == ["BAĞIMLILIK HAFTASI"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Turkish stemming is PostgreSQL's")
def test_on_postgresql_other_forms_of_a_turkish_word_find_it(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Okul haftası", summary="Gençlerle bağımlılığa karşı kampanyalarda.")
    assert result_titles(client, "kampanya") == ["Okul haftası"]
    assert result_titles(client, "bağımlılık genç") == ["Okul haftası"]


def test_queries_are_lower_cased_the_way_their_language_does_it():
    assert search_terms("İZMİR'de BAĞIMLILIK", "tr") == ["izmir", "de", "bağımlılık"]
    assert search_terms("INFORMATION İzmir", "en") == ["information", "izmir"]
    assert search_terms("\"%*:() '", "tr") == []


def test_each_language_searches_its_own_pages(homes, client):
    home, home_en = homes
    index = add_campaign_index(home)
    index_en = add_campaign_index(home_en, title="Announcements", slug="announcements")
    add_campaign(index, "Kampanya günleri", summary="Sahada birlikte.")
    add_campaign(index_en, "Campaign days", summary="Kampanya together in the field.")
    assert result_titles(client, "kampanya") == ["Kampanya günleri"]
    assert result_titles(client, "campaign") == []
    assert result_titles(client, "campaign", path="/en/search/") == ["Campaign days"]
    assert result_titles(client, "günleri", path="/en/search/") == []


def test_drafts_and_restricted_pages_are_not_found(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Taslak kampanya", publish_now=False)
    secret = StandardPageFactory(parent=homes[0], title="Gizli kampanya notları", slug="gizli")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="parola-12345"
    )
    add_campaign(index, "Yayındaki kampanya")
    assert result_titles(client, "kampanya") == ["Yayındaki kampanya"]


def test_results_show_the_kind_of_page_and_a_short_text(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Aile günleri", summary="Ailelerle birlikte bir hafta sonu.")
    StandardPageFactory(
        parent=homes[0],
        title="Aile danışmanlığı",
        slug="aile",
        search_description="Aile danışmanlığına nereden ulaşılır.",
    )
    content = client.get("/search/", {"q": "aile"}).content.decode()
    results = content.split('class="search-results"')[1]
    assert '<span class="badge">Kampanya</span>' in results
    assert '<span class="badge">Sayfa</span>' in results
    assert "Ailelerle birlikte bir hafta sonu." in results
    assert "Aile danışmanlığına nereden ulaşılır." in results
    assert 'href="/duyurular/aile-gunleri/"' in results


def test_results_are_paginated_and_the_query_stays_in_the_box(homes, client):
    for number in range(12):
        StandardPageFactory(parent=homes[0], title=f"Gönüllü duyurusu {number}", slug="")
    first = client.get("/search/", {"q": "gönüllü"})
    assert len(first.context["items"]) == 10
    content = first.content.decode()
    assert 'value="gönüllü"' in content
    assert "12 sonuç bulundu" in content
    assert 'href="?q=g%C3%B6n%C3%BCll%C3%BC&amp;page=2"' in content
    second = client.get("/search/", {"q": "gönüllü", "page": "2"})
    assert len(second.context["items"]) == 2
    titles = {item["title"] for item in first.context["items"] + second.context["items"]}
    assert len(titles) == 12


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("x" * 1000, "1"),
        ("%", "1"),
        ("100%", "1"),
        ('"kampanya', "1"),
        ("'; DROP TABLE wagtailcore_page; --", "1"),
        ("kampanya*", "1"),
        ("NEAR(kampanya yaz)", "1"),
        ("kampanya AND OR NOT", "1"),
        ("ve", "1"),
        ("a:b & c | !d <-> e", "1"),
        ("\\", "1"),
        ("kampanya", "abc"),
        ("kampanya", "99999"),
        ("kampanya", "-1"),
    ],
)
def test_odd_input_gets_a_page_not_an_error(homes, client, query, page):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Yaz kampanyası")
    response = client.get("/search/", {"q": query, "page": page})
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_odd_characters_around_a_word_still_find_it(homes, client):
    index = add_campaign_index(homes[0])
    add_campaign(index, "Yaz kampanyası")
    assert result_titles(client, '"kampanyası"') == ["Yaz kampanyası"]
    assert result_titles(client, "%kampan%") == ["Yaz kampanyası"]


def test_demo_pages_are_searchable_without_rebuilding_the_index(settings, client):
    build_pages()
    content = client.get("/search/", {"q": "aydın"}).content.decode()
    assert 'href="/aydinlatma-metni/"' in content.split('class="search-results"')[1]
    content = client.get("/en/search/", {"q": "priv"}).content.decode()
    assert 'href="/en/privacy-notice/"' in content.split('class="search-results"')[1]
