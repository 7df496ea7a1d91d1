"""Every era named in full at Fit all: in its band, by its short name, or beside it in a second
row with a leader line; each with a tooltip giving its span and sources; the same in exports."""

from __future__ import annotations

import datetime as dt
import itertools

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF
from timeline_support import hover, shown_view
from window_support import settings_at

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.docks.panel_docks import create_panel_docks
from karabakh_timeline.ui.main_window import MainWindow
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.era_names import EraBand, lay_out
from karabakh_timeline.ui.timeline.view import TimelineView


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


@pytest.fixture(scope="module")
def bundled_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def _whole_names(view: TimelineView) -> None:
    """Every era named by its name or short name, no two names overlapping, none cut off."""
    boxes = view.eras.name_boxes()
    eras = view.dataset.eras
    assert len(boxes) == len(eras)
    for (text, _), era in zip(boxes, eras, strict=True):
        assert text in (era.name, era.short_name)
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.intersects(box_b), (a, b)
    width = view.strip.vb.width()
    for text, box in boxes:
        assert box.left() >= 0 and box.right() <= width, text


def test_every_era_is_named_at_fit_all_in_a_1280_window(qtbot, bundled_dataset, tmp_path):
    selection = Selection()
    window = MainWindow(bundled_dataset, selection, settings_at(tmp_path))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    for dock in create_panel_docks(bundled_dataset, selection, window):
        window.add_panel_dock(dock)
    window.show()
    qtbot.waitExposed(window)
    window.fit_all_action.trigger()
    view = window.timeline
    _whole_names(view)
    assert view.eras.rows == 2  # the six-week war has no room in its band
    texts = [text for text, _ in view.eras.name_boxes()]
    assert "Ceasefire years" in texts and "2020 war" in texts


def test_an_export_sized_scene_names_every_era(qtbot, bundled_dataset):
    view = TimelineView(bundled_dataset, Selection())
    qtbot.addWidget(view)
    for size in [(1000, 700), (1920, 1080), (3508, 2480)]:
        view.layout_for_size(*size)
        view.set_x_range(dt.date(1991, 1, 1), dt.date(2023, 12, 31))
        _whole_names(view)


def test_each_era_has_a_tooltip_with_its_span_and_sources(qtbot, bundled_dataset):
    view, _ = shown_view(qtbot, bundled_dataset, size=(1200, 640))
    vb = view.strip.vb
    for era, (text, box) in zip(bundled_dataset.eras, view.eras.name_boxes(), strict=True):
        centre = vb.mapToScene(QPointF(box.center()))
        hover(view, view.mapFromScene(centre) + QPoint(0, 0))
        tip = view.toolTip()
        assert era.name in tip, text
        assert era.date.display() in tip
        source = bundled_dataset.sources[era.sources[0]]
        assert source.title in tip


def test_clicking_a_name_beside_its_band_selects_that_era(qtbot, bundled_dataset):
    from timeline_support import click

    view, selection = shown_view(qtbot, bundled_dataset, size=(1200, 640))
    war = next(era for era in bundled_dataset.eras if era.id == "era-war-2020")
    boxes = dict(view.eras.name_boxes())
    box = boxes[war.short_name or war.name]
    assert box.top() >= 20  # in the second row, beside the ceasefire years' band
    point = view.mapFromScene(view.strip.vb.mapToScene(QPointF(box.center())))
    click(qtbot, view, point)
    assert selection.period.first == dt.date(2020, 9, 27)
    assert selection.period.last == dt.date(2020, 11, 10)


def test_names_beside_their_bands_keep_the_bands_order_and_use_short_names_when_crowded():
    def measure(text: str) -> float:
        return 7.0 * len(text)

    bands = [
        EraBand("Ceasefire years", None, 0, 560),
        EraBand("A six-week war of the autumn", "War", 560, 563),
        EraBand("After the ceasefire of November", "After", 563, 600),
        None,  # out of view
    ]
    places = lay_out(bands, 600, measure)
    beside = [place for place in places if place.row == 1]
    assert [place.era for place in beside] == [1, 2]
    assert beside[0].left + beside[0].width <= beside[1].left
    assert all(p.left >= 0 and p.left + p.width <= 600 for p in places)
    assert [place.text for place in beside] == ["War", "After"]  # short beside the bands
    bands[2] = EraBand("After the ceasefire", None, 563, 600)
    beside = [place.text for place in lay_out(bands, 600, measure) if place.row == 1]
    assert beside == ["War", "After the ceasefire"]
