"""Local development: `make run`."""

from .base import *  # noqa: F403
from .base import VAR_DIR, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"] + [
    h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h
]
# Mail is written to files under var/mail so a developer can open the verification links.
PORTAL_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
# The demo accounts (…@demo.example) may use staff pages without a second factor, here only.
PORTAL_MFA_EXEMPT_EMAIL_DOMAINS = ["demo.example"]
