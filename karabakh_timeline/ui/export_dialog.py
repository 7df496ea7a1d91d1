"""The window's Export image… and Export data… dialogs.

They only gather choices: the files are made by ``export.image_export.export_image`` and
``export.data_files.data_bytes``, the same code the command line runs, so an export from the
window equals ``karabakh-timeline export`` with the same settings. Failures are shown in a
message box in one sentence; nothing is left half-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
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

from karabakh_timeline.export.data_export import KINDS, DataFilter
from karabakh_timeline.export.data_files import TIMELINEJS_CSV, TIMELINEJS_JSON, ZIP, data_bytes
from karabakh_timeline.export.image_export import (
    DPI_LIMITS,
    ORIENTATIONS,
    PAGE_SIZES,
    SIZE_LIMITS,
    ImageExportSettings,
    export_image,
)
from karabakh_timeline.export.safe_write import ExportError, write_bytes_atomically
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.selection import Selection

IMAGE_FORMATS = (("PNG picture", ".png"), ("SVG drawing (vector)", ".svg"), ("PDF page", ".pdf"))
DATA_FORMATS = (
    ("CSV tables in a zip (events, casualties, clearance, sources)", ZIP, ".zip"),
    ("One CSV table", "table", ".csv"),
    ("TimelineJS spreadsheet (CSV)", TIMELINEJS_CSV, ".csv"),
    ("TimelineJS JSON", TIMELINEJS_JSON, ".json"),
)
TABLE_LABELS = {
    "events": "Events",
    "casualties": "Casualty reports",
    "clearance": "Clearance reports",
    "sources": "Sources",
}
SETTINGS_GROUP = "export"
STATUS_SECONDS = 8


class _RangeChoice(QGroupBox):
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


class _FileChoice(QWidget):
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


class ExportImageDialog(QDialog):
    """Export image…: format, what to show, size (PNG/SVG) or page (PDF), panels' totals, file."""

    def __init__(
        self,
        dataset: Dataset,
        selection: Selection,
        view_range: DateRange,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export image")
        self._dataset = dataset
        self._selection = selection

        self.format_combo = QComboBox(self)
        for label, suffix in IMAGE_FORMATS:
            self.format_combo.addItem(label, suffix)
        self.range_choice = _RangeChoice(view_range, selection.period, self)

        self.width_spin = _spin(*SIZE_LIMITS, 1920, " px", self)
        self.height_spin = _spin(*SIZE_LIMITS, 1080, " px", self)
        self.dpi_spin = _spin(*DPI_LIMITS, 96, " dpi", self)
        self.size_box = QGroupBox("Size", self)
        size_form = QFormLayout(self.size_box)
        size_form.addRow("Width:", self.width_spin)
        size_form.addRow("Height:", self.height_spin)
        size_form.addRow("Resolution:", self.dpi_spin)
        self.dpi_note = QLabel("Text keeps its printed size at any resolution.", self.size_box)
        self.dpi_note.setWordWrap(True)
        size_form.addRow(self.dpi_note)

        self.page_combo = QComboBox(self)
        self.page_combo.addItems(list(PAGE_SIZES))
        self.orientation_combo = QComboBox(self)
        for name in ORIENTATIONS:
            self.orientation_combo.addItem(name.capitalize(), name)
        self.page_box = QGroupBox("Page", self)
        page_form = QFormLayout(self.page_box)
        page_form.addRow("Page size:", self.page_combo)
        page_form.addRow("Orientation:", self.orientation_combo)

        self.panels_check = QCheckBox(
            "Include the casualty and clearance totals for the period", self
        )
        filters = _filters_summary(dataset, selection)
        self.filters_label = QLabel(f"Filters in force: {filters}", self)
        self.filters_label.setWordWrap(True)
        self.file_choice = _FileChoice("Export image", self)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export")
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("File:", self.file_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.range_choice)
        layout.addWidget(self.size_box)
        layout.addWidget(self.page_box)
        layout.addWidget(self.panels_check)
        layout.addWidget(self.filters_label)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._restore()
        self._format_changed()

    def suffix(self) -> str:
        suffix: str = self.format_combo.currentData()
        return suffix

    def set_format(self, suffix: str) -> None:
        index = self.format_combo.findData(suffix)
        if index >= 0:
            self.format_combo.setCurrentIndex(index)

    def settings(self) -> ImageExportSettings:
        """The choices as export settings; raises ExportError for a choice that cannot work."""
        path = self.file_choice.path()
        if not str(self.file_choice.edit.text()).strip():
            raise ExportError("choose a file to export to")
        if path.suffix.lower() != self.suffix():
            path = path.with_suffix(self.suffix())
        return ImageExportSettings(
            path=path,
            shown=self.range_choice.shown(),
            what=self.range_choice.what(),
            width=self.width_spin.value(),
            height=self.height_spin.value(),
            dpi=self.dpi_spin.value(),
            page=self.page_combo.currentText(),
            orientation=str(self.orientation_combo.currentData()),
            hidden_categories=self._selection.hidden_categories,
            search=self._selection.search,
            include_panels=self.panels_check.isChecked(),
        )

    def _format_changed(self) -> None:
        suffix = self.suffix()
        self.size_box.setVisible(suffix != ".pdf")
        self.dpi_spin.setEnabled(suffix == ".png")
        self.dpi_note.setVisible(suffix == ".png")
        self.page_box.setVisible(suffix == ".pdf")
        label = self.format_combo.currentText()
        self.file_choice.set_suffix(suffix, f"{label} (*{suffix})")
        self.adjustSize()

    def _accept_if_valid(self) -> None:
        try:
            self.settings()
        except ExportError as error:
            QMessageBox.warning(self, "Export image", _sentence(str(error)))
            return
        self._save()
        self.accept()

    def _restore(self) -> None:
        stored = QSettings()
        stored.beginGroup(SETTINGS_GROUP)
        self.set_format(str(stored.value("image_format", ".png")))
        self.range_choice.set_what(str(stored.value("image_what", "view")))
        self.width_spin.setValue(_int(stored.value("image_width"), 1920))
        self.height_spin.setValue(_int(stored.value("image_height"), 1080))
        self.dpi_spin.setValue(_int(stored.value("image_dpi"), 96))
        self.page_combo.setCurrentText(str(stored.value("page", "A4")))
        index = self.orientation_combo.findData(str(stored.value("orientation", "landscape")))
        self.orientation_combo.setCurrentIndex(max(0, index))
        self.panels_check.setChecked(str(stored.value("panels", "false")) == "true")
        folder = Path(str(stored.value("folder", str(Path.home()))))
        stored.endGroup()
        name = f"karabakh-timeline-{dt.date.today().isoformat()}{self.suffix()}"
        self.file_choice.set_path(folder / name)

    def _save(self) -> None:
        stored = QSettings()
        stored.beginGroup(SETTINGS_GROUP)
        stored.setValue("image_format", self.suffix())
        stored.setValue("image_what", self.range_choice.what())
        stored.setValue("image_width", self.width_spin.value())
        stored.setValue("image_height", self.height_spin.value())
        stored.setValue("image_dpi", self.dpi_spin.value())
        stored.setValue("page", self.page_combo.currentText())
        stored.setValue("orientation", self.orientation_combo.currentData())
        stored.setValue("panels", "true" if self.panels_check.isChecked() else "false")
        stored.setValue("folder", str(self.file_choice.path().parent))
        stored.endGroup()


class ExportDataDialog(QDialog):
    """Export data…: the records of a period as CSV tables or for TimelineJS."""

    def __init__(
        self,
        dataset: Dataset,
        selection: Selection,
        view_range: DateRange,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export data")
        self._dataset = dataset
        self._selection = selection

        self.format_combo = QComboBox(self)
        for label, shape, suffix in DATA_FORMATS:
            self.format_combo.addItem(label, (shape, suffix))
        self.table_combo = QComboBox(self)
        for kind in KINDS:
            self.table_combo.addItem(TABLE_LABELS[kind], kind)
        self.range_choice = _RangeChoice(view_range, selection.period, self)
        self.range_choice.set_what("period")
        filters = _filters_summary(dataset, selection)
        self.filters_check = QCheckBox(f"Only the events the filters show ({filters})", self)
        self.filters_check.setChecked(bool(selection.hidden_categories or selection.search))
        self.filters_check.setEnabled(bool(selection.hidden_categories or selection.search))
        self.file_choice = _FileChoice("Export data", self)
        self.file_choice.set_path(
            Path.home() / f"karabakh-timeline-data-{dt.date.today().isoformat()}.zip"
        )
        note = QLabel(
            "Empty cells are figures the source does not give: unknown, not zero. "
            "Every row names its sources.",
            self,
        )
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export")
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("Table:", self.table_combo)
        form.addRow("File:", self.file_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.range_choice)
        layout.addWidget(self.filters_check)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def shape(self) -> str:
        shape, _ = self.format_combo.currentData()
        return str(self.table_combo.currentData()) if shape == "table" else str(shape)

    def set_format(self, shape: str) -> None:
        for index in range(self.format_combo.count()):
            if self.format_combo.itemData(index)[0] == shape:
                self.format_combo.setCurrentIndex(index)

    def choices(self) -> tuple[Path, DataFilter, str]:
        text = self.file_choice.edit.text().strip()
        if not text:
            raise ExportError("choose a file to export to")
        _, suffix = self.format_combo.currentData()
        path = self.file_choice.path()
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        filtered = self.filters_check.isChecked()
        hidden = self._selection.hidden_categories if filtered else frozenset()
        categories = frozenset(self._dataset.categories) - hidden if hidden else None
        data_filter = DataFilter(
            self.range_choice.shown(),
            categories=categories,
            search=self._selection.search if filtered else "",
        )
        return path, data_filter, self.shape()

    def _format_changed(self) -> None:
        shape, suffix = self.format_combo.currentData()
        self.table_combo.setEnabled(shape == "table")
        self.file_choice.set_suffix(suffix, f"{self.format_combo.currentText()} (*{suffix})")

    def _accept_if_valid(self) -> None:
        try:
            self.choices()
        except ExportError as error:
            QMessageBox.warning(self, "Export data", _sentence(str(error)))
            return
        self.accept()


def export_image_from_window(
    window_parent: QWidget | None,
    dataset: Dataset,
    selection: Selection,
    view_range: DateRange,
) -> bool:
    """Ask how to export, export, and say so if it failed; True when a file was written."""
    dialog = ExportImageDialog(dataset, selection, view_range, window_parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        settings = dialog.settings()
    except ExportError as error:  # settings() was checked on accept; kept for safety
        _show_failure(window_parent, "Export image", str(error))
        return False
    finally:
        dialog.deleteLater()
    done = run_with_progress(
        window_parent,
        "Export image",
        f"Exporting {settings.path.name}…",
        lambda report: export_image(dataset, settings, report),
    )
    if done:
        _tell_status_bar(window_parent, f"Exported {settings.path}")
    return done


def export_data_from_window(
    window_parent: QWidget | None,
    dataset: Dataset,
    selection: Selection,
    view_range: DateRange,
) -> bool:
    """Ask what data to export, write it, and say so if it failed; True when a file was written."""
    dialog = ExportDataDialog(dataset, selection, view_range, window_parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        path, data_filter, shape = dialog.choices()
    except ExportError as error:
        _show_failure(window_parent, "Export data", str(error))
        return False
    finally:
        dialog.deleteLater()

    def work(report: Callable[[str], None]) -> None:
        report(f"Writing {path.name}…")
        write_bytes_atomically(path, data_bytes(dataset, data_filter, shape))

    done = run_with_progress(window_parent, "Export data", f"Exporting {path.name}…", work)
    if done:
        _tell_status_bar(window_parent, f"Exported {path}")
    return done


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
        _show_failure(parent, title, failure)
        return False
    return True


def _show_failure(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, "The export failed.", parent=parent)
    box.setInformativeText(_sentence(message))
    box.setObjectName("exportFailure")
    # Qt sizes a message box by its first line; paths in the reason need more room than that.
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 380px; }")
    box.exec()


def _tell_status_bar(parent: QWidget | None, message: str) -> None:
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(message, STATUS_SECONDS * 1000)


def _sentence(text: str) -> str:
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


def _filters_summary(dataset: Dataset, selection: Selection) -> str:
    parts = []
    hidden = [c for c in dataset.categories if c in selection.hidden_categories]
    if hidden:
        labels = ", ".join(dataset.categories[c].label for c in hidden)
        parts.append(f"hidden categories: {labels}")
    if selection.search.strip():
        parts.append(f"search “{selection.search.strip()}”")
    return "; ".join(parts) if parts else "none"


def _spin(low: int, high: int, value: int, suffix: str, parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setAccelerated(True)
    return spin


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
