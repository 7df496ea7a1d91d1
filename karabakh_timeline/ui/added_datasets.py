"""File → Add dataset… and File → Remove added dataset: datasets laid over the one opened.

The window shows one ``Dataset``; this keeps the one opened (the base) and those added, and
shows ``model.overlay.lay_over`` of them whenever one is added or removed. Opening another
dataset (File → Open) starts again from it, with nothing added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QStatusBar, QWidget

from karabakh_timeline.model.loader import check_dataset
from karabakh_timeline.model.overlay import lay_over, layer_prefix
from karabakh_timeline.model.records import Dataset

STATUS_TIME = 8000


class DatasetWindow(Protocol):
    """What adding datasets needs of the window: the dataset it shows, a way to show another,
    where to keep a problems dialog, and a status bar to say what happened."""

    problems_dialog: QMessageBox | None

    @property
    def dataset(self) -> Dataset: ...
    @property
    def dataset_changed(self) -> SignalInstance: ...
    def set_dataset(self, dataset: Dataset) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class AddedDatasets(QObject):
    """The datasets laid over the window's own, with the actions that add and remove them."""

    def __init__(self, parent: QWidget, window: DatasetWindow) -> None:
        super().__init__(parent)
        self._parent = parent
        self._window = window
        self._base = window.dataset
        self._added: list[tuple[Path, str, Dataset]] = []  # path, id prefix, dataset
        self._showing = False
        self.add_action = QAction("&Add dataset…", parent)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        tip = "Lay another dataset over this one on the same time axis, its lanes and reports apart"
        self.add_action.setStatusTip(tip)
        self.add_action.setToolTip(tip)
        self.add_action.triggered.connect(self._choose)
        parent.addAction(self.add_action)
        self.remove_menu = QMenu("&Remove added dataset", parent)
        self.remove_menu.setToolTipsVisible(True)
        window.dataset_changed.connect(self._dataset_changed)
        self._fill_remove_menu()

    def paths(self) -> list[Path]:
        return [path for path, _, _ in self._added]

    def names(self) -> list[str]:
        return [dataset.info.name for _, _, dataset in self._added]

    def add(self, path: Path | str) -> bool:
        """Read the dataset at ``path`` and lay it over; its problems are listed if it has any."""
        from karabakh_timeline.model.load_progress import LoadCancelled
        from karabakh_timeline.ui.dialogs.help_dialogs import problems_box
        from karabakh_timeline.ui.dialogs.load_progress_dialog import load_progress

        path = Path(path)
        try:
            with load_progress(path, self._parent) as progress:
                dataset, problems = check_dataset(path, progress)
                if dataset is not None:
                    progress.preparing_window(
                        len(self._window.dataset.events) + len(dataset.events)
                    )
                    self.add_loaded(path, dataset)
        except LoadCancelled:
            self._say(f"Stopped adding {path.name}: the datasets shown are unchanged")
            QApplication.processEvents()
            return False
        if dataset is None:
            box = problems_box(self._parent, path, problems, self._window.dataset.info.name)
            self._window.problems_dialog = box
            box.open()
            return False
        self._say(f"Added {dataset.info.name} ({path}) over {self._base.info.name}")
        return True

    def add_loaded(self, path: Path, dataset: Dataset) -> None:
        """Lay ``dataset``, read from ``path``, over the others."""
        taken = [prefix for _, prefix, _ in self._added]
        prefix = layer_prefix(path.stem, taken)
        self._added.append((path, prefix, dataset))
        self._show()

    def remove(self, index: int) -> None:
        _, _, dataset = self._added.pop(index)
        self._show()
        self._say(f"Removed {dataset.info.name}; {self._base.info.name} is shown")

    def _show(self) -> None:
        combined = lay_over(self._base, [(prefix, ds) for _, prefix, ds in self._added])
        self._showing = True
        try:
            self._window.set_dataset(combined)
        finally:
            self._showing = False
        self._fill_remove_menu()

    def _dataset_changed(self, dataset: Dataset) -> None:
        if not self._showing:  # another dataset was opened: it is the base, nothing added
            self._base = dataset
            self._added.clear()
            self._fill_remove_menu()

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        for index, (path, _, dataset) in enumerate(self._added):
            action = self.remove_menu.addAction(dataset.info.name.replace("&", "&&"))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, i=index: self.remove(i))
        self.remove_menu.setEnabled(bool(self._added))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            "Add a dataset over this one: YAML or JSON, a TimelineJS timeline or an ACLED export",
            "",
            "Datasets (*.yaml *.yml *.json *.csv);;All files (*)",
        )
        if path:
            self.add(Path(path))

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_TIME)
