"""Which columns the report tables show: who reported each figure in view at 1280 × 800, finer
splits from the header's menu (remembered), the period column kept in view, each period from
the top."""

from __future__ import annotations

import pytest
from panels_support import make_panels, period
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu
from window_support import open_window, settings_at

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.docks.panel_docks import create_panel_docks
from karabakh_timeline.ui.panels.casualty_panel import CasualtyPanel
from karabakh_timeline.ui.panels.report_cells import CASUALTY_SHOWN
from karabakh_timeline.ui.selection import Selection


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_dataset()


def in_view(table, key: str) -> bool:  # type: ignore[no-untyped-def]
    model = table.model().sourceModel()
    column = model.column_index(key)
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    right = left + header.sectionSize(column)
    return not header.isSectionHidden(column) and left >= 0 and right <= table.viewport().width()


def test_who_reported_is_in_view_at_1280_by_800_without_scrolling(qtbot, bundled, tmp_path):
    window, selection = open_window(qtbot, bundled, tmp_path)
    docks = create_panel_docks(bundled, selection, window, settings=settings_at(tmp_path))
    for dock in docks:
        window.add_panel_dock(dock)
    window.resize(1216, 760)  # what a first start gives the window on a 1280 × 800 screen
    selection.set_period(period("2004", "2004"))
    for dock in docks:
        dock.raise_()
        table = dock.panel.table
        qtbot.waitUntil(lambda t=table: t.isVisible() and t.viewport().width() > 0, timeout=2000)
        QApplication.processEvents()
        for key in ("period", "overlap", "organisation", "source"):
            assert in_view(table, key), (dock.objectName(), key)
        assert table.horizontalScrollBar().maximum() == 0, dock.objectName()
        # Beside the table, the totals, chart and disputed figures fit their width too.
        pane = dock.panel.lower_scroll
        assert pane.horizontalScrollBar().maximum() == 0, dock.objectName()
        assert pane.widget().width() <= pane.viewport().width()
        # Each column shown is wide enough to begin its text, not a sliver.
        header = table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        assert min(header.sectionSize(c) for c in shown) >= 40
    casualties = docks[0].panel
    assert casualties.columns.shown_keys == CASUALTY_SHOWN
    horizontal = Qt.Orientation.Horizontal
    headers = [casualties.proxy.headerData(c, horizontal) for c in range(header.count())]
    assert "Reported by" in headers and "Source" in headers
    # The two first-half reports of 2004 are told apart by who reported them.
    who = [
        casualties.proxy.index(r, casualties.table_model.column_index("organisation")).data()
        for r in range(casualties.proxy.rowCount())
        if casualties.proxy.index(r, 0).data() == "Jan – Jun 2004"
    ]
    assert len(who) == 2 and len(set(who)) == 2


def test_the_header_menu_shows_finer_splits_and_remembers_them(
    qtbot, sample_dataset, tmp_path, monkeypatch
):
    popped: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, where, *args: popped.append(menu))
    settings = QSettings(str(tmp_path / "columns.ini"), QSettings.Format.IniFormat)
    selection = Selection()
    panel = CasualtyPanel(selection, sample_dataset, settings=settings)
    qtbot.addWidget(panel)
    civilian = panel.table_model.column_index("civilian")
    assert panel.table.isColumnHidden(civilian)

    header = panel.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))
    menu = panel.columns.menu
    assert popped == [menu]
    by_text = {action.text(): action for action in menu.actions() if action.isCheckable()}
    assert by_text["Period"].isChecked() and not by_text["Period"].isEnabled()
    assert by_text["Reported by"].isChecked() and by_text["Source"].isChecked()
    assert not by_text["Civilians"].isChecked()
    by_text["Civilians"].trigger()
    menu.close()
    assert not panel.table.isColumnHidden(civilian)
    assert panel.columns.shown_keys[-1] == "civilian"

    again = CasualtyPanel(selection, sample_dataset, settings=settings)
    qtbot.addWidget(again)
    assert not again.table.isColumnHidden(civilian)
    assert again.columns.shown_keys == (*CASUALTY_SHOWN, "civilian")

    restore = next(a for a in again.columns.actions() if a.objectName() == "restoreDefaultColumns")
    assert restore.isEnabled()
    restore.trigger()
    assert again.table.isColumnHidden(civilian)
    third = CasualtyPanel(selection, sample_dataset, settings=settings)
    qtbot.addWidget(third)
    assert third.columns.shown_keys == CASUALTY_SHOWN


def test_the_period_column_stays_in_view_when_scrolled_sideways(qtbot, sample_dataset, tmp_path):
    settings = QSettings(str(tmp_path / "columns.ini"), QSettings.Format.IniFormat)
    selection = Selection()
    panel = CasualtyPanel(selection, sample_dataset, settings=settings)
    qtbot.addWidget(panel)
    for column in panel.table_model.columns:
        panel.columns.set_shown(column.key, True)
    panel.resize(520, 400)
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    assert not table.frozen_in_view
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    assert table.columnViewportPosition(0) < 0  # the table's own column has scrolled away
    assert table.frozen_in_view
    frozen = table.frozen
    assert frozen.geometry().left() <= table.frameWidth()
    assert frozen.width() == table.columnWidth(0)
    first_report = panel.proxy.index(1, 0)
    assert first_report.data()  # a period, shown by the overlay in line with its row
    rect = frozen.visualRect(first_report)
    assert frozen.viewport().rect().contains(rect.center())
    assert rect.top() == table.visualRect(panel.proxy.index(1, 2)).top()
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value()
    bar.setValue(0)
    assert not table.frozen_in_view


def test_each_period_starts_at_the_top_of_the_list(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset)
    casualties.resize(700, 160)
    casualties.show()
    qtbot.waitExposed(casualties)
    bar = casualties.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    selection.set_period(period("1995", "2010"))
    assert bar.value() == 0
