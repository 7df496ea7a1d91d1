"""What the linked panels and ``summary`` show for a selected period, and how totals are made.

Totals never double-count: only reports of one series (non-overlapping by construction) are
added together; multi-year, cumulative and part-year reports, reports of other series and reports
that only partly overlap the period are listed beside the totals, never added into them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.estimates import Estimate, estimates_for
from karabakh_timeline.model.figure_key import FigureKey
from karabakh_timeline.model.figure_names import figure_label, labelled
from karabakh_timeline.model.figures import Area, Count, Qualifier, combine_qualifiers, format_m2
from karabakh_timeline.model.land_release import (
    HAZARDS,
    RELEASE_METHODS,
    REMAINING_STATUSES,
)
from karabakh_timeline.model.records import (
    AREA_METHODS,
    CASUALTY_SPLITS,
    ITEM_TYPES,
    CasualtyReport,
    ClearanceReport,
    Conflict,
    Counts,
    Dataset,
    Event,
    Record,
    Report,
)
from karabakh_timeline.model.report_figures import report_figure

__all__ = ["report_figure"]  # read here by the views, defined beside the records

CASUALTY_FIGURES = ("killed", "injured", "total", *CASUALTY_SPLITS)


@dataclass(frozen=True, slots=True)
class ReportRow:
    report: Report
    overlap: Overlap
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True, slots=True)
class SummedFigure:
    """One figure added up over a series' reports within the period."""

    name: str
    value: float
    qualifier: Qualifier
    reports: tuple[str, ...]  # ids of the reports that gave this figure
    missing: tuple[str, ...]  # ids of the series' reports in the period that did not

    @property
    def is_area(self) -> bool:
        return self.key.is_area

    @property
    def key(self) -> FigureKey:
        return FigureKey.parse(self.name)

    @property
    def label(self) -> str:
        """The figure's plain name: 'Killed', 'Manual clearance area', 'UXO'."""
        return figure_label(self.name)

    @property
    def text(self) -> str:
        """Name and total: 'Killed: ≥ 1,234'."""
        return labelled(self.label, self.display())

    @property
    def bound(self) -> Qualifier:
        """The qualifier the sum is shown with: a sum with unknown parts is only a lower bound."""
        if self.missing and self.qualifier is Qualifier.EXACT:
            return Qualifier.AT_LEAST
        return self.qualifier

    def display(self) -> str:
        """The total as shown: '≥ 1,234' or '5.14 km²'; '≥ 19' where some parts are unknown."""
        value = format_m2(self.value) if self.is_area else f"{self.value:,.0f}"
        return f"{self.bound.symbol}{value}"


@dataclass(frozen=True, slots=True)
class SeriesTotal:
    series_id: str
    label: str
    reports: tuple[str, ...]
    figures: tuple[SummedFigure, ...]
    explanation: str

    def figure(self, name: str) -> SummedFigure | None:
        return next((f for f in self.figures if f.name == name), None)


@dataclass(frozen=True, slots=True)
class Totals:
    by_series: tuple[SeriesTotal, ...]
    left_out: tuple[tuple[str, str], ...]  # (report id, why it is not added in)
    explanation: str


@dataclass(frozen=True, slots=True)
class PanelSummary:
    """Everything one panel (casualties or clearance) shows for a period."""

    within: tuple[ReportRow, ...]
    partial: tuple[ReportRow, ...]
    totals: Totals
    estimates: tuple[Estimate, ...] = ()


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    range: DateRange
    casualties: PanelSummary
    clearance: PanelSummary
    conflicts: tuple[Conflict, ...]


def summarize(dataset: Dataset, selected: DateRange) -> PeriodSummary:
    casualties = summarize_reports(dataset, dataset.casualties, selected)
    clearance = summarize_reports(dataset, dataset.clearance, selected)
    shown = [row.report.id for panel in (casualties, clearance) for row in panel.within]
    shown += [row.report.id for panel in (casualties, clearance) for row in panel.partial]
    conflicts = conflicts_touching(dataset, shown)
    return PeriodSummary(selected, casualties, clearance, conflicts)


def conflicts_touching(dataset: Dataset, record_ids: Iterable[str]) -> tuple[Conflict, ...]:
    found: dict[str, Conflict] = {}
    for record_id in record_ids:
        for conflict in dataset.conflicts_of(record_id):
            found.setdefault(conflict.id, conflict)
    return tuple(found.values())


def summarize_reports(
    dataset: Dataset, reports: Sequence[Report], selected: DateRange
) -> PanelSummary:
    within: list[ReportRow] = []
    partial: list[ReportRow] = []
    for report in reports:
        overlap = selected.classify(report.date)
        if overlap is Overlap.OUTSIDE:
            continue
        row = ReportRow(report, overlap, dataset.conflicts_of(report.id))
        (within if overlap is Overlap.WITHIN else partial).append(row)
    totals = _totals(dataset, within, partial, selected)
    # Bounds and differences may rest on reports outside the period (a running total to the
    # year before it), so estimates look at every report of the kind, not just those listed.
    pool: Sequence[Report] = reports
    if reports:
        pool = dataset.casualties if isinstance(reports[0], CasualtyReport) else dataset.clearance
    estimates = estimates_for(dataset, pool, selected)
    return PanelSummary(tuple(within), tuple(partial), totals, estimates)


def _totals(
    dataset: Dataset, within: list[ReportRow], partial: list[ReportRow], selected: DateRange
) -> Totals:
    by_series: dict[str, list[Report]] = {}
    left_out: list[tuple[str, str]] = []
    for row in within:
        report = row.report
        if report.series is None:
            article = "an" if report.span.value[0] in "aeiou" else "a"
            reason = f"{article} {report.span.value} report outside any series"
            left_out.append((report.id, reason))
        else:
            by_series.setdefault(report.series, []).append(report)
    for row in partial:
        left_out.append((row.report.id, "only partly inside the period"))
    totals = []
    for series_id in dataset.series:  # in the dataset's order, so output is stable
        members = by_series.get(series_id)
        if members:
            label = dataset.series[series_id].label
            totals.append(_series_total(series_id, label, members, selected))
    lines = [
        "Totals add up only reports of one series lying wholly inside the period; "
        "each series is totalled on its own and never added to another."
    ]
    for total in totals:
        lines.append(total.explanation)
    if left_out:
        lines.append(f"Listed but not added: {len(left_out)} report(s).")
    if not totals:
        lines.append("No series has a report wholly inside this period, so there is no total.")
    return Totals(tuple(totals), tuple(left_out), " ".join(lines))


def _series_total(
    series_id: str, label: str, members: list[Report], selected: DateRange
) -> SeriesTotal:
    figures: list[SummedFigure] = []
    for name in _figure_names(members):
        given = [(report.id, value) for report in members if (value := report_figure(report, name))]
        if not given:
            continue
        missing = tuple(report.id for report in members if report_figure(report, name) is None)
        amount = sum(_amount(value) for _, value in given)
        qualifier = combine_qualifiers(value.qualifier for _, value in given)
        ids = tuple(report_id for report_id, _ in given)
        figures.append(SummedFigure(name, amount, qualifier, ids, missing))
    periods = ", ".join(report.date.display() for report in members)
    explanation = f"{label}: {len(members)} report(s) added ({periods})."
    gaps = [f for f in figures if f.missing]
    if gaps:
        explanation += " Figures some reports do not give are summed over the others only: " + (
            "; ".join(f"{f.label} unknown for {len(f.missing)}" for f in gaps)
        )
        explanation += "."
    explanation += _gaps_and_definitions(members, selected)
    return SeriesTotal(series_id, label, tuple(r.id for r in members), tuple(figures), explanation)


RELEASE_FIGURES = tuple(FigureKey.release(h, m).text for h in HAZARDS for m in RELEASE_METHODS)
REMAINING_FIGURES = tuple(
    FigureKey.remaining(h, s).text for h in HAZARDS for s in REMAINING_STATUSES
)


def _gaps_and_definitions(members: list[Report], selected: DateRange) -> str:
    """Name the years of the period the series' reports leave out and, where its reports count
    different things, which count what: a long total must not look complete or uniform."""
    years = range(selected.first.year, selected.last.year + 1)
    touched = {
        year
        for report in members
        if report.date.first_day and report.date.last_day
        for year in range(report.date.first_day.year, report.date.last_day.year + 1)
    }
    words = ""
    missing = [year for year in years if year not in touched]
    if missing and len(years) > 1:
        words += f" No report of the series for {year_list(tuple(missing))}."
    kinds: dict[str, list[str]] = {}
    for report in members:
        if isinstance(report, CasualtyReport):
            kinds.setdefault(report.counts.description, []).append(report.date.display())
    if len(kinds) > 1:
        words += " Mixed definitions: " + "; ".join(
            f"{', '.join(dates)} {'count' if len(dates) > 1 else 'counts'} {kind}"
            for kind, dates in kinds.items()
            if kind != Counts.MINE_ERW.description
        )
        words += "."
    return words


def year_list(years: tuple[int, ...]) -> str:
    """(1991, 1992, 1993, 2005) -> '1991–1993, 2005'."""
    runs: list[list[int]] = []
    for year in years:
        if runs and runs[-1][-1] == year - 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _figure_names(members: list[Report]) -> list[str]:
    """The figures that may be added up over a series: remaining contamination never is."""
    if isinstance(members[0], CasualtyReport):
        return list(CASUALTY_FIGURES)
    return [
        *RELEASE_FIGURES,
        *(FigureKey.area(m).text for m in AREA_METHODS),
        *(FigureKey.items(t).text for t in ITEM_TYPES),
    ]


def _amount(value: Count | Area) -> float:
    return value.m2 if isinstance(value, Area) else float(value.value)


def at_places(record: Record, places: frozenset[str]) -> bool:
    """Whether a record passes the places filter: no filter, or placed at one of ``places``."""
    return not places or not places.isdisjoint(record.places)


def reports_at_places(reports: Sequence[Report], places: frozenset[str]) -> Sequence[Report]:
    """The reports placed at one of ``places``; all of them when the filter is empty."""
    if not places:
        return reports
    return [report for report in reports if at_places(report, places)]


@dataclass(frozen=True, slots=True)
class ComparedFigure:
    """One figure as each record of a conflict gives it, side by side, none preferred."""

    name: str
    values: tuple[Count | Area | None, ...]  # in the order of the conflict's records

    @property
    def given(self) -> int:
        """How many of the records give this figure."""
        return sum(value is not None for value in self.values)

    @property
    def difference(self) -> float | None:
        """Largest minus smallest (m² for areas) among the records that give the figure;
        unknown when fewer than two give it."""
        amounts = [_amount(value) for value in self.values if value is not None]
        if len(amounts) < 2:
            return None
        return max(amounts) - min(amounts)

    @property
    def is_area(self) -> bool:
        return any(isinstance(value, Area) for value in self.values)


def record_figures(record: Record) -> tuple[tuple[str, Count | Area], ...]:
    """Every figure a record states, named as in totals: 'killed', 'area:manual', 'incidents'."""
    if isinstance(record, Event):
        return record.figures
    found: list[tuple[str, Count | Area]] = []
    names = _figure_names([record])
    if isinstance(record, ClearanceReport):
        names += REMAINING_FIGURES
    for name in names:
        value = report_figure(record, name)
        if value is not None:
            found.append((name, value))
    return (*found, *record.other)


def compare_conflict(dataset: Dataset, conflict: Conflict) -> tuple[ComparedFigure, ...]:
    """Each figure any record of the conflict gives, with every record's value for it."""
    members = [dataset.record(record_id) for record_id in conflict.records]
    stated = [dict(record_figures(m)) if m is not None else {} for m in members]
    names = list(dict.fromkeys(name for figures in stated for name in figures))
    return tuple(
        ComparedFigure(name, tuple(figures.get(name) for figures in stated)) for name in names
    )
