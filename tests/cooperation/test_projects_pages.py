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
from cooperation.models import Activity, Project, ProjectFile, ProjectPartner, ProjectUpdate
from core.factories import UserFactory, staff_user
from core.models import Province, StaffRole, WorkingArea

pytestmark = pytest.mark.django_db

J = Project.Status
PP = ProjectPartner.Status


class World:
    def __init__(self):
        self.lead_owner = UserFactory(email="lider@example.org")
        self.lead = OrganisationFactory(
            accredited=True, owner=self.lead_owner, legal_name="Umut Işığı Derneği"
        )
        self.partner_owner = UserFactory(email="ortak@example.org")
        self.partner_org = OrganisationFactory(
            accredited=True, owner=self.partner_owner, legal_name="Moda Gençlik Derneği"
        )
        self.third_owner = UserFactory(email="ucuncu@example.org")
        self.third = OrganisationFactory(
            accredited=True, owner=self.third_owner, legal_name="Bornova Vakfı"
        )
        self.project = ProjectFactory(
            lead=self.lead,
            title="Kadıköy önleme ağı",
            slug="kadikoy-onleme-agi",
            partner_roles_needed="Okul oturumları",
        )
        ProjectPartnerFactory(
            project=self.project, organisation=self.partner_org, status=PP.ACCEPTED
        )

    def url(self, name="project_detail", project=None):
        return reverse(name, args=[(project or self.project).slug])


@pytest.fixture
def world():
    return World()


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


def test_anonymous_people_cannot_open_a_project_or_its_files(client, world):
    item = projects.file_upload(
        project=world.project,
        organisation=world.lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Plan",
        by=world.lead_owner,
    )
    for url in (world.url(), reverse("project_file_download", args=[item.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_people_outside_the_platform_are_refused_everywhere(client, world):
    item = projects.file_upload(
        project=world.project,
        organisation=world.lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Plan",
        by=world.lead_owner,
    )
    for label, person in _refused_people().items():
        _client(client, person)
        for url in (
            reverse("project_list"),
            reverse("project_create"),
            world.url(),
            reverse("project_file_download", args=[item.pk]),
        ):
            assert client.get(url).status_code == 403, (label, url)
        response = client.post(world.url("project_join"), {"message": "Katılalım"})
        assert response.status_code == 403, label
    assert ProjectPartner.objects.filter(project=world.project).count() == 1


def test_another_platform_member_sees_the_summary_but_not_the_workspace(client, world):
    projects.update_post(
        project=world.project,
        organisation=world.lead,
        text="Gizli ortak notu",
        by=world.lead_owner,
    )
    item = projects.file_upload(
        project=world.project,
        organisation=world.lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Ortak çalışma planı",
        by=world.lead_owner,
    )
    response = _client(client, world.third_owner).get(world.url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kadıköy önleme ağı" in page
    assert "Katılma isteği gönder" in page
    assert "Gizli ortak notu" not in page
    assert "Ortak çalışma planı" not in page
    assert client.get(reverse("project_file_download", args=[item.pk])).status_code == 403


def test_a_coordinator_sees_the_list_and_summary_but_not_the_files(client, world):
    item = projects.file_upload(
        project=world.project,
        organisation=world.lead,
        upload=SimpleUploadedFile("plan.pdf", MINIMAL_PDF),
        title="Ortak çalışma planı",
        by=world.lead_owner,
    )
    _client(client, staff_user(StaffRole.COORDINATOR, 35))
    assert client.get(reverse("project_list")).status_code == 200
    page = client.get(world.url()).content.decode()
    assert "Kadıköy önleme ağı" in page
    assert "Ortak çalışma planı" not in page
    assert client.get(reverse("project_file_download", args=[item.pk])).status_code == 403


def test_partners_share_updates_and_download_files(client, world):
    _client(client, world.partner_owner)
    response = client.post(
        world.url("project_update_create"),
        {"organisation": world.partner_org.pk, "text": "İlk oturum yapıldı."},
    )
    assert response.status_code == 302
    response = client.post(
        world.url("project_file_upload"),
        {
            "organisation": world.partner_org.pk,
            "title": "Oturum programı",
            "upload": SimpleUploadedFile("program.pdf", MINIMAL_PDF),
        },
    )
    assert response.status_code == 302
    item = ProjectFile.objects.get()
    assert item.content_type == "application/pdf"
    page = client.get(world.url()).content.decode()
    assert "İlk oturum yapıldı." in page
    assert "Oturum programı" in page
    _client(client, world.lead_owner)
    download = client.get(reverse("project_file_download", args=[item.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == MINIMAL_PDF
    assert "attachment" in download["Content-Disposition"]


def test_a_file_that_is_not_what_it_claims_is_refused_with_a_message(client, world):
    _client(client, world.lead_owner)
    response = client.post(
        world.url("project_file_upload"),
        {
            "organisation": world.lead.pk,
            "title": "Bütçe",
            "upload": SimpleUploadedFile("butce.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bu dosya türü kabul edilmiyor" in page
    assert 'value="Bütçe"' in page
    assert not ProjectFile.objects.exists()


def test_a_requesting_organisation_cannot_post_or_upload(client, world):
    ProjectPartnerFactory(project=world.project, organisation=world.third, status=PP.REQUESTED)
    _client(client, world.third_owner)
    response = client.post(
        world.url("project_update_create"), {"organisation": world.third.pk, "text": "x"}
    )
    assert response.status_code == 403
    assert not ProjectUpdate.objects.exists()


# --- Proposing --------------------------------------------------------------------------------


def test_proposing_from_an_overlapping_activity_prefills_and_links_my_own(client, world):
    theirs = ActivityFactory(organisation=world.third, title="Gençlerle spor ve önleme")
    own = ActivityFactory(organisation=world.lead, title="Okulda önleme semineri")
    _client(client, world.lead_owner)
    url = reverse("project_create") + f"?activity={theirs.pk}&from={own.pk}"
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ortak proje: Gençlerle spor ve önleme" in page
    assert f'<option value="{world.third.pk}" selected>' in page
    assert "Okulda önleme semineri" in page
    response = client.post(
        url,
        {
            "organisation": world.lead.pk,
            "title": "Kadıköy gençlik ağı",
            "aims": "Spor ve okul çalışmalarını birleştirmek.",
            "working_areas": [theirs.working_area_id],
            "provinces": [34],
            "starts_on": theirs.starts_on.isoformat(),
            "ends_on": (theirs.starts_on + dt.timedelta(days=90)).isoformat(),
            "invite": [world.third.pk],
            "invite_message": "Birlikte çalışalım.",
            "from_activity": own.pk,
        },
    )
    project = Project.objects.get(title="Kadıköy gençlik ağı")
    assert response.status_code == 302
    assert response["Location"] == reverse("project_detail", args=[project.slug])
    assert project.partners.get().organisation == world.third
    assert project.partners.get().status == PP.INVITED
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.project == project
    assert theirs.project is None


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, world):
    _client(client, world.lead_owner)
    today = timezone.localdate()
    response = client.post(
        reverse("project_create"),
        {
            "organisation": world.lead.pk,
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


def test_a_plain_member_cannot_propose(client, world):
    member = UserFactory()
    Membership.objects.create(organisation=world.lead, user=member, role="member")
    assert _client(client, member).get(reverse("project_create")).status_code == 403


def test_someone_cannot_propose_in_the_name_of_an_organisation_they_do_not_manage(client, world):
    _client(client, world.lead_owner)
    response = client.post(
        reverse("project_create"),
        {
            "organisation": world.third.pk,
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


def test_only_the_lead_edits(client, world):
    assert _client(client, world.partner_owner).get(world.url("project_edit")).status_code == 403
    _client(client, world.lead_owner)
    response = client.post(
        world.url("project_edit"),
        {
            "title": "Kadıköy önleme ağı (2. dönem)",
            "aims": "Yeni amaçlar",
            "working_areas": [WorkingArea.objects.order_by("pk").first().pk],
            "provinces": [34, 35],
            "starts_on": world.project.starts_on.isoformat(),
            "ends_on": world.project.ends_on.isoformat(),
        },
    )
    assert response.status_code == 302
    world.project.refresh_from_db()
    assert world.project.title == "Kadıköy önleme ağı (2. dönem)"
    assert set(world.project.provinces.values_list("code", flat=True)) == {34, 35}


# --- Joining and answering --------------------------------------------------------------------


def test_joining_answering_and_activating_through_the_pages(
    client, world, outbox, django_capture_on_commit_callbacks
):
    project = ProjectFactory(lead=world.lead, title="Bornova aile programı")
    _client(client, world.third_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            world.url("project_join", project),
            {"organisation": world.third.pk, "message": "Aile programımızla katılalım."},
        )
    assert response.status_code == 302
    request = ProjectPartner.objects.get(project=project, organisation=world.third)
    assert request.status == PP.REQUESTED
    assert [m.to for m in outbox] == [[world.lead_owner.email]]

    # The requester cannot accept their own request; the lead can.
    client.post(reverse("project_partner_respond", args=[request.pk]), {"target": "accepted"})
    request.refresh_from_db()
    assert request.status == PP.REQUESTED
    _client(client, world.lead_owner)
    page = client.get(world.url(project=project)).content.decode()
    assert "Aile programımızla katılalım." in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("project_partner_respond", args=[request.pk]), {"target": "accepted"})
    request.refresh_from_db()
    assert request.status == PP.ACCEPTED
    assert outbox[-1].to == [world.third_owner.email]

    response = client.post(world.url("project_transition", project), {"target": "active"})
    project.refresh_from_db()
    assert project.status == J.ACTIVE


def test_activating_without_a_partner_explains_why(client, world):
    project = ProjectFactory(lead=world.lead)
    _client(client, world.lead_owner)
    response = client.post(
        world.url("project_transition", project), {"target": "active"}, follow=True
    )
    assert "en az bir ortak kuruluşla yürürlüğe girer" in response.content.decode()
    project.refresh_from_db()
    assert project.status == J.PROPOSED


def test_declining_a_request_without_a_reason_is_refused(client, world):
    request = ProjectPartnerFactory(
        project=world.project, organisation=world.third, status=PP.REQUESTED
    )
    _client(client, world.lead_owner)
    response = client.post(
        reverse("project_partner_respond", args=[request.pk]), {"target": "declined"}, follow=True
    )
    assert "gerekçe" in response.content.decode()
    request.refresh_from_db()
    assert request.status == PP.REQUESTED


def test_an_outsider_cannot_answer_anybodys_partnership(client, world):
    invitation = ProjectPartnerFactory(
        project=world.project, organisation=world.third, status=PP.INVITED
    )
    stranger = UserFactory()
    OrganisationFactory(accredited=True, owner=stranger)
    response = _client(client, stranger).post(
        reverse("project_partner_respond", args=[invitation.pk]), {"target": "accepted"}
    )
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == PP.INVITED


def test_the_lead_invites_through_the_page(
    client, world, outbox, django_capture_on_commit_callbacks
):
    _client(client, world.lead_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            world.url("project_invite"),
            {"organisation": world.third.pk, "role": "Aile oturumları", "message": "Bekleriz"},
        )
    assert response.status_code == 302
    invitation = ProjectPartner.objects.get(organisation=world.third)
    assert (invitation.status, invitation.role) == (PP.INVITED, "Aile oturumları")
    assert [m.to for m in outbox] == [[world.third_owner.email]]
    assert "Aile oturumları" in outbox[0].body
    # The invited organisation sees the invitation and accepts it.
    _client(client, world.third_owner)
    assert "Daveti kabul et" in client.get(world.url()).content.decode()
    client.post(reverse("project_partner_respond", args=[invitation.pk]), {"target": "accepted"})
    invitation.refresh_from_db()
    assert invitation.status == PP.ACCEPTED


def test_a_partner_cannot_invite(client, world):
    response = _client(client, world.partner_owner).post(
        world.url("project_invite"), {"organisation": world.third.pk}
    )
    assert response.status_code == 403


def test_linking_an_activity_from_the_project_page(client, world):
    activity = ActivityFactory(
        organisation=world.partner_org,
        title="Moda'da sokak futbolu",
        status=Activity.Status.COMPLETED,
        people_reached=40,
    )
    _client(client, world.partner_owner)
    response = client.post(world.url(), {"action": "link", "activity": activity.pk})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.project == world.project
    page = client.get(world.url()).content.decode()
    assert "Moda&#x27;da sokak futbolu" in page or "Moda'da sokak futbolu" in page
    assert "40 ulaşılan kişi" in page
    # The lead cannot link the partner's activity from their side.
    other = ActivityFactory(organisation=world.partner_org)
    _client(client, world.lead_owner)
    response = client.post(world.url(), {"action": "link", "activity": other.pk})
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.project is None


# --- The list ---------------------------------------------------------------------------------


def test_the_list_filters_by_status_province_looking_and_mine(client, world):
    izmir = ProjectFactory(
        lead=world.third,
        title="İzmir aile ağı",
        status=J.COMPLETED,
        provinces=[Province.objects.get(code=35)],
    )
    _client(client, world.partner_owner)

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


def test_the_list_costs_the_same_queries_however_many_projects(client, world):
    _client(client, world.partner_owner)
    client.get(reverse("project_list"))  # warm the session and roles

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("project_list"))
        assert response.status_code == 200
        return len(queries)

    ProjectFactory(lead=world.third)
    few = count()
    for _ in range(8):
        project = ProjectFactory(
            lead=world.third, provinces=[Province.objects.get(code=35)], partner_roles_needed="x"
        )
        ProjectPartnerFactory(project=project, organisation=world.lead, status=PP.ACCEPTED)
    many = count()
    assert Project.objects.count() == 10
    assert few == many
