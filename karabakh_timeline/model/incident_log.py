"""The incident log beside the official counts: how much of each count the logged incidents cover.

The log's sums are a coverage check, never a figure to add to an official count: "the incidents
logged account for 148 of the 305 casualties ANAMA counts for November 2020 – 4 September 2023".
A log series is a series whose reports are all single incidents; it is compared only with
official reports of the same scope that count mine and ERW casualties. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from karabakh_timeline.model.dates import DateRange, Overlap, Period
from karabakh_timeline.model.figures import Count, Qualifier
from karabakh_timeline.model.records import CasualtyReport, Counts, Dataset, Span


@dataclass(frozen=True, slots=True)
class LoggedSum:
    """The incidents of one log series in a span: how many, and the people they killed or hurt."""

    series_id: str
    label: str
    incidents: int
    killed: int
    injured: int
    complete: bool  # every incident gave both killed and injured, exactly

    @property
    def casualties(self) -> int:
        return self.killed + self.injured

    def figure(self, number: int) -> str:
        return f"{'' if self.complete else 'at least '}{number:,}"

    def display(self) -> str:
        """'45 incidents: at least 30 killed and 70 injured (at least 100 casualties)'."""
        word = "incident" if self.incidents == 1 else "incidents"
        parts = [
            f"{self.figure(number)} {name}"
            for number, name in ((self.killed, "killed"), (self.injured, "injured"))
            if number or self.complete  # "at least 0 killed" says nothing
        ]
        figures = " and ".join(parts) or "no casualties given"
        return f"{self.incidents} {word}: {figures} ({self.figure(self.casualties)} casualties)"


@dataclass(frozen=True, slots=True)
class CoverageLine:
    """How much of one official count the log accounts for, over the count's own period."""

    report_id: str
    organisation: str
    period: str
    figure: str  # 'casualties', 'deaths' or 'injured'
    official: Count
    logged: LoggedSum

    @property
    def logged_number(self) -> int:
        if self.figure == "deaths":
            return self.logged.killed
        if self.figure == "injured":
            return self.logged.injured
        return self.logged.casualties

    def display(self) -> str:
        number = self.logged.figure(self.logged_number)
        return (
            f"the incidents logged account for {number} of the {self.official.display()} "
            f"{self.figure} {self.organisation} counts for {self.period}"
        )


@dataclass(frozen=True, slots=True)
class IncidentCoverage:
    """For a selected period: each log's sums, and each official count they can be set against."""

    logged: tuple[LoggedSum, ...]
    lines: tuple[CoverageLine, ...]

    def text_lines(self) -> list[str]:
        shown = [f"{log.label}: {log.display()}." for log in self.logged]
        shown += [f"Beside the official counts: {line.display()}." for line in self.lines]
        if shown:
            shown.append(
                "The log's sums are a check of how much of each count is known incident by "
                "incident; they are never added to the official counts."
            )
        return shown

    def to_json(self) -> dict[str, object]:
        return {
            "logged": [
                {
                    "series": log.series_id,
                    "label": log.label,
                    "incidents": log.incidents,
                    "killed": log.killed,
                    "injured": log.injured,
                    "casualties": log.casualties,
                    "complete": log.complete,
                }
                for log in self.logged
            ],
            "beside_official_counts": [
                {
                    "report": line.report_id,
                    "figure": line.figure,
                    "official": line.official.to_json(),
                    "logged": line.logged_number,
                    "logged_complete": line.logged.complete,
                    "text": line.display(),
                }
                for line in self.lines
            ],
        }


def log_series(dataset: Dataset) -> dict[str, str]:
    """Series id -> scope id of every series that holds single incidents only."""
    found: dict[str, str] = {}
    others: set[str] = set()
    for report in dataset.casualties:
        if report.series is None:
            continue
        if report.span is Span.INCIDENT:
            found.setdefault(report.series, report.scope)
        else:
            others.add(report.series)
    return {series: scope for series, scope in found.items() if series not in others}


def incident_coverage(dataset: Dataset, selected: DateRange) -> IncidentCoverage:
    logs = log_series(dataset)
    members: dict[str, list[CasualtyReport]] = {series: [] for series in logs}
    for report in dataset.casualties:
        if report.series in members:
            members[report.series].append(report)
    logged = []
    for series_id, reports in members.items():
        inside = [r for r in reports if selected.classify(r.date) is Overlap.WITHIN]
        if inside:
            logged.append(_sum(series_id, dataset.series[series_id].label, inside))
    lines = []
    for report in dataset.casualties:
        if report.series in logs or report.span is Span.INCIDENT:
            continue
        if report.counts is not Counts.MINE_ERW or report.date.start is None:
            continue
        if selected.classify(report.date) is Overlap.OUTSIDE:
            continue
        chosen = _official_figure(report)
        if chosen is None:
            continue
        for series_id, scope in logs.items():
            if scope != report.scope:
                continue
            inside = [r for r in members[series_id] if _within(r.date, report.date)]
            if inside:
                total = _sum(series_id, dataset.series[series_id].label, inside)
                lines.append(
                    CoverageLine(
                        report.id,
                        report.organisation,
                        report.date.display(),
                        chosen[0],
                        chosen[1],
                        total,
                    )
                )
    return IncidentCoverage(tuple(logged), tuple(lines))


def _official_figure(report: CasualtyReport) -> tuple[str, Count] | None:
    """The official count to compare with: all casualties where given, else deaths, else injured."""
    if report.total is not None:
        return "casualties", report.total
    if report.killed is not None and report.injured is not None:
        qualifier = (
            Qualifier.EXACT
            if report.killed.qualifier is report.injured.qualifier is Qualifier.EXACT
            else Qualifier.AT_LEAST
        )
        return "casualties", Count(report.killed.value + report.injured.value, qualifier)
    if report.killed is not None:
        return "deaths", report.killed
    if report.injured is not None:
        return "injured", report.injured
    return None


def _within(inner: Period, outer: Period) -> bool:
    first, last = inner.first_day, inner.last_day
    start, end = outer.first_day, outer.last_day
    if first is None or last is None or start is None:
        return False
    return start <= first and (end is None or last <= end)


def _sum(series_id: str, label: str, reports: Iterable[CasualtyReport]) -> LoggedSum:
    count = killed = injured = 0
    complete = True
    for report in reports:
        count += 1
        for figure, add in ((report.killed, "killed"), (report.injured, "injured")):
            if figure is None or figure.qualifier is not Qualifier.EXACT:
                complete = False
            if figure is not None:
                if add == "killed":
                    killed += figure.value
                else:
                    injured += figure.value
    return LoggedSum(series_id, label, count, killed, injured, complete)
