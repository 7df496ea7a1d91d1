"""The records of a selected period as CSV tables: events, casualty reports, clearance reports.

Each table says where its rows come from (source ids, titles, publishers and addresses), and a
figure the source does not give is an empty cell: unknown, never 0. Figures published with a
qualifier ("at least 3") keep their number in the figure's column and are listed in full in the
``qualified`` column, so adding up a column never hides that a part was a lower bound.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from karabakh_timeline import __version__
from karabakh_timeline.model.dates import DateRange, Overlap, PartialDate, Period
from karabakh_timeline.model.event_filter import EventFilter, filter_events
from karabakh_timeline.model.figures import Area, Count, Qualifier
from karabakh_timeline.model.query import reports_at_places
from karabakh_timeline.model.records import (
    AREA_METHODS,
    CASUALTY_SPLITS,
    ITEM_TYPES,
    CasualtyReport,
    ClearanceReport,
    Dataset,
    Event,
    Report,
)

LIST_SEPARATOR = " | "
"""Joins several values in one cell (source titles, places): titles themselves hold ';' and ','."""

KINDS = ("events", "casualties", "clearance", "sources")
"""The tables there are, in the order they go into a zip."""

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark, so spreadsheet programs read 'Ağdam' and 'Kəlbəcər' correctly."""

Row = list[str]


@dataclass(frozen=True, slots=True)
class DataFilter:
    """Which records to export: those overlapping ``selected`` and, with places, placed at one
    of them; events also by category and text (``event_filter``, the window's own rule)."""

    selected: DateRange
    categories: frozenset[str] | None = None  # event categories to keep; None keeps all
    search: str = ""
    places: frozenset[str] = frozenset()  # place ids; empty keeps every place

    def event_filter(self, dataset: Dataset) -> EventFilter:
        return EventFilter.showing(
            dataset, self.categories, self.search, self.places, self.selected
        )


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]

    def csv_text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return buffer.getvalue()

    def csv_bytes(self) -> bytes:
        return self.csv_text().encode(CSV_ENCODING)


SOURCE_COLUMNS = ("source_ids", "source_titles", "source_publishers", "source_urls")
DATE_COLUMNS = ("start", "end", "date")

EVENT_HEADER = (
    "id", *DATE_COLUMNS, "category", "category_label", "title", "description", "places",
    "figures", "qualified", "confidence", "note", "conflicts", *SOURCE_COLUMNS,
)  # fmt: skip

CASUALTY_HEADER = (
    "id", *DATE_COLUMNS, "overlap", "span", "scope", "series", "counts", "organisation",
    "killed", "injured", "total", *CASUALTY_SPLITS, "other", "qualified",
    "places", "description", "confidence", "note", "conflicts", *SOURCE_COLUMNS,
)  # fmt: skip

CLEARANCE_HEADER = (
    "id", *DATE_COLUMNS, "overlap", "span", "scope", "activity", "series", "organisation",
    *(f"area_{method}_m2" for method in AREA_METHODS),
    *(f"items_{kind}" for kind in ITEM_TYPES),
    "areas_as_published", "land_use", "other", "qualified",
    "places", "description", "confidence", "note", "conflicts", *SOURCE_COLUMNS,
)  # fmt: skip

SOURCE_HEADER = ("id", "title", "publisher", "url", "date", "confidence", "note", "cited_by")


def selected_events(dataset: Dataset, data_filter: DataFilter) -> list[Event]:
    return filter_events(dataset, data_filter.event_filter(dataset))


def selected_reports(
    reports: Sequence[Report], selected: DateRange, places: frozenset[str] = frozenset()
) -> list[tuple[Report, Overlap]]:
    """Reports wholly or partly inside the period (and at one of ``places``, when given), as the
    linked panels list them."""
    found: list[tuple[Report, Overlap]] = []
    for report in reports_at_places(reports, places):
        overlap = selected.classify(report.date)
        if overlap is not Overlap.OUTSIDE:
            found.append((report, overlap))
    return found


def events_table(dataset: Dataset, data_filter: DataFilter) -> Table:
    rows = []
    for event in selected_events(dataset, data_filter):
        category = dataset.categories.get(event.category)
        rows.append(
            [
                event.id,
                *_date_cells(event.date),
                event.category,
                category.label if category else "",
                event.title,
                event.description,
                _places(dataset, event.places),
                _named_figures(event.figures),
                _qualified(event.figures),
                event.confidence.value if event.confidence else "",
                event.note,
                _conflicts(dataset, event.id),
                *_source_cells(dataset, event.sources),
            ]
        )
    return Table("events", EVENT_HEADER, tuple(rows))


def casualties_table(dataset: Dataset, data_filter: DataFilter) -> Table:
    rows = []
    for report, overlap in selected_reports(
        dataset.casualties, data_filter.selected, data_filter.places
    ):
        assert isinstance(report, CasualtyReport)
        named: list[tuple[str, Count]] = [
            (name, value)
            for name in ("killed", "injured", "total")
            if (value := getattr(report, name)) is not None
        ]
        named += list(report.splits)
        figures = dict(named)
        rows.append(
            [
                *_report_start(report, overlap),
                report.counts.value,
                report.organisation,
                *(_count(figures.get(name)) for name in ("killed", "injured", "total")),
                *(_count(figures.get(name)) for name in CASUALTY_SPLITS),
                _named_figures(report.other),
                _qualified([*named, *report.other]),
                *_report_end(dataset, report),
            ]
        )
    return Table("casualties", CASUALTY_HEADER, tuple(rows))


def clearance_table(dataset: Dataset, data_filter: DataFilter) -> Table:
    rows = []
    for report, overlap in selected_reports(
        dataset.clearance, data_filter.selected, data_filter.places
    ):
        assert isinstance(report, ClearanceReport)
        areas, items = dict(report.areas), dict(report.items)
        figures: list[tuple[str, Count | Area]] = [
            *report.areas,
            *report.items,
            *report.land_use,
            *report.other,
        ]
        rows.append(
            [
                report.id,
                *_date_cells(report.date),
                overlap.value,
                report.span.value,
                report.scope,
                report.activity.value,
                report.series or "",
                report.organisation,
                *(_area_m2(areas.get(method)) for method in AREA_METHODS),
                *(_count(items.get(kind)) for kind in ITEM_TYPES),
                _named_figures(report.areas),
                _named_figures(report.land_use),
                _named_figures(report.other),
                _qualified(figures),
                *_report_end(dataset, report),
            ]
        )
    return Table("clearance", CLEARANCE_HEADER, tuple(rows))


def sources_table(dataset: Dataset, data_filter: DataFilter) -> Table:
    """Every source cited by an exported event or report, with the ids of what cites it."""
    cited: dict[str, list[str]] = {}
    records: list[Event | Report] = [*selected_events(dataset, data_filter)]
    for group in (dataset.casualties, dataset.clearance):
        records += [
            report
            for report, _ in selected_reports(group, data_filter.selected, data_filter.places)
        ]
    for record in records:
        for source_id in record.sources:
            cited.setdefault(source_id, []).append(record.id)
    rows = []
    for source_id, source in dataset.sources.items():
        if source_id in cited:
            rows.append(
                [
                    source.id,
                    source.title,
                    source.publisher,
                    source.url or "",
                    source.date.iso() if source.date else "",
                    source.confidence.value if source.confidence else "",
                    source.note,
                    LIST_SEPARATOR.join(cited[source_id]),
                ]
            )
    return Table("sources", SOURCE_HEADER, tuple(rows))


def table(dataset: Dataset, data_filter: DataFilter, kind: str) -> Table:
    builders = {
        "events": events_table,
        "casualties": casualties_table,
        "clearance": clearance_table,
        "sources": sources_table,
    }
    if kind not in builders:
        raise ValueError(f"unknown table '{kind}'; known: {', '.join(KINDS)}")
    return builders[kind](dataset, data_filter)


def data_zip(dataset: Dataset, data_filter: DataFilter, exported_on: dt.date) -> bytes:
    """The four tables as CSV files in one zip, with a README.txt saying what they hold."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme_text(dataset, data_filter, exported_on))
        for kind in KINDS:
            archive.writestr(f"{kind}.csv", table(dataset, data_filter, kind).csv_bytes())
    return buffer.getvalue()


def readme_text(dataset: Dataset, data_filter: DataFilter, exported_on: dt.date) -> str:
    info = dataset.info
    lines = [
        f"{info.name}, version {info.version}",
        f"Period: {data_filter.selected.display()} "
        f"({data_filter.selected.first.isoformat()} to {data_filter.selected.last.isoformat()})",
        f"Filters: {filters_text(dataset, data_filter)}",
        f"Exported on {exported_on.isoformat()} with Karabakh Timeline {__version__}",
    ]
    if info.licence:
        lines.append(f"Licence of the data: {info.licence}")
    lines += [
        "",
        "events.csv      events overlapping the period (after the filters above)",
        "casualties.csv  casualty reports wholly ('within') or partly ('partial') in the period",
        "clearance.csv   clearance, survey and contamination reports, the same way",
        "sources.csv     every source the rows above cite, with the ids of the rows citing it",
        "",
        "An empty figure cell means the source does not give that figure: unknown, not zero.",
        "Numbers published with a qualifier ('at least 3') are listed in the 'qualified' column.",
        "Areas are in square metres in the area_*_m2 columns and as published in",
        "'areas_as_published'. Dates keep their precision: 2004, 2004-06 or 2004-06-03; an empty",
        "start or end is an open end ('as of 2019', 'since 2020').",
        f"Several values in one cell are joined by '{LIST_SEPARATOR.strip()}'.",
        "Reports are never added up here; see the app or `karabakh-timeline summary` for totals",
        "that avoid double counting.",
        "",
    ]
    return "\r\n".join(lines)


def filters_text(dataset: Dataset, data_filter: DataFilter) -> str:
    parts = []
    if data_filter.categories is not None and set(data_filter.categories) != set(
        dataset.categories
    ):
        labels = [
            dataset.categories[c].label if c in dataset.categories else c
            for c in sorted(data_filter.categories)
        ]
        parts.append(f"event categories {', '.join(labels) or '(none)'}")
    if data_filter.search:
        parts.append(f"events matching '{data_filter.search}'")
    if data_filter.places:
        places = data_filter.event_filter(dataset).places_text(dataset)
        parts.append(f"records at {places}")
    return "; ".join(parts) if parts else "none"


def _date_cells(period: Period) -> list[str]:
    return [_iso(period.start), _iso(period.end), period.display()]


def _iso(date: PartialDate | None) -> str:
    return date.iso() if date is not None else ""


def _report_start(report: Report, overlap: Overlap) -> list[str]:
    return [
        report.id,
        *_date_cells(report.date),
        overlap.value,
        report.span.value,
        report.scope,
        report.series or "",
    ]


def _report_end(dataset: Dataset, report: Report) -> list[str]:
    return [
        _places(dataset, report.places),
        report.description,
        report.confidence.value if report.confidence else "",
        report.note,
        _conflicts(dataset, report.id),
        *_source_cells(dataset, report.sources),
    ]


def _source_cells(dataset: Dataset, ids: Iterable[str]) -> list[str]:
    sources = [dataset.sources[i] for i in ids if i in dataset.sources]
    return [
        LIST_SEPARATOR.join(s.id for s in sources),
        LIST_SEPARATOR.join(s.title for s in sources),
        LIST_SEPARATOR.join(s.publisher for s in sources),
        LIST_SEPARATOR.join(s.url or "" for s in sources),
    ]


def _places(dataset: Dataset, ids: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(dataset.places[i].name if i in dataset.places else i for i in ids)


def _conflicts(dataset: Dataset, record_id: str) -> str:
    return LIST_SEPARATOR.join(c.id for c in dataset.conflicts_of(record_id))


def _count(value: Count | None) -> str:
    return str(value.value) if value is not None else ""


def _area_m2(value: Area | None) -> str:
    return _number(value.m2) if value is not None else ""


def _number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _as_written(value: Count | Area) -> str:
    """A figure as the dataset format writes it: '92000', 'about 92000', '5.14 km2'."""
    if isinstance(value, Count):
        number = str(value.value)
    else:
        number = f"{_number(value.published)} {value.unit}"
    if value.qualifier is Qualifier.EXACT:
        return number
    return f"{value.qualifier.value} {number}"


def _named_figures(figures: Iterable[tuple[str, Count | Area]]) -> str:
    return LIST_SEPARATOR.join(f"{name}: {_as_written(value)}" for name, value in figures)


def _qualified(figures: Iterable[tuple[str, Count | Area]]) -> str:
    return _named_figures(
        (name, value) for name, value in figures if value.qualifier is not Qualifier.EXACT
    )
