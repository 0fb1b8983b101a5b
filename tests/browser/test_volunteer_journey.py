"""A volunteer on a 360 px phone completes a profile, grants matching consent, sees the roles
recommended to them with the reasons, applies to one, and is accepted by the organisation."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accreditation.factories import OrganisationFactory
from core.factories import DEFAULT_PASSWORD, UserFactory
from home.demo.pages import build_page_tree
from volunteers.factories import ProgramFactory, RoleFactory
from volunteers.models import Match, Skill

pytestmark = pytest.mark.browser

PASSWORD = re.compile(r"^Parola(?! \(tekrar)")
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
ROLE = "Akran destek gönüllüsü"
PROGRAM = "Kadıköy'de birlikte güçlüyüz"


@pytest.fixture
def volunteer_site(migrated_site):
    """Only what the journey needs, built here rather than from the demo: the page tree for the
    site's chrome on the migrated database (the program with its role is made by the test)."""
    from wagtail.models import Site

    build_page_tree()
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    return migrated_site


def sign_in(page, base_url, email):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label(PASSWORD).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hesabım")


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def violations(page) -> list[str]:
    """axe-core's WCAG 2.1 AA failures on the page as it is now."""
    results = Axe().run(page, options=WCAG_21_AA)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_a_volunteer_on_a_phone_completes_a_profile_applies_and_is_accepted(
    volunteer_site, phone, browser
):
    base = volunteer_site.url
    owner = UserFactory(full_name="Zehra Aksoy")
    organisation = OrganisationFactory(accredited=True, owner=owner)
    program = ProgramFactory(organisation=organisation, title=PROGRAM)
    peer_support = Skill.objects.get(slug="akran-destegi")
    RoleFactory(program=program, title=ROLE, required_skills=[peer_support])
    volunteer = UserFactory(full_name="Çağrı Işık")

    # The volunteer signs in on a phone and opens their volunteering page.
    sign_in(phone, base, volunteer.email)
    phone.goto(base + "/volunteers/me/")
    fits_the_phone(phone)
    phone.get_by_role("link", name="Gönüllü profilimi oluştur").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Gönüllü profilimi oluştur")

    # The profile, first without a time slot: the message says so and nothing is lost.
    phone.get_by_label("Görünen ad").fill("Çağrı I.")
    phone.get_by_label(re.compile(r"^İl( |$)")).select_option(label="İstanbul")
    phone.get_by_label("İlçe", exact=True).select_option(label="Kadıköy")
    phone.get_by_label("Akran desteği").check()
    phone.get_by_label("Ayda ayırabileceğim saat").fill("12")
    phone.get_by_role("button", name="Profili kaydet").click()
    expect(phone.locator(".error-summary")).to_contain_text("En az bir gün ve saat dilimi seçin.")
    expect(phone.get_by_label("Görünen ad")).to_have_value("Çağrı I.")
    expect(phone.get_by_label("Akran desteği")).to_be_checked()
    fits_the_phone(phone)
    assert violations(phone) == []

    # The weekly grid, day by day on the narrow screen.
    phone.get_by_label("Salı akşam").check()
    phone.get_by_label("Cumartesi sabah").check()
    fits_the_phone(phone)
    phone.get_by_role("button", name="Profili kaydet").click()
    expect(phone.get_by_text("Gönüllü profiliniz kaydedildi.")).to_be_visible()
    expect(phone.get_by_text("Eşleştirme izniniz yok")).to_be_visible()

    # Matching consent, through the consents page.
    phone.get_by_role("link", name="Rızalarımı yönet").click()
    phone.get_by_role("button", name=re.compile(r"^Rıza ver\s*: Gönüllü eşleştirmesi")).click()
    expect(phone.get_by_text("“Gönüllü eşleştirmesi” için rıza verdiniz.")).to_be_visible()

    # Recommended roles, each with the reasons it is recommended.
    phone.goto(base + "/volunteers/me/recommended/")
    card = phone.locator(".recommendation").filter(has_text=ROLE)
    expect(card).to_contain_text("Aynı ilçede")
    expect(card).to_contain_text("1 becerinin 1'i uyuyor")
    expect(card).to_contain_text("Programın bütün zamanlarında uygun")
    expect(card.locator(".score-badge")).to_contain_text("/100")
    fits_the_phone(phone)
    assert violations(phone) == []

    # Applying with a short note.
    card.get_by_role("link", name=re.compile(rf"^Başvur\s*: {ROLE}")).click()
    phone.get_by_label("Kuruluşa kısa bir not (isteğe bağlı)").fill("Salı akşamları uygunum.")
    phone.get_by_role("button", name="Başvur", exact=True).click()
    expect(phone.get_by_text("Başvurunuz kuruluşa iletildi.")).to_be_visible()
    expect(phone.locator(".match-status")).to_have_text("Önerildi")
    fits_the_phone(phone)
    match = Match.objects.get(person=volunteer, role__title=ROLE)

    # The organisation's owner, at a desk, accepts the application.
    context = browser.new_context()
    desk = context.new_page()
    sign_in(desk, base, owner.email)
    desk.goto(base + f"/volunteers/manage/matches/{match.pk}/")
    desk.get_by_role("button", name="Kabul et").click()
    expect(desk.get_by_text("Kabul edildi;")).to_be_visible()
    context.close()

    # The volunteer sees the answer on their page.
    phone.reload()
    expect(phone.locator(".match-status")).to_have_text("Kabul edildi")
    fits_the_phone(phone)
    assert violations(phone) == []

    # The program's page now counts them, without naming them (no public-name consent).
    phone.goto(base + f"/volunteers/programs/{program.slug}/")
    expect(phone.get_by_text("Bu programda 1 gönüllü yer alıyor.")).to_be_visible()
    expect(phone.get_by_text("Çağrı I.")).to_have_count(0)
    fits_the_phone(phone)
    assert violations(phone) == []
