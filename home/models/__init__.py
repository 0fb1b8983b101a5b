"""Pages, campaigns and the language glossary."""

from .campaigns import (
    CHANNEL_LIMITS,
    CampaignIndexPage,
    CampaignMessage,
    CampaignPage,
    CampaignVisual,
    Channel,
    LanguageGuidePage,
    message_length,
)
from .glossary import GlossaryTerm, PageLanguageCheck
from .home_page import HOME_ORGANISATIONS, HomePage, home_sections
from .pages import PortalPage, PortalSettings, StandardPage
from .participation import CampaignFollower, CampaignPledge, CampaignUpdate
from .phases import Phase

__all__ = [
    "CHANNEL_LIMITS",
    "HOME_ORGANISATIONS",
    "CampaignFollower",
    "CampaignIndexPage",
    "CampaignMessage",
    "CampaignPage",
    "CampaignPledge",
    "CampaignUpdate",
    "CampaignVisual",
    "Channel",
    "GlossaryTerm",
    "HomePage",
    "LanguageGuidePage",
    "PageLanguageCheck",
    "Phase",
    "PortalPage",
    "PortalSettings",
    "StandardPage",
    "home_sections",
    "message_length",
]
