"""Shared code for the timeline and window tests: show a view, find where things are drawn, and
drive it with real mouse and wheel events, as a hand would."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.time_axis import date_to_x
from karabakh_timeline.ui.timeline.view import TimelineView

LEFT = Qt.MouseButton.LeftButton


def shown_view(qtbot, dataset, size=(1200, 640), selection=None):  # type: ignore[no-untyped-def]
    selection = selection or Selection()
    view = TimelineView(dataset, selection)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view, selection


def at(view: TimelineView, plot, day: dt.date, y: float | None = None) -> QPoint:  # type: ignore[no-untyped-def]
    """Where ``day`` starts in ``plot`` (halfway up, or at ``y``), in viewport pixels."""
    (_, _), (y0, y1) = plot.vb.viewRange()
    scene = plot.vb.mapViewToScene(QPointF(date_to_x(day), (y0 + y1) / 2 if y is None else y))
    return view.mapFromScene(scene)


def marker_point(view: TimelineView, event_id: str) -> QPoint:
    scene = view.marker_scene_pos(event_id)
    assert scene is not None
    return view.mapFromScene(scene)


def _send(
    view: TimelineView,
    kind: QEvent.Type,
    point: QPoint,
    held: Qt.MouseButton,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    viewport = view.viewport()
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
    event = QMouseEvent(
        kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, held, modifiers
    )
    QApplication.sendEvent(viewport, event)


def click(qtbot, view: TimelineView, point: QPoint, double: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Move there and click; a double click is what a window system sends for one."""
    none = Qt.MouseButton.NoButton
    _send(view, QEvent.Type.MouseMove, point, none)
    _send(view, QEvent.Type.MouseButtonPress, point, LEFT)
    _send(view, QEvent.Type.MouseButtonRelease, point, none)
    if double:
        _send(view, QEvent.Type.MouseButtonDblClick, point, LEFT)
        _send(view, QEvent.Type.MouseButtonRelease, point, none)


def drag(qtbot, view: TimelineView, start: QPoint, end: QPoint, shift: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Press at start, move there in steps (holding Shift if asked), release at end."""
    keys = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    _send(view, QEvent.Type.MouseMove, start, Qt.MouseButton.NoButton, keys)
    _send(view, QEvent.Type.MouseButtonPress, start, LEFT, keys)
    steps = 8
    for step in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * step // steps
        y = start.y() + (end.y() - start.y()) * step // steps
        _send(view, QEvent.Type.MouseMove, QPoint(x, y), LEFT, keys)
    _send(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, keys)


def press_and_move(view: TimelineView, start: QPoint, end: QPoint) -> None:
    """Press at start and move to end without letting go: a drag under way."""
    _send(view, QEvent.Type.MouseMove, start, Qt.MouseButton.NoButton)
    _send(view, QEvent.Type.MouseButtonPress, start, LEFT)
    for step in range(1, 5):
        x = start.x() + (end.x() - start.x()) * step // 4
        _send(view, QEvent.Type.MouseMove, QPoint(x, end.y()), LEFT)


def release(view: TimelineView, point: QPoint) -> None:
    _send(view, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)


def hover(view: TimelineView, point: QPoint) -> None:
    _send(view, QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton)


def wheel(
    view: TimelineView,
    point: QPoint,
    notches: int,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Turn the wheel over ``point``, holding ``modifiers``: positive notches are away from the
    user (zoom in, or scroll up)."""
    viewport = view.viewport()
    event = QWheelEvent(
        QPointF(point),
        QPointF(viewport.mapToGlobal(point)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def span_days(view: TimelineView) -> int:
    first, last = view.x_range()
    return (last - first).days + 1


def label_boxes(view: TimelineView) -> list[tuple[str, QRectF]]:
    """Each label's text and box, in the lanes box's pixels."""
    height = QFontMetricsF(view.label_font()).height()
    return [
        (slot.text, QRectF(slot.left, slot.top, slot.width, height)) for slot in view.label_slots()
    ]


def overlapping_labels(view: TimelineView) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap (there must be none)."""
    boxes = label_boxes(view)
    return [
        (a, b)
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.intersects(box_b)
    ]


def labels_outside_their_lane(view: TimelineView) -> list[str]:
    """Labels that stick out of the lanes area or into another lane (there must be none)."""
    vb = view.lanes.vb
    area = QRectF(0, 0, vb.width(), vb.height())
    wrong = []
    for (text, box), slot in zip(label_boxes(view), view.label_slots(), strict=True):
        lane_top, lane_bottom = view.lane_extent(int(view.geometry_.lane[slot.event]))
        top = vb.mapFromView(QPointF(0, lane_top)).y()
        bottom = vb.mapFromView(QPointF(0, lane_bottom)).y()
        inside = area.contains(box) and top - 0.5 <= box.top() and box.bottom() <= bottom + 0.5
        if not inside:
            wrong.append(text)
    return wrong
