"""The events the filters leave, per lane, sorted so the part in view is found by binary search.

Made once per change of the filters from ``EventGeometry``'s per-lane orders; after that,
drawing, labelling and counting what is in view cost a few ``np.searchsorted`` calls whatever
the number of events, so panning a timeline of a million events stays as quick as one of fifty.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from karabakh_timeline.ui.timeline.event_geometry import (
    BoolArray,
    EventGeometry,
    FloatArray,
    IntArray,
)


@dataclass(frozen=True)
class LaneSlice:
    """One lane's visible events: points by marker position, spans by start."""

    points: IntArray  # event numbers, by xc
    point_x: FloatArray  # their xc, ascending
    reach: float  # the furthest any point's extent (its precision whisker) reaches from xc
    spans: IntArray  # event numbers, by x0
    span_x0: FloatArray  # ascending
    precise_x: FloatArray  # xc of the points known to the day, ascending
    fuzzy: Spread  # the points known to a month or a year, each spread over its extent

    @classmethod
    def build(cls, g: EventGeometry, points: IntArray, spans: IntArray) -> LaneSlice:
        reach = float(np.max(g.x1[points] - g.xc[points])) if points.size else 0.0
        precise = points[g.is_precise[points]]
        fuzzy = points[~g.is_precise[points]]
        return cls(
            points,
            g.xc[points],
            reach,
            spans,
            g.x0[spans],
            g.xc[precise],
            Spread(g.x0[fuzzy], g.x1[fuzzy]),
        )

    def count(self, x0: float, x1: float) -> int:
        """Events happening in [x0, x1]: markers there and spans starting there. (Spans that
        began earlier run on as bars along the lane's line, one over another; they crowd
        nothing.)"""
        markers = np.searchsorted(self.point_x, x1, "right") - np.searchsorted(self.point_x, x0)
        starts = np.searchsorted(self.span_x0, x1, "right") - np.searchsorted(self.span_x0, x0)
        return int(markers + starts)

    def points_between(self, x0: float, x1: float) -> IntArray:
        """Points whose marker is in [x0, x1], in xc order."""
        at = np.searchsorted(self.point_x, x0)
        return self.points[at : np.searchsorted(self.point_x, x1, "right")]

    def spans_overlapping(self, geometry: EventGeometry, x0: float, x1: float) -> IntArray:
        """Spans reaching into (x0, x1), in x0 order."""
        started = self.spans[: np.searchsorted(self.span_x0, x1)]
        return started[geometry.x1[started] > x0]

    def histogram(self, edges: FloatArray) -> FloatArray:
        """Events per bin between edges, each counted once: a point known to the day in its
        bin, one known to a month or a year spread evenly over that month or year (it
        happened somewhere in it), a span where it starts."""
        counts = np.diff(np.searchsorted(self.precise_x, edges)).astype(np.float64)
        counts += np.diff(np.searchsorted(self.span_x0, edges))
        counts += np.diff(self.fuzzy.share_before(edges))
        return counts


class Spread:
    """Intervals each holding one event somewhere in it, evenly likely: how many of those
    events fall before a time, on average, found by binary search over running sums."""

    def __init__(self, x0: FloatArray, x1: FloatArray) -> None:
        weight = 1.0 / (x1 - x0)
        by_start, by_end = np.argsort(x0), np.argsort(x1)
        self._starts, self._ends = x0[by_start], x1[by_end]
        self._weight_started = _running(weight[by_start])
        self._offset_started = _running((x0 * weight)[by_start])
        self._weight_ended = _running(weight[by_end])
        self._offset_ended = _running((x0 * weight)[by_end])

    def share_before(self, t: FloatArray) -> FloatArray:
        """Per t: the intervals ended by t, plus the part of each one under way at t."""
        started = np.searchsorted(self._starts, t)
        ended = np.searchsorted(self._ends, t, "right")
        weight = self._weight_started[started] - self._weight_ended[ended]
        offset = self._offset_started[started] - self._offset_ended[ended]
        return ended + t * weight - offset


def _running(values: FloatArray) -> FloatArray:
    """Sums of the first 0, 1, 2… values."""
    return np.concatenate([[0.0], np.cumsum(values)])


class LaneSlices:
    """``LaneSlice`` per lane for one visible mask."""

    def __init__(self, geometry: EventGeometry, visible: BoolArray) -> None:
        self.geometry = geometry
        g = geometry
        self.lanes: list[LaneSlice] = []
        for points, spans in zip(g.lane_points, g.lane_spans, strict=True):
            self.lanes.append(LaneSlice.build(g, points[visible[points]], spans[visible[spans]]))

    def __len__(self) -> int:
        return len(self.lanes)

    def __getitem__(self, lane: int) -> LaneSlice:
        return self.lanes[lane]

    def window(self, lane: int, x0: float, x1: float) -> tuple[IntArray, IntArray, IntArray]:
        """What a lane draws in [x0, x1], each in dataset order (later events drawn on top):
        points with their marker there, uncertain points whose extent reaches in, and spans."""
        g = self.geometry
        piece = self.lanes[lane]
        reaching = piece.points_between(x0 - piece.reach, x1 + piece.reach)
        markers = reaching[(g.xc[reaching] >= x0) & (g.xc[reaching] <= x1)]
        fuzzy = reaching[~g.is_precise[reaching]]
        whiskers = fuzzy[(g.x1[fuzzy] > x0) & (g.x0[fuzzy] < x1)]
        spans = piece.spans_overlapping(g, x0, x1)
        return np.sort(markers), np.sort(whiskers), np.sort(spans)

    def label_candidates(self, lane: int, x0: float, x1: float) -> IntArray:
        """Events that may carry a label in view, in dataset order: spans reaching into it,
        and points whose marker is at or right of its left edge and whose extent starts
        before its right edge (a label starts at its marker; near the right edge it may end
        there instead)."""
        g = self.geometry
        piece = self.lanes[lane]
        points = piece.points_between(x0, x1 + piece.reach)
        points = points[g.x0[points] < x1]
        spans = piece.spans_overlapping(g, x0, x1)
        return np.sort(np.concatenate([points, spans]))
