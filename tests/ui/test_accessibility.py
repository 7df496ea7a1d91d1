"""Keyboard and screen readers: every control has an accessible name, Tab goes through the
window in reading order, and the shortcuts dialog lists the timeline's own keys."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from window_support import open_window

from karabakh_timeline.ui.accessible_names import is_control
from karabakh_timeline.ui.dialogs.help_dialogs import shortcut_rows
from karabakh_timeline.ui.docks.panel_docks import create_panel_docks


def _window(qtbot, dataset, folder):  # type: ignore[no-untyped-def]
    window, selection = open_window(qtbot, dataset, folder)
    for dock in create_panel_docks(dataset, selection, window):
        window.add_panel_dock(dock)
    return window


def test_every_control_has_an_accessible_name(qtbot, sample_dataset, tmp_path):
    window = _window(qtbot, sample_dataset, tmp_path)
    controls = [w for w in window.findChildren(QWidget) if is_control(w)]
    assert len(controls) > 20
    unnamed = [
        (type(w).__name__, w.objectName()) for w in controls if not w.accessibleName().strip()
    ]
    assert unnamed == []
    names = {w.accessibleName() for w in controls}
    assert {"Timeline", "Search events", "Events", "Event details"} <= names
    assert "Show Incidents events" in names or any(n.startswith("Show ") for n in names)


def test_tab_goes_from_the_timeline_through_the_events_list_to_the_details(
    qtbot, sample_dataset, tmp_path
):
    window = _window(qtbot, sample_dataset, tmp_path)
    panel = window.events_panel
    order = []
    widget = window.timeline
    for _ in range(60):
        order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is window.timeline:
            break
    wanted = [window.timeline, panel.search_box, panel.table, window.details_panel]
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions)
    boxes = [order.index(box) for box in panel.category_boxes.values()]
    assert all(positions[1] < at < positions[2] for at in boxes)


def test_the_shortcuts_list_the_timeline_keys(qtbot, sample_dataset, tmp_path):
    window = _window(qtbot, sample_dataset, tmp_path)
    rows = dict(shortcut_rows(window.actions()))
    assert (
        rows["Move the period selected last by its own length (timeline focused)"] == "Right, Left"
    )
    assert rows["Select the year (month, day) under the keyboard cursor"] == "Enter"
    assert rows["Go to the timeline (arrows move the period)"] == "Ctrl+T"
    assert rows["Next event"] == "Right, N"
