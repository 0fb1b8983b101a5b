"""The coordination meetings demo: an İstanbul meeting last month with three organisations,
four institutions and five action items in every state the pages show, an İzmir meeting with
two, reached through the services; building twice makes nothing new."""

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cooperation.demo.meetings import build
from cooperation.meetings import action_items_for
from cooperation.models import ActionItem, Meeting
from core.models import StatusChange, User

pytestmark = pytest.mark.django_db

I = ActionItem.Status  # noqa: E741


# The demo is built for the development settings, which exempt demo accounts from staff MFA.
EXEMPT = override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])


def test_the_demo_builds_the_meetings_once(demo):
    counts = ("coordination_meetings", "action_items")
    assert {key: demo.first["cooperation"][key] for key in counts} == {
        "coordination_meetings": 2,
        "action_items": 7,
    }
    assert {key: demo.second["cooperation"][key] for key in counts} == {
        "coordination_meetings": 0,
        "action_items": 0,
    }
    assert build() == {"coordination_meetings": 0, "action_items": 0}
    assert Meeting.objects.count() == 2
    assert ActionItem.objects.count() == 7


def test_the_istanbul_meeting_was_last_month_with_three_organisations_and_institutions(demo):
    meeting = Meeting.objects.get(province_id=34)
    today = timezone.localdate()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    assert (meeting.held_on.year, meeting.held_on.month) == (last_month.year, last_month.month)
    assert meeting.organisations.count() == 3
    for institution in (
        "İl Sağlık Müdürlüğü",
        "İl Milli Eğitim Müdürlüğü",
        "Aile ve Sosyal Hizmetler İl Müdürlüğü",
        "Emniyet Narkotik",
    ):
        assert institution in meeting.institutions
    assert meeting.agenda and meeting.minutes and meeting.decisions
    statuses = sorted(item.status for item in meeting.action_items.all())
    assert statuses == sorted([I.DONE, I.OPEN, I.IN_PROGRESS, I.OPEN, I.OPEN])
    overdue = list(meeting.action_items.overdue())
    assert len(overdue) == 1 and overdue[0].status == I.OPEN
    assert Meeting.objects.get(province_id=35).action_items.count() == 2


def test_every_state_was_reached_through_the_life_cycle(demo):
    done = ActionItem.objects.get(status=I.DONE)
    moves = list(
        StatusChange.objects.for_object(done)
        .order_by("at", "pk")
        .values_list("from_status", "to_status")
    )
    assert moves == [("", I.OPEN), (I.OPEN, I.DONE)]


def test_the_coordinator_and_a_participating_member_open_the_demo_pages(client, demo):
    meeting = Meeting.objects.get(province_id=34)
    client.force_login(User.objects.get(email="coordinator@demo.example"))
    assert client.get(reverse("meeting_list", args=[34])).status_code == 200
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).content.decode()
    assert "Süresi geçti" in page
    for item in action_items_for(province=meeting.province):
        assert client.get(reverse("action_edit", args=[item.pk])).status_code == 200
    client.force_login(User.objects.get(email="stk.moda@demo.example"))
    assert client.get(reverse("meeting_detail", args=[meeting.pk])).status_code == 200
    izmir = Meeting.objects.get(province_id=35)
    assert client.get(reverse("meeting_detail", args=[izmir.pk])).status_code == 403
