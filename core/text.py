"""Turkish-aware text helpers: casing, collation keys, ASCII slugs and the suffixes written
after numerals.

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


# --- Suffixes after numerals ------------------------------------------------------------------

_ONES = {1: "i", 2: "si", 3: "ü", 4: "ü", 5: "i", 6: "sı", 7: "si", 8: "i", 9: "u"}
_TENS = {1: "u", 2: "si", 3: "u", 4: "ı", 5: "si", 6: "ı", 7: "i", 8: "i", 9: "ı"}


def turkish_possessive_suffix(number: int) -> str:
    """The third-person possessive suffix after a numeral written in digits: it follows the
    last word said aloud (2 iki → 2'si, 6 altı → 6'sı, 10 on → 10'u, 40 kırk → 40'ı,
    100 yüz → 100'ü, 1000 bin → 1000'i, 0 sıfır → 0'ı)."""
    number = abs(int(number))
    if number == 0:
        return "ı"
    if number % 10:
        return _ONES[number % 10]
    if number % 100:
        return _TENS[number // 10 % 10]
    if number % 1000:
        return "ü"  # yüz
    if number % 10**6:
        return "i"  # bin
    if number % 10**9:
        return "u"  # milyon
    if number % 10**12:
        return "ı"  # milyar
    return "u"  # trilyon


def turkish_possessive(number: int) -> str:
    """ "2'si", "3'ü" — as in "3 becerinin 2'si"."""
    return f"{number}'{turkish_possessive_suffix(number)}"


def turkish_possessive_locative(number: int) -> str:
    """ "2'sinde", "6'sında" — as in "3 zaman diliminin 2'sinde"."""
    suffix = turkish_possessive_suffix(number)
    return f"{number}'{suffix}{'nde' if suffix[-1] in 'iü' else 'nda'}"
