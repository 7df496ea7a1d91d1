"""What the count track counts, year by year: the rules, apart from how they are drawn.

- Only reports of a closed period that covers a year, part of one or several years are drawn
  (``is_drawn``): incidents are already events in the lanes; cumulative counts and snapshots
  have no span to spread over.
- Casualties are killed, injured and *unknown*: the part of a report's total that it does not
  split into killed and injured (total − killed − injured, never below zero). A figure a report
  does not give is NaN, never zero (``casualty_figures``).
- Land counts as released when it is cancelled by non-technical survey, reduced by technical
  survey or cleared, per hazard; an area by technique counts as cleared land only for the
  techniques in ``CLEARED_METHODS`` (survey and remaining contamination are not clearance).
- Values become a rate *a year* over the report's own period (``years_covered``): 687
  casualties over June 1993 – May 1999 is about 115 a year for six years.
"""

from __future__ import annotations

import datetime as dt
import math

from karabakh_timeline.model.land_release import RELEASE_STACK, summed_m2
from karabakh_timeline.model.records import Activity, CasualtyReport, ClearanceReport, Report, Span

DRAWN_SPANS = frozenset({Span.ANNUAL, Span.PART_YEAR, Span.MULTI_YEAR})
"""The spans of reports drawn a year at a time."""

CLEARED_METHODS = frozenset(
    {"manual", "mechanical", "manual_and_mechanical", "battle_area", "cluster_munition"}
)
"""Area methods that mean land was cleared (survey and remaining contamination are not)."""

CASUALTY_STACK = ("killed", "injured", "unknown")
"""The parts of a casualty count, bottom to top."""

CLEARANCE_STACK = (*RELEASE_STACK, "released")
"""Land released a year, stacked by how: cleared, reduced by technical survey, cancelled by
non-technical survey, and released by a mix the source does not split."""


def is_drawn(report: Report) -> bool:
    """Whether a report has a closed period of a year, part of one or several years."""
    closed = report.date.start is not None and report.date.end is not None
    return closed and report.span in DRAWN_SPANS


def years_covered(first: dt.date, last: dt.date) -> float:
    """Calendar years a span covers, counting each year's own days: all of 2004 is exactly 1."""
    total = 0.0
    for year in range(first.year, last.year + 1):
        start = max(first, dt.date(year, 1, 1))
        end = min(last, dt.date(year, 12, 31))
        days_in_year = (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days + 1
        total += ((end - start).days + 1) / days_in_year
    return total


def unknown_casualties(killed: int | None, injured: int | None, total: int | None) -> int:
    """The part of a total not split into killed and injured: total − killed − injured, an
    unknown part counting as none of the total; 0 without a total, never below 0."""
    if total is None:
        return 0
    return max(total - (killed or 0) - (injured or 0), 0)


def casualty_figures(report: CasualtyReport) -> dict[str, float] | None:
    """killed, injured and the part of the total not split into them; None if nothing is given."""
    killed = report.killed.value if report.killed else None
    injured = report.injured.value if report.injured else None
    total = report.total.value if report.total else None
    if killed is None and injured is None and total is None:
        return None
    return {
        "killed": math.nan if killed is None else float(killed),
        "injured": math.nan if injured is None else float(injured),
        "unknown": float(unknown_casualties(killed, injured, total)),
    }


def released_km2(report: ClearanceReport) -> dict[str, float] | None:
    """Land released by each way, km²: the report's land release per hazard, summed, and land
    cleared by a technique its ``area`` names; None where it releases no land."""
    if report.activity is Activity.CONTAMINATION:
        return None
    found = summed_m2(report.release, (*RELEASE_STACK, "released", "cancelled_in_database"))
    if "cancelled_in_database" in found:  # cancelled all the same, on review of the records
        found["cancelled"] = found.get("cancelled", 0.0) + found.pop("cancelled_in_database")
    if report.activity is Activity.CLEARANCE:
        cleared = [area.m2 for method, area in report.areas if method in CLEARED_METHODS]
        if cleared:
            found["cleared"] = found.get("cleared", 0.0) + sum(cleared)
    if not found:
        return None
    return {name: found.get(name, 0.0) / 1_000_000 for name in CLEARANCE_STACK}
