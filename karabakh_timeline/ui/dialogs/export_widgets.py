"""What the export dialogs share: the range and file choices, and running an export with a busy
indicator and a clear message when it fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.export.safe_write import ExportError
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.selection import Selection

STATUS_SECONDS = 8


class RangeChoice(QGroupBox):
    """What to export: the current view, the selected period, or everything."""

    def __init__(self, view: DateRange, period: DateRange, parent: QWidget | None = None) -> None:
        super().__init__("What to export", parent)
        view = within_full_range(view)
        self._ranges = {"view": view, "period": period, "all": FULL_RANGE}
        labels = {
            "view": f"The current view ({view.display()})",
            "period": f"The selected period ({period.display()})",
            "all": f"The whole of {FULL_RANGE.display()}",
        }
        self._group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for key, label in labels.items():
            button = QRadioButton(label, self)
            self._group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons["view"].setChecked(True)

    def what(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def set_what(self, what: str) -> None:
        if what in self.buttons:
            self.buttons[what].setChecked(True)

    def shown(self) -> DateRange:
        return self._ranges[self.what()]


class FileChoice(QWidget):
    """A file name with a Choose… button; keeps its extension in step with the chosen format."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self._filter = ""
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(360)
        self.button = QPushButton("Choose…", self)
        self.button.clicked.connect(self._choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def path(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()

    def path_with_suffix(self, suffix: str) -> Path:
        """The file to write, ending in ``suffix``; raises ExportError when no name is given."""
        if not self.edit.text().strip():
            raise ExportError("choose a file to export to")
        path = self.path()
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def set_path(self, path: Path) -> None:
        self.edit.setText(str(path))

    def set_suffix(self, suffix: str, name_filter: str) -> None:
        self._filter = name_filter
        text = self.edit.text().strip()
        if text:
            self.edit.setText(str(Path(text).with_suffix(suffix)))

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self._caption, str(self.path()), self._filter)
        if chosen:
            self.edit.setText(chosen)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Callable[[str], None]], None],
) -> bool:
    """Run an export with a busy indicator; a failure becomes a message box. True on success."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)  # quick exports never flash a window
    progress.setValue(0)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def report(text: str) -> None:
        progress.setLabelText(text)
        progress.setValue(0)

    try:
        work(report)
    except ExportError as error:
        failure: str | None = str(error)
    except MemoryError:
        failure = "there is not enough memory for a picture this large; choose a smaller size"
    else:
        failure = None
    finally:
        QGuiApplication.restoreOverrideCursor()
        progress.reset()
        progress.deleteLater()
    if failure is not None:
        show_failure(parent, title, failure)
        return False
    return True


def show_failure(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, "The export failed.", parent=parent)
    box.setInformativeText(sentence(message))
    box.setObjectName("exportFailure")
    # Qt sizes a message box by its first line; paths in the reason need more room than that.
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 380px; }")
    box.exec()


def tell_status_bar(parent: QWidget | None, message: str) -> None:
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(message, STATUS_SECONDS * 1000)


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def within_full_range(view: DateRange) -> DateRange:
    """The view without the margins the timeline leaves around 1991–2023: nothing is drawn there,
    and the footer should name the years the picture is about."""
    first, last = max(view.first, FULL_RANGE.first), min(view.last, FULL_RANGE.last)
    return DateRange(first, last) if first <= last else view


def filters_summary(dataset: Dataset, selection: Selection) -> str:
    parts = []
    hidden = [c for c in dataset.categories if c in selection.hidden_categories]
    if hidden:
        labels = ", ".join(dataset.categories[c].label for c in hidden)
        parts.append(f"hidden categories: {labels}")
    if selection.search.strip():
        parts.append(f"search “{selection.search.strip()}”")
    if selection.places:
        parts.append(f"places: {selection.event_filter.places_text(dataset)}")
    return "; ".join(parts) if parts else "none"


def spin_box(low: int, high: int, value: int, suffix: str, parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setAccelerated(True)
    return spin


def stored_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def export_buttons(dialog: QDialog, accept: Callable[[], None]) -> QDialogButtonBox:
    """Export / Cancel, with Export checking the choices before the dialog closes."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export")
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
