"""The timeline's plots: each one row of the view's layout on the one time axis, and the count
track's two quantities drawn in two of them.

Every plot gets the same left axis width (so their data areas line up), the same x limits and
zoom floor, and the era strip's x range (``setXLink``); only the lowest shows the dates, the
others keep the axis for its grid lines.
"""

from __future__ import annotations

from enum import Enum

import pyqtgraph as pg
from PySide6.QtGui import QFont

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.timeline.count_ranges import casualty_ranges, clearance_ranges
from karabakh_timeline.ui.timeline.count_series import casualty_track, clearance_track
from karabakh_timeline.ui.timeline.count_track import CountTrackRow
from karabakh_timeline.ui.timeline.time_axis import DAY, TimeAxis, date_to_x
from karabakh_timeline.ui.timeline.viewbox import TimelineViewBox

MIN_SPAN_DAYS = 10  # the closest zoom: days are the finest unit any record is dated in
MARGIN_DAYS = 200  # how far past 1991–2023 the view may go
AXIS_LABEL_OVERHANG = 14  # px a date label may reach past the axis ends (the layout's margin)
COUNT_HEIGHTS = ((78, 132), (74, 122))  # min, max: casualties (with title); clearance (+ axis)


class Dates(Enum):
    """What a plot's bottom axis shows."""

    NONE = "none"  # no axis at all (the era strip)
    GRID = "grid"  # grid lines only, in line with the dates below
    LABELS = "labels"  # the dates


def add_plot(
    layout: pg.GraphicsLayout,
    row: int,
    vb: TimelineViewBox,
    left_width: int,
    dates: Dates,
    font: QFont,
    bounds: DateRange,
    x_link: pg.PlotItem | None = None,
) -> pg.PlotItem:
    """A plot in ``row`` of ``layout``, kept within ``bounds`` and their margin."""
    axis = TimeAxis("bottom")
    axis.setTickFont(font)
    plot = pg.PlotItem(viewBox=vb, axisItems={"bottom": axis}, enableMenu=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.layout.setContentsMargins(0, 0, 0, 0)
    left = plot.getAxis("left")
    left.setWidth(left_width)
    left.setTickFont(font)
    for name in ("left", "bottom"):
        plot.getAxis(name).setPen(pg.mkPen(palette.AXIS))
        plot.getAxis(name).setTextPen(pg.mkPen(palette.TEXT))
    if dates is Dates.LABELS:
        # A year's label at the very edge may reach into the margin, rather than vanish.
        axis.setStyle(hideOverlappingLabels=AXIS_LABEL_OVERHANG)
    if dates is Dates.NONE:
        plot.hideAxis("bottom")
    else:
        plot.showGrid(x=True, y=False, alpha=palette.GRID_ALPHA)
        if dates is Dates.GRID:
            # Keep the axis for its grid lines, which line up with the labelled axis below.
            axis.setStyle(showValues=False, tickLength=0)
            axis.setHeight(1)
    x_min = date_to_x(bounds.first) - MARGIN_DAYS * DAY
    x_max = date_to_x(bounds.last) + (MARGIN_DAYS + 1) * DAY
    vb.setLimits(xMin=x_min, xMax=x_max, minXRange=MIN_SPAN_DAYS * DAY)
    vb.disableAutoRange()
    if x_link is not None:
        plot.setXLink(x_link)
    layout.addItem(plot, row=row, col=0)
    return plot


def count_plots(
    casualties_plot: pg.PlotItem,
    clearance_plot: pg.PlotItem,
    dataset: Dataset,
    bounds: DateRange,
    font: QFont,
) -> tuple[CountTrackRow, CountTrackRow]:
    """The casualties and the land released a year, drawn in their plots, each held between
    its least and greatest height (``COUNT_HEIGHTS``)."""
    for plot, (low, high) in zip((casualties_plot, clearance_plot), COUNT_HEIGHTS, strict=True):
        plot.setMinimumHeight(low)
        plot.setMaximumHeight(high)
    casualty_figures = casualty_track(dataset, bounds)
    clearance_figures = clearance_track(dataset, bounds)
    casualties = CountTrackRow(
        casualties_plot,
        casualty_figures,
        casualty_ranges(dataset, casualty_figures),
        {"killed": palette.KILLED, "injured": palette.INJURED, "unknown": palette.UNKNOWN},
        "Casualties a year",
        "people",
        floor=10.0,
        empty_text="No casualty figures in this period",
        font=font,
    )
    clearance = CountTrackRow(
        clearance_plot,
        clearance_figures,
        clearance_ranges(dataset, clearance_figures),
        {
            "cleared": palette.CLEARED,
            "reduced": palette.REDUCED,
            "cancelled": palette.CANCELLED,
            "released": palette.RELEASED,
        },
        "Land released a year, km²",
        "km²",
        floor=1.0,
        empty_text="No clearance figures in this period",
        font=font,
        # Outlines, no data and zero look the same in both: keyed once, in the casualties'.
        keyed_above=casualties.legend.entries,
    )
    return casualties, clearance
