"""The report inspector: a report chosen in a table is shown in full in the details panel, and the
panel says what it shows and when that lies outside the selected period."""

from __future__ import annotations

from panels_support import make_panels, period
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl

from karabakh_timeline.ui.docks.details_panel import DetailsPanel


def details_for(qtbot, dataset, selection):  # type: ignore[no-untyped-def]
    panel = DetailsPanel(dataset, selection)
    qtbot.addWidget(panel)
    return panel


def row_of(panel, report_id: str) -> int:  # type: ignore[no-untyped-def]
    proxy, model = panel.proxy, panel.table_model
    for row in range(proxy.rowCount()):
        entry = model.table_row(proxy.mapToSource(proxy.index(row, 0)).row())
        if entry.report is not None and entry.report.report.id == report_id:
            return row
    raise AssertionError(f"{report_id} is not listed")


def test_clicking_a_report_shows_who_reported_what_and_where_it_is_published(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    details = details_for(qtbot, sample_dataset, selection)
    casualties.resize(900, 400)
    casualties.show()
    qtbot.waitExposed(casualties)
    row = row_of(casualties, "cas-2004")
    rect = casualties.table.visualRect(casualties.proxy.index(row, 2))
    qtbot.mouseClick(casualties.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selection.report_id == "cas-2004"
    assert details.shown_report_id == "cas-2004" and details.shown_event_id is None
    assert details.shown_kind == "Casualty report"
    text = details.toPlainText()
    assert text.startswith("CASUALTY REPORT\nMonitor A, 2004")
    assert "span: annual" in text and "series: Monitor A yearly count" in text
    assert "scope: Area A" in text
    assert "Killed\n10" in text and "Injured\n24" in text and "Total\n34" in text
    assert "Children\n≥ 3 (the source says “at least 3”)" in text
    assert "Civilians\nunknown (not given by the source; not zero)" in text
    assert "Incidents\n25" in text
    assert "Reported by: Monitor A" in text
    assert "Annual report A\nMonitor A, 2005 · confidence high\nhttps://example.org/a" in text
    anchors = details.document().toHtml()
    assert 'href="https://example.org/a"' in anchors
    # The incident near Aghdam in June 2004 happened within the report's year.
    assert "Events on the same dates (1)" in text
    assert "June 2004: Tractor hits a mine near Aghdam" in text


def test_a_disputed_report_shows_the_other_report_beside_it(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    details = details_for(qtbot, sample_dataset, selection)
    # Moving to the row with the keyboard shows it as a click does.
    index = casualties.proxy.index(row_of(casualties, "cas-2004-h1-press"), 0)
    casualties.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    text = details.toPlainText()
    assert text.startswith("CASUALTY REPORT\nPaper B, January 2004 – June 2004")
    assert "Injured\nunknown" in text
    assert "Disputed: casualties in the first half of 2004" in text
    assert "Monitor A, January 2004 – June 2004" in text  # the other report, side by side
    assert "The newspaper counts six fewer." in text
    assert "Newspaper item B\nPaper B, July 2004 · confidence medium" in text


def test_an_item_outside_a_new_period_is_marked_not_left_silently(qtbot, sample_dataset):
    selection, _, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    details = details_for(qtbot, sample_dataset, selection)
    selection.set_report("cas-2004-h1")
    assert not details.is_stale
    assert "outside the selected period" not in details.toPlainText()
    selection.set_period(period("2010", "2012"))
    assert details.is_stale
    assert details.toPlainText().startswith(
        "This casualty report lies outside the selected period (2010 – 2012). "
        "It stays here until you choose another."
    )
    selection.set_event("ev-2004-aghdam")  # an event replaces the report, also out of period
    assert selection.report_id is None and details.shown_kind == "Event"
    assert details.toPlainText().startswith("This event lies outside the selected period")
    selection.set_period(period("2004", "2004"))
    assert not details.is_stale
    assert details.toPlainText().startswith("EVENT\nTractor hits a mine near Aghdam")


def test_an_event_beside_a_report_opens_in_the_same_panel(qtbot, sample_dataset):
    selection, _, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    details = details_for(qtbot, sample_dataset, selection)
    selection.set_report("cas-2004")
    with qtbot.assertNotEmitted(details.link_opened):
        details.anchorClicked.emit(QUrl("event:ev-2004-aghdam"))
    assert selection.event_id == "ev-2004-aghdam" and selection.report_id is None
    assert details.shown_event_id == "ev-2004-aghdam"


def test_the_details_dock_title_says_what_it_shows(qtbot, sample_dataset, tmp_path):
    from window_support import open_window

    window, selection = open_window(qtbot, sample_dataset, tmp_path)
    selection.set_event(None)
    assert window.details_dock.windowTitle() == "Details"
    selection.set_report("clr-2004-army")
    assert window.details_dock.windowTitle() == "Details: clearance report"
    text = window.details_panel.toPlainText()
    assert "Area cleared or surveyed\nunknown" in text
    assert "Anti-personnel mines\n48" in text
    selection.set_event("ev-2021-maps")
    assert window.details_dock.windowTitle() == "Details: event"


def test_a_disputed_row_names_the_other_reports_and_the_tint_has_a_legend(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    row = row_of(casualties, "cas-2004-h1")
    killed = casualties.table_model.column_index("killed")
    tip = casualties.proxy.index(row, killed).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        "Disputed, casualties in the first half of 2004: other figures are given by "
        "Paper B, January 2004 – June 2004. All are side by side under “Disputed figures”."
    )
    source = casualties.table_model.column_index("source")
    tip = casualties.proxy.index(row, source).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Annual report A\n") and tip.endswith(
        "Paper B, January 2004 – June 2004. All are side by side under “Disputed figures”."
    )
    assert casualties.legend.isVisibleTo(casualties)
    # The key names both tints on its line; its tooltip says in full what they mean.
    legend = casualties.legend
    assert "Disputed" in legend.text() and "Partly in the period</i>" in legend.text()
    assert "another report gives other figures" in legend.toolTip()
    assert "listed but never added into the totals" in legend.toolTip()
    undisputed = casualties.proxy.index(row_of(casualties, "cas-2004"), killed)
    assert undisputed.data(Qt.ItemDataRole.ToolTipRole) is None
