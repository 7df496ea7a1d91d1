"""The events drawn in their lanes: a few graphics items per lane, whatever the number of events.

Per lane there is one scatter item for point markers, one curve for range bars and one for the
thin "precision whiskers" that show how long a month- or year-precise point really is; all share
pens and brushes built once. A highlight item marks the selected event.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.event_geometry import BoolArray, EventGeometry

MARKER_SIZE = 10.0  # px
LINE_OFFSET = 0.15  # the marker line sits below a lane's middle, leaving room for labels above
BAR_WIDTH = 6.0  # px
WHISKER_WIDTH = 2.0  # px


def line_y(lane: int | float) -> float:
    """The y of a lane's marker line (lanes are 1 apart, the first at the top)."""
    return float(lane) + LINE_OFFSET


class _Markers(pg.ScatterPlotItem):
    """Markers that leave clicks to the view, which hit-tests bars and labels the same way."""

    def mouseClickEvent(self, ev: Any) -> None:
        ev.ignore()


class LaneLayer:
    """Owns the lane items inside the lanes plot and refreshes them when the filters change."""

    def __init__(self, plot: pg.PlotItem, geometry: EventGeometry) -> None:
        self._plot = plot
        self._geometry = geometry
        self._styles = [palette.lane_style(n) for n in range(len(geometry.lane_ids))]
        self._markers: list[_Markers] = []
        self._bars: list[pg.PlotCurveItem] = []
        self._whiskers: list[pg.PlotCurveItem] = []
        for style in self._styles:
            whiskers = pg.PlotCurveItem(
                connect="pairs", pen=palette.bar_pen(style.colour, WHISKER_WIDTH, 150)
            )
            bars = pg.PlotCurveItem(connect="pairs", pen=palette.bar_pen(style.colour, BAR_WIDTH))
            markers = _Markers(
                symbol=style.symbol, size=MARKER_SIZE, pen=style.pen, brush=style.brush
            )
            for z, item in enumerate((whiskers, bars, markers)):
                item.setZValue(10 + z)
                plot.addItem(item, ignoreBounds=True)
            self._whiskers.append(whiskers)
            self._bars.append(bars)
            self._markers.append(markers)
        self._separators = pg.PlotCurveItem(connect="pairs", pen=_separator_pen())
        plot.addItem(self._separators, ignoreBounds=True)
        self._highlight_bar = pg.PlotCurveItem(
            connect="pairs", pen=palette.bar_pen(palette.HIGHLIGHT, BAR_WIDTH + 4)
        )
        self._highlight_marker = pg.ScatterPlotItem(
            size=MARKER_SIZE + 9,
            pen=pg.mkPen(palette.HIGHLIGHT, width=2.5),
            brush=pg.mkBrush(None),
            symbol="o",
        )
        for z, item in ((9, self._highlight_bar), (14, self._highlight_marker)):
            item.setZValue(z)
            plot.addItem(item, ignoreBounds=True)

    @property
    def styles(self) -> list[palette.LaneStyle]:
        return self._styles

    def set_visible(self, visible: BoolArray, x_span: tuple[float, float]) -> None:
        """Redraw every lane with only the events the filters leave."""
        g = self._geometry
        for lane in range(len(g.lane_ids)):
            in_lane = visible & (g.lane == lane)
            points = in_lane & g.is_point
            xs = g.xc[points]
            self._markers[lane].setData(x=xs, y=np.full(xs.size, line_y(lane)))
            spans = in_lane & ~g.is_point
            self._bars[lane].setData(*_pairs(g.x0[spans], g.x1[spans], lane))
            fuzzy = points & ~g.is_precise
            self._whiskers[lane].setData(*_pairs(g.x0[fuzzy], g.x1[fuzzy], lane))
        lanes = len(g.lane_ids)
        edges = np.arange(lanes - 1, dtype=np.float64) + 0.5
        starts = np.full(edges.size, x_span[0])
        ends = np.full(edges.size, x_span[1])
        x = np.column_stack([starts, ends]).ravel()
        self._separators.setData(x, np.repeat(edges, 2))

    def set_highlight(self, index: int | None) -> None:
        g = self._geometry
        if index is None:
            self._highlight_marker.setData(x=[], y=[])
            self._highlight_bar.setData(x=[], y=[])
            return
        lane = line_y(g.lane[index])
        if g.is_point[index]:
            self._highlight_marker.setData(x=[g.xc[index]], y=[lane])
            self._highlight_bar.setData(x=[], y=[])
        else:
            self._highlight_marker.setData(x=[], y=[])
            self._highlight_bar.setData(x=[g.x0[index], g.x1[index]], y=[lane, lane])

    def marker_counts(self) -> list[int]:
        """Markers and bars drawn per lane (for tests and the status bar)."""
        return [
            len(m.data) + len(b.xData if b.xData is not None else []) // 2
            for m, b in zip(self._markers, self._bars, strict=True)
        ]


def _pairs(x0: np.ndarray, x1: np.ndarray, lane: int) -> tuple[np.ndarray, np.ndarray]:
    x = np.column_stack([x0, x1]).ravel()
    return x, np.full(x.size, line_y(lane))


def _separator_pen() -> QPen:
    pen = QPen(palette.LANE_SEPARATOR)
    pen.setCosmetic(True)
    pen.setWidthF(1.0)
    pen.setStyle(Qt.PenStyle.SolidLine)
    return pen
