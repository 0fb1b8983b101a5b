"""The life cycles of campaign pledges and follows; who may make their moves is in
``permissions.py``.

Pledges and follows move through the portal's one life-cycle machinery
(``core.lifecycle.transition``), so every change is in the history table with who and when.
"""

from django.utils.translation import gettext_lazy as _

from core.lifecycle import SYSTEM, Lifecycle, Move

from .exceptions import CampaignError
from .models import CampaignFollower, CampaignPledge, Phase

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.campaign.update_send": _("Kampanya takipçilerine duyuru gönderildi"),
}


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


# Registered from the app's ready().
LIFECYCLES = {CampaignPledge: PLEDGE_LIFECYCLE, CampaignFollower: FOLLOWER_LIFECYCLE}
