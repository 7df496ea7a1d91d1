"""Remaining contamination over time: the area each report says is still to be cleared.

A contamination report is a snapshot, the confirmed and suspected hazardous area at a date; its
figures are never added up. For the selected period this gives one series per scope and hazard
(mines, cluster munitions, mines and other remnants published together), never joined across
scopes, with one point per report:

- the point's figure is the report's undivided total (confirmed or suspected), else confirmed
  plus suspected where it gives both, else the one status it gives, named;
- a split into anti-personnel and anti-vehicle mines is left to the report's own text where the
  report also gives its mines as a whole;
- two reports of one series on the same day are both kept, side by side (``side`` counts them),
  as are reports a conflict names: a disputed figure is never picked or averaged;
- a hazard a report does not give is no point, never zero;
- a baseline given for before a re-survey stays with its point, as a note.

Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.figures import Area, Qualifier
from karabakh_timeline.model.land_release import HAZARDS, label
from karabakh_timeline.model.organisations import short_organisation
from karabakh_timeline.model.records import ClearanceReport, Dataset
from karabakh_timeline.model.report_scope import scope_name

SPLIT_HAZARDS = frozenset({"anti_personnel_mines", "anti_vehicle_mines"})
"""Parts of "mines": a series of their own only where a report does not give mines whole."""


@dataclass(frozen=True, slots=True)
class ContaminationPoint:
    """One report's remaining area of one hazard."""

    report_id: str
    day: dt.date  # the middle of the report's period (of the part inside the selection)
    km2: float
    area: Area
    status: str  # 'total', 'confirmed', 'suspected' or 'confirmed and suspected'
    who: str  # the organisation, short
    when: str  # the report's period, as the dataset gives it
    before_resurvey: Area | None
    disputed: bool
    side: int = 0  # 0 for the first report of its series on its day, 1 for the next, …

    def text(self) -> str:
        """'9.9 km² suspected (HALO Trust, January 2010)'."""
        status = "" if self.status == "total" else f" {self.status}"
        note = (
            f"; {self.before_resurvey.display()} before re-survey"
            if self.before_resurvey is not None
            else ""
        )
        return f"{self.area.display()}{status} ({self.who}, {self.when}){note}"


@dataclass(frozen=True, slots=True)
class ContaminationSeries:
    scope: str
    hazard: str
    label: str  # 'Mines — Karabakh Armenian-held areas'
    points: tuple[ContaminationPoint, ...]


def contamination_series(
    dataset: Dataset, reports: Sequence[ClearanceReport], selected: DateRange
) -> tuple[ContaminationSeries, ...]:
    """Every scope and hazard with a remaining area in a report that reaches ``selected``."""
    found: dict[tuple[str, str], list[ContaminationPoint]] = {}
    for report in reports:
        if not report.remaining or selected.classify(report.date) is Overlap.OUTSIDE:
            continue
        day = _middle(report, selected)
        if day is None:
            continue
        given = {hazard for hazard, _ in report.remaining}
        for hazard, areas in report.remaining:
            if hazard in SPLIT_HAZARDS and "mines" in given:
                continue
            chosen = _figure(dict(areas))
            if chosen is None:
                continue
            status, area = chosen
            before = dict(areas).get("before_resurvey")
            found.setdefault((report.scope, hazard), []).append(
                ContaminationPoint(
                    report.id,
                    day,
                    area.m2 / 1_000_000,
                    area,
                    status,
                    short_organisation(dataset, report.organisation),
                    report.date.display(),
                    before,
                    bool(dataset.conflicts_of(report.id)),
                )
            )
    scopes = {scope: rank for rank, scope in enumerate(dataset.scopes)}
    series = []
    for (scope, hazard), points in sorted(
        found.items(),
        key=lambda item: (
            scopes.get(item[0][0], len(scopes)),
            HAZARDS.index(item[0][1]) if item[0][1] in HAZARDS else len(HAZARDS),
        ),
    ):
        name = f"{label(hazard).capitalize()} — {scope_name(dataset, scope)}"
        series.append(ContaminationSeries(scope, hazard, name, _side_by_side(points)))
    return tuple(series)


def _figure(areas: dict[str, Area]) -> tuple[str, Area] | None:
    if "total" in areas:
        return "total", areas["total"]
    confirmed, suspected = areas.get("confirmed"), areas.get("suspected")
    if confirmed is not None and suspected is not None:
        both = Area(
            (confirmed.m2 + suspected.m2) / 1_000_000,
            "km2",
            confirmed.qualifier if confirmed.qualifier is suspected.qualifier else Qualifier.ABOUT,
        )
        return "confirmed and suspected", both
    if suspected is not None:
        return "suspected", suspected
    if confirmed is not None:
        return "confirmed", confirmed
    return None


def _middle(report: ClearanceReport, selected: DateRange) -> dt.date | None:
    first = max(report.date.first_day or selected.first, selected.first)
    last = min(report.date.last_day or selected.last, selected.last)
    if last < first:
        return None
    return first + (last - first) / 2


def _side_by_side(points: list[ContaminationPoint]) -> tuple[ContaminationPoint, ...]:
    points.sort(key=lambda point: point.day)
    placed: list[ContaminationPoint] = []
    for point in points:
        side = sum(1 for other in placed if other.day == point.day)
        disputed = point.disputed or side > 0
        placed.append(replace(point, side=side, disputed=disputed))
        if side == 1:  # the first of the day is disputed too, now that a second is there
            first = next(i for i, other in enumerate(placed) if other.day == point.day)
            placed[first] = replace(placed[first], disputed=True)
    return tuple(placed)
