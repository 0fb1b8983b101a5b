"""`load_demo_data` builds a working site: every page it made opens, no internal link is broken."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import resolve, reverse
from django.utils import timezone, translation
from wagtail.models import Page

from core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from core.models import ConsentRecord, Province, RoleAssignment, StaffRole, User
from home.models import HomePage, PortalSettings, StandardPage

pytestmark = pytest.mark.django_db


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src", "action"):
            value = attrs.get(name)
            if value and value.startswith("/") and not value.startswith("//"):
                self.links.add(value)


def test_demo_data_is_idempotent(demo):
    counts = (
        Page.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
        ConsentRecord.objects.count(),
    )
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        Page.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
        ConsentRecord.objects.count(),
    )


def test_demo_data_builds_both_languages_and_the_site_settings(demo):
    assert HomePage.objects.count() == 2
    assert StandardPage.objects.filter(locale__language_code="tr").count() == 4
    assert StandardPage.objects.filter(locale__language_code="en").count() == 4
    settings = PortalSettings.objects.get()
    assert settings.privacy_notice_page.title == "Aydınlatma Metni"
    assert settings.accessibility_page.slug == "erisilebilirlik-beyani"


def test_one_demo_account_per_role_each_able_to_sign_in(demo, client):
    expected = {
        "admin@demo.example": {StaffRole.ADMIN},
        "editor@demo.example": {StaffRole.EDITOR},
        "reviewer@demo.example": {StaffRole.REVIEWER},
        "board@demo.example": {StaffRole.BOARD},
        "coordinator@demo.example": {StaffRole.COORDINATOR},
        "ngo@demo.example": set(),
        "volunteer@demo.example": set(),
        "mentor@demo.example": set(),
    }
    assert {a.email for a in DEMO_ACCOUNTS} == set(expected)
    for email, roles in expected.items():
        user = User.objects.get(email=email)
        assert set(user.role_assignments.values_list("role", flat=True)) == roles
        client.logout()
        response = client.post("/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
    reviewer = User.objects.get(email="reviewer@demo.example")
    assert set(reviewer.role_assignments.values_list("province__name", flat=True)) == {
        "İstanbul",
        "Kocaeli",
    }
    assert (
        Province.objects.get(code=34).role_assignments.filter(role=StaffRole.COORDINATOR).exists()
    )


# Links that differ only in the value of a parameter (the 81 provinces' links to the event,
# calendar, organisation and programme lists, in two languages: some 800 of them) are one link
# to the same view: a few of each are opened, every other one must reach the same view.
VARIANTS_OPENED = 3


def test_every_demo_page_opens_and_no_internal_link_is_broken(demo, client):
    pages = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]
    assert len(pages) == 20
    to_visit = list(pages) + ["/accounts/login/", "/accounts/signup/", "/en/accounts/signup/"]
    seen: set[str] = set()
    statics: set[str] = set()
    opened: dict[tuple, int] = {}
    routed = 0
    while to_visit:
        url = to_visit.pop()
        parts = urlsplit(url)
        path = parts.path
        if url in seen:
            continue
        seen.add(url)
        if path.startswith("/static/"):
            statics.add(path)
            continue
        if path.startswith(("/admin/", "/documents/", "/media/")):
            continue
        shape = (path, tuple(sorted(parse_qs(parts.query))))
        if parts.query and opened.get(shape, 0) >= VARIANTS_OPENED:
            # The same view as the variants opened (Resolver404 if not), in the link's language.
            with translation.override("en" if path.startswith("/en/") else "tr"):
                resolve(path)
            routed += 1
            continue
        opened[shape] = opened.get(shape, 0) + 1
        response = client.get(url)
        assert response.status_code in (200, 302), f"{url} answered {response.status_code}"
        if response.status_code == 302:
            continue
        if "text/html" in response["Content-Type"]:
            collector = LinkCollector()
            collector.feed(response.content.decode())
            to_visit.extend(link for link in collector.links if link not in seen)
    assert len(seen) > len(pages)
    assert routed > 0  # the shortcut above is taken (and so can hide nothing but values)
    for path in statics:
        assert finders.find(path.removeprefix("/static/")), f"missing static file {path}"


def test_demo_organisations_cover_every_state_of_the_cycle(demo):
    from accreditation.models import Application, Certificate, Organisation
    from accreditation.selectors import applications_for_staff
    from core.models import User

    statuses = set(Application.objects.values_list("status", flat=True))
    assert {
        "draft",
        "submitted",
        "in_review",
        "changes_requested",
        "decision_pending",
        "accredited",
        "provisional",
        "appealed",
    } <= statuses
    assert set(Organisation.objects.values_list("accreditation_status", flat=True)) >= {
        "accredited",
        "provisional",
        "suspended",
        "expired",
        "none",
    }
    assert set(Certificate.objects.values_list("status", flat=True)) >= {
        "valid",
        "suspended",
        "expired",
    }
    assert set(Organisation.objects.values_list("province_id", flat=True)) == {34, 35, 76}
    # One review is in and one waits for the demo reviewer.
    in_review = Application.objects.get(status="in_review")
    assert sorted(a.completed_round or 0 for a in in_review.assignments.all()) == [0, 1]
    for email in ("reviewer@demo.example", "coordinator@demo.example", "board@demo.example"):
        user = User.objects.get(email=email)
        assert applications_for_staff(user, Application.objects.open()).exists(), email


def test_demo_campaigns_show_every_phase_the_kit_and_who_joined(demo, client):
    from home.models import CampaignFollower, CampaignPage, GlossaryTerm, LanguageGuidePage

    turkish = CampaignPage.objects.filter(locale__language_code="tr")
    assert sorted(c.phase for c in turkish) == ["active", "past", "upcoming"]
    campaign = turkish.get(slug="istesenyeter")
    assert campaign.hashtag == "#isteSENyeter"
    assert campaign.messages.count() == 4 and campaign.visuals.count() == 1
    assert campaign.publish_moment is not None
    assert [o.legal_name for o in campaign.participating_organisations()] == [
        "Ege Yeşil Yaşam Derneği"
    ]
    assert campaign.followers.filter(status=CampaignFollower.Status.CONFIRMED).count() == 1
    html = client.get(campaign.url).content.decode()
    assert "Başarabilirsin isteSENyeter" in html
    assert "Kamu–STK İşbirliği Çalıştayı Sonuç Raporu, 2018" in html
    assert LanguageGuidePage.objects.count() == 2
    assert GlossaryTerm.objects.filter(term="torbacı").exists()
    english = campaign.get_translation(campaign.locale.__class__.objects.get(language_code="en"))
    assert english.live and english.canonical.pk == campaign.pk


def test_demo_events_show_every_part_of_the_events_feature(demo, client):
    from django.db.models import Sum

    from events.models import Event, SignUp, WorkshopRegistration

    S = SignUp.Status
    published = Event.objects.filter(status=Event.Status.PUBLISHED)
    assert set(published.values_list("province__code", flat=True)) >= {6, 34, 35, 76}
    now = timezone.now()
    assert published.filter(starts_at__gt=now).count() >= 5
    assert published.filter(ends_at__lt=now).count() >= 2

    # A full event with people waiting, in order.
    full = Event.objects.get(slug="aile-atolyesi-ekrani-dengele-konak")
    statuses = list(full.signups.values_list("status", flat=True))
    assert statuses.count(S.CONFIRMED) == full.capacity == 3
    assert statuses.count(S.WAITLISTED) == 2

    # The workshop modelled on 2018: four working groups, registrations assigned within them.
    workshop = Event.objects.get(kind=Event.Kind.WORKSHOP)
    assert workshop.working_groups.first().name == "Koruyucu ve Önleyici Hizmetler"
    assert workshop.working_groups.count() == 4
    registrations = WorkshopRegistration.objects.filter(signup__event=workshop)
    assert registrations.count() >= 5
    assert registrations.filter(assigned_group__isnull=False).count() == registrations.count()
    for group in workshop.working_groups.all():
        people = registrations.filter(assigned_group=group).aggregate(n=Sum("representatives"))
        assert (people["n"] or 0) <= group.capacity

    # A volunteer shift with two shifts; a past one with attended volunteers, hours, a no-show.
    assert Event.objects.get(slug="genclik-merkezi-gonullu-vardiyasi-uskudar").sessions.count() == 2
    past_shift = Event.objects.get(slug__startswith="bahar-senligi")
    attended = past_shift.signups.filter(status=S.ATTENDED)
    assert attended.count() == 3
    assert all(signup.hours == 5 for signup in attended)
    assert past_shift.signups.filter(status=S.NO_SHOW).count() == 1

    # Certificates for past attendance, verifiable.
    certified = SignUp.objects.filter(status=S.ATTENDED, certificate__isnull=False)
    assert certified.count() == SignUp.objects.filter(status=S.ATTENDED).count() >= 5
    verify = client.get(
        reverse("certificate_verify", args=[certified[0].certificate.verification_token])
    )
    assert verify.status_code == 200

    # Every demo event's page, and its calendar file, open.
    for event in published:
        assert client.get(reverse("event_detail", args=[event.slug])).status_code == 200
        assert client.get(reverse("event_ics", args=[event.slug])).status_code == 200
    for name in ("event_list", "event_calendar"):
        assert client.get(reverse(name)).status_code == 200
