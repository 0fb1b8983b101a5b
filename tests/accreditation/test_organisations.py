"""Organisations: registration, validation, directory, profile, members and invitations."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation import organisations as services
from accreditation.factories import OrganisationFactory, valid_tax_number
from accreditation.models import Invitation, Membership, Organisation
from core.exceptions import DomainError
from core.factories import UserFactory
from core.models import District, TargetGroup, WorkingArea

pytestmark = pytest.mark.django_db


def registration_data(**overrides) -> dict:
    data = {
        "legal_name": "Çağrı Gençlik ve Dayanışma Derneği",
        "short_name": "Çağrı Derneği",
        "legal_form": "dernek",
        "registry_number": "35-007-1234",
        "tax_number": valid_tax_number(445566),
        "founding_year": "2015",
        "address": "Alsancak Mah. Kıbrıs Şehitleri Cad. No: 5",
        "province": "35",
        "district": str(District.objects.get(province_id=35, slug="konak").pk),
        "phone": "0232 555 12 34",
        "email": "bilgi@cagri.example.org",
        "website": "",
        "working_areas": [str(WorkingArea.objects.get(sort_order=1).pk)],
        "target_groups": [str(TargetGroup.objects.get(slug="ergenler-ve-gencler").pk)],
        "addiction_types": [],
        "description": "İzmir'de gençlerle önleyici çalışmalar yürütür.",
    }
    data.update(overrides)
    return data


def test_a_person_registers_an_organisation_and_becomes_its_owner(client, person):
    client.force_login(person)
    response = client.post(reverse("organisation_register"), registration_data())
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("organisation_profile", args=[organisation.slug])
    assert organisation.slug == "cagri-dernegi"
    assert organisation.phone == "+90 232 555 12 34"
    assert organisation.memberships.get().user == person
    assert organisation.memberships.get().role == Membership.Role.OWNER
    assert not organisation.is_accredited


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("registry_number", "3500071234", "il-ilçe-sıra"),
        ("tax_number", "1234567891", "Vergi numarası geçerli değil"),
        ("tax_number", "12345", "10 haneli"),
        ("phone", "12", "alan koduyla"),
        ("founding_year", "2099", "gelecekte"),
    ],
)
def test_bad_registration_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, person, field, value, message
):
    client.force_login(person)
    response = client.post(reverse("organisation_register"), registration_data(**{field: value}))
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert 'value="Çağrı Gençlik ve Dayanışma Derneği"' in content
    assert not Organisation.objects.exists()


def test_a_district_outside_the_chosen_province_is_refused(client, person):
    client.force_login(person)
    ankara_district = District.objects.filter(province_id=6).first()
    response = client.post(
        reverse("organisation_register"), registration_data(district=str(ankara_district.pk))
    )
    assert "İzmir iline bağlı değil" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_tax_number_is_registered_once(client, person):
    client.force_login(person)
    client.post(reverse("organisation_register"), registration_data())
    response = client.post(reverse("organisation_register"), registration_data())
    assert response.status_code == 200
    assert Organisation.objects.count() == 1


def test_registration_needs_sign_in(client):
    response = client.get(reverse("organisation_register"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_accreditation_takes_effect_until_its_end_date_and_not_after():
    active = OrganisationFactory(accredited=True)
    provisional = OrganisationFactory(provisional=True)
    lapsed = OrganisationFactory(expired=True)
    never = OrganisationFactory()
    assert active.is_accredited and provisional.is_accredited
    assert not lapsed.is_accredited and not never.is_accredited
    assert set(Organisation.objects.accredited()) == {active, provisional}
    tomorrow_next_year = timezone.localdate() + datetime.timedelta(days=366)
    assert not Organisation.objects.accredited(on=tomorrow_next_year).filter(pk=active.pk)


# --- Directory -------------------------------------------------------------------------------


def test_the_directory_shows_only_accredited_organisations_by_default(client):
    shown = OrganisationFactory(accredited=True, legal_name="Yeşilay Kadıköy Şubesi")
    OrganisationFactory(legal_name="Başvuru Aşamasındaki Dernek")
    OrganisationFactory(expired=True, legal_name="Süresi Dolmuş Vakıf")
    content = client.get(reverse("organisation_directory")).content.decode()
    assert shown.legal_name in content
    assert "Başvuru Aşamasındaki Dernek" not in content
    assert "Süresi Dolmuş Vakıf" not in content
    content = client.get(reverse("organisation_directory"), {"status": "all"}).content.decode()
    assert "Başvuru Aşamasındaki Dernek" in content


def test_directory_search_matches_turkish_names_typed_without_turkish_letters(client):
    OrganisationFactory(accredited=True, legal_name="Çağrı Işık Gönüllüleri Derneği")
    OrganisationFactory(accredited=True, legal_name="Deniz Feneri Derneği")
    for query in ("cagri isik", "ÇAĞRI", "ışık gönüllü"):
        content = client.get(reverse("organisation_directory"), {"q": query}).content.decode()
        assert "Çağrı Işık Gönüllüleri Derneği" in content, query
        assert "Deniz Feneri" not in content, query


def test_directory_sorts_in_turkish_order(client):
    for name in ("Zafer Derneği", "Çınar Vakfı", "Cemre Derneği", "Ilgaz Derneği", "İlke Derneği"):
        OrganisationFactory(accredited=True, legal_name=name)
    content = client.get(reverse("organisation_directory")).content.decode()
    positions = [
        content.index(name)
        for name in (
            "Cemre Derneği",
            "Çınar Vakfı",
            "Ilgaz Derneği",
            "İlke Derneği",
            "Zafer Derneği",
        )
    ]
    assert positions == sorted(positions)


def test_directory_filters_by_province_district_and_working_area(client):
    izmir = OrganisationFactory(
        accredited=True,
        legal_name="Konak Gençlik Derneği",
        province_id=35,
        district=District.objects.get(province_id=35, slug="konak"),
    )
    OrganisationFactory(accredited=True, legal_name="Kadıköy Dayanışma Derneği")
    content = client.get(
        reverse("organisation_directory"),
        {
            "province": 35,
            "district": izmir.district_id,
            "working_area": WorkingArea.objects.get(sort_order=1).pk,
        },
    ).content.decode()
    assert "Konak Gençlik Derneği" in content
    assert "Kadıköy Dayanışma Derneği" not in content


def test_directory_garbage_filters_do_not_fail(client):
    response = client.get(
        reverse("organisation_directory"),
        {"province": "abc", "district": "999999", "status": "nope", "page": "x", "q": "x" * 500},
    )
    assert response.status_code == 200


def test_directory_queries_stay_constant_as_organisations_grow(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    OrganisationFactory(accredited=True)
    client.get(reverse("organisation_directory"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("organisation_directory"))
    for _number in range(12):
        OrganisationFactory(accredited=True)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("organisation_directory"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_directory_paginates_and_keeps_the_filters_in_page_links(client):
    for _number in range(23):
        OrganisationFactory(accredited=True)
    content = client.get(reverse("organisation_directory"), {"province": 34}).content.decode()
    assert 'href="?province=34&amp;page=2"' in content


def test_the_public_profile_shows_no_member_list(client, person):
    organisation = OrganisationFactory(accredited=True, owner=person)
    content = client.get(reverse("organisation_profile", args=[organisation.slug])).content.decode()
    assert organisation.legal_name in content
    assert person.full_name not in content
    assert person.email not in content


# --- Members and invitations ----------------------------------------------------------------


def test_nobody_outside_the_organisation_sees_or_changes_its_members(client, person):
    organisation = OrganisationFactory(owner=person)
    member = Membership.objects.create(organisation=organisation, user=UserFactory())
    outsider = UserFactory()
    other_owner = UserFactory()
    OrganisationFactory(owner=other_owner)
    for intruder in (outsider, other_owner):
        client.force_login(intruder)
        assert (
            client.get(reverse("organisation_members", args=[organisation.slug])).status_code == 403
        )
        assert client.get(reverse("organisation_edit", args=[organisation.slug])).status_code == 403
        response = client.post(
            reverse("organisation_member_action", args=[organisation.slug, member.pk]),
            {"action": "remove"},
        )
        assert response.status_code == 403
    assert Membership.objects.filter(pk=member.pk).exists()


def test_a_member_who_is_not_the_owner_cannot_manage_members(client, person):
    organisation = OrganisationFactory(owner=person)
    manager = UserFactory()
    Membership.objects.create(organisation=organisation, user=manager, role="manager")
    other = Membership.objects.create(organisation=organisation, user=UserFactory())
    client.force_login(manager)
    assert client.get(reverse("organisation_members", args=[organisation.slug])).status_code == 200
    response = client.post(
        reverse("organisation_member_action", args=[organisation.slug, other.pk]),
        {"action": "remove"},
    )
    assert response.status_code == 403
    response = client.post(
        reverse("organisation_members", args=[organisation.slug]),
        {"email": "yeni@example.org", "role": "member"},
    )
    assert response.status_code == 403


def test_invitation_by_e_mail_is_accepted_by_the_invited_address(client, person, outbox):
    organisation = OrganisationFactory(owner=person)
    client.force_login(person)
    client.post(
        reverse("organisation_members", args=[organisation.slug]),
        {"email": "Yeni.Uye@Example.org", "role": "manager"},
    )
    assert len(outbox) == 1
    link = re.search(r"https?://\S+/organisations/invitations/\S+/", outbox[0].body).group(0)
    token = link.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash  # only a hash is stored

    stranger = UserFactory(email="baska@example.org")
    client.force_login(stranger)
    client.post(link.split("testserver", 1)[1])
    assert not organisation.memberships.filter(user=stranger).exists()

    invited = UserFactory(email="yeni.uye@example.org")
    client.force_login(invited)
    response = client.post(link.split("testserver", 1)[1])
    assert response.status_code == 302
    assert organisation.memberships.get(user=invited).role == "manager"
    client.post(link.split("testserver", 1)[1])  # a second click changes nothing
    assert organisation.memberships.filter(user=invited).count() == 1


def test_an_expired_invitation_cannot_be_used(person):
    organisation = OrganisationFactory(owner=person)
    invitation = services.invitation_create(
        organisation=organisation,
        email="gec@example.org",
        role="member",
        invited_by=person,
        base_url="http://testserver",
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    invitation.refresh_from_db()
    with pytest.raises(DomainError):
        services.invitation_accept(invitation=invitation, user=UserFactory(email="gec@example.org"))


def test_ownership_is_handed_over_and_the_old_owner_stays_as_manager(person):
    organisation = OrganisationFactory(owner=person)
    successor = Membership.objects.create(organisation=organisation, user=UserFactory())
    services.ownership_transfer(organisation=organisation, to=successor, by=person)
    roles = dict(organisation.memberships.values_list("user_id", "role"))
    assert roles == {person.pk: "manager", successor.user_id: "owner"}


def test_the_owner_cannot_leave_or_lose_the_owner_role(person):
    organisation = OrganisationFactory(owner=person)
    owner = organisation.memberships.get(user=person)
    with pytest.raises(DomainError):
        services.membership_remove(membership=owner, by=person)
    with pytest.raises(DomainError):
        services.membership_set_role(membership=owner, role="member", by=person)


def test_a_member_can_leave(client, person):
    organisation = OrganisationFactory(owner=UserFactory())
    membership = Membership.objects.create(organisation=organisation, user=person)
    client.force_login(person)
    response = client.post(
        reverse("organisation_member_action", args=[organisation.slug, membership.pk]),
        {"action": "leave"},
    )
    assert response.status_code == 302
    assert not organisation.memberships.filter(user=person).exists()


def test_the_database_refuses_a_second_owner(person):
    from django.db import IntegrityError

    organisation = OrganisationFactory(owner=person)
    with pytest.raises(IntegrityError):
        Membership.objects.create(organisation=organisation, user=UserFactory(), role="owner")
