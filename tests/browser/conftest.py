import threading
import time

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started


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


@pytest.fixture
def demo_site(transactional_db, live_server, settings):
    in_flight = InFlightRequests()
    request_started.connect(in_flight.started, dispatch_uid="browser-in-flight-started")
    request_finished.connect(in_flight.finished, dispatch_uid="browser-in-flight-finished")
    # As in development: the demo accounts, and only they, are exempt from staff MFA.
    settings.PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = ["demo.example"]
    # Emptying the database between live-server tests renumbers content types; forget the
    # numbers this process remembered.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # The demo site answers on "localhost"; the live server's host must find it too.
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    yield live_server
    # The browser pages of the test are closed by now (they were set up after this fixture).
    in_flight.wait_until_quiet()
    request_started.disconnect(dispatch_uid="browser-in-flight-started")
    request_finished.disconnect(dispatch_uid="browser-in-flight-finished")


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
