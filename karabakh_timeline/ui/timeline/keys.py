"""The timeline's keys, for what the mouse does on the canvas: with the timeline focused (Tab to
it, or Ctrl+T), a keyboard cursor marks a date and the arrows work on the selected period.

- Right / Left move the selected period by its own length (2000–2004 becomes 2005–2009) when a
  period was what was selected last; after an event was, they step through the events.
- Shift+Right / Shift+Left extend the period by one unit at its end / its start;
  Ctrl+Shift+Left / Ctrl+Shift+Right shrink it at its end / its start.
- Ctrl+Right / Ctrl+Left move the keyboard cursor by one unit; the view pans to keep it in view.
- Enter selects the year (or month, or day, as the axis shows) under the keyboard cursor;
  E selects the era there.

Everywhere else Right / Left, and N / P everywhere, step through the events (the window's Next
and Previous). So the arrows act on what was selected last, as Zoom to selection does: click an
event and Right goes to the next event; draw or type a period and Right moves it on. The
keyboard cursor shows when the timeline is reached by Tab or Ctrl+T, or a cursor key is used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent

from karabakh_timeline.model.date_units import add_units, clamp, resize, shift, unit_range
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.era_layer import EraLayer
from karabakh_timeline.ui.timeline.time_axis import TimeAxis, date_to_x, range_to_x, x_to_date


class KeyedTimeline(Protocol):
    """What the timeline's keys need of the view: its plots, the axis selections snap to, the
    selection and the view's focus. The view satisfies it; the keys never import it."""

    @property
    def selection(self) -> Selection: ...
    @property
    def bounds(self) -> DateRange: ...
    @property
    def eras(self) -> EraLayer: ...
    @property
    def time_axis(self) -> TimeAxis: ...
    @property
    def period_selected_last(self) -> bool: ...
    # pyqtgraph's PlotItems, untyped: see the pyqtgraph override in pyproject.toml.
    @property
    def lanes(self) -> Any: ...
    @property
    def casualties_plot(self) -> Any: ...
    @property
    def clearance_plot(self) -> Any: ...
    def hasFocus(self) -> bool: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def setAccessibleDescription(self, description: str) -> None: ...


TIMELINE_KEYS = (
    ("Move the period selected last by its own length (timeline focused)", "Right, Left"),
    ("Extend the selected period at its end / its start", "Shift+Right, Shift+Left"),
    ("Shrink the selected period at its end / its start", "Ctrl+Shift+Left, Ctrl+Shift+Right"),
    ("Move the keyboard cursor by one year, month or day", "Ctrl+Right, Ctrl+Left"),
    ("Select the year (month, day) under the keyboard cursor", "Enter"),
    ("Select the era under the keyboard cursor", "E"),
)
"""What the focused timeline's own keys do, for the shortcuts dialog and the README."""

_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class TimelineKeys(QObject):
    cursor_moved = Signal(object)
    """The keyboard cursor moved or showed; carries the ``DateRange`` of the unit it is on
    (``cursor_text`` says it in words, for the status bar)."""

    def __init__(self, parent: QObject, view: KeyedTimeline) -> None:
        super().__init__(parent)
        self._view = view
        self._cursor: dt.date | None = None
        pen = pg.mkPen(palette.SELECTION_EDGE, width=1.5, style=Qt.PenStyle.DashLine)
        self._lines = []
        for plot in (view.lanes, view.casualties_plot, view.clearance_plot):
            line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
            line.setZValue(30)
            line.hide()
            plot.addItem(line, ignoreBounds=True)
            self._lines.append(line)
        view.installEventFilter(self)

    def show_cursor(self) -> None:
        """Show the keyboard cursor now (the timeline was chosen from the keyboard)."""
        self._show_cursor(True)

    def cursor_shown(self) -> bool:
        return self._lines[0].isVisible()

    def cursor_text(self) -> str:
        """What the status bar and a screen reader are told about the cursor, or ""."""
        if self._cursor is None or not self.cursor_shown():
            return ""
        here = unit_range(self._cursor, self._view.time_axis.coarse_unit())
        return f"Keyboard cursor: {here.display()} (Enter selects it, E selects its era)"

    @property
    def cursor(self) -> dt.date | None:
        """The day the keyboard cursor is on (the start of its unit), or None before focus."""
        return self._cursor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if getattr(self._view, "closed", False):  # its items and viewport are gone
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            reason = event.reason() if isinstance(event, QFocusEvent) else None
            keyboard = (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason,
            )
            if reason in keyboard:
                self._show_cursor(True)
        elif kind == QEvent.Type.FocusOut:
            self._show_cursor(False)
        elif kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._is_ours(event):
                event.accept()  # a key press for the timeline, not the window's shortcut
                return True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._is_ours(event):
            self.press(event.key(), event.modifiers())
            return True
        return super().eventFilter(watched, event)

    def _is_ours(self, event: QKeyEvent) -> bool:
        if not self._view.hasFocus():
            return False
        key, mods = event.key(), event.modifiers() & _MODIFIERS
        shift = Qt.KeyboardModifier.ShiftModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if key in _ARROWS:
            if mods == Qt.KeyboardModifier.NoModifier:  # the period, if it was chosen last
                return self._view.period_selected_last and not self._view.selection.is_everything
            return mods in (shift, ctrl, shift | ctrl)
        if key in _ENTER or key == Qt.Key.Key_E:
            return mods == Qt.KeyboardModifier.NoModifier
        return False

    def press(self, key: int, modifiers: Qt.KeyboardModifier) -> None:
        """Do what the key does (see the module's note); the view must have been focused."""
        view = self._view
        if self._cursor is None:
            self._place_cursor()
        mods = modifiers & _MODIFIERS
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        forward = key == Qt.Key.Key_Right
        if key in _ENTER:
            self._select(unit_range(self._here(), view.time_axis.coarse_unit()))
        elif key == Qt.Key.Key_E:
            era = view.eras.era_at(date_to_x(self._here()) + 1)
            if era is not None and era.date.first_day is not None:
                last = era.date.last_day or view.bounds.last
                self._select(DateRange(era.date.first_day, last))
        elif shift:
            self._resize(forward, ctrl)
        elif ctrl:
            self._move_cursor(forward)
        else:
            moved = shift_period(view.selection.period, forward, view.bounds)
            if moved is not None:
                self._select(moved)
                self._set_cursor(moved.first)

    def _resize(self, forward: bool, shrink: bool) -> None:
        view = self._view
        unit = view.time_axis.unit()
        period = view.selection.period
        if view.selection.is_everything:
            period = unit_range(self._here(), unit)
        # Grow: Right moves the end on, Left the start back. Shrink: Left pulls the end in,
        # Right pushes the start on.
        at_end = forward != shrink
        changed = resize(period, unit, edge_end=at_end, grow=not shrink)
        if changed is not None:
            kept = clamp(changed, view.bounds)
            if kept is not None:
                self._select(kept)

    def _move_cursor(self, forward: bool) -> None:
        unit = self._view.time_axis.unit()
        start = unit_range(self._here(), unit).first
        moved = add_units(start, unit, 1 if forward else -1)
        bounds = self._view.bounds
        self._set_cursor(min(max(moved, bounds.first), bounds.last))

    def _select(self, chosen: DateRange) -> None:
        view = self._view
        kept = clamp(chosen, view.bounds)
        if kept is None:
            return
        view.selection.set_period(kept)
        x0, x1 = range_to_x(kept)
        (v0, v1), _ = view.lanes.vb.viewRange()
        if x0 < v0 or x1 > v1:  # keep the period in sight, zooming out only if it must
            width = max(v1 - v0, (x1 - x0) * 1.1)
            centre = (x0 + x1) / 2
            view.lanes.vb.setXRange(centre - width / 2, centre + width / 2, padding=0)
        self._show_cursor(view.hasFocus())

    def _here(self) -> dt.date:
        assert self._cursor is not None
        return self._cursor

    def _place_cursor(self) -> None:
        view = self._view
        if not view.selection.is_everything:
            self._cursor = view.selection.period.first
            return
        (x0, x1), _ = view.lanes.vb.viewRange()
        middle = x_to_date((x0 + x1) / 2)
        self._cursor = unit_range(middle, view.time_axis.coarse_unit()).first

    def _set_cursor(self, day: dt.date) -> None:
        self._cursor = day
        view = self._view
        x = date_to_x(day)
        (x0, x1), _ = view.lanes.vb.viewRange()
        margin = (x1 - x0) * 0.05
        if not x0 + margin <= x <= x1 - margin:  # pan, keeping the zoom
            width = x1 - x0
            view.lanes.vb.setXRange(x - width / 2, x + width / 2, padding=0)
        self._show_cursor(view.hasFocus())

    def _show_cursor(self, shown: bool) -> None:
        if shown and self._cursor is None:
            self._place_cursor()
        for line in self._lines:
            line.setVisible(shown)
            if shown and self._cursor is not None:
                line.setPos(date_to_x(self._cursor))
        if not shown or self._cursor is None:
            return
        view = self._view
        view.setAccessibleDescription(self.cursor_text())
        self.cursor_moved.emit(unit_range(self._cursor, view.time_axis.coarse_unit()))


def shift_period(period: DateRange, forward: bool, bounds: DateRange) -> DateRange | None:
    """The period moved by its own length, or None when that would leave the app's years."""
    moved = shift(period, forward)
    if moved.first < bounds.first or moved.last > bounds.last:
        return None
    return moved
