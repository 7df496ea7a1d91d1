"""Scrolling the lanes up and down when they are taller than the room the window gives them.

The lanes plot's y runs in pixels (see ``lane_rows``), so its y range is always exactly as tall
as the lanes box: [offset, offset + height]. A scroll bar in the timeline's right margin, beside
the lanes, shows and moves the offset; it is there only while the lanes do not fit. The wheel
over the scroll bar, over the lane names, or Shift+wheel anywhere on the lanes scrolls them; the
plain wheel over the lanes keeps zooming the time axis.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGraphicsView, QScrollBar

BAR_WIDTH = 12  # px: fits the timeline's right margin
STEP = 20  # px a click on an arrow scrolls; a wheel notch scrolls as many lines as Qt's setting
BAR_TIP = (
    "More lanes than there is room for: scroll here, with Shift+wheel on the lanes, "
    "or with the wheel over the lane names"
)
NAMES_TIP = (
    "More lanes than there is room for: the wheel here, or Shift+wheel on the lanes, scrolls"
)


class LaneScroller:
    def __init__(
        self, view: QGraphicsView, plot: pg.PlotItem, scrolled: Callable[[], None]
    ) -> None:
        self._view = view
        self._vb = plot.vb
        self._total = 0.0
        self._scrolled = scrolled
        self.bar = QScrollBar(Qt.Orientation.Vertical, view)
        self.bar.setObjectName("lanesScrollBar")
        self.bar.setAccessibleName("Scroll the lanes")
        self.bar.setToolTip(BAR_TIP)
        self.bar.setSingleStep(STEP)
        self.bar.setVisible(False)
        self.bar.valueChanged.connect(self._value_changed)

    @property
    def offset(self) -> float:
        return float(self.bar.value())

    def fit(self, total: float) -> None:
        """Lanes ``total`` px tall in the box's current height: set the range and the bar."""
        self._total = total
        height = self._vb.height()
        overflow = max(0, round(total - height))
        self.bar.blockSignals(True)
        self.bar.setRange(0, overflow)
        self.bar.setPageStep(max(1, round(height)))
        self.bar.blockSignals(False)
        self.bar.setVisible(overflow > 0 and self._view.isVisible())
        self._apply()
        self.place()

    @property
    def overflows(self) -> bool:
        """Whether the lanes are taller than their room, so there is something to scroll."""
        return self.bar.maximum() > 0

    def scroll_notches(self, notches: float) -> None:
        """Scroll as the wheel does in a list: a notch away from the user scrolls up."""
        lines = QApplication.wheelScrollLines()
        self.bar.setValue(self.bar.value() - round(notches * lines * STEP))

    def show_span(self, top: float, bottom: float) -> None:
        """Scroll just enough for [top, bottom] (a lane) to be in view."""
        height = self._vb.height()
        value = self.offset
        if bottom > value + height:
            value = bottom - height
        if top < value:
            value = top
        self.bar.setValue(round(value))

    def place(self) -> None:
        """Put the bar beside the lanes, in the margin right of the plots."""
        rect = self._view.mapFromScene(self._vb.sceneBoundingRect()).boundingRect()
        frame = self._view.viewport().geometry()
        right = frame.x() + frame.width() - BAR_WIDTH - 1
        self.bar.setGeometry(right, frame.y() + rect.y(), BAR_WIDTH, rect.height())
        if self.bar.maximum() > 0 and self._view.isVisible():
            self.bar.show()

    def _value_changed(self, _: int) -> None:
        self._apply()
        self._scrolled()

    def _apply(self) -> None:
        top = self.offset
        height = max(self._vb.height(), 1.0)
        _, (y0, y1) = self._vb.viewRange()
        if (y0, y1) != (top, top + height):
            self._vb.setYRange(top, top + height, padding=0)
