"""``manage.py load_demo_data``: the demo of every app, in dependency order.

Each of the portal's apps that has a ``demo`` module builds its part with ``demo.build()``; the
apps are taken in ``INSTALLED_APPS`` order, which is their dependency order (core, accreditation,
home, events, volunteers, cooperation), so each part finds what it builds on. The core names no
app: it asks Django which of the installed apps belong to the portal.
"""

import random
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DEMO_PASSWORD, SEED


def portal_demo_modules() -> list:
    """The ``demo`` modules of the portal's own apps, in dependency order."""
    base = Path(settings.BASE_DIR).resolve()
    modules = []
    for config in apps.get_app_configs():
        if base not in Path(config.path).resolve().parents:
            continue
        if find_spec(f"{config.name}.demo") is not None:
            modules.append(import_module(f"{config.name}.demo"))
    return modules


class Command(BaseCommand):
    help = "Load the demo data (offline, seeded, idempotent): people, organisations, pages, events…"

    def handle(self, *args, **options):
        random.seed(SEED)
        counts: dict[str, int] = {}
        with transaction.atomic():
            for module in portal_demo_modules():
                counts.update(module.build())
        summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({summary})."))
        self.stdout.write(f"Demo accounts: <role>@demo.example, password {DEMO_PASSWORD}")
