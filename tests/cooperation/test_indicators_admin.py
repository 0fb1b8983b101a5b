"""Indicators, service figures and populations in the Wagtail admin ("Ortak platform")."""

import pytest
from django.urls import reverse

from cooperation import indicators as ind
from cooperation.factories import IndicatorFactory
from cooperation.models import Indicator
from core.factories import staff_user
from core.models import ActivityType, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {
        "name": "Okul programına katılan öğrenci",
        "name_en": "Students in school programmes",
        "working_area": WorkingArea.objects.order_by("sort_order").first().pk,
        "unit": "kişi",
        "unit_en": "people",
        "method": Indicator.Method.PARTICIPANTS,
        "activity_type": "",
        "description": "",
        "sort_order": 1,
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_an_administrator_defines_an_indicator(client):
    client.force_login(staff_user(StaffRole.ADMIN))
    assert client.get(reverse("indicator:index")).status_code == 200
    response = client.post(reverse("indicator:add"), _data())
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.name, indicator.method) == ("Okul programına katılan öğrenci", "participants")


def test_a_manual_indicator_with_an_activity_type_is_explained(client):
    client.force_login(staff_user(StaffRole.ADMIN))
    response = client.post(
        reverse("indicator:add"),
        _data(method=Indicator.Method.MANUAL, activity_type=ActivityType.objects.first().pk),
    )
    assert response.status_code == 200
    assert "Elle girilen bir gösterge için faaliyet türü seçilmez" in response.content.decode()
    assert not Indicator.objects.exists()


def test_coordinators_see_indicators_but_cannot_change_them(client):
    indicator = IndicatorFactory(name="Ulaşılan kişi")
    client.force_login(staff_user(StaffRole.COORDINATOR, 34))
    assert client.get(reverse("indicator:index")).status_code == 200
    response = client.post(reverse("indicator:edit", args=[indicator.pk]), _data(name="Başka"))
    assert response.status_code in (302, 403)
    indicator.refresh_from_db()
    assert indicator.name == "Ulaşılan kişi"
    assert client.post(reverse("indicator:add"), _data()).status_code in (302, 403)
    assert Indicator.objects.count() == 1


def test_service_figures_and_populations_are_listed_for_staff(client):
    client.force_login(staff_user(StaffRole.ADMIN))
    assert client.get(reverse("servicefigure:index")).status_code == 200
    assert client.get(reverse("provincepopulation:index")).status_code == 200


def test_indicator_save_service_is_for_administrators():
    from django.core.exceptions import PermissionDenied, ValidationError

    area = WorkingArea.objects.order_by("sort_order").first()
    data = {
        "name": "Gönüllü saati",
        "name_en": "Volunteer hours",
        "working_area": area,
        "unit": "saat",
        "unit_en": "hours",
        "method": Indicator.Method.VOLUNTEER_HOURS,
    }
    with pytest.raises(PermissionDenied):
        ind.indicator_save(data=data, by=staff_user(StaffRole.COORDINATOR, 34))
    admin = staff_user(StaffRole.ADMIN)
    assert ind.indicator_save(data=data, by=admin).pk
    with pytest.raises(ValidationError):
        ind.indicator_save(
            data={**data, "method": "manual", "activity_type": ActivityType.objects.first()},
            by=admin,
        )
