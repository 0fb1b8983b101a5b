"""Automated WCAG 2.1 AA checks (axe-core) on the main pages, in both languages and on a phone.

axe finds the machine-checkable failures (contrast, labels, landmarks, ARIA, names); the
journeys in test_journeys.py cover keyboard use and working without JavaScript.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.factories import DEFAULT_PASSWORD, UserFactory

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
    "/kampanyalar/",
    "/kampanyalar/istesenyeter/",
    "/en/campaigns/istesenyeter/",
    "/iletisim-rehberi/",
    "/events/",
    "/events/calendar/",
    "/events/genclik-merkezi-gonullu-vardiyasi-uskudar/",
    "/en/events/aile-atolyesi-ekrani-dengele-konak/",
    "/boyle-bir-sayfa-yok/",
]


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def test_public_pages_have_no_wcag_violations(demo_site, page, phone):
    # One demo site for every page (loading it is the slow part); every page is checked and
    # the failures of all of them are reported together.
    found = {}
    for path in PUBLIC_PAGES:
        page.goto(demo_site.url + path)
        found[path] = violations(page)
    for path in ("/", "/accounts/signup/", "/kampanyalar/istesenyeter/", "/events/calendar/"):
        phone.goto(demo_site.url + path)
        found[f"{path} (360 px)"] = violations(phone)
    assert {path: problems for path, problems in found.items() if problems} == {}


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


def test_accreditation_pages_have_no_wcag_violations(demo_site, page, browser):
    from accreditation.models import Application, Certificate, Organisation
    from core.demo import DEMO_PASSWORD

    accredited = Organisation.objects.get(legal_name="Umut Işığı Gençlik ve Dayanışma Derneği")
    certificate = Certificate.objects.get(organisation=accredited)
    for path in (
        "/organisations/",
        "/organisations/?status=all&province=34",
        f"/organisations/{accredited.slug}/",
        "/accreditation/verify/",
        f"/accreditation/verify/{certificate.verification_token}/",
    ):
        page.goto(demo_site.url + path)
        assert violations(page) == [], path

    draft = Application.objects.get(status="draft")
    decision = Application.objects.get(status="decision_pending")
    in_review = Application.objects.get(status="in_review")
    criterion = draft.answers.first().criterion
    for email, paths in (
        (
            "ngo@demo.example",
            [
                f"/accreditation/applications/{draft.pk}/",
                f"/accreditation/applications/{draft.pk}/criteria/{criterion.pk}/",
                "/organisations/register/",
                f"/organisations/{draft.organisation.slug}/members/",
                "/organisations/mine/",
            ],
        ),
        (
            "board@demo.example",
            [f"/accreditation/applications/{decision.pk}/", "/accreditation/work/"],
        ),
        ("reviewer@demo.example", [f"/accreditation/applications/{in_review.pk}/review/"]),
    ):
        context = browser.new_context()
        signed_in = context.new_page()
        signed_in.goto(demo_site.url + "/accounts/login/")
        signed_in.get_by_label("E-posta").fill(email)
        signed_in.locator("input[name=password]").fill(DEMO_PASSWORD)
        signed_in.get_by_role("button", name="Giriş yap").click()
        for path in paths:
            signed_in.goto(demo_site.url + path)
            assert violations(signed_in) == [], path
        context.close()


def test_event_pages_of_people_and_organisers_have_no_wcag_violations(demo_site, page, browser):
    from core.demo import DEMO_PASSWORD
    from events.models import SignUp

    def sign_in(tab, email):
        tab.goto(demo_site.url + "/accounts/login/")
        tab.get_by_label("E-posta").fill(email)
        tab.locator("input[name=password]").fill(DEMO_PASSWORD)
        tab.get_by_role("button", name="Giriş yap").click()

    seminar = "/events/istesenyeter-farkindalik-semineri-kadikoy"
    workshop = "/events/istanbul-bagimlilikla-mucadele-calistayi-istesenyeter"
    ticket = SignUp.objects.filter(person__email="ngo@demo.example").first().ticket_code
    found = {}
    sign_in(page, "ngo@demo.example")
    for path in (
        "/events/mine/",
        f"/events/tickets/{ticket}/",
        "/events/calendar/feed/",
        "/events/organise/",
        f"{seminar}/edit/",
        f"{seminar}/manage/",
        f"{seminar}/manage/message/",
        f"{seminar}/check-in/?q=YOKBOYLEKOD",
        f"{workshop}/register/",
    ):
        page.goto(demo_site.url + path)
        found[path] = violations(page)
    coordinator = browser.new_page()
    sign_in(coordinator, "coordinator@demo.example")
    coordinator.goto(demo_site.url + f"{workshop}/manage/groups/")
    found["groups"] = violations(coordinator)
    coordinator.close()
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_platform_pages_have_no_wcag_violations(demo_site, page, browser):
    """The shared platform as an NGO member and as a coordinator, in both languages."""
    from cooperation.models import Activity, Meeting, Project, QuarterlyReport
    from core.demo import DEMO_PASSWORD

    def sign_in(tab, email):
        tab.goto(demo_site.url + "/accounts/login/")
        tab.get_by_label("E-posta").fill(email)
        tab.locator("input[name=password]").fill(DEMO_PASSWORD)
        tab.get_by_role("button", name="Giriş yap").click()

    activity = Activity.objects.filter(organisation__legal_name__startswith="Umut").first()
    project = Project.objects.get(title="Kadıköy Gençlik Önleme Ağı")
    report = QuarterlyReport.objects.filter(organisation__legal_name__startswith="Umut").first()
    meeting = Meeting.objects.filter(province_id=34).first()
    found = {}
    sign_in(page, "ngo@demo.example")
    for path in (
        "/platform/",
        "/platform/activities/",
        "/en/platform/activities/?status=planned",
        "/platform/activities/new/",
        f"/platform/activities/{activity.pk}/",
        f"/platform/activities/{activity.pk}/edit/",
        "/platform/projects/",
        f"/platform/projects/{project.slug}/",
        "/platform/projects/new/",
        "/platform/reports/",
        f"/platform/reports/{report.pk}/",
        f"/platform/meetings/{meeting.pk}/",
    ):
        assert page.goto(demo_site.url + path).status == 200, path
        found[path] = violations(page)
    coordinator = browser.new_page()
    sign_in(coordinator, "coordinator@demo.example")
    for path in (
        "/platform/provinces/34/",
        "/en/platform/provinces/34/",
        "/platform/provinces/34/targets/",
        "/platform/provinces/34/values/",
        "/platform/provinces/34/reports/",
        "/platform/provinces/34/meetings/",
        "/platform/provinces/34/meetings/new/",
        f"/platform/meetings/{meeting.pk}/actions/new/",
        f"/platform/actions/{meeting.action_items.first().pk}/",
    ):
        assert coordinator.goto(demo_site.url + path).status == 200, path
        found[path] = violations(coordinator)
    coordinator.close()
    assert {path: problems for path, problems in found.items() if problems} == {}
