"""How the timeline shares its height: the era strip, the lanes and the count track.

The lanes take the height the view can spare (they stack rows of labels in it, and scroll
below one row a lane); the count track's two plots grow only with height the lanes' first rows
of labels can spare, up to their greatest height; a count legend wrapped onto more lines takes
its room above its chart, not from it.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt

from karabakh_timeline.ui.timeline.count_track import CountTrackRow
from karabakh_timeline.ui.timeline.era_layer import BAND_ROW, NAME_ROW
from karabakh_timeline.ui.timeline.plots import COUNT_HEIGHTS

ERA_STRIP_HEIGHT = BAND_ROW + NAME_ROW  # at most: the era strip has a second row if needed
SCROLL_LANES = 1  # lanes the lanes area shows at least; below that height, it scrolls
LANES_STRETCH = 6  # to each count plot's 1: the lanes take most of any height to spare
TRACK_SHARE = 4  # the count plots grow by a quarter of the height to spare, each


class HeightSharing:
    def __init__(
        self,
        layout: pg.GraphicsLayout,
        strip: pg.PlotItem,
        lanes: pg.PlotItem,
        tracks: tuple[CountTrackRow, CountTrackRow],
        left_width: int,
        lane_height: float,
        lane_count: int,
    ) -> None:
        """``lane_height``: one lane with one row of labels; ``layout``: the view's (``ci``)."""
        self._grid = layout.layout  # the QGraphicsGridLayout the plots sit in
        self._layout = layout
        self._strip = strip
        self._lanes = lanes
        self._tracks = tracks
        self._left_width = left_width
        self._all_lanes = lane_height * lane_count
        lanes.setMinimumHeight(lane_height * min(SCROLL_LANES, lane_count))
        self._grid.setRowStretchFactor(1, LANES_STRETCH)
        self._grid.setRowStretchFactor(2, 1)
        self._grid.setRowStretchFactor(3, 1)

    def first_least(self) -> int:
        """The least height before anything is laid out: a lane, the strip and the track."""
        lows = sum(low for low, _ in COUNT_HEIGHTS)
        return int(ERA_STRIP_HEIGHT + self._lanes.minimumHeight() + lows + 20)

    def _least_laid_out(self) -> float:
        _, top, _, bottom = self._grid.getContentsMargins()
        least = self._grid.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        strip = ERA_STRIP_HEIGHT - self._strip.minimumHeight()  # room for a second row of names
        return float(least + strip + top + bottom)

    def least_height(self) -> float:
        """The height at which every lane still has a row for its labels, without scrolling."""
        lanes_least = float(self._lanes.minimumHeight())
        return self._least_laid_out() - lanes_least + self._all_lanes + 2

    def prepare_for(self, width: float, height: float) -> int:
        """Size the count plots for a view of this size before the layout shares the height
        out; returns the least height the view may then have (a squeezed view would cut its
        own axis off)."""
        left, _, right, _ = self._grid.getContentsMargins()
        room = width - left - right - self._left_width
        for track, (low, _) in zip(self._tracks, COUNT_HEIGHTS, strict=True):
            track.legend.wrap_to(max(room, 1.0))
            track.plot.setMinimumHeight(low + track.legend.extra_height())
        spare = max(height - self.least_height(), 0.0)
        for track, (low, high) in zip(self._tracks, COUNT_HEIGHTS, strict=True):
            extra = track.legend.extra_height()
            track.plot.setMaximumHeight(min(high, low + spare / TRACK_SHARE) + extra)
        return math.ceil(self._least_laid_out())
