"""Who carries a campaign: pledges by organisations, followers by e-mail, updates by staff."""

import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.db import IntegrityError
from django.urls import reverse
from wagtail.models import Locale

from accreditation.factories import OrganisationFactory
from accreditation.models import Membership
from core.factories import UserFactory, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, transition
from core.models import StaffRole, StatusChange
from home import selectors, services, tasks, views
from home.exceptions import CampaignError
from home.factories import CampaignPageFactory
from home.models import CampaignFollower, CampaignPledge, CampaignUpdate

pytestmark = pytest.mark.django_db


def _post(client, page, **data):
    return client.post(page.url, data)


# --- Pledges ---------------------------------------------------------------------------------


def test_a_member_joins_on_behalf_of_an_accredited_organisation_once(
    client, campaign, member, organisation
):
    client.force_login(member)
    response = _post(client, campaign, action="join", organisation=organisation.pk)
    assert response.status_code == 302
    assert response["Location"].endswith("#katilim")
    html = client.get(campaign.url).content.decode()
    assert "1 akredite kuruluş kampanyaya katıldı." in html
    assert "Umut Işığı Derneği kampanyaya katıldı." in html  # the confirmation message

    again = _post(client, campaign, action="join", organisation=organisation.pk)
    assert again.status_code == 400
    assert "bu kampanyaya zaten katıldı" in again.content.decode()
    assert CampaignPledge.objects.filter(campaign=campaign).count() == 1


def test_the_database_refuses_a_second_pledge_of_the_same_organisation(campaign, organisation):
    CampaignPledge.objects.create(campaign=campaign, organisation=organisation)
    with pytest.raises(IntegrityError):
        CampaignPledge.objects.create(campaign=campaign, organisation=organisation)


def test_an_organisation_leaves_and_joins_again_on_the_same_record(
    client, campaign, member, organisation
):
    client.force_login(member)
    _post(client, campaign, action="join", organisation=organisation.pk)
    response = _post(client, campaign, action="leave", organisation=organisation.pk)
    assert response.status_code == 302
    assert "0 akredite kuruluş kampanyaya katıldı." in client.get(campaign.url).content.decode()
    _post(client, campaign, action="join", organisation=organisation.pk)
    pledge = CampaignPledge.objects.get(campaign=campaign, organisation=organisation)
    assert pledge.status == CampaignPledge.Status.JOINED
    assert [(c.from_status, c.to_status, c.by) for c in pledge.history()] == [
        ("", "joined", member),
        ("joined", "left", member),
        ("left", "joined", member),
    ]


def test_every_move_of_the_pledge_life_cycle(campaign, member, organisation):
    pledge = services.pledge_join(campaign=campaign, organisation=organisation, by=member)
    with pytest.raises(IllegalTransition):
        transition(pledge, CampaignPledge.Status.JOINED, by=member)
    transition(pledge, CampaignPledge.Status.LEFT, by=member)
    with pytest.raises(IllegalTransition):
        transition(pledge, CampaignPledge.Status.LEFT, by=member)
    outsider = UserFactory()
    with pytest.raises(TransitionNotPermitted):
        transition(pledge, CampaignPledge.Status.JOINED, by=outsider)
    transition(pledge, CampaignPledge.Status.JOINED, by=member)
    assert pledge.status == CampaignPledge.Status.JOINED


def test_leaving_a_campaign_the_organisation_never_joined_is_explained(
    campaign, member, organisation
):
    with pytest.raises(CampaignError, match="katılmamış"):
        services.pledge_leave(campaign=campaign, organisation=organisation, by=member)


def test_a_non_accredited_organisation_cannot_join(client, campaign, member):
    organisation = OrganisationFactory(owner=member)
    client.force_login(member)
    html = client.get(campaign.url).content.decode()
    assert "akredite olmadığı için kampanyalara katılamaz" in html
    response = _post(client, campaign, action="join", organisation=organisation.pk)
    assert response.status_code == 400
    assert "yalnızca akredite kuruluşlar katılabilir" in response.content.decode()
    assert not CampaignPledge.objects.exists()


def test_nobody_joins_on_behalf_of_someone_elses_organisation(client, campaign, organisation):
    stranger = UserFactory()
    client.force_login(stranger)
    response = _post(client, campaign, action="join", organisation=organisation.pk)
    assert response.status_code == 400
    assert "Bu kuruluş adına işlem yapamazsınız." in response.content.decode()
    with pytest.raises(CampaignError):
        services.pledge_join(campaign=campaign, organisation=organisation, by=stranger)
    assert not CampaignPledge.objects.exists()


def test_nobody_takes_someone_elses_organisation_out(client, campaign, member, organisation):
    services.pledge_join(campaign=campaign, organisation=organisation, by=member)
    client.force_login(UserFactory())
    response = _post(client, campaign, action="leave", organisation=organisation.pk)
    assert response.status_code == 400
    assert CampaignPledge.objects.get().status == CampaignPledge.Status.JOINED


def test_any_member_not_only_the_owner_may_pledge(campaign, organisation):
    volunteer_member = UserFactory()
    Membership.objects.create(organisation=organisation, user=volunteer_member, role="member")
    pledge = services.pledge_join(campaign=campaign, organisation=organisation, by=volunteer_member)
    assert pledge.created_by == volunteer_member


def test_anonymous_visitors_are_sent_to_sign_in(client, campaign, organisation):
    response = _post(client, campaign, action="join", organisation=organisation.pk)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not CampaignPledge.objects.exists()


def test_a_finished_campaign_cannot_be_joined(campaign_index, member, organisation):
    past = CampaignPageFactory(parent=campaign_index, days=(-30, -10))
    with pytest.raises(CampaignError, match="sona erdi"):
        services.pledge_join(campaign=past, organisation=organisation, by=member)


def test_an_organisation_that_loses_accreditation_drops_out_of_the_list(
    client, campaign, member, organisation
):
    services.pledge_join(campaign=campaign, organisation=organisation, by=member)
    assert list(campaign.participating_organisations()) == [organisation]
    organisation.accreditation_status = "suspended"
    organisation.save(update_fields=["accreditation_status"])
    assert list(campaign.participating_organisations()) == []
    assert "0 akredite kuruluş kampanyaya katıldı." in client.get(campaign.url).content.decode()


def test_the_list_of_joined_organisations_is_alphabetical_in_turkish(campaign):
    names = ["Zeytin Derneği", "Çınar Vakfı", "Cennet Derneği", "Ilgaz Derneği", "İnci Derneği"]
    for name in names:
        owner = UserFactory()
        organisation = OrganisationFactory(accredited=True, owner=owner, legal_name=name)
        services.pledge_join(campaign=campaign, organisation=organisation, by=owner)
    assert [o.legal_name for o in campaign.participating_organisations()] == [
        "Cennet Derneği",
        "Çınar Vakfı",
        "Ilgaz Derneği",
        "İnci Derneği",
        "Zeytin Derneği",
    ]


def test_a_pledge_made_on_the_english_page_counts_for_the_campaign(
    client, campaign, member, organisation, english
):
    translation = campaign.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    services.pledge_join(campaign=translation, organisation=organisation, by=member)
    assert CampaignPledge.objects.get().campaign_id == campaign.pk
    assert list(translation.participating_organisations()) == [organisation]


# --- Following by e-mail ---------------------------------------------------------------------


def _follow(client, campaign, email="ayse@example.org", consent="on"):
    data = {"action": "follow", "email": email}
    if consent:
        data["consent"] = consent
    return _post(client, campaign, **data)


def _link(body: str, name: str) -> str:
    return re.search(rf"(http://\S+/campaign-follow/\S+/{name}/)", body).group(1)


def test_following_sends_a_confirmation_and_waits_for_it(client, campaign, outbox):
    response = _follow(client, campaign, email="Ayse@Example.org")
    assert response.status_code == 302
    assert "Onay e-postası gönderildi" in client.get(campaign.url).content.decode()
    follower = CampaignFollower.objects.get()
    assert follower.email == "ayse@example.org"
    assert follower.status == CampaignFollower.Status.PENDING
    assert follower.consent_text.purpose.key == "campaign_updates"
    assert follower.consented_at is not None
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["ayse@example.org"]
    assert "isteSENyeter" in message.subject
    assert _link(message.body, "confirm")
    assert _link(message.body, "stop")
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_confirmation_link_asks_before_it_confirms(client, campaign, outbox):
    _follow(client, campaign)
    url = _link(outbox[0].body, "confirm")
    page = client.get(url)
    assert page.status_code == 200
    assert "Takibi onayla" in page.content.decode()
    assert CampaignFollower.objects.get().status == CampaignFollower.Status.PENDING  # GET is safe

    done = client.post(url)
    assert done.status_code == 200
    follower = CampaignFollower.objects.get()
    assert follower.status == CampaignFollower.Status.CONFIRMED
    assert follower.confirmed_at is not None


def test_an_already_followed_address_is_told_so(client, campaign, outbox):
    _follow(client, campaign)
    client.post(_link(outbox[0].body, "confirm"))
    response = _follow(client, campaign, email="ayse@example.org")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bu e-posta adresi bu kampanyayı zaten takip ediyor." in html
    assert 'value="ayse@example.org"' in html
    assert len(outbox) == 1


def test_an_invalid_address_is_explained_and_kept_in_the_form(client, campaign, outbox):
    response = _follow(client, campaign, email="ayse@örnek")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geçerli bir e-posta adresi yazın" in html
    assert 'value="ayse@örnek"' in html
    assert not CampaignFollower.objects.exists()
    assert outbox == []


def test_following_without_consent_is_refused_with_the_reason(client, campaign, outbox):
    response = _follow(client, campaign, consent="")
    assert response.status_code == 400
    assert "onay kutusunu işaretleyin" in response.content.decode()
    assert not CampaignFollower.objects.exists()


def test_following_again_while_pending_resends_only_after_a_while(client, campaign, outbox):
    _follow(client, campaign)
    _follow(client, campaign)
    assert len(outbox) == 1
    assert "az önce bir onay e-postası gönderdik" in client.get(campaign.url).content.decode()
    follower = CampaignFollower.objects.get()
    follower.confirmation_sent_at -= services.RESEND_AFTER
    follower.save()
    _follow(client, campaign)
    assert len(outbox) == 2


def test_too_many_follow_attempts_from_one_address_are_slowed_down(client, campaign, outbox):
    for number in range(views.FOLLOW_ATTEMPTS_PER_HOUR):
        _follow(client, campaign, email=f"kisi{number}@example.org")
    response = _follow(client, campaign, email="bir-fazla@example.org")
    assert response.status_code == 400
    assert "çok fazla deneme" in response.content.decode()
    assert not CampaignFollower.objects.filter(email="bir-fazla@example.org").exists()


def test_every_message_carries_an_unsubscribe_link_that_works(client, campaign, outbox):
    _follow(client, campaign)
    client.post(_link(outbox[0].body, "confirm"))
    stop = _link(outbox[0].body, "stop")
    assert "Takibi bırak" in client.get(stop).content.decode()
    assert CampaignFollower.objects.get().status == CampaignFollower.Status.CONFIRMED
    response = client.post(stop)
    assert response.status_code == 200
    assert CampaignFollower.objects.get().status == CampaignFollower.Status.UNSUBSCRIBED
    # The confirmation link no longer brings the follow back.
    assert client.post(_link(outbox[0].body, "confirm")).status_code == 410


def test_mail_programs_can_unsubscribe_in_one_click(campaign, outbox):
    from django.test import Client

    services.follow_start(campaign=campaign, email="ayse@example.org", language="tr")
    follower = CampaignFollower.objects.get()
    services.follow_confirm(follower)
    url = outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    follower.refresh_from_db()
    assert follower.status == CampaignFollower.Status.UNSUBSCRIBED


def test_following_again_after_unsubscribing_needs_a_new_confirmation(client, campaign, outbox):
    services.follow_start(campaign=campaign, email="ayse@example.org", language="tr")
    follower = CampaignFollower.objects.get()
    services.follow_confirm(follower)
    services.follow_stop(follower)
    _follow(client, campaign)
    follower.refresh_from_db()
    assert follower.status == CampaignFollower.Status.PENDING
    assert follower.confirmed_at is None
    assert len(outbox) == 2


def test_every_move_of_the_follower_life_cycle(campaign, outbox):
    services.follow_start(campaign=campaign, email="a@example.org", language="tr")
    follower = CampaignFollower.objects.get()
    # pending → confirmed → unsubscribed → pending → unsubscribed
    transition(follower, CampaignFollower.Status.CONFIRMED)
    with pytest.raises(IllegalTransition):
        transition(follower, CampaignFollower.Status.PENDING)
    transition(follower, CampaignFollower.Status.UNSUBSCRIBED)
    with pytest.raises(IllegalTransition):
        transition(follower, CampaignFollower.Status.CONFIRMED)
    transition(follower, CampaignFollower.Status.PENDING)
    transition(follower, CampaignFollower.Status.UNSUBSCRIBED)
    # Only the portal (acting on a signed link) moves a follow; a person cannot.
    with pytest.raises(TransitionNotPermitted):
        transition(follower, CampaignFollower.Status.PENDING, by=UserFactory())
    assert [c.to_status for c in StatusChange.objects.for_object(follower)] == [
        "pending",
        "confirmed",
        "unsubscribed",
        "pending",
        "unsubscribed",
    ]


def test_forged_and_expired_links_are_refused(client, campaign, outbox, settings):
    services.follow_start(campaign=campaign, email="a@example.org", language="tr")
    follower = CampaignFollower.objects.get()
    assert client.get("/campaign-follow/not-a-token/confirm/").status_code == 404
    assert client.post("/campaign-follow/not-a-token/stop/").status_code == 404
    # A confirmation token cannot be used to unsubscribe someone, nor the other way round.
    confirm_token = signing.dumps(follower.pk, salt=selectors.CONFIRM_SALT)
    assert client.post(f"/campaign-follow/{confirm_token}/stop/").status_code == 404
    later = time.time() + selectors.CONFIRM_MAX_AGE.total_seconds() + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.post(f"/campaign-follow/{confirm_token}/confirm/").status_code == 404
    follower.refresh_from_db()
    assert follower.status == CampaignFollower.Status.PENDING


def test_a_follow_on_the_english_page_gets_english_mail(client, campaign, english, outbox):
    translation = campaign.copy_for_translation(english, copy_parents=True)
    translation.title = "isteSENyeter (EN)"
    translation.save_revision().publish()
    response = client.post(
        translation.url, {"action": "follow", "email": "jane@example.org", "consent": "on"}
    )
    assert response.status_code == 302
    follower = CampaignFollower.objects.get()
    assert follower.campaign_id == campaign.pk
    assert follower.language == "en"
    assert outbox[0].subject == "Confirm that you want to follow the “isteSENyeter (EN)” campaign"
    assert "/en/campaign-follow/" in outbox[0].body


# --- Updates to followers --------------------------------------------------------------------


@pytest.fixture
def editor(db, settings):
    settings.PORTAL_STAFF_MFA_REQUIRED = False
    return staff_user(StaffRole.EDITOR, with_mfa=False)


def _confirmed(campaign, email, language="tr"):
    services.follow_start(campaign=campaign, email=email, language=language)
    follower = CampaignFollower.objects.get(email=email)
    services.follow_confirm(follower)
    return follower


def test_staff_send_an_update_to_confirmed_followers_only(campaign, editor, outbox):
    _confirmed(campaign, "onayli@example.org")
    services.follow_start(campaign=campaign, email="bekleyen@example.org", language="tr")
    gone = _confirmed(campaign, "ayrilan@example.org")
    services.follow_stop(gone)
    outbox.clear()

    update = services.update_create(
        campaign=campaign, subject="Ortak paylaşım cuma", body="Cuma 20.00'de birlikte.", by=editor
    )

    update.refresh_from_db()
    assert update.sent_at is not None and update.recipient_count == 1
    assert [m.to for m in outbox] == [["onayli@example.org"]]
    assert "Ortak paylaşım cuma" in outbox[0].subject
    assert "/stop/" in outbox[0].body
    assert outbox[0].extra_headers["List-Unsubscribe"]
    # Delivering again (a retried task) sends nothing twice.
    assert tasks.update_deliver(update) == 1
    assert len(outbox) == 1


def test_only_editors_and_administrators_send_updates(campaign, member):
    with pytest.raises(CampaignError):
        services.update_create(campaign=campaign, subject="x", body="y", by=member)
    reviewer = staff_user(StaffRole.REVIEWER, 34)
    with pytest.raises(CampaignError):
        services.update_create(campaign=campaign, subject="x", body="y", by=reviewer)
    assert not CampaignUpdate.objects.exists()


def test_the_admin_form_queues_an_update(client, campaign, editor, outbox):
    _confirmed(campaign, "onayli@example.org")
    outbox.clear()
    client.force_login(editor)
    form = client.get(reverse("campaignupdate:add"))
    assert form.status_code == 200
    assert "1 onaylı takipçi" in form.content.decode()
    response = client.post(
        reverse("campaignupdate:add"),
        {"campaign": campaign.pk, "subject": "Yeni materyaller", "body": "Afişler hazır."},
    )
    assert response.status_code == 302
    assert CampaignUpdate.objects.get().recipient_count == 1
    assert len(outbox) == 1


def test_people_without_the_role_do_not_reach_the_update_screens(client, campaign):
    reviewer = staff_user(StaffRole.REVIEWER, 34)
    client.force_login(reviewer)
    assert client.get(reverse("campaignupdate:index")).status_code in {302, 403}
    assert client.get(reverse("campaignupdate:add")).status_code in {302, 403}


def test_english_followers_get_the_update_with_english_wording(campaign, editor, english, outbox):
    translation = campaign.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    _confirmed(campaign, "jane@example.org", language="en")
    outbox.clear()
    services.update_create(campaign=campaign, subject="News", body="Posters are ready.", by=editor)
    assert "You are receiving this e-mail because you follow the campaign." in outbox[0].body
    assert "/en/campaign-follow/" in outbox[0].body
    assert Locale.objects.filter(language_code="en").exists()


def test_the_personal_data_export_includes_follows_and_pledges(
    client, campaign, member, organisation
):
    services.pledge_join(campaign=campaign, organisation=organisation, by=member)
    services.follow_start(campaign=campaign, email=member.email.upper(), language="tr")
    services.follow_start(campaign=campaign, email="someone-else@example.org", language="tr")
    client.force_login(member)
    data = client.get(reverse("account_data_export")).json()
    assert [f["email"] for f in data["campaign_follows"]] == [member.email.lower()]
    assert data["campaign_follows"][0]["consent_text_version"] == 1
    assert data["campaign_pledges_made"][0]["organisation"] == organisation.legal_name


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"action": "nonsense"},
        {"action": "join", "organisation": "abc"},
        {"action": "leave", "organisation": "999999"},
        {"action": "follow", "email": "a" * 300 + "@example.org", "consent": "on"},
        {"action": "follow", "email": "\x00@example.org", "consent": "on"},
        {"action": "follow", "email": ["a@example.org", "b@example.org"], "consent": "yes"},
    ],
)
def test_no_input_to_the_campaign_page_causes_a_server_error(client, campaign, member, data):
    client.force_login(member)
    response = client.post(campaign.url, data)
    assert response.status_code in {302, 400}
    for path in ("?il=<script>", "?il=99999999999999999999", "?il=-1"):
        assert client.get(campaign.url + path).status_code == 200


def test_joined_organisations_are_listed_once_on_the_page(client, campaign, member, organisation):
    services.pledge_join(campaign=campaign, organisation=organisation, by=member)
    html = client.get(campaign.url).content.decode()
    assert html.count(f'href="/organisations/{organisation.slug}/"') == 1
    campaign.body = [("organisations", {"heading": "Katılan STK'lar"})]
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    assert html.count(f'href="/organisations/{organisation.slug}/"') == 1
    assert "Katılan STK&#x27;lar" in html or "Katılan STK'lar" in html


def test_behind_a_proxy_the_follow_limit_counts_each_visitor(client, campaign, outbox, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(views.FOLLOW_ATTEMPTS_PER_HOUR):
        client.post(
            campaign.url,
            {"action": "follow", "email": f"k{number}@example.org", "consent": "on"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    other_visitor = client.post(
        campaign.url,
        {"action": "follow", "email": "yeni@example.org", "consent": "on"},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert other_visitor.status_code == 302
    same_visitor = client.post(
        campaign.url,
        {"action": "follow", "email": "bir-daha@example.org", "consent": "on"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert same_visitor.status_code == 400
