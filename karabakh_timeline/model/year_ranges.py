"""Years known only by bounds: the range from the lower to the upper bound the reports give.

A year that no drawn report covers has no figure of its own, but the estimates (see
``estimates``) may still bound it: "at least 38 (January–July 2022) · at most 305 (November
2020 – September 2023)". Such a year is a range, not "no data". For each year asked about, every
estimate of one of the track's figures, in the track's usual definition (mine and ERW casualties;
clearance), that has a lower or an upper bound becomes one range; several scopes in one year
stand side by side, never added.

A missing lower bound is zero (a count cannot be less); a missing upper bound is open. Values are
in the track's unit (``per_unit`` divides the model's m² into km²). Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from karabakh_timeline.model.count_rules import CLEARED_METHODS
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.estimate_text import estimate_text
from karabakh_timeline.model.estimates import Estimate, Part, estimates_for
from karabakh_timeline.model.figure_key import FigureKey, FigureKind
from karabakh_timeline.model.records import Dataset, Report

CASUALTY_RANGE_FIGURES = frozenset({FigureKey(FigureKind.CASUALTIES, "total").text})
CLEARANCE_RANGE_FIGURES = frozenset(
    FigureKey(FigureKind.AREA, method).text for method in CLEARED_METHODS
)
"""The figures a range may stand for: what the blocks of each track stack up."""


@dataclass(frozen=True, slots=True)
class YearRange:
    """One estimate drawn over one calendar year: from ``bottom`` to ``top`` (None: open)."""

    year: int
    estimate: Estimate
    slot: int  # its place among the year's ranges, side by side, from 0
    slots: int  # how many ranges the year has
    per_unit: float = 1.0

    @property
    def lower(self) -> float | None:
        return self._scaled(self.estimate.lower)

    @property
    def upper(self) -> float | None:
        return self._scaled(self.estimate.upper)

    @property
    def bottom(self) -> float:
        """Where the bar starts: the lower bound, or zero where only an upper bound is known."""
        values = [v for v in (self.lower, self.upper) if v is not None]
        return min(values) if self.lower is not None else 0.0

    @property
    def top(self) -> float | None:
        """Where the bar ends: the upper bound (the larger figure in a conflict); None: open."""
        if self.upper is None:
            return None
        return max(self.upper, self.lower or 0.0)

    @property
    def share(self) -> tuple[float, float]:
        """The part of the year this range is drawn over, as fractions of the year."""
        return self.slot / self.slots, (self.slot + 1) / self.slots

    def _scaled(self, part: Part | None) -> float | None:
        return None if part is None else part.value / self.per_unit


def year_ranges(
    dataset: Dataset,
    reports: Sequence[Report],
    years: Iterable[int],
    figures: Collection[str],
    counts: str,
    per_unit: float = 1.0,
) -> tuple[YearRange, ...]:
    """The ranges of ``years``: each year's estimates of ``figures`` counting ``counts``."""
    found: list[YearRange] = []
    for year in sorted(set(years)):
        selected = DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
        bounded = [
            estimate
            for estimate in estimates_for(dataset, reports, selected)
            if estimate.figure in figures
            and estimate.counts == counts
            and (estimate.lower is not None or estimate.upper is not None)
        ]
        found += [
            YearRange(year, estimate, slot, len(bounded), per_unit)
            for slot, estimate in enumerate(bounded)
        ]
    return tuple(found)


def range_lines(dataset: Dataset, year_range: YearRange) -> list[str]:
    """What a range says, in words: its year, the bounds with who gave them, and the reports
    behind each bound by id."""
    estimate = year_range.estimate
    lines = [f"{year_range.year}: {estimate_text(dataset, estimate)}"]
    for name, part in (("lower", estimate.lower), ("upper", estimate.upper)):
        if part is not None:
            lines.append(f"The {name} bound rests on {', '.join(part.reports)}")
    if estimate.lower is None:
        lines.append("No report gives a lower bound: the bar starts at zero")
    if estimate.upper is None:
        lines.append("No upper bound: the range is open above")
    return lines
