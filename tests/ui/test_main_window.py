"""The main window: keys a reader uses, opening datasets (good and bad), docks, status bar."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMessageBox
from window_support import open_window

from karabakh_timeline.model.dates import DateRange


@pytest.fixture
def window(qtbot, sample_dataset, tmp_path):  # type: ignore[no-untyped-def]
    window, _ = open_window(qtbot, sample_dataset, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.timeline, key, modifier)


def test_title_and_status_name_the_dataset(window):
    assert window.windowTitle() == "Karabakh Timeline — Test sample"
    assert window.dataset_label.text().startswith("Test sample (t1): 6 events")
    assert window.selection_label.text() == "Selected: all of 1991 – 2023"


def test_menus_hold_the_expected_actions(window):
    def texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
        return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]

    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Help"]
    assert texts(menus["File"]) == [
        "Open dataset…",
        "Open dataset folder…",
        "Add dataset…",
        "Remove added dataset",
        "Export image…",
        "Export data…",
        "Quit",
    ]
    assert {"Zoom in", "Zoom out", "Fit all", "Zoom to selection", "Clear selection"} <= set(
        texts(menus["View"])
    )
    assert texts(menus["Help"]) == ["Keyboard shortcuts", "About Karabakh Timeline"]
    assert window.export_image_action.shortcut().toString() == "Ctrl+E"
    assert window.open_action.shortcut().toString() == "Ctrl+O"


def test_right_left_n_and_p_step_through_events(qtbot, window):
    selection = window.selection
    press(qtbot, window, Qt.Key.Key_Right)
    assert selection.event_id == "ev-1995-programme"
    assert window.details_panel.shown_event_id == "ev-1995-programme"
    press(qtbot, window, Qt.Key.Key_N)
    assert selection.event_id == "ev-2004-aghdam"
    press(qtbot, window, Qt.Key.Key_Right)
    assert selection.event_id == "ev-2011-ban"
    press(qtbot, window, Qt.Key.Key_P)
    press(qtbot, window, Qt.Key.Key_Left)
    assert selection.event_id == "ev-1995-programme"
    assert "First training programme" in window.details_panel.toPlainText()


def test_escape_clears_the_selected_period(qtbot, window):
    window.selection.set_period(DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31)))
    assert window.selection_label.text() == "Selected: 2004"
    assert window.clear_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.selection.is_everything
    assert not any(region.isVisible() for region in window.timeline.regions.regions)


def test_zoom_keys_and_home(qtbot, window):
    window.timeline.set_x_range(dt.date(2000, 1, 1), dt.date(2007, 12, 31))
    press(qtbot, window, Qt.Key.Key_Plus)
    first, last = window.timeline.x_range()
    assert abs((last - first).days - 4 * 365) < 5
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Home)
    first, last = window.timeline.x_range()
    assert first <= dt.date(1991, 1, 1) and last >= dt.date(2023, 12, 31)


def test_ctrl_f_goes_to_the_search_and_typing_there_does_not_step(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.events_panel.search_box
    assert box.hasFocus()
    qtbot.keyClicks(box, "np")  # letters go into the box, not to Next/Previous
    assert box.text() == "np"
    qtbot.keyClick(box, Qt.Key.Key_Left)  # moves the text cursor
    assert window.selection.event_id is None


def test_the_status_bar_counts_filtered_events(window):
    window.selection.set_search("zangilan")
    assert "1 of 6 events match the filters" in window.selection_label.text()


def test_opening_a_bad_dataset_keeps_the_current_one_and_lists_the_problems(
    qtbot, window, tmp_path
):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "events:\n  - {id: e1, date: 2023-02-30, category: nope, title: T, description: D,"
        " sources: [s]}\n",
        encoding="utf-8",
    )
    before = window.timeline
    assert window.open_dataset(bad) is False
    box = window.problems_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=2000)
    assert "bad.yaml" in box.text() and "Test sample" in box.text()
    assert f"{bad}:2:" in box.informativeText()
    assert "not a real day" in box.informativeText()
    assert "unknown category 'nope'" in box.detailedText()
    assert window.timeline is before and window.dataset.info.name == "Test sample"
    assert window.windowTitle() == "Karabakh Timeline — Test sample"
    box.close()


def test_opening_a_good_dataset_shows_it_everywhere(qtbot, window, tmp_path):
    (tmp_path / "other.yaml").write_text(
        textwrap.dedent(
            """
            dataset: {name: Other data, version: "2"}
            sources: [{id: s, title: A source, publisher: P}]
            categories: [{id: c, label: Only lane}]
            events:
              - {id: x1, date: 2010-05, category: c, title: Something, description: D, sources: [s]}
            """
        ),
        encoding="utf-8",
    )
    window.selection.set_event("ev-2021-maps")
    window.selection.set_search("maps")
    with qtbot.waitSignal(window.dataset_changed, timeout=2000):
        assert window.open_dataset(tmp_path / "other.yaml")
    assert window.windowTitle() == "Karabakh Timeline — Other data"
    assert window.timeline.visible_event_ids() == ["x1"]
    assert window.events_panel.shown_event_ids() == ["x1"]
    assert window.selection.event_id is None and window.selection.search == ""
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.details_panel.shown_event_id == "x1"
    press(qtbot, window, Qt.Key.Key_Plus)  # the view actions act on the new view
    first, last = window.timeline.x_range()
    assert last - first < dt.timedelta(days=7000)  # half of 1991–2023


def test_panel_docks_go_below_the_timeline_as_tabs(window):
    first = QDockWidget("Casualties")
    first.setObjectName("casualtiesDock")
    first.setWidget(QLabel("casualties"))
    second = QDockWidget("Clearance")
    second.setObjectName("clearanceDock")
    second.setWidget(QLabel("clearance"))
    window.add_panel_dock(first)
    window.add_panel_dock(second)
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(first) == bottom and window.dockWidgetArea(second) == bottom
    assert window.tabifiedDockWidgets(first) == [second]
    assert first.toggleViewAction() in window.panels_menu.actions()


def test_shortcuts_dialog_lists_the_windows_own_keys(window):
    from karabakh_timeline.ui.dialogs.help_dialogs import ShortcutsDialog, shortcut_rows

    rows = dict(shortcut_rows(window.actions()))
    assert rows["Next event"] == "Right, N"
    assert rows["Previous event"] == "Left, P"
    assert rows["Fit all"] == "Home"
    assert rows["Clear selection"] == "Esc"
    dialog = ShortcutsDialog(window.actions(), window)
    assert dialog.table.rowCount() == len(shortcut_rows(window.actions()))
    dialog.deleteLater()


def test_about_names_the_sources_and_the_licences(window, sample_dataset):
    from karabakh_timeline.ui.dialogs.help_dialogs import about_html

    text = about_html(sample_dataset)
    assert "MIT" in text and "Data licence:</b> CC0" in text
    for source in sample_dataset.sources.values():
        assert source.title in text
    assert "https://example.org/a" in text


def test_escape_clears_the_event_first_then_the_period(qtbot, window):
    selection = window.selection
    chosen = DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
    selection.set_period(chosen)
    selection.set_event("ev-2004-aghdam")
    assert "Tractor hits a mine" in window.details_panel.toPlainText()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert selection.event_id is None
    assert selection.period == chosen  # the first Esc leaves the period alone
    assert "Click an event" in window.details_panel.toPlainText()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert selection.is_everything
    assert not window.clear_action.isEnabled()  # nothing left to clear


def test_next_with_a_search_steps_through_the_matching_events_only(qtbot, window):
    selection = window.selection
    selection.set_search("maps")  # two of the six events mention maps
    shown = window.timeline.visible_event_ids()
    assert shown == ["ev-2021-maps", "ev-2021-accuracy"]
    press(qtbot, window, Qt.Key.Key_N)
    assert selection.event_id == "ev-2021-maps"
    message = window.statusBar().currentMessage()
    assert "Event 1 of the 2 that match the filters" in message
    assert "step through these only" in message
    press(qtbot, window, Qt.Key.Key_N)
    assert selection.event_id == "ev-2021-accuracy"
    press(qtbot, window, Qt.Key.Key_N)
    assert selection.event_id == "ev-2021-accuracy"  # nothing later matches
    assert window.statusBar().currentMessage() == (
        "No later event among those that match the filters"
    )
    press(qtbot, window, Qt.Key.Key_P)
    assert selection.event_id == "ev-2021-maps"


def test_next_skips_the_events_of_a_hidden_category(qtbot, window, sample_dataset):
    selection = window.selection
    selection.set_category_visible(sample_dataset.record("ev-2004-aghdam").category, False)
    press(qtbot, window, Qt.Key.Key_N)
    press(qtbot, window, Qt.Key.Key_N)
    assert selection.event_id != "ev-2004-aghdam"
    assert "that match the filters" in window.statusBar().currentMessage()
