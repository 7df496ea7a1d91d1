"""Every canvas action has a keyboard path: with the timeline focused the arrows move the period
when a period was selected last (and step the events after an event was), Shift+arrows resize
it, a keyboard cursor marks a date, Enter selects its year and E its era."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from timeline_support import click, marker_point, shown_view
from window_support import open_window

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.docks.panel_docks import create_panel_docks

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def years(first: int, last: int) -> DateRange:
    return DateRange(dt.date(first, 1, 1), dt.date(last, 12, 31))


@pytest.fixture
def focused(qtbot, sample_dataset):  # type: ignore[no-untyped-def]
    view, selection = shown_view(qtbot, sample_dataset)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)
    view.clearFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    return view, selection


def test_arrows_move_the_selected_period_by_its_own_length(qtbot, focused):
    view, selection = focused
    selection.set_event("ev-2004-aghdam")
    selection.set_period(years(2000, 2004))  # the period is what was selected last
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert selection.period == years(2005, 2009)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert selection.period == years(1995, 1999)
    assert selection.event_id == "ev-2004-aghdam"  # the arrows leave the event alone here


def test_shift_arrows_extend_and_ctrl_shift_arrows_shrink_the_period(qtbot, focused):
    view, selection = focused  # fit all: the axis shows years
    selection.set_period(years(2000, 2004))
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    assert selection.period == years(2000, 2005)
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT)
    assert selection.period == years(1999, 2005)
    qtbot.keyClick(view, Qt.Key.Key_Left, SHIFT | CTRL)
    assert selection.period == years(1999, 2004)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)
    assert selection.period == years(2000, 2004)


def test_enter_selects_the_year_under_the_keyboard_cursor(qtbot, focused):
    view, selection = focused
    keys = view.keys
    start = keys.cursor
    assert start is not None and start.month == 1 and start.day == 1  # a year's start
    assert keys.cursor_shown()
    assert keys.cursor_text() == (
        f"Keyboard cursor: {start.year} (Enter selects it, E selects its era)"
    )
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert keys.cursor == dt.date(start.year + 2, 1, 1)
    assert selection.is_everything  # moving the cursor selects nothing
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert selection.period == years(start.year + 2, start.year + 2)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # and the arrows now move that year
    assert selection.period == years(start.year + 3, start.year + 3)


def test_e_selects_the_era_under_the_keyboard_cursor(qtbot, focused):
    view, selection = focused
    selection.set_period(years(2000, 2000))  # the cursor starts at the period
    view.clearFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert selection.period == DateRange(dt.date(1994, 5, 1), dt.date(2020, 9, 30))


def test_the_cursor_shows_only_while_the_timeline_has_the_focus(qtbot, focused):
    view, _ = focused
    assert view.keys.cursor_shown()
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.keys.cursor_shown(), timeout=2000)
    assert view.keys.cursor_text() == ""


def test_right_steps_events_after_a_click_and_moves_a_period_drawn_last(
    qtbot, sample_dataset, tmp_path
):
    window, selection = open_window(qtbot, sample_dataset, tmp_path)
    for dock in create_panel_docks(sample_dataset, selection, window):
        window.add_panel_dock(dock)
    window.activateWindow()
    view = window.timeline
    window.focus_timeline_action.trigger()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    assert window.statusBar().currentMessage().startswith("Keyboard cursor: ")
    view.set_x_range(dt.date(1995, 1, 1), dt.date(2015, 12, 31))  # the axis shows years
    selection.set_period(years(2004, 2004))
    click(qtbot, view, marker_point(view, "ev-2004-aghdam"))
    assert selection.event_id == "ev-2004-aghdam"
    qtbot.keyClick(view, Qt.Key.Key_Right)  # an event was selected last: the next event
    assert selection.event_id == "ev-2011-ban"
    assert selection.period == years(2004, 2004)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)  # the period: 2004 – 2005
    assert selection.period == years(2004, 2005)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # now the period was chosen last: it moves on
    assert selection.period == years(2006, 2007)
    assert selection.event_id == "ev-2011-ban"
    qtbot.keyClick(view, Qt.Key.Key_N)  # N steps the events whatever was chosen last
    assert selection.event_id == "ev-2021-kalbajar"
