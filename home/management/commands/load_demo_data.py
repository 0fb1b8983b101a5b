from django.core.management.base import BaseCommand

from home.demo import DEMO_PASSWORD, load_demo_data


class Command(BaseCommand):
    help = "Load the demo data (offline, seeded, idempotent): pages, reference data, accounts."

    def handle(self, *args, **options):
        counts = load_demo_data()
        summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({summary})."))
        self.stdout.write(f"Demo accounts: <role>@demo.example, password {DEMO_PASSWORD}")
