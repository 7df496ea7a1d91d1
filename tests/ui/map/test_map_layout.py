"""A first start at 1280 × 800 and 1920 × 1080 gives the map room to read: the region fitted,
every country's name and the sea's inside the view, and no name on a marker or on another."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from PySide6.QtCore import QRectF
from window_support import laid_out_window

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import load_dataset

AREAS = {"ARMENIA", "AZERBAIJAN", "GEORGIA", "IRAN", "TÜRKIYE", "Caspian Sea"}


@pytest.fixture(scope="module")
def bundled_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def _window(qtbot, dataset, folder, size):  # type: ignore[no-untyped-def]
    return laid_out_window(
        qtbot, dataset, folder, size, lambda window: window.map_dock.view.width() > 100
    )


def _covers(box: QRectF, centre_x: float, centre_y: float, radius: float) -> bool:
    x = min(max(centre_x, box.left()), box.right())
    y = min(max(centre_y, box.top()), box.bottom())
    return math.hypot(x - centre_x, y - centre_y) < radius - 0.5


def _check_names(view) -> dict[str, QRectF]:  # type: ignore[no-untyped-def]
    names = view.written_names()
    inside = QRectF(view.viewport().rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    for text, box in names.items():
        assert inside.contains(box), (text, box, inside)
        for other, other_box in names.items():
            assert other == text or not box.intersects(other_box), (text, other)
        for place, size in view.sizes.items():
            at = view.mapFromScene(view.place_scene_pos(place))
            assert not _covers(box, at.x(), at.y(), size / 2), (text, place)
    return names


@pytest.mark.parametrize(("size", "least"), [((1280, 800), (360, 190)), ((1920, 1080), (360, 250))])
def test_a_first_start_shows_the_region_with_its_names_in_view(
    qtbot, bundled_dataset, tmp_path, size, least
):  # type: ignore[no-untyped-def]
    window = _window(qtbot, bundled_dataset, tmp_path, size)
    view = window.map_dock.view
    assert view.width() >= least[0] and view.height() >= least[1], view.size()
    assert window.timeline.height() >= 0.45 * window.height()
    names = _check_names(view)
    assert set(names) >= AREAS
    assert len(set(names) - AREAS) >= 5  # and the places with the most casualties
    window.selection.set_period(DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    names = _check_names(view)
    assert {"Aghdam", "Fuzuli"} <= set(names)
