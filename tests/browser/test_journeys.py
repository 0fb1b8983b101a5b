"""Main journeys in headless Chromium against a live server."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.models import ConsentRecord, User

pytestmark = pytest.mark.browser

# Labels carry a "(zorunlu)" marker after the field name.
PASSWORD = re.compile(r"^Parola(?! \(tekrar)")
PASSWORD_AGAIN = re.compile(r"^Parola \(tekrar\)")


def test_home_page_in_turkish_then_english(demo_site, page):
    page.goto(demo_site.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bağımlılıkla mücadelede birlikte daha güçlüyüz"
    )
    expect(page.get_by_role("contentinfo")).to_contain_text("ALO 191")

    page.get_by_role("link", name="English").first.click()
    expect(page).to_have_url(demo_site.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Together we are stronger against addiction"
    )


def test_switching_language_keeps_the_page(demo_site, page):
    page.goto(demo_site.url + "/hakkinda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hakkında")
    page.get_by_role("link", name="English").first.click()
    expect(page).to_have_url(demo_site.url + "/en/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About")
    page.get_by_role("link", name="Türkçe").first.click()
    expect(page).to_have_url(demo_site.url + "/hakkinda/")

    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_role("link", name="English").first.click()
    expect(page).to_have_url(demo_site.url + "/en/accounts/login/")


def test_sign_up_verify_the_email_and_sign_in(demo_site, page):
    mail.outbox = []
    page.goto(demo_site.url + "/accounts/signup/")
    page.get_by_label("Ad soyad").fill("Çağrı Işık")
    page.get_by_label("E-posta", exact=False).first.fill("cagri.isik@example.org")
    page.get_by_label(PASSWORD).fill("Gonullu-Parola-2026")
    page.get_by_label(PASSWORD_AGAIN).fill("Gonullu-Parola-2026")
    page.get_by_label("Gönüllü eşleştirmesi").check()
    page.get_by_role("button", name="Kayıt ol").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("E-posta")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Onayla").click()

    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_label("E-posta").fill("cagri.isik@example.org")
    page.get_by_label(PASSWORD).fill("Gonullu-Parola-2026")
    page.get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("main")).to_contain_text("Çağrı Işık")

    user = User.objects.get(email="cagri.isik@example.org")
    assert list(ConsentRecord.objects.filter(user=user).values_list("purpose__key", flat=True)) == [
        "volunteer_matching"
    ]


def test_sign_up_without_javascript_shows_errors_and_keeps_the_input(demo_site, no_js):
    page = no_js
    page.goto(demo_site.url + "/accounts/signup/")
    page.get_by_label("Ad soyad").fill("Şule Öztürk")
    page.get_by_label("E-posta", exact=False).first.fill("sule@")
    page.get_by_label(PASSWORD).fill("kisa")
    page.get_by_label(PASSWORD_AGAIN).fill("kisa")
    page.get_by_role("button", name="Kayıt ol").click()

    expect(page.get_by_label("Ad soyad")).to_have_value("Şule Öztürk")
    expect(page.get_by_label("E-posta", exact=False).first).to_have_value("sule@")
    expect(page.get_by_label("E-posta", exact=False).first).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.get_by_label(PASSWORD)).to_have_value("")
    assert not User.objects.filter(full_name="Şule Öztürk").exists()


PHONE_PAGES = [
    "/",
    "/en/",
    "/accounts/signup/",
    "/aydinlatma-metni/",
    "/kampanyalar/",
    "/en/campaigns/istesenyeter/",
    "/iletisim-rehberi/",
    "/organisations/",
]


def test_pages_fit_a_360_pixel_phone(demo_site, phone):
    overflowing = {}
    for path in PHONE_PAGES:
        phone.goto(demo_site.url + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            overflowing[path] = overflow
        # The menu and the skip link stay reachable on a phone.
        expect(phone.locator("a.skip-link")).to_have_attribute("href", "#main")
    assert overflowing == {}


def test_keyboard_focus_starts_at_the_skip_link(demo_site, page):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
