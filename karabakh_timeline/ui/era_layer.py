"""Eras: faint bands behind the lanes and a strip above them carrying the eras' names.

A click on the strip, or on an empty spot of the lanes, selects an era's period (the timeline
view decides what a click hit). Names are elided to the room their band has on screen and
hidden when there is too little, so they never overlap or get clipped.
"""

from __future__ import annotations

import bisect

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Era
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.time_axis import period_to_x

MIN_NAME_WIDTH = 28.0  # px: a band narrower than this shows no name (the tooltip has it)
PADDING = 5.0  # px each side of a name


class EraLayer:
    def __init__(
        self,
        eras: tuple[Era, ...],
        bounds: DateRange,
        lanes: pg.PlotItem,
        strip: pg.PlotItem,
        lanes_height: float,
        font: QFont,
    ) -> None:
        self.eras = eras
        self._strip = strip
        self._font = font
        self._extents = [period_to_x(era.date, bounds) for era in eras]
        self._starts = [x0 for x0, _ in self._extents]
        self._names: list[QGraphicsSimpleTextItem] = []
        self._bands: list[QGraphicsRectItem] = []
        no_pen = QPen(Qt.PenStyle.NoPen)
        for number, (x0, x1) in enumerate(self._extents):
            band = QGraphicsRectItem(QRectF(x0, 0, x1 - x0, lanes_height))
            self._bands.append(band)
            band.setBrush(QBrush(palette.ERA_FILLS[number % 2]))
            band.setPen(no_pen)
            band.setZValue(-20)
            lanes.addItem(band, ignoreBounds=True)
            cell = QGraphicsRectItem(QRectF(x0, 0, x1 - x0, 1))
            cell.setBrush(QBrush(palette.ERA_STRIP_FILLS[number % 2]))
            edge = QPen(palette.BACKGROUND)
            edge.setCosmetic(True)
            edge.setWidthF(1.0)
            cell.setPen(edge)
            strip.addItem(cell, ignoreBounds=True)
            name = QGraphicsSimpleTextItem(strip.vb)
            name.setFont(font)
            name.setBrush(QBrush(palette.TEXT))
            name.setZValue(5)
            self._names.append(name)

    def set_lanes_height(self, height: float) -> None:
        """Reach the bands behind the lanes down to the last lane's bottom (px)."""
        for band, (x0, x1) in zip(self._bands, self._extents, strict=True):
            band.setRect(QRectF(x0, 0, x1 - x0, height))

    def era_at(self, x: float) -> Era | None:
        """The era covering x; where two overlap, the one that started later (the narrower)."""
        at = bisect.bisect_right(self._starts, x)
        for number in range(at - 1, -1, -1):
            x0, x1 = self._extents[number]
            if x0 <= x < x1:
                return self.eras[number]
        return None

    def relayout(self) -> None:
        """Place and elide the names for the strip's current range and size."""
        vb = self._strip.vb
        width = vb.width()
        height = vb.height()
        if width <= 0:
            return
        metrics = QFontMetricsF(self._font)
        (view_x0, view_x1), _ = vb.viewRange()
        for name, (x0, x1), era in zip(self._names, self._extents, self.eras, strict=True):
            left = vb.mapFromView(QPointF(max(x0, view_x0), 0)).x()
            right = vb.mapFromView(QPointF(min(x1, view_x1), 0)).x()
            room = right - left - 2 * PADDING
            if room < MIN_NAME_WIDTH:
                name.setVisible(False)
                continue
            text = metrics.elidedText(era.name, Qt.TextElideMode.ElideRight, room)
            if not text or text == "…":
                name.setVisible(False)
                continue
            name.setText(text)
            name.setPos(left + PADDING, (height - metrics.height()) / 2)
            name.setVisible(True)

    def visible_names(self) -> list[str]:
        return [name.text() for name in self._names if name.isVisible()]
