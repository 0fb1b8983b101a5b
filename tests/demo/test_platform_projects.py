"""The joint projects demo: an active Kadıköy project led by Umut Işığı with Moda Gençlik as
partner, built from their overlapping plans, with a pending request, a pending invitation,
updates and a file; a completed İzmir project; building twice makes nothing new."""

import pytest
from django.test import override_settings
from django.urls import reverse

from cooperation.demo.projects import BORNOVA, IZMIR, KADIKOY, MODA, UMUT, build
from cooperation.models import Activity, Project, ProjectPartner
from core.models import User

pytestmark = pytest.mark.django_db

PP = ProjectPartner.Status
EXEMPT = override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])


PROJECT_COUNTS = (
    "projects",
    "project_partners",
    "project_updates",
    "project_files",
    "project_linked_activities",
)


def test_the_demo_builds_the_projects_once(demo):
    first = {key: demo.first["cooperation"][key] for key in PROJECT_COUNTS}
    # Both Kadıköy plans and the İzmir activities of the activities demo are linked.
    assert first == {
        "projects": 2,
        "project_partners": 4,
        "project_updates": 3,
        "project_files": 1,
        "project_linked_activities": 6,
    }
    assert {demo.second["cooperation"][key] for key in PROJECT_COUNTS} == {0}
    assert set(build().values()) == {0}
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
    # The completed İzmir activities of the activities demo.
    assert project.activities.count() == 4
    assert {a.status for a in project.activities.all()} == {Activity.Status.COMPLETED}


def test_moda_opens_the_project_page_and_its_file(demo, client):
    client.force_login(User.objects.get(email="stk.moda@demo.example"))
    project = Project.objects.get(title=KADIKOY)
    page = client.get(reverse("project_detail", args=[project.slug])).content.decode()
    assert "Ortak oturum takvimi" in page
    assert "Moda sahilinde gençlik spor ve önleme buluşmaları" in page  # a linked activity
    response = client.get(reverse("project_file_download", args=[project.files.get().pk]))
    assert response.status_code == 200
    assert client.get(reverse("project_list")).status_code == 200
