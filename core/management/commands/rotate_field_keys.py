"""``manage.py rotate_field_keys``: seal every sealed value again with the newest key.

Put the new key first in ``FIELD_ENCRYPTION_KEYS`` (keeping the old ones after it), run this
command, then the old keys can be removed. Values that cannot be opened are reported by table
and row id only (never their content) and make the command fail; the others are rotated.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.crypto import SEALED_FIELDS, SealedValueError, rotate


class Command(BaseCommand):
    help = "Re-encrypt every sealed value with the newest of FIELD_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        rotated, unreadable = 0, []
        for model, field in SEALED_FIELDS:
            label = model._meta.label
            for pk, token in model._default_manager.values_list("pk", field).iterator():
                if not token:
                    continue
                try:
                    new_token = rotate(token)
                except SealedValueError:
                    unreadable.append(f"{label} #{pk}")
                    continue
                with transaction.atomic():
                    # Only if nobody changed the value meanwhile.
                    rotated += model._default_manager.filter(pk=pk, **{field: token}).update(
                        **{field: new_token}
                    )
        self.stdout.write(f"{rotated} sealed values rotated to the newest key.")
        if unreadable:
            raise CommandError(
                f"{len(unreadable)} sealed values cannot be opened with the configured keys "
                "(changed after sealing, or sealed with a key that was removed): "
                + ", ".join(unreadable)
            )
