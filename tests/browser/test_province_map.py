"""A visitor uses the province map with the keyboard only, and the map pages pass axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
IZMIR = re.compile(r"^İzmir: \d+ akredite kuruluş$")


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def tab_until(page, predicate: str, limit: int = 200) -> int:
    """Press Tab until ``predicate`` (JavaScript on document.activeElement) holds."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return presses
    raise AssertionError(f"Tab never reached: {predicate}")


def test_a_visitor_uses_the_province_map_with_the_keyboard(demo_site, page):
    page.goto(demo_site.url + "/provinces/")
    assert violations(page) == []

    tab_until(page, "el.getAttribute('href') === '/provinces/izmir/'")
    izmir = page.get_by_role("link", name=IZMIR)
    expect(izmir).to_be_focused()
    # The label box shows the same words beside the province.
    expect(page.locator("[data-map-tooltip]")).to_have_text(IZMIR)

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/provinces/izmir/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("İzmir il profili")
    figure = page.locator(".figure-item", has_text="Sosyal Hizmet Merkezi (SHM) sayısı")
    expect(figure).to_contain_text("15")
    expect(figure).to_contain_text("İzmir İli Bilgilendirme Kitapçığı 2024-3")
    expect(figure).to_contain_text("veri tarihi: Eylül 2024")
    assert violations(page) == []

    page.goto(demo_site.url + "/provinces/")
    expect(page.locator("#legend-heading")).to_have_text("Lejant: Akredite kuruluşlar")
    tab_until(page, "el.name === 'measure'")
    page.keyboard.press("ArrowDown")  # the next measure: public activities
    tab_until(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"measure=activities"))
    expect(page.locator("#legend-heading")).to_have_text(
        "Lejant: Herkese açık faaliyetler (son 12 ay)"
    )
    expect(
        page.get_by_role("link", name=re.compile(r"^İzmir: \d+ herkese açık faaliyet"))
    ).to_have_count(1)
