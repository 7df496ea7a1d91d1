"""What is under a point of the lanes: an event's label, marker or bar, or a density strip's bin.

Positions are in the lanes view box's own pixels (what a click or hover hands on). The lanes'
rows, the filters and the selected event change as the user works: they are passed in on each
question, so nothing here can go stale.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF

from karabakh_timeline.ui.timeline.density_strip import HEIGHT as DENSITY_HEIGHT
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry
from karabakh_timeline.ui.timeline.label_layer import LabelLayer
from karabakh_timeline.ui.timeline.lane_layer import MARKER_SIZE, LaneLayer
from karabakh_timeline.ui.timeline.lane_rows import LaneRows
from karabakh_timeline.ui.timeline.time_axis import x_to_date

HIT_PX = 7.0  # how near a click or hover must be to a marker or bar
SLACK_PX = 4  # px above and below a marker that still count as on it


class LaneHits:
    def __init__(
        self, vb: pg.ViewBox, geometry: EventGeometry, lanes: LaneLayer, labels: LabelLayer
    ) -> None:
        self._vb = vb
        self._geometry = geometry
        self._lanes = lanes
        self._labels = labels

    def _near_line(self, pos: QPointF, rows: LaneRows) -> tuple[int, float, bool] | None:
        """The lane at pos, how far below its marker line pos is (px), and whether it draws
        a density strip; None off every lane's line (or strip)."""
        here = self._vb.mapToView(pos)
        lane = rows.lane_at(here.y())
        if lane is None:
            return None
        centre_y = self._vb.mapFromView(QPointF(here.x(), rows.line_y(lane))).y()
        dense = self._lanes.is_dense(lane)
        # A lane showing its density strip is hit anywhere on the strip, above its line.
        above = DENSITY_HEIGHT if dense else 0
        below = pos.y() - centre_y
        if not -above - MARKER_SIZE / 2 - SLACK_PX <= below <= MARKER_SIZE / 2 + SLACK_PX:
            return None
        return lane, below, dense

    def event_at(
        self, pos: QPointF, rows: LaneRows, visible: np.ndarray, selected: int | None
    ) -> int | None:
        """The event drawn at pos (its label first), among the ``visible`` ones, or None."""
        labelled = self._labels.event_at(pos.x(), pos.y())
        if labelled is not None:
            return labelled
        near = self._near_line(pos, rows)
        if near is None:
            return None
        lane, below, dense = near
        here_x = self._vb.mapToView(pos).x()
        px_width = self._vb.viewPixelSize()[0]
        g = self._geometry
        if dense and selected is not None and g.lane[selected] == lane and g.is_point[selected]:
            # There the selected event's is the one marker drawn: under the pointer, it is it.
            on_marker = abs(below) <= MARKER_SIZE / 2 + SLACK_PX
            if on_marker and abs(g.xc[selected] - here_x) <= MARKER_SIZE / 2 * px_width:
                return selected
        found = g.nearest(visible, lane, here_x, HIT_PX * px_width, MARKER_SIZE / 2 * px_width)
        return None if found < 0 else found

    def density_at(
        self, pos: QPointF, rows: LaneRows
    ) -> tuple[int, float, dt.date, dt.date] | None:
        """Over a lane drawn as a density strip: (lane, events in the bin, its first and last
        day); None elsewhere."""
        near = self._near_line(pos, rows)
        if near is None or not near[2]:
            return None
        lane = near[0]
        strip = self._lanes.strip(lane)
        edges = strip.edges
        here_x = self._vb.mapToView(pos).x()
        bin_number = int(np.searchsorted(edges, here_x, side="right")) - 1
        if not 0 <= bin_number < len(strip.counts):
            return None
        first = x_to_date(float(edges[bin_number]))
        last = x_to_date(float(edges[bin_number + 1]) - 1)
        return lane, float(strip.counts[bin_number]), first, last
