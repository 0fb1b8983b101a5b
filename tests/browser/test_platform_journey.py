"""An NGO member plans an activity on the shared platform, is warned that another organisation
plans the same work in the same district at the same time, and proposes a joint project to it."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accreditation.factories import OrganisationFactory
from cooperation.factories import ActivityFactory
from cooperation.models import Project, ProjectPartner
from core.factories import DEFAULT_PASSWORD, UserFactory
from core.models import ActivityType, TargetGroup, WorkingArea
from home.demo.pages import build_page_tree

pytestmark = pytest.mark.browser

PASSWORD = re.compile(r"^Parola(?! \(tekrar)")
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
THEIRS = "Moda sahilinde gençlik spor ve önleme buluşmaları"


@pytest.fixture
def platform_site(migrated_site):
    """The page tree for the site's chrome on the migrated database."""
    from wagtail.models import Site

    build_page_tree()
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    return migrated_site


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_21_AA)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_an_ngo_plans_an_activity_sees_the_overlap_and_proposes_a_joint_project(
    platform_site, page
):
    base = platform_site.url
    member = UserFactory(full_name="Elif Şahin")
    ours = OrganisationFactory(accredited=True, owner=member, legal_name="Umut Işığı Derneği")
    theirs = OrganisationFactory(accredited=True, legal_name="Moda Gençlik Kulübü Derneği")
    area = WorkingArea.objects.order_by("sort_order").first()
    youth = TargetGroup.objects.get(name="Ergenler ve gençler")
    start = datetime.date.today() + datetime.timedelta(days=20)
    ActivityFactory(
        organisation=theirs,
        title=THEIRS,
        working_area=area,
        target_groups=[youth],
        starts_on=start,
        ends_on=start + datetime.timedelta(days=30),
    )

    page.goto(base + "/accounts/login/")
    page.get_by_label("E-posta").fill(member.email)
    page.get_by_label(PASSWORD).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Giriş yap").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hesabım")

    page.goto(base + "/platform/activities/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Yeni faaliyet")
    page.get_by_label("Faaliyetin adı").fill("Kadıköy'de gençlerle akran önleme atölyeleri")
    page.get_by_label("Faaliyet türü").select_option(
        label=ActivityType.objects.order_by("sort_order").first().name
    )
    page.get_by_label("Çalışma alanı").select_option(label=area.name)
    page.get_by_label("Ergenler ve gençler").check()
    page.get_by_label(re.compile(r"^İl( |$)")).select_option(label="İstanbul")
    page.get_by_label("İlçe").select_option(label="Kadıköy")
    page.get_by_label("Başlangıç tarihi").fill((start + datetime.timedelta(days=5)).isoformat())
    page.get_by_label("Bitiş tarihi").fill((start + datetime.timedelta(days=40)).isoformat())
    page.get_by_role("button", name="Çakışmaları denetle").click()

    warning = page.locator("#overlaps")
    expect(warning).to_contain_text(THEIRS)
    expect(warning).to_contain_text("Moda Gençlik Kulübü Derneği")
    # Nothing typed was lost while checking.
    expect(page.get_by_label("Faaliyetin adı")).to_have_value(
        "Kadıköy'de gençlerle akran önleme atölyeleri"
    )
    assert violations(page) == []

    warning.get_by_role("link", name=re.compile("^Ortak proje öner")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("proje")
    page.get_by_label("Projenin adı").fill("Kadıköy Gençlik Önleme Ağı")
    page.get_by_label("Amaçlar").fill(
        "Kadıköy'deki gençlik önleme çalışmalarını tek takvimde birleştirmek."
    )
    page.get_by_role("button", name=re.compile("öner", re.IGNORECASE)).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kadıköy Gençlik Önleme Ağı")
    project = Project.objects.get(title="Kadıköy Gençlik Önleme Ağı")
    assert project.lead == ours
    assert project.status == Project.Status.PROPOSED
    invitation = project.partners.get(organisation=theirs)
    assert invitation.status == ProjectPartner.Status.INVITED
    expect(page.locator("main")).to_contain_text("Moda Gençlik Kulübü Derneği")
