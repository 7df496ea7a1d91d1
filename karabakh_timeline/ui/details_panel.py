"""The selected event in full: title, date in its precision, places and their other names,
description, figures, sources with clickable addresses, and any disputed figures side by side.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from karabakh_timeline.model.figure_names import figure_text
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.ui.conflicts_view import conflicts_html
from karabakh_timeline.ui.selection import Selection

EMPTY_HTML = (
    "<p style='color:#555'>Click an event on the timeline or in the list to read it here.</p>"
    "<p style='color:#555'>Right and Left (or N and P) step to the next and previous event.</p>"
)

_STYLE = (
    "<style>h2 { margin: 0 0 4px 0; } p { margin: 4px 0; } .meta { color: #444; }"
    " td, th { padding: 2px 6px 2px 0; vertical-align: top; } h4 { margin: 10px 0 4px 0; }"
    "</style>"
)


def event_html(dataset: Dataset, event: Event) -> str:
    category = dataset.categories[event.category].label
    meta = [escape(event.date.display()), escape(category)]
    if event.confidence is not None:
        meta.append(f"confidence {event.confidence.value}")
    parts = [_STYLE, f"<h2>{escape(event.title)}</h2>", f"<p class='meta'>{' · '.join(meta)}</p>"]
    places = [dataset.places[p] for p in event.places if p in dataset.places]
    if places:
        items = []
        for place in places:
            others = [name for name in place.all_names if name != place.name]
            also = (
                f" <span class='meta'>(also {escape(', '.join(others))})</span>" if others else ""
            )
            items.append(f"{escape(place.name)}{also}")
        parts.append(f"<p><b>Places:</b> {'; '.join(items)}</p>")
    parts.append(f"<p>{escape(event.description)}</p>")
    if event.note:
        parts.append(f"<p><i>{escape(event.note)}</i></p>")
    if event.figures:
        lines = "<br>".join(escape(figure_text(name, value)) for name, value in event.figures)
        parts.append(f"<h4>Figures</h4><p>{lines}</p>")
    parts.append("<h4>Sources</h4>")
    parts.append(_sources_html(dataset, event.sources))
    conflicts = dataset.conflicts_of(event.id)
    if conflicts:
        parts.append(conflicts_html(dataset, conflicts, None))
    return "".join(parts)


def _sources_html(dataset: Dataset, ids: tuple[str, ...]) -> str:
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
        if source.note:
            line += f"<br><span class='meta'>{escape(source.note)}</span>"
        items.append(f"<li>{line}</li>")
    return f"<ul style='margin-left: 0; -qt-list-indent: 1;'>{''.join(items)}</ul>"


class DetailsPanel(QTextBrowser):
    """Shows the selection's event; source addresses open in the desktop's browser."""

    link_opened = Signal(QUrl)
    """A link was clicked and handed to the desktop; carries the address."""

    def __init__(self, dataset: Dataset, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        # Mouse-only interaction: the keyboard keeps stepping through events (Left/Right),
        # instead of moving an invisible text cursor.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.anchorClicked.connect(self._open)
        self._dataset = dataset
        self._selection = selection
        self.shown_event_id: str | None = None
        selection.event_changed.connect(self._show)
        self._show(selection.event_id)

    def set_dataset(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._show(self._selection.event_id)

    def _show(self, event_id: str | None) -> None:
        record = self._dataset.record(event_id) if event_id else None
        if isinstance(record, Event):
            self.setHtml(event_html(self._dataset, record))
            self.shown_event_id = record.id
        else:
            self.setHtml(EMPTY_HTML)
            self.shown_event_id = None
        self.verticalScrollBar().setValue(0)

    def _open(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)
        self.link_opened.emit(url)
