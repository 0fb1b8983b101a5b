"""Workshop (çalıştay) registration, working groups and the registrations CSV."""

import csv
import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.factories import UserFactory, staff_user
from core.models import StaffRole, WorkingArea
from events.exceptions import EventError, SignUpRefused
from events.factories import EventFactory, WorkingGroupFactory
from events.models import Event, SignUp, WorkshopRegistration
from events.signups import confirmed_count, signup_cancel
from events.workshops import (
    workshop_groups_assign,
    workshop_groups_auto_assign,
    workshop_register,
)

pytestmark = pytest.mark.django_db
S = SignUp.Status
GROUP_NAMES = [
    "Koruyucu ve Önleyici Hizmetler",
    "Danışmanlık, Arındırma, Tedavi ve Rehabilitasyon Hizmetleri",
    "Sosyal Uyum Hizmetleri",
    "İletişim, İzleme, Değerlendirme",
]


@pytest.fixture
def organiser(db):
    return UserFactory()


@pytest.fixture
def organisation(organiser):
    return OrganisationFactory(accredited=True, owner=organiser)


@pytest.fixture
def workshop(organisation):
    return EventFactory(
        kind=Event.Kind.WORKSHOP,
        title="Bağımlılıkla Mücadele Kamu–STK İş Birliği Çalıştayı",
        slug="istesenyeter-calistayi",
        organiser=organisation,
        organiser_institution="",
        capacity=60,
    )


@pytest.fixture
def groups(workshop):
    return [
        WorkingGroupFactory(event=workshop, name=name, capacity=6, sort_order=index)
        for index, name in enumerate(GROUP_NAMES)
    ]


def register(event, person=None, **overrides):
    data = {
        "institution_name": "Kadıköy Gençlik Derneği",
        "institution_type": WorkshopRegistration.InstitutionType.NGO,
        "authorised_person": "Çağrı Öztürk",
        "representatives": 2,
        "contact_email": "iletisim@genclik.example.org",
        "contact_phone": "",
        "works_on_addiction": False,
        "working_areas": [],
        "preferred_group": None,
    }
    data.update(overrides)
    return workshop_register(event=event, person=person or UserFactory(), **data)


def form_data(**overrides) -> dict:
    data = {
        "institution_name": "Üsküdar İlçe Sağlık Müdürlüğü",
        "institution_type": "public",
        "authorised_person": "İbrahim Işık",
        "representatives": "3",
        "contact_email": "yetkili@saglik.example.gov.tr",
        "contact_phone": "+90 (216) 555 12 34",
        "works_on_addiction": "yes",
        "working_areas": [str(WorkingArea.objects.order_by("sort_order").first().pk)],
    }
    data.update(overrides)
    return data


def register_url(event):
    return reverse("workshop_register", args=[event.slug])


def groups_url(event):
    return reverse("workshop_groups", args=[event.slug])


def csv_url(event):
    return reverse("workshop_registrations_csv", args=[event.slug])


# --- Registration ----------------------------------------------------------------------------


def test_registering_creates_a_signup_for_every_representative(client, person, workshop, groups):
    client.force_login(person)
    response = client.post(register_url(workshop), form_data(preferred_group=str(groups[2].pk)))

    assert response.status_code == 302
    signup = SignUp.objects.get(event=workshop, person=person)
    assert (signup.status, signup.places) == (S.CONFIRMED, 3)
    registration = signup.workshop
    assert registration.institution_name == "Üsküdar İlçe Sağlık Müdürlüğü"
    assert registration.institution_type == "public"
    assert registration.authorised_person == "İbrahim Işık"
    assert registration.contact_phone == "+90 (216) 555 12 34"
    assert registration.works_on_addiction is True
    assert list(registration.working_areas.all()) == [
        WorkingArea.objects.order_by("sort_order").first()
    ]
    assert registration.preferred_group == groups[2]
    assert registration.assigned_group is None
    assert confirmed_count(workshop) == 3


def test_a_registration_for_more_people_than_are_left_waits_on_the_waitlist(workshop):
    workshop.capacity = 5
    workshop.save()
    first = register(workshop, representatives=3)
    second = register(workshop, representatives=3)

    assert first.status == S.CONFIRMED
    assert second.status == S.WAITLISTED  # 2 places left, 3 needed
    assert confirmed_count(workshop) == 3


def test_the_form_prefills_the_contact_address_with_the_persons_own(client, person, workshop):
    client.force_login(person)
    content = client.get(register_url(workshop)).content.decode()
    assert f'value="{person.email}"' in content


def test_working_areas_are_required_when_the_institution_works_on_addiction(
    client, person, workshop, groups
):
    client.force_login(person)
    response = client.post(
        register_url(workshop),
        form_data(working_areas=[], preferred_group=str(groups[0].pk)),
    )

    assert response.status_code == 200
    assert "en az bir çalışma alanı seçin" in response.content.decode()
    assert not SignUp.objects.exists()
    with pytest.raises(ValidationError) as error:
        register(workshop, works_on_addiction=True, working_areas=[])
    assert "working_areas" in error.value.message_dict
    assert not SignUp.objects.exists()


def test_working_areas_are_not_kept_when_the_institution_does_not_work_on_addiction(workshop):
    area = WorkingArea.objects.first()
    signup = register(workshop, works_on_addiction=False, working_areas=[area])
    assert not signup.workshop.working_areas.exists()


def test_validation_errors_keep_everything_entered(client, person, workshop, groups):
    client.force_login(person)
    response = client.post(
        register_url(workshop),
        form_data(
            representatives="11",
            contact_phone="ara beni",
            preferred_group=str(groups[1].pk),
        ),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert not SignUp.objects.exists()
    assert 'value="Üsküdar İlçe Sağlık Müdürlüğü"' in content
    assert 'value="İbrahim Işık"' in content
    assert 'value="ara beni"' in content
    assert 'value="11"' in content
    assert re.search(rf'name="preferred_group" value="{groups[1].pk}"[^>]*checked', content)
    assert "Telefon numarasında yalnızca rakam" in content
    assert 'aria-invalid="true"' in content


@pytest.mark.parametrize("phone", ["0 (212) 555 12 34", "+90 532 555 12 34", "0212-555-1234"])
def test_phone_numbers_are_checked_loosely(client, person, workshop, phone):
    client.force_login(person)
    response = client.post(register_url(workshop), form_data(contact_phone=phone))
    assert response.status_code == 302


def test_a_refused_registration_explains_why_and_keeps_the_input(client, person, workshop):
    workshop.capacity = 2
    workshop.waitlist_enabled = False
    workshop.save()
    client.force_login(person)
    response = client.post(register_url(workshop), form_data(representatives="3"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Etkinliğin kontenjanı doldu." in content
    assert 'value="Üsküdar İlçe Sağlık Müdürlüğü"' in content
    assert not SignUp.objects.exists()
    with pytest.raises(SignUpRefused):
        register(workshop, representatives=3)


def test_a_closed_registration_window_shows_the_reason_instead_of_the_form(
    client, person, workshop
):
    workshop.registration_opens_at = timezone.now() - dt.timedelta(days=5)
    workshop.registration_closes_at = timezone.now() - dt.timedelta(days=1)
    workshop.save()
    client.force_login(person)
    content = client.get(register_url(workshop)).content.decode()
    assert "Kayıt süresi doldu." in content
    assert 'name="institution_name"' not in content
    response = client.post(register_url(workshop), form_data())
    assert response.status_code == 200
    assert not SignUp.objects.exists()


def test_a_registered_person_sees_their_registration_instead_of_the_form(
    client, person, workshop, groups
):
    signup = register(
        workshop, person=person, institution_name="Moda Gönüllüleri", preferred_group=groups[3]
    )
    client.force_login(person)
    content = client.get(register_url(workshop)).content.decode()

    assert "Moda Gönüllüleri" in content
    assert "Onaylandı" in content
    assert groups[3].name in content
    assert "Henüz atanmadı" in content
    assert 'name="institution_name"' not in content
    assert f'action="{reverse("signup_cancel", args=[signup.pk])}"' in content
    assert f'name="next" value="{register_url(workshop)}"' in content


def test_the_assigned_group_shows_on_the_registration_page(client, person, workshop, groups):
    signup = register(workshop, person=person, preferred_group=groups[0])
    workshop_groups_assign(
        event=workshop, assignments={signup.workshop.pk: groups[1].pk}, by=workshop_owner(workshop)
    )
    client.force_login(person)
    content = client.get(register_url(workshop)).content.decode()
    assert "Henüz atanmadı" not in content
    assert content.count(groups[1].name) >= 2  # in the group list and as the assigned group


def test_submitting_twice_registers_once(client, person, workshop):
    client.force_login(person)
    client.post(register_url(workshop), form_data())
    response = client.post(register_url(workshop), form_data())
    assert response.status_code == 200
    assert SignUp.objects.filter(person=person).count() == 1
    assert "Bu etkinliğe zaten kaydınız var." in response.content.decode()


def test_after_cancelling_the_person_may_register_again(client, person, workshop):
    signup = register(workshop, person=person)
    signup_cancel(signup=signup, by=person)
    client.force_login(person)
    content = client.get(register_url(workshop)).content.decode()
    assert 'name="institution_name"' in content


def test_the_group_choices_show_people_against_capacity(client, person, workshop, groups):
    register(workshop, preferred_group=groups[0], representatives=4)
    client.force_login(person)
    content = client.get(register_url(workshop)).content.decode()
    assert f"{groups[0].name} · 4 / 6 kişi" in content
    assert f"{groups[1].name} · 0 / 6 kişi" in content


def test_the_registering_person_cannot_see_other_registrations(client, person, workshop, groups):
    register(
        workshop,
        institution_name="Başka Kurum Derneği",
        contact_email="gizli@baska.example.org",
        authorised_person="Gizli Yetkili",
        preferred_group=groups[0],
    )
    register(workshop, person=person, preferred_group=groups[0])
    client.force_login(person)

    content = client.get(register_url(workshop)).content.decode()
    assert "Başka Kurum Derneği" not in content
    assert "gizli@baska.example.org" not in content
    assert "Gizli Yetkili" not in content
    assert client.get(groups_url(workshop)).status_code == 403
    assert client.get(csv_url(workshop)).status_code == 403


def test_registration_needs_a_signed_in_person(client, workshop):
    response = client.get(register_url(workshop))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_pages_of_an_event_that_is_not_a_workshop_answer_404(client, organiser, organisation):
    seminar = EventFactory(organiser=organisation, organiser_institution="")
    client.force_login(organiser)
    assert client.get(register_url(seminar)).status_code == 404
    assert client.get(groups_url(seminar)).status_code == 404
    assert client.get(csv_url(seminar)).status_code == 404
    with pytest.raises(EventError):
        register(seminar)


def test_an_unpublished_workshop_takes_no_registrations(client, person, workshop):
    workshop.status = Event.Status.DRAFT
    workshop.save()
    client.force_login(person)
    assert client.get(register_url(workshop)).status_code == 404
    assert client.post(register_url(workshop), form_data()).status_code == 404
    assert not SignUp.objects.exists()


def test_a_group_of_another_workshop_cannot_be_preferred(client, person, workshop, groups):
    elsewhere = WorkingGroupFactory()
    client.force_login(person)
    response = client.post(register_url(workshop), form_data(preferred_group=str(elsewhere.pk)))
    assert response.status_code == 200
    assert not SignUp.objects.exists()
    with pytest.raises(ValidationError):
        register(workshop, preferred_group=elsewhere)


@pytest.mark.parametrize("method", ["put", "delete"])
def test_other_methods_are_not_allowed(client, organiser, workshop, method):
    client.force_login(organiser)
    for url in (register_url(workshop), groups_url(workshop), csv_url(workshop)):
        assert getattr(client, method)(url).status_code == 405


# --- Working groups --------------------------------------------------------------------------


def workshop_owner(event):
    return event.organiser.memberships.get(role=Membership.Role.OWNER).user


def test_the_organiser_sees_groups_with_people_against_capacity(
    client, organiser, workshop, groups
):
    register(
        workshop, institution_name="Birinci Dernek", representatives=4, preferred_group=groups[0]
    )
    second = register(
        workshop, institution_name="İkinci Dernek", representatives=4, preferred_group=groups[0]
    )
    cancelled = register(workshop, institution_name="Vazgeçen Dernek", preferred_group=groups[0])
    signup_cancel(signup=cancelled, by=cancelled.person)
    workshop_groups_assign(
        event=workshop, assignments={second.workshop.pk: groups[1].pk}, by=organiser
    )
    client.force_login(organiser)
    content = client.get(groups_url(workshop)).content.decode()

    assert "Birinci Dernek" in content and "İkinci Dernek" in content
    assert (
        "kapasiteden 2 fazla" in content
    )  # 8 people prefer a group of 6; the cancelled ones don't count
    assert "4 / 6" in content
    assert "Henüz bir gruba atanmamış kişi: 4" in content
    assert 'name="group_' in content


def test_assignments_within_capacity_are_saved(client, organiser, workshop, groups):
    a = register(workshop, representatives=3).workshop
    b = register(workshop, representatives=3).workshop
    client.force_login(organiser)
    response = client.post(
        groups_url(workshop),
        {"action": "save", f"group_{a.pk}": str(groups[0].pk), f"group_{b.pk}": str(groups[0].pk)},
    )

    assert response.status_code == 302
    assert set(WorkshopRegistration.objects.values_list("assigned_group", flat=True)) == {
        groups[0].pk
    }
    content = client.get(response["Location"]).content.decode()
    assert "Atamalar kaydedildi" in content
    assert "6 / 6" in content
    assert "Dolu" in content


def test_taking_someone_out_of_a_group_is_saved(organiser, workshop, groups):
    registration = register(workshop).workshop
    workshop_groups_assign(
        event=workshop, assignments={registration.pk: groups[0].pk}, by=organiser
    )
    workshop_groups_assign(event=workshop, assignments={registration.pk: None}, by=organiser)
    registration.refresh_from_db()
    assert registration.assigned_group is None


def test_an_assignment_over_capacity_is_refused_and_nothing_is_saved(
    client, organiser, workshop, groups
):
    a = register(workshop, representatives=4).workshop
    b = register(workshop, representatives=3).workshop
    c = register(workshop, representatives=1).workshop

    with pytest.raises(EventError) as error:
        workshop_groups_assign(
            event=workshop,
            assignments={a.pk: groups[0].pk, b.pk: groups[0].pk, c.pk: groups[1].pk},
            by=organiser,
        )
    assert groups[0].name in str(error.value)
    assert "1 kişi aşar" in str(error.value)
    assert not WorkshopRegistration.objects.filter(assigned_group__isnull=False).exists()

    client.force_login(organiser)
    response = client.post(
        groups_url(workshop),
        {
            "action": "save",
            f"group_{a.pk}": str(groups[0].pk),
            f"group_{b.pk}": str(groups[0].pk),
            f"group_{c.pk}": str(groups[1].pk),
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "kapasitesini 1 kişi aşar (7 / 6 kişi)" in content
    assert f'<option value="{groups[1].pk}" selected>' in content  # what was chosen is kept
    assert not WorkshopRegistration.objects.filter(assigned_group__isnull=False).exists()


def test_a_group_over_capacity_after_its_capacity_was_lowered_may_keep_its_people(
    organiser, workshop, groups
):
    a = register(workshop, representatives=5).workshop
    b = register(workshop, representatives=1).workshop
    workshop_groups_assign(event=workshop, assignments={a.pk: groups[0].pk}, by=organiser)
    groups[0].capacity = 4
    groups[0].save()
    workshop_groups_assign(
        event=workshop, assignments={a.pk: groups[0].pk, b.pk: groups[1].pk}, by=organiser
    )
    with pytest.raises(EventError):
        workshop_groups_assign(event=workshop, assignments={b.pk: groups[0].pk}, by=organiser)


def test_the_over_capacity_group_is_marked_in_words(client, organiser, workshop, groups):
    a = register(workshop, representatives=5).workshop
    workshop_groups_assign(event=workshop, assignments={a.pk: groups[0].pk}, by=organiser)
    groups[0].capacity = 3
    groups[0].save()
    client.force_login(organiser)
    content = client.get(groups_url(workshop)).content.decode()
    assert "Kapasite 2 kişi aşıldı" in content


def test_cancelled_registrations_do_not_take_room_in_a_group(organiser, workshop, groups):
    leaving = register(workshop, representatives=6)
    workshop_groups_assign(
        event=workshop, assignments={leaving.workshop.pk: groups[0].pk}, by=organiser
    )
    signup_cancel(signup=leaving, by=leaving.person)
    newcomer = register(workshop, representatives=6).workshop
    workshop_groups_assign(event=workshop, assignments={newcomer.pk: groups[0].pk}, by=organiser)
    newcomer.refresh_from_db()
    assert newcomer.assigned_group == groups[0]


def test_auto_assign_honours_preferences_then_falls_back_to_the_group_with_most_room(
    client, organiser, workshop, groups
):
    already = register(workshop, representatives=2).workshop
    workshop_groups_assign(event=workshop, assignments={already.pk: groups[1].pk}, by=organiser)
    first = register(workshop, representatives=5, preferred_group=groups[0]).workshop
    second = register(workshop, representatives=3, preferred_group=groups[0]).workshop
    third = register(workshop, representatives=2, preferred_group=groups[1]).workshop
    for group in groups[2:]:
        group.capacity = 2
        group.save()
    too_big = register(workshop, representatives=5, preferred_group=groups[0]).workshop

    client.force_login(organiser)
    response = client.post(groups_url(workshop), {"action": "auto"})
    assert response.status_code == 302

    assigned = dict(WorkshopRegistration.objects.values_list("pk", "assigned_group"))
    assert assigned[already.pk] == groups[1].pk  # untouched
    assert assigned[first.pk] == groups[0].pk  # preferred, had room
    # group 0 has 1 left: 3 people go to the group with most room (group 1: 6 - 2 = 4)
    assert assigned[second.pk] == groups[1].pk
    # group 1 now has 1 left; groups 2 and 3 have 2 each: the first of them in display order
    assert assigned[third.pk] == groups[2].pk
    assert assigned[too_big.pk] is None  # no group has room for 5
    content = client.get(groups_url(workshop)).content.decode()
    assert "Tercih ettiği gruba yerleşen kayıt: 1" in content
    assert "yeri olan başka bir gruba yerleşen kayıt: 2" in content
    assert "yeterli yer bulunamadı" in content
    assert too_big.institution_name in content


def test_auto_assign_keeps_a_registrations_representatives_together(organiser, workshop, groups):
    for group in groups:
        group.capacity = 3
        group.save()
    registration = register(workshop, representatives=4, preferred_group=groups[0]).workshop
    result = workshop_groups_auto_assign(event=workshop, by=organiser)
    assert result.unplaced == [registration]


def test_a_forged_registration_id_is_ignored_with_a_message(client, organiser, workshop, groups):
    mine = register(workshop).workshop
    other_workshop = EventFactory(kind=Event.Kind.WORKSHOP)
    theirs = register(other_workshop).workshop
    client.force_login(organiser)
    response = client.post(
        groups_url(workshop),
        {
            "action": "save",
            f"group_{mine.pk}": str(groups[0].pk),
            f"group_{theirs.pk}": str(groups[0].pk),
            "group_99999999": str(groups[0].pk),
            "group_abc": "x",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "3 seçim yok sayıldı" in response.content.decode()
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.assigned_group is None
    assert mine.assigned_group == groups[0]
    with pytest.raises(EventError):
        workshop_groups_assign(event=workshop, assignments={theirs.pk: None}, by=organiser)


def test_a_group_of_another_event_is_refused(client, organiser, workshop, groups):
    registration = register(workshop).workshop
    foreign = WorkingGroupFactory()
    with pytest.raises(EventError):
        workshop_groups_assign(
            event=workshop, assignments={registration.pk: foreign.pk}, by=organiser
        )
    client.force_login(organiser)
    for value in (str(foreign.pk), "abc", "-1"):
        response = client.post(
            groups_url(workshop), {"action": "save", f"group_{registration.pk}": value}
        )
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.assigned_group is None


def test_assigning_needs_the_right_to_manage_the_event(workshop, groups):
    registration = register(workshop).workshop
    outsider = UserFactory()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        workshop_groups_assign(
            event=workshop, assignments={registration.pk: groups[0].pk}, by=outsider
        )
    with pytest.raises(PermissionDenied):
        workshop_groups_auto_assign(event=workshop, by=outsider)


def test_the_groups_page_queries_stay_constant_as_registrations_grow(
    client, organiser, workshop, groups
):
    def page_queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(groups_url(workshop)).status_code == 200
        return len(context.captured_queries)

    client.force_login(organiser)
    for index in range(2):
        register(workshop, preferred_group=groups[index % 4])
    page_queries()  # the first request fills per-process caches (site, settings)
    few = page_queries()
    for index in range(8):
        register(workshop, preferred_group=groups[index % 4])
    assert WorkshopRegistration.objects.count() == 10
    assert page_queries() == few


# --- CSV -------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_the_csv_lists_every_registration_with_its_answers(client, organiser, workshop, groups):
    areas = list(WorkingArea.objects.order_by("sort_order")[:2])
    signup = register(
        workshop,
        institution_name="Kadıköy Gençlik Derneği",
        contact_phone="0216 555 12 34",
        works_on_addiction=True,
        working_areas=areas,
        preferred_group=groups[0],
    )
    workshop_groups_assign(
        event=workshop, assignments={signup.workshop.pk: groups[2].pk}, by=organiser
    )
    SignUp.objects.filter(pk=signup.pk).update(
        created_at=dt.datetime(2018, 5, 1, 9, 30, tzinfo=dt.UTC)
    )
    register(workshop, institution_name="Bağcılar Kaymakamlığı", institution_type="public")
    client.force_login(organiser)
    response = client.get(csv_url(workshop))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [
        "Kurum adı",
        "Kurum türü",
        "Yetkili kişi",
        "Temsilci sayısı",
        "E-posta",
        "Telefon",
        "Bağımlılık alanında çalışıyor",
        "Çalışma alanları",
        "Tercih edilen grup",
        "Atanan grup",
        "Kayıt durumu",
        "Kayıt zamanı",
    ]
    assert rows[1] == [
        "Kadıköy Gençlik Derneği",
        "Sivil toplum kuruluşu",
        "Çağrı Öztürk",
        "2",
        "iletisim@genclik.example.org",
        "0216 555 12 34",
        "Evet",
        "; ".join(area.name for area in areas),
        groups[0].name,
        groups[2].name,
        "Onaylandı",
        "01.05.2018 12:30",  # Türkiye time, UTC+3
    ]
    assert rows[2][0:2] == ["Bağcılar Kaymakamlığı", "Kamu kurumu"]
    assert rows[2][6] == "Hayır"
    assert len(rows) == 3


def test_the_csv_defuses_cells_that_a_spreadsheet_would_run(client, organiser, workshop):
    register(
        workshop,
        institution_name='=HYPERLINK("http://kotu.example","tikla")',
        authorised_person="@SUM(1+1)",
        contact_phone="+90 212 555 12 34",
    )
    register(workshop, institution_name="-2+3", authorised_person="+Ayşe")
    client.force_login(organiser)
    rows = read_csv(client.get(csv_url(workshop)))

    assert rows[1][0] == '\'=HYPERLINK("http://kotu.example","tikla")'
    assert rows[1][2] == "'@SUM(1+1)"
    assert rows[1][5] == "'+90 212 555 12 34"
    assert rows[2][0] == "'-2+3"
    assert rows[2][2] == "'+Ayşe"


def test_the_csv_queries_stay_constant_as_registrations_grow(client, organiser, workshop):
    area = WorkingArea.objects.first()

    def csv_queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(csv_url(workshop)).status_code == 200
        return len(context.captured_queries)

    client.force_login(organiser)
    for _index in range(2):
        register(workshop, works_on_addiction=True, working_areas=[area])
    csv_queries()
    few = csv_queries()
    for _index in range(8):
        register(workshop, works_on_addiction=True, working_areas=[area])
    assert csv_queries() == few


# --- Who may see the organiser's pages -------------------------------------------------------


def test_another_organisations_manager_is_refused(client, workshop, groups):
    stranger = UserFactory()
    other = OrganisationFactory(accredited=True, owner=UserFactory())
    Membership.objects.create(organisation=other, user=stranger, role=Membership.Role.MANAGER)
    registration = register(workshop).workshop
    client.force_login(stranger)

    assert client.get(groups_url(workshop)).status_code == 403
    assert client.get(csv_url(workshop)).status_code == 403
    response = client.post(
        groups_url(workshop), {"action": "save", f"group_{registration.pk}": str(groups[0].pk)}
    )
    assert response.status_code == 403
    assert client.post(groups_url(workshop), {"action": "auto"}).status_code == 403
    registration.refresh_from_db()
    assert registration.assigned_group is None


def test_a_plain_member_of_the_organising_organisation_is_refused(client, organisation, workshop):
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.MEMBER)
    client.force_login(member)
    assert client.get(groups_url(workshop)).status_code == 403
    assert client.get(csv_url(workshop)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, workshop):
    for url in (groups_url(workshop), csv_url(workshop)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_a_manager_and_the_provinces_coordinator_may_see_the_groups(
    client, organisation, workshop, groups
):
    manager = UserFactory()
    Membership.objects.create(organisation=organisation, user=manager, role=Membership.Role.MANAGER)
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    for user in (manager, coordinator):
        client.force_login(user)
        assert client.get(groups_url(workshop)).status_code == 200
        assert client.get(csv_url(workshop)).status_code == 200


def test_the_pages_work_in_english(client, organiser, workshop, groups):
    register(workshop, preferred_group=groups[0])
    client.force_login(organiser)
    response = client.get("/en" + groups_url(workshop))
    assert response.status_code == 200
