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


def project_data(**overrides):
    """What a manager fills in to propose a project."""
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


# --- Proposing --------------------------------------------------------------------------------


@pytest.mark.usefixtures("lead_member", "partner_org")
def test_a_manager_proposes_a_project_with_an_invitation(
    lead, lead_owner, third, third_owner, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        project = projects.project_propose(
            organisation=lead, data=project_data(), by=lead_owner, invite=[third]
        )
    assert project.status == J.PROPOSED
    assert project.slug == "kadikoy-de-birlikte-onleme"
    assert project.lead == lead
    assert list(project.provinces.values_list("code", flat=True)) == [34]
    history = list(StatusChange.objects.for_object(project))
    assert [(h.from_status, h.to_status, h.by) for h in history] == [("", J.PROPOSED, lead_owner)]
    invitation = ProjectPartner.objects.get(project=project)
    assert (invitation.organisation, invitation.status) == (third, PP.INVITED)
    assert [m.to for m in outbox] == [[third_owner.email]]
    assert "davet" in outbox[0].subject


def test_a_second_project_with_the_same_title_gets_its_own_slug(lead, lead_owner):
    first = projects.project_propose(organisation=lead, data=project_data(), by=lead_owner)
    second = projects.project_propose(organisation=lead, data=project_data(), by=lead_owner)
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
def test_bad_project_data_is_refused_by_field_and_nothing_saved(lead, lead_owner, overrides, field):
    with pytest.raises(ValidationError) as caught:
        projects.project_propose(organisation=lead, data=project_data(**overrides), by=lead_owner)
    assert field in caught.value.message_dict
    assert not Project.objects.exists()


def test_a_plain_member_or_an_outsider_cannot_propose(lead, lead_member, partner_owner):
    for person in (lead_member, partner_owner, UserFactory()):
        with pytest.raises(PermissionDenied):
            projects.project_propose(organisation=lead, data=project_data(), by=person)


def test_an_organisation_whose_accreditation_lapsed_cannot_propose():
    owner = UserFactory()
    organisation = OrganisationFactory(expired=True, owner=owner)
    with pytest.raises(PermissionDenied):
        projects.project_propose(organisation=organisation, data=project_data(), by=owner)


def test_only_the_lead_edits_and_not_once_the_project_is_over(lead, lead_owner, partner_owner):
    project = ProjectFactory(lead=lead)
    projects.project_update(project=project, data={"title": "Yeni ad"}, by=lead_owner)
    project.refresh_from_db()
    assert project.title == "Yeni ad"
    with pytest.raises(PermissionDenied):
        projects.project_update(project=project, data={"title": "X"}, by=partner_owner)
    over = ProjectFactory(lead=lead, completed=True)
    with pytest.raises(DomainError):
        projects.project_update(project=over, data={"title": "Z"}, by=lead_owner)


# --- Requests and invitations -----------------------------------------------------------------


@pytest.mark.usefixtures("lead_member", "third")
def test_a_request_to_join_reaches_the_leads_managers(
    lead, lead_owner, partner_org, partner_owner, outbox, django_capture_on_commit_callbacks
):
    project = ProjectFactory(lead=lead)
    with django_capture_on_commit_callbacks(execute=True):
        partner = projects.partner_request(
            project=project,
            organisation=partner_org,
            message="Okul oturumlarını yürütebiliriz.",
            by=partner_owner,
        )
    assert partner.status == PP.REQUESTED
    assert [m.to for m in outbox] == [[lead_owner.email]]
    assert "Okul oturumlarını yürütebiliriz." in outbox[0].body
    assert project.title in outbox[0].subject


@pytest.mark.parametrize("trait", ["expired", "none"])
def test_an_organisation_not_accredited_cannot_ask_to_join(lead, trait):
    owner = UserFactory()
    organisation = (
        OrganisationFactory(expired=True, owner=owner)
        if trait == "expired"
        else OrganisationFactory(owner=owner)
    )
    with pytest.raises(DomainError, match="akreditasyonu geçerli"):
        projects.partner_request(
            project=ProjectFactory(lead=lead), organisation=organisation, message="", by=owner
        )
    assert not ProjectPartner.objects.exists()


def test_a_member_who_is_not_a_manager_cannot_ask_for_their_organisation(lead, partner_org):
    member = UserFactory()
    Membership.objects.create(organisation=partner_org, user=member, role="member")
    with pytest.raises(PermissionDenied):
        projects.partner_request(
            project=ProjectFactory(lead=lead), organisation=partner_org, message="", by=member
        )


def test_nobody_asks_for_another_organisation(lead, partner_org, third_owner):
    with pytest.raises(PermissionDenied):
        projects.partner_request(
            project=ProjectFactory(lead=lead),
            organisation=partner_org,
            message="",
            by=third_owner,
        )


@pytest.mark.parametrize("status", [PP.REQUESTED, PP.INVITED, PP.ACCEPTED, PP.DECLINED, PP.LEFT])
def test_an_organisation_already_on_the_project_cannot_be_asked_again(
    lead, lead_owner, partner_org, partner_owner, status
):
    project = ProjectFactory(lead=lead)
    ProjectPartnerFactory(project=project, organisation=partner_org, status=status)
    with pytest.raises(DomainError):
        projects.partner_request(
            project=project, organisation=partner_org, message="", by=partner_owner
        )
    with pytest.raises(DomainError):
        projects.partner_invite(
            project=project,
            organisation=partner_org,
            role="",
            message="",
            by=lead_owner,
        )
    assert ProjectPartner.objects.filter(project=project).count() == 1


def test_the_lead_cannot_join_or_invite_itself(lead, lead_owner):
    project = ProjectFactory(lead=lead)
    with pytest.raises(DomainError):
        projects.partner_request(project=project, organisation=lead, message="", by=lead_owner)
    with pytest.raises(DomainError):
        projects.partner_invite(
            project=project, organisation=lead, role="", message="", by=lead_owner
        )


def test_only_accredited_organisations_are_invited(lead, lead_owner):
    with pytest.raises(DomainError):
        projects.partner_invite(
            project=ProjectFactory(lead=lead),
            organisation=OrganisationFactory(expired=True),
            role="",
            message="",
            by=lead_owner,
        )


def test_only_the_leads_managers_invite(lead, lead_member, partner_owner, third):
    project = ProjectFactory(lead=lead)
    for person in (lead_member, partner_owner):
        with pytest.raises(PermissionDenied):
            projects.partner_invite(
                project=project, organisation=third, role="", message="", by=person
            )


@pytest.mark.parametrize("status", [J.COMPLETED, J.CANCELLED])
def test_a_closed_project_takes_no_new_partners(lead, partner_org, partner_owner, status):
    project = ProjectFactory(lead=lead, status=status)
    with pytest.raises(DomainError):
        projects.partner_request(
            project=project, organisation=partner_org, message="", by=partner_owner
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
@pytest.mark.usefixtures("lead_member", "third")
def test_the_lead_makes_every_allowed_project_move(
    lead,
    lead_owner,
    partner_org,
    partner_owner,
    source,
    target,
    outbox,
    django_capture_on_commit_callbacks,
):
    project = ProjectFactory(lead=lead, status=source, partners=[partner_org])
    with django_capture_on_commit_callbacks(execute=True):
        change = transition(project, target, by=fresh(lead_owner), note=NOTE)
    project.refresh_from_db()
    assert project.status == target
    assert (change.from_status, change.to_status, change.by) == (source, target, lead_owner)
    # The partner's managers hear of it; the lead who moved does not get a mail.
    assert [m.to for m in outbox] == [[partner_owner.email]]
    assert project.title in outbox[0].subject


@pytest.mark.parametrize(("source", "target"), PROJECT_ALLOWED)
def test_nobody_but_the_leads_managers_moves_a_project(
    lead, lead_member, partner_org, partner_owner, third_owner, source, target
):
    project = ProjectFactory(lead=lead, status=source, partners=[partner_org])
    for person in (lead_member, partner_owner, third_owner, UserFactory()):
        with pytest.raises(TransitionNotPermitted):
            transition(project, target, by=fresh(person), note=NOTE)
    project.refresh_from_db()
    assert project.status == source


@pytest.mark.parametrize(("source", "target"), PROJECT_REFUSED)
def test_every_other_project_move_is_illegal(lead, lead_owner, partner_org, source, target):
    project = ProjectFactory(lead=lead, status=source, partners=[partner_org])
    with pytest.raises(IllegalTransition):
        transition(project, target, by=fresh(lead_owner), note=NOTE)


def test_a_project_without_an_accepted_partner_cannot_start(lead, lead_owner, partner_org):
    project = ProjectFactory(lead=lead)
    ProjectPartnerFactory(project=project, organisation=partner_org, requested=True)
    with pytest.raises(DomainError, match="en az bir ortak"):
        transition(project, J.ACTIVE, by=fresh(lead_owner))
    project.refresh_from_db()
    assert project.status == J.PROPOSED


@pytest.mark.parametrize("source", [J.PROPOSED, J.ACTIVE])
def test_cancelling_a_project_needs_a_reason(lead, lead_owner, partner_org, source):
    project = ProjectFactory(lead=lead, status=source, partners=[partner_org])
    with pytest.raises(DomainError, match="gerekçe"):
        transition(project, J.CANCELLED, by=fresh(lead_owner), note="  ")


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
@pytest.mark.usefixtures("lead_member", "third")
def test_every_allowed_partner_move_by_its_side_tells_the_other_side(
    lead,
    lead_owner,
    partner_org,
    partner_owner,
    source,
    target,
    mover,
    outbox,
    django_capture_on_commit_callbacks,
):
    partner = ProjectPartnerFactory(
        project=ProjectFactory(lead=lead), organisation=partner_org, status=source
    )
    by = lead_owner if mover == "lead" else partner_owner
    other = partner_owner if mover == "lead" else lead_owner
    with django_capture_on_commit_callbacks(execute=True):
        transition(partner, target, by=fresh(by), note=NOTE)
    partner.refresh_from_db()
    assert partner.status == target
    assert [m.to for m in outbox] == [[other.email]]
    assert NOTE in outbox[0].body


@pytest.mark.parametrize(("source", "target"), sorted(PARTNER_MOVERS))
def test_the_wrong_side_and_outsiders_cannot_move_a_partnership(
    lead, lead_owner, lead_member, partner_org, partner_owner, third_owner, source, target
):
    partner = ProjectPartnerFactory(
        project=ProjectFactory(lead=lead), organisation=partner_org, status=source
    )
    movers = PARTNER_MOVERS[(source, target)]
    wrong = [third_owner, lead_member, UserFactory()]
    if "lead" not in movers:
        wrong.append(lead_owner)
    if "self" not in movers:
        wrong.append(partner_owner)
    for person in wrong:
        with pytest.raises(TransitionNotPermitted):
            transition(partner, target, by=fresh(person), note=NOTE)
    partner.refresh_from_db()
    assert partner.status == source


@pytest.mark.parametrize(("source", "target"), PARTNER_REFUSED)
def test_every_other_partner_move_is_illegal(lead, lead_owner, partner_org, source, target):
    partner = ProjectPartnerFactory(
        project=ProjectFactory(lead=lead), organisation=partner_org, status=source
    )
    with pytest.raises(IllegalTransition):
        transition(partner, target, by=fresh(lead_owner), note=NOTE)


@pytest.mark.parametrize(
    ("source", "target", "by"),
    [(PP.REQUESTED, PP.DECLINED, "lead"), (PP.ACCEPTED, PP.LEFT, "self")],
)
def test_declining_a_request_and_leaving_need_a_reason(
    lead, lead_owner, partner_org, partner_owner, source, target, by
):
    partner = ProjectPartnerFactory(
        project=ProjectFactory(lead=lead), organisation=partner_org, status=source
    )
    person = lead_owner if by == "lead" else partner_owner
    with pytest.raises(DomainError, match="gerekçe"):
        transition(partner, target, by=fresh(person), note="")


def test_a_former_member_of_the_partner_cannot_answer_an_invitation(
    lead, partner_org, partner_owner
):
    partner = ProjectPartnerFactory(
        project=ProjectFactory(lead=lead), organisation=partner_org, invited=True
    )
    Membership.objects.filter(user=partner_owner).delete()
    with pytest.raises(TransitionNotPermitted):
        transition(partner, PP.ACCEPTED, by=fresh(partner_owner))


# --- Updates, files and linked activities -----------------------------------------------------


def test_partners_post_updates_and_others_cannot(
    lead, lead_owner, partner_org, partner_owner, third, third_owner
):
    project = ProjectFactory(lead=lead, partners=[partner_org])
    update = projects.update_post(
        project=project,
        organisation=partner_org,
        text=" İlk okul oturumu yapıldı. ",
        by=partner_owner,
    )
    assert update.text == "İlk okul oturumu yapıldı."
    with pytest.raises(PermissionDenied):
        projects.update_post(project=project, organisation=third, text="x", by=third_owner)
    # A partner cannot post in the name of an organisation they do not belong to.
    with pytest.raises(PermissionDenied):
        projects.update_post(project=project, organisation=lead, text="x", by=partner_owner)
    with pytest.raises(ValidationError):
        projects.update_post(project=project, organisation=lead, text="   ", by=lead_owner)


def test_a_requesting_organisation_cannot_post_yet(lead, partner_org, partner_owner):
    project = ProjectFactory(lead=lead)
    ProjectPartnerFactory(project=project, organisation=partner_org, requested=True)
    with pytest.raises(PermissionDenied):
        projects.update_post(project=project, organisation=partner_org, text="x", by=partner_owner)


def test_linked_activities_add_up_to_the_projects_totals(
    lead, lead_member, partner_org, partner_owner
):
    project = ProjectFactory(lead=lead, partners=[partner_org])
    mine = ActivityFactory(
        organisation=lead,
        completed=True,
        people_reached=120,
        services_delivered=150,
        volunteers_involved=4,
        volunteer_hours=12,
    )
    theirs = ActivityFactory(
        organisation=partner_org,
        completed=True,
        people_reached=30,
        services_delivered=None,
        volunteer_hours=2.5,
    )
    projects.activity_link(project=project, activity=mine, by=lead_member)
    projects.activity_link(project=project, activity=theirs, by=partner_owner)
    totals = projects.linked_activity_totals(project)
    assert totals["activities"] == 2
    assert totals["people_reached"] == 150
    assert totals["services_delivered"] == 150
    assert totals["volunteer_hours"] == pytest.approx(14.5)


def test_nobody_links_another_organisations_activity(
    lead, lead_owner, partner_org, third, third_owner
):
    project = ProjectFactory(lead=lead, partners=[partner_org])
    theirs = ActivityFactory(organisation=partner_org)
    with pytest.raises(PermissionDenied):
        projects.activity_link(project=project, activity=theirs, by=lead_owner)
    outsider = ActivityFactory(organisation=third)
    with pytest.raises(PermissionDenied):
        projects.activity_link(project=project, activity=outsider, by=third_owner)
    theirs.refresh_from_db()
    assert theirs.project is None


def test_an_activity_belongs_to_one_project_at_a_time(lead, lead_owner, partner_org):
    first = ProjectFactory(lead=lead, partners=[partner_org])
    second = ProjectFactory(lead=lead, partners=[partner_org])
    activity = ActivityFactory(organisation=lead)
    projects.activity_link(project=first, activity=activity, by=lead_owner)
    with pytest.raises(DomainError):
        projects.activity_link(project=second, activity=activity, by=lead_owner)
    projects.activity_unlink(project=first, activity=activity, by=lead_owner)
    activity.refresh_from_db()
    assert activity.project is None


# --- Closing a project ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [J.COMPLETED, J.CANCELLED])
def test_an_invitation_cannot_be_accepted_once_the_project_closed(
    lead, partner_org, third, third_owner, status
):
    """The project closed with the invitation still open (set so by the factories: closing
    the project the legal way would have closed the invitation too)."""
    project = ProjectFactory(lead=lead, status=status, partners=[partner_org])
    invitation = ProjectPartnerFactory(project=project, organisation=third, invited=True)
    with pytest.raises(DomainError):
        transition(invitation, PP.ACCEPTED, by=fresh(third_owner))
    invitation.refresh_from_db()
    assert invitation.status == PP.INVITED
    assert not projects.may_see_workspace(fresh(third_owner), project)


def test_a_request_from_an_organisation_whose_accreditation_lapsed_cannot_be_accepted(
    lead, lead_owner, partner_org
):
    project = ProjectFactory(lead=lead, active=True, partners=[partner_org])
    request = ProjectPartnerFactory(
        project=project, organisation=OrganisationFactory(expired=True), requested=True
    )
    with pytest.raises(DomainError):
        transition(request, PP.ACCEPTED, by=fresh(lead_owner))
    assert ProjectPartner.objects.get(pk=request.pk).status == PP.REQUESTED


@pytest.mark.parametrize(
    ("source", "target", "note"),
    [(J.ACTIVE, J.COMPLETED, ""), (J.ACTIVE, J.CANCELLED, NOTE), (J.PROPOSED, J.CANCELLED, NOTE)],
)
def test_closing_a_project_closes_its_open_requests_and_invitations(
    lead, lead_owner, partner_org, source, target, note
):
    project = ProjectFactory(lead=lead, status=source, partners=[partner_org])
    asking = ProjectPartnerFactory(project=project, requested=True)
    invited = ProjectPartnerFactory(project=project, invited=True)
    transition(project, target, by=fresh(lead_owner), note=note)
    assert ProjectPartner.objects.get(pk=asking.pk).status == PP.DECLINED
    assert ProjectPartner.objects.get(pk=invited.pk).status == PP.LEFT
    assert ProjectPartner.objects.get(project=project, organisation=partner_org).status == (
        PP.ACCEPTED
    )


def test_a_partner_that_leaves_takes_its_linked_activities_out_of_the_totals(
    lead, partner_org, partner_owner
):
    project = ProjectFactory(lead=lead, active=True, partners=[partner_org])
    theirs = ActivityFactory(organisation=partner_org, project=project)
    ours = ActivityFactory(organisation=lead, project=project)
    partnership = ProjectPartner.objects.get(project=project, organisation=partner_org)
    transition(partnership, PP.LEFT, by=fresh(partner_owner), note=NOTE)
    assert Activity.objects.get(pk=theirs.pk).project is None
    assert Activity.objects.get(pk=ours.pk).project == project
