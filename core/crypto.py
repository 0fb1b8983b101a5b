"""Encryption of special-category data at rest (e.g. a recovery declaration).

Fernet (AES-128-CBC with HMAC-SHA256) from the ``cryptography`` package. Keys come from
``PORTAL_FIELD_KEYS`` (newest first; older keys still decrypt, so keys can be rotated). In
development and tests, when no key is configured, one is derived from ``SECRET_KEY``;
production refuses to start without ``FIELD_ENCRYPTION_KEYS``.

Apps name the columns that hold sealed values (``register_sealed_field``, from their
``AppConfig.ready()``), so ``manage.py rotate_field_keys`` can re-seal every one of them with
the newest key, after which an older key can be retired.
"""

import base64
import hashlib
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class SealedValueError(Exception):
    """A sealed value cannot be opened: it was changed after sealing, or it was sealed with a
    key that is no longer configured. A fault in the data, not in the configuration."""


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
        raise SealedValueError(
            "A sealed value cannot be opened with the configured PORTAL_FIELD_KEYS."
        ) from error


def rotate(token: str) -> str:
    """The same value sealed again with the newest key (``MultiFernet.rotate``)."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken as error:
        raise SealedValueError("A sealed value cannot be opened to rotate it.") from error


def new_key() -> str:
    """A fresh key for ``FIELD_ENCRYPTION_KEYS`` (``manage.py shell -c``)."""
    return Fernet.generate_key().decode()


# (model, field name) of every column holding sealed values.
SEALED_FIELDS: list[tuple[type, str]] = []


def register_sealed_field(model: type, field: str) -> None:
    if (model, field) not in SEALED_FIELDS:
        SEALED_FIELDS.append((model, field))
