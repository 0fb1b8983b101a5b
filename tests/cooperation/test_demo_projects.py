"""The joint projects demo: an active Kadıköy project led by Umut Işığı with Moda Gençlik as
partner, built from their overlapping plans, with a pending request, a pending invitation,
updates and a file; a completed İzmir project; building twice makes nothing new."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accreditation.demo import build as build_accreditation
from accreditation.models import Organisation
from cooperation.demo.projects import BORNOVA, IZMIR, KADIKOY, MODA, UMUT, build
from cooperation.factories import ActivityFactory
from cooperation.models import Activity, Project, ProjectPartner
from core.demo import create_accounts
from core.models import District, TargetGroup, User, WorkingArea

pytestmark = pytest.mark.django_db

PP = ProjectPartner.Status
EXEMPT = override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])


def _overlapping_plans():
    """What the activities demo makes (two overlapping planned Kadıköy activities, completed
    İzmir ones), in case this database does not have it."""
    today = timezone.localdate()
    area = WorkingArea.objects.order_by("sort_order").first()
    group = TargetGroup.objects.order_by("sort_order").first()
    kadikoy = District.objects.get(province_id=34, slug="kadikoy")
    made = []
    for name, title, offset in (
        (UMUT, "Lise öğrencileriyle önleme semineri", 20),
        (MODA, "Gençlerle spor temelli önleme", 25),
    ):
        made.append(
            ActivityFactory(
                organisation=Organisation.objects.get(legal_name=name),
                title=title,
                working_area=area,
                district=kadikoy,
                starts_on=today + dt.timedelta(days=offset),
                ends_on=today + dt.timedelta(days=offset + 30),
                target_groups=[group],
            )
        )
    bornova = Organisation.objects.get(legal_name=BORNOVA)
    made.append(
        ActivityFactory(
            organisation=bornova,
            title="Aile buluşması",
            province=bornova.province,
            district=bornova.district,
            starts_on=today - dt.timedelta(days=100),
            ends_on=today - dt.timedelta(days=100),
            status=Activity.Status.COMPLETED,
            people_reached=35,
        )
    )
    return made


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), EXEMPT, transaction.atomic():
        create_accounts()
        build_accreditation()
        _overlapping_plans()
        yield build()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _exempt(settings):
    settings.PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = ["demo.example"]


def test_the_demo_builds_the_projects_once(demo):
    assert demo == {
        "projects": 2,
        "project_partners": 4,
        "project_updates": 3,
        "project_files": 1,
        "project_linked_activities": 3,
    }
    again = build()
    assert set(again.values()) == {0}
    assert Project.objects.count() == 2


def test_the_kadikoy_project_is_active_with_moda_and_pending_answers(demo):
    project = Project.objects.get(title=KADIKOY)
    assert project.status == Project.Status.ACTIVE
    assert project.lead.legal_name == UMUT
    statuses = {p.organisation.legal_name: p.status for p in project.partners.all()}
    assert statuses[MODA] == PP.ACCEPTED
    assert statuses[BORNOVA] == PP.INVITED
    assert PP.REQUESTED in statuses.values()
    linked = set(project.activities.values_list("organisation__legal_name", flat=True))
    assert linked == {UMUT, MODA}
    assert project.updates.count() == 2
    assert project.files.count() == 1


def test_the_izmir_project_is_completed(demo):
    project = Project.objects.get(title=IZMIR)
    assert project.status == Project.Status.COMPLETED
    assert project.partners.get().status == PP.ACCEPTED
    assert project.activities.count() == 1


def test_moda_opens_the_project_page_and_its_file(demo, client):
    client.force_login(User.objects.get(email="stk.moda@demo.example"))
    project = Project.objects.get(title=KADIKOY)
    page = client.get(reverse("project_detail", args=[project.slug])).content.decode()
    assert "Ortak oturum takvimi" in page
    assert "Lise öğrencileriyle önleme semineri" in page
    response = client.get(reverse("project_file_download", args=[project.files.get().pk]))
    assert response.status_code == 200
    assert client.get(reverse("project_list")).status_code == 200
