"""The demo of ``make run``, built once for every test of this package.

``load_demo_data`` takes tens of seconds; each test module used to build it (or its part) again.
Here it is built once, inside a transaction rolled back when the package is done (each test runs
in a savepoint within it), and then built a second time, so tests can see that building again
makes nothing new. The demo is built for the development settings, which exempt the demo
accounts (and only them) from staff MFA; the staff steps of the demo need the same here.
"""

import random
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.test import override_settings

from core.demo import SEED
from core.management.commands.load_demo_data import portal_demo_modules

EXEMPT = override_settings(PORTAL_MFA_EXEMPT_EMAIL_DOMAINS=["demo.example"])


@pytest.fixture(scope="package")
def demo_build(django_db_setup, django_db_blocker):
    """What each app's ``demo.build()`` reported the first time (``first``) and the second
    (``second``), by app: ``first["cooperation"]["projects"]``."""
    with django_db_blocker.unblock(), EXEMPT, transaction.atomic():
        random.seed(SEED)
        first = {module.__name__.split(".")[0]: module.build() for module in portal_demo_modules()}
        second = {module.__name__.split(".")[0]: module.build() for module in portal_demo_modules()}
        yield SimpleNamespace(first=first, second=second)
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_build, db, settings):
    settings.PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = ["demo.example"]
    return demo_build
