import sqlite3
import threading
import time

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import connection


class InFlightRequests:
    """Counts the live server's requests that have started and not finished.

    Pages keep talking to the server after a test's last step (the Wagtail editor pings its
    editing session and releases it with a beacon when the page closes). The live server shares
    the test's in-memory SQLite connection, so the database must not be emptied while such a
    request is still being answered.
    """

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def started(self, **kwargs):
        with self.lock:
            self.count += 1

    def finished(self, **kwargs):
        with self.lock:
            self.count -= 1

    def wait_until_quiet(self, quiet=0.5, timeout=15):
        """Return once no request has been in flight for `quiet` seconds (or at `timeout`)."""
        deadline = time.monotonic() + timeout
        quiet_since = None
        while time.monotonic() < deadline:
            if self.count > 0:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet:
                return
            time.sleep(0.05)


class Snapshots:
    """Copies of the in-memory SQLite test database, kept for the whole run.

    A live-server test empties the database when it ends. Rather than build the demo again for
    each one (ten seconds of work), the database is copied once as migrated and once with the
    demo loaded, and each test starts from a copy (a few milliseconds, with SQLite's backup API).
    """

    def __init__(self):
        self.saved: dict[str, sqlite3.Connection] = {}

    def take(self, name: str) -> None:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        self.saved[name] = copy

    def restore(self, name: str) -> None:
        self.saved[name].backup(connection.connection)
        # What this process remembered of the database it replaced.
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import cache

        ContentType.objects.clear_cache()
        cache.clear()


@pytest.fixture(scope="session")
def snapshots():
    return Snapshots()


@pytest.fixture
def in_flight():
    requests = InFlightRequests()
    request_started.connect(requests.started, dispatch_uid="browser-in-flight-started")
    request_finished.connect(requests.finished, dispatch_uid="browser-in-flight-finished")
    yield requests
    # The browser pages of the test are closed by now (they were set up after this fixture).
    requests.wait_until_quiet()
    request_started.disconnect(dispatch_uid="browser-in-flight-started")
    request_finished.disconnect(dispatch_uid="browser-in-flight-finished")


@pytest.fixture
def migrated_site(transactional_db, live_server, in_flight, snapshots):
    """The database as the migrations left it (reference data, root page, role groups)."""
    if connection.vendor != "sqlite":
        pytest.skip(
            "The browser journeys run against the SQLite test database, the embedded set-up "
            "`make run` serves; the PostgreSQL run covers everything else."
        )
    if "migrated" not in snapshots.saved:
        from core.models import Province

        # Taken before any live-server test has emptied the database.
        assert Province.objects.count() == 81, "the migrated database was emptied before"
        snapshots.take("migrated")
    else:
        snapshots.restore("migrated")
    return live_server


@pytest.fixture
def demo_site(migrated_site, snapshots, settings):
    """The whole demo of ``make run``, built once per run and copied for each test."""
    # As in development: the demo accounts, and only they, are exempt from staff MFA.
    settings.PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = ["demo.example"]
    if "demo" in snapshots.saved:
        snapshots.restore("demo")
    else:
        call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
        # The demo site answers on "localhost"; the live server's host must find it too.
        from wagtail.models import Site

        Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
        snapshots.take("demo")
    return migrated_site


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()
