"""Who may join campaigns, send updates to followers, keep the glossary and read the language
report. Registered from ``HomeConfig.ready()``."""

from accreditation.permissions import membership_role
from core.models import StaffRole
from core.permissions import staff_in_role


def _campaign_pledge(user, pledge) -> bool:
    """Any member of an organisation may join or leave a campaign on its behalf."""
    return membership_role(user, pledge.organisation) is not None


def _campaign_send_update(user, campaign) -> bool:
    return staff_in_role(user, StaffRole.EDITOR, StaffRole.ADMIN)


def _glossary_manage(user, obj) -> bool:
    """Editors and administrators keep the glossary; every staff member may read it."""
    return staff_in_role(user, StaffRole.EDITOR, StaffRole.ADMIN)


def _language_report(user, obj) -> bool:
    """The report is for those who write pages: editors, coordinators and administrators."""
    return staff_in_role(user, StaffRole.EDITOR, StaffRole.COORDINATOR, StaffRole.ADMIN)


# The rules of this app, registered from its ready().
RULES = {
    "campaign.pledge": _campaign_pledge,
    "campaign.send_update": _campaign_send_update,
    "glossary.manage": _glossary_manage,
    "language.report": _language_report,
}
