"""The panels follow the one shared selection: From/To fields, Clear selection, --from/--to."""

from __future__ import annotations

import datetime as dt

import pytest
from panels_support import grouped_ids, make_panels, period, table_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from karabakh_timeline.cli import build_parser
from karabakh_timeline.cli.common import selected_range
from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.ui.docks.panel_docks import (
    CASUALTY_DOCK,
    CLEARANCE_DOCK,
    create_panel_docks,
    set_dataset,
)
from karabakh_timeline.ui.panels.casualty_panel import CasualtyPanel
from karabakh_timeline.ui.panels.period_header import range_texts
from karabakh_timeline.ui.selection import Selection


def test_panels_update_when_the_selection_changes(qtbot, sample_dataset):
    selection, casualties, clearance = make_panels(qtbot, sample_dataset, "2004", "2004")
    assert "cas-2004" in table_rows(casualties.table_model)
    with (
        qtbot.waitSignal(casualties.table_model.modelReset, timeout=2000),
        qtbot.waitSignal(clearance.contents_changed, timeout=2000),
    ):
        selection.set_period(period("1995", "1995"))
    assert grouped_ids(casualties.table_model) == ([], ["cas-asof-2019", "cas-1993-1999"])
    assert clearance.table_stack.currentWidget() is clearance.empty
    # The whole sentence is the tooltip; the caption shows as much of it as fits on its line.
    assert casualties.caption.toolTip() == "0 reports wholly within 1995, 2 partly overlapping"
    assert casualties.caption.text().startswith("<b>0</b>")
    assert "<b>2</b> partly" in casualties.caption.text()
    with qtbot.waitSignal(clearance.contents_changed, timeout=2000):
        selection.set_period(period("2003", "2003"))
    assert set(table_rows(clearance.table_model)) == {"clr-2003", "clr-2000-2003"}
    assert clearance.table_stack.currentWidget() is clearance.table


def test_typing_from_and_to_selects_the_period_like_the_command_line(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset)
    header = casualties.header
    assert (header.from_field.text(), header.to_field.text()) == ("1991", "2023")
    assert not header.clear_button.isEnabled()
    header.from_field.setText("2004")
    header.to_field.clear()
    qtbot.keyClicks(header.to_field, "2004")
    with qtbot.waitSignal(selection.period_changed, timeout=2000) as changed:
        qtbot.keyClick(header.to_field, Qt.Key.Key_Return)
    assert changed.args == [period("2004", "2004")]
    assert selection.period.first == dt.date(2004, 1, 1)
    assert selection.period.last == dt.date(2004, 12, 31)
    assert set(grouped_ids(casualties.table_model)[0]) == {
        "cas-2004",
        "cas-2004-h1",
        "cas-2004-h1-press",
    }
    assert header.clear_button.isEnabled()


def test_the_fields_follow_the_selection_in_its_coarsest_precision(qtbot, sample_dataset):
    selection, casualties, clearance = make_panels(qtbot, sample_dataset)
    selection.set_period(period("2020-11", "2021-12"))
    for panel in (casualties, clearance):
        assert panel.header.from_field.text() == "2020-11"
        assert panel.header.to_field.text() == "2021-12"
    selection.set_period(period("2021-06-04", "2021-06-10"))
    assert casualties.header.from_field.text() == "2021-06-04"
    assert casualties.header.to_field.text() == "2021-06-10"
    assert range_texts(period("2000", "2003")) == ("2000", "2003")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2004-13", "2004", "From: '2004-13' has no month 13."),
        ("2004", "2004-02-30", "To: '2004-02-30' is not a real day"),
        ("spring", "2004", "From: 'spring' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD."),
        ("2005", "2004", "The period ends before it starts: “2004” is earlier than “2005”."),
    ],
)
def test_a_wrong_date_is_explained_and_the_selection_kept(
    qtbot, sample_dataset, start, end, message
):
    selection, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    header = casualties.header
    header.from_field.setText(start)
    header.to_field.setText(end)
    with qtbot.waitSignal(header.invalid_input, timeout=2000) as invalid:
        assert header.apply() is False
    assert invalid.args[0].startswith(message)
    assert header.message.isVisibleTo(header)
    assert header.message.text().startswith(message)
    assert selection.period == period("2004", "2004")
    # Typing again clears the complaint; a right date then applies.
    qtbot.keyClick(header.from_field, Qt.Key.Key_Backspace)
    assert not header.message.isVisibleTo(header)
    assert header.from_field.styleSheet() == ""
    header.from_field.setText("2003")
    header.to_field.setText("2003")
    assert header.apply() is True
    assert not header.message.isVisibleTo(header)
    assert selection.period == period("2003", "2003")


def test_an_empty_field_means_the_start_or_end_of_everything(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    casualties.header.from_field.clear()
    casualties.header.to_field.setText("1995")
    assert casualties.header.apply()
    assert selection.period.first == FULL_RANGE.first
    assert casualties.header.from_field.text() == "1991"


def test_clear_selection_selects_everything(qtbot, sample_dataset):
    selection, casualties, clearance = make_panels(qtbot, sample_dataset, "1995", "1995")
    with qtbot.waitSignal(clearance.contents_changed, timeout=2000):
        qtbot.mouseClick(clearance.header.clear_button, Qt.MouseButton.LeftButton)
    assert selection.is_everything
    assert casualties.header.from_field.text() == "1991"
    assert len(table_rows(clearance.table_model)) == len(sample_dataset.clearance)


def test_from_and_to_on_the_command_line_reach_the_panels_through_the_selection(
    qtbot, sample_dataset
):
    args = build_parser().parse_args(["--from", "2004", "--to", "2004"])
    selection = Selection()
    selection.set_period(selected_range(args))
    panel = CasualtyPanel(selection, sample_dataset)
    qtbot.addWidget(panel)
    assert "cas-2004-h1-press" in table_rows(panel.table_model)
    assert "cas-2003" not in table_rows(panel.table_model)
    assert (panel.header.from_field.text(), panel.header.to_field.text()) == ("2004", "2004")


def test_docks_have_names_for_saved_state_and_take_another_dataset(qtbot, sample_dataset):
    import dataclasses

    window = QMainWindow()
    qtbot.addWidget(window)
    selection = Selection()
    selection.set_period(period("2004", "2004"))
    docks = create_panel_docks(sample_dataset, selection, window)
    assert all(isinstance(dock, QDockWidget) for dock in docks)
    assert [dock.objectName() for dock in docks] == [CASUALTY_DOCK, CLEARANCE_DOCK]
    assert [dock.windowTitle() for dock in docks] == ["Casualties", "Clearance"]
    for dock in docks:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    smaller = dataclasses.replace(
        sample_dataset,
        casualties=tuple(c for c in sample_dataset.casualties if c.id == "cas-2004"),
    )
    casualties = docks[0].widget()
    with qtbot.waitSignal(casualties.contents_changed, timeout=2000):
        set_dataset(docks, smaller)
    assert list(table_rows(casualties.table_model)) == ["cas-2004"]
    assert casualties.dataset is smaller
    assert not casualties.conflicts.isVisibleTo(casualties)
