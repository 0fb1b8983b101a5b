from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cooperation.provinces import SERVICE_FIGURES_FILE, load_service_figures, official_data_dir


class Command(BaseCommand):
    help = (
        "Load the public service figures of provinces (il bilgilendirme kitapçıkları) from "
        f"{SERVICE_FIGURES_FILE} in PORTAL_OFFICIAL_DATA_DIR, or from the given file. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="JSON file (default: the file shipped in cooperation/data)"
        )

    def handle(self, *args, **options):
        path = options["path"] or official_data_dir() / SERVICE_FIGURES_FILE
        try:
            count = load_service_figures(path)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"{count} service figure(s) stored from {path}.")
