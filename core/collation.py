"""Turkish collation in the database, under one name on both SQLite and PostgreSQL.

PostgreSQL gets an ICU collation created by a migration; SQLite gets a Python collation
registered on each new connection. ``order_by(turkish("name"))`` then sorts "Çorum" after
"Bursa" and before "Denizli" on either database.
"""

from django.db.models import F
from django.db.models.functions import Collate

from core.text import tr_sort_key

COLLATION_NAME = "turkish"


def _compare(left: str, right: str) -> int:
    a, b = tr_sort_key(left), tr_sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION_NAME, _compare)


def turkish(field: str) -> Collate:
    return Collate(F(field), COLLATION_NAME)
