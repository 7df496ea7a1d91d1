"""The count track reads without a key to the code: a legend painted with the track's own
brushes, plain words, and a sentence where there are no figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from timeline_support import shown_view

from karabakh_timeline.ui import palette


def _entry(legend, text: str):  # type: ignore[no-untyped-def]
    return next(entry for entry in legend.entries if entry.text == text)


def test_the_legend_names_every_mark_in_plain_words(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    texts = view.casualties.legend.texts()
    assert texts == [
        "Casualties a year",
        "Killed",
        "Injured",
        "Not split",
        "Average of a longer report",
        "Overlapping (not added)",
        "Range: at least … at most …",
        "No data (not zero)",
        "Zero",
    ]
    assert "Cleared" in view.clearance.legend.texts()
    assert not any("other report" in text.lower() for text in texts)


def test_an_average_and_no_data_differ_in_pattern_and_colour_as_drawn(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    legend = view.casualties.legend
    average = _entry(legend, "Average of a longer report")
    no_data = _entry(legend, "No data (not zero)")
    patterns = {brush.style() for brush in average.fills}
    assert patterns == {Qt.BrushStyle.Dense4Pattern}
    assert no_data.fills[0].style() == Qt.BrushStyle.BDiagPattern
    assert {b.color().name() for b in average.fills} == {
        palette.KILLED.name(),
        palette.INJURED.name(),
        palette.UNKNOWN.name(),
    }
    assert no_data.fills[0].color() == palette.NO_DATA
    drawn = view.casualties.drawn()
    # The legend's swatches are the track's own brushes: the same pattern, the same colour.
    span_brushes = [opts["brush"] for opts in drawn["stacks"][3:]]
    assert [(b.style(), b.color()) for b in span_brushes] == [
        (b.style(), b.color()) for b in average.fills
    ]
    assert drawn["no_data"]["brush"].style() == no_data.fills[0].style()
    assert drawn["no_data"]["brush"].color() == no_data.fills[0].color()


def test_the_legend_swatches_are_painted_where_the_legend_says(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    legend = view.casualties.legend
    image = QImage(view.grab().toImage())
    boxes = dict(legend.placed())
    box = boxes["Killed"]
    corner = view.mapFromScene(legend.mapToScene(box.topLeft()))
    # The swatch sits at the left of the entry's box, a little below its top.
    colours = {
        image.pixelColor(corner.x() + dx, corner.y() + dy).name()
        for dx in range(3, 12)
        for dy in range(4, 9)
    }
    assert palette.KILLED.name() in colours


def test_a_track_with_no_figures_in_view_says_so_instead_of_empty_axes(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    assert view.clearance.message() == ""
    view.set_x_range(dt.date(1991, 1, 1), dt.date(1992, 12, 31))  # before any report
    assert view.clearance.message() == "No clearance figures in this period"
    # A running total to 2019 bounds these years: a range is drawn, so there is no message.
    assert view.casualties.message() == ""
    view.set_x_range(dt.date(2020, 1, 1), dt.date(2021, 12, 31))  # nothing bounds these
    assert view.casualties.message() == "No casualty figures in this period"
    assert not view.clearance_plot.getAxis("left").style["showValues"]  # no 0–1 scale
    view.set_x_range(dt.date(2003, 1, 1), dt.date(2005, 12, 31))
    assert view.clearance.message() == ""
    assert view.clearance_plot.getAxis("left").style["showValues"]


def test_marks_drawn_alike_in_both_tracks_are_keyed_once(qtbot, sample_dataset):
    view, _ = shown_view(qtbot, sample_dataset)
    above, below = view.casualties.legend.texts(), view.clearance.legend.texts()
    for shared in ("Overlapping (not added)", "No data (not zero)", "Zero"):
        assert shared in above and shared not in below
    # The clearance averages are dotted in the clearance colours: keyed in their own legend.
    assert "Average of a longer report" in below
    assert _entry(view.clearance.legend, "Average of a longer report").fills[0].color() == (
        palette.CLEARED
    )
    # The key is one line shorter for it: at 1200 px the clearance legend fits one row.
    assert view.clearance.legend.line_count() == 1
