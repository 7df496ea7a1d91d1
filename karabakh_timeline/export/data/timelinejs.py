"""The events and eras in TimelineJS3's formats, so a dataset can be published as a web timeline.

Two shapes, both documented by TimelineJS (https://timeline.knightlab.com/docs/):

- its JSON (``title``, ``events``, ``eras``), loaded with ``new TL.Timeline(id, data)``;
- its Google-Sheets template as CSV, with exactly the template's columns (``COLUMNS``).

Each slide's text ends with the event's sources as links, so the published timeline stays
traceable. Categories become TimelineJS groups (one row of the timeline per category).
"""

from __future__ import annotations

import csv
import html
import io
from typing import Any

from karabakh_timeline.model.dates import FULL_RANGE, DateRange, Overlap, PartialDate, Period
from karabakh_timeline.model.figure_names import figures_text
from karabakh_timeline.model.records import Dataset, Era, Event
from karabakh_timeline.source_html import cited_sources

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
"""The columns of TimelineJS's spreadsheet template, in its order."""


def timeline_json(
    dataset: Dataset, events: list[Event] | None = None, shown: DateRange | None = None
) -> dict[str, Any]:
    """TimelineJS3 JSON for ``events`` (default: all) and the eras that overlap ``shown``."""
    chosen = list(dataset.events) if events is None else events
    slides = []
    for event in chosen:
        ends = _ends(event.date)
        if ends is None:
            continue  # TimelineJS cannot place an undated slide
        start, end = ends
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _date_json(start),
            "text": {"headline": html.escape(event.title), "text": event_html(dataset, event)},
            "group": _group(dataset, event),
            "display_date": event.date.display(),
        }
        if end is not None:
            slide["end_date"] = _date_json(end)
        slides.append(slide)
    eras = []
    for era in _eras(dataset, shown):
        start, end = _era_ends(era)
        eras.append(
            {
                "start_date": _date_json(start),
                "end_date": _date_json(end),
                "text": {"headline": html.escape(era.name), "text": _paragraph(era.description)},
            }
        )
    return {"title": {"text": title_text(dataset)}, "events": slides, "eras": eras}


def timeline_csv(
    dataset: Dataset, events: list[Event] | None = None, shown: DateRange | None = None
) -> str:
    """The spreadsheet template as CSV: a title row, a row per era in ``shown``, a row per event."""
    chosen = list(dataset.events) if events is None else events
    rows: list[dict[str, str]] = []
    title = title_text(dataset)
    rows.append({"Headline": title["headline"], "Text": title["text"], "Type": "title"})
    for era in _eras(dataset, shown):
        start, end = _era_ends(era)
        rows.append(
            {
                **_date_cells(start, end),
                "Display Date": era.date.display(),
                "Headline": era.name,
                "Text": _paragraph(era.description),
                "Type": "era",
            }
        )
    for event in chosen:
        ends = _ends(event.date)
        if ends is None:
            continue
        rows.append(
            {
                **_date_cells(*ends),
                "Display Date": event.date.display(),
                "Headline": event.title,
                "Text": event_html(dataset, event),
                "Group": _group(dataset, event),
            }
        )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def title_text(dataset: Dataset) -> dict[str, str]:
    info = dataset.info
    parts = [info.description] if info.description else []
    parts.append(f"Version {info.version}.")
    if info.licence:
        parts.append(f"Licence of the data: {info.licence}.")
    return {"headline": html.escape(info.name), "text": _paragraph(" ".join(parts))}


def event_html(dataset: Dataset, event: Event) -> str:
    """The slide text: the description, places, figures and the sources as links."""
    parts = [_paragraph(event.description)]
    places = [dataset.places[p].name for p in event.places if p in dataset.places]
    if places:
        parts.append(_paragraph(f"Places: {', '.join(places)}"))
    if event.figures:
        parts.append(_paragraph(f"Figures: {figures_text(event.figures, ', ')}"))
    sources = cited_sources(dataset, event.sources)
    if sources:
        parts.append(f"<p>Sources: {sources}</p>")
    return "".join(parts)


def _eras(dataset: Dataset, shown: DateRange | None) -> list[Era]:
    if shown is None:
        return list(dataset.eras)
    return [era for era in dataset.eras if shown.classify(era.date) is not Overlap.OUTSIDE]


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text)}</p>" if text else ""


def _group(dataset: Dataset, event: Event) -> str:
    category = dataset.categories.get(event.category)
    return category.label if category else event.category


def _ends(period: Period) -> tuple[PartialDate, PartialDate | None] | None:
    """Start and end for TimelineJS, which needs a start: an open start takes the end's date."""
    start = period.start or period.end
    if start is None:
        return None
    end = period.end if period.end is not None and period.end != start else None
    return start, end


def _era_ends(era: Era) -> tuple[PartialDate, PartialDate]:
    """Eras need both ends in TimelineJS; an open end runs to the edge of the app's span."""
    last = FULL_RANGE.last
    start = era.date.start or PartialDate(FULL_RANGE.first.year)
    end = era.date.end or PartialDate(last.year, last.month, last.day)
    return start, end


def _date_json(date: PartialDate) -> dict[str, int]:
    result = {"year": date.year}
    if date.month is not None:
        result["month"] = date.month
    if date.day is not None:
        result["day"] = date.day
    return result


def _date_cells(start: PartialDate, end: PartialDate | None) -> dict[str, str]:
    cells = {"Year": str(start.year), "Month": _text(start.month), "Day": _text(start.day)}
    if end is not None:
        cells.update(
            {"End Year": str(end.year), "End Month": _text(end.month), "End Day": _text(end.day)}
        )
    return cells


def _text(number: int | None) -> str:
    return str(number) if number is not None else ""
