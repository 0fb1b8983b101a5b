"""Admin hooks of the site app; each concern keeps its own module."""

from . import campaign_admin, language_admin  # noqa: F401
