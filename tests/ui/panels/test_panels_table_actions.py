"""Working with the numbers: sorting, Ctrl+C, CSV export, and opening a source's address."""

from __future__ import annotations

import csv
import dataclasses
import io

from panels_support import make_panels
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

HEADER = [
    "Period", "In period", "Killed", "Injured", "Total", "Civilians", "Military", "Children",
    "Deminers", "Who they were", "Other figures", "Reported by", "Scope", "Span / series",
    "Confidence", "Source", "Note",
]  # fmt: skip


def shown_ids(panel) -> list[str | None]:  # type: ignore[no-untyped-def]
    """Report ids in on-screen order; None for a group header row."""
    proxy, model = panel.proxy, panel.table_model
    ids = []
    for row in range(proxy.rowCount()):
        entry = model.table_row(proxy.mapToSource(proxy.index(row, 0)).row())
        ids.append(entry.report.report.id if entry.report is not None else None)
    return ids


def show(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)


def select_reports(panel, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    table, selection = panel.table, panel.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row, report_id in enumerate(shown_ids(panel)):
        if report_id in ids:
            selection.select(table.model().index(row, 0), flags)


def test_sorting_by_killed_is_numeric_keeps_groups_and_puts_unknowns_last(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset)
    column = casualties.table_model.column_index("killed")
    casualties.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert shown_ids(casualties) == [
        None, "cas-2021-kalbajar", "cas-2004-h1-press", "cas-2003", "cas-2004", "cas-2004-h1",
        "cas-1993-1999", "cas-2005",  # 3, 8, 9, 10, 11, 180, then unknown
        None, "cas-asof-2019",
    ]  # fmt: skip
    casualties.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert shown_ids(casualties) == [
        None, "cas-1993-1999", "cas-2004-h1", "cas-2004", "cas-2003", "cas-2004-h1-press",
        "cas-2021-kalbajar", "cas-2005",
        None, "cas-asof-2019",
    ]  # fmt: skip
    # The group headers still span the table after sorting.
    assert casualties.table.columnSpan(0, 0) == casualties.table_model.columnCount()
    assert casualties.table.columnSpan(8, 0) == casualties.table_model.columnCount()
    assert casualties.table.columnSpan(1, 0) == 1


def test_sorting_by_period_and_organisation(qtbot, sample_dataset):
    _, _, clearance = make_panels(qtbot, sample_dataset)
    clearance.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_ids(clearance)[1] == "rem-2015"
    clearance.table.sortByColumn(
        clearance.table_model.column_index("organisation"), Qt.SortOrder.AscendingOrder
    )
    assert shown_ids(clearance)[1] == "clr-2004-army"  # Army engineers before HALO
    area = clearance.table_model.column_index("area")
    clearance.table.sortByColumn(area, Qt.SortOrder.DescendingOrder)
    assert shown_ids(clearance)[1] == "clr-2000-2003"  # 48 km² in all
    assert shown_ids(clearance)[-1] == "clr-2004-army"  # no area given: last either way


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_text_with_headers(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    show(qtbot, casualties)
    select_reports(casualties, ["cas-2004-h1", "cas-2004-h1-press"])
    casualties.table.setFocus()
    QApplication.clipboard().clear()
    with qtbot.waitSignal(casualties.copier.copied, timeout=2000) as copied:
        qtbot.keyClick(casualties.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert copied.args == [2]
    lines = QApplication.clipboard().text().splitlines()
    assert [line.split("\t") for line in lines] == [
        HEADER,
        [
            "January 2004 – June 2004", "wholly", "11", "19", "30", "—", "—", "—", "—", "", "",
            "Monitor A", "Area A", "part-year", "high", "Annual report A (Monitor A) https://example.org/a",
            "Disputed: casualties in the first half of 2004",
        ],
        [
            "January 2004 – June 2004", "wholly", "8", "—", "24", "—", "—", "—", "—", "", "",
            "Paper B", "Area A", "part-year", "medium", "Newspaper item B (Paper B) https://example.org/b",
            "Disputed: casualties in the first half of 2004",
        ],
    ]  # fmt: skip


def test_copy_table_takes_every_report_but_no_group_header(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "1995", "1995")
    casualties.copier.copy_all_action.trigger()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == HEADER
    assert [line.split("\t")[0] for line in lines[1:]] == ["until 2019", "June 1993 – May 1999"]
    assert all(line.split("\t")[1] == "partly" for line in lines[1:])


def test_export_csv_writes_the_table_as_shown(qtbot, sample_dataset, tmp_path, monkeypatch):
    _, _, clearance = make_panels(qtbot, sample_dataset, "2004", "2004")
    asked = []

    def save_dialog(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "clearance 2004"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    clearance.table.sortByColumn(
        clearance.table_model.column_index("items:anti_personnel"), Qt.SortOrder.AscendingOrder
    )
    with qtbot.waitSignal(clearance.copier.exported, timeout=2000) as exported:
        clearance.copier.export_action.trigger()
    assert asked[0].endswith("clearance_2004.csv")
    path = tmp_path / "clearance 2004.csv"
    assert exported.args == [path]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:11] == [
        "Period", "In period", "Activity", "Land released", "Remaining contamination",
        "Area", "Anti-personnel mines", "Anti-vehicle mines",
        "UXO", "Other items", "Land use",
    ]  # fmt: skip
    assert [row[12] for row in rows[1:]] == ["Army engineers", "HALO"]  # sorted: 48, 675
    assert rows[2][5] == "Manual and mechanical: 3,580,289 m²"  # as published, not rounded
    assert rows[2][6:9] == ["675", "340", "2,040"]
    assert rows[1][8] == "—"
    assert rows[2][16] == "Annual report A (Monitor A) https://example.org/a"
    assert [p.name for p in tmp_path.iterdir()] == ["clearance 2004.csv"]  # no temporary left


def test_export_csv_failure_says_why_and_leaves_nothing(
    qtbot, sample_dataset, tmp_path, monkeypatch
):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    target = tmp_path / "missing folder" / "casualties.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "CSV files (*.csv)")
    )
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text))
    )
    with qtbot.waitSignal(casualties.copier.export_failed, timeout=2000):
        assert casualties.copier.export_csv() is None
    assert warnings == [
        (
            "Export table as CSV",
            f"Cannot write casualties.csv: the folder {target.parent} does not exist",
        )
    ]
    assert list(tmp_path.iterdir()) == []


def test_clicking_a_source_cell_opens_its_address(qtbot, sample_dataset, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    show(qtbot, casualties)
    row = shown_ids(casualties).index("cas-2004-h1-press")
    index = casualties.table.model().index(row, casualties.table_model.column_index("source"))
    casualties.table.scrollTo(index)
    where = casualties.table.visualRect(index).center()
    with qtbot.waitSignal(casualties.source_opened, timeout=2000):
        qtbot.mouseClick(casualties.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened == [QUrl("https://example.org/b")]
    # A figure cell is not a link.
    figure = casualties.table.model().index(row, casualties.table_model.column_index("killed"))
    casualties.table.scrollTo(figure)
    where = casualties.table.visualRect(figure).center()
    qtbot.mouseClick(casualties.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(opened) == 1


def test_source_links_in_the_disputed_figures_open(qtbot, sample_dataset, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    with qtbot.waitSignal(casualties.source_opened, timeout=2000):
        casualties.conflicts.anchorClicked.emit(QUrl("https://example.org/a"))
    assert opened == [QUrl("https://example.org/a")]


def test_a_report_with_two_sources_lets_the_user_choose_which_to_open(
    qtbot, sample_dataset, monkeypatch
):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    both = dataclasses.replace(sample_dataset.record("cas-2005"), sources=("src-a", "src-b"))
    dataset = dataclasses.replace(
        sample_dataset,
        casualties=tuple(both if c.id == "cas-2005" else c for c in sample_dataset.casualties),
    )
    # The offscreen test platform cannot grab the keyboard for a real pop-up; note where it
    # would appear instead.
    popped: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, where, *args: popped.append(menu))
    _, casualties, _ = make_panels(qtbot, dataset, "2005", "2005")
    show(qtbot, casualties)
    row = shown_ids(casualties).index("cas-2005")
    index = casualties.table.model().index(row, casualties.table_model.column_index("source"))
    assert index.data() == "Annual report A (Monitor A); Newspaper item B (Paper B)"
    casualties.table.scrollTo(index)
    where = casualties.table.visualRect(index).center()
    qtbot.mouseClick(casualties.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    (menu,) = popped
    assert [action.text() for action in menu.actions()] == [
        "Open “Annual report A”",
        "Open “Newspaper item B”",
    ]
    assert opened == []  # nothing opens until the user chooses
    with qtbot.waitSignal(casualties.source_opened, timeout=2000):
        menu.actions()[1].trigger()
    assert opened == [QUrl("https://example.org/b")]
