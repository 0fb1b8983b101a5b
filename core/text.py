"""Turkish-aware text helpers: casing, collation keys and ASCII slugs.

Python's ``str.lower()`` maps "I" to "i" and ``str.upper()`` maps "i" to "I"; Turkish pairs them
differently (I/ı and İ/i). Every place that changes case or sorts names goes through here.
"""

import re
import unicodedata

TURKISH_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_ORDER = {letter: index for index, letter in enumerate(TURKISH_ALPHABET)}
# Letters outside the Turkish alphabet (q, w, x, accented letters) sort after their base letter.
_FALLBACK = {"q": "p", "w": "v", "x": "v", "â": "a", "î": "i", "û": "u"}
_SLUG_MAP = str.maketrans({"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u"})


def tr_lower(value: str) -> str:
    return value.replace("I", "ı").replace("İ", "i").lower()


def tr_upper(value: str) -> str:
    return value.replace("i", "İ").replace("ı", "I").upper()


def tr_title(value: str) -> str:
    """Title-case each word the Turkish way: "IĞDIR" -> "Iğdır", "izmir" -> "İzmir"."""
    return " ".join(tr_upper(word[:1]) + tr_lower(word[1:]) for word in value.split(" "))


def tr_fold(value: str) -> str:
    """A form for matching what people type: Turkish lower case, diacritics and dotless i folded.

    "Çankırı", "CANKIRI" and "çankiri" all fold to "cankiri".
    """
    return (
        tr_lower(value).translate(_SLUG_MAP).replace("â", "a").replace("î", "i").replace("û", "u")
    )


def tr_sort_key(value: str) -> tuple[tuple[int, int], ...]:
    """A key that sorts strings in Turkish alphabetical order (Ç after C, Ğ after G, I before İ)."""
    key = []
    for char in tr_lower(value):
        if char in _ORDER:
            key.append((_ORDER[char], 0))
        elif char in _FALLBACK:
            key.append((_ORDER[_FALLBACK[char]], 1))
        elif char.isdigit():
            key.append((-10 + int(char), 0))
        else:
            key.append((-20, ord(char)))
    return tuple(key)


def unique_slug(taken, text: str, *, fallback: str, max_length: int, reserved=()) -> str:
    """``slugify_tr(text)`` (or ``fallback``), numbered -2, -3… until no row of the queryset
    ``taken`` has it and it is not ``reserved``."""
    base = slugify_tr(text, max_length=max_length) or fallback
    slug, number = base, 2
    while slug in reserved or taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def slugify_tr(value: str, max_length: int = 80) -> str:
    """ASCII slug keeping Turkish letters readable: "Çankırı" -> "cankiri", "Şişli" -> "sisli"."""
    folded = tr_fold(value)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug[:max_length].rstrip("-")
