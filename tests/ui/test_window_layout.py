"""The timeline fits the window: Fit all shows 1991–2023 in the width the timeline really has,
nothing covers it, legends wrap, and a first start shares the height sensibly."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from window_support import laid_out_window

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.main_window import first_size


@pytest.fixture(scope="module")
def bundled_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(None)


def _window(qtbot, dataset, folder, size):  # type: ignore[no-untyped-def]
    return laid_out_window(
        qtbot, dataset, folder, size, lambda window: window.timeline.lanes.vb.width() > 1
    )


def _on_screen(widget, rect) -> QRect:  # type: ignore[no-untyped-def]
    """A scene rect of the timeline as the part of the window it is drawn in."""
    view = widget.timeline
    box = view.mapFromScene(rect).boundingRect()
    return QRect(view.viewport().mapTo(widget, box.topLeft()), box.size())


@pytest.mark.parametrize("width", [900, 1000, 1280])
def test_fit_all_shows_1991_to_2023_in_the_width_there_is(qtbot, bundled_dataset, tmp_path, width):
    window = _window(qtbot, bundled_dataset, tmp_path, (width, 700))
    view = window.timeline
    view.set_x_range(dt.date(2001, 1, 1), dt.date(2003, 1, 1))
    window.fit_all_action.trigger()
    first, last = view.x_range()
    assert first <= dt.date(1991, 1, 1) and last >= dt.date(2023, 12, 31)
    assert (last - first).days < 36 * 366  # fitted, not zoomed far out
    # The lanes and the axis are drawn wholly inside the timeline's own part of the window,
    # and no dock overlaps that part.
    viewport = QRect(view.viewport().mapTo(window, view.viewport().rect().topLeft()),
                     view.viewport().size())  # fmt: skip
    for plot in (view.strip, view.lanes, view.clearance_plot):
        drawn = _on_screen(window, plot.sceneBoundingRect())
        assert viewport.contains(drawn.adjusted(1, 1, -1, -1)), (plot, drawn, viewport)
    for dock in [window.events_dock, window.details_dock, *window.panel_docks]:
        if dock.isVisible():
            assert not dock.geometry().intersects(view.geometry()), dock.objectName()


def test_a_narrow_timeline_wraps_its_legends(qtbot, bundled_dataset, tmp_path):
    window = _window(qtbot, bundled_dataset, tmp_path, (900, 700))
    view = window.timeline
    for track in (view.casualties, view.clearance):
        legend = track.legend
        assert legend.line_count() >= 2
        right = legend.mapRectToScene(legend.boundingRect()).right()
        assert right <= view.sceneRect().right()
    wide = _window(qtbot, bundled_dataset, tmp_path, (1920, 1000))
    assert wide.timeline.casualties.legend.line_count() == 1


@pytest.mark.parametrize(("screen", "least_rows"), [((1280, 800), 5), ((1920, 1080), 8)])
def test_a_first_start_shares_the_height(qtbot, bundled_dataset, tmp_path, screen, least_rows):
    # The size a first start really opens at on that screen (1216 × 760 on 1280 × 800), not
    # the screen's size: a window of the screen's size showed rows the real window did not.
    size = first_size(QSize(*screen))
    window = _window(qtbot, bundled_dataset, tmp_path, (size.width(), size.height()))
    view = window.timeline
    QApplication.processEvents()
    assert window.timeline.height() >= 0.45 * window.height()
    # The lanes are not squeezed for the tables: every lane keeps its row of labels, unscrolled.
    assert all(rows >= 1 for rows in view.label_rows())
    assert view.lanes_scroll_bar().maximum() == 0
    if screen == (1920, 1080):
        # ... nor left mostly empty: most of their height is rows of labels.
        line = QFontMetricsF(view.label_font()).height()
        assert sum(view.label_rows()) * line >= 0.5 * view.lanes.vb.height()
    for dock in window.panel_docks:
        dock.raise_()
        QApplication.processEvents()
        panel = dock.panel
        table = panel.table
        whole_rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert whole_rows >= least_rows, (dock.objectName(), whole_rows)
        # The caption and the key under the table keep to one line each.
        for label in (panel.caption, panel.legend):
            assert label.height() <= QFontMetricsF(label.font()).lineSpacing() + 2, label
