"""The map colours each place by who held it at the end of the selected period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from window_support import open_window

from karabakh_timeline.export.image.map_style import holder_colour
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import load_dataset

CONTROL_SAMPLE = Path(__file__).parents[2] / "fixtures" / "map" / "map_control.yaml"


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    win, _ = open_window(qtbot, load_dataset(CONTROL_SAMPLE), tmp_path)
    return win


def marker_colour(view, place_id):  # type: ignore[no-untyped-def]
    for spot in view.marker_spots():
        if spot.data() == place_id:
            return spot.brush().color().name()
    raise AssertionError(f"{place_id} has no marker")


def test_colours_before_and_after_november_2020(window):
    view = window.map_dock.view
    holders = view.control_holders
    window.selection.set_period(DateRange(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    armenian = holder_colour("Karabakh Armenian authorities", holders).name()
    azerbaijani = holder_colour("Azerbaijan", holders).name()
    assert armenian != azerbaijani
    assert marker_colour(view, "aghdam") == armenian
    window.selection.set_period(DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31)))
    assert marker_colour(view, "aghdam") == azerbaijani
    assert marker_colour(view, "kalbajar") == azerbaijani
    legend = window.map_dock.panel.legend.text()
    assert f"{armenian}; font-size:13px'>●</span> Karabakh Armenian authorities" in legend
    assert f"{azerbaijani}; font-size:13px'>●</span> Azerbaijan" in legend
    assert "not recorded" in legend  # Fuzuli has no dated control in this sample
    assert (
        "held by: Azerbaijan, Karabakh Armenian authorities"
        in window.map_dock.panel.legend.toolTip()
    )
