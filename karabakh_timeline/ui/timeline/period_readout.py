"""The live readout of a period being drawn or resized: "2000 – 2004 (5 years)" beside it.

A small label floating over the timeline, above the selected region, shown only while a drag is
under way; it says exactly what letting go will select.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from karabakh_timeline.model.date_units import readout
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui import palette


class PeriodReadout(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("periodReadout")
        self.setAccessibleName("Period being selected")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            f"QLabel {{ background: {palette.READOUT_BACKGROUND}; color: {palette.READOUT_TEXT};"
            " border-radius: 3px; padding: 2px 6px; }"
        )
        self.hide()

    def show_period(self, chosen: DateRange | None, centre: QPoint) -> None:
        """Show what is selected on release, centred above ``centre`` (parent's pixels)."""
        if chosen is None:
            self.hide()
            return
        self.show_text(readout(chosen), centre)

    def show_text(self, text: str, centre: QPoint) -> None:
        """Show any text, centred above ``centre`` (parent's pixels)."""
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        room = parent.width() if parent is not None else self.width()
        x = min(max(centre.x() - self.width() // 2, 2), max(room - self.width() - 2, 2))
        self.move(x, max(centre.y() - self.height() - 2, 2))
        self.show()
        self.raise_()
