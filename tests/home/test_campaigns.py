"""Campaign pages: tree rules, blocks, filters, the message kit and its limits."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.factories import UserFactory
from core.models import AddictionType, Province, SupportUnit, TargetGroup, WorkingArea
from home.blocks import video_embed
from home.factories import CampaignPageFactory, HomePageFactory, StandardPageFactory
from home.models import (
    CampaignIndexPage,
    CampaignMessage,
    CampaignPage,
    HomePage,
    LanguageGuidePage,
    StandardPage,
)

pytestmark = pytest.mark.django_db


# --- Page tree ---------------------------------------------------------------------------------


def test_campaign_pages_live_only_under_the_campaign_index(site_home, campaign_index):
    assert CampaignIndexPage.can_exist_under(site_home)
    assert not CampaignIndexPage.can_exist_under(campaign_index)
    assert CampaignPage.can_exist_under(campaign_index)
    assert not CampaignPage.can_exist_under(site_home)
    assert not StandardPage.can_exist_under(campaign_index)


def test_one_campaign_index_per_home_page(site_home, campaign_index):
    assert not CampaignIndexPage.can_create_at(site_home)
    other_home = HomePageFactory(title="Home", slug="home-2")
    assert CampaignIndexPage.can_create_at(other_home)


def test_language_guides_go_under_the_home_page_or_a_standard_page(site_home):
    assert LanguageGuidePage.can_exist_under(site_home)
    assert LanguageGuidePage.can_exist_under(StandardPageFactory(parent=site_home))
    assert not LanguageGuidePage.can_exist_under(Page.get_first_root_node())
    assert "home.LanguageGuidePage" in HomePage.subpage_types


# --- Blocks ------------------------------------------------------------------------------------


def _every_block(document, image) -> list:
    return [
        ("heading", {"text": "Ortak dil", "level": "h2"}),
        ("paragraph", "<p>Kampanya metni.</p>"),
        ("quote", {"quote": "Başarabilirsin isteSENyeter", "attribution": "Sonuç bildirgesi"}),
        ("key_figures", [{"number": "96", "label": "katılımcı", "source": "Sonuç Raporu, 2018"}]),
        (
            "image",
            {
                "image": {"image": image, "alt_text": "Afiş", "decorative": False},
                "caption": "Kampanya afişi",
                "credit": "Portal",
            },
        ),
        ("call_to_action", {"text": "Rehberi okuyun", "page": None, "url": "https://example.org/"}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=abcDEF12345",
                "title": "Tanıtım filmi",
                "caption": "Kısa film",
                "transcript": "Merhaba, istersen yeter.",
            },
        ),
        (
            "faq",
            {
                "heading": "Sorular",
                "items": [{"question": "Nasıl katılırım?", "answer": "<p>Giriş yapın.</p>"}],
            },
        ),
        ("helpline", {"heading": "Destek almak için", "text": "İlk adım ALO 191."}),
        ("documents", {"heading": "Materyaller", "documents": [document]}),
        (
            "related_events",
            {
                "heading": "Etkinlikler",
                "extra": [
                    {
                        "title": "Çalıştay",
                        "date": dt.date(2018, 5, 14),
                        "place": "İstanbul",
                        "url": "",
                    }
                ],
            },
        ),
        ("organisations", {"heading": "Katılan STK'lar"}),
    ]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Afiş", file=get_test_image_file())
    document = Document(title="Mesaj kiti rehberi")
    document.file.save("rehber.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document, image


def test_every_campaign_block_renders(client, campaign_index, media, organisation, member):
    document, image = media
    page = CampaignPageFactory(parent=campaign_index, body=_every_block(document, image))
    from home.services import pledge_join

    pledge_join(campaign=page, organisation=organisation, by=member)
    SupportUnit.objects.create(
        name="Kadıköy Bağımlılık Danışma Birimi", province=Province.objects.get(code=34)
    )

    html = client.get(page.url + "?il=34").content.decode()

    assert "<h2>Ortak dil</h2>" in html or ">Ortak dil</h2>" in html
    assert "Kampanya metni." in html
    assert "Başarabilirsin isteSENyeter" in html
    assert "Sonuç Raporu, 2018" in html
    assert "Kampanya afişi" in html and "Portal" in html
    assert 'href="https://example.org/"' in html
    # The video is a local placeholder with a link; nothing loads from the provider.
    assert "<iframe" not in html
    assert "youtube-nocookie.com/embed/abcDEF12345" in html  # only as data for the click
    assert 'href="https://www.youtube.com/watch?v=abcDEF12345"' in html
    assert "Merhaba, istersen yeter." in html
    # The FAQ is a native disclosure: it opens without JavaScript.
    assert re.search(r"<details class=\"faq__item\">\s*<summary[^>]*>Nasıl katılırım\?", html)
    assert 'href="tel:191"' in html
    assert "Kadıköy Bağımlılık Danışma Birimi" in html
    assert "rehber.pdf" in html or document.url in html
    assert "Çalıştay" in html and "14 Mayıs 2018" in html
    assert "Umut Işığı Derneği" in html


def test_the_helpline_block_says_when_a_province_has_no_unit_listed(client, campaign_index):
    page = CampaignPageFactory(
        parent=campaign_index, body=[("helpline", {"heading": "Destek", "text": ""})]
    )
    html = client.get(page.url + "?il=76").content.decode()
    assert "Iğdır için portalda kayıtlı bir birim yok" in html
    assert client.get(page.url + "?il=999").status_code == 200
    assert client.get(page.url + "?il=abc").status_code == 200


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://youtu.be/abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://www.youtube.com/shorts/abcDEF12345",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
        ),
        (
            "https://vimeo.com/123456789",
            "https://player.vimeo.com/video/123456789?autoplay=1&dnt=1",
        ),
        ("https://example.org/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_video_addresses_become_privacy_friendly_embeds(url, expected):
    result = video_embed(url)
    assert (result[1] if result else None) == expected


def test_a_video_block_with_an_unknown_address_explains_itself():
    from home.blocks import VideoBlock

    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"url": "https://example.org/film", "title": "Film"}))
    assert "YouTube ya da Vimeo" in str(error.value.block_errors["url"])


# --- The list and its filters -----------------------------------------------------------------


def _titles(response) -> list[str]:
    return re.findall(
        r'campaign-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_the_list_groups_active_upcoming_and_past_campaigns(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Geçmiş", days=(-60, -30))
    CampaignPageFactory(parent=campaign_index, title="Süren", days=(-1, 10))
    CampaignPageFactory(parent=campaign_index, title="Yaklaşan", days=(5, 20))
    CampaignPageFactory(parent=campaign_index, title="Taslak", publish=False)

    response = client.get(campaign_index.url)

    assert _titles(response) == ["Süren", "Yaklaşan", "Geçmiş"]
    html = response.content.decode()
    assert html.index(">Süren</h2>") < html.index(">Yaklaşan</h2>") < html.index(">Geçmiş</h2>")


def test_filters_by_taxonomy_phase_and_province(client, campaign_index):
    youth = TargetGroup.objects.get(slug="ergenler-ve-gencler")
    tobacco = AddictionType.objects.get(slug="tutun")
    prevention = WorkingArea.objects.get(slug="koruyucu-ve-onleyici-hizmetler")
    izmir = Province.objects.get(code=35)
    a = CampaignPageFactory(parent=campaign_index, title="Dumansız Kampüs", nationwide=False)
    a.provinces.set([izmir])
    a.target_groups.set([youth])
    a.addiction_types.set([tobacco])
    a.working_areas.set([prevention])
    a.save_revision().publish()
    CampaignPageFactory(parent=campaign_index, title="Ulusal", nationwide=True)
    b = CampaignPageFactory(parent=campaign_index, title="Iğdır'da", nationwide=False)
    b.provinces.set([Province.objects.get(code=76)])
    b.save_revision().publish()
    CampaignPageFactory(parent=campaign_index, title="Biten", days=(-40, -20))

    url = campaign_index.url
    assert _titles(client.get(url, {"target_group": "ergenler-ve-gencler"})) == ["Dumansız Kampüs"]
    assert _titles(client.get(url, {"addiction_type": "tutun"})) == ["Dumansız Kampüs"]
    assert _titles(client.get(url, {"working_area": prevention.slug})) == ["Dumansız Kampüs"]
    # A nationwide campaign reaches every province.
    assert sorted(_titles(client.get(url, {"province": 35}))) == [
        "Biten",
        "Dumansız Kampüs",
        "Ulusal",
    ]
    assert _titles(client.get(url, {"phase": "past"})) == ["Biten"]
    assert "Biten" not in _titles(client.get(url, {"phase": "active"}))


def test_filter_urls_are_shareable_and_pages_keep_the_filters(client, campaign_index):
    for number in range(CampaignIndexPage.PAGE_SIZE + 2):
        CampaignPageFactory(parent=campaign_index, title=f"Kampanya {number:02d}")
    html = client.get(campaign_index.url, {"phase": "active"}).content.decode()
    assert 'href="?phase=active&amp;page=2"' in html
    second = client.get(campaign_index.url, {"phase": "active", "page": 2})
    assert len(_titles(second)) == 2


def test_bad_filter_values_do_not_break_the_list(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Süren")
    for params in (
        {"province": "zz"},
        {"province": "9" * 30},
        {"phase": "yesterday"},
        {"page": "abc"},
        {"page": "999"},
        {"target_group": "<script>"},
    ):
        response = client.get(campaign_index.url, params)
        assert response.status_code == 200


def test_the_list_keeps_a_constant_number_of_queries(client, campaign_index, media):
    _document, image = media

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(campaign_index.url).status_code == 200
        return len(queries)

    def campaign_with_picture(**kwargs):
        CampaignPageFactory(
            parent=campaign_index, hero_image=image, hero_image_alt="Afiş", **kwargs
        )

    campaign_with_picture()
    count()  # warm the per-process caches (site, locales) and make the rendition
    few = count()
    for number in range(6):
        campaign_with_picture(days=(number - 10, number - 5))
    assert count() == few


def test_the_home_page_lists_current_campaigns(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="isteSENyeter")
    CampaignPageFactory(parent=campaign_index, title="Biten kampanya", days=(-40, -20))
    html = client.get("/").content.decode()
    assert "isteSENyeter" in html
    assert "Biten kampanya" not in html
    assert 'href="/kampanyalar/"' in html


# --- Message kit -------------------------------------------------------------------------------


def test_a_message_longer_than_its_channel_allows_is_refused_with_the_reason(campaign):
    message = CampaignMessage(page=campaign, channel="x", text="a" * 281)
    with pytest.raises(ValidationError) as error:
        message.full_clean()
    text = " ".join(error.value.message_dict["text"])
    assert "X (Twitter) için en fazla 280 karakter" in text
    assert "281 karakter" in text and "1 karakter kısaltın" in text
    CampaignMessage(page=campaign, channel="x", text="ğ" * 280).full_clean()


@pytest.fixture
def editor(db, settings):
    from core.factories import staff_user
    from core.models import StaffRole

    settings.PORTAL_STAFF_MFA_REQUIRED = False
    return staff_user(StaffRole.EDITOR, with_mfa=False)


def _edit_form_data(page, **overrides) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "slogan": page.slogan,
        "summary": page.summary,
        "hero_image_alt": "",
        "start_date": page.start_date.isoformat(),
        "end_date": page.end_date.isoformat(),
        "nationwide": "on",
        "body": streamfield([]),
        "hashtag": "#isteSENyeter",
        "publish_moment": "",
        "kit_note": "",
        "messages": inline_formset([{"channel": "x", "text": "Kısa mesaj"}]),
        "visuals": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_the_editor_is_told_which_message_is_too_long_and_loses_nothing(client, editor, campaign):
    client.force_login(editor)
    long_text = "Bağımlılıkla mücadelede tek ses olalım. " * 8
    data = _edit_form_data(campaign, messages=inline_formset([{"channel": "x", "text": long_text}]))
    response = client.post(f"/admin/pages/{campaign.pk}/edit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "X (Twitter) için en fazla 280 karakter" in html
    assert long_text.strip()[:60] in html  # what was typed is still in the form
    assert not campaign.messages.exists()


def test_the_editor_saves_a_valid_kit_and_sees_live_counters(client, editor, campaign):
    client.force_login(editor)
    response = client.post(f"/admin/pages/{campaign.pk}/edit/", _edit_form_data(campaign))
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign.refresh_from_db()
    revision = campaign.get_latest_revision_as_object()
    assert [m.text for m in revision.messages.all()] == ["Kısa mesaj"]
    editor_html = client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    assert 'id="message-kit-limits"' in editor_html
    assert "message-kit-admin.js" in editor_html
    assert '"x": 280' in editor_html


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"end_date": "2020-01-01"}, "Bitiş tarihi başlangıç tarihinden önce olamaz."),
        ({"hashtag": "iste SEN yeter"}, "Etiket boşluk ya da noktalama içermeden yazılır"),
        ({"nationwide": ""}, "Kampanyanın yürütüldüğü illeri seçin"),
    ],
)
def test_campaign_form_errors_explain_themselves(
    client, editor, campaign, overrides, field_message
):
    client.force_login(editor)
    data = _edit_form_data(campaign)
    data.update(overrides)
    if overrides.get("nationwide") == "":
        data.pop("nationwide")
    response = client.post(f"/admin/pages/{campaign.pk}/edit/", data)
    assert response.status_code == 200
    assert field_message in response.content.decode()


def test_the_hashtag_is_stored_with_its_hash(client, editor, campaign):
    client.force_login(editor)
    data = _edit_form_data(campaign)
    data["hashtag"] = "isteSENyeter"
    client.post(f"/admin/pages/{campaign.pk}/edit/", data)
    campaign.refresh_from_db()
    assert campaign.get_latest_revision_as_object().hashtag == "#isteSENyeter"


def test_the_kit_shows_texts_counts_and_the_moment_in_turkiye_time(client, campaign):
    campaign.hashtag = "#isteSENyeter"
    campaign.publish_moment = timezone.make_aware(dt.datetime(2026, 12, 5, 20, 0))
    campaign.messages = [CampaignMessage(channel="x", text="Tek ses olalım. #isteSENyeter")]
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    assert "#isteSENyeter" in html
    assert "5 Aralık 2026, 20:00" in html and "(Türkiye saati)" in html
    assert "29 / 280 karakter" in html
    # Visitors read the texts; only NGO members get the one-click copy buttons.
    assert "data-copy-target" not in html


def test_ngo_members_get_a_copy_button_for_each_message(client, campaign, member, organisation):
    campaign.messages = [
        CampaignMessage(channel="x", text="Birinci"),
        CampaignMessage(channel="instagram", text="İkinci"),
    ]
    campaign.save_revision().publish()
    client.force_login(member)
    html = client.get(campaign.url).content.decode()
    assert html.count("data-copy-target=") == 2
    client.force_login(UserFactory())  # a signed-in person with no organisation
    assert "data-copy-target" not in client.get(campaign.url).content.decode()


def test_campaign_dates_give_its_phase(campaign_index):
    today = timezone.localdate()
    assert CampaignPageFactory(parent=campaign_index, days=(0, 0)).phase == "active"
    assert CampaignPageFactory(parent=campaign_index, days=(1, 3)).phase == "upcoming"
    assert CampaignPageFactory(parent=campaign_index, days=(-3, -1)).phase == "past"
    assert CampaignPage.objects.current().filter(end_date__lt=today).count() == 0


def test_the_campaign_page_has_plain_share_links_and_no_third_party_scripts(client, campaign):
    campaign.hashtag = "#isteSENyeter"
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    assert "https://twitter.com/intent/tweet?" in html or "https://x.com/intent/" in html
    assert "http%3A%2F%2Ftestserver%2Fkampanyalar%2Fistesenyeter%2F" in html
    assert "%23isteSENyeter" in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)
    assert not re.search(r"<(img|iframe)[^>]+src=\"https?://(?!testserver)", html)
