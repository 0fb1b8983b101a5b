from django_tasks import task


@task()
def send_campaign_update(update_id: int) -> int:
    """Send a campaign update to its confirmed followers; returns how many were sent."""
    from .models import CampaignUpdate
    from .services import update_deliver

    update = CampaignUpdate.objects.filter(pk=update_id).first()
    return update_deliver(update) if update is not None else 0
