"""The event labels of the lanes for the view's current range and size (see ``lane_labels``).

Picks, per lane, the events in view that may carry a label, ranks them (the selected event, then
events with figures, then the rest), lays them into rows, and asks how many rows each lane may
have (``grant``): a lane's height follows the rows its labels need. Called on every change of
range, size, filters or selected event, synchronously, so an exporter that sets a range and
renders gets its labels. Only the events in view are looked at (found by binary search), and a
lane showing its density strip labels only the selected event: there the markers a label would
point at are not drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont

from karabakh_timeline.ui.timeline import lane_labels
from karabakh_timeline.ui.timeline.event_geometry import BoolArray
from karabakh_timeline.ui.timeline.lane_rows import MAX_ROWS, LaneRows
from karabakh_timeline.ui.timeline.lane_slices import LaneSlices


class LabelLayer:
    def __init__(
        self, vb: pg.ViewBox, font: QFont, texts: Sequence[str], with_figures: BoolArray
    ) -> None:
        self._vb = vb
        self.pool = lane_labels.LabelPool(vb, font)
        self._texts = texts
        self._ranks = np.where(with_figures, lane_labels.WITH_FIGURES, lane_labels.OTHER)
        self._measure = lane_labels.TextMeasure(self.pool.font)
        self._measure_bold = lane_labels.TextMeasure(self.pool.bold_font)
        self._placed: list[lane_labels.LabelSlot] = []

    @property
    def slots(self) -> list[lane_labels.LabelSlot]:
        return self.pool.slots

    def row_height(self) -> float:
        return self._measure.height()

    def event_at(self, x: float, y: float) -> int | None:
        """The event whose label is at this point of the lanes box, or None."""
        slot = self.pool.slot_at(x, y)
        return None if slot is None else slot.event

    def place(
        self,
        slices: LaneSlices,
        dense: Sequence[bool],
        priority: int | None,
        grant: Callable[[list[int]], LaneRows],
    ) -> LaneRows | None:
        """Lay the labels out for the view's x range; the lanes' rows come from ``grant``,
        given the rows each lane's labels want. None before the view has a size."""
        vb = self._vb
        width = vb.width()
        if width <= 1 or vb.height() <= 1:
            return None
        (x0, x1), _ = vb.viewRange()
        g = slices.geometry
        scale = width / (x1 - x0)
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
            anchors = (anchors_x - x0) * scale
            ranks = self._ranks[members].astype(np.int64)
            if priority is not None:
                ranks[members == priority] = lane_labels.SELECTED
            chosen = lane_labels.thin(anchors, ranks)
            candidates.append(
                lane_labels.LaneCandidates(lane, members[chosen], anchors[chosen], ranks[chosen])
            )
        right = width - 2
        lanes = len(slices)
        texts, measure, bold = self._texts, self._measure, self._measure_bold
        slots = lane_labels.place(candidates, texts, right, [MAX_ROWS] * lanes, measure, bold)
        wanted = lane_labels.rows_used(slots, lanes)
        rows = grant(wanted)
        if any(given < want for given, want in zip(rows.rows, wanted, strict=True)):
            slots = lane_labels.place(candidates, texts, right, list(rows.rows), measure, bold)
        self._placed = slots
        return rows

    def show(self, rows: LaneRows, priority: int | None) -> None:
        """Show what ``place`` laid out, at the lanes' rows, for the view's current y range."""
        _, (y0, _) = self._vb.viewRange()
        self.pool.show(self._placed, rows, y0, self._vb.height(), priority)
