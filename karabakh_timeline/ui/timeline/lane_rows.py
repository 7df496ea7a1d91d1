"""How tall each lane is: room for its marker line and for the rows of labels stacked above it.

Lanes are laid out in pixels from the top of the lanes area. Each lane asks for as many label
rows as its labels need (``wanted``); every lane gets one row if it wants any, and the rows left
in the height the window gives go, one at a time, to the lanes with the most labels still
waiting. Lanes that then need less than the area's height share what is left; lanes that need
more than it (a short window) keep their height and the lanes area scrolls. No Qt here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate

MAX_ROWS = 6
"""Label rows one lane may stack; past that, what has no room is named on hover."""


@dataclass(frozen=True, slots=True)
class RowMetrics:
    """The pixel sizes a lane is built from."""

    row: float  # one row of labels: the label font's line height
    marker: float  # the marker's size; the marker line sits in its own band at the lane's foot
    top_pad: float = 1.0  # above the highest row
    above_marker: float = 4.0  # between the lowest row and the top of the markers
    below_marker: float = 3.0  # between the markers and the lane's bottom edge

    def lane_height(self, rows: int) -> float:
        return self.top_pad + rows * self.row + self.above_marker + self.marker + self.below_marker


@dataclass(frozen=True, slots=True)
class LaneRows:
    """Where each lane is: its top and height in px, and how many label rows it has."""

    metrics: RowMetrics
    rows: tuple[int, ...]
    tops: tuple[float, ...]
    heights: tuple[float, ...]

    @classmethod
    def build(cls, metrics: RowMetrics, rows: tuple[int, ...], extra: float = 0.0) -> LaneRows:
        """Lanes with these rows, each ``extra / lanes`` px taller (room the window spares)."""
        share = extra / len(rows) if rows else 0.0
        heights = tuple(metrics.lane_height(count) + share for count in rows)
        tops = tuple(accumulate(heights, initial=0.0))[:-1]
        return cls(metrics, rows, tops, heights)

    @property
    def total(self) -> float:
        return self.tops[-1] + self.heights[-1] if self.heights else 0.0

    def line_y(self, lane: int) -> float:
        """The y of the lane's marker line: the middle of its markers."""
        m = self.metrics
        return self.tops[lane] + self.heights[lane] - m.below_marker - m.marker / 2

    def row_top(self, lane: int, row: int) -> float:
        """The top of label row ``row`` (0 is the one just above the markers)."""
        m = self.metrics
        return self.line_y(lane) - m.marker / 2 - m.above_marker - (row + 1) * m.row

    def lane_at(self, y: float) -> int | None:
        """The lane covering y, or None above the first and below the last."""
        if not self.heights or not 0 <= y < self.total:
            return None
        return bisect.bisect_right(self.tops, y) - 1

    def edges(self) -> list[float]:
        """The y of each boundary between two lanes."""
        return list(self.tops[1:])


def grant_rows(wanted: list[int], metrics: RowMetrics, height: float) -> LaneRows:
    """Label rows for each lane within ``height`` px (see the module's note)."""
    rows = [min(count, 1) for count in wanted]
    used = sum(metrics.lane_height(count) for count in rows)
    while True:
        waiting = [count - given for count, given in zip(wanted, rows, strict=True)]
        most = max(waiting, default=0)
        if most <= 0 or used + metrics.row > height:
            break
        lane = waiting.index(most)
        rows[lane] += 1
        used += metrics.row
    spare = max(height - used, 0.0)
    return LaneRows.build(metrics, tuple(rows), spare)
