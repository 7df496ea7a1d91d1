"""An answer for any period: the bounds every report puts on a figure, per scope and definition.

For one figure (killed, injured, total, an area, an item type), one scope and one definition
(what the reports count), the reports of a period give:

- a **lower bound**: the largest of the sum of one additive series' reports lying wholly inside
  the period and the largest single report (or derived figure) inside it;
- an **upper bound**: the smallest exact or "at most" report (or derived figure) whose period
  takes in the whole selected period, running totals with an open start included;
- **derived** figures: the difference of two running totals of one cumulative series, with
  qualifier arithmetic, and a single year isolated from it where the yearly series gives the
  other years; a negative difference is the source revising itself, never a figure;
- a **conflict** when the lower bound lies above the upper one (shown, never clamped);
- **coverage**: the share of the period the lower bound's reports cover, and the years with no
  figure at all.

Reports of different scopes or definitions are never mixed. Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.figure_key import FigureKey, FigureKind
from karabakh_timeline.model.figures import Area, Count, Qualifier, format_m2
from karabakh_timeline.model.organisations import short_organisation
from karabakh_timeline.model.records import (
    AREA_METHODS,
    ITEM_TYPES,
    CasualtyReport,
    ClearanceReport,
    Dataset,
    Report,
    Span,
)
from karabakh_timeline.model.report_figures import report_figure

CASUALTY_ESTIMATE_FIGURES = ("total", "killed", "injured")
CLEARANCE_ESTIMATE_FIGURES = (
    *(FigureKey.area(method).text for method in AREA_METHODS if method != "mined"),
    *(FigureKey.items(kind).text for kind in ITEM_TYPES),
)
_LOWER = frozenset({Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.MORE_THAN})
_UPPER = frozenset({Qualifier.EXACT, Qualifier.AT_MOST})


@dataclass(frozen=True, slots=True)
class Part:
    """One figure an estimate rests on: a report's, a series sum or a derived difference."""

    value: float
    qualifier: Qualifier  # EXACT, AT_LEAST or AT_MOST
    first: dt.date
    last: dt.date
    reports: tuple[str, ...]
    who: str  # the organisation(s), short
    derived: bool = False
    open_start: bool = False
    when: str = ""  # a single report's period as the dataset gives it ('until 2019')

    @property
    def span(self) -> DateRange:
        return DateRange(self.first, self.last)

    def period_text(self) -> str:
        if self.when:
            return self.when
        if self.open_start:
            return f"until {DateRange(self.last, self.last).display()}"
        return self.span.display()


@dataclass(frozen=True, slots=True)
class Derived:
    """The difference of two running totals (or a year isolated from one), marked as derived."""

    value: float | None  # None for a revision: the later total is the smaller
    qualifier: Qualifier
    first: dt.date
    last: dt.date
    reports: tuple[str, ...]
    how: str

    @property
    def is_revision(self) -> bool:
        return self.value is None

    def to_part(self, who: str) -> Part:
        assert self.value is not None
        return Part(
            self.value, self.qualifier, self.first, self.last, self.reports, who, derived=True
        )


@dataclass(frozen=True, slots=True)
class Estimate:
    figure: str
    scope: str
    counts: str  # what the reports count: a Counts value, or a clearance activity
    lower: Part | None
    upper: Part | None
    derived: tuple[Derived, ...]
    coverage: float | None  # share of the period the lower bound's reports cover
    missing_years: tuple[int, ...]
    is_area: bool

    @property
    def is_conflict(self) -> bool:
        return (
            self.lower is not None
            and self.upper is not None
            and self.lower.value > self.upper.value
        )

    @property
    def reports(self) -> tuple[str, ...]:
        ids = [
            *(self.lower.reports if self.lower else ()),
            *(self.upper.reports if self.upper else ()),
        ]
        return tuple(dict.fromkeys(ids))

    def amount(self, value: float) -> str:
        return format_m2(value) if self.is_area else f"{value:,.0f}"


def estimates_for(
    dataset: Dataset, reports: Sequence[Report], selected: DateRange
) -> tuple[Estimate, ...]:
    """Every figure, scope and definition that a report overlapping ``selected`` speaks to."""
    figures = (
        CASUALTY_ESTIMATE_FIGURES
        if not reports or isinstance(reports[0], CasualtyReport)
        else CLEARANCE_ESTIMATE_FIGURES
    )
    found: list[Estimate] = []
    for figure in figures:
        groups: dict[tuple[str, str], list[Report]] = {}
        for report in reports:
            if report.span is Span.SNAPSHOT or _value(report, figure) is None:
                continue
            groups.setdefault((report.scope, _definition(report)), []).append(report)
        for (scope, counts), members in groups.items():
            if any(selected.classify(r.date) is not Overlap.OUTSIDE for r in members):
                found.append(_estimate(dataset, figure, scope, counts, members, selected))
    # A figure with no bound at all is kept only where nothing else bounds that figure, to say so.
    bounded = {e.figure for e in found if e.lower is not None or e.upper is not None}
    found = [e for e in found if e.lower or e.upper or e.figure not in bounded]
    order = {scope: rank for rank, scope in enumerate(dataset.scopes)}
    found.sort(
        key=lambda e: (
            order.get(e.scope, len(order)),
            e.counts not in ("mine-erw", "clearance"),
            e.counts,
            figures.index(e.figure),
        )
    )
    return tuple(found)


def _definition(report: Report) -> str:
    return report.counts.value if isinstance(report, CasualtyReport) else report.activity.value


def _value(report: Report, figure: str) -> Count | Area | None:
    """A report's figure; a total not given is at least killed plus injured where both are."""
    value = report_figure(report, figure)
    if value is None and figure == "total" and isinstance(report, CasualtyReport):
        killed, injured = report.killed, report.injured
        if killed is not None and injured is not None:
            lower = {killed.qualifier, injured.qualifier} <= _LOWER
            return Count(killed.value + injured.value, Qualifier.AT_LEAST) if lower else None
    return value


def _amount(value: Count | Area) -> float:
    return value.m2 if isinstance(value, Area) else float(value.value)


def _bound_qualifier(qualifier: Qualifier) -> Qualifier:
    return Qualifier.AT_LEAST if qualifier is Qualifier.MORE_THAN else qualifier


def _report_part(dataset: Dataset, report: Report, figure: str) -> Part | None:
    value = _value(report, figure)
    first = report.date.first_day
    last = report.date.last_day
    if value is None or last is None:
        return None
    return Part(
        _amount(value),
        _bound_qualifier(value.qualifier),
        first or dt.date.min,
        last,
        (report.id,),
        short_organisation(dataset, report.organisation),
        open_start=first is None,
        when=report.date.display(),
    )


def _estimate(
    dataset: Dataset,
    figure: str,
    scope: str,
    counts: str,
    members: list[Report],
    selected: DateRange,
) -> Estimate:
    parts = [p for r in members if (p := _report_part(dataset, r, figure)) is not None]
    derived = _derived(dataset, figure, members)
    usable = [d.to_part(_who(dataset, d.reports)) for d in derived if not d.is_revision]
    candidates = parts + usable
    inside = [p for p in candidates if p.first >= selected.first and p.last <= selected.last]
    lowers = [p for p in inside if p.qualifier in _LOWER]
    lowers += _series_sums(dataset, figure, members, selected)
    uppers = [
        p
        for p in candidates
        if p.qualifier in _UPPER and p.first <= selected.first and p.last >= selected.last
    ]
    lower = max(lowers, key=lambda p: (p.value, -len(p.reports)), default=None)
    upper = min(uppers, key=lambda p: (p.value, p.last - p.first), default=None)
    shown = tuple(d for d in derived if _touches(d, selected))
    coverage = _coverage(dataset, lower, selected) if lower is not None else None
    missing = _missing_years(inside, selected)
    is_area = FigureKey.parse(figure).kind is FigureKind.AREA
    return Estimate(figure, scope, counts, lower, upper, shown, coverage, missing, is_area)


def _who(dataset: Dataset, report_ids: Iterable[str]) -> str:
    names = []
    for report_id in report_ids:
        record = dataset.record(report_id)
        if isinstance(record, CasualtyReport | ClearanceReport):
            names.append(short_organisation(dataset, record.organisation))
    return " / ".join(dict.fromkeys(names))


def _touches(derived: Derived, selected: DateRange) -> bool:
    return derived.last >= selected.first and derived.first <= selected.last


def _series_sums(
    dataset: Dataset, figure: str, members: list[Report], selected: DateRange
) -> list[Part]:
    """For each additive series: the sum of its reports lying wholly inside the period."""
    by_series: dict[str, list[Part]] = {}
    for report in members:
        series = dataset.series.get(report.series or "")
        if series is None or series.is_cumulative:
            continue
        if selected.classify(report.date) is not Overlap.WITHIN:
            continue
        part = _report_part(dataset, report, figure)
        if part is not None and part.qualifier in _LOWER:
            by_series.setdefault(series.id, []).append(part)
    sums = []
    for parts in by_series.values():
        if len(parts) < 2:
            continue  # one report is already a candidate on its own
        exact = all(p.qualifier is Qualifier.EXACT for p in parts)
        sums.append(
            Part(
                sum(p.value for p in parts),
                Qualifier.EXACT if exact else Qualifier.AT_LEAST,
                min(p.first for p in parts),
                max(p.last for p in parts),
                tuple(r for p in parts for r in p.reports),
                " / ".join(dict.fromkeys(p.who for p in parts)),
            )
        )
    return sums


def subtract(later: Qualifier, earlier: Qualifier) -> Qualifier | None:
    """The qualifier of a difference: exact − exact is exact, ≥ − exact is ≥, exact − ≥ is ≤;
    ≤ − exact is ≤ and exact − ≤ is ≥; anything else says nothing."""
    later, earlier = _bound_qualifier(later), _bound_qualifier(earlier)
    table = {
        (Qualifier.EXACT, Qualifier.EXACT): Qualifier.EXACT,
        (Qualifier.AT_LEAST, Qualifier.EXACT): Qualifier.AT_LEAST,
        (Qualifier.EXACT, Qualifier.AT_LEAST): Qualifier.AT_MOST,
        (Qualifier.AT_MOST, Qualifier.EXACT): Qualifier.AT_MOST,
        (Qualifier.EXACT, Qualifier.AT_MOST): Qualifier.AT_LEAST,
        (Qualifier.AT_LEAST, Qualifier.AT_MOST): Qualifier.AT_LEAST,
        (Qualifier.AT_MOST, Qualifier.AT_LEAST): Qualifier.AT_MOST,
    }
    return table.get((later, earlier))


def _derived(dataset: Dataset, figure: str, members: list[Report]) -> list[Derived]:
    """Differences of running totals of each cumulative series, then single years isolated."""
    by_series: dict[str, list[Report]] = {}
    for report in members:
        series = dataset.series.get(report.series or "")
        if series is not None and series.is_cumulative and report.date.last_day is not None:
            by_series.setdefault(series.id, []).append(report)
    found: list[Derived] = []
    isolated: list[Derived] = []
    for reports in by_series.values():
        reports.sort(key=lambda r: r.date.last_day or dt.date.max)
        for earlier, later in itertools.combinations(reports, 2):
            difference = _difference(figure, earlier, later)
            if difference is None:
                continue
            found.append(difference)
            # A year is isolated only between two editions that follow each other, so that a
            # slip in one edition does not spread into years far from it.
            consecutive = reports.index(later) == reports.index(earlier) + 1
            if consecutive and not difference.is_revision:
                isolated += _isolate(dataset, figure, members, difference)
    return found + isolated


def _difference(figure: str, earlier: Report, later: Report) -> Derived | None:
    a, b = _value(earlier, figure), _value(later, figure)
    start, end = earlier.date.last_day, later.date.last_day
    if a is None or b is None or start is None or end is None or end <= start:
        return None
    qualifier = subtract(b.qualifier, a.qualifier)
    if qualifier is None:
        return None
    first = start + dt.timedelta(days=1)
    ids = (later.id, earlier.id)
    amount = _amount(b) - _amount(a)
    words = f"{b.display()} ({later.id}) minus {a.display()} ({earlier.id})"
    if amount < 0:
        how = f"{words} is negative: the source revised its earlier figures"
        return Derived(None, qualifier, first, end, ids, how)
    return Derived(amount, qualifier, first, end, ids, words)


def _isolate(
    dataset: Dataset, figure: str, members: list[Report], derived: Derived
) -> list[Derived]:
    """A single year of a derived span, where exact yearly reports give every other year."""
    assert derived.value is not None
    years = range(derived.first.year, derived.last.year + 1)
    if (derived.first.month, derived.first.day, derived.last.month, derived.last.day) != (
        1,
        1,
        12,
        31,
    ) or len(years) < 2:
        return []
    yearly: dict[int, tuple[Report, Count | Area]] = {}
    for report in members:
        series = dataset.series.get(report.series or "")
        if series is None or series.is_cumulative or report.span is not Span.ANNUAL:
            continue
        value = _value(report, figure)
        first = report.date.first_day
        if value is not None and first is not None and first.year in years:
            yearly[first.year] = (report, value)
    missing = [year for year in years if year not in yearly]
    if len(missing) != 1:
        return []
    qualifier = derived.qualifier
    total = derived.value
    for _report, value in yearly.values():
        step = subtract(qualifier, value.qualifier)
        if step is None:
            return []
        qualifier, total = step, total - _amount(value)
    year = missing[0]
    ids = (*derived.reports, *(r.id for r, _ in yearly.values()))
    others = ", ".join(str(y) for y in sorted(yearly))
    how = f"{derived.how}, less the yearly counts for {others}"
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if total < 0:
        return [Derived(None, qualifier, first, last, ids, how + " is negative")]
    return [Derived(total, qualifier, first, last, ids, how)]


def _coverage(dataset: Dataset, lower: Part, selected: DateRange) -> float:
    """The share of the period's days that the lower bound's reports cover."""
    if lower.derived:
        spans = [(lower.first, lower.last)]
    else:
        spans = []
        for report_id in lower.reports:
            record = dataset.record(report_id)
            if record is not None and record.date.last_day is not None:
                spans.append((record.date.first_day or dt.date.min, record.date.last_day))
    covered = 0
    cursor = selected.first
    for first, last in sorted(spans):
        first, last = max(first, cursor), min(last, selected.last)
        if last >= first:
            covered += (last - first).days + 1
            cursor = last + dt.timedelta(days=1)
    return covered / selected.days


def _missing_years(inside: list[Part], selected: DateRange) -> tuple[int, ...]:
    """Years of the period that no report or derived figure lying inside the period touches."""
    years = range(selected.first.year, selected.last.year + 1)
    touched = {y for p in inside for y in range(p.first.year, p.last.year + 1)}
    return tuple(y for y in years if y not in touched)
