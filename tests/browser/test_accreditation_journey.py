"""An NGO registers and applies, the coordinator screens, a reviewer scores, the board
accredits, and a visitor verifies the certificate from its QR address."""

import re

import pytest
from playwright.sync_api import expect

from accreditation import applications
from accreditation.factories import evidence_upload
from accreditation.models import Application, Certificate
from accreditation.selectors import criteria_of, missing_mandatory_evidence
from accreditation.validators import tax_number_check_digit
from core.demo import DEMO_PASSWORD
from core.factories import DEFAULT_PASSWORD, UserFactory
from core.models import User

pytestmark = pytest.mark.browser

PASSWORD = re.compile(r"^Parola(?! \(tekrar)")


def sign_in(browser, base_url, email, password):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("E-posta").fill(email)
    page.get_by_label(PASSWORD).fill(password)
    page.get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hesabım")
    return page


def test_an_ngo_is_accredited_and_its_certificate_verified(demo_site, browser, tmp_path):
    base = demo_site.url
    owner = UserFactory(full_name="Zehra Aksoy")

    # The NGO registers and applies.
    page = sign_in(browser, base, owner.email, DEFAULT_PASSWORD)
    page.goto(base + "/organisations/register/")
    page.get_by_label("Resmî adı").fill("Körfez Gençlik ve Umut Derneği")
    page.get_by_label("Hukuki biçimi").select_option("dernek")
    page.get_by_label("Kütük / sicil numarası").fill("35-011-0789")
    page.get_by_label("Vergi numarası").fill(
        "90210333" + "1" + str(tax_number_check_digit("902103331"))
    )
    page.get_by_label("Kuruluş yılı").fill("2014")
    page.get_by_label("Adres").fill("Mavişehir Mah. 2001 Sok. No: 4 Karşıyaka")
    page.get_by_label(re.compile(r"^İl \(")).select_option(label="İzmir")
    page.get_by_label(re.compile(r"^İlçe \(")).select_option(label="Karşıyaka")
    page.get_by_label("Telefon").fill("0232 555 44 33")
    page.get_by_label(re.compile(r"^E-posta \(")).fill("bilgi@korfezumut.example.org")
    page.get_by_label("Koruyucu ve Önleyici Hizmetler").check()
    page.get_by_label("Ergenler ve gençler").check()
    page.get_by_label("Tanıtım").fill("Karşıyaka'da gençlerle spor ve sanat yoluyla önleme.")
    page.get_by_role("button", name="Kuruluşu kaydet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Körfez Gençlik ve Umut Derneği")

    page.get_by_role("link", name="Akreditasyon başvurusu").click()
    page.get_by_role("button", name="Başvuruyu başlat").click()
    expect(page.get_by_text("Şu zorunlu ölçütlerin kanıt dosyası eksik:")).to_be_visible()
    application = Application.objects.get(organisation__legal_name__startswith="Körfez")

    first = missing_mandatory_evidence(application)[0]
    page.get_by_role("link", name=re.compile(rf"^{re.escape(first.code)} ")).first.click()
    pdf = tmp_path / "tuzuk.pdf"
    pdf.write_bytes(evidence_upload().read())
    page.get_by_label("Kanıt dosyası").set_input_files(str(pdf))
    page.get_by_role("button", name="Yükle").click()
    expect(page.get_by_role("link", name="tuzuk.pdf")).to_be_visible()
    for criterion in missing_mandatory_evidence(application):  # the rest, as the page would
        applications.evidence_add(
            application=application, criterion=criterion, upload=evidence_upload(), by=owner
        )
    page.get_by_role("link", name="Başvuruya dön").click()
    page.get_by_role("button", name="→ Gönderildi").click()
    expect(page.locator(".badge").first).to_have_text("Gönderildi")

    # The İzmir coordinator screens and assigns two reviewers.
    page = sign_in(browser, base, "koordinator.izmir@demo.example", DEMO_PASSWORD)
    page.goto(base + f"/accreditation/applications/{application.pk}/")
    page.get_by_role("button", name="→ Ön inceleme").click()
    for name in ("Dr. Elif Yurt", "Uzm. Psk. Kerem Tan"):
        page.get_by_label("Değerlendirici ata").select_option(label=name)
        page.get_by_role("button", name="Ata", exact=True).click()
    page.get_by_role("button", name="→ Değerlendirmede").click()
    expect(page.locator(".badge").first).to_have_text("Değerlendirmede")

    # The first reviewer declares no conflict of interest and scores every criterion.
    page = sign_in(browser, base, "degerlendirici.izmir1@demo.example", DEMO_PASSWORD)
    page.goto(base + f"/accreditation/applications/{application.pk}/")
    page.get_by_role("button", name="Çıkar çatışmam olmadığını beyan ederim").click()
    page.get_by_role("link", name="Puanlamaya git").click()
    for criterion in criteria_of(application.standard):
        page.locator(f"#id_c{criterion.pk}-score").select_option("3")
        page.locator(f"#id_c{criterion.pk}-comment").fill("Kanıtlar yeterli.")
    page.get_by_role("button", name="Tamamla").click()
    expect(page.get_by_text("diğer değerlendirme bekleniyor")).to_be_visible()

    second = User.objects.get(email="degerlendirici.izmir2@demo.example")
    assignment = application.assignments.get(reviewer=second)
    applications.assignment_declare(assignment=assignment, by=second)
    application.refresh_from_db()
    for criterion in criteria_of(application.standard):
        applications.score_save(
            application=application, criterion=criterion, score=3, comment="Uygun.", by=second
        )
    applications.review_complete(application=application, by=second)

    # A board member who reviewed nothing accredits.
    page = sign_in(browser, base, "board@demo.example", DEMO_PASSWORD)
    page.goto(base + f"/accreditation/applications/{application.pk}/")
    page.get_by_label("Akredite et (3 yıl)").check()
    page.get_by_role("button", name="Kararı kaydet").click()
    expect(page.locator(".badge").first).to_have_text("Akredite edildi")

    # A visitor opens the address in the certificate's QR code.
    certificate = Certificate.objects.get(organisation__legal_name__startswith="Körfez")
    visitor = browser.new_context().new_page()
    visitor.goto(base + f"/accreditation/verify/{certificate.verification_token}/")
    expect(visitor.get_by_role("status")).to_contain_text("Geçerli")
    expect(visitor.get_by_role("main")).to_contain_text("Körfez Gençlik ve Umut Derneği")
    expect(visitor.get_by_role("main")).to_contain_text(certificate.number)
