"""Joint project pages: who reaches what, proposing from an overlapping activity, joining,
answering, updates, private files, filters and a list that costs the same queries however
long it is."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import MINIMAL_PDF, OrganisationFactory
from accreditation.models import Membership
from cooperation import projects
from cooperation.factories import ActivityFactory, ProjectFactory, ProjectPartnerFactory
from cooperation.models import Project, ProjectFile, ProjectPartner, ProjectUpdate
from core.factories import UserFactory, staff_user
from core.models import Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

J = Project.Status
PP = ProjectPartner.Status


@pytest.fixture
def project(lead, partner_org):
    """The lead's proposed project looking for partners, with partner_org accepted."""
    return ProjectFactory(
        lead=lead,
        title="Kadıköy önleme ağı",
        slug="kadikoy-onleme-agi",
        partner_roles_needed="Okul oturumları",
        partners=[partner_org],
    )


def _url(project, name="project_detail"):
    return reverse(name, args=[project.slug])


def _client(client, user):
    client.force_login(user)
    return client


def _refused_people():
    """Signed-in people who must not enter the platform."""
    plain = UserFactory()
    OrganisationFactory(owner=plain)  # registered, never accredited
    expired = UserFactory()
    OrganisationFactory(expired=True, owner=expired)
    former = UserFactory()
    organisation = OrganisationFactory(accredited=True, owner=former)
    Membership.objects.filter(user=former, organisation=organisation).delete()
    return {"not accredited": plain, "expired": expired, "former member": former}


# --- Who enters -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["project_list", "project_create"])
def test_anonymous_people_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_anonymous_people_cannot_open_a_project_or_its_files(client, project, lead, lead_owner):
    item = projects.file_upload(
        project=project,
        organisation=lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Plan",
        by=lead_owner,
    )
    for url in (_url(project), reverse("project_file_download", args=[item.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_people_outside_the_platform_are_refused_everywhere(client, project, lead, lead_owner):
    item = projects.file_upload(
        project=project,
        organisation=lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Plan",
        by=lead_owner,
    )
    for label, person in _refused_people().items():
        _client(client, person)
        for url in (
            reverse("project_list"),
            reverse("project_create"),
            _url(project),
            reverse("project_file_download", args=[item.pk]),
        ):
            assert client.get(url).status_code == 403, (label, url)
        response = client.post(_url(project, "project_join"), {"message": "Katılalım"})
        assert response.status_code == 403, label
    assert ProjectPartner.objects.filter(project=project).count() == 1


def test_another_platform_member_sees_the_summary_but_not_the_workspace(
    client, project, lead, lead_owner, third_owner
):
    projects.update_post(
        project=project,
        organisation=lead,
        text="Gizli ortak notu",
        by=lead_owner,
    )
    item = projects.file_upload(
        project=project,
        organisation=lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Ortak çalışma planı",
        by=lead_owner,
    )
    response = _client(client, third_owner).get(_url(project))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kadıköy önleme ağı" in page
    assert "Katılma isteği gönder" in page
    assert "Gizli ortak notu" not in page
    assert "Ortak çalışma planı" not in page
    assert client.get(reverse("project_file_download", args=[item.pk])).status_code == 403


def test_a_coordinator_sees_the_list_and_summary_but_not_the_files(
    client, project, lead, lead_owner
):
    item = projects.file_upload(
        project=project,
        organisation=lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Ortak çalışma planı",
        by=lead_owner,
    )
    _client(client, staff_user(StaffRole.COORDINATOR, 35))
    assert client.get(reverse("project_list")).status_code == 200
    page = client.get(_url(project)).content.decode()
    assert "Kadıköy önleme ağı" in page
    assert "Ortak çalışma planı" not in page
    assert client.get(reverse("project_file_download", args=[item.pk])).status_code == 403


def test_partners_share_updates_and_download_files(
    client, project, lead_owner, partner_org, partner_owner
):
    _client(client, partner_owner)
    response = client.post(
        _url(project, "project_update_create"),
        {"organisation": partner_org.pk, "text": "İlk oturum yapıldı."},
    )
    assert response.status_code == 302
    response = client.post(
        _url(project, "project_file_upload"),
        {
            "organisation": partner_org.pk,
            "title": "Oturum programı",
            "upload": SimpleUploadedFile("program.pdf", MINIMAL_PDF),
        },
    )
    assert response.status_code == 302
    item = ProjectFile.objects.get()
    assert item.content_type == "application/pdf"
    page = client.get(_url(project)).content.decode()
    assert "İlk oturum yapıldı." in page
    assert "Oturum programı" in page
    _client(client, lead_owner)
    download = client.get(reverse("project_file_download", args=[item.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == MINIMAL_PDF
    assert "attachment" in download["Content-Disposition"]


def test_a_file_that_is_not_what_it_claims_is_refused_with_a_message(
    client, project, lead, lead_owner
):
    _client(client, lead_owner)
    response = client.post(
        _url(project, "project_file_upload"),
        {
            "organisation": lead.pk,
            "title": "Bütçe",
            "upload": SimpleUploadedFile("butce.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bu dosya türü kabul edilmiyor" in page
    assert 'value="Bütçe"' in page
    assert not ProjectFile.objects.exists()


def test_a_requesting_organisation_cannot_post_or_upload(client, project, third, third_owner):
    ProjectPartnerFactory(project=project, organisation=third, requested=True)
    _client(client, third_owner)
    response = client.post(
        _url(project, "project_update_create"), {"organisation": third.pk, "text": "x"}
    )
    assert response.status_code == 403
    assert not ProjectUpdate.objects.exists()


# --- Proposing --------------------------------------------------------------------------------


def test_proposing_from_an_overlapping_activity_prefills_and_links_my_own(
    client, lead, lead_owner, third
):
    theirs = ActivityFactory(organisation=third, title="Gençlerle spor ve önleme")
    own = ActivityFactory(organisation=lead, title="Okulda önleme semineri")
    _client(client, lead_owner)
    url = reverse("project_create") + f"?activity={theirs.pk}&from={own.pk}"
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ortak proje: Gençlerle spor ve önleme" in page
    assert f'<option value="{third.pk}" selected>' in page
    assert "Okulda önleme semineri" in page
    response = client.post(
        url,
        {
            "organisation": lead.pk,
            "title": "Kadıköy gençlik ağı",
            "aims": "Spor ve okul çalışmalarını birleştirmek.",
            "working_areas": [theirs.working_area_id],
            "provinces": [34],
            "starts_on": theirs.starts_on.isoformat(),
            "ends_on": (theirs.starts_on + dt.timedelta(days=90)).isoformat(),
            "invite": [third.pk],
            "invite_message": "Birlikte çalışalım.",
            "from_activity": own.pk,
        },
    )
    project = Project.objects.get(title="Kadıköy gençlik ağı")
    assert response.status_code == 302
    assert response["Location"] == reverse("project_detail", args=[project.slug])
    assert project.partners.get().organisation == third
    assert project.partners.get().status == PP.INVITED
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.project == project
    assert theirs.project is None


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, lead, lead_owner):
    _client(client, lead_owner)
    today = timezone.localdate()
    response = client.post(
        reverse("project_create"),
        {
            "organisation": lead.pk,
            "title": "Yaz okulu",
            "aims": "Gençlere yaz boyunca güvenli alanlar.",
            "working_areas": [WorkingArea.objects.order_by("pk").first().pk],
            "provinces": [34],
            "starts_on": today.isoformat(),
            "ends_on": (today - dt.timedelta(days=3)).isoformat(),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitiş tarihi, başlangıç tarihinden önce olamaz." in page
    assert 'value="Yaz okulu"' in page
    assert "Gençlere yaz boyunca güvenli alanlar." in page
    assert not Project.objects.filter(title="Yaz okulu").exists()


def test_a_plain_member_cannot_propose(client, lead):
    member = UserFactory()
    Membership.objects.create(organisation=lead, user=member, role="member")
    assert _client(client, member).get(reverse("project_create")).status_code == 403


def test_someone_cannot_propose_in_the_name_of_an_organisation_they_do_not_manage(
    client, lead_owner, third
):
    _client(client, lead_owner)
    response = client.post(
        reverse("project_create"),
        {
            "organisation": third.pk,
            "title": "Başkasının adına",
            "aims": "x",
            "working_areas": [WorkingArea.objects.order_by("pk").first().pk],
            "provinces": [34],
            "starts_on": "2026-12-01",
            "ends_on": "2027-01-01",
        },
    )
    assert response.status_code == 200
    assert "Kuruluşu listeden seçin." in response.content.decode()
    assert not Project.objects.filter(title="Başkasının adına").exists()


def test_only_the_lead_edits(client, project, lead_owner, partner_owner):
    assert _client(client, partner_owner).get(_url(project, "project_edit")).status_code == 403
    _client(client, lead_owner)
    response = client.post(
        _url(project, "project_edit"),
        {
            "title": "Kadıköy önleme ağı (2. dönem)",
            "aims": "Yeni amaçlar",
            "working_areas": [WorkingArea.objects.order_by("pk").first().pk],
            "provinces": [34, 35],
            "starts_on": project.starts_on.isoformat(),
            "ends_on": project.ends_on.isoformat(),
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Kadıköy önleme ağı (2. dönem)"
    assert set(project.provinces.values_list("code", flat=True)) == {34, 35}


# --- Joining and answering --------------------------------------------------------------------


@pytest.mark.usefixtures("project")
def test_joining_answering_and_activating_through_the_pages(
    client, lead, lead_owner, third, third_owner, outbox, django_capture_on_commit_callbacks
):
    project = ProjectFactory(lead=lead, title="Bornova aile programı")
    _client(client, third_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(project, "project_join"),
            {"organisation": third.pk, "message": "Aile programımızla katılalım."},
        )
    assert response.status_code == 302
    request = ProjectPartner.objects.get(project=project, organisation=third)
    assert request.status == PP.REQUESTED
    assert [m.to for m in outbox] == [[lead_owner.email]]

    # The requester cannot accept their own request; the lead can.
    client.post(reverse("project_partner_respond", args=[request.pk]), {"target": "accepted"})
    request.refresh_from_db()
    assert request.status == PP.REQUESTED
    _client(client, lead_owner)
    page = client.get(_url(project)).content.decode()
    assert "Aile programımızla katılalım." in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("project_partner_respond", args=[request.pk]), {"target": "accepted"})
    request.refresh_from_db()
    assert request.status == PP.ACCEPTED
    assert outbox[-1].to == [third_owner.email]

    response = client.post(_url(project, "project_transition"), {"target": "active"})
    project.refresh_from_db()
    assert project.status == J.ACTIVE


def test_activating_without_a_partner_explains_why(client, lead, lead_owner):
    project = ProjectFactory(lead=lead)
    _client(client, lead_owner)
    response = client.post(_url(project, "project_transition"), {"target": "active"}, follow=True)
    assert "en az bir ortak kuruluşla yürürlüğe girer" in response.content.decode()
    project.refresh_from_db()
    assert project.status == J.PROPOSED


def test_declining_a_request_without_a_reason_is_refused(client, project, lead_owner, third):
    request = ProjectPartnerFactory(project=project, organisation=third, requested=True)
    _client(client, lead_owner)
    response = client.post(
        reverse("project_partner_respond", args=[request.pk]), {"target": "declined"}, follow=True
    )
    assert "gerekçe" in response.content.decode()
    request.refresh_from_db()
    assert request.status == PP.REQUESTED


def test_an_outsider_cannot_answer_anybodys_partnership(client, project, third):
    invitation = ProjectPartnerFactory(project=project, organisation=third, invited=True)
    stranger = UserFactory()
    OrganisationFactory(accredited=True, owner=stranger)
    response = _client(client, stranger).post(
        reverse("project_partner_respond", args=[invitation.pk]), {"target": "accepted"}
    )
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == PP.INVITED


def test_the_lead_invites_through_the_page(
    client, project, lead_owner, third, third_owner, outbox, django_capture_on_commit_callbacks
):
    _client(client, lead_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(project, "project_invite"),
            {"organisation": third.pk, "role": "Aile oturumları", "message": "Bekleriz"},
        )
    assert response.status_code == 302
    invitation = ProjectPartner.objects.get(organisation=third)
    assert (invitation.status, invitation.role) == (PP.INVITED, "Aile oturumları")
    assert [m.to for m in outbox] == [[third_owner.email]]
    assert "Aile oturumları" in outbox[0].body
    # The invited organisation sees the invitation and accepts it.
    _client(client, third_owner)
    assert "Daveti kabul et" in client.get(_url(project)).content.decode()
    client.post(reverse("project_partner_respond", args=[invitation.pk]), {"target": "accepted"})
    invitation.refresh_from_db()
    assert invitation.status == PP.ACCEPTED


def test_a_partner_cannot_invite(client, project, partner_owner, third):
    response = _client(client, partner_owner).post(
        _url(project, "project_invite"), {"organisation": third.pk}
    )
    assert response.status_code == 403


def test_linking_an_activity_from_the_project_page(
    client, project, lead_owner, partner_org, partner_owner
):
    activity = ActivityFactory(
        organisation=partner_org,
        title="Moda'da sokak futbolu",
        completed=True,
        people_reached=40,
    )
    _client(client, partner_owner)
    response = client.post(_url(project), {"action": "link", "activity": activity.pk})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.project == project
    page = client.get(_url(project)).content.decode()
    assert "Moda&#x27;da sokak futbolu" in page or "Moda'da sokak futbolu" in page
    assert "40 ulaşılan kişi" in page
    # The lead cannot link the partner's activity from their side.
    other = ActivityFactory(organisation=partner_org)
    _client(client, lead_owner)
    response = client.post(_url(project), {"action": "link", "activity": other.pk})
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.project is None


# --- The list ---------------------------------------------------------------------------------


def test_the_list_filters_by_status_province_looking_and_mine(
    client, project, partner_owner, third
):
    izmir = ProjectFactory(
        lead=third,
        title="İzmir aile ağı",
        completed=True,
        provinces=[Province.objects.get(code=35)],
    )
    _client(client, partner_owner)

    def titles(**params):
        response = client.get(reverse("project_list"), params)
        assert response.status_code == 200
        page = response.content.decode()
        return {t for t in ("Kadıköy önleme ağı", "İzmir aile ağı") if t in page}

    assert titles() == {"Kadıköy önleme ağı", "İzmir aile ağı"}
    assert titles(status="completed") == {"İzmir aile ağı"}
    assert titles(province=35) == {"İzmir aile ağı"}
    assert titles(looking="on") == {"Kadıköy önleme ağı"}
    assert titles(mine="on") == {"Kadıköy önleme ağı"}
    assert titles(q="Bornova") == {"İzmir aile ağı"}
    assert izmir.pk


@pytest.mark.usefixtures("project")
def test_the_list_costs_the_same_queries_however_many_projects(client, lead, partner_owner, third):
    _client(client, partner_owner)
    client.get(reverse("project_list"))  # warm the session and roles

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("project_list"))
        assert response.status_code == 200
        return len(queries)

    ProjectFactory(lead=third)
    few = count()
    for _ in range(8):
        project = ProjectFactory(
            lead=third, provinces=[Province.objects.get(code=35)], partner_roles_needed="x"
        )
        ProjectPartnerFactory(project=project, organisation=lead, accepted=True)
    many = count()
    assert Project.objects.count() == 10
    assert few == many
