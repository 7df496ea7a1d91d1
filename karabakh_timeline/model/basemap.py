"""The shipped base map: land and borders of the South Caucasus, read from its JSON file.

The file is made by hand with ``resources/basemap/make_basemap.py`` from Natural Earth data;
this module only reads it into plain tuples the map view and the image exporter both draw.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from karabakh_timeline.bundled import resource_path

BASEMAP_FILE = "basemap/south_caucasus.json"
CREDIT = "Made with Natural Earth"
BORDERS_NOTE = "Borders are approximate and not authoritative."

Line = tuple[tuple[float, float], ...]  # (longitude, latitude) pairs


@dataclass(frozen=True, slots=True)
class Region:
    west: float
    east: float
    south: float
    north: float

    @property
    def aspect(self) -> float:
        """How much longer a degree of latitude is than one of longitude, mid-region."""
        return 1.0 / math.cos(math.radians((self.south + self.north) / 2))


@dataclass(frozen=True, slots=True)
class MapLabel:
    text: str
    longitude: float
    latitude: float
    water: bool = False


@dataclass(frozen=True, slots=True)
class BaseMap:
    region: Region
    land: tuple[Line, ...]  # closed rings; the Caspian is a hole, so fill them odd-even
    borders: tuple[Line, ...]  # borders between countries on land
    credit: str
    notice: str
    labels: tuple[MapLabel, ...]


FOCUS = Region(west=43.3, east=50.2, south=38.35, north=41.95)
"""What the map shows first and exports draw: the places and their neighbours' names."""

# Where the names of the countries and the sea are written: inside each, clear of the others.
LABELS = (
    MapLabel("Armenia", 44.55, 40.55),
    MapLabel("Azerbaijan", 48.35, 40.75),
    MapLabel("Georgia", 45.1, 41.75),
    MapLabel("Iran", 46.6, 38.6),
    MapLabel("Türkiye", 43.8, 39.75),
    MapLabel("Caspian Sea", 49.75, 39.0, water=True),
)


def _line(points: list[list[float]]) -> Line:
    return tuple((float(lon), float(lat)) for lon, lat in points)


def read_basemap(path: Path) -> BaseMap:
    data = json.loads(path.read_text(encoding="utf-8"))
    region = Region(**{k: float(v) for k, v in data["region"].items()})
    return BaseMap(
        region=region,
        land=tuple(_line(ring) for ring in data["land"]),
        borders=tuple(_line(line) for line in data["borders"]),
        credit=str(data["credit"]),
        notice=str(data["notice"]),
        labels=LABELS,
    )


@cache
def bundled_basemap() -> BaseMap:
    """The base map shipped with the app (read once)."""
    return read_basemap(resource_path(BASEMAP_FILE))
