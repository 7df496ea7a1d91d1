"""The window's Export image… and Export data… dialogs.

They only gather choices: the files are made by ``export.image.image_export.export_image`` and
``export.data.data_files.data_bytes``, the same code the command line runs, so an export from the
window equals ``karabakh-timeline export`` with the same settings. Failures are shown in a
message box in one sentence; nothing is left half-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.export.data.data_files import data_bytes
from karabakh_timeline.export.image import defaults
from karabakh_timeline.export.image.image_export import (
    DPI_LIMITS,
    MAP_CHOICES,
    ORIENTATIONS,
    PAGE_SIZES,
    SIZE_LIMITS,
    ImageExportSettings,
    export_image,
)
from karabakh_timeline.export.safe_write import ExportError, write_bytes_atomically
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.model.view_link import picture_link
from karabakh_timeline.ui.dialogs.export_data_dialog import ExportDataDialog
from karabakh_timeline.ui.dialogs.export_widgets import (
    FileChoice,
    RangeChoice,
    export_buttons,
    filters_summary,
    run_with_progress,
    sentence,
    show_failure,
    spin_box,
    stored_int,
    tell_status_bar,
)
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.offscreen import offscreen_timeline

IMAGE_FORMATS = (("PNG picture", ".png"), ("SVG drawing (vector)", ".svg"), ("PDF page", ".pdf"))
SETTINGS_GROUP = "export"

__all__ = [
    "ExportDataDialog",
    "ExportImageDialog",
    "export_data_from_window",
    "export_image_from_window",
]


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
        self._selection = selection

        self.format_combo = QComboBox(self)
        for label, suffix in IMAGE_FORMATS:
            self.format_combo.addItem(label, suffix)
        self.range_choice = RangeChoice(view_range, selection.period, self)

        self.width_spin = spin_box(*SIZE_LIMITS, defaults.WIDTH, " px", self)
        self.height_spin = spin_box(*SIZE_LIMITS, defaults.HEIGHT, " px", self)
        self.dpi_spin = spin_box(*DPI_LIMITS, defaults.DPI, " dpi", self)
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
        self.map_combo = QComboBox(self)
        self.map_combo.setObjectName("mapChoice")
        for key, text in MAP_CHOICES.items():
            self.map_combo.addItem(text[0].upper() + text[1:], key)
        self.map_combo.setToolTip(
            "The map of the places for the period, with its Natural Earth credit; "
            "names as chosen in View → Place names"
        )
        filters = filters_summary(dataset, selection)
        self.filters_label = QLabel(f"Filters in force: {filters}", self)
        self.filters_label.setWordWrap(True)
        self.file_choice = FileChoice("Export image", self)

        self.buttons = export_buttons(self, self._accept_if_valid)

        form = QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("File:", self.file_choice)
        form.addRow("Draw:", self.map_combo)
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
        return ImageExportSettings(
            path=self.file_choice.path_with_suffix(self.suffix()),
            shown=self.range_choice.shown(),
            what=self.range_choice.what(),
            width=self.width_spin.value(),
            height=self.height_spin.value(),
            dpi=self.dpi_spin.value(),
            page=self.page_combo.currentText(),
            orientation=str(self.orientation_combo.currentData()),
            hidden_categories=self._selection.hidden_categories,
            search=self._selection.search,
            places=self._selection.places,
            include_panels=self.panels_check.isChecked(),
            map=str(self.map_combo.currentData()),
            naming=self._selection.naming,
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
            QMessageBox.warning(self, "Export image", sentence(str(error)))
            return
        self._save()
        self.accept()

    def _restore(self) -> None:
        stored = QSettings()
        stored.beginGroup(SETTINGS_GROUP)
        self.set_format(str(stored.value("image_format", ".png")))
        self.range_choice.set_what(str(stored.value("image_what", "view")))
        self.width_spin.setValue(stored_int(stored.value("image_width"), defaults.WIDTH))
        self.height_spin.setValue(stored_int(stored.value("image_height"), defaults.HEIGHT))
        self.dpi_spin.setValue(stored_int(stored.value("image_dpi"), defaults.DPI))
        self.page_combo.setCurrentText(str(stored.value("page", defaults.PAGE)))
        orientation = str(stored.value("orientation", defaults.ORIENTATION))
        index = self.orientation_combo.findData(orientation)
        self.orientation_combo.setCurrentIndex(max(0, index))
        self.panels_check.setChecked(str(stored.value("panels", "false")) == "true")
        self.map_combo.setCurrentIndex(
            max(0, self.map_combo.findData(str(stored.value("map", "none"))))
        )
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
        stored.setValue("map", self.map_combo.currentData())
        stored.setValue("folder", str(self.file_choice.path().parent))
        stored.endGroup()


def export_image_from_window(
    window_parent: QWidget | None,
    dataset: Dataset,
    selection: Selection,
    view_range: DateRange,
    dataset_path: Path | None = None,
) -> bool:
    """Ask how to export, export, and say so if it failed; True when a file was written.

    The footer carries the address of the picture's view: ``dataset_path`` (None for the
    bundled dataset), the span exported and the filters.
    """
    dialog = ExportImageDialog(dataset, selection, view_range, window_parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        settings = dialog.settings()
        data = str(dataset_path.resolve()) if dataset_path is not None else None
        link = picture_link(data, settings.shown, settings.hidden_categories, settings.search)
        settings = replace(settings, link=link)
    except ExportError as error:  # settings() was checked on accept; kept for safety
        show_failure(window_parent, "Export image", str(error))
        return False
    finally:
        dialog.deleteLater()
    done = run_with_progress(
        window_parent,
        "Export image",
        f"Exporting {settings.path.name}…",
        lambda report: export_image(dataset, settings, offscreen_timeline, report),
    )
    if done:
        tell_status_bar(window_parent, f"Exported {settings.path}")
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
        show_failure(window_parent, "Export data", str(error))
        return False
    finally:
        dialog.deleteLater()

    def work(report: Callable[[str], None]) -> None:
        report(f"Writing {path.name}…")
        write_bytes_atomically(path, data_bytes(dataset, data_filter, shape))

    done = run_with_progress(window_parent, "Export data", f"Exporting {path.name}…", work)
    if done:
        tell_status_bar(window_parent, f"Exported {path}")
    return done
