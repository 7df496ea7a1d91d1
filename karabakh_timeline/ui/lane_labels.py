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
MIN_WIDTH = 76.0  # px: a shorter label says too little to be worth its room
GAP = 10.0  # px between labels in a track
THIN_STEP = 24.0  # px: at most one label candidate per step per lane
LABEL_Z = 20


class TextMeasure:
    """Widths of titles in one font, each measured once: labels are re-placed on every pan."""

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

    def elide(self, text: str, width: float) -> str:
        return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass(frozen=True, slots=True)
class LabelSlot:
    event: int  # index into the dataset's events
    left: float  # px, in the lane area's own coordinates
    top: float
    width: float
    text: str


@dataclass(frozen=True, slots=True)
class LaneCandidates:
    """One lane's labellable events in x order, and where the lane is, all in px."""

    events: npt.NDArray[np.int64]
    anchors: npt.NDArray[np.float64]  # where each label would start
    centre: float  # the lane's marker line
    top: float
    bottom: float
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


def tracks(
    lane: LaneCandidates, text_height: float, marker_size: float
) -> tuple[list[float], bool]:
    """Tops of the label rows that fit in the lane, and whether labels must go beside markers.

    Rows above and below the marker line keep labels off the markers, so a label may run past
    its neighbours' markers; when neither fits, a label sits on the line, between two markers.
    """
    offset = marker_size / 2 + 2
    tops = []
    above = lane.centre - offset - text_height
    if above >= lane.top:
        tops.append(above)
    below = lane.centre + offset
    if below + text_height <= lane.bottom:
        tops.append(below)
    if tops:
        return tops, False
    beside = lane.centre - text_height / 2
    if beside >= lane.top and beside + text_height <= lane.bottom:
        return [beside], True
    return [], False


def place(
    lanes: Sequence[LaneCandidates],
    metrics: TextMeasure,
    titles: Sequence[str],
    right_edge: float,
    marker_size: float,
    priority: int | None = None,
    priority_metrics: TextMeasure | None = None,
) -> list[LabelSlot]:
    """Lay labels into each lane's rows without overlap; the priority event goes first.

    ``priority_metrics`` measure the priority event's label (drawn in bold, so wider).
    """
    slots: list[LabelSlot] = []
    for lane in lanes:
        tops, beside = tracks(lane, metrics.height(), marker_size)
        taken: list[list[tuple[float, float]]] = [[] for _ in tops]
        order = list(range(lane.events.size))
        if priority is not None:
            order.sort(key=lambda n: lane.events[n] != priority)
        for n in order if tops else []:
            event = int(lane.events[n])
            left = float(lane.anchors[n])
            if beside and not lane.is_point[n]:
                continue
            room = _room(lane, n, left, right_edge, marker_size, len(tops), beside)
            measure = metrics
            if event == priority:
                room = min(MAX_WIDTH, right_edge - left)
                measure = priority_metrics or metrics
            anchor = left
            if beside:
                left += marker_size / 2 + 3
            # Near the right edge a label may end at its marker instead; on a thin lane's
            # marker line only the selected event's may, as it could cover other markers.
            may_end_at_marker = lane.is_point[n] and (not beside or event == priority)
            end = anchor - 6 if beside else anchor + marker_size  # clear of the marker's ring
            slot = None
            # The selected event's title is worth reading whole: before the marker if there
            # is not room enough after it.
            if (
                event == priority
                and may_end_at_marker
                and room < measure.width(measure.elide(titles[event], MAX_WIDTH))
            ):
                slot = _fit_before(taken, tops, event, end, titles[event], measure)
            if slot is None:
                slot = _fit(taken, tops, event, left, room, titles[event], measure)
            if slot is None and may_end_at_marker:
                slot = _fit_before(taken, tops, event, end, titles[event], measure)
            if slot is not None:
                slots.append(slot)
    return slots


def _room(
    lane: LaneCandidates,
    n: int,
    left: float,
    right_edge: float,
    marker_size: float,
    rows: int,
    beside: bool,
) -> float:
    room = min(MAX_WIDTH, right_edge - left)
    if beside:
        # On the marker line: stop before the next marker.
        if n + 1 < lane.events.size:
            room = min(room, float(lane.anchors[n + 1]) - left - marker_size - 6)
        return room
    ahead = n + rows  # the next candidate likely to share this row: leave it a chance
    if ahead < lane.events.size:
        room = min(room, max(float(lane.anchors[ahead]) - left - GAP, MIN_WIDTH))
    return room


def _fit(
    taken: list[list[tuple[float, float]]],
    tops: list[float],
    event: int,
    left: float,
    room: float,
    title: str,
    metrics: TextMeasure,
    least: float = MIN_WIDTH,
) -> LabelSlot | None:
    """The label starting at ``left`` in the first row with room, elided to fit but at least
    ``least`` wide; or None."""
    natural = metrics.width(title)
    for row, top in enumerate(tops):
        free = _free_room(taken[row], left, min(room, natural))
        if free >= natural or free >= least:
            text = title
            if free < natural:
                text = metrics.elide(title, free)
            width = metrics.width(text)
            taken[row].append((left, left + width))
            return LabelSlot(event, left, top, width, text)
    return None


def _fit_before(
    taken: list[list[tuple[float, float]]],
    tops: list[float],
    event: int,
    end: float,
    title: str,
    metrics: TextMeasure,
) -> LabelSlot | None:
    """Near the right edge, the whole label ending at ``end`` instead, if a row has room."""
    text = metrics.elide(title, MAX_WIDTH)
    width = metrics.width(text)
    if end - width < 0:
        return None
    return _fit(taken, tops, event, end - width, width, text, metrics, least=width)


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
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._height = QFontMetricsF(font).height()
        self._items: list[tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]] = []
        self._shown: list[tuple[str, float, bool] | None] = []  # each item's text, width, bold
        self.slots: list[LabelSlot] = []

    @property
    def font(self) -> QFont:
        return self._font

    @property
    def bold_font(self) -> QFont:
        """The selected event's label font."""
        return self._bold

    def show(self, slots: list[LabelSlot], bold_event: int | None) -> None:
        while len(self._items) < len(slots):
            self._items.append(self._new_item())
            self._shown.append(None)
        bold, height = self._bold, self._height
        for number, (slot, (back, text)) in enumerate(zip(slots, self._items, strict=False)):
            # A pan moves most labels and changes few: set only what changed.
            looks = (slot.text, slot.width, slot.event == bold_event)
            if self._shown[number] != looks:
                self._shown[number] = looks
                text.setFont(bold if slot.event == bold_event else self._font)
                text.setText(slot.text)
                back.setRect(QRectF(-1, 0, slot.width + 2, height))
            back.setPos(slot.left, slot.top)
            back.setVisible(True)
        for back, _ in self._items[len(slots) :]:
            back.setVisible(False)
        self.slots = slots

    def slot_at(self, x: float, y: float) -> LabelSlot | None:
        height = self._height
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
