"""Eras: faint bands behind the lanes and a strip above them carrying the eras' names.

Every era in view is named in full (``era_names``): in its band, by its short name there, or in
a second row of the strip with a leader line up to its band. The strip has that second row
whenever the names need it, at this width or at Fit all, so it does not change height with
every zoom. A click on the strip selects an era's period (a click on empty lane space only
clears the selected event; the timeline view decides what a click hit); a click on a name in
the second row selects that name's era.
"""

from __future__ import annotations

import bisect

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Era
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.era_names import EraBand, NamePlace, lay_out, needs_second_row
from karabakh_timeline.ui.timeline.time_axis import period_to_x, range_to_x

BAND_ROW = 24.0  # px: the row of coloured bands, with the names that fit in them
NAME_ROW = 20.0  # px: the second row, for names beside their bands, leaders above them


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
        self._metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}
        self._full = range_to_x(bounds)
        self._extents = [period_to_x(era.date, bounds) for era in eras]
        self._starts = [x0 for x0, _ in self._extents]
        self._names: list[QGraphicsSimpleTextItem] = []
        self._bands: list[QGraphicsRectItem] = []
        self.places: list[NamePlace] = []
        self.rows = 0
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
        self._leaders = QGraphicsPathItem(strip.vb)
        leader = QPen(palette.MUTED_TEXT)
        leader.setWidthF(1.0)
        self._leaders.setPen(leader)
        self._leaders.setZValue(4)
        self._set_rows(1)

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

    def era_at_point(self, pos: QPointF) -> Era | None:
        """The era at a point of the strip (its own pixels): a name in the second row names
        its era; elsewhere, the band under the point."""
        if pos.y() > BAND_ROW:
            for place in self.places:
                if place.row == 1 and place.left - 4 <= pos.x() <= place.left + place.width + 4:
                    return self.eras[place.era]
        return self.era_at(self._strip.vb.mapToView(pos).x())

    def relayout(self) -> None:
        """Place the names for the strip's current range and size."""
        vb = self._strip.vb
        width = vb.width()
        if width <= 0:
            return
        (view_x0, view_x1), _ = vb.viewRange()
        bands = self._bands_in(view_x0, view_x1, width)
        full = self._bands_in(*self._full, width)
        self._set_rows(2 if needs_second_row(bands, self._width) or
                       needs_second_row(full, self._width) else 1)  # fmt: skip
        places = lay_out(bands, width, self._width) if self.rows == 2 else [
            place for place in lay_out(bands, width, self._width) if place.row == 0
        ]  # fmt: skip
        self.places = places
        height = self._metrics.height()
        shown = {place.era: place for place in places}
        leaders = QPainterPath()
        for number, name in enumerate(self._names):
            place = shown.get(number)
            name.setVisible(place is not None)
            if place is None:
                continue
            name.setText(place.text)
            # In a band, its middle; beside it, low in the second row, leaders running above.
            below = BAND_ROW + NAME_ROW - height - 1
            top = (BAND_ROW - height) / 2 if place.row == 0 else below
            name.setPos(place.left, top)
            band = bands[number]
            if place.row == 1 and band is not None:
                # From the end of the name nearest its band, up to the band's middle.
                foot = min(max(band.centre, place.left + 2), place.left + place.width - 2)
                leaders.moveTo(foot, top + 2)
                leaders.lineTo(band.centre, BAND_ROW - 1)
        self._leaders.setPath(leaders)

    def visible_names(self) -> list[str]:
        """The names shown, in the eras' order."""
        return [name.text() for name in self._names if name.isVisible()]

    def name_boxes(self) -> list[tuple[str, QRectF]]:
        """Each name shown and its box, in the strip's own pixels (for tests)."""
        height = self._metrics.height()
        return [
            (name.text(), QRectF(name.pos().x(), name.pos().y(), self._width(name.text()), height))
            for name in self._names
            if name.isVisible()
        ]

    def _width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def _bands_in(self, view_x0: float, view_x1: float, width: float) -> list[EraBand | None]:
        scale = width / (view_x1 - view_x0)
        bands: list[EraBand | None] = []
        for era, (x0, x1) in zip(self.eras, self._extents, strict=True):
            left = (max(x0, view_x0) - view_x0) * scale
            right = (min(x1, view_x1) - view_x0) * scale
            visible = right > left and right > 0 and left < width
            bands.append(EraBand(era.name, era.short_name, left, right) if visible else None)
        return bands

    def _set_rows(self, rows: int) -> None:
        if rows == self.rows:
            return
        self.rows = rows
        height = BAND_ROW + (NAME_ROW if rows == 2 else 0.0)
        strip = self._strip
        strip.setMinimumHeight(height)
        strip.setMaximumHeight(height)
        # The bands span y 0..1: they fill the top BAND_ROW px, the second row is below them.
        low = -NAME_ROW / BAND_ROW if rows == 2 else 0.0
        strip.vb.setLimits(yMin=low, yMax=1)
        strip.vb.setYRange(low, 1, padding=0)
