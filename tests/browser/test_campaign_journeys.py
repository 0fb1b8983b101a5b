"""Campaign journeys in headless Chromium: reading on a phone, copying the kit, joining,
following without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.models import CampaignFollower

pytestmark = pytest.mark.browser

PASSWORD = re.compile(r"^Parola")
CAMPAIGN = "/kampanyalar/istesenyeter/"


DEMO_PASSWORD = "demo-parola-2026"


def sign_in(page, base_url, email, password=DEMO_PASSWORD):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label(PASSWORD).fill(password)
    page.get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hesabım")


def test_a_visitor_reads_the_campaign_on_a_phone_and_a_member_copies_a_message(demo_site, browser):
    base = demo_site.url
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    phone = context.new_page()

    phone.goto(base + "/kampanyalar/")
    phone.get_by_role("link", name="isteSENyeter").first.click()
    expect(phone).to_have_url(base + CAMPAIGN)
    expect(phone.get_by_role("heading", level=1)).to_have_text("isteSENyeter")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # The FAQ opens without any script of ours: it is a native disclosure.
    question = phone.get_by_text("Kurumum kampanyaya nasıl katılır?")
    answer = phone.get_by_text("adına katıl” düğmesine basın", exact=False)
    expect(answer).to_be_hidden()
    question.click()
    expect(answer).to_be_visible()

    # The nearest counselling unit, by province.
    phone.get_by_label("Size en yakın Bağımlılık Danışma Birimi için ilinizi seçin").select_option(
        label="İstanbul"
    )
    phone.get_by_role("button", name="Birimleri göster").click()
    expect(phone.get_by_text("Kadıköy Bağımlılık Danışma Birimi")).to_be_visible()

    # Visitors read the kit; the one-click copy is for NGO members.
    expect(phone.get_by_text("#isteSENyeter").first).to_be_visible()
    expect(phone.get_by_role("button", name=re.compile("^Metni kopyala"))).to_have_count(0)

    sign_in(phone, base, "ngo@demo.example")
    phone.goto(base + CAMPAIGN + "#mesaj-kiti")
    copy = phone.get_by_role("button", name="Metni kopyala: X (Twitter)")
    copy.click()
    expect(copy).to_have_text("Kopyalandı")
    expect(phone.get_by_role("status").filter(has_text="Kopyalandı")).to_have_count(1)
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Bağımlılıkla mücadelede tek ses olalım.")
    assert copied.endswith("#isteSENyeter")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_an_ngo_member_joins_the_campaign_and_leaves_it(demo_site, page):
    base = demo_site.url
    sign_in(page, base, "ngo@demo.example")
    page.goto(base + CAMPAIGN)
    participation = page.locator("#katilim")
    expect(participation).to_contain_text("1 akredite kuruluş kampanyaya katıldı.")
    # The member's other organisation is not accredited, and the page says why it cannot join.
    expect(participation).to_contain_text("akredite olmadığı için kampanyalara katılamaz")

    page.get_by_role("button", name="Umut Işığı Derneği adına katıl").click()
    expect(page.get_by_text("Umut Işığı Derneği kampanyaya katıldı. Teşekkürler!")).to_be_visible()
    expect(participation).to_contain_text("2 akredite kuruluş kampanyaya katıldı.")
    # The campaign's body lists the joined organisations (its "participating NGOs" block).
    listed = page.locator(".participating-block")
    expect(listed.get_by_role("link", name="Umut Işığı Derneği")).to_be_visible()

    page.get_by_role("button", name="Umut Işığı Derneği adına ayrıl").click()
    expect(participation).to_contain_text("1 akredite kuruluş kampanyaya katıldı.")
    expect(listed.get_by_role("link", name="Umut Işığı Derneği")).to_have_count(0)


def test_a_visitor_follows_the_campaign_without_javascript(demo_site, no_js):
    base = demo_site.url
    mail.outbox = []
    no_js.goto(base + CAMPAIGN)
    email = no_js.get_by_label(re.compile("^E-posta adresiniz"))
    email.fill("ayse(at)example.org")
    no_js.get_by_role("button", name="Takip et").click()
    expect(no_js.get_by_role("alert")).to_contain_text("Geçerli bir e-posta adresi yazın")
    expect(no_js.get_by_label(re.compile("^E-posta adresiniz"))).to_have_value(
        "ayse(at)example.org"
    )

    no_js.get_by_label(re.compile("^E-posta adresiniz")).fill("ayse@example.org")
    no_js.get_by_label(re.compile("açık rıza veriyorum")).check()
    no_js.get_by_role("button", name="Takip et").click()
    expect(no_js.get_by_text("Onay e-postası gönderildi.", exact=False)).to_be_visible()

    # Mails carry the site's configured address; the live server runs elsewhere.
    path = re.search(r"https?://[^/\s]+(/\S+/confirm/)", mail.outbox[-1].body).group(1)
    no_js.goto(base + path)
    no_js.get_by_role("button", name="Takibi onayla").click()
    expect(no_js.get_by_role("heading", level=1)).to_have_text("Takip onaylandı")
    follower = CampaignFollower.objects.get(email="ayse@example.org")
    assert follower.status == CampaignFollower.Status.CONFIRMED


def test_an_editor_sees_live_character_counts_in_the_message_kit(demo_site, page):
    from home.models import CampaignPage

    campaign = CampaignPage.objects.get(slug="istesenyeter", locale__language_code="tr")
    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_label("E-posta").fill("editor@demo.example")
    page.get_by_label(PASSWORD).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Giriş yap").click()
    page.goto(demo_site.url + f"/admin/pages/{campaign.pk}/edit/")
    counter = page.locator("#id_messages-0-text-count")
    expect(counter).to_have_text(f"{len(campaign.messages.first().text)} / 280 karakter")
    page.locator('textarea[name="messages-0-text"]').fill("a" * 300)
    expect(counter).to_have_text("300 / 280 karakter · 20 karakter fazla")
