"""The life cycles of campaign pledges and follows, and the rules for who may make their moves.

Pledges and follows move through the portal's one life-cycle machinery
(``accreditation.lifecycle.transition``), so every change is in the history table with who and
when.
"""

from django.utils.translation import gettext_lazy as _

from accreditation.audit import ACTIONS
from accreditation.lifecycle import SYSTEM, Lifecycle, Move
from accreditation.models import Role
from accreditation.permissions import membership_role, rule, staff_in_role

from .exceptions import CampaignError
from .models import CampaignFollower, CampaignPledge, Phase

ACTIONS.update(
    {
        "portal.campaign.update_send": _("Kampanya takipçilerine duyuru gönderildi"),
    }
)

# --- Rules -----------------------------------------------------------------------------------


@rule("campaign.pledge")
def _campaign_pledge(user, pledge) -> bool:
    """Any member of an organisation may join or leave a campaign on its behalf."""
    return membership_role(user, pledge.organisation) is not None


@rule("campaign.send_update")
def _campaign_send_update(user, campaign) -> bool:
    return staff_in_role(user, Role.EDITOR, Role.ADMIN)


def may_join(pledge: CampaignPledge, by) -> None:
    if not pledge.organisation.is_accredited:
        raise CampaignError(_("Kampanyalara yalnızca akredite kuruluşlar katılabilir."))
    if pledge.campaign.phase == Phase.PAST:
        raise CampaignError(_("Bu kampanya sona erdi; artık katılınamaz."))


PLEDGE_LIFECYCLE = Lifecycle(
    "campaign_pledge",
    [
        Move(CampaignPledge.Status.JOINED, CampaignPledge.Status.LEFT, "campaign.pledge"),
        Move(
            CampaignPledge.Status.LEFT,
            CampaignPledge.Status.JOINED,
            "campaign.pledge",
            guard=may_join,
        ),
    ],
)

FOLLOWER_LIFECYCLE = Lifecycle(
    "campaign_follower",
    [
        # The visitor acts through a signed link, so the portal makes the move on their behalf.
        Move(CampaignFollower.Status.PENDING, CampaignFollower.Status.CONFIRMED, SYSTEM),
        Move(CampaignFollower.Status.PENDING, CampaignFollower.Status.UNSUBSCRIBED, SYSTEM),
        Move(CampaignFollower.Status.CONFIRMED, CampaignFollower.Status.UNSUBSCRIBED, SYSTEM),
        Move(CampaignFollower.Status.UNSUBSCRIBED, CampaignFollower.Status.PENDING, SYSTEM),
    ],
)


def attach() -> None:
    CampaignPledge.lifecycle = PLEDGE_LIFECYCLE
    CampaignFollower.lifecycle = FOLLOWER_LIFECYCLE
