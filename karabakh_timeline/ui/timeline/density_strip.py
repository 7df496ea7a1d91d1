"""A lane too crowded for markers shows how many events fall in each few pixels, as a histogram.

When the events happening in a lane's view (markers there, spans starting there) are on
average closer than ``DENSE_SPACING_PX``, their markers would merge into one smear that costs
as much to draw as there are events. Instead the lane draws a strip rising from its marker
line: per bin of whole days (1, 2, 4, 8… days, the fewest at least ``BIN_PX`` wide), how many
events happened in it, each counted once (see ``LaneSlice.histogram``). Bins are fixed in
time, not on screen, so the strip keeps its shape while the view pans. Heights are on one
scale for all crowded lanes, so lanes compare; a bin with any event is never flat.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor

from karabakh_timeline.ui.timeline.event_geometry import FloatArray
from karabakh_timeline.ui.timeline.time_axis import DAY

DENSE_SPACING_PX = 6.0  # a lane whose events in view are closer than this shows its density
BIN_PX = 2.0  # the narrowest bin, in pixels
HEIGHT = 18.0  # px: the tallest bin, from the marker line up (a dense lane has a row above it)
MIN_HEIGHT_PX = 2.0  # a bin with any event is at least this tall


def is_dense(count: int, width_px: float) -> bool:
    """Whether ``count`` events across ``width_px`` are too close to draw one by one."""
    return count > width_px / DENSE_SPACING_PX


def bin_width(px_size: float) -> float:
    """The narrowest whole number of days, a power of two, that is at least BIN_PX wide."""
    days = BIN_PX * px_size / DAY
    return DAY * 2 ** max(0, math.ceil(math.log2(days))) if days > 0 else DAY


def bin_edges(x0: float, x1: float, width: float) -> FloatArray:
    """Edges of the bins covering [x0, x1], on a grid of ``width`` fixed in time."""
    first, last = math.floor(x0 / width), math.ceil(x1 / width)
    return np.arange(first, max(last, first + 1) + 1, dtype=np.float64) * width


class DensityStrip(pg.BarGraphItem):
    """One lane's histogram: a bar per bin with events, from the marker line up (the lanes' y
    axis points down, so up is smaller y). One brush and no outline, so pyqtgraph draws all
    the bars in one call."""

    def __init__(self, colour: QColor, baseline: float) -> None:
        fill = QColor(colour)
        fill.setAlpha(170)
        empty = np.empty(0)
        super().__init__(x0=empty, x1=empty, y0=empty, y1=empty, pen=None, brush=QBrush(fill))
        self.baseline = baseline
        self.edges: FloatArray = empty
        self.counts: FloatArray = empty
        self._bounds = QRectF()
        self.setVisible(False)

    def show_counts(
        self, edges: FloatArray, counts: FloatArray, scale: float, unit_px: float
    ) -> None:
        """Draw ``counts`` between ``edges``; ``scale`` is the count drawn HEIGHT px tall,
        ``unit_px`` the pixels in one unit of the lanes' y."""
        self.edges, self.counts = edges, counts
        some = counts > 0
        unit = max(unit_px, 1e-9)
        heights = np.maximum(counts[some] / max(scale, 1.0) * HEIGHT, MIN_HEIGHT_PX) / unit
        tops = self.baseline - heights
        self.setOpts(x0=edges[:-1][some], x1=edges[1:][some], y0=tops, y1=self.baseline)
        top = float(tops.min(initial=self.baseline))
        self._bounds = QRectF(edges[0], top, edges[-1] - edges[0], self.baseline - top)
        self.setVisible(True)

    def boundingRect(self) -> QRectF:
        # The bars' own extent; pyqtgraph's works it out again on every paint, with room for
        # an outline this strip does not have.
        return QRectF(self._bounds)

    def clear_counts(self) -> None:
        if self.isVisible():
            self.edges, self.counts = np.empty(0), np.empty(0)
            self.setVisible(False)
