"""Disputed figures side by side: every record of a conflict, its sources, and the difference.

A reader must never see one of two conflicting figures without the other, so every member of a
conflict is shown here, also those lying outside the selected period (marked as such).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from karabakh_timeline.model.dates import DateRange, Overlap
from karabakh_timeline.model.figure_names import figure_label, figure_name
from karabakh_timeline.model.figures import Area, Count, Qualifier, format_m2
from karabakh_timeline.model.organisations import organisation_in_full
from karabakh_timeline.model.query import ComparedFigure, compare_conflict
from karabakh_timeline.model.records import Conflict, Dataset, Event, Record
from karabakh_timeline.source_html import cited_sources
from karabakh_timeline.ui.panels.report_cells import UNKNOWN, UNKNOWN_TIP, area_text

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
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.anchorClicked.connect(self._open)
        self._conflicts: tuple[Conflict, ...] = ()
        self._fitted_width: int | None = None  # the width the height was last fitted to

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self._conflicts

    def show_conflicts(
        self, dataset: Dataset, conflicts: tuple[Conflict, ...], selected: DateRange | None
    ) -> None:
        self._conflicts = conflicts
        self.setHtml(conflicts_html(dataset, conflicts, selected))
        self._fitted_width = None
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # Shown whole inside the panel's own scroll area, never behind a second scroll bar.
        # Laying the tables out is the costly part: only for a new text or a new width, and
        # only once shown (a hidden view has no width of its own yet).
        width = self.viewport().width()
        if width == self._fitted_width or not self.isVisible():
            return
        self._fitted_width = width
        document = self.document()
        document.setTextWidth(width)
        height = int(document.size().height()) + 2 * self.frameWidth() + 4
        if document.idealWidth() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
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
    """Who says what (A, B, C…), then the figures in columns A, B, C side by side.

    Lettered columns stay narrow, so every record's figure is in view together even in a narrow
    panel; the records' names, periods and sources are in the key above the figures, their
    notes below.
    """
    members = [(rid, dataset.record(rid)) for rid in conflict.records]
    letters = [_letter(n) for n in range(len(members))]
    key = "".join(
        f"<tr><td valign='top'><b>{letter}</b></td>"
        f"<td>{_member_html(dataset, rid, record, selected)}</td></tr>"
        for letter, (rid, record) in zip(letters, members, strict=True)
    )
    compared = compare_conflict(dataset, conflict)
    # A figure only one record gives disputes nothing; it is named below, not tabled.
    shared = [f for f in compared if sum(v is not None for v in f.values) >= 2] or list(compared)
    head = "".join(f"<th align='right'>{letter}</th>" for letter in letters)
    rows = [f"<tr><th></th>{head}<th align='right'>Difference</th></tr>"]
    for figure in shared:
        values = [_value(figure.name, value) for value in figure.values]
        rows.append(_row(figure_label(figure.name), values, _difference(figure)))
    text = f"<h4>Disputed: {html.escape(conflict.quantity)}</h4>"
    text += f"<table cellspacing='0' cellpadding='2'>{key}</table>"
    text += "<table border='1' cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"
    if conflict.note:
        text += f"<p>{html.escape(conflict.note)}</p>"
    notes = [
        f"<b>{letter}</b>: {html.escape(record.note)}"
        for letter, (_, record) in zip(letters, members, strict=True)
        if record is not None and record.note
    ]
    if notes:
        text += "<p>" + "<br>".join(notes) + "</p>"
    alone = [figure_label(f.name) for f in compared if f not in shared]
    if alone:
        text += f"<p><small>Given by one record only: {html.escape(', '.join(alone))}.</small></p>"
    return text


def _letter(number: int) -> str:
    return chr(ord("A") + number) if number < 26 else f"R{number + 1}"


def _row(label: str, cells: list[str], difference: str) -> str:
    # Figures and labels never break inside: they are short, and a break would misread.
    cell = "<td align='right' style='white-space:nowrap'>"
    body = "".join(f"{cell}{value}</td>" for value in cells)
    head = f"<th align='left' style='white-space:nowrap'>{html.escape(label)}</th>"
    return f"<tr>{head}{body}{cell}{difference}</td></tr>"


def _member_html(
    dataset: Dataset, record_id: str, record: Record | None, selected: DateRange | None
) -> str:
    if record is None:
        return html.escape(record_id)
    name = (
        record.title
        if isinstance(record, Event)
        else organisation_in_full(dataset, record.organisation)
    )
    parts = [f"<b>{html.escape(name)}</b>, {_period(record, selected)}"]
    parts.append(f"Source: {_sources(dataset, record)}")
    confidence = _confidence(dataset, record)
    if confidence != UNKNOWN:
        parts.append(f"Confidence: {confidence}")
    parts.append(f"<small>{html.escape(record_id)}</small>")
    return "<br>".join(parts)


def _period(record: Record | None, selected: DateRange | None) -> str:
    if record is None:
        return UNKNOWN
    text = html.escape(record.date.display())
    if selected is not None and selected.classify(record.date) is Overlap.OUTSIDE:
        text += f" <i>({OUTSIDE_MARK})</i>"
    return text


def _value(name: str, value: Count | Area | None) -> str:
    if value is None:
        return UNKNOWN
    shown = area_text(value) if isinstance(value, Area) else figure_name(name).value_text(value)
    return html.escape(shown)


def _difference(figure: ComparedFigure) -> str:
    difference = figure.difference
    if difference is None:
        return UNKNOWN
    text = format_m2(difference) if figure.is_area else f"{difference:,.0f}"
    exact = all(v.qualifier is Qualifier.EXACT for v in figure.values if v is not None)
    if not exact:
        text = f"≈ {text}"
    if figure.given < len(figure.values):
        text += f" <small>(between the {figure.given} that give it)</small>"
    return text


def _sources(dataset: Dataset, record: Record | None) -> str:
    if record is None:
        return UNKNOWN
    return cited_sources(dataset, record.sources) or UNKNOWN


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
