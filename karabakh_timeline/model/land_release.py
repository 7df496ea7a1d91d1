"""Land release and remaining contamination as mine action counts them, per hazard type.

Mine-action agencies release suspected land in three ways: *cancelled* by non-technical survey
(no evidence of hazard), *reduced* by technical survey, and *cleared*. Survey also confirms new
hazardous areas, and what remains is reported as confirmed or suspected hazardous area, per
hazard (mines, cluster munitions, other explosive remnants). A baseline that jumps after a
re-survey is kept with the figure before it and a note. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from karabakh_timeline.model.fields import FieldReader
from karabakh_timeline.model.figures import Area, FigureError

HAZARDS = (
    "mines",  # published for mines without splitting them
    "anti_personnel_mines",
    "anti_vehicle_mines",
    "cluster_munitions",
    "other_erw",
    "mines_and_erw",  # published together
)
RELEASE_METHODS = (
    "cancelled",  # by non-technical survey
    "reduced",  # by technical survey
    "cleared",
    "cancelled_in_database",  # removed from the database on review, not by survey in the field
    "released",  # released by some mix of the above the source does not split
    "newly_confirmed",  # not a release: hazardous area that survey found or confirmed
)
REMAINING_STATUSES = ("confirmed", "suspected", "total", "before_resurvey")
"""``total`` where the source does not split confirmed from suspected; ``before_resurvey`` the
baseline the source gives for before a re-survey changed it."""

RELEASE_STACK = ("cleared", "reduced", "cancelled")
"""The ways land is released, in the order they are stacked (clearance at the bottom)."""

_LABELS = {
    "mines": "mines",
    "anti_personnel_mines": "anti-personnel mines",
    "anti_vehicle_mines": "anti-vehicle mines",
    "cluster_munitions": "cluster munitions",
    "other_erw": "other explosive remnants",
    "mines_and_erw": "mines and other explosive remnants",
    "cancelled": "cancelled",
    "reduced": "reduced",
    "cleared": "cleared",
    "cancelled_in_database": "cancelled in the database",
    "released": "released",
    "newly_confirmed": "newly confirmed",
    "confirmed": "confirmed",
    "suspected": "suspected",
    "total": "confirmed or suspected",
    "before_resurvey": "before re-survey",
}

AreaTable = tuple[tuple[str, tuple[tuple[str, Area], ...]], ...]
"""hazard -> (what -> area), in the order written."""


def label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " "))


@dataclass(frozen=True, slots=True)
class HazardAreas:
    """One hazard's areas by method (release) or by status (remaining)."""

    hazard: str
    areas: tuple[tuple[str, Area], ...]

    def display(self) -> str:
        """'mines: cancelled 0.29 km², reduced 0.27 km², cleared 0.29 km²'."""
        parts = ", ".join(f"{label(name)} {area.display()}" for name, area in self.areas)
        return f"{label(self.hazard)}: {parts}"


def table_rows(table: AreaTable) -> list[HazardAreas]:
    return [HazardAreas(hazard, areas) for hazard, areas in table]


def display_table(table: AreaTable) -> str:
    return "; ".join(row.display() for row in table_rows(table))


def area_of(table: AreaTable, hazard: str, name: str) -> Area | None:
    for found, areas in table:
        if found == hazard:
            return dict(areas).get(name)
    return None


def summed_m2(table: AreaTable, names: Iterable[str]) -> dict[str, float]:
    """Square metres per method (or status) over all hazards, for drawing; absent ones left out."""
    wanted = set(names)
    found: dict[str, float] = {}
    for _, areas in table:
        for name, area in areas:
            if name in wanted:
                found[name] = found.get(name, 0.0) + area.m2
    return found


def read_area_table(
    f: FieldReader, key: str, inner: tuple[str, ...], what: str
) -> AreaTable | None:
    """``key: {hazard: {name: area}}``; None after noting a problem."""
    value = f.mapping.get(key)
    f.ask(key)
    if value is None:
        return ()
    if not isinstance(value, dict):
        f.problem(key, f"'{key}' must map each hazard ({', '.join(HAZARDS)}) to {what}")
        return None
    table: list[tuple[str, tuple[tuple[str, Area], ...]]] = []
    ok = True
    for hazard, areas in value.items():
        if hazard not in HAZARDS:
            f.problem(key, f"'{key}' has the hazard '{hazard}'; known: {', '.join(HAZARDS)}")
            ok = False
            continue
        if not isinstance(areas, dict) or not areas:
            f.problem(key, f"'{key}.{hazard}' must map {what} ({', '.join(inner)}) to areas")
            ok = False
            continue
        row: list[tuple[str, Area]] = []
        for name, raw in areas.items():
            if name not in inner:
                f.problem(key, f"'{key}.{hazard}' has '{name}'; known: {', '.join(inner)}")
                ok = False
                continue
            if raw is None:
                f.problem(
                    key, f"'{key}.{hazard}.{name}' is empty: leave out an area that is unknown"
                )
                ok = False
                continue
            try:
                row.append((name, Area.parse(raw)))
            except FigureError as error:
                f.problem(key, f"'{key}.{hazard}.{name}': {error}")
                ok = False
        table.append((hazard, tuple(row)))
    return tuple(table) if ok else None
