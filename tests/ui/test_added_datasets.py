"""File → Add dataset…: a second dataset over the first, its lanes and reports apart, removable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from panels_support import header_titles
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from window_support import settings_at

from karabakh_timeline.cli import main
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.docks.panel_docks import create_panel_docks
from karabakh_timeline.ui.main_window import MainWindow
from karabakh_timeline.ui.selection import Selection

ACLED = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "imports"
    / ("acled_armenia_azerbaijan_synthetic.csv")
)
ACLED_NAME = "ACLED: Armenia and Azerbaijan"


def _window(qtbot, dataset, path: Path, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    selection = Selection()
    window = MainWindow(dataset, selection, settings_at(folder), dataset_path=path)
    for dock in create_panel_docks(dataset, selection, window):
        window.add_panel_dock(dock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _second_sample(sample_path: Path, folder: Path) -> Path:
    """The test sample again, named 'Second sample': the same reports, another dataset."""
    text = (sample_path / "sample.yaml").read_text(encoding="utf-8")
    path = folder / "second.yaml"
    path.write_text(text.replace("name: Test sample", "name: Second sample", 1), encoding="utf-8")
    return path


def test_an_added_acled_export_gets_lanes_marked_with_its_name(
    qtbot, sample_dataset, sample_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    assert window.added_datasets.add(ACLED)
    assert window.timeline.geometry_.lane_ids == (
        "incident", "clearance", "politics",
        "acled-armenia-azerbaijan/explosions-remote-violence",
        "acled-armenia-azerbaijan/battles",
        "acled-armenia-azerbaijan/strategic-developments",
    )  # fmt: skip
    labels = [c.label for c in window.dataset.categories.values()]
    assert labels[3:] == [
        "Explosions/Remote violence — ACLED",
        "Battles — ACLED",
        "Strategic developments — ACLED",
    ]
    assert len(window.dataset.events) == len(sample_dataset.events) + 9
    assert window.windowTitle() == f"Karabakh Timeline — Test sample + {ACLED_NAME}"
    assert window.statusBar().currentMessage().startswith(f"Added {ACLED_NAME} (")


def test_added_reports_are_under_their_own_heading_and_totalled_apart(
    qtbot, sample_dataset, sample_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    assert window.added_datasets.add(_second_sample(sample_path, tmp_path))
    panel = window.panel_docks[0].panel
    assert [title.split(" — ")[0] for title in header_titles(panel.table_model)] == [
        "Test sample", "Test sample", "Second sample (added)", "Second sample (added)"
    ]  # fmt: skip
    figures = panel.totals.figures.text()
    assert figures.count("Killed <b>≥ 19</b>") == 2  # each dataset its own 19, never 38
    assert "<b>Monitor A yearly count — Second sample</b>" in figures


def test_an_added_dataset_is_removed_from_the_file_menu(
    qtbot, sample_dataset, sample_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    assert not window.added_datasets.remove_menu.isEnabled()
    assert window.added_datasets.add(ACLED)
    actions = window.added_datasets.remove_menu.actions()
    assert [action.text() for action in actions] == [ACLED_NAME]
    actions[0].trigger()
    assert window.dataset.layers == {} and len(window.dataset.events) == len(sample_dataset.events)
    assert window.timeline.geometry_.lane_ids == ("incident", "clearance", "politics")
    assert not window.added_datasets.remove_menu.isEnabled()
    assert window.windowTitle() == "Karabakh Timeline — Test sample"


def test_a_file_with_problems_is_not_added_and_says_why(
    qtbot, sample_dataset, sample_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(ACLED.read_text(encoding="utf-8").replace(",1,Political", ",7,Political", 1))
    assert not window.added_datasets.add(bad)
    box = window.problems_dialog
    assert box is not None and f"{bad}:2: time_precision '7'" in box.informativeText()
    assert window.dataset.layers == {}


def test_the_link_of_a_view_with_an_added_dataset_reopens_both(
    qtbot, qapp, sample_dataset, sample_path, tmp_path, isolated_settings
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    window.added_datasets.add(ACLED)
    window.selection.set_period(DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    window.selection.set_event("acled-armenia-azerbaijan/AZE90003")
    window.view_links.copy_link.trigger()
    address = QGuiApplication.clipboard().text()
    assert f"&add={ACLED.resolve()}&" in address
    window.close()
    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        opened = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not window and w.isVisible()
        )
        seen["title"] = opened.windowTitle()
        seen["event"] = opened.details_panel.shown_event_id
        seen["period"] = opened.selection.period
        opened.close()
        opened.deleteLater()
        qapp.quit()

    QTimer.singleShot(0, look_and_quit)
    assert main([address]) == 0
    assert seen["title"] == f"Karabakh Timeline — Test sample + {ACLED_NAME}"
    assert seen["event"] == "acled-armenia-azerbaijan/AZE90003"
    assert seen["period"] == DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))


@pytest.fixture(autouse=True)
def _restore_application_names(qapp):  # type: ignore[no-untyped-def]
    names = qapp.organizationName(), qapp.applicationName()
    yield
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
