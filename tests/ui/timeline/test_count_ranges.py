"""Years known only by bounds are drawn as ranges from the lower to the upper bound.

The bars' extents are read from the drawn items and compared with the model's estimates for the
same year, and with the figures worked by hand from the bundled reports.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from timeline_support import at, hover, shown_view

from karabakh_timeline.export.image.image_export import ImageExportSettings, export_image
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.estimates import estimates_for
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.offscreen import offscreen_timeline
from karabakh_timeline.ui.timeline.time_axis import date_to_x


@pytest.fixture(autouse=True)
def every_mouse_move_counts(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)


@pytest.fixture(scope="module")
def bundled_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def drawn_ranges(view, year: int) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(bottom, top) of every range bar drawn over ``year``, left to right."""
    opts = view.casualties.drawn()["ranges"]
    start, end = date_to_x(dt.date(year, 1, 1)), date_to_x(dt.date(year + 1, 1, 1))
    inside = (np.asarray(opts["x0"]) >= start) & (np.asarray(opts["x1"]) <= end)
    return list(zip(np.asarray(opts["y0"])[inside], np.asarray(opts["y1"])[inside], strict=True))


def model_bounds(dataset, year: int, scope: str):  # type: ignore[no-untyped-def]
    selected = DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
    estimate = next(
        e
        for e in estimates_for(dataset, dataset.casualties, selected)
        if e.figure == "total" and e.scope == scope and e.counts == "mine-erw"
    )
    return estimate


def test_a_year_bracketed_by_two_running_totals_is_drawn_at_the_derived_figure(
    qtbot, bundled_dataset
):  # type: ignore[no-untyped-def]
    view, _ = shown_view(qtbot, bundled_dataset)
    estimate = model_bounds(bundled_dataset, 2011, "karabakh-armenian-held")
    # The Monitor's running totals to 2013 and to 2010, less its yearly 2012 and 2013 counts.
    assert "cas-lm-1995-2013" in estimate.lower.reports
    assert "cas-lm-1995-2010" in estimate.lower.reports
    bars = drawn_ranges(view, 2011)
    assert bars[0] == (estimate.lower.value, estimate.upper.value) == (4, 4)


def test_2022_runs_between_what_the_running_totals_leave(qtbot, bundled_dataset):  # type: ignore[no-untyped-def]
    view, _ = shown_view(qtbot, bundled_dataset)
    estimate = model_bounds(bundled_dataset, 2022, "azerbaijan")
    # Both ends are differences of ANAMA's running totals: two editions inside the year give
    # the lower bound, two editions on either side of it the upper.
    assert estimate.lower.derived and estimate.upper.derived
    assert all(
        r.startswith("cas-anama-") for r in (*estimate.lower.reports, *estimate.upper.reports)
    )
    assert 0 < estimate.lower.value < estimate.upper.value
    assert drawn_ranges(view, 2022) == [(estimate.lower.value, estimate.upper.value)]
    [year_range] = view.casualties.ranges.at(date_to_x(dt.date(2022, 10, 1)))
    assert (year_range.lower, year_range.upper) == (estimate.lower.value, estimate.upper.value)
    # A far-off upper bound does not flatten the figures: 747 and 3,336 run off the top.
    assert view.casualties.y_max < 747


def test_a_range_open_above_reaches_the_top_of_the_track(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "open.yaml").write_text(
        textwrap.dedent(
            """
            sources: [{id: s, title: T, publisher: P}]
            categories: [{id: c, label: C}]
            scopes: [{id: a, name: A}]
            series: [{id: yearly, label: Yearly, kind: additive}]
            casualties:
              - {id: y2014, date: 2014, span: annual, scope: a, series: yearly, organisation: O,
                 killed: 20, sources: [s]}
              - {id: blast, date: 2015-03-10, span: incident, scope: a, organisation: O,
                 total: 3, sources: [s]}
            """
        ),
        encoding="utf-8",
    )
    view, _ = shown_view(qtbot, load_dataset(tmp_path))
    # 2015 has one incident in it and no count that takes in the whole year: at least 3.
    [(bottom, top)] = drawn_ranges(view, 2015)
    assert bottom == 3
    assert top == view.casualties.y_max == pytest.approx(20 * 1.15)


def test_years_with_a_range_are_no_longer_no_data(qtbot, bundled_dataset):  # type: ignore[no-untyped-def]
    view, _ = shown_view(qtbot, bundled_dataset)
    drawn = view.casualties.drawn()["no_data"]
    ranged = {r.year for r in view.casualties.ranges.ranges}
    assert {2011, 2018, 2019, 2020, 2021, 2022} <= ranged
    for x0, x1 in zip(drawn["x0"], drawn["x1"], strict=True):
        for year in ranged:
            start, end = date_to_x(dt.date(year, 1, 1)), date_to_x(dt.date(year + 1, 1, 1))
            assert x1 <= start or x0 >= end


def test_hovering_a_range_names_the_reports_behind_each_bound(qtbot, bundled_dataset):  # type: ignore[no-untyped-def]

    view, _ = shown_view(qtbot, bundled_dataset)
    view.set_x_range(dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    hover(view, at(view, view.casualties_plot, dt.date(2022, 10, 1), y=100.0))
    tip = view.toolTip()
    estimate = model_bounds(bundled_dataset, 2022, "azerbaijan")
    lower, upper = (estimate.amount(p.value) for p in (estimate.lower, estimate.upper))
    assert "Range for 2022" in tip and f"at least {lower}" in tip and f"at most {upper}" in tip
    assert f"lower bound rests on {estimate.lower.reports[0]}" in tip
    assert f"upper bound rests on {estimate.upper.reports[0]}" in tip


def test_the_range_legend_and_bars_differ_from_no_data_and_exact_figures(qtbot, sample_dataset):  # type: ignore[no-untyped-def]
    view, _ = shown_view(qtbot, sample_dataset)
    entries = {entry.text: entry for entry in view.casualties.legend.entries}
    ranged = entries["Range: at least … at most …"].fills[0]
    no_data = entries["No data (not zero)"].fills[0]
    killed = entries["Killed"].fills[0]
    assert ranged.style() == Qt.BrushStyle.DiagCrossPattern
    assert (ranged.style(), ranged.color()) != (no_data.style(), no_data.color())
    assert killed.style() == Qt.BrushStyle.SolidPattern and ranged.color() != killed.color()
    # A track with no range in its data keeps its legend rows for the marks it draws.
    assert not view.clearance.ranges.ranges
    assert "Range: at least … at most …" not in view.clearance.legend.texts()
    drawn = view.casualties.drawn()["ranges"]["brush"]
    assert (drawn.style(), drawn.color()) == (ranged.style(), ranged.color())


@pytest.mark.parametrize("suffix", [".png"])
def test_an_exported_picture_shows_the_range_hatching(qapp, sample_dataset, tmp_path, suffix):  # type: ignore[no-untyped-def]
    path = tmp_path / f"ranges{suffix}"
    shown = DateRange(dt.date(2008, 1, 1), dt.date(2012, 12, 31))  # bounded only by 2019's total
    export_image(
        sample_dataset,
        ImageExportSettings(
            path=path, shown=shown, width=1200, height=800, exported_on=dt.date(2024, 1, 1)
        ),
        offscreen_timeline,
    )
    image = QImage(str(path))
    violet = palette.RANGE.name()
    rows = []
    for y in range(image.height()):
        line = [image.pixelColor(x, y).name() == violet for x in range(0, image.width())]
        if sum(line) > 100:
            rows.append(line)
    # Many rows cross the bars, and along each the violet lines alternate with the background:
    # a hatching, not a filled block.
    assert len(rows) > 20
    middle = rows[len(rows) // 2]
    changes = sum(1 for a, b in itertools.pairwise(middle) if a != b)
    assert changes > 40
