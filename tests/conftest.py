import os

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.utils import translation

from core.factories import UserFactory

# Playwright drives the live server from the test's thread; Django's async-safety check would
# otherwise refuse database access there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright's own browser download is not available here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _mail_through_the_task_queue(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; put the portal's queued backend
    back so every test mails the way production does (queue, then the locmem delivery)."""
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Turkish: a request in an earlier test must not leave English active
    for the URLs this test reverses."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def person(db):
    return UserFactory()


@pytest.fixture
def other_person(db):
    return UserFactory()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and other cached state from one test must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last, after every test that expects the migrated data.

    They run against a live server, so their database is flushed after each one (the root page,
    the default site and the seeded reference data go with it). pytest-django puts such tests
    last, but pytest then regroups items around pytest-playwright's session-scoped browser
    parameter and can move ordinary tests behind them; this stable sort runs after both.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
