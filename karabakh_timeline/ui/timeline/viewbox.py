"""The view boxes of the timeline: horizontal zoom and pan, clicks, and drawing a period.

On the lanes a plain left drag pans and Shift+left drag draws a period; on the count track
(``drag_selects=True``) a plain left drag draws a period and Shift+drag pans. The wheel zooms
around the pointer, horizontally only. What a click or a drawn period means is decided by the
timeline view, which listens to the signals below.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal


class TimelineViewBox(pg.ViewBox):
    clicked = Signal(QPointF, bool)
    """A left click: the position in this box's own pixels, and whether it was a double click."""

    period_drawn = Signal(float, float, bool)
    """A period being drawn: start x, current x, and True when the drag has finished."""

    def __init__(self, drag_selects: bool = False) -> None:
        super().__init__(enableMenu=False)
        self._drag_selects = drag_selects
        self._drawing = False
        self.setMouseEnabled(x=True, y=False)

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:
        left = ev.button() == Qt.MouseButton.LeftButton
        if axis is None and left:
            if ev.isStart():
                shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._drawing = shift != self._drag_selects
            if self._drawing:
                ev.accept()
                start = self.mapToView(ev.buttonDownPos()).x()
                here = self.mapToView(ev.pos()).x()
                finished = bool(ev.isFinish())
                if finished:
                    self._drawing = False
                self.period_drawn.emit(start, here, finished)
                return
        super().mouseDragEvent(ev, axis)

    def mouseClickEvent(self, ev: Any) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.clicked.emit(QPointF(ev.pos()), bool(ev.double()))
            return
        ev.ignore()
