"""What happened at each place in a selected period: the figures the map's markers show.

A place's casualties for a period are the killed and injured of the incidents placed there: events
that give ``killed``/``injured`` figures and casualty reports of one incident. An incident told
both as an event and as its casualty report (same date, places and figures, as the incident log
records each one) is added once. Other casualty
reports placed there (a year's or several years' count) are counted as reports, never added in:
they may tell of the same incidents again. A figure a record does not give adds nothing; a place
whose records give no figure still has records, and its casualties stay unknown (``None``).

Records belong to a period as they do in the events list: when their dates overlap it.
``PlaceIndex`` keeps, per place, the records' first and last days sorted with running sums, so a
period's figures for every place cost two binary searches per place, not a loop over the records.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate

from karabakh_timeline.model.dates import DateRange, Period
from karabakh_timeline.model.figures import Count, Qualifier
from karabakh_timeline.model.records import CasualtyReport, Dataset, Span

KILLED, INJURED = "killed", "injured"

MIN_MARKER = 7.0
"""Diameter in pixels of the marker of a place with records but no known casualties."""
MAX_MARKER = 46.0
"""Diameter in pixels of the largest marker: the place with the most casualties in the period."""


@dataclass(frozen=True, slots=True)
class PlaceFigures:
    """One place's records and casualties within a period."""

    place_id: str
    killed: int
    injured: int
    incidents: int  # records that give killed or injured figures
    records: int  # events and reports of any kind placed there
    casualty_reports: int  # casualty reports of longer spans, counted but not added in
    clearance_reports: int
    inexact: bool  # a figure added in was 'at least', 'about'...

    @property
    def casualties(self) -> int | None:
        """Killed and injured together, or unknown when no incident gave a figure."""
        return self.killed + self.injured if self.incidents else None

    @property
    def has_records(self) -> bool:
        return self.records > 0


def _days(period: Period) -> tuple[int, int]:
    first = period.first_day or dt.date.min
    last = period.last_day or dt.date.max
    return first.toordinal(), last.toordinal()


def _value(count: Count | None) -> tuple[int, bool]:
    if count is None:
        return 0, False
    return count.value, count.qualifier is not Qualifier.EXACT


class _Track:
    """Records of one kind at one place: counts and sums over those overlapping a period."""

    __slots__ = ("_ends", "_ends_sums", "_starts", "_starts_sums")

    def __init__(self, rows: list[tuple[int, int, tuple[int, ...]]], width: int) -> None:
        by_start = sorted(rows, key=lambda row: row[0])
        by_end = sorted(rows, key=lambda row: row[1])
        self._starts = [row[0] for row in by_start]
        self._ends = [row[1] for row in by_end]
        zero = (0,) * (width + 1)

        def sums(ordered: list[tuple[int, int, tuple[int, ...]]]) -> list[tuple[int, ...]]:
            steps = ((1, *row[2]) for row in ordered)
            added = accumulate(steps, lambda a, b: tuple(x + y for x, y in zip(a, b, strict=True)))
            return [zero, *added]

        self._starts_sums = sums(by_start)
        self._ends_sums = sums(by_end)

    def overlapping(self, first: int, last: int) -> tuple[int, ...]:
        """(how many, then each value summed) over the rows whose span meets [first, last].

        A row overlaps unless it ends before ``first`` or starts after ``last``; rows ending before
        ``first`` all start before ``last``, so the overlap is 'started by last' minus 'ended
        before first'."""
        started = self._starts_sums[bisect_right(self._starts, last)]
        ended = self._ends_sums[bisect_left(self._ends, first)]
        return tuple(a - b for a, b in zip(started, ended, strict=True))


class PlaceIndex:
    """Per place, its records sorted by date: built once per dataset, asked once per period.

    Each record is one row of (incident, killed, injured, inexact, longer report, clearance),
    so one pair of binary searches per place answers every figure at once."""

    def __init__(self, dataset: Dataset) -> None:
        rows: dict[str, list[tuple[int, int, tuple[int, ...]]]] = {}

        def add(places: Iterable[str], period: Period, values: tuple[int, ...]) -> None:
            first, last = _days(period)
            for place in places:
                rows.setdefault(place, []).append((first, last, values))

        told: set[tuple[object, ...]] = set()  # incidents already added through their event
        for event in dataset.events:
            if not event.places:
                continue
            figures = dict(event.figures)
            if KILLED in figures or INJURED in figures:
                killed, injured = figures.get(KILLED), figures.get(INJURED)
                add(event.places, event.date, _incident(killed, injured))
                told.add(_same_incident(event.date, event.places, killed, injured))
            else:
                add(event.places, event.date, (0, 0, 0, 0, 0, 0))
        for report in dataset.casualties:
            if not report.places:
                continue
            twin = _same_incident(report.date, report.places, report.killed, report.injured)
            if _is_incident(report) and twin in told:
                add(report.places, report.date, (0, 0, 0, 0, 0, 0))  # listed, added once
            elif _is_incident(report):
                add(report.places, report.date, _incident(report.killed, report.injured))
            else:
                add(report.places, report.date, (0, 0, 0, 0, 1, 0))
        for cleared in dataset.clearance:
            add(cleared.places, cleared.date, (0, 0, 0, 0, 0, 1))
        self.place_ids = tuple(dataset.places)
        self._tracks = {place: _Track(found, 6) for place, found in rows.items()}

    def figures(self, period: DateRange) -> dict[str, PlaceFigures]:
        """Every place of the dataset with its records and casualties in ``period``."""
        first, last = period.first.toordinal(), period.last.toordinal()
        nothing = (0, 0, 0, 0, 0, 0, 0)
        found: dict[str, PlaceFigures] = {}
        for place in self.place_ids:
            track = self._tracks.get(place)
            records, incidents, killed, injured, rough, reports, clearance = (
                track.overlapping(first, last) if track is not None else nothing
            )
            found[place] = PlaceFigures(
                place, killed, injured, incidents, records, reports, clearance, rough > 0
            )
        return found


def _same_incident(
    date: Period, places: tuple[str, ...], killed: Count | None, injured: Count | None
) -> tuple[object, ...]:
    return (date.sort_key(), tuple(sorted(places)), killed, injured)


def _incident(killed: Count | None, injured: Count | None) -> tuple[int, ...]:
    killed_value, rough_killed = _value(killed)
    injured_value, rough_injured = _value(injured)
    return (1, killed_value, injured_value, int(rough_killed or rough_injured), 0, 0)


def _is_incident(report: CasualtyReport) -> bool:
    return report.span is Span.INCIDENT


def place_figures(dataset: Dataset, period: DateRange) -> dict[str, PlaceFigures]:
    """Each place's figures for ``period`` (keep a ``PlaceIndex`` to ask often)."""
    return PlaceIndex(dataset).figures(period)


def marker_diameters(figures: Mapping[str, PlaceFigures]) -> dict[str, float]:
    """Marker diameter per place with records, so that a marker's AREA shows its casualties.

    The place with the most casualties in the period gets ``MAX_MARKER``; the others' areas are in
    proportion, never smaller than ``MIN_MARKER`` (which is also the size of a place whose
    records give no casualty figure). Places without records in the period get no entry."""
    largest = max((f.casualties or 0 for f in figures.values()), default=0)
    sizes: dict[str, float] = {}
    for place, found in figures.items():
        if not found.has_records:
            continue
        casualties = found.casualties or 0
        if largest <= 0 or casualties <= 0:
            sizes[place] = MIN_MARKER
        else:
            sizes[place] = max(MIN_MARKER, MAX_MARKER * math.sqrt(casualties / largest))
    return sizes
