"""Demo data of the shared platform, built through its services in a fixed order: activities
first (the others link to them), then joint projects, indicators with targets and quarterly
reports, coordination meetings, and the public province figures."""

from importlib import import_module

PARTS = ("activities", "projects", "reports", "meetings", "provinces")


def build() -> dict[str, int]:
    """Build every part (each is idempotent) and return what the platform now holds."""
    counts: dict[str, int] = {}
    for part in PARTS:
        counts.update(import_module(f"{__name__}.{part}").build())
    return counts
