"""The demo activities: built through the services, idempotent, and showing the overlap
warning between Umut Işığı's and Moda Gençlik's Kadıköy plans."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation.models import Organisation
from cooperation import activities as services
from cooperation.demo import activities as activities_demo
from cooperation.models import Activity

pytestmark = pytest.mark.django_db


def test_the_demo_builds_a_year_of_activities_once_with_the_overlap(demo, client):
    first, second = demo.first["cooperation"], demo.second["cooperation"]
    made = len(activities_demo.ACTIVITIES) + 12 * len(activities_demo.ROUTINE)
    assert first["activities"] == made
    assert first["activities_skipped"] == 0
    assert Activity.objects.count() == made >= 100
    assert second["activities"] == 0
    assert Activity.objects.count() == made
    # A year of results: every one of the last twelve months has completed work.
    months = {
        (a.ends_on.year, a.ends_on.month) for a in Activity.objects.filter(status="completed")
    }
    for first_day, _last in activities_demo.routine_months(timezone.localdate()):
        assert (first_day.year, first_day.month) in months

    statuses = set(Activity.objects.values_list("status", flat=True))
    assert statuses == {"planned", "ongoing", "completed", "cancelled"}
    assert Activity.objects.filter(status="cancelled").count() == 1
    assert set(Activity.objects.values_list("province_id", flat=True)) == {34, 35, 76}
    assert Activity.objects.filter(visibility="public").exists()
    # Every completed activity's breakdowns add up to the people reached.
    for activity in Activity.objects.filter(status="completed"):
        assert activity.reached_women + activity.reached_men == activity.people_reached
        assert (
            sum(getattr(activity, name) for name in Activity.AGE_FIELDS) == activity.people_reached
        )
        assert activity.history().exists()

    umut = Activity.objects.get(title="Kadıköy'de gençlerle akran önleme atölyeleri")
    moda = Activity.objects.get(title="Moda sahilinde gençlik spor ve önleme buluşmaları")
    assert list(services.overlaps_of(umut)) == [moda]
    assert list(services.overlaps_of(moda)) == [umut]

    owner = (
        Organisation.objects.get(legal_name=activities_demo.UMUT).memberships.get(role="owner").user
    )
    client.force_login(owner)
    html = client.get(reverse("platform_home")).content.decode()
    assert moda.title in html and "Çakışma uyarıları" in html
    assert client.get(reverse("activity_detail", args=[umut.pk])).status_code == 200
    assert client.get(reverse("activity_list")).status_code == 200
