"""The lanes' left axis: each lane's name, its marker beside it, and how many events are in view
under the name of a lane that shows its density strip instead of markers.

The marker beside the name is the legend that says which shape is which lane; the count says
what the strip's bars add up to, and that zooming in will show the events one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol, renderSymbol
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.lane_layer import MARKER_SIZE
from karabakh_timeline.ui.timeline.lane_rows import LaneRows

NAME_OFFSET = MARKER_SIZE + 12  # px from the axis line to the end of a lane's name


def axis_width(font: QFont, labels: Sequence[str]) -> int:
    """Room for the widest lane name and its marker, within reason."""
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=40)
    return int(min(max(widest + MARKER_SIZE + 26, 96), 190))


class LaneKey(pg.GraphicsObject):
    """A lane's marker beside its name, drawn as pyqtgraph's scatter plots draw a marker.

    A ``ScatterPlotItem`` would do, but it works out its bounds and culls its points in
    Python on every paint, about a millisecond a frame for the six keys that never change.
    """

    def __init__(self, style: palette.LaneStyle, size: float) -> None:
        super().__init__()
        self._style = style
        self._size = size
        self._dpr = 0.0
        self._image = QImage()
        self._bounds = QRectF(-size, -size, 2 * size, 2 * size)

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def paint(self, p: QPainter, _option: Any, widget: QWidget | None = None) -> None:
        centre = p.transform().map(QPointF(0, 0))
        p.resetTransform()
        export = self._exportOpts
        if export is not False:
            # Exported: a path, sharp at any resolution and vector in SVG and PDF.
            p.setRenderHint(QPainter.RenderHint.Antialiasing, export.get("antialias", True))
            p.translate(centre)
            size = self._size * export.get("resolutionScale", 1.0)
            drawSymbol(p, self._style.symbol, size, self._style.pen, self._style.brush)
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        if dpr != self._dpr:
            self._dpr = dpr
            self._image = renderSymbol(
                self._style.symbol, self._size, self._style.pen, self._style.brush, dpr=dpr
            )
        width, height = self._image.width() / dpr, self._image.height() / dpr
        target = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
        p.drawImage(target, self._image)


class LaneAxis:
    def __init__(
        self,
        plot: pg.PlotItem,
        labels: Sequence[str],
        styles: Sequence[palette.LaneStyle],
        rows: LaneRows,
    ) -> None:
        self._plot = plot
        self._rows = rows
        axis = plot.getAxis("left")
        font = axis.style["tickFont"] or QFont()
        metrics = QFontMetricsF(font)
        room = axis.width() - MARKER_SIZE - 24
        self._names = [
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, room) for label in labels
        ]
        axis.setStyle(tickLength=0, tickTextOffset=int(NAME_OFFSET))
        self._set_ticks()
        self._keys: list[LaneKey] = []
        self._notes: list[QGraphicsSimpleTextItem] = []
        self._note_font = QFont(font)
        self._note_font.setPointSizeF(max(font.pointSizeF() - 1, 6))
        self._note_metrics = QFontMetricsF(self._note_font)
        self._name_height = metrics.height()
        for style in styles:
            key = LaneKey(style, MARKER_SIZE)
            key.setParentItem(axis)
            self._keys.append(key)
            note = QGraphicsSimpleTextItem(axis)
            note.setFont(self._note_font)
            note.setBrush(QBrush(palette.MUTED_TEXT))
            note.setVisible(False)
            self._notes.append(note)
        self._counts: list[int | None] = [None] * len(styles)

    def set_rows(self, rows: LaneRows) -> None:
        """Follow the lanes to their new heights."""
        self._rows = rows
        self._set_ticks()
        self.place()

    def _set_ticks(self) -> None:
        ticks = [(self._rows.line_y(number), name) for number, name in enumerate(self._names)]
        self._plot.getAxis("left").setTicks([ticks, []])

    def place(self) -> None:
        """Put each lane's marker and note beside its name, for the current size and scroll;
        those of a lane scrolled out of view are hidden, as its name is."""
        axis = self._plot.getAxis("left")
        _, (top, bottom) = self._plot.vb.viewRange()
        for number, key in enumerate(self._keys):
            key.setPos(axis.width() - MARKER_SIZE / 2 - 6, self._line_y(number))
            key.setVisible(top <= self._rows.line_y(number) <= bottom)
        for number, note in enumerate(self._notes):
            self._place_note(number, note)

    def show_counts(self, counts: Sequence[int | None]) -> None:
        """Note under each lane's name how many events it has in view (None: no note)."""
        for number, (count, note) in enumerate(zip(counts, self._notes, strict=True)):
            if count == self._counts[number]:
                continue
            self._counts[number] = count
            note.setVisible(count is not None)
            if count is not None:
                text = f"{count:,} in view"
                room = self._plot.getAxis("left").width() - NAME_OFFSET
                note.setText(self._note_metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
                self._place_note(number, note)

    def notes(self) -> list[str]:
        """The notes shown, lane by lane ('' where there is none), for tests."""
        return [note.text() if note.isVisible() else "" for note in self._notes]

    def _line_y(self, number: int) -> float:
        axis = self._plot.getAxis("left")
        vb = self._plot.vb
        line = self._rows.line_y(number)
        return vb.mapFromView(QPointF(0, line)).y() + vb.pos().y() - axis.pos().y()

    def _place_note(self, number: int, note: QGraphicsSimpleTextItem) -> None:
        axis = self._plot.getAxis("left")
        right = axis.width() - NAME_OFFSET
        # Above the name: a lane's room is above its marker line, where its labels go.
        top = self._line_y(number) - self._name_height / 2 - self._note_metrics.height()
        note.setPos(right - note.boundingRect().width(), top)
        _, (view_top, view_bottom) = self._plot.vb.viewRange()
        shown = self._counts[number] is not None
        note.setVisible(shown and view_top <= self._rows.line_y(number) <= view_bottom)
