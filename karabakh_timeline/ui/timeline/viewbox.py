"""The view boxes of the timeline: horizontal zoom and pan, clicks, and drawing a period.

On the lanes a plain left drag pans and Shift+left drag draws a period; on the count track
(``drag_selects=True``) a plain left drag draws a period and Shift+drag pans. The wheel (and
Ctrl+wheel) zooms around the pointer, horizontally only. On the lanes (``wheel_scrolls=True``)
Shift+wheel, and the wheel over the lane names, ask to scroll the lanes up or down instead, as
Shift+wheel scrolls the other way in most timeline and editing apps. What a click, a drawn
period or a scroll means is decided by the timeline view, which listens to the signals below.
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

    scroll_asked = Signal(float)
    """Shift+wheel, or the wheel over the lane names: wheel notches, positive away from the user
    (up), as ``QWheelEvent.angleDelta`` counts them (120 to a notch)."""

    def __init__(self, drag_selects: bool = False, wheel_scrolls: bool = False) -> None:
        super().__init__(enableMenu=False)
        self._drag_selects = drag_selects
        self._wheel_scrolls = wheel_scrolls
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

    def wheelEvent(self, ev: Any, axis: int | None = None) -> None:
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        # axis 1: pyqtgraph hands on the wheel over the left axis, the lane names, this way.
        if self._wheel_scrolls and (shift or axis == 1):
            ev.accept()
            self.scroll_asked.emit(ev.delta() / 120)
            return
        super().wheelEvent(ev, axis)

    def mouseClickEvent(self, ev: Any) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.clicked.emit(QPointF(ev.pos()), bool(ev.double()))
            return
        ev.ignore()
