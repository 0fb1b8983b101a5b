from django.core.management.base import BaseCommand

from accreditation.certificates import send_due_reminders


class Command(BaseCommand):
    help = (
        "Queue reminders to organisations whose certificate ends in 90, 30 or 7 days "
        "(daily, from cron). Idempotent: each reminder goes once."
    )

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"{count} reminder(s) queued.")
