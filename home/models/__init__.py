"""Pages, campaigns and the language glossary."""

from .campaigns import (
    CHANNEL_LIMITS,
    CampaignIndexPage,
    CampaignMessage,
    CampaignPage,
    CampaignVisual,
    Channel,
    LanguageGuidePage,
    Phase,
    message_length,
)
from .glossary import GlossaryTerm, PageLanguageCheck
from .pages import (
    HOME_ORGANISATIONS,
    HomePage,
    PortalPage,
    PortalSettings,
    StandardPage,
    home_sections,
)
from .participation import CampaignFollower, CampaignPledge, CampaignUpdate

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
