"""The map dock in the window: on by default, credited, labelled, and linked to the selection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from timeline_support import LEFT, _send, drag
from window_support import open_window

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.ui.docks.panel_docks import create_panel_docks
from karabakh_timeline.ui.place_naming import NAMING_KEY

MAP_SAMPLE = Path(__file__).parents[2] / "fixtures" / "map" / "map.yaml"
YEAR_2021 = DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))


@pytest.fixture(autouse=True)
def every_mouse_move(monkeypatch):  # type: ignore[no-untyped-def]
    # pyqtgraph drops mouse moves less than 10 ms apart (``mouseRateLimit``); test events come
    # faster than a hand's, so let every one through.
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


@pytest.fixture
def map_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(MAP_SAMPLE)


@pytest.fixture
def window(qtbot, map_dataset, tmp_path):  # type: ignore[no-untyped-def]
    win, selection = open_window(qtbot, map_dataset, tmp_path, show=False)
    win.resize(1280, 800)
    for dock in create_panel_docks(map_dataset, selection, win):
        win.add_panel_dock(dock)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.map_dock.view.width() > 100, timeout=2000)
    return win


def place_point(window, place_id):  # type: ignore[no-untyped-def]
    view = window.map_dock.view
    return view.mapFromScene(view.place_scene_pos(place_id))


def click_place(qtbot, window, place_id, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    view, at = window.map_dock.view, place_point(window, place_id)
    none = Qt.MouseButton.NoButton
    _send(view, QEvent.Type.MouseMove, at, none, modifier)
    _send(view, QEvent.Type.MouseButtonPress, at, LEFT, modifier)
    _send(view, QEvent.Type.MouseButtonRelease, at, none, modifier)


def test_the_map_is_on_by_default_credited_and_labelled(window):
    dock = window.map_dock
    assert dock.isVisible()
    assert not dock.geometry().intersects(window.timeline.geometry())
    assert "Made with Natural Earth" in dock.panel.credit.text()
    assert "not authoritative" in dock.panel.credit.text()
    assert "killed and injured" in dock.panel.legend.toolTip()
    texts = {item.toPlainText() for item in dock.view.items() if hasattr(item, "toPlainText")}
    assert {"ARMENIA", "AZERBAIJAN", "GEORGIA", "IRAN", "TÜRKIYE", "Caspian Sea"} <= texts
    assert dock.toggleViewAction() in window.panels_menu.actions()
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()


def test_selecting_2021_sizes_the_markers_by_that_years_incidents(window):
    view = window.map_dock.view
    window.selection.set_period(YEAR_2021)
    assert view.sizes["aghdam"] > view.sizes["kalbajar"] > view.sizes["fuzuli"]
    assert view.figures["kalbajar"].casualties == 7
    text = view.tooltip_for("kalbajar")
    assert "Kəlbəcər" in text and "Karvachar" in text and "Killed: 4 · Injured: 3" in text


def test_clicking_a_place_filters_the_list_the_timeline_and_the_panels(qtbot, window):
    window.selection.set_period(YEAR_2021)
    click_place(qtbot, window, "kalbajar")
    assert window.selection.places == frozenset({"kalbajar"})
    assert window.events_panel.shown_event_ids() == ["ev-2021-kalbajar"]
    assert window.timeline.visible_event_ids() == ["ev-2021-kalbajar"]
    casualties = window.panel_docks[0].panel
    listed = {row.report.id for row in casualties.summary.within}
    assert listed == {"cas-2021-kalbajar", "cas-2021-all"}
    clearance = window.panel_docks[1].panel
    assert not clearance.summary.within  # the clearance is at Lachin, not Kalbajar
    assert window.place_chip.isVisible() and "Kalbajar" in window.place_chip.text()
    click_place(qtbot, window, "fuzuli", Qt.KeyboardModifier.ControlModifier)
    assert window.selection.places == frozenset({"kalbajar", "fuzuli"})
    window.clear_action.trigger()  # Esc: the places filter goes, the period stays
    assert window.selection.places == frozenset()
    assert window.selection.period == YEAR_2021
    assert not window.place_chip.isVisible()
    assert len(window.events_panel.shown_event_ids()) == 4


def test_the_chip_removes_the_place_filter(qtbot, window):
    window.selection.set_places({"aghdam"})
    qtbot.mouseClick(window.place_chip, Qt.MouseButton.LeftButton)
    assert window.selection.places == frozenset()


def test_a_box_drawn_with_shift_selects_the_places_inside(qtbot, window):
    # Aghdam (46.93 E) and Fuzuli (47.15 E) lie east of Lachin and Kalbajar.
    aghdam, fuzuli = place_point(window, "aghdam"), place_point(window, "fuzuli")
    start = QPoint(aghdam.x() - 6, aghdam.y() - 6)
    end = QPoint(fuzuli.x() + 6, fuzuli.y() + 6)
    drag(qtbot, window.map_dock.view, start, end, shift=True)
    assert window.selection.places == frozenset({"aghdam", "fuzuli"})
    assert window.events_panel.shown_event_ids() == [
        "ev-2019-aghdam", "ev-2021-aghdam-1", "ev-2021-fuzuli", "ev-2021-aghdam-2",
    ]  # fmt: skip


def test_a_drag_pans_the_map_and_a_double_click_fits_the_region(qtbot, window):
    view = window.map_dock.view
    before = view.viewRange()
    aghdam = place_point(window, "aghdam")
    drag(qtbot, view, aghdam, QPoint(aghdam.x() + 40, aghdam.y() + 30))
    after = view.viewRange()
    assert after[0][0] < before[0][0]  # dragged right: the map shows more of the west
    assert after[0][0] >= 43.0 and after[1][1] <= 42.5  # never beyond the region
    assert window.selection.places == frozenset()  # a drag is no click
    view.mouseDoubleClickEvent(None)
    assert [*view.viewRange()[0], *view.viewRange()[1]] == pytest.approx([*before[0], *before[1]])


def test_selecting_an_event_rings_its_places(window):
    view = window.map_dock.view
    window.selection.set_event("ev-2021-fuzuli")
    assert view.ringed_places() == frozenset({"fuzuli"})
    assert view.ring_points() == [pytest.approx((47.15, 39.60))]


def test_the_naming_switch_reaches_the_map_and_the_details_and_is_remembered(window):
    window.selection.set_event("ev-2021-aghdam-1")
    menu = window.naming_menu
    menu.actions_by_naming[Naming.AZERBAIJANI].trigger()
    assert "<b>Places:</b> Ağdam" in window.details_panel.toHtml().replace("\n", "") or (
        "Ağdam" in window.details_panel.toPlainText().split("Places:")[1].split("(")[0]
    )
    labels = window.map_dock.view.label_texts()
    azerbaijani = {p.name_az for p in window.dataset.places.values()}
    assert "Ağdam" in labels and set(labels) <= azerbaijani
    assert window.settings.settings.value(NAMING_KEY) == "az"
    menu.actions_by_naming[Naming.ARMENIAN].trigger()
    assert "Ակնա (Akna)" in window.map_dock.view.label_texts()
    assert "Ակնա (Akna)" in window.details_panel.toPlainText()
    model = window.events_panel.model
    row = model.row_of("ev-2021-aghdam-1")
    tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Places: Ակնա (Akna)")


def test_hovering_a_place_names_it_in_every_language(qtbot, window):
    view = window.map_dock.view
    scene_pos = view.place_scene_pos("lachin")
    assert view.place_at(scene_pos) == "lachin"
    assert view.place_at(scene_pos + QPointF(60, 60)) != "lachin"


def test_about_credits_natural_earth_and_the_licence(map_dataset):
    from karabakh_timeline.ui.dialogs.help_dialogs import about_html

    text = about_html(map_dataset)
    assert "Made with Natural Earth" in text and "ISC" in text and "not authoritative" in text


def test_the_events_list_the_details_and_the_hover_write_places_in_the_chosen_naming(qtbot, window):
    window.selection.set_period(YEAR_2021)
    window.selection.set_event("ev-2021-aghdam-1")
    model = window.events_panel.model
    row = model.row_of("ev-2021-aghdam-1")

    def shown() -> tuple[str, str, str]:
        title = model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole)
        heading = window.details_panel.toPlainText().split("\n")[1]
        hover = window.map_dock.view.tooltip_for("aghdam")
        return title, heading, hover

    assert shown()[:2] == ("Car hits a mine in Aghdam", "Car hits a mine in Aghdam")
    window.naming_menu.actions_by_naming[Naming.AZERBAIJANI].trigger()
    title, heading, hover = shown()
    assert title == heading == "Car hits a mine in Ağdam"
    assert hover.startswith("<b>Ağdam</b><br>Also: Aghdam, Agdam, Ակնա (Akna)")
    # The list is told its titles changed, so the rows shown are written anew.
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as changed:
        window.naming_menu.actions_by_naming[Naming.ARMENIAN].trigger()
    first, last = changed.args[0], changed.args[1]
    assert first.row() <= row <= last.row() and first.column() == last.column() == 1
    title, heading, hover = shown()
    assert title == heading == "Car hits a mine in Ակնա (Akna)"
    assert hover.startswith("<b>Ակնա (Akna)</b>")
