"""The count track's range bars, as arrays: years known only by bounds, from lower to upper.

Which years: every calendar year that a "no data" stretch of the track reaches into. Which
bounds: the model's (``model.year_ranges``). A year with a range is no longer "no data", so the
hatched gaps are cut back to the years without any bound. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from karabakh_timeline.model.records import Activity, Counts, Dataset, Report
from karabakh_timeline.model.year_ranges import (
    CASUALTY_RANGE_FIGURES,
    CLEARANCE_RANGE_FIGURES,
    YearRange,
    year_ranges,
)
from karabakh_timeline.ui.timeline.count_series import Track
from karabakh_timeline.ui.timeline.time_axis import date_to_x, x_to_date

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RangeBars:
    """One bar per range: x0..x1 over its slot of the year, y0 (lower) to y1 (upper; NaN where
    open above, drawn to the track's top)."""

    ranges: tuple[YearRange, ...]
    x0: FloatArray
    x1: FloatArray
    y0: FloatArray
    y1: FloatArray
    no_data: tuple[tuple[float, float], ...]  # the track's gaps less the years with a range

    @property
    def is_open(self) -> npt.NDArray[np.bool_]:
        return np.isnan(self.y1)

    def lowest_top_in(self, x0: float, x1: float) -> tuple[float, float]:
        """The tallest lower bound and the tallest upper bound of the bars overlapping x0..x1
        (0 where none), for the track's vertical scale."""
        overlapping = (self.x1 > x0) & (self.x0 < x1)
        if not overlapping.any():
            return 0.0, 0.0
        tops = self.y1[overlapping]
        known = tops[~np.isnan(tops)]
        return float(self.y0[overlapping].max()), float(known.max()) if known.size else 0.0

    def at(self, x: float) -> list[YearRange]:
        """The ranges drawn at x (any slot of the year x falls in)."""
        hits = np.flatnonzero((self.x0 <= x) & (x < self.x1))
        if hits.size:
            year = self.ranges[int(hits[0])].year
            return [r for r in self.ranges if r.year == year]
        return []


def casualty_ranges(dataset: Dataset, track: Track) -> RangeBars:
    return range_bars(
        dataset, dataset.casualties, track, CASUALTY_RANGE_FIGURES, Counts.MINE_ERW.value
    )


def clearance_ranges(dataset: Dataset, track: Track) -> RangeBars:
    return range_bars(
        dataset,
        dataset.clearance,
        track,
        CLEARANCE_RANGE_FIGURES,
        Activity.CLEARANCE.value,
        per_unit=1_000_000,  # m² -> km²
    )


def range_bars(
    dataset: Dataset,
    reports: Sequence[Report],
    track: Track,
    figures: frozenset[str],
    counts: str,
    per_unit: float = 1.0,
) -> RangeBars:
    years = {
        year
        for a, b in track.no_data
        for year in range(x_to_date(a).year, x_to_date(b - 1).year + 1)
    }
    ranges = year_ranges(dataset, reports, years, figures, counts, per_unit)
    x0, x1 = [], []
    for year_range in ranges:
        start = date_to_x(dt.date(year_range.year, 1, 1))
        width = date_to_x(dt.date(year_range.year + 1, 1, 1)) - start
        first, last = year_range.share
        x0.append(start + first * width)
        x1.append(start + last * width)
    tops = [np.nan if r.top is None else r.top for r in ranges]
    ranged_years = sorted({r.year for r in ranges})
    return RangeBars(
        ranges,
        np.array(x0, dtype=np.float64),
        np.array(x1, dtype=np.float64),
        np.array([r.bottom for r in ranges], dtype=np.float64),
        np.array(tops, dtype=np.float64),
        _less_years(track.no_data, ranged_years),
    )


def _less_years(
    gaps: tuple[tuple[float, float], ...], years: list[int]
) -> tuple[tuple[float, float], ...]:
    """The gaps with every ranged calendar year cut out of them."""
    cuts = [(date_to_x(dt.date(y, 1, 1)), date_to_x(dt.date(y + 1, 1, 1))) for y in years]
    left = []
    for a, b in gaps:
        pieces = [(a, b)]
        for c0, c1 in cuts:
            pieces = [
                piece
                for p0, p1 in pieces
                for piece in ((p0, min(p1, c0)), (max(p0, c1), p1))
                if piece[1] > piece[0]
            ]
        left += pieces
    return tuple(left)
