"""What people do with a campaign: organisations join and leave it, visitors follow it by e-mail
(double opt-in), staff send updates to its followers."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models import Organisation
from accreditation.permissions import membership_role
from core.lifecycle import record_start, transition
from core.mail import send_templated_mail
from core.permissions import can

from .exceptions import CampaignError
from .models import CampaignFollower, CampaignPage, CampaignPledge, CampaignUpdate
from .selectors import (
    CONFIRM_MAX_AGE,
    confirm_url,
    follow_consent_text,
    page_in_language,
    unsubscribe_headers,
    unsubscribe_url,
)
from .tasks import send_campaign_update
from .workflow import may_join

RESEND_AFTER = dt.timedelta(minutes=10)

# --- Pledges ---------------------------------------------------------------------------------


def pledge_join(*, campaign: CampaignPage, organisation: Organisation, by) -> CampaignPledge:
    """Join ``campaign`` on behalf of ``organisation``: once; a pledge that was left is
    re-joined rather than duplicated."""
    campaign = campaign.canonical
    if membership_role(by, organisation) is None:
        raise CampaignError(_("Yalnızca üyesi olduğunuz bir kuruluş adına katılabilirsiniz."))
    existing = CampaignPledge.objects.filter(campaign=campaign, organisation=organisation).first()
    if existing is not None:
        if existing.status == CampaignPledge.Status.JOINED:
            raise CampaignError(_("%(name)s bu kampanyaya zaten katıldı.") % {"name": organisation})
        transition(existing, CampaignPledge.Status.JOINED, by=by)
        return existing
    pledge = CampaignPledge(campaign=campaign, organisation=organisation, created_by=by)
    may_join(pledge, by)
    try:
        with transaction.atomic():
            pledge.save()
            record_start(pledge, by=by)
    except IntegrityError as error:  # two members pressed the button at once
        raise CampaignError(
            _("%(name)s bu kampanyaya zaten katıldı.") % {"name": organisation}
        ) from error
    return pledge


def pledge_leave(*, campaign: CampaignPage, organisation: Organisation, by) -> CampaignPledge:
    pledge = CampaignPledge.objects.filter(
        campaign=campaign.canonical, organisation=organisation
    ).first()
    if pledge is None or pledge.status != CampaignPledge.Status.JOINED:
        raise CampaignError(_("%(name)s bu kampanyaya katılmamış.") % {"name": organisation})
    transition(pledge, CampaignPledge.Status.LEFT, by=by)
    return pledge


# --- Following by e-mail ---------------------------------------------------------------------


def _send_confirmation(follower: CampaignFollower) -> None:
    follower.confirmation_sent_at = timezone.now()
    follower.save(update_fields=["confirmation_sent_at"])
    campaign = page_in_language(follower.campaign, follower.language)
    send_templated_mail(
        "home/mail/follow_confirm",
        {
            "campaign": campaign,
            "confirm_url": confirm_url(follower),
            "unsubscribe_url": unsubscribe_url(follower),
            "days": CONFIRM_MAX_AGE.days,
        },
        to=follower.email,
        language=follower.language,
        headers=unsubscribe_headers(follower),
    )


class FollowOutcome:
    SENT = "sent"
    RESENT = "resent"
    RECENTLY_SENT = "recently_sent"


@transaction.atomic
def follow_start(*, campaign: CampaignPage, email: str, language: str) -> str:
    """Start (or restart) following; returns a FollowOutcome. The address is confirmed by the
    link in the e-mail before anything else is sent to it."""
    campaign = campaign.canonical
    email = email.strip().lower()
    consent_text = follow_consent_text()
    if consent_text is None:
        raise CampaignError(_("Takip şu anda açık değil. Lütfen daha sonra yeniden deneyin."))
    follower = (
        CampaignFollower.objects.select_for_update().filter(campaign=campaign, email=email).first()
    )
    now = timezone.now()
    if follower is not None:
        if follower.status == CampaignFollower.Status.CONFIRMED:
            raise CampaignError(_("Bu e-posta adresi bu kampanyayı zaten takip ediyor."))
        if follower.status == CampaignFollower.Status.PENDING:
            if follower.confirmation_sent_at and now - follower.confirmation_sent_at < RESEND_AFTER:
                return FollowOutcome.RECENTLY_SENT
            follower.language = language
            follower.save(update_fields=["language"])
            _send_confirmation(follower)
            return FollowOutcome.RESENT
        follower.consent_text = consent_text
        follower.consented_at = now
        follower.language = language
        follower.confirmed_at = None
        follower.save(update_fields=["consent_text", "consented_at", "language", "confirmed_at"])
        transition(follower, CampaignFollower.Status.PENDING)
    else:
        follower = CampaignFollower.objects.create(
            campaign=campaign,
            email=email,
            language=language,
            consent_text=consent_text,
            consented_at=now,
        )
        record_start(follower)
    _send_confirmation(follower)
    return FollowOutcome.SENT


@transaction.atomic
def follow_confirm(follower: CampaignFollower) -> bool:
    """Confirm a pending follow. False when the follow was withdrawn meanwhile."""
    if follower.status == CampaignFollower.Status.CONFIRMED:
        return True
    if follower.status != CampaignFollower.Status.PENDING:
        return False
    transition(follower, CampaignFollower.Status.CONFIRMED)
    CampaignFollower.objects.filter(pk=follower.pk).update(confirmed_at=timezone.now())
    follower.refresh_from_db()
    return True


def follow_stop(follower: CampaignFollower) -> None:
    if follower.status != CampaignFollower.Status.UNSUBSCRIBED:
        transition(follower, CampaignFollower.Status.UNSUBSCRIBED)


# --- Updates to followers --------------------------------------------------------------------


@transaction.atomic
def update_create(*, campaign: CampaignPage, subject: str, body: str, by) -> CampaignUpdate:
    campaign = campaign.canonical
    if not can(by, "campaign.send_update", campaign):
        raise CampaignError(_("Takipçilere duyuru göndermeye yetkiniz yok."))
    update = CampaignUpdate.objects.create(
        campaign=campaign, subject=subject.strip(), body=body.strip(), created_by=by
    )
    send_campaign_update.enqueue(update.pk)
    return update
