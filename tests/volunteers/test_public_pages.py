"""The public volunteering pages: the program list, a program's page and applying to a role."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from core.factories import UserFactory
from core.lifecycle import transition
from core.models import Province, WorkingArea
from volunteers import placements
from volunteers.factories import (
    SATURDAY_MORNING,
    ProgramFactory,
    RoleFactory,
    VolunteerProfileFactory,
    grant_consent,
)
from volunteers.models import PUBLIC_NAME_CONSENT, Match, MentorCredential, Program

pytestmark = pytest.mark.django_db


def _placed(role, **profile_kwargs):
    """A volunteer accepted into ``role`` by a manager of the running organisation."""
    profile = VolunteerProfileFactory(**profile_kwargs)
    match = placements.match_apply(role=role, person=profile.user)
    manager = role.program.organisation.memberships.filter(role__in=["owner", "manager"]).first()
    placements.match_accept(match=match, by=manager.user)
    return profile


def _granted_credential(person):
    credential = MentorCredential.objects.create(
        person=person,
        province_id=34,
        status=MentorCredential.Status.GRANTED,
        granted_on=timezone.localdate(),
        valid_until=timezone.localdate() + dt.timedelta(days=365),
    )
    return credential


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def program(owner):
    organisation = OrganisationFactory(accredited=True, owner=owner)
    return ProgramFactory(organisation=organisation, title="Mahallede birlikte")


# --- The list --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_list_shows_open_programs_with_their_roles_and_free_places(client, program, language):
    RoleFactory(program=program, title="Akran destek gönüllüsü", places=3)
    ProgramFactory(title="Taslak program", status=Program.Status.DRAFT)
    ProgramFactory(
        title="Biten program",
        ends_on=timezone.localdate() - dt.timedelta(days=1),
        starts_on=timezone.localdate() - dt.timedelta(days=30),
    )
    prefix = "" if language == "tr" else "/en"
    response = client.get(prefix + "/volunteers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert "Mahallede birlikte" in html
    assert "Akran destek gönüllüsü" in html
    assert "Taslak program" not in html
    assert "Biten program" not in html
    if language == "tr":
        assert "3 yer boş" in html
        assert "Salı akşam" in html
        assert "Kadıköy, İstanbul" in html


def test_the_list_filters_by_province_working_area_and_online(client, program):
    izmir = Province.objects.get(code=35)
    other_area = WorkingArea.objects.exclude(pk=program.working_area_id).first()
    ProgramFactory(title="İzmir programı", province=izmir, district=None)
    ProgramFactory(title="Çevrim içi buluşmalar", is_online=True, district=None)
    ProgramFactory(title="Başka alanda", working_area=other_area)

    html = client.get("/volunteers/", {"province": 35}).content.decode()
    assert "İzmir programı" in html and "Mahallede birlikte" not in html

    html = client.get("/volunteers/", {"online": "online"}).content.decode()
    assert "Çevrim içi buluşmalar" in html and "Mahallede birlikte" not in html

    html = client.get("/volunteers/", {"working_area": other_area.slug}).content.decode()
    assert "Başka alanda" in html and "Mahallede birlikte" not in html


@pytest.mark.parametrize(
    "query",
    [
        {"province": "abc"},
        {"province": "99999999999999999999"},
        {"working_area": "<script>"},
        {"online": "maybe"},
        {"page": "-1"},
        {"page": "x" * 500},
    ],
)
def test_bad_filter_values_never_break_the_list(client, program, query):
    response = client.get("/volunteers/", query)
    assert response.status_code == 200


def test_the_list_reads_a_constant_number_of_queries(
    client, program, owner, django_assert_max_num_queries
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/volunteers/").status_code == 200
        return len(queries)

    RoleFactory(program=program)
    count()  # the first request also reads what the site caches (settings, content types)
    few = count()
    for _n in range(6):
        extra = ProgramFactory(organisation=OrganisationFactory(accredited=True, owner=owner))
        RoleFactory(program=extra)
        RoleFactory(program=extra)
        _placed(RoleFactory(program=extra))
    with django_assert_max_num_queries(few):
        response = client.get("/volunteers/")
    assert len(response.context["page_obj"]) == 7
    assert count() == few
    assert few <= 8


# --- A program's page ------------------------------------------------------------------------


def test_the_program_page_shows_roles_and_asks_visitors_to_sign_in(client, program):
    RoleFactory(program=program, title="Ev ziyaretçisi", minimum_age=21, places=4)
    response = client.get(reverse("program_detail", args=[program.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ev ziyaretçisi" in html
    assert "21 yaş ve üzeri" in html
    assert "Başvurmak için giriş yapın" in html
    assert "4 kişilik rolde 4 yer boş" in html


def test_a_draft_program_is_hidden_from_everyone_but_its_managers(client, owner):
    draft = ProgramFactory(
        status=Program.Status.DRAFT,
        organisation=OrganisationFactory(accredited=True, owner=owner),
    )
    url = reverse("program_detail", args=[draft.slug])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200
    assert client.get("/volunteers/programs/no-such-program/").status_code == 404


def test_a_signed_in_volunteer_sees_whether_they_can_apply_and_why_not(client, program):
    open_role = RoleFactory(program=program, title="Açık rol")
    mentor_role = RoleFactory(program=program, title="Mentor rolü", requires_mentor=True)
    profile = VolunteerProfileFactory()
    client.force_login(profile.user)
    html = client.get(reverse("program_detail", args=[program.slug])).content.decode()
    assert reverse("role_apply", args=[open_role.pk]) in html
    assert reverse("role_apply", args=[mentor_role.pk]) not in html
    assert "Geçerli bir deneyim mentoru yetkinliği gerekiyor." in html


def test_without_matching_consent_the_page_says_so_and_links_to_consents(client, program):
    RoleFactory(program=program)
    profile = VolunteerProfileFactory(consent=False)
    client.force_login(profile.user)
    html = client.get(reverse("program_detail", args=[program.slug])).content.decode()
    assert "Eşleştirme izni yok." in html
    assert reverse("account_consents") in html


def test_the_page_never_names_a_volunteer_without_the_public_name_consent(client, program):
    role = RoleFactory(program=program, places=5)
    hidden = _placed(role, display_name="Gizli Gönüllü")
    shown = _placed(role, display_name="Açık Gönüllü")
    grant_consent(shown.user, PUBLIC_NAME_CONSENT)
    html = client.get(reverse("program_detail", args=[program.slug])).content.decode()
    assert "Bu programda 2 gönüllü yer alıyor." in html
    assert "Açık Gönüllü" in html
    assert hidden.display_name not in html


def test_a_mentor_badge_needs_both_the_opt_in_and_a_credential_in_force(client, program):
    role = RoleFactory(program=program, places=5)
    quiet = _placed(role, display_name="Sessiz Mentor", show_mentor_publicly=False)
    open_ = _placed(role, display_name="Açık Mentor", show_mentor_publicly=True)
    no_credential = _placed(role, display_name="Yetkinliği Yok", show_mentor_publicly=True)
    for profile in (quiet, open_, no_credential):
        grant_consent(profile.user, PUBLIC_NAME_CONSENT)
    _granted_credential(quiet.user)
    _granted_credential(open_.user)
    html = client.get(reverse("program_detail", args=[program.slug])).content.decode()
    assert html.count("Deneyim mentoru</span>") == 1
    badge_line = next(line for line in html.splitlines() if "badge--mentor" in line)
    assert "Açık Mentor" in badge_line
    for name in ("Sessiz Mentor", "Yetkinliği Yok"):
        line = next(line for line in html.splitlines() if name in line)
        assert "badge--mentor" not in line


def test_a_mentor_with_an_expired_credential_gets_no_badge(client, program):
    role = RoleFactory(program=program, places=5)
    profile = _placed(role, display_name="Eski Mentor", show_mentor_publicly=True)
    grant_consent(profile.user, PUBLIC_NAME_CONSENT)
    credential = _granted_credential(profile.user)
    MentorCredential.objects.filter(pk=credential.pk).update(
        valid_until=timezone.localdate() - dt.timedelta(days=1)
    )
    html = client.get(reverse("program_detail", args=[program.slug])).content.decode()
    assert "Eski Mentor" in html
    assert "badge--mentor" not in html


# --- Applying --------------------------------------------------------------------------------


def test_applying_needs_a_sign_in(client, program):
    role = RoleFactory(program=program)
    url = reverse("role_apply", args=[role.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_without_a_profile_applying_sends_to_the_profile_form_and_back(client, program):
    role = RoleFactory(program=program)
    client.force_login(UserFactory())
    response = client.get(reverse("role_apply", args=[role.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("volunteer_profile"))
    assert "next=%2Fvolunteers%2Froles%2F" in response["Location"]


def test_a_volunteer_applies_with_a_note(
    client, program, outbox, django_capture_on_commit_callbacks
):
    role = RoleFactory(program=program)
    profile = VolunteerProfileFactory()
    client.force_login(profile.user)
    url = reverse("role_apply", args=[role.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "Salı akşamları uygunum."})
    match = Match.objects.get(role=role, person=profile.user)
    assert response.status_code == 302
    assert response["Location"] == reverse("my_match", args=[match.pk])
    assert match.message == "Salı akşamları uygunum."
    assert match.status == Match.Status.PROPOSED
    # Applying again leads to the open application, not to a second one.
    response = client.get(url)
    assert response["Location"] == reverse("my_match", args=[match.pk])


def test_a_refused_application_keeps_the_note_and_says_why(client, program):
    role = RoleFactory(program=program)
    profile = VolunteerProfileFactory(availability=SATURDAY_MORNING)
    client.force_login(profile.user)
    response = client.post(reverse("role_apply", args=[role.pk]), {"message": "Not metnim"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Programın buluştuğu zamanlarda uygun değil." in html
    assert "Not metnim" in html
    assert not Match.objects.exists()


def test_a_note_that_is_too_long_is_refused_and_kept(client, program):
    role = RoleFactory(program=program)
    profile = VolunteerProfileFactory()
    client.force_login(profile.user)
    response = client.post(reverse("role_apply", args=[role.pk]), {"message": "a" * 1001})
    assert response.status_code == 200
    assert "en çok 1000 karakter" in response.content.decode()
    assert not Match.objects.exists()


def test_applying_to_a_cancelled_program_is_refused_without_an_error_page(client, program, owner):
    role = RoleFactory(program=program)
    transition(program, Program.Status.CANCELLED, by=owner, note="Salon yok")
    profile = VolunteerProfileFactory()
    client.force_login(profile.user)
    response = client.post(reverse("role_apply", args=[role.pk]), {"message": ""})
    assert response.status_code == 200
    assert "Program yayında değil." in response.content.decode()
    assert client.get(reverse("role_apply", args=[999999])).status_code == 404
    assert client.get("/volunteers/roles/99999999999999999999/apply/").status_code == 404
