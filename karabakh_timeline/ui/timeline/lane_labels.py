"""Event labels stacked in rows above their lane's markers, whole or not at all, never overlapping.

A label is the event's short label or its whole title (``Event.shown_label``), never cut short.
Per lane, the candidates are laid greedily, best first: the selected event, then events that
state figures, then the rest, and within each of those from right to left, so a crowd of labels
climbs like a staircase. Each label goes into the lowest row where it has room, starting at its
marker (or, near the right edge, ending there), and where the thin leader line from its marker
up to it crosses no other label. Labels sit above the marker line, so none covers a marker.
What finds no room is named when the pointer is over its marker.

The text items are re-used, so a 100,000-event dataset costs as many items as fit on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.lane_rows import LaneRows

GAP = 8.0  # px between two labels in a row
LEADER_CLEARANCE = 3.0  # px a leader line keeps from the ends of the labels it passes
THIN_STEP = 10.0  # px: at most one label candidate per step per lane (the best of them)
LABEL_Z = 20
LEADER_Z = 19

SELECTED, WITH_FIGURES, OTHER = 0, 1, 2
"""Ranks of the candidates, best first."""


class TextMeasure:
    """Widths of labels in one font, each measured once: labels are re-placed on every pan."""

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}

    def height(self) -> float:
        return self.metrics.height()

    def width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width


@dataclass(frozen=True, slots=True)
class LabelSlot:
    """A label shown: the event, its text, and where it is in the lanes box's pixels."""

    event: int  # index into the dataset's events
    lane: int
    row: int  # 0 is the row just above the markers
    left: float
    width: float
    text: str
    anchor: float  # x of the marker (or of the bar's start in view): the leader's foot
    top: float = 0.0  # set once the lanes' heights are known (``LabelPool.show``)


@dataclass(frozen=True, slots=True)
class LaneCandidates:
    """One lane's events that may carry a label, and where each label would be anchored (px)."""

    lane: int
    events: npt.NDArray[np.int64]
    anchors: npt.NDArray[np.float64]
    ranks: npt.NDArray[np.int64]


def thin(anchors: npt.NDArray[np.float64], ranks: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Positions of the best-ranked candidate (then the first) in every THIN_STEP pixels."""
    if anchors.size == 0:
        return np.empty(0, dtype=np.int64)
    bins = np.floor(anchors / THIN_STEP).astype(np.int64)
    order = np.lexsort((np.arange(anchors.size), ranks, bins))
    first = np.r_[True, bins[order][1:] != bins[order][:-1]]
    return np.sort(order[first]).astype(np.int64)


def place(
    lanes: Sequence[LaneCandidates],
    texts: Sequence[str],
    right_edge: float,
    max_rows: Sequence[int],
    metrics: TextMeasure,
    bold_metrics: TextMeasure,
) -> list[LabelSlot]:
    """Lay each lane's labels into at most ``max_rows[lane]`` rows (see the module's note)."""
    slots: list[LabelSlot] = []
    for lane in lanes:
        slots.extend(
            _place_lane(lane, texts, right_edge, max_rows[lane.lane], metrics, bold_metrics)
        )
    return slots


def rows_used(slots: Sequence[LabelSlot], lanes: int) -> list[int]:
    """Per lane, how many rows its labels take."""
    used = [0] * lanes
    for slot in slots:
        used[slot.lane] = max(used[slot.lane], slot.row + 1)
    return used


def _place_lane(
    lane: LaneCandidates,
    texts: Sequence[str],
    right_edge: float,
    rows: int,
    metrics: TextMeasure,
    bold_metrics: TextMeasure,
) -> list[LabelSlot]:
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    leaders: list[list[float]] = [[] for _ in range(rows)]  # columns crossing each row
    placed: list[LabelSlot] = []
    order = np.lexsort((-lane.anchors, lane.ranks)) if rows else np.empty(0, dtype=np.intp)
    for n in order:
        event = int(lane.events[n])
        text = texts[event]
        bold = lane.ranks[n] == SELECTED
        width = (bold_metrics if bold else metrics).width(text)
        anchor = float(lane.anchors[n])
        spot = _spot(taken, leaders, anchor, width, right_edge)
        if spot is None:
            continue
        row, left = spot
        taken[row].append((left, left + width))
        for below in range(row):
            leaders[below].append(anchor)
        placed.append(LabelSlot(event, lane.lane, row, left, width, text, anchor))
    return placed


def _spot(
    taken: list[list[tuple[float, float]]],
    leaders: list[list[float]],
    anchor: float,
    width: float,
    right_edge: float,
) -> tuple[int, float] | None:
    """The lowest row, and the label's left, where it has room: starting at its anchor, or
    ending there near the right edge."""
    for row in range(len(taken)):
        if any(_covers(taken[below], anchor) for below in range(row)):
            return None  # the leader would cross a label: higher rows are no better
        # Only where it would run past the right edge does a label end at its anchor.
        left = anchor if anchor + width <= right_edge else anchor - width
        if left < 0:
            return None
        if _free(taken[row], left, left + width) and not _crossed(leaders[row], left, width):
            return row, left
    return None


def _covers(intervals: list[tuple[float, float]], x: float) -> bool:
    return any(start - LEADER_CLEARANCE <= x <= end + LEADER_CLEARANCE for start, end in intervals)


def _free(intervals: list[tuple[float, float]], left: float, right: float) -> bool:
    return all(right + GAP <= start or left >= end + GAP for start, end in intervals)


def _crossed(columns: list[float], left: float, width: float) -> bool:
    low, high = left - LEADER_CLEARANCE, left + width + LEADER_CLEARANCE
    return any(low <= x <= high for x in columns)


class LabelPool:
    """Text items parented to the lane area, shown for the slots placed and hidden otherwise,
    and one path holding every label's leader line."""

    def __init__(self, parent: QGraphicsItem, font: QFont) -> None:
        self._parent = parent
        self._font = font
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._height = QFontMetricsF(font).height()
        self._items: list[tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]] = []
        self._shown: list[tuple[str, float, bool] | None] = []  # each item's text, width, bold
        self._leaders = QGraphicsPathItem(parent)
        pen = QPen(palette.MUTED_TEXT)
        pen.setWidthF(1.0)
        self._leaders.setPen(pen)
        self._leaders.setZValue(LEADER_Z)
        self.slots: list[LabelSlot] = []

    @property
    def font(self) -> QFont:
        return self._font

    @property
    def bold_font(self) -> QFont:
        """The selected event's label font."""
        return self._bold

    def show(
        self,
        slots: list[LabelSlot],
        rows: LaneRows,
        y0: float,
        height: float,
        bold_event: int | None,
    ) -> None:
        """Show ``slots`` at their rows of ``rows``, for a view whose top is at y ``y0`` and
        ``height`` tall: labels of lanes scrolled (even partly) out of it are left out."""
        row_height = self._height
        slots = [
            slot
            for slot in slots
            if rows.row_top(slot.lane, slot.row) - y0 >= 0
            and rows.row_top(slot.lane, slot.row) - y0 + row_height <= height
        ]
        while len(self._items) < len(slots):
            self._items.append(self._new_item())
            self._shown.append(None)
        bold, height = self._bold, self._height
        leaders = QPainterPath()
        placed = []
        for number, (slot, (back, text)) in enumerate(zip(slots, self._items, strict=False)):
            top = rows.row_top(slot.lane, slot.row) - y0
            slot = LabelSlot(
                slot.event, slot.lane, slot.row, slot.left, slot.width, slot.text, slot.anchor, top
            )
            placed.append(slot)
            # A pan moves most labels and changes few: set only what changed.
            looks = (slot.text, slot.width, slot.event == bold_event)
            if self._shown[number] != looks:
                self._shown[number] = looks
                text.setFont(bold if slot.event == bold_event else self._font)
                text.setText(slot.text)
                back.setRect(QRectF(-1, 0, slot.width + 2, height))
            back.setPos(slot.left, top)
            back.setVisible(True)
            foot = rows.line_y(slot.lane) - rows.metrics.marker / 2 - y0
            leaders.moveTo(slot.anchor, top + height)
            leaders.lineTo(slot.anchor, foot)
        for back, _ in self._items[len(slots) :]:
            back.setVisible(False)
        self._leaders.setPath(leaders)
        self.slots = placed

    def slot_at(self, x: float, y: float) -> LabelSlot | None:
        height = self._height
        for slot in self.slots:
            if slot.left <= x <= slot.left + slot.width and slot.top <= y <= slot.top + height:
                return slot
        return None

    def _new_item(self) -> tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]:
        back = QGraphicsRectItem(self._parent)
        back.setBrush(QBrush(QColor(255, 255, 255, 215)))
        back.setPen(QPen(Qt.PenStyle.NoPen))
        back.setZValue(LABEL_Z)
        text = QGraphicsSimpleTextItem(back)
        text.setBrush(QBrush(palette.TEXT))
        text.setFont(self._font)
        return back, text
