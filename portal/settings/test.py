"""Settings for the test suite."""

from .base import *  # noqa: F403
from .base import os

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Fast hashing: the suite creates many users and the hash strength is not under test.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run inline so a test sees their effects (mails, promotions) without a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Mail is captured in django.core.mail.outbox.
PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A per-process cache keeps tests independent; the shared-cache behaviour of rate limits is
# exercised by tests that configure the database cache explicitly.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Uploaded media go to a throw-away folder.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/portal-test-media")
PORTAL_PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT", "/tmp/portal-test-private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Quiet logs: test output shows failures, not every task run.
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
