"""Automated WCAG 2.1 AA checks (axe-core) on the main pages, in both languages and on a phone.

axe finds the machine-checkable failures (contrast, labels, landmarks, ARIA, names); the
journeys in test_journeys.py cover keyboard use and working without JavaScript.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from accreditation.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PUBLIC_PAGES = [
    "/",
    "/en/",
    "/hakkinda/",
    "/en/privacy-notice/",
    "/accounts/login/",
    "/accounts/signup/",
    "/en/accounts/signup/",
    "/accounts/password/reset/",
    "/search/?q=rıza",
    "/boyle-bir-sayfa-yok/",
]


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_wcag_violations(demo_site, page, path):
    page.goto(demo_site.url + path)
    assert violations(page) == []


def test_public_pages_have_no_wcag_violations_on_a_phone(demo_site, phone):
    for path in ("/", "/accounts/signup/"):
        phone.goto(demo_site.url + path)
        assert violations(phone) == [], path


def test_signup_errors_have_no_wcag_violations(demo_site, page):
    page.goto(demo_site.url + "/accounts/signup/")
    page.get_by_role("button", name="Kayıt ol").click()
    assert page.locator("[aria-invalid=true]").count() > 0
    assert violations(page) == []


def test_account_pages_have_no_wcag_violations(demo_site, page):
    person = UserFactory()
    page.goto(demo_site.url + "/accounts/login/")
    page.get_by_label("E-posta").fill(person.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Giriş yap").click()
    for path in (
        "/accounts/overview/",
        "/accounts/consents/",
        "/accounts/profile/",
        "/accounts/email/",
        "/en/accounts/consents/",
    ):
        page.goto(demo_site.url + path)
        assert violations(page) == [], path
