"""Edit → Copy link to this view, pasted into karabakh-timeline, opens the same view again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from window_support import settings_at

from karabakh_timeline.cli import main
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.main_window import MainWindow
from karabakh_timeline.ui.selection import Selection

PERIOD = DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
SHOWN = (dt.date(2003, 6, 1), dt.date(2005, 3, 31))


def _window(qtbot, dataset, path: Path, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(dataset, Selection(), settings_at(folder), dataset_path=path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _set_view(window: MainWindow) -> None:
    selection = window.selection
    selection.set_category_visible("politics", False)
    selection.set_search("aghdam")
    selection.set_period(PERIOD)
    selection.set_event("ev-2004-aghdam")
    window.timeline.set_x_range(*SHOWN)


def test_the_copied_link_reopens_the_same_period_event_filters_and_span(
    qtbot, qapp, sample_dataset, sample_path, tmp_path, isolated_settings
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    _set_view(window)
    window.view_links.copy_link.trigger()
    address = QGuiApplication.clipboard().text()
    assert address.startswith("karabakh-timeline:view?data=")
    status = window.statusBar().currentMessage()
    assert "command line: karabakh-timeline --data" in status and "--event ev-2004-aghdam" in status
    window.close()

    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        opened = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not window and w.isVisible()
        )
        seen["title"] = opened.windowTitle()
        seen["period"] = opened.selection.period
        seen["event"] = opened.selection.event_id
        seen["hidden"] = opened.selection.hidden_categories
        seen["search"] = opened.selection.search
        seen["shown"] = opened.timeline.x_range()
        seen["details"] = opened.details_panel.shown_event_id
        seen["again"] = opened.view_links.link().to_uri()
        opened.close()
        opened.deleteLater()
        qapp.quit()

    QTimer.singleShot(0, look_and_quit)
    assert main([address]) == 0
    assert seen["title"] == "Karabakh Timeline — Test sample"
    assert seen["period"] == PERIOD
    assert seen["event"] == seen["details"] == "ev-2004-aghdam"
    assert seen["hidden"] == frozenset({"politics"}) and seen["search"] == "aghdam"
    assert seen["shown"] == SHOWN
    assert seen["again"] == address


def test_copy_citation_gives_text_and_bibtex_with_the_link(
    qtbot, sample_dataset, sample_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    _set_view(window)
    link = window.view_links.link().to_uri()
    window.view_links.copy_citation.trigger()
    text = QGuiApplication.clipboard().text()
    today = dt.date.today()
    assert text.startswith("Test sample (dataset), version ")
    assert "Period: 2004. " in text and link in text
    assert text.endswith(f"(accessed {today.day} {today.strftime('%B')} {today.year}).")
    window.view_links.copy_bibtex.trigger()
    bibtex = QGuiApplication.clipboard().text()
    assert bibtex.startswith("@misc{test_sample_2004_2004,\n  title = {Test sample},")
    assert f"urldate = {{{today.isoformat()}}}" in bibtex


def test_the_edit_menu_holds_the_copy_actions(qtbot, sample_dataset, sample_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    texts = [a.text() for a in menus["&Edit"].actions() if not a.isSeparator()]
    assert texts == [
        "Copy &link to this view",
        "Copy view as &command line",
        "Copy &citation",
        "Copy citation as &BibTeX",
    ]
    assert window.view_links.copy_link.shortcut().toString() == "Ctrl+Shift+L"


@pytest.fixture(autouse=True)
def _restore_application_names(qapp):  # type: ignore[no-untyped-def]
    names = qapp.organizationName(), qapp.applicationName()
    yield
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def test_the_link_carries_the_place_filter_and_reopens_it_with_its_chip(
    qtbot, qapp, sample_dataset, sample_path, tmp_path, isolated_settings
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_dataset, sample_path, tmp_path)
    window.selection.set_places({"kalbajar", "aghdam"})  # as a Ctrl+click on the map does
    window.view_links.copy_link.trigger()
    address = QGuiApplication.clipboard().text()
    assert "&place=aghdam,kalbajar" in address
    assert "--place aghdam --place kalbajar" in window.statusBar().currentMessage()
    window.close()

    seen: dict[str, object] = {}

    def look_and_quit() -> None:
        opened = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not window and w.isVisible()
        )
        seen["places"] = opened.selection.places
        seen["chip"] = opened.place_chip.text() if opened.place_chip.isVisible() else ""
        seen["listed"] = opened.events_panel.shown_event_ids()
        seen["again"] = opened.view_links.link().to_uri()
        opened.close()
        opened.deleteLater()
        qapp.quit()

    QTimer.singleShot(0, look_and_quit)
    assert main([address]) == 0
    assert seen["places"] == frozenset({"aghdam", "kalbajar"})
    assert seen["chip"] == "2 places: Aghdam, Kalbajar  ✕"
    listed = {sample_dataset.record(i) for i in seen["listed"]}  # type: ignore[attr-defined]
    assert listed and all({"aghdam", "kalbajar"} & set(event.places) for event in listed)
    assert seen["again"] == address
