from django.core.management.base import BaseCommand

from accreditation.certificates import expire_due_certificates


class Command(BaseCommand):
    help = "Mark certificates past their end date as expired (daily, from cron). Idempotent."

    def handle(self, *args, **options):
        count = expire_due_certificates()
        self.stdout.write(f"{count} certificate(s) expired.")
