"""Help dialogs: About (the app, the dataset, its licence and every source) and the shortcuts.

The shortcuts table is built from the window's own actions, so it can never list a key the
window does not use, or miss one it does.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline import APP_NAME, __version__
from karabakh_timeline.model.basemap import bundled_basemap
from karabakh_timeline.model.problems import Problem
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.timeline.keys import TIMELINE_KEYS

APP_LICENCE = "MIT"
PROBLEMS_SHOWN = 20  # in the problems box's main text; every problem is in its details

MOUSE_HELP = (
    ("Wheel, or Ctrl+wheel", "Zoom in or out around the pointer"),
    (
        "Shift+wheel on the lanes, or the wheel over the lane names",
        "Scroll the lanes up or down, when they are taller than their room",
    ),
    ("Drag on the lanes", "Pan through time"),
    ("Shift+drag on the lanes, or drag on the count track", "Select a period"),
    ("Drag an edge of the selected period", "Resize the period"),
    ("Drag inside the period on the count track", "Move the period"),
    ("Click an event", "Show the event's details"),
    ("Click an era in the era strip", "Select the era's period"),
    ("Click empty space in the lanes", "Clear the selected event (the period stays)"),
    ("Double-click a year's label on the date axis, or between its ticks", "Select the year"),
    ("Click a place on the map (Ctrl+click to add one)", "Show only that place's records"),
    ("Shift+drag on the map", "Show only the places in the box"),
    ("Double-click the map", "Show the whole region again"),
)


def about_html(dataset: Dataset) -> str:
    info = dataset.info
    parts = [
        f"<h2>{APP_NAME} {escape(__version__)}</h2>",
        "<p>A zoomable timeline of the land-mine situation in Nagorno-Karabakh from 1991 to "
        "2023: events, casualties and clearance, each traced to its sources. Where sources "
        "disagree, their figures are shown side by side; a figure no source gives is shown as "
        "unknown, never as zero.</p>",
        f"<p>The app is free software under the {APP_LICENCE} licence.</p>",
        f"<h3>Dataset: {escape(info.name)}</h3>",
        f"<p>Version {escape(info.version)}. {escape(dataset.counts_line())}.</p>",
    ]
    if info.description:
        parts.append(f"<p>{escape(info.description)}</p>")
    licence = escape(info.licence) if info.licence else "not stated by the dataset"
    parts.append(f"<p><b>Data licence:</b> {licence}</p>")
    basemap = bundled_basemap()
    parts.append(
        f"<h3>Base map</h3><p><b>{escape(basemap.credit)}.</b> {escape(basemap.notice)}</p>"
    )
    parts.append(f"<h3>Sources ({len(dataset.sources)})</h3><ol>")
    ordered = sorted(dataset.sources.values(), key=lambda s: (s.publisher.casefold(), s.title))
    for source in ordered:
        line = f"{escape(source.title)} — {escape(source.publisher)}"
        if source.date is not None:
            line += f", {escape(source.date.display())}"
        if source.url:
            url = escape(source.url, quote=True)
            line += f"<br><a href='{url}'>{escape(source.url)}</a>"
        parts.append(f"<li>{line}</li>")
    parts.append("</ol>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.resize(640, 560)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(dataset))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action that has a shortcut, then the mouse."""
    rows = []
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [key for key in keys if key]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…").rstrip("."), ", ".join(keys)))
    rows.extend(TIMELINE_KEYS)
    rows.extend((what, how) for how, what in MOUSE_HELP)
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 520)
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Keys or mouse"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)


def problems_box(parent: QWidget, path: Path, problems: list[Problem], kept: str) -> QMessageBox:
    """A warning listing why a dataset was not opened, one ``file:line: message`` a line."""
    box = QMessageBox(parent)
    box.setObjectName("datasetProblems")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Dataset not opened")
    count = len(problems)
    box.setText(
        f"“{path.name}” has {count} problem{'s' if count != 1 else ''} and was not opened. "
        f"“{kept}” is still shown."
    )
    lines = [str(problem) for problem in problems]
    shown = "\n".join(lines[:PROBLEMS_SHOWN])
    if count > PROBLEMS_SHOWN:
        shown += f"\n… and {count - PROBLEMS_SHOWN} more (see the details)."
    box.setInformativeText(shown)
    box.setDetailedText("\n".join(lines))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
