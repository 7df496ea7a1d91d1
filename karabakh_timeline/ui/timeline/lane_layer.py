"""The events drawn in their lanes: a few graphics items per lane, whatever the number of events.

Per lane there is one scatter item for point markers, one curve for range bars and one for the
thin "precision whiskers" that show how long a month- or year-precise point really is; all share
pens and brushes built once. A highlight item marks the selected event.

Only what is near the view is handed to those items: the events within a view's width either
side, found by binary search (``lane_slices``), and loaded again only when the view leaves them.
A lane with more events in view than can be told apart draws its density strip instead
(``density_strip``), so a paint costs the same for fifty events or a million.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.density_strip import DensityStrip, bin_edges, bin_width, is_dense
from karabakh_timeline.ui.timeline.event_geometry import BoolArray, EventGeometry
from karabakh_timeline.ui.timeline.lane_rows import LaneRows
from karabakh_timeline.ui.timeline.lane_slices import LaneSlices

MARKER_SIZE = 10.0  # px
BAR_WIDTH = 6.0  # px
WHISKER_WIDTH = 2.0  # px


class _Markers(pg.ScatterPlotItem):
    """Markers that leave clicks to the view, which hit-tests bars and labels the same way."""

    def mouseClickEvent(self, ev: Any) -> None:
        ev.ignore()


class LaneLayer:
    """Owns the lane items inside the lanes plot; ``set_visible`` when the filters change,
    ``show_range`` when the view's range or size does, ``set_rows`` when the lanes' heights do.

    The lanes plot's y runs in pixels down from the top of the first lane (``LaneRows``)."""

    def __init__(self, plot: pg.PlotItem, geometry: EventGeometry, rows: LaneRows) -> None:
        self._geometry = geometry
        self.rows = rows
        lanes = len(geometry.lane_ids)
        self._styles = [palette.lane_style(n) for n in range(lanes)]
        self._markers: list[_Markers] = []
        self._bars: list[pg.PlotCurveItem] = []
        self._whiskers: list[pg.PlotCurveItem] = []
        self._strips: list[DensityStrip] = []
        for number, style in enumerate(self._styles):
            whiskers = pg.PlotCurveItem(
                connect="pairs", pen=palette.bar_pen(style.colour, WHISKER_WIDTH, 150)
            )
            bars = pg.PlotCurveItem(connect="pairs", pen=palette.bar_pen(style.colour, BAR_WIDTH))
            markers = _Markers(
                symbol=style.symbol, size=MARKER_SIZE, pen=style.pen, brush=style.brush
            )
            strip = DensityStrip(style.colour, rows.line_y(number))
            for z, item in enumerate((whiskers, bars, markers)):
                item.setZValue(10 + z)
                plot.addItem(item, ignoreBounds=True)
            strip.setZValue(10)
            plot.addItem(strip, ignoreBounds=True)
            self._whiskers.append(whiskers)
            self._bars.append(bars)
            self._markers.append(markers)
            self._strips.append(strip)
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
        # In a lane showing its density the selected event still gets its own marker.
        self._selected_marker = pg.ScatterPlotItem(size=MARKER_SIZE)
        for z, item in (
            (9, self._highlight_bar),
            (13, self._selected_marker),
            (14, self._highlight_marker),
        ):
            item.setZValue(z)
            plot.addItem(item, ignoreBounds=True)
        self.slices = LaneSlices(geometry, np.ones(len(geometry), dtype=np.bool_))
        self._x_span = (0.0, 0.0)
        self._dense = [False] * lanes
        self._counts = [0] * lanes
        self._loaded: list[tuple[float, float] | None] = [None] * lanes
        self._highlighted: int | None = None
        self._selected_shown: int | None = None
        for item in (self._highlight_bar, self._highlight_marker, self._selected_marker):
            item.setVisible(False)

    @property
    def styles(self) -> list[palette.LaneStyle]:
        return self._styles

    def set_visible(self, visible: BoolArray, x_span: tuple[float, float]) -> None:
        """Keep to the events the filters leave; ``show_range`` then draws them."""
        self.slices = LaneSlices(self._geometry, visible)
        self._loaded = [None] * len(self._loaded)
        self._x_span = x_span
        self._draw_separators()

    def set_rows(self, rows: LaneRows) -> None:
        """Move every lane to its new height; ``show_range`` then draws them there."""
        self.rows = rows
        self._loaded = [None] * len(self._loaded)
        self._dense = [False] * len(self._dense)  # so a dense lane's strip is drawn again
        for number, strip in enumerate(self._strips):
            strip.baseline = rows.line_y(number)
        self._draw_separators()
        self._selected_shown = None
        self.set_highlight(self._highlighted)

    def _draw_separators(self) -> None:
        edges = np.array(self.rows.edges(), dtype=np.float64)
        starts = np.full(edges.size, self._x_span[0])
        ends = np.full(edges.size, self._x_span[1])
        x = np.column_stack([starts, ends]).ravel()
        self._separators.setData(x, np.repeat(edges, 2))

    def show_range(self, x0: float, x1: float, width_px: float, unit_px: float) -> None:
        """Draw each lane for the view [x0, x1], ``width_px`` wide with ``unit_px`` per unit of y:
        markers near the view, or the density strip where they are too close to tell apart."""
        width = x1 - x0
        counts = [piece.count(x0, x1) for piece in self.slices.lanes]
        self._counts = counts
        dense = [is_dense(count, width_px) for count in counts]
        for lane, crowded in enumerate(dense):
            if crowded and not self._dense[lane]:
                self._fill_window(lane, None)
            elif not crowded:
                self._strips[lane].clear_counts()
                loaded = self._loaded[lane]
                if loaded is None or not loaded[0] <= x0 <= x1 <= loaded[1]:
                    self._fill_window(lane, (x0 - width, x1 + width))
        self._dense = dense
        if any(dense):
            edges = bin_edges(x0, x1, bin_width(width / max(width_px, 1.0)))
            histograms = {
                lane: self.slices[lane].histogram(edges)
                for lane, crowded in enumerate(dense)
                if crowded
            }
            scale = max(float(counts.max(initial=0.0)) for counts in histograms.values())
            for lane, lane_counts in histograms.items():
                self._strips[lane].show_counts(edges, lane_counts, scale, unit_px)
        self._show_selected_marker()

    def _fill_window(self, lane: int, window: tuple[float, float] | None) -> None:
        """Hand the lane's items what lies in ``window``; None empties them."""
        self._loaded[lane] = window
        if window is None:
            empty = np.empty(0, dtype=np.int64)
            markers = whiskers = spans = empty
        else:
            markers, whiskers, spans = self.slices.window(lane, *window)
        g = self._geometry
        xs = g.xc[markers]
        y = self.rows.line_y(lane)
        self._markers[lane].setData(x=xs, y=np.full(xs.size, y))
        self._bars[lane].setData(*_pairs(*_union(g.x0[spans], g.x1[spans]), y))
        self._whiskers[lane].setData(*_pairs(g.x0[whiskers], g.x1[whiskers], y))
        # An empty item still costs a paint on every frame; a hidden one costs nothing.
        for item, count in (
            (self._markers[lane], markers.size),
            (self._bars[lane], spans.size),
            (self._whiskers[lane], whiskers.size),
        ):
            item.setVisible(count > 0)

    def is_dense(self, lane: int) -> bool:
        """Whether the lane shows its density strip rather than markers."""
        return self._dense[lane]

    def dense_lanes(self) -> list[bool]:
        return list(self._dense)

    def dense_counts(self) -> list[int | None]:
        """Per lane, the events happening in view if it shows its density strip, else None."""
        return [c if d else None for c, d in zip(self._counts, self._dense, strict=True)]

    def strip(self, lane: int) -> DensityStrip:
        return self._strips[lane]

    def set_highlight(self, index: int | None) -> None:
        self._highlighted = index
        g = self._geometry
        if index is None:
            self._highlight_marker.setData(x=[], y=[])
            self._highlight_bar.setData(x=[], y=[])
        else:
            lane = self.rows.line_y(int(g.lane[index]))
            if g.is_point[index]:
                self._highlight_marker.setData(x=[g.xc[index]], y=[lane])
                self._highlight_bar.setData(x=[], y=[])
            else:
                self._highlight_marker.setData(x=[], y=[])
                self._highlight_bar.setData(x=[g.x0[index], g.x1[index]], y=[lane, lane])
        point = index is not None and bool(g.is_point[index])
        self._highlight_marker.setVisible(point)
        self._highlight_bar.setVisible(index is not None and not point)
        self._show_selected_marker()

    def _show_selected_marker(self) -> None:
        index = self._highlighted
        g = self._geometry
        if index is None or not g.is_point[index] or not self._dense[g.lane[index]]:
            index = None
        if index == self._selected_shown:
            return
        self._selected_shown = index
        self._selected_marker.setVisible(index is not None)
        if index is None:
            self._selected_marker.setData(x=[], y=[])
            return
        style = self._styles[g.lane[index]]
        self._selected_marker.setData(
            x=[g.xc[index]],
            y=[self.rows.line_y(int(g.lane[index]))],
            symbol=style.symbol,
            pen=style.pen,
            brush=style.brush,
        )

    def drawn_marker_x(self, lane: int) -> np.ndarray:
        """The x of each marker a lane hands to its scatter plot, as drawn."""
        return np.asarray(self._markers[lane].data["x"], dtype=np.float64)

    def ring_x(self) -> list[float]:
        """Where the selected event's ring is drawn (its centre's x); empty when none is."""
        if not self._highlight_marker.isVisible():
            return []
        return [float(x) for x in self._highlight_marker.data["x"]]

    def draws_selected_marker(self) -> bool:
        """Whether the selected event gets its own marker over its lane's density strip."""
        return self._selected_marker.isVisible()

    def marker_counts(self) -> list[int]:
        """Markers and stretches of bars handed to each lane (for tests)."""
        return [
            len(m.data) + len(b.xData if b.xData is not None else []) // 2
            for m, b in zip(self._markers, self._bars, strict=True)
        ]


def _union(x0: np.ndarray, x1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The stretches covered by bars from x0 to x1. Bars of a lane share one opaque pen on one
    line, so overlapping bars look the same drawn once; with many spans under way at a time,
    drawing each over the others cost milliseconds a frame."""
    if x0.size == 0:
        return x0, x1
    order = np.argsort(x0, kind="stable")
    starts, reach = x0[order], np.maximum.accumulate(x1[order])
    opens = np.flatnonzero(np.r_[True, starts[1:] > reach[:-1]])
    closes = np.r_[opens[1:] - 1, starts.size - 1]
    return starts[opens], reach[closes]


def _pairs(x0: np.ndarray, x1: np.ndarray, y: float) -> tuple[np.ndarray, np.ndarray]:
    x = np.column_stack([x0, x1]).ravel()
    return x, np.full(x.size, y)


def _separator_pen() -> QPen:
    pen = QPen(palette.LANE_SEPARATOR)
    pen.setCosmetic(True)
    pen.setWidthF(1.0)
    pen.setStyle(Qt.PenStyle.SolidLine)
    return pen
