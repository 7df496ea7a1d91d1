"""From/To fields that type the selected period, and a button that clears it.

The fields read like the command line: "2004" to "2004" is all of 2004, "2020-11" to "2021-12"
is November 2020 through December 2021. They follow the shared selection, and set it when the
user presses Enter or leaves a field; a date that cannot be read is explained, never applied.
"""

from __future__ import annotations

import calendar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from karabakh_timeline.model.dates import DateError, DateRange, PartialDate
from karabakh_timeline.ui.selection import Selection

DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD"
INVALID_STYLE = "QLineEdit { border: 2px solid #c0392b; }"


def range_texts(selected: DateRange) -> tuple[str, str]:
    """The texts that type ``selected`` back, in the coarsest precision that states it exactly."""
    first, last = selected.first, selected.last
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{first.year:04d}", f"{last.year:04d}"
    if first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]:
        return f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"
    return first.isoformat(), last.isoformat()


class PeriodHeader(QWidget):
    """Two-way bound to ``selection.period``."""

    invalid_input = Signal(str)
    """The typed period could not be applied; carries the message shown to the user."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self.from_field = self._field("periodFrom", "The first day, month or year of the period")
        self.to_field = self._field("periodTo", "The last day, month or year of the period")
        self.clear_button = QPushButton("Clear selection", self)
        self.clear_button.setObjectName("clearSelection")
        self.clear_button.setToolTip(f"Select everything, {selection.full_range.display()}")
        self.clear_button.clicked.connect(selection.clear_period)
        self.message = QLabel(self)
        self.message.setObjectName("periodMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for label_text, field in (("From", self.from_field), ("To", self.to_field)):
            label = QLabel(label_text, self)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field)
        row.addSpacing(8)
        self._extra_at = row.count()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        self._row = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)

        selection.period_changed.connect(self._show_period)
        self._show_period(selection.period)

    def add_beside(self, widget: QWidget, stretch: int = 0) -> None:
        """Put a widget (a panel's caption) between the fields and the button, saving a line."""
        self._row.insertWidget(self._extra_at, widget, stretch)
        self._extra_at += 1
        if stretch:  # the widget takes the room the spacer before the button kept
            self._row.setStretch(self._extra_at, 0)

    def _field(self, name: str, tooltip: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(DATE_HINT)
        field.setToolTip(f"{tooltip}: {DATE_HINT}. Press Enter to apply.")
        field.setMaxLength(10)
        width = field.fontMetrics().horizontalAdvance("8888-88-88") + 24
        field.setMinimumWidth(width)
        field.setMaximumWidth(width + 24)
        field.editingFinished.connect(self.apply)
        field.textEdited.connect(self._clear_message)
        return field

    def apply(self) -> bool:
        """Set the selection from the fields; explain and keep the selection when they are wrong."""
        start = self.from_field.text().strip() or None
        end = self.to_field.text().strip() or None
        wrong = []
        for label, field, text in (("From", self.from_field, start), ("To", self.to_field, end)):
            try:
                if text is not None:
                    PartialDate.parse(text)
            except DateError as error:
                wrong.append((field, f"{label}: {error}."))
        if wrong:
            self._show_message(" ".join(m for _, m in wrong), [f for f, _ in wrong])
            return False
        try:
            period = DateRange.from_texts(start, end, self._selection.full_range)
        except DateError:
            message = f"The period ends before it starts: “{end}” is earlier than “{start}”."
            self._show_message(message, [self.from_field, self.to_field])
            return False
        self._clear_message()
        self._selection.set_period(period)
        self._show_period(self._selection.period)  # an emptied field shows what it means
        return True

    def _show_period(self, period: DateRange) -> None:
        start, end = range_texts(period)
        for field, text in ((self.from_field, start), (self.to_field, end)):
            if field.text() != text:
                field.setText(text)
        self._clear_message()
        self.clear_button.setEnabled(not self._selection.is_everything)

    def _show_message(self, text: str, fields: list[QLineEdit]) -> None:
        self.message.setText(text)
        self.message.show()
        for field in fields:
            field.setStyleSheet(INVALID_STYLE)
        self.invalid_input.emit(text)

    def _clear_message(self) -> None:
        if self.message.isVisible() or self.message.text():
            self.message.clear()
            self.message.hide()
            for field in (self.from_field, self.to_field):
                field.setStyleSheet("")
