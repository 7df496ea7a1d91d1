"""The window's Export data… dialog: the records of a period as CSV tables or for TimelineJS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from karabakh_timeline.export.data.data_export import KINDS, DataFilter
from karabakh_timeline.export.data.data_files import TIMELINEJS_CSV, TIMELINEJS_JSON, ZIP
from karabakh_timeline.export.safe_write import ExportError
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.dialogs.export_widgets import (
    FileChoice,
    RangeChoice,
    export_buttons,
    filters_summary,
    sentence,
)
from karabakh_timeline.ui.selection import Selection

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
        self.range_choice = RangeChoice(view_range, selection.period, self)
        self.range_choice.set_what("period")
        filters = filters_summary(dataset, selection)
        self.filters_check = QCheckBox(f"Only the events the filters show ({filters})", self)
        filtering = bool(selection.hidden_categories or selection.search or selection.places)
        self.filters_check.setChecked(filtering)
        self.filters_check.setEnabled(filtering)
        self.file_choice = FileChoice("Export data", self)
        self.file_choice.set_path(
            Path.home() / f"karabakh-timeline-data-{dt.date.today().isoformat()}.zip"
        )
        note = QLabel(
            "Empty cells are figures the source does not give: unknown, not zero. "
            "Every row names its sources.",
            self,
        )
        note.setWordWrap(True)

        self.buttons = export_buttons(self, self._accept_if_valid)

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
        _, suffix = self.format_combo.currentData()
        path = self.file_choice.path_with_suffix(suffix)
        filtered = self.filters_check.isChecked()
        hidden = self._selection.hidden_categories if filtered else frozenset()
        categories = frozenset(self._dataset.categories) - hidden if hidden else None
        data_filter = DataFilter(
            self.range_choice.shown(),
            categories=categories,
            search=self._selection.search if filtered else "",
            places=self._selection.places if filtered else frozenset(),
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
            QMessageBox.warning(self, "Export data", sentence(str(error)))
            return
        self.accept()
