import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(transactional_db, live_server, settings):
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
    return live_server


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
