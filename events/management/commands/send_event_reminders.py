from django.core.management.base import BaseCommand

from events.reminders import reminders_enqueue_due


class Command(BaseCommand):
    help = (
        "Queue the reminder e-mails of confirmed sign-ups for events starting within 24 hours "
        "(hourly, from the clock or cron). Idempotent: each person gets one reminder per start."
    )

    def handle(self, *args, **options):
        count = reminders_enqueue_due()
        self.stdout.write(f"{count} reminders queued")
