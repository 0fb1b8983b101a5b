"""The volunteering services a person or the database would notice: profiles and their masks,
programs and roles, applications, invitations and placements, the personal data export, and
the events "volunteers only" audience."""

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership, Organisation
from core.exceptions import DomainError
from core.factories import UserFactory, consent_purpose
from core.models import District, Province, StatusChange, SupportUnit, TargetGroup, WorkingArea
from core.privacy import personal_data_export
from core.services import consent_withdraw
from events import signups as event_services
from volunteers import credentials, declarations, placements, profiles, programs
from volunteers.exceptions import MatchRefused, VolunteerError
from volunteers.factories import (
    SATURDAY_MORNING,
    TUESDAY_EVENING,
    HoursLogFactory,
    MatchFactory,
    MentorCredentialFactory,
    ProgramFactory,
    RoleFactory,
    VolunteerProfileFactory,
)
from volunteers.models import (
    MATCHING_CONSENT,
    CheckIn,
    Language,
    Match,
    Program,
    RecoveryDeclaration,
    Role,
    Skill,
    Training,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db

M = Match.Status
P = Program.Status


def _skill(slug):
    return Skill.objects.get(slug=slug)


def _language(slug):
    return Language.objects.get(slug=slug)


def _mask(*bits):
    value = 0
    for number in bits:
        value |= 1 << number
    return value


def _reloaded(instance):
    return type(instance).objects.get(pk=instance.pk)


# --- Profiles and masks -----------------------------------------------------------------------


def _profile_data(**extra):
    return {
        "display_name": "Ayşe K.",
        "phone": "+90 555 000 00 00",
        "province": Province.objects.get(code=34),
        "district": District.objects.get(province_id=34, slug="kadikoy"),
        "birth_date": dt.date(1990, 5, 1),
        "availability": TUESDAY_EVENING | SATURDAY_MORNING,
        "hours_per_month": 12,
        "experience": "Gençlik merkezinde iki yıl gönüllülük.",
        **extra,
    }


def test_saving_a_profile_creates_it_then_updates_it_with_its_masks(person):
    areas = list(WorkingArea.objects.filter(pk__in=[1, 3]))
    groups = list(TargetGroup.objects.filter(pk__in=[2, 9]))
    profile = profiles.profile_save(
        user=person,
        data=_profile_data(),
        skills=[_skill("akran-destegi"), _skill("ders-destegi")],
        languages=[_language("turkce"), _language("arapca")],
        working_areas=areas,
        target_groups=groups,
    )
    stored = _reloaded(profile)
    assert stored.user == person
    assert stored.display_name == "Ayşe K."
    assert stored.skills_mask == _mask(0, 3)
    assert stored.languages_mask == _mask(0, 3)
    assert stored.areas_mask == _mask(0, 2)
    assert stored.groups_mask == _mask(1, 8)

    again = profiles.profile_save(
        user=person,
        data={"display_name": "Ayşe Kaya", "hours_per_month": 4},
        skills=[_skill("ev-ziyareti")],
        languages=[],
        working_areas=[],
        target_groups=groups[:1],
    )
    assert again.pk == profile.pk
    assert VolunteerProfile.objects.filter(user=person).count() == 1
    stored = _reloaded(profile)
    assert (stored.display_name, stored.hours_per_month, stored.phone) == (
        "Ayşe Kaya",
        4,
        "+90 555 000 00 00",
    )
    assert (stored.skills_mask, stored.languages_mask, stored.areas_mask, stored.groups_mask) == (
        _mask(2),
        0,
        0,
        _mask(1),
    )
    # The trail says which fields changed, never what they hold.
    entry = log_registry.get_logs_for_instance(stored).filter(
        action="portal.volunteer.profile_save"
    )
    assert entry.count() == 2
    assert "+90 555" not in json.dumps([e.data for e in entry])


def test_a_profile_with_bad_values_is_refused_and_nothing_is_saved(person):
    with pytest.raises(ValidationError) as error:
        profiles.profile_save(
            user=person, data=_profile_data(display_name="", hours_per_month=500, availability=-1)
        )
    assert {"display_name", "hours_per_month", "availability"} <= set(error.value.message_dict)
    assert not VolunteerProfile.objects.filter(user=person).exists()


def test_a_profiles_district_must_be_in_its_province(person):
    ankara_district = District.objects.filter(province_id=6).first()
    with pytest.raises(ValidationError) as error:
        profiles.profile_save(user=person, data=_profile_data(district=ankara_district))
    assert "district" in error.value.message_dict
    assert not VolunteerProfile.objects.filter(user=person).exists()


@pytest.mark.parametrize(
    ("field", "mask_field", "make", "expected"),
    [
        ("skills", "skills_mask", lambda: list(Skill.objects.filter(bit__in=[1, 4])), (1, 4)),
        (
            "languages",
            "languages_mask",
            lambda: list(Language.objects.filter(bit__in=[0, 2])),
            (0, 2),
        ),
        (
            "working_areas",
            "areas_mask",
            lambda: list(WorkingArea.objects.filter(pk__in=[2, 4])),
            (1, 3),
        ),
        (
            "target_groups",
            "groups_mask",
            lambda: list(TargetGroup.objects.filter(pk__in=[1, 12])),
            (0, 11),
        ),
    ],
)
def test_profile_masks_follow_add_remove_and_clear(field, mask_field, make, expected):
    profile = VolunteerProfileFactory()
    first, second = make()
    related = getattr(profile, field)
    related.add(first, second)
    assert getattr(_reloaded(profile), mask_field) == _mask(*expected)
    assert getattr(profile, mask_field) == _mask(*expected)  # the instance too
    related.remove(first)
    assert getattr(_reloaded(profile), mask_field) == _mask(expected[1])
    related.set([first])
    assert getattr(_reloaded(profile), mask_field) == _mask(expected[0])
    related.clear()
    assert getattr(_reloaded(profile), mask_field) == 0


def test_profile_masks_follow_edits_made_from_the_terms_side():
    """Adding a volunteer to a skill (the reverse side of the relation) is the same edit."""
    profile = VolunteerProfileFactory()
    skill = _skill("grup-kolaylastirma")
    skill.volunteers.add(profile)
    assert _reloaded(profile).skills_mask == _mask(skill.bit)
    skill.volunteers.remove(profile)
    assert _reloaded(profile).skills_mask == 0


def test_role_masks_follow_the_roles_requirements():
    role = RoleFactory()
    role.required_skills.add(_skill("akran-destegi"), _skill("spor-koclugu"))
    role.required_languages.add(_language("turkce"))
    role.helpful_languages.add(_language("arapca"), _language("farsca"))
    role.required_trainings.add(*Training.objects.all()[:2])
    stored = _reloaded(role)
    assert stored.skills_mask == _mask(0, 4)
    assert stored.required_languages_mask == _mask(0)
    assert stored.helpful_languages_mask == _mask(3, 4)
    assert stored.required_trainings_count == 2
    role.required_skills.remove(_skill("spor-koclugu"))
    role.helpful_languages.clear()
    role.required_trainings.remove(Training.objects.first())
    stored = _reloaded(role)
    assert stored.skills_mask == _mask(0)
    assert stored.helpful_languages_mask == 0
    assert stored.required_trainings_count == 1


def test_program_masks_follow_its_groups_and_working_area():
    program = ProgramFactory(working_area=WorkingArea.objects.get(pk=1))
    assert _reloaded(program).areas_mask == _mask(0)
    program.target_groups.add(*TargetGroup.objects.filter(pk__in=[3, 5]))
    assert _reloaded(program).groups_mask == _mask(2, 4)
    program.target_groups.remove(TargetGroup.objects.get(pk=3))
    assert _reloaded(program).groups_mask == _mask(4)
    program.working_area = WorkingArea.objects.get(pk=3)
    program.save()
    assert _reloaded(program).areas_mask == _mask(2)


# --- Programs and roles -----------------------------------------------------------------------


def _program_data(**extra):
    return {
        "title": "Okul sonrası buluşmaları",
        "aims": "Risk altındaki öğrencilerle okul sonrası birlikte vakit geçirmek.",
        "working_area": WorkingArea.objects.get(pk=3),
        "province": Province.objects.get(code=34),
        "district": District.objects.get(province_id=34, slug="kadikoy"),
        "schedule": TUESDAY_EVENING,
        "starts_on": timezone.localdate(),
        **extra,
    }


def _role_data(**extra):
    return {
        "title": "Ders desteği gönüllüsü",
        "description": "Haftada bir öğrencilerle ödevlerine birlikte çalışır.",
        "places": 3,
        "weekly_hours": 2,
        "commitment_months": 4,
        **extra,
    }


def test_a_manager_drafts_a_program_and_publishes_it_once_it_has_a_role(owner, organisation):
    program = programs.program_save(
        program=None,
        by=owner,
        organisation=organisation,
        data=_program_data(),
        target_groups=TargetGroup.objects.filter(pk=3),
    )
    assert program.status == P.DRAFT
    assert program.slug == "okul-sonrasi-bulusmalari"
    assert program.created_by == owner
    assert _reloaded(program).groups_mask == _mask(2)
    first = StatusChange.objects.for_object(program).get()
    assert (first.from_status, first.to_status, first.by) == ("", P.DRAFT, owner)

    with pytest.raises(VolunteerError, match="en az bir gönüllü rolü"):
        programs.program_publish(program=program, by=owner)
    assert _reloaded(program).status == P.DRAFT
    programs.role_save(role=None, program=program, by=owner, data=_role_data())
    programs.program_publish(program=program, by=owner)
    assert _reloaded(program).status == P.PUBLISHED

    same_title = programs.program_save(
        program=None, by=owner, organisation=organisation, data=_program_data()
    )
    assert same_title.slug == "okul-sonrasi-bulusmalari-2"


def test_only_managers_create_programs_for_their_organisation(
    plain_member, other_ngo_owner, volunteer, organisation
):
    for stranger in (plain_member, other_ngo_owner, volunteer):
        with pytest.raises(PermissionDenied):
            programs.program_save(
                program=None, by=stranger, organisation=organisation, data=_program_data()
            )
    assert not Program.objects.filter(title="Okul sonrası buluşmaları").exists()


def test_a_units_program_is_entered_by_a_coordinator_of_its_province(
    coordinator_elsewhere, coordinator
):
    unit = SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Kadıköy Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )
    with pytest.raises(PermissionDenied):
        programs.program_save(
            program=None, by=coordinator_elsewhere, support_unit=unit, data=_program_data()
        )
    program = programs.program_save(
        program=None, by=coordinator, support_unit=unit, data=_program_data()
    )
    assert program.support_unit == unit
    # Moving it into another province's reach is refused, and nothing changes.
    ankara = Province.objects.get(code=6)
    with pytest.raises(PermissionDenied):
        programs.program_save(
            program=program,
            by=coordinator,
            data={"province": ankara, "district": None},
        )
    assert _reloaded(program).province_id == 34


def test_a_program_refuses_a_district_of_another_province_and_an_empty_schedule(
    owner, organisation
):
    with pytest.raises(ValidationError) as error:
        programs.program_save(
            program=None,
            by=owner,
            organisation=organisation,
            data=_program_data(district=District.objects.filter(province_id=6).first(), schedule=0),
        )
    assert {"district", "schedule"} <= set(error.value.message_dict)
    assert not Program.objects.filter(title="Okul sonrası buluşmaları").exists()


def test_an_online_program_has_no_district(owner, organisation):
    program = programs.program_save(
        program=None,
        by=owner,
        organisation=organisation,
        data=_program_data(is_online=True),
    )
    assert _reloaded(program).district_id is None


@pytest.mark.parametrize("status", [P.CLOSED, P.CANCELLED])
def test_a_finished_program_is_not_edited_nor_given_roles(status, organisation, owner):
    program = ProgramFactory(organisation=organisation, status=status)
    with pytest.raises(VolunteerError):
        programs.program_save(program=program, by=owner, data={"title": "Yeni ad"})
    with pytest.raises(VolunteerError):
        programs.role_save(role=None, program=program, by=owner, data=_role_data())
    assert _reloaded(program).title != "Yeni ad"
    assert not program.roles.exists()


def test_publishing_is_refused_for_an_organisation_that_is_not_accredited(organisation, owner):
    program = ProgramFactory(organisation=organisation, draft=True, with_role=True)
    Organisation.objects.filter(pk=organisation.pk).update(
        accredited_until=timezone.localdate() - dt.timedelta(days=1)
    )
    with pytest.raises(VolunteerError, match="akredite"):
        programs.program_publish(program=program, by=owner)
    assert _reloaded(program).status == P.DRAFT

    never = OrganisationFactory(owner=UserFactory())
    draft = ProgramFactory(organisation=never, draft=True, with_role=True)
    with pytest.raises(VolunteerError, match="akredite"):
        programs.program_publish(program=draft, by=never.memberships.get().user)
    assert _reloaded(draft).status == P.DRAFT


def test_publishing_an_ended_program_is_refused(organisation, owner):
    program = ProgramFactory(
        organisation=organisation,
        draft=True,
        with_role=True,
        starts_on=timezone.localdate() - dt.timedelta(days=60),
        ends_on=timezone.localdate() - dt.timedelta(days=1),
    )
    with pytest.raises(VolunteerError, match="Sona ermiş"):
        programs.program_publish(program=program, by=owner)
    assert _reloaded(program).status == P.DRAFT


@pytest.mark.usefixtures("role")  # the program's one role
def test_a_role_with_no_places_is_refused_with_a_clear_message(program, owner):
    with pytest.raises(ValidationError) as error:
        programs.role_save(role=None, program=program, by=owner, data=_role_data(places=0))
    assert error.value.message_dict["places"] == ["Rol en az bir kişilik olmalı."]
    assert program.roles.count() == 1  # the factory's role only


def test_the_database_refuses_a_role_with_no_places(program):
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(program=program, title="Boş", description="-", places=0, weekly_hours=1)


def test_places_cannot_drop_below_the_people_already_placed(role, volunteer, program, owner):
    assert role.places == 2
    first = MatchFactory(role=role, person=volunteer, accepted=True)
    MatchFactory(role=role, person=VolunteerProfileFactory().user, accepted=True)
    assert programs.free_places(role) == 0
    with pytest.raises(ValidationError) as error:
        programs.role_save(role=role, program=program, by=owner, data={"places": 1})
    assert "2 kişi" in error.value.message_dict["places"][0]
    assert _reloaded(role).places == 2
    placements.match_close(match=first, by=owner, reason="not_a_fit", note="Uyum olmadı.")
    programs.role_save(role=_reloaded(role), program=program, by=owner, data={"places": 1})
    assert _reloaded(role).places == 1
    assert programs.free_places(_reloaded(role)) == 0


@pytest.mark.usefixtures("role")  # the program's one role
def test_a_language_cannot_be_both_required_and_helpful(program, owner):
    turkish, arabic = _language("turkce"), _language("arapca")
    with pytest.raises(ValidationError) as error:
        programs.role_save(
            role=None,
            program=program,
            by=owner,
            data=_role_data(),
            required_languages=[turkish],
            helpful_languages=[turkish, arabic],
        )
    assert "helpful_languages" in error.value.message_dict
    assert program.roles.count() == 1
    role = programs.role_save(
        role=None,
        program=program,
        by=owner,
        data=_role_data(),
        required_skills=[_skill("ders-destegi")],
        required_languages=[turkish],
        helpful_languages=[arabic],
    )
    stored = _reloaded(role)
    assert (stored.skills_mask, stored.required_languages_mask, stored.helpful_languages_mask) == (
        _mask(3),
        _mask(turkish.bit),
        _mask(arabic.bit),
    )


def test_roles_are_saved_by_the_programs_managers_only_and_in_their_own_program(
    plain_member, other_ngo_owner, volunteer, program, organisation, role, owner
):
    for stranger in (plain_member, other_ngo_owner, volunteer):
        with pytest.raises(PermissionDenied):
            programs.role_save(role=None, program=program, by=stranger, data=_role_data())
    other_program = ProgramFactory(organisation=organisation)
    with pytest.raises(VolunteerError):
        programs.role_save(role=role, program=other_program, by=owner, data={"title": "Taşındı"})
    assert _reloaded(role).program_id == program.pk


def test_programs_manageable_by_each_person(
    program, owner, plain_member, volunteer, coordinator, coordinator_elsewhere
):
    own = program
    elsewhere = ProgramFactory(province=Province.objects.get(code=6), district=None)
    other_ngo = ProgramFactory()
    assert set(programs.programs_manageable_by(owner)) == {own}
    assert set(programs.programs_manageable_by(plain_member)) == set()
    assert set(programs.programs_manageable_by(volunteer)) == set()
    assert set(programs.programs_manageable_by(coordinator)) == {own, other_ngo}
    assert set(programs.programs_manageable_by(coordinator_elsewhere)) == {elsewhere}


# --- Applications, invitations and placements --------------------------------------------------


def test_applying_creates_a_proposed_match_and_mails_the_organisations_managers(
    outbox,
    django_capture_on_commit_callbacks,
    organisation,
    plain_member,
    role,
    volunteer,
    owner,
    profile,
):
    manager = UserFactory()
    Membership.objects.create(organisation=organisation, user=manager, role="manager")
    with django_capture_on_commit_callbacks(execute=True):
        match = placements.match_apply(
            role=role, person=volunteer, message="  Salı akşamları uygunum.  "
        )
    assert (match.status, match.origin, match.message) == (
        M.PROPOSED,
        Match.Origin.APPLICATION,
        "Salı akşamları uygunum.",
    )
    assert match.proposed_by == volunteer
    first = StatusChange.objects.for_object(match).get()
    assert (first.from_status, first.to_status, first.by) == ("", M.PROPOSED, volunteer)
    recipients = sorted(address for message in outbox for address in message.to)
    assert recipients == sorted([owner.email, manager.email])
    assert plain_member.email not in recipients
    assert profile.display_name in outbox[0].body
    assert role.title in outbox[0].subject


def test_inviting_creates_a_proposed_match_and_mails_the_person(
    outbox, django_capture_on_commit_callbacks, role, volunteer, owner
):
    with django_capture_on_commit_callbacks(execute=True):
        match = placements.match_invite(
            role=role,
            person=volunteer,
            by=owner,
            message="Sizi bekleriz.",
            score=72.5,
        )
    assert (match.status, match.origin, match.proposed_by, match.score) == (
        M.PROPOSED,
        Match.Origin.INVITATION,
        owner,
        72.5,
    )
    assert StatusChange.objects.for_object(match).get().by == owner
    assert [message.to for message in outbox] == [[volunteer.email]]
    assert "Sizi bekleriz." in outbox[0].body
    assert f"/{match.pk}/" in outbox[0].body


def test_only_the_programs_managers_invite(
    plain_member, other_ngo_owner, other_volunteer, role, volunteer
):
    for stranger in (plain_member, other_ngo_owner, other_volunteer):
        with pytest.raises(PermissionDenied):
            placements.match_invite(role=role, person=volunteer, by=stranger)
    assert not Match.objects.exists()


def test_an_invitation_to_someone_who_withdrew_consent_is_refused_without_a_mail(
    outbox, django_capture_on_commit_callbacks, volunteer, role, owner
):
    consent_withdraw(user=volunteer, purpose=consent_purpose(MATCHING_CONSENT))
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(MatchRefused) as refused,
    ):
        placements.match_invite(role=role, person=volunteer, by=owner)
    assert refused.value.reason == "consent"
    assert str(refused.value)
    assert not Match.objects.exists()
    assert outbox == []


def test_a_second_open_match_for_the_same_role_and_person_is_refused(role, volunteer, owner):
    placements.match_apply(role=role, person=volunteer)
    with pytest.raises(VolunteerError) as refused:
        placements.match_apply(role=role, person=volunteer)
    assert str(refused.value) == "Bu rol için sürmekte olan bir başvuru ya da davet var."
    with pytest.raises(VolunteerError):
        placements.match_invite(role=role, person=volunteer, by=owner)
    assert Match.objects.count() == 1


def test_the_database_allows_one_open_match_per_role_and_person(role, volunteer):
    Match.objects.create(role=role, person=volunteer, origin="application")
    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(role=role, person=volunteer, origin="invitation")
    Match.objects.update(status=M.DECLINED)
    Match.objects.create(role=role, person=volunteer, origin="invitation")


def test_after_a_declined_application_the_person_may_apply_again(role, volunteer):
    MatchFactory(role=role, person=volunteer, declined=True)
    again = placements.match_apply(role=role, person=volunteer)
    assert again.status == M.PROPOSED


def test_accepting_is_refused_when_the_role_is_full_now(program, volunteer, other_volunteer, owner):
    role = RoleFactory(program=program, places=1)
    match = placements.match_apply(role=role, person=volunteer)
    other = placements.match_apply(role=role, person=other_volunteer)
    placements.match_accept(match=other, by=owner)
    with pytest.raises(MatchRefused) as refused:
        placements.match_accept(match=match, by=owner)
    assert refused.value.reason == "full"
    assert _reloaded(match).status == M.PROPOSED
    # The place freed, the acceptance goes through.
    placements.match_close(match=other, by=owner, reason="volunteer_left", note="Ayrıldı.")
    placements.match_accept(match=match, by=owner)
    assert _reloaded(match).status == M.ACCEPTED


def test_accepting_is_refused_when_consent_was_withdrawn_after_applying(role, volunteer, owner):
    match = placements.match_apply(role=role, person=volunteer)
    consent_withdraw(user=volunteer, purpose=consent_purpose(MATCHING_CONSENT))
    with pytest.raises(MatchRefused) as refused:
        placements.match_accept(match=match, by=owner)
    assert refused.value.reason == "consent"
    assert _reloaded(match).status == M.PROPOSED
    # Declining is still possible.
    placements.match_decline(match=match, by=owner, note="İzin geri alındı.")
    assert _reloaded(match).status == M.DECLINED


def test_accepting_is_refused_when_the_person_took_a_clashing_role_meanwhile(
    role, volunteer, owner
):
    match = placements.match_apply(role=role, person=volunteer)
    other_owner = UserFactory()
    other_program = ProgramFactory(
        organisation=OrganisationFactory(accredited=True, owner=other_owner),
        schedule=TUESDAY_EVENING,
    )
    clashing = RoleFactory(program=other_program)
    taken = placements.match_apply(role=clashing, person=volunteer)
    placements.match_accept(match=taken, by=other_owner)
    with pytest.raises(MatchRefused) as refused:
        placements.match_accept(match=match, by=owner)
    assert refused.value.reason == "clash"
    assert _reloaded(match).status == M.PROPOSED


def test_an_answer_to_an_application_is_mailed_to_the_volunteer(
    outbox, django_capture_on_commit_callbacks, role, volunteer, owner
):
    match = placements.match_apply(role=role, person=volunteer)
    outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        placements.match_decline(match=match, by=owner, note="Bu dönem yer kalmadı.")
    assert [message.to for message in outbox] == [[volunteer.email]]
    assert "Bu dönem yer kalmadı." in outbox[0].body


def test_an_answer_to_an_invitation_is_mailed_to_the_organisation(
    outbox, django_capture_on_commit_callbacks, role, volunteer, owner, profile
):
    match = placements.match_invite(role=role, person=volunteer, by=owner)
    outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        placements.match_accept(match=match, by=volunteer)
    assert [message.to for message in outbox] == [[owner.email]]
    assert profile.display_name in outbox[0].body


def test_closing_needs_a_reason_and_a_note_and_nothing_changes_without_them(
    role, volunteer, owner, profile
):
    match = MatchFactory(role=role, person=volunteer, active=True)
    for reason in ("", "bored"):
        with pytest.raises(ValidationError) as error:
            placements.match_close(match=match, by=owner, reason=reason, note="Bitti.")
        assert "reason" in error.value.message_dict
    with pytest.raises(DomainError):
        placements.match_close(match=match, by=owner, reason="completed", note="  ")
    stored = _reloaded(match)
    assert (stored.status, stored.closure_reason, stored.closed_on) == (M.ACTIVE, "", None)
    assert not _reloaded(profile).has_participated


def test_closing_a_proposed_match_is_refused_and_leaves_no_reason(role, volunteer, owner):
    match = MatchFactory(role=role, person=volunteer)
    with pytest.raises(DomainError):
        placements.match_close(match=match, by=owner, reason="completed", note="Bitti.")
    assert _reloaded(match).closure_reason == ""


def test_closing_as_completed_marks_past_participation(
    outbox, django_capture_on_commit_callbacks, role, volunteer, owner, profile
):
    match = MatchFactory(role=role, person=volunteer, active=True)
    with django_capture_on_commit_callbacks(execute=True):
        placements.match_close(match=match, by=owner, reason="completed", note="Üç ay tamam.")
    stored = _reloaded(match)
    assert (stored.status, stored.closure_reason, stored.closed_on) == (
        M.CLOSED,
        "completed",
        timezone.localdate(),
    )
    assert _reloaded(profile).has_participated
    # The volunteer is told, with the reason.
    assert outbox[-1].to == [volunteer.email]
    assert "Taahhüt süresi tamamlandı" in outbox[-1].body


def test_closing_for_another_reason_is_not_participation(role, volunteer, profile):
    match = MatchFactory(role=role, person=volunteer, active=True)
    placements.match_close(match=match, by=volunteer, reason="volunteer_left", note="Taşındım.")
    assert _reloaded(match).closure_reason == "volunteer_left"
    assert not _reloaded(profile).has_participated


def test_check_ins_for_running_placements_by_either_side(
    role, volunteer, owner, other_volunteer, other_ngo_owner, plain_member
):
    match = MatchFactory(role=role, person=volunteer, active=True)
    today = timezone.localdate()
    by_volunteer = placements.check_in_add(
        match=match, by=volunteer, on=today, mood="going_well", note="  İyi gidiyor.  "
    )
    by_owner = placements.check_in_add(
        match=match, by=owner, on=today - dt.timedelta(days=7), mood="concerns"
    )
    assert by_volunteer.note == "İyi gidiyor."
    assert set(CheckIn.objects.filter(match=match)) == {by_volunteer, by_owner}
    for stranger in (other_volunteer, other_ngo_owner, plain_member):
        with pytest.raises(PermissionDenied):
            placements.check_in_add(match=match, by=stranger, on=today, mood="going_well")


def test_check_ins_refuse_future_dates_and_unknown_moods(role, volunteer):
    match = MatchFactory(role=role, person=volunteer, accepted=True)
    with pytest.raises(ValidationError) as error:
        placements.check_in_add(
            match=match,
            by=volunteer,
            on=timezone.localdate() + dt.timedelta(days=1),
            mood="great",
        )
    assert {"on", "mood"} <= set(error.value.message_dict)
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("status", [M.PROPOSED, M.DECLINED, M.WITHDRAWN, M.CLOSED])
def test_check_ins_are_refused_for_placements_not_running(status, role, volunteer):
    match = MatchFactory(role=role, person=volunteer, status=status)
    with pytest.raises(VolunteerError):
        placements.check_in_add(
            match=match, by=volunteer, on=timezone.localdate(), mood="going_well"
        )
    assert not CheckIn.objects.exists()


# --- Personal data export ----------------------------------------------------------------------


def test_the_export_holds_the_volunteer_sections_but_never_the_declaration(
    coordinator, profile, volunteer, reviewer, organisation, role
):
    profile.skills.add(_skill("akran-destegi"))
    credentials.background_check_record(
        person=volunteer,
        checked_on=timezone.localdate(),
        valid_until=timezone.localdate() + dt.timedelta(days=365),
        by=coordinator,
    )
    credential = MentorCredentialFactory(
        person=volunteer,
        in_review=True,
        reviewer=reviewer,
        reference_organisation=organisation,
    )
    declarations.declaration_read(
        credential=credential,
        by=reviewer,
        purpose="Başvuruyu değerlendirmek için okudum.",
    )
    match = MatchFactory(role=role, person=volunteer, active=True)
    placements.check_in_add(
        match=match, by=volunteer, on=timezone.localdate(), mood="going_well", note="Güzel."
    )
    HoursLogFactory(match=match, hours=2, description="Ders", approved=True)

    export = personal_data_export(user=volunteer)
    assert export["volunteer_profile"]["display_name"] == profile.display_name
    assert export["volunteer_profile"]["skills"] == [_skill("akran-destegi").name]
    assert len(export["background_checks"]) == 1
    [row] = export["mentor_credentials"]
    assert row["status"] == "in_review"
    assert row["recovery_declaration"]  # says one is on file…
    [placement] = export["volunteer_matches"]
    assert placement["role"] == role.title
    assert placement["check_ins"][0]["note"] == "Güzel."
    assert export["volunteer_hours"][0]["hours"] in {"2", "2.0"}
    text = json.dumps(export, ensure_ascii=False, default=str)
    # …but never what it says, nor who read it.
    assert "Altı yıldır" not in text
    assert "years_in_recovery" not in text
    assert "Başvuruyu değerlendirmek" not in text
    assert RecoveryDeclaration.objects.get(credential=credential).ciphertext not in text


def test_the_export_of_someone_who_never_volunteered_is_empty_of_volunteering(person):
    export = personal_data_export(user=person)
    assert export["volunteer_profile"] is None
    for section in (
        "background_checks",
        "mentor_credentials",
        "volunteer_matches",
        "volunteer_hours",
    ):
        assert export[section] == []


# --- Events: "volunteers only" ------------------------------------------------------------------


def test_a_person_with_a_volunteer_profile_counts_as_a_volunteer_for_events(person):
    assert not event_services.is_volunteer(person)
    VolunteerProfileFactory(user=person, consent=False)
    assert event_services.is_volunteer(person)


def test_a_volunteer_signs_up_for_a_volunteers_only_event_and_others_are_refused():
    from events.factories import EventFactory
    from events.models import Event

    event = EventFactory(audience=Event.Audience.VOLUNTEERS)
    stranger = UserFactory()
    refused = event_services.refusal(event, stranger)
    assert refused is not None and "gönüllülere açık" in str(refused)
    volunteer = VolunteerProfileFactory(consent=False).user
    assert event_services.refusal(event, volunteer) is None
    signup = event_services.signup_create(event=event, person=volunteer)
    assert signup.person == volunteer
