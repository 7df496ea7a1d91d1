"""The event labels of the lanes for the view's current range and size (see ``lane_labels``).

Picks, per lane, the events in view that may carry a label, hands them to the placement, and
shows the result with the pooled text items. Called on every change of range, size, filters or
selected event, synchronously, so an exporter that sets a range and renders gets its labels.
Only the events in view are looked at (found by binary search), and a lane showing its density
strip labels only the selected event: there the markers a label would point at are not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont

from karabakh_timeline.ui import lane_labels
from karabakh_timeline.ui.lane_layer import MARKER_SIZE, line_y
from karabakh_timeline.ui.lane_slices import LaneSlices


class LabelLayer:
    def __init__(self, vb: pg.ViewBox, font: QFont, titles: Sequence[str]) -> None:
        self._vb = vb
        self.pool = lane_labels.LabelPool(vb, font)
        self._titles = titles
        self._measure = lane_labels.TextMeasure(self.pool.font)
        self._measure_bold = lane_labels.TextMeasure(self.pool.bold_font)

    @property
    def slots(self) -> list[lane_labels.LabelSlot]:
        return self.pool.slots

    def event_at(self, x: float, y: float) -> int | None:
        """The event whose label is at this point of the lanes box, or None."""
        slot = self.pool.slot_at(x, y)
        return None if slot is None else slot.event

    def relayout(self, slices: LaneSlices, dense: Sequence[bool], priority: int | None) -> None:
        vb = self._vb
        width, height = vb.width(), vb.height()
        if width <= 1 or height <= 1:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        g = slices.geometry
        scale = width / (x1 - x0)
        y_scale = height / (y1 - y0)  # the lanes run down the box: y0 at its top
        candidates = []
        for lane in range(len(slices)):
            # A point's label starts at its marker, so only markers in view get one; a bar's
            # label starts where the bar enters the view.
            if not dense[lane]:
                members = slices.label_candidates(lane, x0, x1)
            elif priority is not None and g.lane[priority] == lane:
                members = slices.label_candidates(lane, x0, x1)
                members = members[members == priority]
            else:
                members = np.empty(0, dtype=np.int64)
            points = g.is_point[members]
            anchors_x = np.where(points, g.xc[members], np.maximum(g.x0[members], x0))
            order = np.argsort(anchors_x, kind="stable")
            members, anchors_x, points = members[order], anchors_x[order], points[order]
            anchors = (anchors_x - x0) * scale - np.where(points, MARKER_SIZE / 2, 0.0)
            keep_at = None
            if priority is not None and priority in members:
                keep_at = int(np.flatnonzero(members == priority)[0])
            chosen = lane_labels.thin(anchors, keep_at)
            candidates.append(
                lane_labels.LaneCandidates(
                    members[chosen],
                    anchors[chosen],
                    (line_y(lane) - y0) * y_scale,
                    (lane - 0.5 - y0) * y_scale,
                    (lane + 0.5 - y0) * y_scale,
                    points[chosen],
                )
            )
        slots = lane_labels.place(
            candidates,
            self._measure,
            self._titles,
            width - 2,
            MARKER_SIZE,
            priority,
            self._measure_bold,
        )
        self.pool.show(slots, priority)
