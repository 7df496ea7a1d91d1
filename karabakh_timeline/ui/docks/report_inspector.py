"""A casualty or clearance report in full, for the details panel: who reported what, when, where.

Its period in its own precision, its scope and series, every figure it could give (those it does
not give written as unknown, never 0), the organisation, every source with its address as a
link, its note, the disputes it is part of beside the other reports, and the events that happened
on the same dates and in the same places (links that open the event in the same panel).
"""

from __future__ import annotations

from html import escape

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.figure_key import FigureKey, FigureKind
from karabakh_timeline.model.figure_names import figure_label
from karabakh_timeline.model.figures import Area, Count, Qualifier
from karabakh_timeline.model.organisations import listed_short_name, organisation_in_full
from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.model.place_text import named_text
from karabakh_timeline.model.query import record_figures, report_figure
from karabakh_timeline.model.records import (
    AREA_METHODS,
    CASUALTY_SPLITS,
    ITEM_TYPES,
    CasualtyReport,
    ClearanceReport,
    Dataset,
    Report,
)
from karabakh_timeline.model.related_events import events_beside
from karabakh_timeline.model.report_scope import counted_text
from karabakh_timeline.ui.docks.record_html import STYLE, kind_html, places_html, sources_html
from karabakh_timeline.ui.panels.conflicts_view import conflicts_html
from karabakh_timeline.ui.panels.report_cells import SPAN_TIPS, area_text

EVENT_LINK = "event:"
"""Links to an event in the panel are written ``event:<id>``."""

"""Figure kinds that state land: a report giving none of them leaves its area unknown."""

UNKNOWN_WORDS = "unknown (not given by the source; not zero)"


def report_kind(report: Report) -> str:
    """'Casualty report', 'Clearance report', 'Survey report', 'Contamination report'."""
    if isinstance(report, CasualtyReport):
        return "Casualty report"
    return f"{report.activity.value.capitalize()} report"


def report_html(
    dataset: Dataset,
    report: Report,
    selected: DateRange | None = None,
    naming: Naming = Naming.ENGLISH,
) -> str:
    parts = [STYLE, kind_html(report_kind(report))]
    parts.append(f"<h2>{escape(report.organisation)}, {escape(report.date.display())}</h2>")
    parts.append(f"<p class='meta'>{_meta(dataset, report)}</p>")
    if report.description:
        places = [dataset.places[p] for p in report.places if p in dataset.places]
        parts.append(f"<p>{escape(named_text(report.description, places, naming))}</p>")
    parts.append(places_html(dataset, report.places, naming))
    parts.append("<h4>Figures</h4>")
    parts.append(_figures_html(report))
    parts.append(f"<p><b>Reported by:</b> {escape(_reported_by(dataset, report))}</p>")
    if report.note:
        parts.append(f"<h4>Note</h4><p>{escape(report.note)}</p>")
    parts.append("<h4>Sources</h4>")
    parts.append(sources_html(dataset, report.sources))
    conflicts = dataset.conflicts_of(report.id)
    if conflicts:
        parts.append(conflicts_html(dataset, conflicts, selected))
    parts.append(_events_html(dataset, report))
    parts.append(f"<p class='meta'><small>Record {escape(report.id)}</small></p>")
    return "".join(parts)


def _meta(dataset: Dataset, report: Report) -> str:
    meta = [escape(report.date.display()), f"span: {escape(report.span.value)}"]
    meta.append(escape(f"figures cover {SPAN_TIPS[report.span]}"))
    meta.append(f"scope: {escape(counted_text(dataset, report))}")
    if report.series is not None and report.series in dataset.series:
        meta.append(f"series: {escape(dataset.series[report.series].label)}")
    else:
        meta.append("not part of a series, so never added into totals")
    if report.confidence is not None:
        meta.append(f"confidence {report.confidence.value}")
    return " · ".join(meta)


def _figures_html(report: Report) -> str:
    rows = [_figure_row(_label(name), value) for name, value in _figures(report)]
    return f"<table>{''.join(rows)}</table>"


def _label(name: str) -> str:
    key = FigureKey.parse(name)
    if key.kind is FigureKind.LAND_USE and key.name:
        return f"Land use, {figure_label(key.name).lower()}"
    if key.kind is FigureKind.AREA and not key.name:
        return "Area cleared or surveyed"
    if key.kind is FigureKind.ITEMS and not key.name:
        return "Items destroyed"
    return figure_label(key)


def _figures(report: Report) -> list[tuple[str, Count | Area | None]]:
    """Every figure the report's kind can give, in reading order, ``None`` where not given."""
    if isinstance(report, CasualtyReport):
        names = ["killed", "injured", "total", *CASUALTY_SPLITS]
        figures: list[tuple[str, Count | Area | None]] = [
            (name, report_figure(report, name)) for name in names
        ]
        return figures + list(report.other)
    assert isinstance(report, ClearanceReport)
    # Every figure the report states (areas, land released and remaining, items, land use…).
    given: list[tuple[str, Count | Area | None]] = list(record_figures(report))
    names = [name for name, _ in given]
    if not any(FigureKey.parse(name).is_land for name in names):
        given.append(("area", None))
    # A source's own 'items_destroyed' counts too: the row would say "not given" beside it.
    if not any(name.startswith("items") for name in names):
        given.append(("items", None))
    return sorted(given, key=lambda pair: _clearance_order(pair[0]))


def _clearance_order(name: str) -> tuple[int, int]:
    key = FigureKey.parse(name)
    detail = key.name
    if key.kind is FigureKind.AREA:
        return 0, AREA_METHODS.index(detail) if detail in AREA_METHODS else -1
    if key.kind is FigureKind.ITEMS:
        return 1, ITEM_TYPES.index(detail) if detail in ITEM_TYPES else -1  # -1: none given
    if key.kind is FigureKind.LAND_USE:
        return 2, 0
    return 3, 0


def _figure_row(label: str, value: Count | Area | None) -> str:
    if value is None:
        shown = f"<span class='meta'>{escape(UNKNOWN_WORDS)}</span>"
    else:
        text = area_text(value) if isinstance(value, Area) else value.display()
        shown = f"<b>{escape(text)}</b>"
        if value.qualifier is not Qualifier.EXACT:
            shown += f" <span class='meta'>(the source says “{escape(_said(value))}”)</span>"
    return f"<tr><td>{escape(label)}</td><td>{shown}</td></tr>"


def _said(value: Count | Area) -> str:
    number = value.display().removeprefix(value.qualifier.symbol)
    return f"{value.qualifier.value} {number}"


def _events_html(dataset: Dataset, report: Report) -> str:
    events = events_beside(dataset, report)
    where = " and places" if report.places else ""
    if not events:
        return f"<h4>Events on the same dates{where}</h4><p class='meta'>None in the dataset.</p>"
    items = "".join(
        f"<li>{escape(event.date.display())}: "
        f"<a href='{EVENT_LINK}{escape(event.id, quote=True)}'>{escape(event.title)}</a></li>"
        for event in events
    )
    heading = f"Events on the same dates{where} ({len(events)})"
    return f"<h4>{heading}</h4><ul style='margin-left: 0; -qt-list-indent: 1;'>{items}</ul>"


def _reported_by(dataset: Dataset, report: Report) -> str:
    """The report's own words with the organisation's full name, and the short name the
    tables and the count track write for it where the words do not already hold it."""
    text = organisation_in_full(dataset, report.organisation)
    short = listed_short_name(dataset, report.organisation)
    if short and short.casefold() not in text.casefold():
        return f"{text} · short name {short}"
    return text
