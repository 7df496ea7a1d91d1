"""Where each event sits on the timeline, as numpy arrays: the one place the lanes read from.

Drawing, hit-testing, labelling and stepping to the next event all work on these arrays, so a
dataset of 100,000 events costs a few vectorised operations, not a Python loop per event.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from karabakh_timeline.model.dates import DateRange, Precision
from karabakh_timeline.model.query import event_search_texts
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.model.text_search import fold
from karabakh_timeline.ui.time_axis import DAY, period_to_x

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
    _folded_texts: list[str] = field(default_factory=list, compare=False, repr=False)
    _last_mask: dict[tuple[frozenset[str], str], BoolArray] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, dataset: Dataset, bounds: DateRange) -> EventGeometry:
        events = dataset.events
        lane_ids = tuple(dataset.categories)
        lane_of = {category: number for number, category in enumerate(lane_ids)}
        count = len(events)
        lane = np.empty(count, dtype=np.int64)
        x0 = np.empty(count, dtype=np.float64)
        x1 = np.empty(count, dtype=np.float64)
        is_point = np.empty(count, dtype=np.bool_)
        is_precise = np.empty(count, dtype=np.bool_)
        for number, event in enumerate(events):
            lane[number] = lane_of[event.category]
            x0[number], x1[number] = period_to_x(event.date, bounds)
            point = event.date.is_point
            is_point[number] = point
            start = event.date.start
            is_precise[number] = point and start is not None and start.precision is Precision.DAY
        xc = np.where(is_point, (x0 + x1) / 2, x0)
        index_of = {event.id: number for number, event in enumerate(events)}
        return cls(events, lane_ids, lane, x0, x1, xc, is_point, is_precise, index_of)

    def __len__(self) -> int:
        return len(self.events)

    def visible_mask(
        self, dataset: Dataset, hidden_categories: frozenset[str], search: str
    ) -> BoolArray:
        """Events the filters leave on the timeline: shown categories, matching the search.

        The timeline, the list and the status bar all ask after one change of the filters;
        the last answer is kept, so the search runs once. Callers get their own copy.
        """
        key = (hidden_categories, search)
        if key not in self._last_mask:
            self._last_mask.clear()
            self._last_mask[key] = self._compute_mask(dataset, hidden_categories, search)
        return self._last_mask[key].copy()

    def _compute_mask(
        self, dataset: Dataset, hidden_categories: frozenset[str], search: str
    ) -> BoolArray:
        hidden_lanes = [n for n, c in enumerate(self.lane_ids) if c in hidden_categories]
        mask = ~np.isin(self.lane, hidden_lanes)
        words = fold(search).split()
        if words:
            texts = self._search_texts(dataset)
            matching = np.fromiter(
                (all(word in text for word in words) for text in texts),
                dtype=np.bool_,
                count=len(texts),
            )
            mask &= matching
        return mask

    def _search_texts(self, dataset: Dataset) -> list[str]:
        # Folded once, on the first search: typing then costs substring tests only.
        if len(self._folded_texts) != len(self.events):
            self._folded_texts[:] = [
                fold(" ".join(event_search_texts(dataset, event))) for event in self.events
            ]
        return self._folded_texts

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

    def nearest(self, visible: BoolArray, lane: int, x: float, tolerance_x: float) -> int:
        """The visible event in ``lane`` drawn nearest to x (a marker or a bar), or -1."""
        in_lane = np.flatnonzero(visible & (self.lane == lane))
        if in_lane.size == 0:
            return -1
        left = np.where(self.is_point[in_lane], self.xc[in_lane], self.x0[in_lane])
        right = np.where(self.is_point[in_lane], self.xc[in_lane], self.x1[in_lane])
        distance = np.maximum(np.maximum(left - x, x - right), 0.0)
        best = int(np.argmin(distance))
        if distance[best] > tolerance_x:
            return -1
        # Among events equally near (a marker on top of a bar), prefer the point: it is smaller.
        ties = np.flatnonzero(distance <= distance[best] + DAY / 1000)
        points = [t for t in ties if self.is_point[in_lane[t]]]
        return int(in_lane[points[0] if points else best])
