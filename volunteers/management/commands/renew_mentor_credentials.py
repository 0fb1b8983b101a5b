from django.core.management.base import BaseCommand

from volunteers.credentials import renew_or_expire_credentials, send_credential_reminders


class Command(BaseCommand):
    help = (
        "Daily: extend experience mentor credentials whose holders logged the continuing-"
        "education hours in their term, expire the others, and remind holders 60 and 14 days "
        "before the end (idempotent)."
    )

    def handle(self, *args, **options):
        counts = renew_or_expire_credentials()
        reminded = send_credential_reminders()
        self.stdout.write(
            f"{counts['renewed']} renewed, {counts['expired']} expired, {reminded} reminded"
        )
