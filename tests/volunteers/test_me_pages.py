"""The volunteer's own pages: overview, profile, recommendations, placements, hours, and the
experience mentor credential with its recovery declaration."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Certificate
from core.factories import UserFactory
from core.models import District, WorkingArea
from events.factories import EventFactory
from events.models import SignUp
from volunteers import declarations, hours, placements
from volunteers.factories import ProgramFactory, RoleFactory, VolunteerProfileFactory
from volunteers.models import (
    CheckIn,
    DeclarationAccess,
    HoursLog,
    Match,
    MentorCredential,
    Skill,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db

ME_PAGES = [
    "volunteer_dashboard",
    "volunteer_profile",
    "recommended_roles",
    "my_hours",
    "mentor_credential",
    "mentor_declaration",
]
STATEMENT = "Dokuz yıldır iyileşme sürecindeyim ve akran grubunda gönüllüyüm."


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def role(owner):
    organisation = OrganisationFactory(accredited=True, owner=owner)
    program = ProgramFactory(organisation=organisation, title="Mahallede birlikte")
    return RoleFactory(program=program, title="Akran destek gönüllüsü")


@pytest.fixture
def volunteer():
    return VolunteerProfileFactory(display_name="Ayşe K.")


def _profile_data(**changes) -> dict:
    kadikoy = District.objects.get(province_id=34, slug="kadikoy")
    data = {
        "display_name": "Çağrı Işık",
        "phone": "0532 555 12 34",
        "province": "34",
        "district": str(kadikoy.pk),
        "birth_date": "1990-05-17",
        "availability": ["1-2", "5-0"],
        "skills": [str(Skill.objects.order_by("pk").first().pk)],
        "hours_per_month": "10",
        "experience": "Gençlik merkezinde iki yıl",
        "is_active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _accepted(role, volunteer, owner) -> Match:
    match = placements.match_apply(role=role, person=volunteer.user)
    placements.match_accept(match=match, by=owner)
    return match


# --- Access ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ME_PAGES)
def test_every_page_asks_a_visitor_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("name", ME_PAGES)
def test_every_page_renders_for_a_volunteer_in_both_languages(client, volunteer, name, language):
    client.force_login(volunteer.user)
    client.cookies["portal_language"] = language
    url = reverse(name)
    if language == "en":
        url = "/en" + url
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "volunteer_dashboard",
        "volunteer_profile",
        "recommended_roles",
        "my_hours",
        "mentor_credential",
    ],
)
def test_every_page_renders_for_someone_without_a_profile(client, person, name):
    client.force_login(person)
    assert client.get(reverse(name)).status_code == 200


def test_another_persons_match_does_not_exist_for_me(client, role, volunteer, other_person):
    match = placements.match_apply(role=role, person=volunteer.user)
    client.force_login(other_person)
    url = reverse("my_match", args=[match.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "withdraw"}).status_code == 404
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED
    assert client.get(reverse("my_match", args=[987654])).status_code == 404
    assert client.get("/volunteers/me/matches/99999999999999999999/").status_code == 404


def test_the_anonymous_visitor_is_sent_to_sign_in_from_a_match(client, role, volunteer):
    match = placements.match_apply(role=role, person=volunteer.user)
    response = client.get(reverse("my_match", args=[match.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Overview --------------------------------------------------------------------------------


def test_the_overview_lists_invitations_first_and_consents(client, role, volunteer, owner):
    other_role = RoleFactory(program=role.program, title="Ev ziyaretçisi")
    placements.match_apply(role=role, person=volunteer.user)
    placements.match_invite(role=other_role, person=volunteer.user, by=owner)
    client.force_login(volunteer.user)
    html = client.get(reverse("volunteer_dashboard")).content.decode()
    assert html.index("Yanıtınızı bekleyen davetler") < html.index("Ev ziyaretçisi")
    assert html.index("Ev ziyaretçisi") < html.index("Kuruluşun yanıtını bekleyen başvurularım")
    assert "Gönüllü eşleştirmesi: verildi" in html
    assert "Adımın herkese açık gösterilmesi: verilmedi" in html


def test_without_matching_consent_the_overview_says_nobody_sees_me(client):
    profile = VolunteerProfileFactory(consent=False)
    client.force_login(profile.user)
    html = client.get(reverse("volunteer_dashboard")).content.decode()
    assert "kimse sizi önerilerde görmez" in html
    assert reverse("account_consents") in html


def test_the_overview_shows_top_recommendations_with_reasons(client, role, volunteer):
    client.force_login(volunteer.user)
    html = client.get(reverse("volunteer_dashboard")).content.decode()
    assert "Akran destek gönüllüsü" in html
    assert "Aynı ilçede" in html
    assert reverse("recommended_roles") in html


# --- Profile ---------------------------------------------------------------------------------


def test_a_person_creates_their_profile_with_the_availability_grid(client, person):
    client.force_login(person)
    html = client.get(reverse("volunteer_profile")).content.decode()
    assert 'id="id_availability_1_2"' in html
    assert '<span class="visually-hidden">Salı akşam</span>' in html
    response = client.post(reverse("volunteer_profile"), _profile_data())
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=person)
    assert profile.display_name == "Çağrı Işık"
    assert profile.phone == "+90 532 555 12 34"
    assert profile.availability == (1 << 5) | (1 << 15)
    assert profile.skills.count() == 1
    assert profile.skills_mask != 0


def test_no_slot_chosen_is_refused_and_everything_else_is_kept(client, person):
    client.force_login(person)
    data = _profile_data(availability=None)
    response = client.post(reverse("volunteer_profile"), data)
    html = response.content.decode()
    assert response.status_code == 200
    # Once in the summary at the top and once beside the grid, not repeated by the model.
    assert html.count("En az bir gün ve saat dilimi seçin.") == 2
    assert 'value="Çağrı Işık"' in html
    assert 'value="1990-05-17"' in html
    assert "Gençlik merkezinde iki yıl" in html
    skill = data["skills"][0]
    assert f'name="skills" value="{skill}" id="id_skills_0" checked' in html
    assert not VolunteerProfile.objects.filter(user=person).exists()


def test_a_district_of_another_province_is_refused_with_a_clear_message(client, person):
    client.force_login(person)
    konak = District.objects.get(province_id=35, slug="konak")
    response = client.post(reverse("volunteer_profile"), _profile_data(district=str(konak.pk)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Konak ilçesi İstanbul iline ait değil" in html
    # The chosen slots stay ticked.
    assert 'value="1-2" id="id_availability_1_2" checked' in html
    assert not VolunteerProfile.objects.filter(user=person).exists()


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"birth_date": "2999-01-01"}, "Doğum tarihi ileride olamaz."),
        ({"birth_date": "31.02.1990"}, "Geçerli bir tarih girin"),
        ({"hours_per_month": "0"}, "Ayda en az 1 saat yazın."),
        ({"hours_per_month": "5000"}, "Ayda en çok 300 saat yazılabilir."),
        ({"hours_per_month": "çok"}, "Saati tam sayı olarak yazın"),
        ({"availability": ["9-9"]}, "Listedeki gün ve saat dilimlerinden seçin."),
        ({"province": "9999"}, "İl"),
        ({"district": "abc"}, "İlçe"),
        ({"display_name": "   "}, "Kuruluşların sizi göreceği adı yazın."),
        ({"phone": "12"}, "alan koduyla"),
    ],
)
def test_bad_profile_input_gets_a_message_and_no_error_page(client, person, changes, message):
    client.force_login(person)
    response = client.post(reverse("volunteer_profile"), _profile_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VolunteerProfile.objects.filter(user=person).exists()


def test_saving_returns_to_a_safe_next_page_only(client, person):
    client.force_login(person)
    response = client.post(
        reverse("volunteer_profile"), {**_profile_data(), "next": "/volunteers/roles/1/apply/"}
    )
    assert response["Location"] == "/volunteers/roles/1/apply/"
    response = client.post(
        reverse("volunteer_profile"), {**_profile_data(), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("volunteer_dashboard")


def test_editing_shows_the_saved_slots_and_updates(client, volunteer):
    client.force_login(volunteer.user)
    html = client.get(reverse("volunteer_profile")).content.decode()
    assert 'value="1-2" id="id_availability_1_2" checked' in html
    assert 'value="5-0" id="id_availability_5_0" checked' in html
    assert 'value="0-0" id="id_availability_0_0">' in html
    area = WorkingArea.objects.first()
    client.post(
        reverse("volunteer_profile"),
        _profile_data(availability=["0-0"], working_areas=[str(area.pk)]),
    )
    volunteer.refresh_from_db()
    assert volunteer.availability == 1
    assert volunteer.areas_mask != 0


# --- Recommended roles -----------------------------------------------------------------------


def test_recommended_roles_show_score_and_reasons(client, role, volunteer):
    client.force_login(volunteer.user)
    html = client.get(reverse("recommended_roles")).content.decode()
    assert "Akran destek gönüllüsü" in html
    assert "Uyum " in html and "/100" in html
    assert "Aynı ilçede" in html
    assert reverse("role_apply", args=[role.pk]) in html


def test_without_consent_no_recommendation_and_an_explanation(client, role):
    profile = VolunteerProfileFactory(consent=False)
    client.force_login(profile.user)
    html = client.get(reverse("recommended_roles")).content.decode()
    assert "Eşleştirme izniniz yok" in html
    assert "Akran destek gönüllüsü" not in html
    assert reverse("account_consents") in html


def test_without_a_profile_recommendations_ask_for_one(client, person, role):
    client.force_login(person)
    html = client.get(reverse("recommended_roles")).content.decode()
    assert reverse("volunteer_profile") in html
    assert "Akran destek gönüllüsü" not in html


# --- A placement -----------------------------------------------------------------------------


def test_an_invited_volunteer_accepts(client, role, volunteer, owner, outbox):
    match = placements.match_invite(role=role, person=volunteer.user, by=owner)
    client.force_login(volunteer.user)
    url = reverse("my_match", args=[match.pk])
    html = client.get(url).content.decode()
    assert 'name="action" value="accept"' in html
    assert 'name="action" value="decline"' in html
    assert 'value="withdraw"' not in html
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == Match.Status.ACCEPTED
    assert "Kabul edildi" in client.get(url).content.decode()


def test_declining_an_invitation_needs_a_note(client, role, volunteer, owner):
    match = placements.match_invite(role=role, person=volunteer.user, by=owner)
    client.force_login(volunteer.user)
    url = reverse("my_match", args=[match.pk])
    response = client.post(url, {"action": "decline", "note": ""})
    assert response.status_code == 200
    assert "Geri çevirme nedenini kısaca yazın." in response.content.decode()
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED
    client.post(url, {"action": "decline", "note": "Bu dönem zamanım yok."})
    match.refresh_from_db()
    assert match.status == Match.Status.DECLINED


def test_a_volunteer_withdraws_their_application_but_cannot_accept_it(client, role, volunteer):
    match = placements.match_apply(role=role, person=volunteer.user)
    client.force_login(volunteer.user)
    url = reverse("my_match", args=[match.pk])
    html = client.get(url).content.decode()
    assert 'value="withdraw"' in html and 'value="accept"' not in html
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 200
    assert "Bu adım şu anda atılamıyor" in response.content.decode()
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED
    client.post(url, {"action": "withdraw"})
    match.refresh_from_db()
    assert match.status == Match.Status.WITHDRAWN


@pytest.mark.parametrize("action", ["", "start", "<b>", "close"])
def test_an_unknown_or_unavailable_action_is_a_message(client, role, volunteer, action):
    match = placements.match_apply(role=role, person=volunteer.user)
    client.force_login(volunteer.user)
    response = client.post(reverse("my_match", args=[match.pk]), {"action": action})
    assert response.status_code == 200
    assert "Bu adım şu anda atılamıyor" in response.content.decode()


def test_closing_a_placement_needs_a_reason(client, role, volunteer, owner):
    match = _accepted(role, volunteer, owner)
    client.force_login(volunteer.user)
    url = reverse("my_match", args=[match.pk])
    response = client.post(url, {"action": "close", "reason": "", "note": "Taşındım"})
    assert "Kapanış nedenini seçin." in response.content.decode()
    assert "Taşındım" in response.content.decode()
    client.post(url, {"action": "close", "reason": "volunteer_left", "note": "Taşındım"})
    match.refresh_from_db()
    assert match.status == Match.Status.CLOSED
    assert match.closure_reason == "volunteer_left"


def test_check_ins_are_added_and_a_future_date_refused(client, role, volunteer, owner):
    match = _accepted(role, volunteer, owner)
    client.force_login(volunteer.user)
    url = reverse("my_match", args=[match.pk])
    html = client.get(url).content.decode()
    assert "Görüştüğünüz kişilerin adlarını" in html
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client.post(
        url, {"action": "check_in", "on": tomorrow, "mood": "going_well", "note": "İlk hafta"}
    )
    assert response.status_code == 200
    assert "Görüşme tarihi ileride olamaz." in response.content.decode()
    assert "İlk hafta" in response.content.decode()
    assert not CheckIn.objects.exists()
    client.post(
        url,
        {
            "action": "check_in",
            "on": timezone.localdate().isoformat(),
            "mood": "going_well",
            "note": "İlk hafta",
        },
    )
    assert CheckIn.objects.get().note == "İlk hafta"
    assert "İlk hafta" in client.get(url).content.decode()


# --- Hours -----------------------------------------------------------------------------------


@pytest.fixture
def placement(role, volunteer, owner):
    return _accepted(role, volunteer, owner)


def _hours(placement, **changes) -> dict:
    data = {
        "place": f"match-{placement.pk}",
        "on": timezone.localdate().isoformat(),
        "hours": "1,5",
        "kind": "volunteering",
        "description": "Haftalık buluşma",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("typed", ["1,5", "1.5", " 1,5 "])
def test_hours_are_logged_with_a_comma_or_a_point(client, placement, typed):
    client.force_login(placement.person)
    response = client.post(reverse("my_hours"), _hours(placement, hours=typed))
    assert response.status_code == 302
    log = HoursLog.objects.get()
    assert log.hours == Decimal("1.5")
    assert log.status == HoursLog.Status.SUBMITTED
    assert "Haftalık buluşma" in client.get(reverse("my_hours")).content.decode()


@pytest.mark.parametrize(
    "changes,field,message",
    [
        (
            {"on": (timezone.localdate() + dt.timedelta(days=2)).isoformat()},
            "on",
            "İleri bir tarihe saat yazılamaz.",
        ),
        ({"hours": "25"}, "hours", "Bir günde en çok 24 saat yazılabilir."),
        ({"hours": "0"}, "hours", "Saati girin"),
        ({"hours": "abc"}, "hours", "Saati sayı olarak yazın"),
        ({"hours": "NaN"}, "hours", "Saati sayı olarak yazın"),
        ({"hours": "1,25"}, "hours", "yarım saatlik adımlarla"),
        ({"on": "dün"}, "on", "Tarihi gün.ay.yıl biçiminde girin"),
        ({"place": ""}, "place", "Saati yazacağınız rolü ya da etkinliği seçin."),
        ({"place": "match-999999"}, "place", "Listeden bir rol ya da etkinlik seçin."),
        ({"kind": "other"}, "kind", "Saatin türünü listeden seçin."),
    ],
)
def test_bad_hours_are_refused_on_the_right_field_and_kept(
    client, placement, changes, field, message
):
    client.force_login(placement.person)
    data = _hours(placement, **changes)
    response = client.post(reverse("my_hours"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert "Haftalık buluşma" in html
    assert not HoursLog.objects.exists()


def test_more_than_24_hours_on_one_day_is_refused(client, placement):
    client.force_login(placement.person)
    client.post(reverse("my_hours"), _hours(placement, hours="20"))
    response = client.post(reverse("my_hours"), _hours(placement, hours="5"))
    assert response.status_code == 200
    assert "bir günün toplamı 24 saati geçemez" in response.content.decode()
    assert HoursLog.objects.count() == 1


def test_another_persons_placement_is_not_a_choice(client, placement, other_person):
    VolunteerProfileFactory(user=other_person)
    client.force_login(other_person)
    html = client.get(reverse("my_hours")).content.decode()
    assert f"match-{placement.pk}" not in html
    response = client.post(reverse("my_hours"), _hours(placement))
    assert response.status_code == 200
    assert not HoursLog.objects.exists()


def test_hours_can_be_logged_for_an_attended_event(client, volunteer):
    event = EventFactory(
        starts_at=timezone.now() - dt.timedelta(days=3),
        ends_at=timezone.now() - dt.timedelta(days=3, hours=-2),
    )
    signup = SignUp.objects.create(event=event, person=volunteer.user, status="attended")
    client.force_login(volunteer.user)
    assert f"signup-{signup.pk}" in client.get(reverse("my_hours")).content.decode()
    day = (timezone.localdate() - dt.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("my_hours"),
        {"place": f"signup-{signup.pk}", "on": day, "hours": "2", "kind": "volunteering"},
    )
    assert response.status_code == 302
    assert HoursLog.objects.get().signup == signup


def test_the_certificate_is_issued_by_post_only_and_needs_approved_hours(client, placement, owner):
    client.force_login(placement.person)
    url = reverse("volunteering_certificate")
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "onaylanmış gönüllülük saatiniz yok" in response.content.decode()
    log = hours.hours_log(
        person=placement.person,
        match=placement,
        on=timezone.localdate(),
        hours=3,
        kind="volunteering",
        description="",
    )
    hours.hours_approve(log=log, by=owner)
    response = client.post(url, follow=True)
    certificate = Certificate.objects.get(holder=placement.person)
    html = response.content.decode()
    assert certificate.number in html
    assert reverse("certificate_verify", args=[certificate.verification_token]) in html
    assert reverse("certificate_pdf", args=[certificate.verification_token]) in html


# --- Mentor credential and declaration -------------------------------------------------------


def test_a_volunteer_starts_a_credential_and_sees_what_is_missing(client, volunteer):
    client.force_login(volunteer.user)
    html = client.get(reverse("mentor_credential")).content.decode()
    assert "uzun süredir iyileşme sürecinde olan" in html
    client.post(reverse("mentor_credential"), {"action": "start"})
    credential = MentorCredential.objects.get(person=volunteer.user)
    assert credential.status == MentorCredential.Status.DRAFT
    html = client.get(reverse("mentor_credential")).content.decode()
    assert "İyileşme beyanınızı doldurun." in html
    assert "Eğitim saatiniz 0" in html
    response = client.post(reverse("mentor_credential"), {"action": "submit"})
    assert response.status_code == 200
    assert "İyileşme beyanınızı doldurun." in response.content.decode()
    credential.refresh_from_db()
    assert credential.status == MentorCredential.Status.DRAFT


def test_the_reference_is_saved_and_both_kinds_at_once_refused(client, volunteer):
    from core.models import SupportUnit

    organisation = OrganisationFactory(accredited=True)
    unit = SupportUnit.objects.create(name="Kadıköy Sosyal Uyum Birimi", province_id=34)
    client.force_login(volunteer.user)
    client.post(reverse("mentor_credential"), {"action": "start"})
    data = {
        "action": "reference",
        "reference_organisation": str(organisation.pk),
        "reference_unit": str(unit.pk),
        "referee_name": "Deniz Yılmaz",
        "referee_position": "Koordinatör",
        "reference_statement": "İki yıldır birlikte çalışıyoruz.",
    }
    response = client.post(reverse("mentor_credential"), data)
    assert response.status_code == 200
    assert "ikisini birden değil" in response.content.decode()
    assert "İki yıldır birlikte çalışıyoruz." in response.content.decode()
    data["reference_unit"] = ""
    client.post(reverse("mentor_credential"), data)
    credential = MentorCredential.objects.get(person=volunteer.user)
    assert credential.reference_organisation == organisation
    assert credential.referee_name == "Deniz Yılmaz"


def test_a_draft_credential_can_be_withdrawn(client, volunteer):
    client.force_login(volunteer.user)
    client.post(reverse("mentor_credential"), {"action": "start"})
    client.post(reverse("mentor_credential"), {"action": "withdraw"})
    assert MentorCredential.objects.get().status == MentorCredential.Status.WITHDRAWN
    html = client.get(reverse("mentor_credential")).content.decode()
    assert "Yeni başvuru başlat" in html


@pytest.mark.parametrize("action", ["", "nonsense", "submit", "reference", "withdraw"])
def test_credential_actions_without_a_credential_are_messages(client, volunteer, action):
    client.force_login(volunteer.user)
    response = client.post(reverse("mentor_credential"), {"action": action})
    assert response.status_code == 200


def _credential_with_declaration(volunteer) -> MentorCredential:
    from volunteers.credentials import credential_start

    credential = credential_start(person=volunteer.user)
    declarations.declaration_save(
        credential=credential, by=volunteer.user, years_in_recovery=9, statement=STATEMENT
    )
    return credential


def test_the_declaration_page_is_never_cached_and_hides_the_content(client, volunteer):
    _credential_with_declaration(volunteer)
    client.force_login(volunteer.user)
    response = client.get(reverse("mentor_declaration"))
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert STATEMENT not in html
    assert 'value="show"' in html
    assert not DeclarationAccess.objects.exists()
    for name in ("volunteer_dashboard", "mentor_credential", "volunteer_profile"):
        assert STATEMENT not in client.get(reverse(name)).content.decode()


def test_every_showing_of_the_declaration_is_logged(client, volunteer):
    credential = _credential_with_declaration(volunteer)
    client.force_login(volunteer.user)
    for expected in (1, 2):
        response = client.post(reverse("mentor_declaration"), {"action": "show"})
        assert "no-store" in response["Cache-Control"]
        assert STATEMENT in response.content.decode()
        assert (
            DeclarationAccess.objects.filter(
                declaration__credential=credential, reader=volunteer.user
            ).count()
            == expected
        )
    # The person sees each reading on the credential page.
    html = client.get(reverse("mentor_credential")).content.decode()
    assert html.count("Kendi beyanınızı görüntülediniz.") == 2


def test_the_declaration_is_written_with_bad_input_refused_and_kept(client, volunteer):
    client.force_login(volunteer.user)
    client.post(reverse("mentor_credential"), {"action": "start"})
    url = reverse("mentor_declaration")
    response = client.post(url, {"action": "save", "years_in_recovery": "81", "statement": "Metin"})
    assert response.status_code == 200
    assert "0 ile 80 arasında" in response.content.decode()
    assert "Metin" in response.content.decode()
    response = client.post(url, {"action": "save", "years_in_recovery": "4", "statement": " "})
    assert "Beyanınızı birkaç cümleyle yazın." in response.content.decode()
    response = client.post(
        url, {"action": "save", "years_in_recovery": "4", "statement": STATEMENT}
    )
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    credential = MentorCredential.objects.get(person=volunteer.user)
    assert declarations.declaration_exists(credential)
    assert STATEMENT not in client.get(url).content.decode()
    assert not DeclarationAccess.objects.exists()


def test_without_a_credential_the_declaration_page_sends_to_the_credential(client, volunteer):
    client.force_login(volunteer.user)
    response = client.post(reverse("mentor_declaration"), {"action": "show"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mentor_credential")


def test_nobody_else_reads_my_declaration_through_their_own_page(client, volunteer, other_person):
    _credential_with_declaration(volunteer)
    VolunteerProfileFactory(user=other_person)
    client.force_login(other_person)
    response = client.post(reverse("mentor_declaration"), {"action": "show"}, follow=True)
    assert STATEMENT not in response.content.decode()
    assert not DeclarationAccess.objects.exists()
