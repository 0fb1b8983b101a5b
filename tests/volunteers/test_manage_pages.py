"""Organisations' volunteering pages: programs, roles, applications and invitations,
placements, and hours, for the people who manage them and for nobody else."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.factories import UserFactory, staff_user
from core.models import (
    ConsentPurpose,
    District,
    Province,
    StaffRole,
    SupportUnit,
    TargetGroup,
    WorkingArea,
)
from core.services import consent_withdraw
from volunteers import hours, placements
from volunteers.availability import bit
from volunteers.factories import (
    ProgramFactory,
    RoleFactory,
    VolunteerProfileFactory,
    grant_consent,
)
from volunteers.models import CONTACT_CONSENT, MATCHING_CONSENT, HoursLog, Match, Program, Role

pytestmark = pytest.mark.django_db

M = Match.Status


def _html(response) -> str:
    return response.content.decode()


def _today():
    return timezone.localdate()


# --- Fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def organisation(owner):
    return OrganisationFactory(accredited=True, owner=owner)


@pytest.fixture
def program(organisation):
    return ProgramFactory(organisation=organisation, title="Mahallede Birlikte")


@pytest.fixture
def role(program):
    return RoleFactory(program=program, title="Akran destek gönüllüsü", places=2)


@pytest.fixture
def volunteer():
    return VolunteerProfileFactory(
        display_name="Ayşe K.",
        phone="+90 555 111 22 33",
        birth_date=dt.date(1990, 4, 17),
    )


@pytest.fixture
def application(role, volunteer):
    return placements.match_apply(role=role, person=volunteer.user, message="Katılmak isterim.")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def unit():
    return SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Kadıköy Sosyal Uyum Birimi",
        province=Province.objects.get(code=34),
    )


@pytest.fixture
def coordinator():
    return staff_user(StaffRole.COORDINATOR, 34)


def _submitted_hours(match: Match, hours_given=2) -> HoursLog:
    if match.status == M.PROPOSED:
        placements.match_accept(match=match, by=_a_manager(match.role.program))
    return hours.hours_log(
        person=match.person, match=match, on=_today(), hours=hours_given, kind="volunteering"
    )


def _a_manager(program: Program):
    if program.organisation_id is None:
        return staff_user(StaffRole.COORDINATOR, program.province_id)
    membership = Membership.objects.managing().filter(organisation=program.organisation).first()
    if membership is None:
        membership = Membership.objects.create(
            organisation=program.organisation, user=UserFactory(), role="owner"
        )
    return membership.user


def _program_data(**overrides) -> dict:
    data = {
        "title": "Okulda Yanındayız",
        "aims": "Okul terkini önlemek için gençlerle haftalık buluşmalar.",
        "description": "Ödev desteği ve sohbet.",
        "working_area": WorkingArea.objects.order_by("sort_order").first().pk,
        "target_groups": [TargetGroup.objects.order_by("sort_order").first().pk],
        "province": 34,
        "district": District.objects.get(province_id=34, slug="kadikoy").pk,
        "schedule": ["1-2", "5-0"],
        "schedule_note": "Salı 18.00–20.00, cumartesi 10.00–12.00",
        "starts_on": _today().isoformat(),
        "ends_on": "",
    }
    data.update(overrides)
    return data


def _role_data(**overrides) -> dict:
    data = {
        "title": "Ödev desteği gönüllüsü",
        "description": "Ortaokul öğrencilerine haftada bir ödev desteği verir.",
        "places": "3",
        "weekly_hours": "1,5",
        "commitment_months": "6",
        "is_open": "on",
        "minimum_age": "",
    }
    data.update(overrides)
    return data


# --- Every page, for the right people ---------------------------------------------------------


def _pages(program, role, match) -> list[str]:
    return [
        reverse("manage_programs"),
        reverse("program_create") + f"?organisation={program.organisation_id}",
        reverse("manage_program", args=[program.slug]),
        reverse("program_edit", args=[program.slug]),
        reverse("role_create", args=[program.slug]),
        reverse("manage_role", args=[role.pk]),
        reverse("role_edit", args=[role.pk]),
        reverse("manage_match", args=[match.pk]),
        reverse("hours_queue"),
    ]


def test_every_page_renders_for_the_owner_and_a_manager(client, program, role, application):
    manager = UserFactory()
    Membership.objects.create(organisation=program.organisation, user=manager, role="manager")
    for user in (program.organisation.memberships.get(role="owner").user, manager):
        client.force_login(user)
        for url in _pages(program, role, application):
            response = client.get(url)
            assert response.status_code == 200, url


def test_the_list_shows_programs_with_their_counts_and_new_program_links(
    owner_client, organisation, program, role, application
):
    _submitted_hours(application)
    other = RoleFactory(program=program)
    placements.match_apply(role=other, person=VolunteerProfileFactory().user)
    html = _html(owner_client.get(reverse("manage_programs")))
    assert "Mahallede Birlikte" in html
    assert f"?organisation={organisation.pk}" in html
    response = owner_client.get(reverse("manage_programs"))
    row = next(p for p in response.context["page_obj"] if p.pk == program.pk)
    assert (row.roles_count, row.applications_waiting, row.hours_waiting) == (2, 1, 1)
    # The coordinator's option is not offered to an organisation.
    assert "Sosyal Uyum Birimi programı" not in html


def test_the_list_filters_by_status(owner_client, organisation, program):
    ProgramFactory(organisation=organisation, title="Eski Program", status=Program.Status.CLOSED)
    html = _html(owner_client.get(reverse("manage_programs") + "?status=closed"))
    assert "Eski Program" in html and "Mahallede Birlikte" not in html
    # An unknown filter shows everything rather than failing.
    html = _html(owner_client.get(reverse("manage_programs") + "?status=<script>&page=x"))
    assert "Eski Program" in html and "Mahallede Birlikte" in html


# --- Who may not ------------------------------------------------------------------------------


@pytest.fixture
def outsiders(program, volunteer):
    other_manager = UserFactory()
    other = OrganisationFactory(accredited=True, owner=UserFactory())
    Membership.objects.create(organisation=other, user=other_manager, role="manager")
    member = UserFactory()
    Membership.objects.create(organisation=program.organisation, user=member, role="member")
    return {
        "manager of another organisation": other_manager,
        "plain member": member,
        "the volunteer": volunteer.user,
        "coordinator of another province": staff_user(StaffRole.COORDINATOR, 6),
        "coordinator without a second factor": staff_user(
            StaffRole.COORDINATOR, 34, with_mfa=False
        ),
        "person": UserFactory(),
    }


def test_outsiders_are_refused_every_page_and_see_nothing(
    client, settings, program, role, application, outsiders
):
    settings.PORTAL_STAFF_MFA_REQUIRED = True
    log = _submitted_hours(application)
    pages = _pages(program, role, application)[1:-1]
    posts = {
        reverse("manage_program", args=[program.slug]): {"action": "cancel", "note": "x"},
        reverse("program_edit", args=[program.slug]): _program_data(),
        reverse("role_create", args=[program.slug]): _role_data(),
        reverse("role_edit", args=[role.pk]): _role_data(),
        reverse("role_invite", args=[role.pk]): {"user": UserFactory().pk},
        reverse("manage_match", args=[application.pk]): {"action": "close", "reason": "other"},
        reverse("hours_decide", args=[log.pk]): {"action": "approve"},
    }
    for label, user in outsiders.items():
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code in (403, 404), (label, url)
        for url, data in posts.items():
            assert client.post(url, data).status_code in (403, 404), (label, url)
        for url in (reverse("manage_programs"), reverse("hours_queue")):
            html = _html(client.get(url))
            assert "Mahallede Birlikte" not in html, (label, url)
            assert "Ayşe K." not in html, (label, url)
            assert "Akran destek gönüllüsü" not in html, (label, url)
    program.refresh_from_db()
    application.refresh_from_db()
    log.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert program.roles.count() == 1
    assert application.status == M.ACCEPTED
    assert log.status == HoursLog.Status.SUBMITTED
    assert Match.objects.count() == 1


def test_anonymous_people_are_sent_to_sign_in(client, program, role, application):
    log = _submitted_hours(application)
    for url in _pages(program, role, application):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))
    for url in (
        reverse("role_invite", args=[role.pk]),
        reverse("hours_decide", args=[log.pk]),
    ):
        assert client.post(url, {}).status_code == 302


def test_missing_records_and_bad_parameters_give_404_not_500(owner_client):
    for url in (
        reverse("manage_program", args=["yok-boyle"]),
        reverse("manage_role", args=[999999]),
        reverse("manage_match", args=[999999]),
        reverse("program_create") + "?organisation=abc",
        reverse("program_create") + "?organisation=999999",
        reverse("program_create") + "?unit=-1",
        reverse("program_create") + "?unit=99999999999999999999999",
    ):
        assert owner_client.get(url).status_code == 404, url
    response = owner_client.get(reverse("program_create"))
    assert response.status_code == 302
    assert owner_client.post(reverse("hours_decide", args=[999999]), {}).status_code == 404


def test_a_plain_member_cannot_draft_an_organisations_program(client, organisation):
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, role="member")
    client.force_login(member)
    url = reverse("program_create") + f"?organisation={organisation.pk}"
    assert client.get(url).status_code == 403
    assert client.post(url, _program_data()).status_code == 403
    assert not Program.objects.exists()
    assert "Yeni program" not in _html(client.get(reverse("manage_programs")))


# --- Programs ---------------------------------------------------------------------------------


def test_an_owner_drafts_a_program_with_its_schedule(owner_client, organisation):
    url = reverse("program_create") + f"?organisation={organisation.pk}"
    response = owner_client.post(url, _program_data())
    program = Program.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("manage_program", args=[program.slug])
    assert program.status == Program.Status.DRAFT
    assert program.organisation == organisation
    assert program.schedule == bit(1, 2) | bit(5, 0)
    assert program.target_groups.count() == 1
    assert program.history().count() == 1


def test_a_program_without_a_time_slot_keeps_what_was_typed(owner_client, organisation):
    url = reverse("program_create") + f"?organisation={organisation.pk}"
    response = owner_client.post(url, _program_data(schedule=[]))
    html = _html(response)
    assert response.status_code == 200
    assert "En az bir gün ve saat dilimi seçin." in html
    assert 'value="Okulda Yanındayız"' in html
    assert "Okul terkini önlemek" in html
    assert not Program.objects.exists()


def test_the_schedule_grid_keeps_the_ticked_slots(owner_client, organisation):
    url = reverse("program_create") + f"?organisation={organisation.pk}"
    html = _html(owner_client.post(url, _program_data(title="", schedule=["3-1"])))
    assert 'value="3-1" id="id_schedule_3_1" checked' in html
    assert 'value="1-2" id="id_schedule_1_2">' in html
    assert "Programın adını yazın." in html


def test_dates_and_places_are_checked_with_clear_messages(owner_client, organisation):
    url = reverse("program_create") + f"?organisation={organisation.pk}"
    start = _today()
    response = owner_client.post(
        url,
        _program_data(
            starts_on=start.isoformat(),
            ends_on=(start - dt.timedelta(days=1)).isoformat(),
            district=District.objects.filter(province_id=35).first().pk,
        ),
    )
    html = _html(response)
    assert "Bitiş tarihi, başlangıç tarihinden önce olamaz." in html
    assert "Seçtiğiniz ilçe İstanbul iline bağlı değil." in html
    assert not Program.objects.exists()


def test_garbage_in_every_field_gives_messages_not_a_server_error(owner_client, organisation):
    url = reverse("program_create") + f"?organisation={organisation.pk}"
    garbage = {
        "title": "x" * 500,
        "aims": "   ",
        "working_area": "abc",
        "target_groups": ["abc", "999999"],
        "province": "9999",
        "district": "-4",
        "schedule": ["9-9", "x", "1-2"],
        "starts_on": "31.02.2026",
        "ends_on": "99999-01-01",
        "is_online": "maybe",
    }
    response = owner_client.post(url, garbage)
    assert response.status_code == 200
    assert "Formda düzeltilmesi gereken yerler var" in _html(response)
    assert not Program.objects.exists()


def test_an_owner_edits_a_program(owner_client, program):
    url = reverse("program_edit", args=[program.slug])
    form = owner_client.get(url).context["form"]
    assert form.initial["schedule"] == ["1-2"]
    response = owner_client.post(
        url, _program_data(title="Mahallede Birlikte 2026", is_online="on")
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.title == "Mahallede Birlikte 2026"
    assert program.is_online and program.district is None


def test_a_closed_program_cannot_be_edited(owner_client, owner, program):
    from volunteers.programs import program_close

    program_close(program=program, by=owner)
    response = owner_client.get(reverse("program_edit", args=[program.slug]), follow=True)
    assert "Tamamlanmış ya da iptal edilmiş bir program düzenlenemez." in _html(response)
    response = owner_client.get(reverse("role_create", args=[program.slug]), follow=True)
    assert "Tamamlanmış ya da iptal edilmiş bir program düzenlenemez." in _html(response)


def test_publishing_without_roles_or_accreditation_shows_why(client, owner):
    organisation = OrganisationFactory(owner=owner)  # not accredited
    program = ProgramFactory(organisation=organisation, status=Program.Status.DRAFT)
    client.force_login(owner)
    url = reverse("manage_program", args=[program.slug])
    html = _html(client.get(url))
    assert 'value="publish"' in html and 'value="close"' not in html
    html = _html(client.post(url, {"action": "publish"}, follow=True))
    assert "Yalnızca akredite kuruluşlar program yayımlayabilir." in html
    organisation.accreditation_status = "accredited"
    organisation.accredited_until = _today() + dt.timedelta(days=30)
    organisation.save()
    html = _html(client.post(url, {"action": "publish"}, follow=True))
    assert "Yayımlamadan önce en az bir gönüllü rolü ekleyin." in html
    RoleFactory(program=program)
    html = _html(client.post(url, {"action": "publish"}, follow=True))
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert "Program yayımlandı" in html


def test_cancelling_a_published_program_needs_a_reason(owner_client, program):
    url = reverse("manage_program", args=[program.slug])
    html = _html(owner_client.get(url))
    assert 'value="close"' in html and 'value="cancel"' in html and 'value="publish"' not in html
    response = owner_client.post(url, {"action": "cancel", "note": "  "})
    assert "İptal nedenini yazın." in _html(response)
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    owner_client.post(url, {"action": "cancel", "note": "Salon kapandı."})
    program.refresh_from_db()
    assert program.status == Program.Status.CANCELLED
    html = _html(owner_client.get(url))
    assert "Salon kapandı." in html
    assert owner_client.post(url, {"action": "nonsense"}).status_code == 302


def test_the_program_page_shows_places_held_and_free(owner_client, owner, program, role):
    for _ in range(2):
        match = placements.match_apply(role=role, person=VolunteerProfileFactory().user)
    placements.match_accept(match=match, by=owner)
    response = owner_client.get(reverse("manage_program", args=[program.slug]))
    row = response.context["roles"][0]
    assert (row.places, row.held, row.free, row.waiting) == (2, 1, 1, 1)


# --- Social Cohesion Units --------------------------------------------------------------------


def test_a_coordinator_enters_a_program_for_a_unit_of_their_province(client, coordinator, unit):
    SupportUnit.objects.create(
        kind=SupportUnit.Kind.SOCIAL_COHESION,
        name="Bornova Sosyal Uyum Birimi",
        province=Province.objects.get(code=35),
    )
    client.force_login(coordinator)
    html = _html(client.get(reverse("manage_programs")))
    assert "Sosyal Uyum Birimi programı" in html
    assert "Kadıköy Sosyal Uyum Birimi" in html and "Bornova" not in html
    url = reverse("program_create") + f"?unit={unit.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, _program_data())
    program = Program.objects.get()
    assert response["Location"] == reverse("manage_program", args=[program.slug])
    assert program.support_unit == unit and program.organisation is None
    assert client.get(reverse("manage_program", args=[program.slug])).status_code == 200
    # A province outside their reach is refused on the field, with the input kept.
    response = client.post(url, _program_data(title="İzmir programı", province=35, district=""))
    assert "Bu ildeki programları yönetme yetkiniz yok." in _html(response)
    assert Program.objects.count() == 1


def test_a_coordinator_of_another_province_cannot_enter_a_units_program(client, unit):
    client.force_login(staff_user(StaffRole.COORDINATOR, 6))
    assert "Kadıköy Sosyal Uyum Birimi" not in _html(client.get(reverse("manage_programs")))
    url = reverse("program_create") + f"?unit={unit.pk}"
    assert client.get(url).status_code == 403
    assert client.post(url, _program_data()).status_code == 403
    assert not Program.objects.exists()


# --- Roles ------------------------------------------------------------------------------------


def test_an_owner_adds_a_role_with_a_decimal_comma(owner_client, program):
    response = owner_client.post(reverse("role_create", args=[program.slug]), _role_data())
    role = Role.objects.get()
    assert response["Location"] == reverse("manage_role", args=[role.pk])
    assert role.weekly_hours == Decimal("1.5")
    assert role.places == 3 and role.commitment_months == 6 and role.is_open


@pytest.mark.parametrize("places", ["0", "-2"])
def test_a_role_with_no_places_is_refused_and_nothing_is_lost(owner_client, program, places):
    response = owner_client.post(
        reverse("role_create", args=[program.slug]), _role_data(places=places)
    )
    html = _html(response)
    assert response.status_code == 200
    assert "Rol en az bir kişilik olmalı." in html
    assert 'value="Ödev desteği gönüllüsü"' in html
    assert 'value="1,5"' in html
    assert not Role.objects.exists()


def test_places_below_the_people_placed_are_refused(owner_client, owner, role):
    for _ in range(2):
        match = placements.match_apply(role=role, person=VolunteerProfileFactory().user)
        placements.match_accept(match=match, by=owner)
    response = owner_client.post(reverse("role_edit", args=[role.pk]), _role_data(places="1"))
    assert "Bu rolde 2 kişi yer alıyor" in _html(response)
    role.refresh_from_db()
    assert role.places == 2


def test_a_language_both_required_and_helpful_is_refused(owner_client, program):
    from volunteers.models import Language

    language = Language.objects.order_by("pk").first()
    data = _role_data(required_languages=[language.pk], helpful_languages=[language.pk])
    response = owner_client.post(reverse("role_create", args=[program.slug]), data)
    assert "Bir dil hem gerekli hem yararlı olarak seçilemez." in _html(response)
    assert not Role.objects.exists()


def test_editing_a_role_keeps_its_values(owner_client, role):
    form = owner_client.get(reverse("role_edit", args=[role.pk])).context["form"]
    assert form.initial["title"] == "Akran destek gönüllüsü"
    assert form["weekly_hours"].value() == "2"
    response = owner_client.post(
        reverse("role_edit", args=[role.pk]), _role_data(title="Akran destek gönüllüsü (yeni)")
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.title == "Akran destek gönüllüsü (yeni)"


def test_role_form_garbage_gives_messages(owner_client, program):
    response = owner_client.post(
        reverse("role_create", args=[program.slug]),
        _role_data(
            places="çok",
            weekly_hours="1,25",
            commitment_months="",
            minimum_age="200",
            required_skills=["x"],
        ),
    )
    html = _html(response)
    assert response.status_code == 200
    assert "Kişi sayısını rakamla yazın." in html
    assert "Taahhüt süresini ay olarak yazın." in html
    assert "Yaş 1 ile 99 arasında olmalı." in html
    assert not Role.objects.exists()


# --- The role page: applications, invitations, candidates ------------------------------------


def test_the_role_page_groups_matches_and_recommends_candidates(
    owner_client, owner, role, application
):
    candidate = VolunteerProfileFactory(display_name="Mehmet T.")
    invited = VolunteerProfileFactory(display_name="Zeynep A.")
    placements.match_invite(role=role, person=invited.user, by=owner)
    response = owner_client.get(reverse("manage_role", args=[role.pk]))
    context = response.context
    assert [m.pk for m in context["waiting"]] == [application.pk]
    assert [m.person_name for m in context["invited"]] == ["Zeynep A."]
    names = [c.profile.display_name for c in context["candidates"]]
    assert names == ["Mehmet T."]  # the two already in a match are not recommended again
    html = _html(response)
    assert "Davet et" in html
    assert "Aynı ilçede" in html
    assert reverse("manage_match", args=[application.pk]) in html
    assert candidate.user.email not in html


def test_contact_details_only_with_consent_and_after_applying(
    owner_client, owner, role, volunteer, application
):
    candidate = VolunteerProfileFactory(display_name="Mehmet T.")
    grant_consent(candidate.user, CONTACT_CONSENT)
    invited = VolunteerProfileFactory(display_name="Zeynep A.")
    grant_consent(invited.user, CONTACT_CONSENT)
    placements.match_invite(role=role, person=invited.user, by=owner)
    role_url = reverse("manage_role", args=[role.pk])
    match_url = reverse("manage_match", args=[application.pk])

    # The applicant has not given the consent: no e-mail, no phone.
    for url in (role_url, match_url):
        html = _html(owner_client.get(url))
        assert volunteer.user.email not in html and "555 111 22 33" not in html
    grant_consent(volunteer.user, CONTACT_CONSENT)
    for url in (role_url, match_url):
        html = _html(owner_client.get(url))
        assert volunteer.user.email in html and "555 111 22 33" in html
    html = _html(owner_client.get(role_url))
    # A candidate and someone invited who has not accepted yet: never.
    assert candidate.user.email not in html
    assert invited.user.email not in html
    # Never the birth date.
    assert "1990" not in html and "17.04" not in html
    consent_withdraw(user=volunteer.user, purpose=ConsentPurpose.objects.get(key=CONTACT_CONSENT))
    assert volunteer.user.email not in _html(owner_client.get(match_url))


def test_an_owner_invites_a_candidate(
    owner_client, role, outbox, django_capture_on_commit_callbacks
):
    candidate = VolunteerProfileFactory(display_name="Mehmet T.")
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            reverse("role_invite", args=[role.pk]),
            {"user": candidate.user_id, "message": "Sizi aramızda görmek isteriz."},
        )
    assert response["Location"] == reverse("manage_role", args=[role.pk])
    match = Match.objects.get()
    assert match.origin == Match.Origin.INVITATION and match.person == candidate.user
    assert match.message == "Sizi aramızda görmek isteriz."
    assert match.score is not None and match.score > 0
    assert [m.to for m in outbox] == [[candidate.user.email]]
    html = _html(owner_client.get(reverse("manage_role", args=[role.pk])))
    assert "Mehmet T. davet edildi" in html


def test_an_invitation_to_someone_who_withdrew_consent_is_refused_clearly(owner_client, role):
    candidate = VolunteerProfileFactory(display_name="Mehmet T.")
    consent_withdraw(user=candidate.user, purpose=ConsentPurpose.objects.get(key=MATCHING_CONSENT))
    response = owner_client.post(
        reverse("role_invite", args=[role.pk]),
        {"user": candidate.user_id, "message": "Merhaba"},
    )
    assert response.status_code == 200
    assert "Eşleştirme izni yok." in _html(response)
    assert not Match.objects.exists()


@pytest.mark.parametrize("user", ["", "abc", "-1", "99999999", "1" * 40])
def test_a_bad_user_id_gives_a_message(owner_client, role, user):
    response = owner_client.post(
        reverse("role_invite", args=[role.pk]), {"user": user}, follow=True
    )
    assert response.status_code == 200
    assert "Bu gönüllü bulunamadı." in _html(response)
    assert not Match.objects.exists()


def test_a_clash_with_another_organisations_role_does_not_name_it(owner_client, role):
    other_role = RoleFactory(title="Gizli Rol Adı")  # another organisation, also Tuesday evening
    candidate = VolunteerProfileFactory()
    match = placements.match_apply(role=other_role, person=candidate.user)
    placements.match_accept(match=match, by=_a_manager(other_role.program))
    response = owner_client.post(
        reverse("role_invite", args=[role.pk]), {"user": candidate.user_id}
    )
    html = _html(response)
    assert "Bu gönüllünün aynı saatlerde başka bir rolü var." in html
    assert "Gizli Rol Adı" not in html
    assert Match.objects.count() == 1


def test_the_invite_page_refuses_get(owner_client, role):
    assert owner_client.get(reverse("role_invite", args=[role.pk])).status_code == 405


# --- The match page ---------------------------------------------------------------------------


def test_an_application_is_accepted_started_and_closed_through_the_page(
    owner_client, application, outbox, django_capture_on_commit_callbacks
):
    url = reverse("manage_match", args=[application.pk])
    html = _html(owner_client.get(url))
    assert "Katılmak isterim." in html
    assert 'value="accept"' in html and 'value="decline"' in html
    assert 'value="withdraw"' not in html and 'value="start"' not in html
    assert 'name="note"' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(url, {"action": "accept"})
    assert response["Location"] == url
    application.refresh_from_db()
    assert application.status == M.ACCEPTED
    assert [m.to for m in outbox] == [[application.person.email]]

    html = _html(owner_client.get(url))
    assert 'value="start"' in html and 'value="close"' in html and 'value="accept"' not in html
    owner_client.post(url, {"action": "start"})
    application.refresh_from_db()
    assert application.status == M.ACTIVE and application.started_on == _today()

    response = owner_client.post(url, {"action": "close", "reason": "", "note": "Bitti."})
    html = _html(response)
    assert "Kapanış nedenini seçin." in html
    assert "Bitti." in html  # what was typed stays
    application.refresh_from_db()
    assert application.status == M.ACTIVE
    response = owner_client.post(url, {"action": "close", "reason": "completed", "note": ""})
    assert "Kapanış notunu yazın." in _html(response)
    owner_client.post(url, {"action": "close", "reason": "completed", "note": "Süre doldu."})
    application.refresh_from_db()
    assert application.status == M.CLOSED
    assert application.closure_reason == "completed"
    html = _html(owner_client.get(url))
    assert "Süre doldu." in html and 'value="close"' not in html


def test_declining_needs_a_reason(owner_client, application):
    url = reverse("manage_match", args=[application.pk])
    response = owner_client.post(url, {"action": "decline", "note": ""})
    assert "Geri çevirme nedenini yazın." in _html(response)
    application.refresh_from_db()
    assert application.status == M.PROPOSED
    owner_client.post(url, {"action": "decline", "note": "Yerler doldu."})
    application.refresh_from_db()
    assert application.status == M.DECLINED
    assert application.history().last().note == "Yerler doldu."


def test_an_invitation_is_withdrawn_not_accepted_by_the_organisation(owner_client, owner, role):
    person = VolunteerProfileFactory().user
    invitation = placements.match_invite(role=role, person=person, by=owner)
    url = reverse("manage_match", args=[invitation.pk])
    html = _html(owner_client.get(url))
    assert 'value="withdraw"' in html and 'value="accept"' not in html
    # Posting a move the page did not offer is refused with a message, not a server error.
    response = owner_client.post(url, {"action": "accept"})
    assert response.status_code == 200
    assert "Bu adımı atmaya yetkiniz yok." in _html(response)
    owner_client.post(url, {"action": "withdraw"})
    invitation.refresh_from_db()
    assert invitation.status == M.WITHDRAWN


def test_accepting_when_the_role_is_full_gives_the_reason(owner_client, owner, role, application):
    for _ in range(2):
        other = placements.match_apply(role=role, person=VolunteerProfileFactory().user)
        placements.match_accept(match=other, by=owner)
    response = owner_client.post(
        reverse("manage_match", args=[application.pk]), {"action": "accept"}
    )
    assert "Bu rolün kişi sayısı doldu." in _html(response)
    application.refresh_from_db()
    assert application.status == M.PROPOSED


def test_unknown_actions_and_garbage_give_messages(owner_client, application):
    url = reverse("manage_match", args=[application.pk])
    response = owner_client.post(url, {"action": "explode"}, follow=True)
    assert "Bilinmeyen işlem" in _html(response)
    response = owner_client.post(url, {"action": "close", "reason": "x" * 50, "note": "y" * 5000})
    assert response.status_code == 200
    response = owner_client.post(url, {"action": "check_in", "on": "yesterday", "mood": "?"})
    assert response.status_code == 200


def test_check_ins_are_written_and_read(owner_client, owner, application):
    url = reverse("manage_match", args=[application.pk])
    assert "Görüşme notu ekle" not in _html(owner_client.get(url))  # not yet placed
    placements.match_accept(match=application, by=owner)
    response = owner_client.post(
        url,
        {
            "action": "check_in",
            "on": (_today() + dt.timedelta(days=3)).isoformat(),
            "mood": "going_well",
            "note": "İlk buluşma güzel geçti.",
        },
    )
    html = _html(response)
    assert "Görüşme tarihi ileride olamaz." in html
    assert "İlk buluşma güzel geçti." in html
    owner_client.post(
        url,
        {
            "action": "check_in",
            "on": _today().isoformat(),
            "mood": "going_well",
            "note": "İlk buluşma güzel geçti.",
        },
    )
    check_in = application.check_ins.get()
    assert check_in.by == owner
    html = _html(owner_client.get(url))
    assert "İyi gidiyor" in html and "İlk buluşma güzel geçti." in html


# --- Hours ------------------------------------------------------------------------------------


def test_hours_are_approved_and_rejected_with_a_reason(owner_client, application):
    log = _submitted_hours(application, 3)
    second = hours.hours_log(
        person=application.person,
        match=application,
        on=_today() - dt.timedelta(days=1),
        hours="1.5",
        kind="volunteering",
        description="Kitap okuma saati",
    )
    html = _html(owner_client.get(reverse("hours_queue")))
    assert "Ayşe K." in html and "Akran destek gönüllüsü" in html and "Kitap okuma saati" in html

    response = owner_client.post(reverse("hours_decide", args=[log.pk]), {"action": "approve"})
    assert response["Location"] == reverse("hours_queue")
    log.refresh_from_db()
    assert log.status == HoursLog.Status.APPROVED

    url = reverse("hours_decide", args=[second.pk])
    response = owner_client.post(url, {"action": "reject", "note": " "})
    assert response.status_code == 200
    assert "Reddetme nedenini yazın." in _html(response)
    second.refresh_from_db()
    assert second.status == HoursLog.Status.SUBMITTED
    owner_client.post(url, {"action": "reject", "note": "O gün program yapılmadı."})
    second.refresh_from_db()
    assert second.status == HoursLog.Status.REJECTED

    response = owner_client.get(reverse("hours_queue"))
    assert [row["total"] for row in response.context["role_totals"]] == [Decimal("3")]
    assert "Onay bekleyen saat kaydı yok." in _html(response)
    # Deciding again is a message, not a server error.
    response = owner_client.post(reverse("hours_decide", args=[log.pk]), {"action": "approve"})
    assert response.status_code == 200
    response = owner_client.post(reverse("hours_decide", args=[log.pk]), {"action": "?"})
    assert response.status_code == 302


def test_nobody_approves_their_own_hours(client, organisation, role):
    manager = VolunteerProfileFactory().user
    Membership.objects.create(organisation=organisation, user=manager, role="manager")
    match = placements.match_apply(role=role, person=manager)
    log = _submitted_hours(match)
    client.force_login(manager)
    assert log.pk not in [row.pk for row in client.get(reverse("hours_queue")).context["page_obj"]]
    assert (
        client.post(reverse("hours_decide", args=[log.pk]), {"action": "approve"}).status_code
        == 403
    )


def test_a_coordinator_decides_the_hours_of_a_units_program(client, coordinator, unit):
    program = ProgramFactory(organisation=None, support_unit=unit)
    role = RoleFactory(program=program, title="Birim gönüllüsü")
    match = placements.match_apply(role=role, person=VolunteerProfileFactory().user)
    placements.match_accept(match=match, by=coordinator)
    log = hours.hours_log(person=match.person, match=match, on=_today(), hours=2)
    organisation_log = _submitted_hours(
        placements.match_apply(role=RoleFactory(), person=VolunteerProfileFactory().user)
    )
    client.force_login(coordinator)
    queue = [row.pk for row in client.get(reverse("hours_queue")).context["page_obj"]]
    assert queue == [log.pk]  # an organisation's hours are the organisation's to approve
    assert organisation_log.pk not in queue
    client.post(reverse("hours_decide", args=[log.pk]), {"action": "approve"})
    log.refresh_from_db()
    assert log.status == HoursLog.Status.APPROVED

    elsewhere = staff_user(StaffRole.COORDINATOR, 6)
    client.force_login(elsewhere)
    assert not client.get(reverse("hours_queue")).context["page_obj"].object_list
    second = hours.hours_log(
        person=match.person, match=match, on=_today() - dt.timedelta(days=1), hours=1
    )
    assert (
        client.post(reverse("hours_decide", args=[second.pk]), {"action": "approve"}).status_code
        == 403
    )


# --- Constant queries -------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)  # caches filled by a first visit (site, settings) are not the page's
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _grow(organisation, count: int) -> None:
    owner = organisation.memberships.get(role="owner").user
    for _ in range(count):
        program = ProgramFactory(organisation=organisation)
        role = RoleFactory(program=program, places=5)
        for _ in range(2):
            match = placements.match_apply(role=role, person=VolunteerProfileFactory().user)
        placements.match_accept(match=match, by=owner)
        hours.hours_log(person=match.person, match=match, on=_today(), hours=2)


def test_the_program_list_takes_the_same_queries_as_programs_grow(owner_client, organisation):
    _grow(organisation, 2)
    few = _queries(owner_client, reverse("manage_programs"))
    _grow(organisation, 6)
    assert _queries(owner_client, reverse("manage_programs")) == few


def test_the_hours_queue_takes_the_same_queries_as_hours_grow(owner_client, organisation):
    _grow(organisation, 2)
    few = _queries(owner_client, reverse("hours_queue"))
    _grow(organisation, 6)
    response = owner_client.get(reverse("hours_queue"))
    assert len(response.context["page_obj"].object_list) == 8
    assert _queries(owner_client, reverse("hours_queue")) == few


def test_the_hours_queue_takes_the_same_queries_for_a_coordinator(client, coordinator, unit):
    def grow(count):
        for _ in range(count):
            program = ProgramFactory(organisation=None, support_unit=unit)
            role = RoleFactory(program=program)
            match = placements.match_apply(role=role, person=VolunteerProfileFactory().user)
            placements.match_accept(match=match, by=coordinator)
            hours.hours_log(person=match.person, match=match, on=_today(), hours=2)

    client.force_login(coordinator)
    grow(1)
    few = _queries(client, reverse("hours_queue"))
    grow(5)
    assert _queries(client, reverse("hours_queue")) == few
