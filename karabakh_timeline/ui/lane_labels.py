"""Event titles beside their markers, only where they fit, from a small pool of text items.

Placement is recomputed on every change of view range or size: per lane, events are thinned to
at most one candidate every few pixels (numpy), then labels are laid greedily into the track
above and the track below the marker line, each elided to the room it has. The text items are
re-used, so a 100,000-event dataset costs as many items as fit on screen, never one per event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from karabakh_timeline.ui import palette

MAX_WIDTH = 230.0  # px: longer titles are elided; the details panel has the rest
MIN_WIDTH = 44.0  # px: shorter than this says nothing, so no label
GAP = 10.0  # px between labels in a track
THIN_STEP = 24.0  # px: at most one label candidate per step per lane
LABEL_Z = 20


@dataclass(frozen=True, slots=True)
class LabelSlot:
    event: int  # index into the dataset's events
    left: float  # px, in the lane area's own coordinates
    top: float
    width: float
    text: str


@dataclass(frozen=True, slots=True)
class LaneCandidates:
    """One lane's labellable events in x order: where each label would start, in px."""

    events: npt.NDArray[np.int64]
    anchors: npt.NDArray[np.float64]
    centre: float  # px, the lane's marker line
    is_point: npt.NDArray[np.bool_]


def thin(anchors: npt.NDArray[np.float64], keep: int | None = None) -> npt.NDArray[np.int64]:
    """Positions of the first candidate in every THIN_STEP pixels (plus ``keep``, always)."""
    if anchors.size == 0:
        return np.empty(0, dtype=np.int64)
    bins = np.floor(anchors / THIN_STEP).astype(np.int64)
    _, first = np.unique(bins, return_index=True)
    if keep is not None:
        first = np.union1d(first, [keep])
    return first.astype(np.int64)


def place(
    lanes: Sequence[LaneCandidates],
    metrics: QFontMetricsF,
    titles: Sequence[str],
    lane_height: float,
    right_edge: float,
    marker_size: float,
    priority: int | None = None,
) -> list[LabelSlot]:
    """Lay labels into each lane's tracks without overlap; the priority event goes first."""
    text_height = metrics.height()
    offset = marker_size / 2 + 2
    two_tracks = lane_height / 2 >= offset + text_height + 1
    if not two_tracks and lane_height < text_height + 2:
        return []
    slots: list[LabelSlot] = []
    for lane in lanes:
        if two_tracks:
            tops = [lane.centre - offset - text_height, lane.centre + offset]
        else:
            tops = [lane.centre - text_height / 2]
        taken: list[list[tuple[float, float]]] = [[] for _ in tops]
        order = list(range(lane.events.size))
        if priority is not None:
            order.sort(key=lambda n: lane.events[n] != priority)
        for n in order:
            event = int(lane.events[n])
            left = float(lane.anchors[n])
            if not two_tracks:
                # Beside the marker, on its line: must stop before the next marker in the lane.
                if not lane.is_point[n]:
                    continue
                left += marker_size / 2 + 3
            room = min(MAX_WIDTH, right_edge - left)
            if not two_tracks and n + 1 < lane.events.size:
                room = min(room, float(lane.anchors[n + 1]) - marker_size / 2 - 3 - left)
            if n + 2 < lane.events.size:  # leave the candidate after next a chance
                room = min(room, max(float(lane.anchors[n + 2]) - left - GAP, MIN_WIDTH))
            natural = metrics.horizontalAdvance(titles[event])
            for track, top in enumerate(tops):
                free = _free_room(taken[track], left, min(room, natural))
                if free < natural and two_tracks and lane.is_point[n]:
                    # Near the right edge: end the label at the marker instead, if that fits.
                    end = left + marker_size
                    start = end - min(natural, MAX_WIDTH)
                    if start >= 0 and _is_free(taken[track], start, end) and end - start > free:
                        text = titles[event]
                        if natural > MAX_WIDTH:
                            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, MAX_WIDTH)
                        width = metrics.horizontalAdvance(text)
                        start = end - width
                        taken[track].append((start, end))
                        slots.append(LabelSlot(event, start, top, width, text))
                        break
                if free >= MIN_WIDTH or free >= natural:
                    width = min(free, natural)
                    text = titles[event]
                    if width < natural:
                        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
                        width = metrics.horizontalAdvance(text)
                    taken[track].append((left, left + width))
                    slots.append(LabelSlot(event, left, top, width, text))
                    break
    return slots


def _is_free(taken: list[tuple[float, float]], left: float, right: float) -> bool:
    return all(end + GAP <= left or right + GAP <= start for start, end in taken)


def _free_room(taken: list[tuple[float, float]], left: float, wanted: float) -> float:
    """How much of [left, left + wanted] is free in a track (0 when left itself is taken)."""
    room = wanted
    for start, end in taken:
        if start - GAP < left < end + GAP:
            return 0.0
        if start >= left:
            room = min(room, start - GAP - left)
    return max(room, 0.0)


class LabelPool:
    """Text items parented to the lane area, shown for the slots placed and hidden otherwise."""

    def __init__(self, parent: QGraphicsItem, font: QFont) -> None:
        self._parent = parent
        self._font = font
        self._items: list[tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]] = []
        self.slots: list[LabelSlot] = []

    @property
    def font(self) -> QFont:
        return self._font

    def show(self, slots: list[LabelSlot], bold_event: int | None) -> None:
        while len(self._items) < len(slots):
            self._items.append(self._new_item())
        bold = QFont(self._font)
        bold.setBold(True)
        for slot, (back, text) in zip(slots, self._items, strict=False):
            is_bold = slot.event == bold_event
            text.setFont(bold if is_bold else self._font)
            text.setText(slot.text)
            width = text.boundingRect().width() if is_bold else slot.width
            back.setRect(QRectF(-1, 0, width + 2, QFontMetricsF(self._font).height()))
            back.setPos(slot.left, slot.top)
            back.setVisible(True)
        for back, _ in self._items[len(slots) :]:
            back.setVisible(False)
        self.slots = slots

    def slot_at(self, x: float, y: float) -> LabelSlot | None:
        height = QFontMetricsF(self._font).height()
        for slot in self.slots:
            if slot.left <= x <= slot.left + slot.width and slot.top <= y <= slot.top + height:
                return slot
        return None

    def _new_item(self) -> tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]:
        back = QGraphicsRectItem(self._parent)
        back.setBrush(QBrush(QColor(255, 255, 255, 190)))
        back.setPen(QPen(Qt.PenStyle.NoPen))
        back.setZValue(LABEL_Z)
        text = QGraphicsSimpleTextItem(back)
        text.setBrush(QBrush(palette.TEXT))
        text.setFont(self._font)
        return back, text
