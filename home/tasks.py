from django_tasks import task


@task()
def send_campaign_update(update_id: int) -> int:
    """Send a campaign update to its confirmed followers; returns how many were sent."""
    from .campaigns import deliver_update
    from .models import CampaignUpdate

    update = CampaignUpdate.objects.filter(pk=update_id).first()
    return deliver_update(update) if update is not None else 0
