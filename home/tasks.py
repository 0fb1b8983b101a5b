"""The site's background work, run by the task worker: sending a campaign update to its
followers."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.audit import audit
from core.mail import send_templated_mail

from .models import CampaignFollower, CampaignUpdate
from .selectors import page_in_language, unsubscribe_headers, unsubscribe_url


@task()
def send_campaign_update(update_id: int) -> int:
    """Send a campaign update to its confirmed followers; returns how many were sent."""
    update = CampaignUpdate.objects.filter(pk=update_id).first()
    return update_deliver(update) if update is not None else 0


def update_deliver(update: CampaignUpdate) -> int:
    """Send ``update`` to each confirmed follower in their language (run by the worker).
    Idempotent: an update already sent is not sent twice."""
    with transaction.atomic():
        locked = CampaignUpdate.objects.select_for_update().get(pk=update.pk)
        if locked.sent_at is not None:
            return locked.recipient_count
        followers = CampaignFollower.objects.filter(
            campaign_id=locked.campaign_id, status=CampaignFollower.Status.CONFIRMED
        ).order_by("pk")
        count = 0
        for follower in followers.iterator():
            send_templated_mail(
                "home/mail/campaign_update",
                {
                    "campaign": page_in_language(locked.campaign, follower.language),
                    "update": locked,
                    "unsubscribe_url": unsubscribe_url(follower),
                },
                to=follower.email,
                language=follower.language,
                headers=unsubscribe_headers(follower),
            )
            count += 1
        locked.sent_at = timezone.now()
        locked.recipient_count = count
        locked.save(update_fields=["sent_at", "recipient_count"])
        audit(
            locked.campaign,
            "portal.campaign.update_send",
            user=locked.created_by,
            data={"update": locked.pk, "recipients": count},
        )
    return count
