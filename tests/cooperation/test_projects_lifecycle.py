"""Joint projects: the services and every (from, to) pair of the project and partnership life
cycles, allowed and refused, with who may make each move and the e-mails each sends."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from cooperation import projects
from cooperation.factories import ActivityFactory, ProjectFactory, ProjectPartnerFactory
from cooperation.models import Activity, Project, ProjectPartner
from cooperation.workflow import PARTNER_LIFECYCLE, PROJECT_LIFECYCLE
from core.exceptions import DomainError
from core.factories import UserFactory
from core.lifecycle import IllegalTransition, TransitionNotPermitted, transition
from core.models import Province, StatusChange, User, WorkingArea

pytestmark = pytest.mark.django_db

J = Project.Status
PP = ProjectPartner.Status
NOTE = "Gerekçesi kayıtlı."


def fresh(user):
    return User.objects.get(pk=user.pk)


class World:
    """A lead organisation with its owner and a plain member, a partner organisation with its
    owner, and a third accredited organisation."""

    def __init__(self):
        self.lead_owner = UserFactory(email="lider@example.org")
        self.lead = OrganisationFactory(accredited=True, owner=self.lead_owner)
        self.lead_member = UserFactory()
        Membership.objects.create(organisation=self.lead, user=self.lead_member, role="member")
        self.partner_owner = UserFactory(email="ortak@example.org")
        self.partner_org = OrganisationFactory(accredited=True, owner=self.partner_owner)
        self.third_owner = UserFactory(email="ucuncu@example.org")
        self.third = OrganisationFactory(accredited=True, owner=self.third_owner)

    def data(self, **overrides):
        today = timezone.localdate()
        return {
            "title": "Kadıköy'de birlikte önleme",
            "aims": "Okul ve mahalle çalışmalarını birleştirmek.",
            "description": "",
            "starts_on": today,
            "ends_on": today + dt.timedelta(days=180),
            "partner_roles_needed": "Okul oturumlarını yürütecek bir kuruluş.",
            "working_areas": list(WorkingArea.objects.filter(sort_order=1)),
            "provinces": [Province.objects.get(code=34)],
            **overrides,
        }

    def project(self, status=J.PROPOSED, partners=()):
        project = ProjectFactory(lead=self.lead, status=status)
        for organisation in partners:
            ProjectPartnerFactory(project=project, organisation=organisation, status=PP.ACCEPTED)
        return project


@pytest.fixture
def world():
    return World()


# --- Proposing --------------------------------------------------------------------------------


def test_a_manager_proposes_a_project_with_an_invitation(
    world, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        project = projects.project_propose(
            organisation=world.lead, data=world.data(), by=world.lead_owner, invite=[world.third]
        )
    assert project.status == J.PROPOSED
    assert project.slug == "kadikoy-de-birlikte-onleme"
    assert project.lead == world.lead
    assert list(project.provinces.values_list("code", flat=True)) == [34]
    history = list(StatusChange.objects.for_object(project))
    assert [(h.from_status, h.to_status, h.by) for h in history] == [
        ("", J.PROPOSED, world.lead_owner)
    ]
    invitation = ProjectPartner.objects.get(project=project)
    assert (invitation.organisation, invitation.status) == (world.third, PP.INVITED)
    assert [m.to for m in outbox] == [[world.third_owner.email]]
    assert "davet" in outbox[0].subject


def test_a_second_project_with_the_same_title_gets_its_own_slug(world):
    first = projects.project_propose(
        organisation=world.lead, data=world.data(), by=world.lead_owner
    )
    second = projects.project_propose(
        organisation=world.lead, data=world.data(), by=world.lead_owner
    )
    assert first.slug != second.slug


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"aims": ""}, "aims"),
        ({"working_areas": []}, "working_areas"),
        ({"provinces": []}, "provinces"),
        ({"ends_on": timezone.localdate() - dt.timedelta(days=1)}, "ends_on"),
    ],
)
def test_bad_project_data_is_refused_by_field_and_nothing_saved(world, overrides, field):
    with pytest.raises(ValidationError) as caught:
        projects.project_propose(
            organisation=world.lead, data=world.data(**overrides), by=world.lead_owner
        )
    assert field in caught.value.message_dict
    assert not Project.objects.exists()


def test_a_plain_member_or_an_outsider_cannot_propose(world):
    for person in (world.lead_member, world.partner_owner, UserFactory()):
        with pytest.raises(PermissionDenied):
            projects.project_propose(organisation=world.lead, data=world.data(), by=person)


def test_an_organisation_whose_accreditation_lapsed_cannot_propose():
    owner = UserFactory()
    organisation = OrganisationFactory(expired=True, owner=owner)
    with pytest.raises(PermissionDenied):
        projects.project_propose(organisation=organisation, data=World().data(), by=owner)


def test_only_the_lead_edits_and_not_once_the_project_is_over(world):
    project = world.project()
    projects.project_update(project=project, data={"title": "Yeni ad"}, by=world.lead_owner)
    project.refresh_from_db()
    assert project.title == "Yeni ad"
    with pytest.raises(PermissionDenied):
        projects.project_update(project=project, data={"title": "X"}, by=world.partner_owner)
    Project.objects.filter(pk=project.pk).update(status=J.COMPLETED)
    with pytest.raises(DomainError):
        projects.project_update(project=project, data={"title": "Z"}, by=world.lead_owner)


# --- Requests and invitations -----------------------------------------------------------------


def test_a_request_to_join_reaches_the_leads_managers(
    world, outbox, django_capture_on_commit_callbacks
):
    project = world.project()
    with django_capture_on_commit_callbacks(execute=True):
        partner = projects.partner_request(
            project=project,
            organisation=world.partner_org,
            message="Okul oturumlarını yürütebiliriz.",
            by=world.partner_owner,
        )
    assert partner.status == PP.REQUESTED
    assert [m.to for m in outbox] == [[world.lead_owner.email]]
    assert "Okul oturumlarını yürütebiliriz." in outbox[0].body
    assert project.title in outbox[0].subject


@pytest.mark.parametrize("trait", ["expired", "none"])
def test_an_organisation_not_accredited_cannot_ask_to_join(world, trait):
    owner = UserFactory()
    organisation = (
        OrganisationFactory(expired=True, owner=owner)
        if trait == "expired"
        else OrganisationFactory(owner=owner)
    )
    with pytest.raises(DomainError, match="akreditasyonu geçerli"):
        projects.partner_request(
            project=world.project(), organisation=organisation, message="", by=owner
        )
    assert not ProjectPartner.objects.exists()


def test_a_member_who_is_not_a_manager_cannot_ask_for_their_organisation(world):
    member = UserFactory()
    Membership.objects.create(organisation=world.partner_org, user=member, role="member")
    with pytest.raises(PermissionDenied):
        projects.partner_request(
            project=world.project(), organisation=world.partner_org, message="", by=member
        )


def test_nobody_asks_for_another_organisation(world):
    with pytest.raises(PermissionDenied):
        projects.partner_request(
            project=world.project(),
            organisation=world.partner_org,
            message="",
            by=world.third_owner,
        )


@pytest.mark.parametrize("status", [PP.REQUESTED, PP.INVITED, PP.ACCEPTED, PP.DECLINED, PP.LEFT])
def test_an_organisation_already_on_the_project_cannot_be_asked_again(world, status):
    project = world.project()
    ProjectPartnerFactory(project=project, organisation=world.partner_org, status=status)
    with pytest.raises(DomainError):
        projects.partner_request(
            project=project, organisation=world.partner_org, message="", by=world.partner_owner
        )
    with pytest.raises(DomainError):
        projects.partner_invite(
            project=project,
            organisation=world.partner_org,
            role="",
            message="",
            by=world.lead_owner,
        )
    assert ProjectPartner.objects.filter(project=project).count() == 1


def test_the_lead_cannot_join_or_invite_itself(world):
    project = world.project()
    with pytest.raises(DomainError):
        projects.partner_request(
            project=project, organisation=world.lead, message="", by=world.lead_owner
        )
    with pytest.raises(DomainError):
        projects.partner_invite(
            project=project, organisation=world.lead, role="", message="", by=world.lead_owner
        )


def test_only_accredited_organisations_are_invited(world):
    with pytest.raises(DomainError):
        projects.partner_invite(
            project=world.project(),
            organisation=OrganisationFactory(expired=True),
            role="",
            message="",
            by=world.lead_owner,
        )


def test_only_the_leads_managers_invite(world):
    project = world.project()
    for person in (world.lead_member, world.partner_owner):
        with pytest.raises(PermissionDenied):
            projects.partner_invite(
                project=project, organisation=world.third, role="", message="", by=person
            )


@pytest.mark.parametrize("status", [J.COMPLETED, J.CANCELLED])
def test_a_closed_project_takes_no_new_partners(world, status):
    project = world.project(status=status)
    with pytest.raises(DomainError):
        projects.partner_request(
            project=project, organisation=world.partner_org, message="", by=world.partner_owner
        )


# --- The project life cycle -------------------------------------------------------------------

PROJECT_ALLOWED = sorted(PROJECT_LIFECYCLE.pairs())
PROJECT_REFUSED = sorted(set(itertools.permutations(J.values, 2)) - PROJECT_LIFECYCLE.pairs())


def test_the_project_table_is_the_documented_one():
    assert set(PROJECT_ALLOWED) == {
        (J.PROPOSED, J.ACTIVE),
        (J.PROPOSED, J.CANCELLED),
        (J.ACTIVE, J.COMPLETED),
        (J.ACTIVE, J.CANCELLED),
    }


@pytest.mark.parametrize(("source", "target"), PROJECT_ALLOWED)
def test_the_lead_makes_every_allowed_project_move(
    world, source, target, outbox, django_capture_on_commit_callbacks
):
    project = world.project(status=source, partners=[world.partner_org])
    with django_capture_on_commit_callbacks(execute=True):
        change = transition(project, target, by=fresh(world.lead_owner), note=NOTE)
    project.refresh_from_db()
    assert project.status == target
    assert (change.from_status, change.to_status, change.by) == (source, target, world.lead_owner)
    # The partner's managers hear of it; the lead who moved does not get a mail.
    assert [m.to for m in outbox] == [[world.partner_owner.email]]
    assert project.title in outbox[0].subject


@pytest.mark.parametrize(("source", "target"), PROJECT_ALLOWED)
def test_nobody_but_the_leads_managers_moves_a_project(world, source, target):
    project = world.project(status=source, partners=[world.partner_org])
    for person in (world.lead_member, world.partner_owner, world.third_owner, UserFactory()):
        with pytest.raises(TransitionNotPermitted):
            transition(project, target, by=fresh(person), note=NOTE)
    project.refresh_from_db()
    assert project.status == source


@pytest.mark.parametrize(("source", "target"), PROJECT_REFUSED)
def test_every_other_project_move_is_illegal(world, source, target):
    project = world.project(status=source, partners=[world.partner_org])
    with pytest.raises(IllegalTransition):
        transition(project, target, by=fresh(world.lead_owner), note=NOTE)


def test_a_project_without_an_accepted_partner_cannot_start(world):
    project = world.project()
    ProjectPartnerFactory(project=project, organisation=world.partner_org, status=PP.REQUESTED)
    with pytest.raises(DomainError, match="en az bir ortak"):
        transition(project, J.ACTIVE, by=fresh(world.lead_owner))
    project.refresh_from_db()
    assert project.status == J.PROPOSED


@pytest.mark.parametrize("source", [J.PROPOSED, J.ACTIVE])
def test_cancelling_a_project_needs_a_reason(world, source):
    project = world.project(status=source, partners=[world.partner_org])
    with pytest.raises(DomainError, match="gerekçe"):
        transition(project, J.CANCELLED, by=fresh(world.lead_owner), note="  ")


# --- The partnership life cycle ---------------------------------------------------------------

# Who makes each move: "lead" (the lead's managers) or "self" (the partner's managers).
PARTNER_MOVERS = {
    (PP.REQUESTED, PP.ACCEPTED): ["lead"],
    (PP.REQUESTED, PP.DECLINED): ["lead"],
    (PP.REQUESTED, PP.LEFT): ["self"],
    (PP.INVITED, PP.ACCEPTED): ["self"],
    (PP.INVITED, PP.DECLINED): ["self"],
    (PP.INVITED, PP.LEFT): ["lead"],
    (PP.ACCEPTED, PP.LEFT): ["lead", "self"],
}
PARTNER_REFUSED = sorted(set(itertools.permutations(PP.values, 2)) - PARTNER_LIFECYCLE.pairs())


def test_the_partner_table_is_the_documented_one():
    assert PARTNER_LIFECYCLE.pairs() == set(PARTNER_MOVERS)


@pytest.mark.parametrize(
    ("source", "target", "mover"),
    [(s, t, mover) for (s, t), movers in sorted(PARTNER_MOVERS.items()) for mover in movers],
)
def test_every_allowed_partner_move_by_its_side_tells_the_other_side(
    world, source, target, mover, outbox, django_capture_on_commit_callbacks
):
    project = world.project()
    partner = ProjectPartnerFactory(project=project, organisation=world.partner_org, status=source)
    by = world.lead_owner if mover == "lead" else world.partner_owner
    other = world.partner_owner if mover == "lead" else world.lead_owner
    with django_capture_on_commit_callbacks(execute=True):
        transition(partner, target, by=fresh(by), note=NOTE)
    partner.refresh_from_db()
    assert partner.status == target
    assert [m.to for m in outbox] == [[other.email]]
    assert NOTE in outbox[0].body


@pytest.mark.parametrize(("source", "target"), sorted(PARTNER_MOVERS))
def test_the_wrong_side_and_outsiders_cannot_move_a_partnership(world, source, target):
    project = world.project()
    partner = ProjectPartnerFactory(project=project, organisation=world.partner_org, status=source)
    movers = PARTNER_MOVERS[(source, target)]
    wrong = [world.third_owner, world.lead_member, UserFactory()]
    if "lead" not in movers:
        wrong.append(world.lead_owner)
    if "self" not in movers:
        wrong.append(world.partner_owner)
    for person in wrong:
        with pytest.raises(TransitionNotPermitted):
            transition(partner, target, by=fresh(person), note=NOTE)
    partner.refresh_from_db()
    assert partner.status == source


@pytest.mark.parametrize(("source", "target"), PARTNER_REFUSED)
def test_every_other_partner_move_is_illegal(world, source, target):
    partner = ProjectPartnerFactory(
        project=world.project(), organisation=world.partner_org, status=source
    )
    with pytest.raises(IllegalTransition):
        transition(partner, target, by=fresh(world.lead_owner), note=NOTE)


@pytest.mark.parametrize(
    ("source", "target", "by"),
    [(PP.REQUESTED, PP.DECLINED, "lead"), (PP.ACCEPTED, PP.LEFT, "self")],
)
def test_declining_a_request_and_leaving_need_a_reason(world, source, target, by):
    partner = ProjectPartnerFactory(
        project=world.project(), organisation=world.partner_org, status=source
    )
    person = world.lead_owner if by == "lead" else world.partner_owner
    with pytest.raises(DomainError, match="gerekçe"):
        transition(partner, target, by=fresh(person), note="")


def test_a_former_member_of_the_partner_cannot_answer_an_invitation(world):
    partner = ProjectPartnerFactory(
        project=world.project(), organisation=world.partner_org, status=PP.INVITED
    )
    Membership.objects.filter(user=world.partner_owner).delete()
    with pytest.raises(TransitionNotPermitted):
        transition(partner, PP.ACCEPTED, by=fresh(world.partner_owner))


# --- Updates, files and linked activities -----------------------------------------------------


def test_partners_post_updates_and_others_cannot(world):
    project = world.project(partners=[world.partner_org])
    update = projects.update_post(
        project=project,
        organisation=world.partner_org,
        text=" İlk okul oturumu yapıldı. ",
        by=world.partner_owner,
    )
    assert update.text == "İlk okul oturumu yapıldı."
    with pytest.raises(PermissionDenied):
        projects.update_post(
            project=project, organisation=world.third, text="x", by=world.third_owner
        )
    # A partner cannot post in the name of an organisation they do not belong to.
    with pytest.raises(PermissionDenied):
        projects.update_post(
            project=project, organisation=world.lead, text="x", by=world.partner_owner
        )
    with pytest.raises(ValidationError):
        projects.update_post(
            project=project, organisation=world.lead, text="   ", by=world.lead_owner
        )


def test_a_requesting_organisation_cannot_post_yet(world):
    project = world.project()
    ProjectPartnerFactory(project=project, organisation=world.partner_org, status=PP.REQUESTED)
    with pytest.raises(PermissionDenied):
        projects.update_post(
            project=project, organisation=world.partner_org, text="x", by=world.partner_owner
        )


def test_linked_activities_add_up_to_the_projects_totals(world):
    project = world.project(partners=[world.partner_org])
    mine = ActivityFactory(
        organisation=world.lead,
        status=Activity.Status.COMPLETED,
        people_reached=120,
        services_delivered=150,
        volunteers_involved=4,
        volunteer_hours=12,
    )
    theirs = ActivityFactory(
        organisation=world.partner_org,
        status=Activity.Status.COMPLETED,
        people_reached=30,
        services_delivered=None,
        volunteer_hours=2.5,
    )
    projects.activity_link(project=project, activity=mine, by=world.lead_member)
    projects.activity_link(project=project, activity=theirs, by=world.partner_owner)
    totals = projects.linked_activity_totals(project)
    assert totals["activities"] == 2
    assert totals["people_reached"] == 150
    assert totals["services_delivered"] == 150
    assert totals["volunteer_hours"] == pytest.approx(14.5)


def test_nobody_links_another_organisations_activity(world):
    project = world.project(partners=[world.partner_org])
    theirs = ActivityFactory(organisation=world.partner_org)
    with pytest.raises(PermissionDenied):
        projects.activity_link(project=project, activity=theirs, by=world.lead_owner)
    outsider = ActivityFactory(organisation=world.third)
    with pytest.raises(PermissionDenied):
        projects.activity_link(project=project, activity=outsider, by=world.third_owner)
    theirs.refresh_from_db()
    assert theirs.project is None


def test_an_activity_belongs_to_one_project_at_a_time(world):
    first = world.project(partners=[world.partner_org])
    second = world.project(partners=[world.partner_org])
    activity = ActivityFactory(organisation=world.lead)
    projects.activity_link(project=first, activity=activity, by=world.lead_owner)
    with pytest.raises(DomainError):
        projects.activity_link(project=second, activity=activity, by=world.lead_owner)
    projects.activity_unlink(project=first, activity=activity, by=world.lead_owner)
    activity.refresh_from_db()
    assert activity.project is None


# --- Closing a project ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [J.COMPLETED, J.CANCELLED])
def test_an_invitation_cannot_be_accepted_once_the_project_closed(world, status):
    project = world.project(status=J.ACTIVE, partners=[world.partner_org])
    invitation = ProjectPartnerFactory(project=project, organisation=world.third, status=PP.INVITED)
    Project.objects.filter(pk=project.pk).update(status=status)
    with pytest.raises(DomainError):
        transition(invitation, PP.ACCEPTED, by=fresh(world.third_owner))
    invitation.refresh_from_db()
    assert invitation.status == PP.INVITED
    assert not projects.may_see_workspace(fresh(world.third_owner), project)


def test_a_request_from_an_organisation_whose_accreditation_lapsed_cannot_be_accepted(world):
    project = world.project(status=J.ACTIVE, partners=[world.partner_org])
    request = ProjectPartnerFactory(project=project, organisation=world.third, status=PP.REQUESTED)
    world.third.accredited_until = timezone.localdate() - dt.timedelta(days=1)
    world.third.save()
    with pytest.raises(DomainError):
        transition(request, PP.ACCEPTED, by=fresh(world.lead_owner))
    assert ProjectPartner.objects.get(pk=request.pk).status == PP.REQUESTED


@pytest.mark.parametrize(
    ("source", "target", "note"),
    [(J.ACTIVE, J.COMPLETED, ""), (J.ACTIVE, J.CANCELLED, NOTE), (J.PROPOSED, J.CANCELLED, NOTE)],
)
def test_closing_a_project_closes_its_open_requests_and_invitations(world, source, target, note):
    project = world.project(status=source, partners=[world.partner_org])
    asking = ProjectPartnerFactory(project=project, status=PP.REQUESTED)
    invited = ProjectPartnerFactory(project=project, status=PP.INVITED)
    transition(project, target, by=fresh(world.lead_owner), note=note)
    assert ProjectPartner.objects.get(pk=asking.pk).status == PP.DECLINED
    assert ProjectPartner.objects.get(pk=invited.pk).status == PP.LEFT
    assert ProjectPartner.objects.get(project=project, organisation=world.partner_org).status == (
        PP.ACCEPTED
    )


def test_a_partner_that_leaves_takes_its_linked_activities_out_of_the_totals(world):
    project = world.project(status=J.ACTIVE, partners=[world.partner_org])
    theirs = ActivityFactory(organisation=world.partner_org, project=project)
    ours = ActivityFactory(organisation=world.lead, project=project)
    partnership = ProjectPartner.objects.get(project=project, organisation=world.partner_org)
    transition(partnership, PP.LEFT, by=fresh(world.partner_owner), note=NOTE)
    assert Activity.objects.get(pk=theirs.pk).project is None
    assert Activity.objects.get(pk=ours.pk).project == project
