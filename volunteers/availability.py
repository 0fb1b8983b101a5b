"""Weekly availability as a bit mask: seven days × morning, afternoon and evening.

Bit ``day * 3 + part`` (Monday = day 0, morning = part 0) is set when the person is free then,
or when a program meets then. Masks make "does this overlap?" one ``&`` in SQL or Python.
"""

from django.utils.translation import gettext_lazy as _

DAYS = (
    _("Pazartesi"),
    _("Salı"),
    _("Çarşamba"),
    _("Perşembe"),
    _("Cuma"),
    _("Cumartesi"),
    _("Pazar"),
)
PARTS = (_("Sabah"), _("Öğleden sonra"), _("Akşam"))
SLOTS = len(DAYS) * len(PARTS)
FULL_WEEK = (1 << SLOTS) - 1


def bit(day: int, part: int) -> int:
    return 1 << (day * len(PARTS) + part)


def slot_keys(mask: int) -> list[str]:
    """The "day-part" keys of the slots set in ``mask`` (for forms)."""
    return [
        f"{day}-{part}"
        for day in range(len(DAYS))
        for part in range(len(PARTS))
        if mask & bit(day, part)
    ]


def mask_from_keys(keys) -> int:
    mask = 0
    for key in keys:
        day, part = (int(piece) for piece in str(key).split("-"))
        if not (0 <= day < len(DAYS) and 0 <= part < len(PARTS)):
            raise ValueError(key)
        mask |= bit(day, part)
    return mask


def slot_choices() -> list[tuple[str, str]]:
    return [
        (f"{day}-{part}", f"{DAYS[day]} {PARTS[part].lower()}")
        for day in range(len(DAYS))
        for part in range(len(PARTS))
    ]


def describe(mask: int) -> str:
    """ "Salı akşam, Cumartesi sabah" — for pages and explanations."""
    return ", ".join(
        f"{DAYS[day]} {str(PARTS[part]).lower()}"
        for day in range(len(DAYS))
        for part in range(len(PARTS))
        if mask & bit(day, part)
    )


def count(mask: int) -> int:
    return int(mask).bit_count()
