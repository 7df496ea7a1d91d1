"""The selected event or report in full. An event: title, date in its precision, places and
their other names, description, figures, sources with clickable addresses, and any disputed
figures side by side; a report: see ``report_inspector``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from karabakh_timeline.model.dates import Overlap
from karabakh_timeline.model.figure_names import figure_text
from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.model.place_text import named_text
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.ui.docks.record_html import STYLE, kind_html, places_html, sources_html
from karabakh_timeline.ui.docks.report_inspector import EVENT_LINK, report_html, report_kind
from karabakh_timeline.ui.panels.conflicts_view import conflicts_html
from karabakh_timeline.ui.selection import Selection

EMPTY_HTML = (
    "<p style='color:#555'>Click an event on the timeline or in the list, or a report in the "
    "casualty or clearance table, to read it here.</p>"
    "<p style='color:#555'>Right and Left (or N and P) step to the next and previous event.</p>"
)


def event_html(dataset: Dataset, event: Event, naming: Naming = Naming.ENGLISH) -> str:
    category = dataset.categories[event.category].label
    meta = [escape(event.date.display()), escape(category)]
    if event.confidence is not None:
        meta.append(f"confidence {event.confidence.value}")
    places = [dataset.places[p] for p in event.places if p in dataset.places]
    parts = [
        STYLE,
        kind_html("Event"),
        f"<h2>{escape(named_text(event.title, places, naming))}</h2>",
        f"<p class='meta'>{' · '.join(meta)}</p>",
    ]
    parts.append(places_html(dataset, event.places, naming))
    parts.append(f"<p>{escape(named_text(event.description, places, naming))}</p>")
    if event.note:
        parts.append(f"<p><i>{escape(event.note)}</i></p>")
    if event.figures:
        lines = "<br>".join(escape(figure_text(name, value)) for name, value in event.figures)
        parts.append(f"<h4>Figures</h4><p>{lines}</p>")
    parts.append("<h4>Sources</h4>")
    parts.append(sources_html(dataset, event.sources))
    conflicts = dataset.conflicts_of(event.id)
    if conflicts:
        parts.append(conflicts_html(dataset, conflicts, None))
    return "".join(parts)


class DetailsPanel(QTextBrowser):
    """Shows the selection's event or report; source addresses open in the desktop's browser.

    It says which it shows, and when the selected period moves away from the item shown, says
    so above it instead of leaving it there as if it belonged to the new period.
    """

    link_opened = Signal(QUrl)
    """A link was clicked and handed to the desktop; carries the address."""

    shown_changed = Signal(str)
    """Another kind of item is shown; carries what it is ("Event", "Casualty report", "")."""

    def __init__(self, dataset: Dataset, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailsPanel")
        self.setAccessibleName("Event details")
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
        self.shown_report_id: str | None = None
        self.shown_kind = ""
        self.is_stale = False  # the item shown lies outside the selected period
        selection.event_changed.connect(self._show)
        selection.report_changed.connect(self._show)
        selection.period_changed.connect(self._period_changed)
        selection.naming_changed.connect(self._period_changed)  # re-render, keep the scroll
        self._show()

    def set_dataset(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._show()

    def _show(self, *_: object) -> None:
        self._render()
        self.verticalScrollBar().setValue(0)

    def _period_changed(self, *_: object) -> None:
        position = self.verticalScrollBar().value()
        was_stale = self.is_stale
        self._render()
        if was_stale == self.is_stale:
            self.verticalScrollBar().setValue(position)  # only the notice above it changed

    def _render(self) -> None:
        selection, dataset = self._selection, self._dataset
        record_id = selection.event_id or selection.report_id
        record = dataset.record(record_id) if record_id else None
        self.shown_event_id = record.id if isinstance(record, Event) else None
        self.shown_report_id = None if record is None or isinstance(record, Event) else record.id
        if record is None:
            self.is_stale, kind = False, ""
            self.setHtml(EMPTY_HTML)
        else:
            period = selection.period
            self.is_stale = period.classify(record.date) is Overlap.OUTSIDE
            if isinstance(record, Event):
                kind, body = "Event", event_html(dataset, record, selection.naming)
            else:
                kind = report_kind(record)
                body = report_html(dataset, record, period, selection.naming)
            notice = stale_html(kind, period.display()) if self.is_stale else ""
            self.setHtml(notice + body)
        if kind != self.shown_kind:
            self.shown_kind = kind
            self.shown_changed.emit(kind)

    def _open(self, url: QUrl) -> None:
        address = url.toString()
        if address.startswith(EVENT_LINK):
            self._selection.set_event(address.removeprefix(EVENT_LINK))
            return
        QDesktopServices.openUrl(url)
        self.link_opened.emit(url)


def stale_html(kind: str, period: str) -> str:
    """The notice above an item that lies outside the selected period."""
    return (
        f"<p class='stale'>This {escape(kind.lower())} lies outside the selected period "
        f"({escape(period)}). It stays here until you choose another.</p>"
    )
