"""Reads about campaigns: the follow consent text, a campaign in a language, followers by
signed link, and what the portal holds about a person (for their data export)."""

import datetime as dt

from django.core import signing
from django.utils import translation

from core.mail import absolute_url
from core.models import ConsentText
from core.selectors import current_consent_text

from .models import CampaignFollower, CampaignPage, CampaignPledge
from .models.participation import FOLLOW_PURPOSE

CONFIRM_SALT = "home.campaign-follow.confirm"
UNSUBSCRIBE_SALT = "home.campaign-follow.unsubscribe"
CONFIRM_MAX_AGE = dt.timedelta(days=7)


def follow_consent_text() -> ConsentText | None:
    return current_consent_text(FOLLOW_PURPOSE)


def page_in_language(campaign: CampaignPage, language: str) -> CampaignPage:
    """The campaign's page in ``language`` when it has one, else the campaign itself."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == campaign.locale_id:
        return campaign
    translated = campaign.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else campaign


def _load(token: str, salt: str, max_age=None) -> CampaignFollower | None:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return CampaignFollower.objects.filter(pk=pk).select_related("campaign").first()


def follower_for_confirmation(token: str) -> CampaignFollower | None:
    return _load(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def follower_for_unsubscribe(token: str) -> CampaignFollower | None:
    return _load(token, UNSUBSCRIBE_SALT)


def confirm_url(follower: CampaignFollower) -> str:
    token = signing.dumps(follower.pk, salt=CONFIRM_SALT)
    return _localized_url("campaign_follow_confirm", token, follower.language)


def unsubscribe_url(follower: CampaignFollower) -> str:
    token = signing.dumps(follower.pk, salt=UNSUBSCRIBE_SALT)
    return _localized_url("campaign_unsubscribe", token, follower.language)


def _localized_url(name: str, token: str, language: str) -> str:
    from django.urls import reverse

    with translation.override(language):
        return absolute_url(reverse(name, args=[token]))


def unsubscribe_headers(follower: CampaignFollower) -> dict:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(follower)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# --- Personal data ---------------------------------------------------------------------------


def _follows_of(user) -> list[dict]:
    """Follows made with any of the person's verified addresses."""
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()} | {
        address.email.lower() for address in EmailAddress.objects.filter(user=user, verified=True)
    }
    return [
        {
            "campaign": follower.campaign.title,
            "email": follower.email,
            "status": follower.status,
            "consent_text_version": follower.consent_text.version,
            "consented_at": follower.consented_at.isoformat(),
            "confirmed_at": follower.confirmed_at.isoformat() if follower.confirmed_at else None,
        }
        for follower in CampaignFollower.objects.filter(email__in=addresses).select_related(
            "campaign", "consent_text"
        )
    ]


def _pledges_by(user) -> list[dict]:
    return [
        {
            "campaign": pledge.campaign.title,
            "organisation": pledge.organisation.legal_name,
            "status": pledge.status,
            "joined_at": pledge.created_at.isoformat(),
        }
        for pledge in CampaignPledge.objects.filter(created_by=user).select_related(
            "campaign", "organisation"
        )
    ]


# What this app adds to a person's data export, registered from the app's ready().
PERSONAL_DATA = {
    "campaign_follows": _follows_of,
    "campaign_pledges_made": _pledges_by,
}
