"""Encryption of special-category data at rest (e.g. a recovery declaration).

Fernet (AES-128-CBC with HMAC-SHA256) from the ``cryptography`` package. Keys come from
``PORTAL_FIELD_KEYS`` (newest first; older keys still decrypt, so keys can be rotated). In
development and tests, when no key is configured, one is derived from ``SECRET_KEY``;
production refuses to start without ``FIELD_ENCRYPTION_KEYS``.
"""

import base64
import hashlib
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _fernet() -> MultiFernet:
    keys = list(getattr(settings, "PORTAL_FIELD_KEYS", []) or [])
    if not keys:
        if not settings.SECRET_KEY:
            raise ImproperlyConfigured("PORTAL_FIELD_KEYS or SECRET_KEY must be set.")
        digest = hashlib.sha256(f"portal-field-key:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(value: dict[str, Any]) -> str:
    return _fernet().encrypt(json.dumps(value, ensure_ascii=False).encode()).decode()


def decrypt(token: str) -> dict[str, Any]:
    try:
        return json.loads(_fernet().decrypt(token.encode()))
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "Encrypted data cannot be read with the configured PORTAL_FIELD_KEYS."
        ) from error


def new_key() -> str:
    """A fresh key for ``FIELD_ENCRYPTION_KEYS`` (``manage.py shell -c``)."""
    return Fernet.generate_key().decode()
