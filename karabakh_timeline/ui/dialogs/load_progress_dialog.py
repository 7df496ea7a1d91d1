"""Progress, and a way out, while a large dataset loads: used by File → Open and at start-up.

Loading runs in the window's thread (the model is plain Python and holds the interpreter while
it works, so a second thread would not keep the window any livelier). The loader calls back
often (``karabakh_timeline.model.load_progress``); each call moves the bar and lets Qt handle
input, so the Cancel button works. A load that will clearly be slow (judged by the files' sizes)
shows the dialog at once; any other shows it only once Qt estimates it will take more than half
a second, so small datasets open without a flash. Once the data is read, the dialog stays up,
without its Cancel button, while the views for it are made (seconds for a million events).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from karabakh_timeline.model.load_progress import STEPS
from karabakh_timeline.model.loader import slow_to_load

SHOW_AFTER_MS = 500


class LoadProgressDialog(QProgressDialog):
    """The loader's ``progress`` callback: call it with (done, total); False means stop."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(f"Opening {path.name}…", "Cancel", 0, STEPS, parent)
        self.setObjectName("loadProgress")
        self.setWindowTitle("Opening a dataset")
        self.setWindowModality(
            Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        )
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(SHOW_AFTER_MS)

    def __call__(self, done: int, total: int) -> bool:
        if total != self.maximum():
            self.setMaximum(total)
        self.setValue(done)  # once shown, this also lets Qt handle input (a modal dialog)
        return not self.wasCanceled()

    def preparing_window(self, events: int) -> None:
        """Loading is done; say so while the window for the dataset is made (no Cancel then)."""
        self.setLabelText(f"Drawing {events:,} events…")
        self.setCancelButton(None)
        self.setValue(self.maximum())
        if self.isVisible():  # let it repaint; a hidden dialog must not let input in meanwhile
            QApplication.processEvents()

    def show_now(self) -> None:
        """Show before the first (possibly long) step, so the user sees the load begin."""
        self.forceShow()
        QApplication.processEvents()


@contextmanager
def load_progress(path: Path | str, parent: QWidget | None = None) -> Iterator[LoadProgressDialog]:
    """A progress dialog for loading ``path``, and a busy pointer, for as long as the block runs."""
    dialog = LoadProgressDialog(Path(path), parent)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if slow_to_load(path):
            dialog.show_now()
        yield dialog
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
