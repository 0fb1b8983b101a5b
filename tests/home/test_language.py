"""The stigma-free language check: matching, page text, stored findings, the editor's warning,
the glossary in the admin and the report."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import UserFactory, staff_user
from core.models import StaffRole
from home.factories import HomePageFactory, StandardPageFactory
from home.language import check_page, find_terms, page_texts
from home.models import (
    CampaignMessage,
    CampaignPage,
    CampaignVisual,
    GlossaryTerm,
    PageLanguageCheck,
    StandardPage,
)

# The glossary the portal ships with (loaded by home's data migration).
TERMS = [
    (term["language"], term["term"], term["preferred"], term["reason"])
    for term in json.loads(
        (Path(settings.BASE_DIR) / "home" / "data" / "glossary.json").read_text(encoding="utf-8")
    )["terms"]
]

pytestmark = pytest.mark.django_db


def seed_terms() -> list[GlossaryTerm]:
    """The seed glossary as unsaved objects: matching tests do not depend on the database."""
    return [
        GlossaryTerm(term=term, language=language, preferred=preferred, reason=reason)
        for language, term, preferred, reason in TERMS
    ]


def matched(text: str, terms=None) -> list[tuple[str, str]]:
    return [
        (finding.term.term, finding.matched)
        for finding in find_terms(text, seed_terms() if terms is None else terms)
    ]


# --- Matching --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("bağımlılar", "bağımlı"),
        ("bağımlıların", "bağımlı"),
        ("bağımlıya", "bağımlı"),
        ("madde bağımlısı", "bağımlı"),
        ("bağımlısına", "bağımlı"),
        ("bağımlılarla", "bağımlı"),
        ("bağımlılardaki", "bağımlı"),
        ("bağımlıdır", "bağımlı"),
        ("bağımlıyken", "bağımlı"),
        ("bağımlı’ların", "bağımlı"),
        ("torbacılar", "torbacı"),
        ("torbacıya", "torbacı"),
        ("baronların", "baron"),
        ("uyuşturucu baronuyla", "baron"),
        ("keşler", "keş"),
        ("iki yıldır temiz", "temiz"),
        ("eski bağımlılar", "eski bağımlı"),
        ("tedavi görmüş bağımlıya", "tedavi görmüş bağımlı"),
        # Turkish capitals: I is the capital of ı, İ of i.
        ("BAĞIMLILAR", "bağımlı"),
        ("TORBACILARIN", "torbacı"),
        ("ESKİ BAĞIMLILAR", "eski bağımlı"),
        ("Keşlerin", "keş"),
    ],
)
def test_inflected_turkish_forms_are_found(text, term):
    assert [found for found, _form in matched(text)] == [term]


@pytest.mark.parametrize(
    "text",
    [
        "bağımlılık",
        "bağımlılığı",
        "bağımlılıkla",
        "BAĞIMLILIKLA",
        "keşif",
        "KEŞİF",
        "keşke",
        "baronluk",
        "temizlik",
        "temizledi",
        "Süzgeçleri temizle",
        "bağımlılıkla mücadele eden kişi",
    ],
)
def test_derivations_and_other_words_are_not_found(text):
    assert matched(text) == []


def test_the_match_keeps_the_original_spelling_and_an_excerpt():
    text = (
        "Bu program, yıllardır süren çalışmaların sonunda ESKİ BAĞIMLILARIN deneyimlerini "
        "gençlerle paylaşması için hazırlandı ve il il yaygınlaştırılacak."
    )
    [finding] = find_terms(text, seed_terms())
    assert finding.term.term == "eski bağımlı"
    assert finding.matched == "ESKİ BAĞIMLILARIN"
    assert "ESKİ BAĞIMLILARIN deneyimlerini" in finding.excerpt
    assert finding.excerpt.startswith("…") and finding.excerpt.endswith("…")
    assert len(finding.excerpt) < len(text)


def test_multi_word_terms_allow_any_whitespace_and_win_over_the_shorter_term():
    assert matched("tedavi\ngörmüş   bağımlılar") == [
        ("tedavi görmüş bağımlı", "tedavi\ngörmüş   bağımlılar")
    ]
    assert matched("eski\u00a0bağımlı") == [("eski bağımlı", "eski\u00a0bağımlı")]
    assert matched("eski dostlar") == []


def test_english_terms_take_english_endings_only():
    assert matched("Addicts and junkie's stories") == [
        ("addict", "Addicts"),
        ("junkie", "junkie's"),
    ]
    assert matched("ex-users meet; EX-ADDICT speaks; drug lords") == [
        ("ex-user", "ex-users"),
        ("ex-addict", "EX-ADDICT"),
        ("drug lord", "drug lords"),
    ]
    assert matched("addiction is addictive; the addicted; cleaning") == []
    # A Turkish sentence attaches its own endings to an English word after an apostrophe.
    assert matched("ex-user’lar") == [("ex-user", "ex-user’lar")]


def test_a_term_not_marked_inflected_matches_only_its_bare_form():
    terms = [GlossaryTerm(term="keş", language="tr", inflected=False, preferred="-", reason="-")]
    assert matched("keş", terms) == [("keş", "keş")]
    assert matched("keşler keşe", terms) == []


def test_a_quoted_mention_is_not_a_use():
    assert matched("“Bağımlı” sözcüğü yerine başka bir ifade seçin.") == []
    findings = find_terms("“Bağımlı” sözcüğü", seed_terms(), include_mentions=True)
    assert [finding.matched for finding in findings] == ["Bağımlı"]


def test_only_active_glossary_terms_are_used_by_default():
    assert [f.term.term for f in find_terms("keşler")] == ["keş"]
    GlossaryTerm.objects.filter(term="keş").update(is_active=False)
    assert find_terms("keşler") == []
    GlossaryTerm.objects.create(term="müptela", preferred="-", reason="-")
    assert [f.matched for f in find_terms("müptelalar")] == ["müptelalar"]


# --- Page text -------------------------------------------------------------------------------


@pytest.fixture
def home(db):
    return HomePageFactory()


def campaign_page(parent, **fields) -> CampaignPage:
    values = {
        "title": "Kampanya",
        "slogan": "Birlikte",
        "summary": "Kısa özet",
        "start_date": dt.date(2026, 1, 1),
        "end_date": dt.date(2026, 12, 31),
        **fields,
    }
    page = CampaignPage(**values)
    parent.add_child(instance=page)
    return page


def test_page_texts_cover_fields_rich_text_nested_blocks_and_inline_children(home):
    page = campaign_page(
        home,
        seo_title="Arama başlığı metni",
        slogan="Slogan metni",
        body=[
            ("heading", {"text": "Ara başlık metni", "level": "h2"}),
            ("paragraph", RichText("<p>Bir <b>paragraf</b></p><p>metni &amp; devamı</p>")),
            (
                "faq",
                {
                    "heading": "SSS",
                    "items": [{"question": "Soru metni", "answer": RichText("<p>Yanıt metni</p>")}],
                },
            ),
            ("key_figures", [{"number": "45", "label": "Sayı açıklaması", "source": ""}]),
        ],
    )
    page.messages = [
        CampaignMessage(channel="x", text="Birinci mesaj"),
        CampaignMessage(channel="bluesky", text="İkinci mesaj"),
    ]
    page.visuals = [CampaignVisual(title="Afiş adı", alt="Afişin metin karşılığı")]
    texts = dict(page_texts(page))
    assert texts["Sayfa başlığı"] == "Kampanya"
    assert texts["SEO başlığı"] == "Arama başlığı metni"
    assert texts["Slogan"] == "Slogan metni"
    assert texts["Gövde › Ara başlık › Başlık"] == "Ara başlık metni"
    assert texts["Gövde › Metin"] == "Bir paragraf metni & devamı"  # tags gone, words apart
    assert texts["Gövde › Sık sorulan sorular › Sorular › Soru"] == "Soru metni"
    assert texts["Gövde › Sık sorulan sorular › Sorular › Yanıt"] == "Yanıt metni"
    assert texts["Gövde › Önemli sayılar › Açıklama"] == "Sayı açıklaması"
    assert texts["Kanal mesajı 1 › Metin"] == "Birinci mesaj"
    assert texts["Kanal mesajı 2 › Metin"] == "İkinci mesaj"
    assert texts["Kit görseli 1 › Ad"] == "Afiş adı"
    assert texts["Kit görseli 1 › Metin karşılığı"] == "Afişin metin karşılığı"
    # The channel is a code, not prose; dates are not text.
    assert "x" not in texts.values()


def test_check_page_reads_an_unsaved_revision_with_inline_messages(home):
    page = campaign_page(home)
    page.save_revision()
    draft = page.get_latest_revision_as_object()
    draft.messages = [CampaignMessage(channel="x", text="Torbacılara karşı birlikteyiz")]
    draft.save_revision()
    page.refresh_from_db()
    findings = check_page(page.get_latest_revision_as_object())
    assert [(f.term.term, f.field) for f in findings] == [("torbacı", "Kanal mesajı 1 › Metin")]


# --- Stored findings -------------------------------------------------------------------------


def test_check_page_stores_findings_and_a_clean_page_keeps_a_zero_row(home):
    page = StandardPageFactory(
        parent=home,
        title="Torbacılar hakkında",
        body=[("paragraph", RichText("<p>Bağımlılara destek</p>"))],
    )
    check = PageLanguageCheck.objects.get(page=page)  # publishing checked it already
    assert check.finding_count == 2
    assert [(f["term"], f["field"], f["matched"]) for f in check.findings] == [
        ("torbacı", "Sayfa başlığı", "Torbacılar"),
        ("bağımlı", "Gövde › Metin", "Bağımlılara"),
    ]
    assert check.findings[0]["preferred"] == "uyuşturucu satıcısı"
    assert check.findings[1]["reason"].startswith("Kişiyi tek bir özelliğine")
    assert check.findings[1]["excerpt"] == "Bağımlılara destek"

    page.title = "Uyuşturucu satıcılarına karşı"
    page.body = [("paragraph", RichText("<p>Bağımlılıkla mücadele eden kişilere destek</p>"))]
    assert check_page(page) == []
    check.refresh_from_db()
    assert (check.finding_count, check.findings) == (0, [])


def test_the_command_rechecks_every_page_after_the_glossary_changes(home):
    page = StandardPageFactory(parent=home, introduction="Müptelalar için destek")
    assert PageLanguageCheck.objects.get(page=page).finding_count == 0
    GlossaryTerm.objects.create(term="müptela", preferred="kişi", reason="Damgalar.")
    out = io.StringIO()
    call_command("check_language", stdout=out)
    assert "1 pages with findings, 1 findings in all" in out.getvalue()
    check = PageLanguageCheck.objects.get(page=page)
    assert check.finding_count == 1
    assert check.findings[0]["term"] == "müptela"


# --- The editor's warning --------------------------------------------------------------------


@pytest.fixture
def editor(db, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = False
    return staff_user(StaffRole.EDITOR, with_mfa=False)


def standard_page_form(page, **fields) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


def test_saving_a_page_in_the_admin_warns_about_terms_and_still_saves(client, editor, home):
    page = StandardPageFactory(parent=home, title="Destek", slug="destek")
    client.force_login(editor)
    data = standard_page_form(
        page,
        introduction="Bağımlılar ve <b>torbacılar</b> üzerine bir yazı.",
        body=streamfield([("paragraph", rich_text("<p>Bağımlılar için</p>"))]),
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302  # saved, not held back
    warnings = [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    text = str(warnings[0].message)
    assert text.startswith("Dil denetimi (3 bulgu)")
    assert "“Bağımlılar” (Giriş; Gövde › Metin) yerine “bağımlılıkla mücadele eden kişi" in text
    assert "“torbacılar” (Giriş) yerine “uyuşturucu satıcısı”" in text

    # The draft was saved as written, and the report's row follows it.
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.introduction == "Bağımlılar ve <b>torbacılar</b> üzerine bir yazı."
    assert PageLanguageCheck.objects.get(page=page).finding_count == 3

    # The warning is shown on the edit page the editor is sent back to.
    content = client.get(response.url).content.decode()
    assert "Dil denetimi (3 bulgu)" in content


def test_a_clean_save_gives_no_warning_and_clears_the_findings(client, editor, home):
    page = StandardPageFactory(parent=home, title="Torbacılar", slug="destek")
    assert PageLanguageCheck.objects.get(page=page).finding_count == 1
    client.force_login(editor)
    data = standard_page_form(page, title="Uyuşturucu satıcıları")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert PageLanguageCheck.objects.get(page=page).finding_count == 0


def test_creating_a_page_in_the_admin_warns_too(client, editor, home):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = standard_page_form(
        StandardPage(title="Keşler", slug="yeni-sayfa"), introduction="Giriş metni"
    )
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    page = StandardPage.objects.get(slug="yeni-sayfa")
    assert "Dil denetimi (1 bulgu)" in response.content.decode()
    assert PageLanguageCheck.objects.get(page=page).findings[0]["term"] == "keş"


# --- The glossary in the admin ---------------------------------------------------------------


def test_an_editor_adds_a_glossary_term_stored_as_it_is_matched(client, editor):
    client.force_login(editor)
    assert client.get(reverse("glossaryterm:index")).status_code == 200
    assert client.get(reverse("glossaryterm:add")).status_code == 200
    response = client.post(
        reverse("glossaryterm:add"),
        {
            "term": "  MÜPTELA ",
            "language": "tr",
            "inflected": "on",
            "preferred": "madde kullanım sorunu yaşayan kişi",
            "reason": "Kişiyi damgalar.",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(term="müptela")
    assert term.inflected and term.is_active
    content = client.get(reverse("glossaryterm:index"), {"q": "müptela"}).content.decode()
    assert "müptela" in content


def test_a_reviewer_reads_the_glossary_but_cannot_change_it(client, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = False
    client.force_login(staff_user(StaffRole.REVIEWER, 34, with_mfa=False))
    assert client.get(reverse("glossaryterm:index")).status_code == 200
    term = GlossaryTerm.objects.get(term="keş")
    assert client.get(reverse("glossaryterm:add")).status_code in (302, 403)
    assert client.get(reverse("glossaryterm:edit", args=[term.pk])).status_code in (302, 403)
    response = client.post(
        reverse("glossaryterm:edit", args=[term.pk]),
        {"term": "keş", "language": "tr", "preferred": "x", "reason": "x", "is_active": ""},
    )
    assert response.status_code in (302, 403)
    term.refresh_from_db()
    assert term.is_active and term.preferred != "x"


def test_people_without_a_staff_role_do_not_reach_the_glossary(client, person):
    client.force_login(person)
    assert client.get(reverse("glossaryterm:index")).status_code == 302


# --- The report ------------------------------------------------------------------------------


def test_the_report_lists_pages_with_findings_and_not_clean_ones(client, editor, home):
    flagged = StandardPageFactory(parent=home, title="Torbacılarla mücadele", slug="a")
    StandardPageFactory(parent=home, title="Uyuşturucu satıcılarıyla mücadele", slug="b")
    client.force_login(editor)
    content = client.get(reverse("home_language_report")).content.decode()
    assert "Torbacılarla mücadele" in content
    assert reverse("wagtailadmin_pages:edit", args=[flagged.pk]) in content
    assert "“torbacı”" in content
    assert "Uyuşturucu satıcılarıyla mücadele" not in content
    assert "Dil denetimi raporu" in client.get("/admin/").content.decode()

    csv = b"".join(client.get(reverse("home_language_report"), {"export": "csv"})).decode()
    assert "Torbacılarla mücadele" in csv and "torbacı (1)" in csv


def test_the_report_is_refused_to_people_who_do_not_write_pages(client, settings, person, home):
    settings.PORTAL_STAFF_MFA_REQUIRED = False
    StandardPageFactory(parent=home, title="Torbacılar", slug="a")
    client.force_login(person)
    response = client.get(reverse("home_language_report"))
    assert response.status_code == 302
    assert "Torbacılar" not in response.content.decode()
    client.force_login(staff_user(StaffRole.REVIEWER, 34, with_mfa=False))
    response = client.get(reverse("home_language_report"))
    assert response.status_code in (302, 403)
    assert "Dil denetimi raporu" not in client.get("/admin/").content.decode()


def test_report_queries_do_not_grow_with_the_number_of_pages(client, editor, home):
    client.force_login(editor)
    for number in range(3):
        StandardPageFactory(parent=home, title=f"Torbacılar {number}", slug=f"a{number}")
    url = reverse("home_language_report")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(12):
        StandardPageFactory(
            parent=home,
            title=f"Keşler {number}",
            slug=f"b{number}",
            introduction="Eski bağımlılar",
        )
    with CaptureQueriesContext(connection) as after:
        content = client.get(url).content.decode()
    assert "Keşler 11" in content
    assert len(after.captured_queries) == len(before.captured_queries)


def test_publishing_outside_the_editor_refreshes_the_check(home):
    page = StandardPageFactory(parent=home, title="Destek", slug="destek")
    assert PageLanguageCheck.objects.get(page=page).finding_count == 0
    page.title = "Keşlere destek"
    page.save_revision().publish()
    assert PageLanguageCheck.objects.get(page=page).finding_count == 1
    assert Page.objects.get(pk=page.pk).language_check.findings[0]["term"] == "keş"


def test_the_warning_escapes_what_editors_wrote_in_the_glossary_and_the_page():
    from home.language_admin import findings_message

    term = GlossaryTerm(term="keş", language="tr", preferred="<em>kişi</em>", reason="-")
    message = findings_message(find_terms("Keşler", [term]))
    assert "&lt;em&gt;kişi&lt;/em&gt;" in message
    assert "<em>" not in message


def test_the_rules_refuse_people_without_a_staff_role(settings):
    from core.permissions import can
    from home import language_admin  # noqa: F401  (registers the rules)

    settings.PORTAL_STAFF_MFA_REQUIRED = False
    assert not can(UserFactory(), "language.report")
    assert not can(UserFactory(), "glossary.manage")
    assert can(staff_user(StaffRole.COORDINATOR, 34, with_mfa=False), "language.report")
    assert not can(staff_user(StaffRole.COORDINATOR, 34, with_mfa=False), "glossary.manage")


# --- The language guide's table --------------------------------------------------------------


def test_the_glossary_block_is_a_table_of_active_terms_with_headers():
    from home.blocks import GlossaryBlock

    GlossaryTerm.objects.filter(term="keş").update(is_active=False)
    block = GlossaryBlock()
    html = block.render(block.to_python({"heading": "Kullanmayalım, bunları kullanalım"}))
    assert '<h2 class="glossary__heading">Kullanmayalım, bunları kullanalım</h2>' in html
    assert "<caption" in html and html.count('scope="col"') == 3
    assert html.count('scope="row"') == GlossaryTerm.objects.active().count() == 12
    assert ">torbacı</span>" in html and "uyuşturucu satıcısı" in html
    assert "Argo bir sözcüktür" in html  # the reason, the "why" column
    assert ">keş</span>" not in html
    # Turkish terms come first for a Turkish reader; English ones are marked as English.
    assert html.index(">torbacı<") < html.index('lang="en">addict<')
