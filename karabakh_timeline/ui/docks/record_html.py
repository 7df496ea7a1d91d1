"""What the details panel writes the same way for an event and for a report: its style, its
places with their other names, and its sources with every detail and a clickable address."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from karabakh_timeline.model.place_names import Naming, other_names, place_name
from karabakh_timeline.model.records import Dataset

STYLE = (
    "<style>h2 { margin: 0 0 4px 0; } p { margin: 4px 0; } .meta { color: #444; }"
    " td, th { padding: 2px 6px 2px 0; vertical-align: top; } h4 { margin: 10px 0 4px 0; }"
    " .kind { color: #555; font-size: small; font-weight: bold; margin: 0; }"
    " .stale { background: #fff4d6; color: #5a4300; padding: 4px; }"
    "</style>"
)


def kind_html(kind: str) -> str:
    """The line above the title that says what the panel shows: 'Event', 'Casualty report'."""
    return f"<p class='kind'>{escape(kind.upper())}</p>"


def places_html(dataset: Dataset, ids: Iterable[str], naming: Naming = Naming.ENGLISH) -> str:
    """'<b>Places:</b> Zangilan (also Zengilan, …)', or nothing when no place is named; each
    place by its name in ``naming``, its other names after it."""
    items = []
    for place_id in ids:
        place = dataset.places.get(place_id)
        if place is None:
            continue
        others = other_names(place, naming)
        also = f" <span class='meta'>(also {escape(', '.join(others))})</span>" if others else ""
        items.append(f"{escape(place_name(place, naming))}{also}")
    return f"<p><b>Places:</b> {'; '.join(items)}</p>" if items else ""


def sources_html(dataset: Dataset, ids: Iterable[str]) -> str:
    """Each source: title, publisher, date, confidence, address as a link, note."""
    items = []
    for source_id in ids:
        source = dataset.sources.get(source_id)
        if source is None:
            continue
        line = f"<b>{escape(source.title)}</b><br>{escape(source.publisher)}"
        if source.date is not None:
            line += f", {escape(source.date.display())}"
        if source.confidence is not None:
            line += f" · confidence {source.confidence.value}"
        if source.url:
            url = escape(source.url, quote=True)
            line += f"<br><a href='{url}'>{escape(source.url)}</a>"
        else:
            line += "<br><span class='meta'>No address given</span>"
        if source.note:
            line += f"<br><span class='meta'>{escape(source.note)}</span>"
        items.append(f"<li>{line}</li>")
    return f"<ul style='margin-left: 0; -qt-list-indent: 1;'>{''.join(items)}</ul>"
