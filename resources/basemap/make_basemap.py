"""Make the shipped base map of the South Caucasus from Natural Earth's 1:10m data.

Run by hand, with the Python standard library and numpy only:

    npm pack world-atlas@2.0.2
    python resources/basemap/make_basemap.py world-atlas-2.0.2.tgz

It reads ``countries-10m.json`` and ``land-10m.json`` (TopoJSON) from the tarball, decodes the
quantised, delta-encoded arcs, keeps the land and the borders between countries inside the
region, simplifies every line to a few hundred metres (Douglas-Peucker) and writes
``south_caucasus.json`` beside this script. The tarball itself is not kept in the repository.
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path
from typing import Any

import numpy as np

WEST, EAST, SOUTH, NORTH = 43.0, 51.0, 38.0, 42.5
MARGIN = 0.3  # degrees kept beyond the region, so lines run past the edge of the view
TOLERANCE = 0.003  # degrees: about 250-330 m at these latitudes
DECIMALS = 3  # about 100 m
OUTPUT = Path(__file__).with_name("south_caucasus.json")

NOTICE = (
    "Made with Natural Earth. Land and country borders from Natural Earth 1:10m (public domain, "
    "naturalearthdata.com), as packaged in the npm package world-atlas 2.0.2 "
    "(Copyright 2013-2019 Michael Bostock, ISC licence: permission to use, copy, modify, and/or "
    "distribute for any purpose with or without fee is granted, provided that the copyright "
    "notice and this permission notice appear in all copies; provided as is, without warranty). "
    "Borders are approximate and not authoritative."
)


def read_topojson(tarball: Path, name: str) -> dict[str, Any]:
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(f"package/{name}")
        if member is None:
            raise SystemExit(f"{tarball}: no package/{name}")
        data: dict[str, Any] = json.load(member)
    return data


def decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """Every arc as an (n, 2) array of longitude, latitude."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [
        np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate
        for arc in topology["arcs"]
    ]


def arc_points(arcs: list[np.ndarray], index: int) -> np.ndarray:
    # A negative index is the one's complement of an arc to be walked backwards.
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: list[np.ndarray], indexes: list[int]) -> np.ndarray:
    parts = [arc_points(arcs, i) for i in indexes]
    return np.vstack([parts[0]] + [p[1:] for p in parts[1:]])


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def near_region(points: np.ndarray) -> bool:
    lon, lat = points[:, 0], points[:, 1]
    return bool(
        (lon.max() >= WEST - MARGIN)
        and (lon.min() <= EAST + MARGIN)
        and (lat.max() >= SOUTH - MARGIN)
        and (lat.min() <= NORTH + MARGIN)
    )


def clip_ring(points: np.ndarray) -> np.ndarray:
    """Sutherland-Hodgman clipping of a closed ring to the region and its margin."""
    edges = (
        (0, WEST - MARGIN, 1),
        (0, EAST + MARGIN, -1),
        (1, SOUTH - MARGIN, 1),
        (1, NORTH + MARGIN, -1),
    )
    current = [tuple(p) for p in points]
    for axis, limit, side in edges:
        if not current:
            break
        result: list[tuple[float, float]] = []
        for k, here in enumerate(current):
            before = current[k - 1]
            here_in = (here[axis] - limit) * side >= 0
            before_in = (before[axis] - limit) * side >= 0
            if here_in != before_in:
                t = (limit - before[axis]) / (here[axis] - before[axis])
                result.append(
                    (before[0] + t * (here[0] - before[0]), before[1] + t * (here[1] - before[1]))
                )
            if here_in:
                result.append(here)
        current = result
    return np.array(current)


def clip_line(points: np.ndarray) -> list[np.ndarray]:
    """The runs of a line inside the region and its margin (one point beyond at each end)."""
    lon, lat = points[:, 0], points[:, 1]
    inside = (
        (lon >= WEST - MARGIN)
        & (lon <= EAST + MARGIN)
        & (lat >= SOUTH - MARGIN)
        & (lat <= NORTH + MARGIN)
    )
    runs: list[np.ndarray] = []
    start = None
    for k, flag in enumerate(inside):
        if flag and start is None:
            start = max(k - 1, 0)
        if not flag and start is not None:
            runs.append(points[start : k + 1])
            start = None
    if start is not None:
        runs.append(points[start:])
    return [run for run in runs if len(run) >= 2]


def simplify(points: np.ndarray, tolerance: float = TOLERANCE) -> np.ndarray:
    """Douglas-Peucker, iterative; scales longitude by cos(latitude) so the tolerance is even."""
    if len(points) <= 2:
        return points
    squash = np.cos(np.radians(40.5))
    xy = points * np.array([squash, 1.0])
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = xy[first], xy[last]
        segment = xy[first + 1 : last]
        direction = b - a
        length = float(np.hypot(*direction))
        if length == 0:
            distances = np.hypot(*(segment - a).T)
        else:
            offset = segment - a
            distances = np.abs(direction[0] * offset[:, 1] - direction[1] * offset[:, 0]) / length
        worst = int(np.argmax(distances))
        if distances[worst] > tolerance:
            middle = first + 1 + worst
            keep[middle] = True
            stack.append((first, middle))
            stack.append((middle, last))
    return points[keep]


def rounded(points: np.ndarray) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in np.round(points, DECIMALS).tolist():
        if not out or out[-1] != [lon, lat]:
            out.append([lon, lat])
    return out


def land_rings(topology: dict[str, Any]) -> list[list[list[float]]]:
    arcs = decode_arcs(topology)
    found = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for indexes in polygon:  # the outer ring, then holes (the Caspian is not land)
                points = ring(arcs, indexes)
                if not near_region(points):
                    continue
                clipped = clip_ring(simplify(points))
                if len(clipped) >= 3:
                    found.append(rounded(clipped))
    return found


def border_lines(topology: dict[str, Any]) -> list[list[list[float]]]:
    """Arcs that two countries share: the borders on land, not the coasts."""
    arcs = decode_arcs(topology)
    users: dict[int, int] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        for polygon in polygons(geometry):
            for indexes in polygon:
                for index in indexes:
                    key = index if index >= 0 else ~index
                    users[key] = users.get(key, 0) + 1
    found = []
    for key, count in sorted(users.items()):
        if count < 2 or not near_region(arcs[key]):
            continue
        for run in clip_line(arcs[key]):
            line = rounded(simplify(run))
            if len(line) >= 2:
                found.append(line)
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_basemap.py world-atlas-2.0.2.tgz", file=sys.stderr)
        return 2
    tarball = Path(argv[1])
    land = land_rings(read_topojson(tarball, "land-10m.json"))
    borders = border_lines(read_topojson(tarball, "countries-10m.json"))
    result = {
        "notice": NOTICE,
        "credit": "Made with Natural Earth",
        "made": (
            "resources/basemap/make_basemap.py from world-atlas 2.0.2 (countries-10m.json, "
            f"land-10m.json): clipped to {WEST}-{EAST} E, {SOUTH}-{NORTH} N with a {MARGIN} "
            f"degree margin, simplified with Douglas-Peucker at {TOLERANCE} degrees "
            f"(a few hundred metres), rounded to {DECIMALS} decimals."
        ),
        "region": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "land": land,
        "borders": borders,
    }
    OUTPUT.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")
    points = sum(len(r) for r in land) + sum(len(b) for b in borders)
    print(f"{OUTPUT}: {len(land)} land rings, {len(borders)} border lines, {points} points")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
