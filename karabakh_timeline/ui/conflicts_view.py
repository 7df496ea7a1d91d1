"""Disputed figures side by side: every record of a conflict, its sources, and the difference.

A reader must never see one of two conflicting figures without the other, so every member of a
conflict is shown here, also those lying outside the selected period (marked as such).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.figures import Area, Count, Qualifier, format_m2
from karabakh_timeline.model.query import ComparedFigure, compare_conflict
from karabakh_timeline.model.records import Conflict, Dataset, Event, Record
from karabakh_timeline.ui.report_cells import UNKNOWN, UNKNOWN_TIP, area_text
from karabakh_timeline.ui.totals_view import figure_label

OUTSIDE_MARK = "outside the selected period"


class ConflictsView(QTextBrowser):
    """Shows ``show_conflicts(...)``'s conflicts as side-by-side tables; links open in a browser."""

    link_opened = Signal(QUrl)
    """A source address was clicked and handed to the desktop; carries the address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self._open)
        self._conflicts: tuple[Conflict, ...] = ()

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self._conflicts

    def show_conflicts(
        self, dataset: Dataset, conflicts: tuple[Conflict, ...], selected: DateRange | None
    ) -> None:
        self._conflicts = conflicts
        self.setHtml(conflicts_html(dataset, conflicts, selected))
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # Shown whole inside the panel's own scroll area, never behind a second scroll bar.
        document = self.document()
        document.setTextWidth(self.viewport().width())
        height = int(document.size().height()) + 2 * self.frameWidth() + 4
        if self.height() != height:
            self.setFixedHeight(height)

    def _open(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)
        self.link_opened.emit(url)


def conflicts_html(
    dataset: Dataset, conflicts: tuple[Conflict, ...], selected: DateRange | None
) -> str:
    parts = [_conflict_html(dataset, conflict, selected) for conflict in conflicts]
    footnote = (
        f"<p><small>{UNKNOWN} = {html.escape(UNKNOWN_TIP)}. "
        "≈ = at least one of the figures is approximate or a lower bound. "
        "No figure is preferred over another.</small></p>"
    )
    return "".join(parts) + (footnote if parts else "")


def _conflict_html(dataset: Dataset, conflict: Conflict, selected: DateRange | None) -> str:
    members = [(rid, dataset.record(rid)) for rid in conflict.records]
    head = "".join(f"<th>{_member_title(rid, record)}</th>" for rid, record in members)
    rows = [f"<tr><th></th>{head}<th>Difference</th></tr>"]
    rows.append(_row("Period", [_period(record, selected) for _, record in members], ""))
    for figure in compare_conflict(dataset, conflict):
        values = [_value(value) for value in figure.values]
        rows.append(_row(figure_label(figure.name), values, _difference(figure), numeric=True))
    rows.append(_row("Source", [_sources(dataset, record) for _, record in members], ""))
    rows.append(_row("Confidence", [_confidence(dataset, record) for _, record in members], ""))
    notes = [html.escape(record.note) if record else "" for _, record in members]
    if any(notes):
        rows.append(_row("Note", notes, ""))
    text = f"<h4>Disputed: {html.escape(conflict.quantity)}</h4>"
    text += "<table border='1' cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"
    if conflict.note:
        text += f"<p>{html.escape(conflict.note)}</p>"
    return text


def _row(label: str, cells: list[str], difference: str, numeric: bool = False) -> str:
    align = " align='right'" if numeric else ""
    body = "".join(f"<td{align}>{cell}</td>" for cell in cells)
    return f"<tr><th align='left'>{label}</th>{body}<td{align}>{difference}</td></tr>"


def _member_title(record_id: str, record: Record | None) -> str:
    if record is None:
        return html.escape(record_id)
    name = record.title if isinstance(record, Event) else record.organisation
    return f"{html.escape(name)}<br><small>{html.escape(record_id)}</small>"


def _period(record: Record | None, selected: DateRange | None) -> str:
    if record is None:
        return UNKNOWN
    text = html.escape(record.date.display())
    if selected is not None and selected.classify(record.date) is Overlap.OUTSIDE:
        text += f"<br><i>({OUTSIDE_MARK})</i>"
    return text


def _value(value: Count | Area | None) -> str:
    if value is None:
        return UNKNOWN
    return html.escape(area_text(value) if isinstance(value, Area) else value.display())


def _difference(figure: ComparedFigure) -> str:
    difference = figure.difference
    if difference is None:
        return UNKNOWN
    text = format_m2(difference) if figure.is_area else f"{difference:,.0f}"
    exact = all(v is not None and v.qualifier is Qualifier.EXACT for v in figure.values)
    return text if exact else f"≈ {text}"


def _sources(dataset: Dataset, record: Record | None) -> str:
    if record is None:
        return UNKNOWN
    parts = []
    for source_id in record.sources:
        source = dataset.sources.get(source_id)
        if source is None:
            continue
        title = html.escape(source.title)
        if source.url:
            title = f"<a href='{html.escape(source.url, quote=True)}'>{title}</a>"
        parts.append(f"{title}<br><small>{html.escape(source.publisher)}</small>")
    return "<br>".join(parts) or UNKNOWN


def _confidence(dataset: Dataset, record: Record | None) -> str:
    if record is None:
        return UNKNOWN
    if record.confidence is not None:
        return record.confidence.value
    levels = [
        dataset.sources[s].confidence
        for s in record.sources
        if s in dataset.sources and dataset.sources[s].confidence is not None
    ]
    if not levels:
        return UNKNOWN
    return " / ".join(dict.fromkeys(f"{level.value} (source)" for level in levels if level))
