"""What the count track draws, as arrays: casualties and cleared area a year, honestly.

What is counted (which reports, what counts as cleared land, unknown = total − killed −
injured, rates a year) is the model's ``count_rules``; this module lays those figures out:

- Values are a rate *a year* over the report's own period: a report of 687 casualties for June
  1993 – May 1999 is a six-year span at about 115 a year, not a spike of 687 in one year, and
  its area on screen is still 687. A calendar-year report is drawn at its own figure.
- Reports are drawn filled only where no other filled report covers the same days, preferring
  reports of a series (in the dataset's order) and then the shortest; every other report is
  drawn as an outline on top, so overlapping accounts are visible and never stacked into a sum.
- Days that no drawn report covers are "no data" (hatched); a report that says zero is a line
  on the baseline. Unknown is never drawn as zero: a figure a report does not give is NaN.

No Qt here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from karabakh_timeline.model.count_rules import (
    CASUALTY_STACK,
    CLEARANCE_STACK,
    casualty_figures,
    is_drawn,
    released_km2,
    years_covered,
)
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import CasualtyReport, ClearanceReport, Dataset, Report
from karabakh_timeline.ui.timeline.time_axis import date_to_x, range_to_x

FloatArray = npt.NDArray[np.float64]
R = TypeVar("R", CasualtyReport, ClearanceReport)


@dataclass(frozen=True)
class Blocks:
    """Reports drawn as rectangles from x0 to x1; ``stack`` values are rates a year."""

    report_ids: tuple[str, ...]
    x0: FloatArray
    x1: FloatArray
    years: FloatArray  # how many years each report's period covers (1.0 for a calendar year)
    stack: dict[str, FloatArray]  # component -> rate a year; NaN where the report does not say
    total: FloatArray  # the height of the whole block, a year

    @property
    def is_span(self) -> npt.NDArray[np.bool_]:
        """Blocks that are not one calendar year: drawn with a pattern, read as an average."""
        return np.abs(self.years - 1.0) > 1e-9

    def bottoms_and_tops(self, component: str) -> tuple[FloatArray, FloatArray]:
        """Where a stack component starts and ends; unknown components take no height."""
        names = list(self.stack)
        below = np.zeros(len(self.report_ids))
        for name in names[: names.index(component)]:
            below += np.nan_to_num(self.stack[name])
        return below, below + np.nan_to_num(self.stack[component])


@dataclass(frozen=True)
class Track:
    """One quantity over time: filled blocks, outlined overlapping reports, gaps and zeros."""

    filled: Blocks
    outlined: Blocks
    no_data: tuple[tuple[float, float], ...]
    zero: tuple[tuple[float, float], ...]

    def max_in(self, x0: float, x1: float) -> float:
        """The tallest block overlapping x0..x1, for the track's vertical scale."""
        tallest = 0.0
        for blocks in (self.filled, self.outlined):
            overlapping = (blocks.x1 > x0) & (blocks.x0 < x1)
            if overlapping.any():
                tallest = max(tallest, float(np.nanmax(blocks.total[overlapping])))
        return tallest

    def blocks_at(self, x: float) -> list[tuple[str, bool]]:
        """Every report drawn at x, the filled one first: (report id, is outlined)."""
        found = []
        for blocks, outlined in ((self.filled, False), (self.outlined, True)):
            hits = np.flatnonzero((blocks.x0 <= x) & (x < blocks.x1))
            found += [(blocks.report_ids[int(hit)], outlined) for hit in hits]
        return found


def casualty_track(dataset: Dataset, bounds: DateRange) -> Track:
    return _track(dataset, dataset.casualties, bounds, CASUALTY_STACK, casualty_figures)


def clearance_track(dataset: Dataset, bounds: DateRange) -> Track:
    return _track(dataset, dataset.clearance, bounds, CLEARANCE_STACK, released_km2)


def _track(
    dataset: Dataset,
    reports: Sequence[R],
    bounds: DateRange,
    components: tuple[str, ...],
    figures_of: Callable[[R], dict[str, float] | None],
) -> Track:
    drawable: list[tuple[R, dict[str, float]]] = []
    for report in reports:
        if not is_drawn(report):
            continue
        figures = figures_of(report)
        if figures is not None:
            drawable.append((report, figures))
    series_rank = {series: rank for rank, series in enumerate(dataset.series)}

    def priority(item: tuple[R, dict[str, float]]) -> tuple[int, dt.timedelta, dt.date]:
        report = item[0]
        first, last = report.date.first_day, report.date.last_day
        assert first is not None and last is not None  # closed, checked above
        rank = series_rank.get(report.series, len(series_rank)) if report.series else 99_999
        return rank, last - first, first

    filled: list[tuple[R, dict[str, float]]] = []
    outlined: list[tuple[R, dict[str, float]]] = []
    taken = _Intervals()
    for item in sorted(drawable, key=priority):
        x0, x1 = _extent(item[0])
        (filled if taken.add_if_free(x0, x1) else outlined).append(item)
    covered = [_extent(report) for report, _ in drawable]
    zero = [_extent(r) for r, f in filled if all(np.nan_to_num(v) == 0 for v in f.values())]
    return Track(
        _blocks(filled, components),
        _blocks(outlined, components),
        _gaps(covered, *range_to_x(bounds)),
        tuple(sorted(zero)),
    )


def _extent(report: Report) -> tuple[float, float]:
    first, last = report.date.first_day, report.date.last_day
    assert first is not None and last is not None
    return date_to_x(first), date_to_x(last + dt.timedelta(days=1))


def _blocks(items: list[tuple[R, dict[str, float]]], components: tuple[str, ...]) -> Blocks:
    items = sorted(items, key=lambda item: _extent(item[0]))
    extents = np.array([_extent(report) for report, _ in items], dtype=np.float64).reshape(-1, 2)
    years = np.array(
        [years_covered(r.date.first_day, r.date.last_day) for r, _ in items],  # type: ignore[arg-type]
        dtype=np.float64,
    )
    stack = {
        name: np.array([figures[name] for _, figures in items], dtype=np.float64) / years
        for name in components
    }
    total = np.zeros(len(items))
    for values in stack.values():
        total += np.nan_to_num(values)
    return Blocks(
        tuple(report.id for report, _ in items), extents[:, 0], extents[:, 1], years, stack, total
    )


def _gaps(
    covered: list[tuple[float, float]], start: float, end: float
) -> tuple[tuple[float, float], ...]:
    gaps = []
    cursor = start
    for x0, x1 in sorted(covered):
        if x0 > cursor:
            gaps.append((cursor, min(x0, end)))
        cursor = max(cursor, x1)
        if cursor >= end:
            break
    if cursor < end:
        gaps.append((cursor, end))
    return tuple((a, b) for a, b in gaps if b > a)


class _Intervals:
    """Disjoint half-open intervals kept sorted, to place filled blocks without overlap."""

    def __init__(self) -> None:
        self._starts: list[float] = []
        self._ends: list[float] = []

    def add_if_free(self, x0: float, x1: float) -> bool:
        at = bisect.bisect_left(self._starts, x0)
        if at > 0 and self._ends[at - 1] > x0:
            return False
        if at < len(self._starts) and self._starts[at] < x1:
            return False
        self._starts.insert(at, x0)
        self._ends.insert(at, x1)
        return True
