"""Edit → Copy link to this view, the same view as a command line, and a citation of it.

The link (``model.view_link``) and the citation (``model.citation``) are made from what the
window shows at the moment of copying: the dataset it was opened from, the span in view, the
selected period and event, and the filters (categories, search and the places chosen on the
map). Each action puts plain text on the clipboard and
says in the status bar what it copied.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QStatusBar, QWidget

from karabakh_timeline import APP_NAME, __version__
from karabakh_timeline.model.citation import Citation
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.model.view_link import ViewLink
from karabakh_timeline.ui.added_datasets import AddedDatasets
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.view import TimelineView

STATUS_TIME = 8000  # ms a "Copied …" message stays in the status bar


def path_text(path: Path | None) -> str | None:
    """A dataset's path as a link names it: absolute, so the link works from any folder."""
    return str(path.resolve()) if path is not None else None


class LinkedWindow(Protocol):
    """What a link needs of the window: the dataset and its path, those added over it, the
    selection and the span shown, and a status bar to say what was copied."""

    @property
    def dataset(self) -> Dataset: ...
    @property
    def dataset_path(self) -> Path | None: ...
    @property
    def added_datasets(self) -> AddedDatasets: ...
    @property
    def selection(self) -> Selection: ...
    @property
    def timeline(self) -> TimelineView: ...
    def statusBar(self) -> QStatusBar: ...


class ViewLinkActions(QObject):
    """The window's four copy actions; ``link()`` is the view they describe."""

    def __init__(self, parent: QWidget, window: LinkedWindow) -> None:
        super().__init__(parent)
        self._parent = parent
        self._window = window
        self.copy_link = self._action(
            "Copy &link to this view",
            "A karabakh-timeline: address that opens exactly this view again",
            self._copy_link,
            "Ctrl+Shift+L",
        )
        self.copy_command = self._action(
            "Copy view as &command line",
            "The karabakh-timeline command that opens exactly this view",
            self._copy_command,
        )
        self.copy_citation = self._action(
            "Copy &citation",
            "The dataset, its version, the period, today's date and the link, as plain text",
            self._copy_citation,
        )
        self.copy_bibtex = self._action(
            "Copy citation as &BibTeX",
            "The same citation as a BibTeX @misc entry",
            self._copy_bibtex,
        )
        self.actions = [self.copy_link, self.copy_command, self.copy_citation, self.copy_bibtex]

    def _action(self, text: str, tip: str, slot: object, keys: str = "") -> QAction:
        action = QAction(text, self._parent)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self._parent.addAction(action)
        return action

    def link(self) -> ViewLink:
        w = self._window
        selection = w.selection
        first, last = w.timeline.x_range()
        return ViewLink(
            data=path_text(w.dataset_path),
            added=tuple(str(path.resolve()) for path in w.added_datasets.paths()),
            shown=DateRange(first, last),
            period=None if selection.is_everything else selection.period,
            event=selection.event_id,
            hidden=tuple(sorted(selection.hidden_categories)),
            search=selection.search,
            places=tuple(sorted(selection.places)),
        )

    def citation(self, accessed: dt.date | None = None) -> Citation:
        info = self._window.dataset.info
        selection = self._window.selection
        if selection.is_everything:
            first, last = self._window.timeline.x_range()
            period = DateRange(first, last)
        else:
            period = selection.period
        return Citation(
            info.name,
            info.version,
            period,
            accessed or dt.date.today(),
            self.link().to_uri(),
            f"{APP_NAME} {__version__}",
        )

    def _put(self, text: str, what: str) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        self._window.statusBar().showMessage(f"Copied {what}", STATUS_TIME)

    def _copy_link(self) -> None:
        link = self.link()
        self._put(link.to_uri(), f"the link to this view · command line: {link.command_line()}")

    def _copy_command(self) -> None:
        self._put(self.link().command_line(), "the command line that opens this view")

    def _copy_citation(self) -> None:
        self._put(self.citation().text(), "the citation of this view")

    def _copy_bibtex(self) -> None:
        self._put(self.citation().bibtex(), "the citation of this view as BibTeX")
