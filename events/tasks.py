from django_tasks import task


@task()
def send_event_reminder(reminder_id: int, before: dict | None = None) -> bool:
    """Mail a recorded reminder (the day before, or a change with the earlier time and place
    in ``before``); returns whether it was sent."""
    from .reminders import reminder_deliver

    return reminder_deliver(reminder_id=reminder_id, before=before)
