from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cooperation.provinces import load_population


class Command(BaseCommand):
    help = (
        "Load official province populations from a CSV file with the columns "
        "plate;population;year;source (a header row is allowed). Idempotent. The figures are "
        "used for the map's 'per 100,000 people' mode; nothing is ever estimated."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file: plate;population;year;source")

    def handle(self, *args, **options):
        try:
            count = load_population(options["path"])
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"{count} province population(s) stored from {options['path']}.")
