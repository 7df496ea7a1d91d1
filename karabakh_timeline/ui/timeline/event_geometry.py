"""Where each event sits on the timeline, as numpy arrays: the one place the lanes read from.

Drawing, hit-testing, labelling and stepping to the next event all work on these arrays, so a
dataset of 100,000 events costs a few vectorised operations, not a Python loop per event.
Per lane, the events are also kept sorted by where they are drawn (``lane_points``,
``lane_spans``), so what is in view is found by binary search. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import numpy.typing as npt

from karabakh_timeline.model.dates import DateRange, Period, Precision
from karabakh_timeline.model.event_filter import EventFilter, EventIndex
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.ui.timeline.time_axis import DAY, period_to_x

_CATEGORY, _DATE, _ID = attrgetter("category"), attrgetter("date"), attrgetter("id")

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class EventGeometry:
    """Per event, in the dataset's (time) order: lane, extent and the point a marker is drawn at.

    ``x0``/``x1`` run from the start of the first day to the end of the last, so "2004" covers
    the whole year; ``xc`` is where the marker of a point event goes (the middle of its day,
    month or year); ``is_point`` is False for events that span a period (drawn as bars).
    """

    events: tuple[Event, ...]
    lane_ids: tuple[str, ...]
    lane: IntArray
    x0: FloatArray
    x1: FloatArray
    xc: FloatArray
    is_point: BoolArray
    is_precise: BoolArray  # a point known to the day: no precision whisker
    index_of: dict[str, int]
    lane_points: tuple[IntArray, ...]  # per lane: its point events, by xc (then dataset order)
    lane_spans: tuple[IntArray, ...]  # per lane: its spans, by x0 (then dataset order)
    filters: EventIndex  # the model's filter over the same events, in the same order

    @classmethod
    def build(cls, dataset: Dataset, bounds: DateRange) -> EventGeometry:
        events = dataset.events
        lane_ids = tuple(dataset.categories)
        lane_of = {category: number for number, category in enumerate(lane_ids)}
        count = len(events)
        # Built with C-level map/zip over the events: a Python loop per event took seconds
        # for a million of them.
        lane = np.fromiter(map(lane_of.__getitem__, map(_CATEGORY, events)), np.int64, count)
        # Events of one date share one period object (the loader parses each date text once):
        # each distinct period is converted once, and every event takes its period's row.
        periods = list(map(_DATE, events))
        ids = np.fromiter(map(id, periods), np.int64, count)
        _, first, which = np.unique(ids, return_index=True, return_inverse=True)
        distinct = [_extent(periods[number], bounds) for number in first.tolist()]
        table = np.array(distinct, dtype=np.float64).reshape(len(distinct), 4)[which]
        x0, x1 = table[:, 0].copy(), table[:, 1].copy()
        is_point = table[:, 2].astype(np.bool_)
        is_precise = table[:, 3].astype(np.bool_)
        xc = np.where(is_point, (x0 + x1) / 2, x0)
        index_of = dict(zip(map(_ID, events), range(count), strict=True))
        lane_points, lane_spans = [], []
        for number in range(len(lane_ids)):
            in_lane = lane == number
            points = np.flatnonzero(in_lane & is_point)
            lane_points.append(points[np.argsort(xc[points], kind="stable")])
            spans = np.flatnonzero(in_lane & ~is_point)
            lane_spans.append(spans[np.argsort(x0[spans], kind="stable")])
        return cls(
            events, lane_ids, lane, x0, x1, xc, is_point, is_precise, index_of,
            tuple(lane_points), tuple(lane_spans), EventIndex(dataset),
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.events)

    def visible_mask(self, event_filter: EventFilter) -> BoolArray:
        """Events the filter leaves, by the model's one rule (``model.event_filter``), so the
        timeline, the list, the command line and the exports agree. A copy of its own."""
        return self.filters.mask(event_filter)

    def step(self, visible: BoolArray, current: int | None, forward: bool, view_x0: float) -> int:
        """The next (or previous) visible event in time; -1 when there is none.

        Without a current event, Right starts from the first event at the view's left edge and
        Left from the last one before it, so the keys pick up where the reader is looking.
        """
        candidates = np.flatnonzero(visible)
        if candidates.size == 0:
            return -1
        if current is None:
            starts = self.x0[candidates]
            at = int(np.searchsorted(starts, view_x0, side="left"))
            if forward:
                return int(candidates[at]) if at < candidates.size else -1
            return int(candidates[at - 1]) if at > 0 else -1
        at = int(np.searchsorted(candidates, current))
        if forward:
            at += 1 if at < candidates.size and candidates[at] == current else 0
            return int(candidates[at]) if at < candidates.size else -1
        return int(candidates[at - 1]) if at > 0 else -1

    def nearest(
        self, visible: BoolArray, lane: int, x: float, tolerance_x: float, radius_x: float = 0.0
    ) -> int:
        """The visible event in ``lane`` drawn nearest to x (a marker or a bar), or -1.

        A marker ``radius_x`` wide that covers x beats a bar under it (markers are drawn on top
        and are the smaller target); among markers the nearest centre wins, then the event first
        in the dataset; among bars the nearest, then the first.
        """
        points = self.lane_points[lane]
        xs = self.xc[points]
        near = points[
            np.searchsorted(xs, x - tolerance_x) : np.searchsorted(xs, x + tolerance_x, "right")
        ]
        near = near[visible[near]]
        spans = self.lane_spans[lane]
        started = spans[: np.searchsorted(self.x0[spans], x + tolerance_x, "right")]
        reaching = started[(self.x1[started] >= x - tolerance_x) & visible[started]]
        bar = -1
        bar_distance = np.inf
        if reaching.size:
            distances = np.maximum(np.maximum(self.x0[reaching] - x, x - self.x1[reaching]), 0.0)
            bar_distance = float(distances.min())
            bar = int(reaching[distances == bar_distance].min())
        if near.size:
            distances = np.abs(self.xc[near] - x)
            closest = float(distances.min())
            if max(closest - radius_x, 0.0) <= bar_distance + DAY / 1000:
                return int(near[distances <= closest + DAY / 1000].min())
        return bar


def _extent(period: Period, bounds: DateRange) -> tuple[float, float, bool, bool]:
    """x0, x1, whether the period is a point, and whether that point is known to the day."""
    x0, x1 = period_to_x(period, bounds)
    point = period.is_point
    start = period.start
    precise = point and start is not None and start.precision is Precision.DAY
    return x0, x1, point, precise
