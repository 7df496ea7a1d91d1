"""What an exported picture says about itself, so a reader of the image can trace every figure.

The footer names the period shown, the filters in force, the dataset and its version, the date of
the export, and every source behind what is shown (events drawn, eras named, the casualty and
clearance reports of the period, and the dated control of the places they name). With the
panels' totals asked for, it adds them with the line that explains how they were added up. This
module decides the words; ``footer_drawing`` lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from karabakh_timeline import APP_NAME, __version__
from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.estimate_text import FIGURES_HEADING, estimates_text
from karabakh_timeline.model.event_filter import EventFilter, filter_events
from karabakh_timeline.model.query import PanelSummary, SummedFigure, summarize
from karabakh_timeline.model.records import Dataset, Report, Source


@dataclass(frozen=True, slots=True)
class ShownFilters:
    """The filters the picture was drawn with: hidden event categories, a search text and the
    places events are filtered to."""

    hidden_categories: frozenset[str] = frozenset()
    search: str = ""
    places: frozenset[str] = frozenset()

    @property
    def event_filter(self) -> EventFilter:
        """The same filters as the model's one event filter, over all time."""
        return EventFilter(self.hidden_categories, self.search, self.places)

    def visible_categories(self, dataset: Dataset) -> list[str]:
        return self.event_filter.shown_categories(dataset)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One numbered source of the footer: its words, and its address kept apart, whole."""

    number: int
    text: str  # 'Annual report A — Monitor A, 2005.'
    url: str | None = None

    @property
    def full_text(self) -> str:
        """The entry as one line of text: its words, then its address."""
        return f"{self.text} {self.url}" if self.url else self.text


@dataclass(frozen=True, slots=True)
class FooterContent:
    context: str  # one paragraph: period, filters, dataset, export date
    totals: tuple[str, ...]  # the panels' totals and how they were made; empty unless asked
    sources_heading: str
    sources: tuple[SourceEntry, ...]  # every source, numbered from 1


def footer_content(
    dataset: Dataset,
    shown: DateRange,
    filters: ShownFilters,
    exported_on: dt.date,
    include_totals: bool = False,
    link: str = "",
) -> FooterContent:
    """``link``: the ``karabakh-timeline:`` address of the view, ending the context paragraph."""
    info = dataset.info
    context = (
        f"Period: {shown.display()} ({shown.first.isoformat()} to {shown.last.isoformat()}).  "
        f"Filters: {filters_text(dataset, filters)}.  "
        f"Dataset: {info.name}, version {info.version}.  "
        f"Exported on {exported_on.isoformat()} with {APP_NAME} {__version__}."
    )
    if link:
        context += f"  Open this view: {link}"
    totals = totals_lines(dataset, shown) if include_totals else ()
    sources = sources_shown(dataset, shown, filters)
    heading = f"Sources of what is shown ({len(sources)}):" if sources else "Sources: none shown."
    entries = tuple(
        SourceEntry(number, _source_words(source), source.url)
        for number, source in enumerate(sources, start=1)
    )
    return FooterContent(context, totals, heading, entries)


def filters_text(dataset: Dataset, filters: ShownFilters) -> str:
    parts = []
    hidden = [c for c in dataset.categories if c in filters.hidden_categories]
    if hidden:
        shown = [dataset.categories[c].label for c in filters.visible_categories(dataset)]
        parts.append(f"event categories shown: {', '.join(shown) or 'none'}")
    if filters.search.strip():
        parts.append(f"events matching “{filters.search.strip()}”")
    if filters.places:
        parts.append(f"events at {filters.event_filter.places_text(dataset)}")
    return "; ".join(parts) if parts else "none (every category, no search)"


def sources_shown(dataset: Dataset, shown: DateRange, filters: ShownFilters) -> list[Source]:
    """Sources of the events drawn, the eras in view, the period's reports and the dated control
    of the places they name, in dataset order."""
    events = filter_events(dataset, filters.event_filter.within(shown))
    cited: set[str] = set()
    for event in events:
        cited.update(event.sources)
    for era in dataset.eras:
        if shown.classify(era.date) is not Overlap.OUTSIDE:
            cited.update(era.sources)
    places: set[str] = {place for event in events for place in event.places}
    reports: list[Report] = [*dataset.casualties, *dataset.clearance]
    for report in reports:
        if shown.classify(report.date) is not Overlap.OUTSIDE:
            cited.update(report.sources)
            places.update(report.places)
    # The map colours a place by who held it, so the pages that date its control are cited too.
    for place_id in places:
        place = dataset.places.get(place_id)
        for period in place.control if place is not None else ():
            if shown.classify(period.date) is not Overlap.OUTSIDE:
                cited.update(period.sources)
    return [source for source_id, source in dataset.sources.items() if source_id in cited]


def source_entry(source: Source) -> str:
    """'Annual report A — Monitor A, 2005. https://example.org/a'"""
    return SourceEntry(0, _source_words(source), source.url).full_text


def _source_words(source: Source) -> str:
    text = f"{source.title} — {source.publisher}"
    if source.date is not None:
        text += f", {source.date.display()}"
    return text + "."


FOOTER_FIGURES = frozenset({"total", "area:manual_and_mechanical", "area:unspecified"})
"""The estimates an image's footer gives; the panels and ``summary`` give every figure."""


def totals_lines(dataset: Dataset, shown: DateRange) -> tuple[str, ...]:
    summary = summarize(dataset, shown)
    lines = [
        *_panel_lines(dataset, "Casualties", summary.casualties),
        *_panel_lines(dataset, "Clearance", summary.clearance),
    ]
    if summary.conflicts:
        quantities = "; ".join(conflict.quantity for conflict in summary.conflicts)
        lines.append(f"Sources disagree on: {quantities} (both figures are listed in the app).")
    lines.append("Figures a source does not give are unknown, never counted as 0.")
    return tuple(lines)


def _panel_lines(dataset: Dataset, heading: str, panel: PanelSummary) -> list[str]:
    reports = len(panel.within) + len(panel.partial)
    if not reports:
        return [f"{heading}: no report in this period."]
    # The footer has room for the headline figures only: casualties in total, areas cleared.
    headline = tuple(e for e in panel.estimates if e.figure in FOOTER_FIGURES)
    lines = [
        f"{heading} — {FIGURES_HEADING.lower()}: {line}"
        for line in estimates_text(dataset, headline)
    ]
    for total in panel.totals.by_series:
        lines.append(f"{heading} — {total.label}: {_figures(total.figures)}.")
    lines.append(f"{heading}, how: {panel.totals.explanation}")
    return lines


def _figures(figures: Iterable[SummedFigure]) -> str:
    return ", ".join(figure.text for figure in figures) or "no figure given"
