"""Re-check every page against the glossary, e.g. after editors changed it."""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from home.language import check_page
from home.models import GlossaryTerm


class Command(BaseCommand):
    help = (
        "Check the latest revision of every page against the active glossary terms and store "
        "the findings for the admin's language report."
    )

    def handle(self, *args, **options):
        terms = list(GlossaryTerm.objects.active())
        pages = flagged = findings = 0
        # Root and other depth-1 nodes are not content.
        for page in Page.objects.filter(depth__gt=1).specific().iterator(chunk_size=200):
            found = check_page(page.get_latest_revision_as_object(), terms=terms)
            pages += 1
            flagged += bool(found)
            findings += len(found)
        self.stdout.write(
            self.style.SUCCESS(
                f"Checked {pages} pages against {len(terms)} terms: "
                f"{flagged} pages with findings, {findings} findings in all."
            )
        )
