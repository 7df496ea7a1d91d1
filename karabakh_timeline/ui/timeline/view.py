"""The timeline: an era strip, one lane per event category, and the count track, on one time axis.

One ``GraphicsLayoutWidget``, so ``view.scene()`` holds the whole picture and an exporter can
render it into any painter at any size (call ``layout_for_size`` first; labels adapt to it).
The view takes the dataset it shows and the shared ``Selection``: it sets the selection when a
user clicks an event or an era, draws a period or double-clicks a year on the axis, and redraws
when the selection changes, whoever changed it.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QScrollBar, QWidget

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.event_filter import EventFilter
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.count_series import casualty_track, clearance_track
from karabakh_timeline.ui.timeline.count_track import CountTrackRow
from karabakh_timeline.ui.timeline.density_strip import HEIGHT as DENSITY_HEIGHT
from karabakh_timeline.ui.timeline.era_layer import BAND_ROW, NAME_ROW, EraLayer
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry
from karabakh_timeline.ui.timeline.keys import TimelineKeys
from karabakh_timeline.ui.timeline.label_layer import LabelLayer
from karabakh_timeline.ui.timeline.lane_axis import LaneAxis, axis_width
from karabakh_timeline.ui.timeline.lane_labels import LabelSlot
from karabakh_timeline.ui.timeline.lane_layer import MARKER_SIZE, LaneLayer
from karabakh_timeline.ui.timeline.lane_rows import LaneRows, RowMetrics, grant_rows
from karabakh_timeline.ui.timeline.lane_scroll import LaneScroller
from karabakh_timeline.ui.timeline.period_readout import PeriodReadout
from karabakh_timeline.ui.timeline.period_regions import PeriodRegions
from karabakh_timeline.ui.timeline.pointer import TimelinePointer
from karabakh_timeline.ui.timeline.time_axis import (
    DAY,
    TimeAxis,
    date_to_x,
    range_to_x,
    x_to_date,
)
from karabakh_timeline.ui.timeline.viewbox import TimelineViewBox

MIN_SPAN_DAYS = 10  # the closest zoom: days are the finest unit any record is dated in
MARGIN_DAYS = 200  # how far past 1991–2023 the view may go
HIT_PX = 7.0  # how near a click or hover must be to a marker or bar
ERA_STRIP_HEIGHT = BAND_ROW + NAME_ROW  # at most: the era strip has a second row if needed
COUNT_HEIGHTS = ((78, 132), (74, 122))  # min, max: casualties (with title); clearance (+ axis)
SCROLL_LANES = 1  # lanes the lanes area shows at least; below that height, it scrolls
ZOOM_STEP = 2.0
AXIS_LABEL_OVERHANG = 14  # px a date label may reach past the axis ends (the layout's margin)
MIN_WIDTH = 420  # px: docks beside the timeline leave it at least this much


class TimelineView(pg.GraphicsLayoutWidget):
    hovered_event_changed = Signal(object)
    """The event under the pointer changed; carries its id or None."""

    def __init__(
        self, dataset: Dataset, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, show=False, size=None, title=None)
        self.setBackground(palette.BACKGROUND)
        self.dataset = dataset
        self.selection = selection
        self.bounds = selection.full_range
        self.geometry_ = EventGeometry.build(dataset, self.bounds)
        self._visible = self.geometry_.visible_mask(EventFilter())
        self._period_selected_last = False
        self._font = QFont(self.font())
        self._font.setPointSizeF(9)
        self._texts = [event.shown_label for event in dataset.events]
        self._with_figures = np.fromiter(
            (bool(event.figures) for event in dataset.events), np.bool_, len(dataset.events)
        )
        self.setMinimumWidth(MIN_WIDTH)
        self._build_layout()
        self._connect()
        self._apply_filters()
        self._show_event(selection.event_id)
        self.fit_all()

    # ----------------------------------------------------------------- building

    def _build_layout(self) -> None:
        layout = self.ci
        layout.setContentsMargins(6, 6, AXIS_LABEL_OVERHANG, 4)
        layout.setSpacing(0)
        self._lane_count = len(self.geometry_.lane_ids)
        left_width = axis_width(self._font, self._lane_labels())
        self._left_width = left_width

        self.strip = self._add_plot(0, TimelineViewBox(), left_width, "")
        self.strip.getAxis("left").setTicks([[(0.5, "Eras")], []])  # the bands' middle

        self.lanes = self._add_plot(
            1, TimelineViewBox(wheel_scrolls=True), left_width, "hidden-values"
        )
        self.lanes.vb.invertY(True)  # y in px down from the first lane's top (``lane_rows``)
        self._row_metrics = RowMetrics(QFontMetricsF(self._font).height(), MARKER_SIZE)
        self._rows = LaneRows.build(self._row_metrics, (1,) * self._lane_count)
        self.lanes.vb.setYRange(0, self._rows.total, padding=0)
        self._lane_layer = LaneLayer(self.lanes, self.geometry_, self._rows)
        self._lane_axis = LaneAxis(
            self.lanes, self._lane_labels(), self._lane_layer.styles, self._rows
        )

        self.casualties_plot = self._add_plot(
            2, TimelineViewBox(drag_selects=True), left_width, "hidden-values"
        )
        self.clearance_plot = self._add_plot(
            3, TimelineViewBox(drag_selects=True), left_width, "values"
        )
        for plot, (low, high) in zip(
            (self.casualties_plot, self.clearance_plot), COUNT_HEIGHTS, strict=True
        ):
            plot.setMinimumHeight(low)
            plot.setMaximumHeight(high)
        lanes_least = self._row_metrics.lane_height(1) * min(SCROLL_LANES, self._lane_count)
        self.lanes.setMinimumHeight(lanes_least)
        # The lanes take the height the window can spare; the count track grows up to its max.
        self.ci.layout.setRowStretchFactor(1, 6)
        self.ci.layout.setRowStretchFactor(2, 1)
        self.ci.layout.setRowStretchFactor(3, 1)
        self.setMinimumHeight(
            int(ERA_STRIP_HEIGHT + lanes_least + sum(low for low, _ in COUNT_HEIGHTS) + 20)
        )
        self.casualties = CountTrackRow(
            self.casualties_plot,
            casualty_track(self.dataset, self.bounds),
            {"killed": palette.KILLED, "injured": palette.INJURED, "unknown": palette.UNKNOWN},
            "Casualties a year",
            "people",
            floor=10.0,
            empty_text="No casualty figures in this period",
            font=self._font,
        )
        self.clearance = CountTrackRow(
            self.clearance_plot,
            clearance_track(self.dataset, self.bounds),
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
            font=self._font,
            # Outlines, no data and zero look the same in both: keyed once, in the casualties'.
            keyed_above=self.casualties.legend.entries,
        )
        self.eras = EraLayer(
            self.dataset.eras,
            self.bounds,
            self.lanes,
            self.strip,
            self._rows.total,
            self._font,
        )
        self._labels = LabelLayer(self.lanes.vb, self._font, self._texts, self._with_figures)
        self._scroller = LaneScroller(self, self.lanes, self._lanes_scrolled)
        self.lanes.vb.scroll_asked.connect(self._scroller.scroll_notches)
        self.regions = PeriodRegions(
            self.selection, lambda: self.time_axis.unit(), self._drag_slack, self
        )
        self.readout = PeriodReadout(self.viewport())
        self.regions.previewed.connect(self._show_readout)
        self.regions.attach(self.lanes, body_movable=False)
        self.regions.attach(self.casualties_plot, body_movable=True)
        self.regions.attach(self.clearance_plot, body_movable=True)

    def _add_plot(self, row: int, vb: TimelineViewBox, left_width: int, bottom: str) -> pg.PlotItem:
        axis = TimeAxis("bottom")
        axis.setTickFont(self._font)
        plot = pg.PlotItem(viewBox=vb, axisItems={"bottom": axis}, enableMenu=False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.layout.setContentsMargins(0, 0, 0, 0)
        left = plot.getAxis("left")
        left.setWidth(left_width)
        left.setTickFont(self._font)
        for name in ("left", "bottom"):
            plot.getAxis(name).setPen(pg.mkPen(palette.AXIS))
            plot.getAxis(name).setTextPen(pg.mkPen(palette.TEXT))
        if bottom == "values":
            # A year's label at the very edge may reach into the margin, rather than vanish.
            axis.setStyle(hideOverlappingLabels=AXIS_LABEL_OVERHANG)
        if bottom == "":
            plot.hideAxis("bottom")
        else:
            plot.showGrid(x=True, y=False, alpha=palette.GRID_ALPHA)
            if bottom == "hidden-values":
                # Keep the axis for its grid lines, which line up with the labelled axis below.
                axis.setStyle(showValues=False, tickLength=0)
                axis.setHeight(1)
        x_min = date_to_x(self.bounds.first) - MARGIN_DAYS * DAY
        x_max = date_to_x(self.bounds.last) + (MARGIN_DAYS + 1) * DAY
        vb.setLimits(xMin=x_min, xMax=x_max, minXRange=MIN_SPAN_DAYS * DAY)
        vb.disableAutoRange()
        if row > 0:
            plot.setXLink(self.strip)
        self.ci.addItem(plot, row=row, col=0)
        return plot

    @property
    def period_selected_last(self) -> bool:
        """Whether a period (not an event) was what was selected last."""
        return self._period_selected_last

    @property
    def time_axis(self) -> TimeAxis:
        """The axis that shows the dates (under the count track): what selections snap to."""
        axis: TimeAxis = self.clearance_plot.getAxis("bottom")
        return axis

    def _drag_slack(self) -> float:
        # Two pixels: a drag that ends just past a year's tick has not reached into that year.
        return 2.0 * float(self.lanes.vb.viewPixelSize()[0])

    def _show_readout(self, chosen: object) -> None:
        if not isinstance(chosen, DateRange):
            self.readout.show_period(None, QPoint())
            return
        x0, x1 = range_to_x(chosen)
        vb = self.casualties_plot.vb
        top = self.mapFromScene(vb.mapViewToScene(QPointF((x0 + x1) / 2, vb.viewRange()[1][1])))
        # Inside the track's top, under its legend: the legend stays readable while dragging.
        below = QPoint(top.x(), top.y() + self.readout.sizeHint().height() + 4)
        self.readout.show_period(chosen, below)

    def _lane_labels(self) -> list[str]:
        return [category.label for category in self.dataset.categories.values()]

    def _connect(self) -> None:
        self.selection.event_changed.connect(self._show_event)
        self.selection.period_changed.connect(self._note_period)
        self.selection.filters_changed.connect(self._apply_filters)
        self.lanes.vb.sigXRangeChanged.connect(self._range_changed)
        self.lanes.vb.sigResized.connect(self.relayout)
        # The strip holds only the era names; the lanes are not laid out again for its sake.
        self.strip.vb.sigResized.connect(self.eras.relayout)
        self._pointer = TimelinePointer(self, self)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Events by category over time, with the count track below. With the timeline "
            "focused, the arrows move the selected period and Enter selects a year."
        )
        self.keys = TimelineKeys(self, self)

    # ------------------------------------------------------------- public API

    def set_x_range(self, first: dt.date, last: dt.date) -> None:
        """Show the days from first to last, both included."""
        self.lanes.vb.setXRange(date_to_x(first), date_to_x(last) + DAY, padding=0)

    def x_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day in view (the days more than half shown)."""
        (x0, x1), _ = self.lanes.vb.viewRange()
        return x_to_date(x0 + DAY / 2), x_to_date(x1 - DAY / 2)

    def fit_all(self) -> None:
        x0, x1 = range_to_x(self.bounds)
        pad = (x1 - x0) * 0.01
        self.lanes.vb.setXRange(x0 - pad, x1 + pad, padding=0)

    def zoom(self, factor: float, centre_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around centre_x (default: the middle of the view)."""
        (x0, x1), _ = self.lanes.vb.viewRange()
        centre = (x0 + x1) / 2 if centre_x is None else centre_x
        left, right = centre - (centre - x0) / factor, centre + (x1 - centre) / factor
        self.lanes.vb.setXRange(left, right, padding=0)

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def zoom_to_selection(self) -> None:
        """Show what was selected last: the event with some time around it, or the period."""
        index = self._selected_index()
        period_last = self._period_selected_last and not self.selection.is_everything
        if index is not None and not period_last:
            x0, x1 = self.geometry_.x0[index], self.geometry_.x1[index]
            pad = max((x1 - x0) * 0.5, 45 * DAY)
            self.lanes.vb.setXRange(x0 - pad, x1 + pad, padding=0)
        elif not self.selection.is_everything:
            x0, x1 = range_to_x(self.selection.period)
            pad = (x1 - x0) * 0.05
            self.lanes.vb.setXRange(x0 - pad, x1 + pad, padding=0)
        else:
            self.fit_all()

    def step_event(self, forward: bool) -> str | None:
        """Select the next (or previous) event in time among those shown; keep it in view."""
        (view_x0, _), _ = self.lanes.vb.viewRange()
        found = self.geometry_.step(self._visible, self._selected_index(), forward, view_x0)
        if found < 0:
            return None
        event_id = self.geometry_.events[found].id
        self.selection.set_event(event_id)
        return event_id

    def ensure_visible(self, event_id: str) -> None:
        """Pan (keeping the zoom) so the event is in view, if it is not already."""
        index = self.geometry_.index_of.get(event_id)
        if index is None:
            return
        (x0, x1), _ = self.lanes.vb.viewRange()
        width = x1 - x0
        margin = width * 0.08
        start, end = self.geometry_.x0[index], self.geometry_.x1[index]
        anchor = self.geometry_.xc[index] if self.geometry_.is_point[index] else start
        if x0 + margin <= anchor <= x1 - margin:
            return
        if not self.geometry_.is_point[index] and end - start < width:
            centre = (start + end) / 2
        else:
            centre = anchor
        self.lanes.vb.setXRange(centre - width / 2, centre + width / 2, padding=0)

    def resizeEvent(self, ev: object) -> None:
        if not self.closed and hasattr(self, "clearance"):  # built, and not yet closed
            self.prepare_for(self.width(), self.height())
        super().resizeEvent(ev)

    def prepare_for(self, width: float, height: float) -> None:
        """Size what depends on the view's size before the layout shares out the height: the
        legends wrap to the width they will get, and a legend wrapped onto more lines takes
        its room above its chart, not from it. The count track grows only with height the
        lanes' first rows of labels can spare. The window calls this to plan its first layout
        (``least_height`` then answers for that size)."""
        left, _, right, _ = self.ci.layout.getContentsMargins()
        room = width - left - right - self._left_width
        tracks = (self.casualties, self.clearance)
        for track, (low, _) in zip(tracks, COUNT_HEIGHTS, strict=True):
            track.legend.wrap_to(max(room, 1.0))
            track.plot.setMinimumHeight(low + track.legend.extra_height())
        spare = max(height - self.least_height(), 0.0)
        for track, (low, high) in zip(tracks, COUNT_HEIGHTS, strict=True):
            extra = track.legend.extra_height()
            track.plot.setMaximumHeight(min(high, low + spare / 4) + extra)
        # Never less than the layout needs: a squeezed view would cut its own axis off.
        _, top, _, bottom = self.ci.layout.getContentsMargins()
        least = self.ci.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        strip = ERA_STRIP_HEIGHT - self.strip.minimumHeight()
        self.setMinimumHeight(math.ceil(least + strip + top + bottom))

    def layout_for_size(self, width: int, height: int) -> None:
        """Lay the scene out for this size now, shown or not (exporters call this first)."""
        self.resize(width, height)
        self.resizeEvent(None)
        # Twice: the count track's legend takes a second row when narrow, known only once it
        # has its width, and the layout must then make room for it.
        for _ in range(2):
            self.ci.layout.activate()
            for plot in (self.strip, self.lanes, self.casualties_plot, self.clearance_plot):
                plot.layout.activate()
        self.relayout()

    def visible_event_ids(self) -> list[str]:
        """Events the filters leave on the timeline, in time order."""
        return [self.geometry_.events[n].id for n in np.flatnonzero(self._visible)]

    def lane_extent(self, lane: int) -> tuple[float, float]:
        """The top and bottom of a lane, in the lanes plot's y (px from the first lane's top)."""
        top = self._rows.tops[lane]
        return top, top + self._rows.heights[lane]

    def label_rows(self) -> tuple[int, ...]:
        """How many rows of labels each lane has room for now."""
        return self._rows.rows

    def lane_line_y(self, lane: int) -> float:
        """The y of a lane's marker line, in the lanes plot's y."""
        return self._rows.line_y(lane)

    def lanes_scroll_bar(self) -> QScrollBar:
        """The scroll bar beside the lanes, shown while they are taller than their room."""
        return self._scroller.bar

    def lanes_overflow(self) -> bool:
        """Whether the lanes are taller than their room now, so they scroll."""
        return self._scroller.overflows

    def least_height(self) -> float:
        """The height at which every lane still has a row for its labels, without scrolling."""
        lanes = self._row_metrics.lane_height(1) * self._lane_count
        _, top, _, bottom = self.ci.layout.getContentsMargins()
        least = self.ci.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        strip = ERA_STRIP_HEIGHT - self.strip.minimumHeight()  # room for a second row of names
        return float(least - self.lanes.minimumHeight() + lanes + strip + top + bottom + 2)

    def labelled_event_ids(self) -> list[str]:
        return [self.geometry_.events[slot.event].id for slot in self._labels.slots]

    @property
    def lane_layer(self) -> LaneLayer:
        """The lanes' markers, bars, density strips and selection ring, as drawn."""
        return self._lane_layer

    def lane_notes(self) -> list[str]:
        """The note under each lane's name: '1,234 in view' where it draws its density."""
        return self._lane_axis.notes()

    def label_slots(self) -> list[LabelSlot]:
        """The event labels shown now, in the lanes box's pixels."""
        return list(self._labels.slots)

    def label_font(self) -> QFont:
        return QFont(self._labels.pool.font)

    def marker_scene_pos(self, event_id: str) -> QPointF | None:
        """Where an event's marker (or the start of its bar) is in the scene."""
        index = self.geometry_.index_of.get(event_id)
        if index is None:
            return None
        g = self.geometry_
        x = g.xc[index] if g.is_point[index] else (g.x0[index] + g.x1[index]) / 2
        (x0, x1), _ = self.lanes.vb.viewRange()
        x = min(max(x, x0), x1)
        return self.lanes.vb.mapViewToScene(QPointF(x, self._rows.line_y(int(g.lane[index]))))

    def event_at_scene_pos(self, scene_pos: QPointF) -> str | None:
        index = self.event_index_at(self.lanes.vb.mapFromScene(scene_pos))
        return None if index is None else self.geometry_.events[index].id

    # ---------------------------------------------------------------- reacting

    def _range_changed(self, *_: object) -> None:
        (x0, x1), _ = self.lanes.vb.viewRange()
        self.casualties.rescale(x0, x1)
        self.clearance.rescale(x0, x1)
        self.eras.relayout()
        self._place_labels()

    def relayout(self, *_: object) -> None:
        """Re-place the labels, era names and lane keys for the current range and size."""
        self.eras.relayout()
        self._place_labels()
        self._lane_axis.place()
        self._scroller.place()

    def _apply_filters(self) -> None:
        self._visible = self.geometry_.visible_mask(self.selection.event_filter)
        x_min, x_max = self.lanes.vb.state["limits"]["xLimits"]
        self._lane_layer.set_visible(self._visible, (x_min, x_max))
        self._place_labels()

    def _show_lanes(self) -> None:
        vb = self.lanes.vb
        if vb.width() <= 1 or vb.height() <= 1:
            return  # not laid out yet: the first resize draws them
        (x0, x1), _ = vb.viewRange()
        self._lane_layer.show_range(x0, x1, vb.width(), 1.0)
        self._lane_axis.show_counts(self._lane_layer.dense_counts())

    def _note_period(self, *_: object) -> None:
        self._period_selected_last = True

    def _show_event(self, event_id: str | None) -> None:
        self._period_selected_last = event_id is None and self._period_selected_last
        index = self._selected_index()
        self._lane_layer.set_highlight(index)
        if event_id is not None:
            self.ensure_visible(event_id)
        self._place_labels()
        if index is not None:
            self._scroller.show_span(*self.lane_extent(int(self.geometry_.lane[index])))

    def _selected_index(self) -> int | None:
        event_id = self.selection.event_id
        return None if event_id is None else self.geometry_.index_of.get(event_id)

    def _place_labels(self) -> None:
        """Draw the lanes for the range, lay their labels out, give each lane the height its
        rows of labels need (within the room there is), and show the labels there."""
        self._show_lanes()
        dense = self._lane_layer.dense_lanes()
        selected = self._selected_index()

        def grant(wanted: list[int]) -> LaneRows:
            # A lane drawing its density strip keeps a row of room above the line for it.
            wanted = [max(w, 1) if d else w for w, d in zip(wanted, dense, strict=True)]
            height = self.lanes.vb.height()
            # Lanes keep the rows they have while they fit, so panning does not make the
            # lanes jump up and down each time a label comes into view or leaves it.
            kept = [max(w, r) for w, r in zip(wanted, self._rows.rows, strict=True)]
            rows = grant_rows(kept, self._row_metrics, height)
            if rows.rows != tuple(kept) or rows.total > height + 0.5:
                rows = grant_rows(wanted, self._row_metrics, height)
            return rows

        rows = self._labels.place(self._lane_layer.slices, dense, selected, grant)
        if rows is None:
            return
        if rows != self._rows:
            self._rows = rows
            self._lane_layer.set_rows(rows)
            self._lane_axis.set_rows(rows)
            self.eras.set_lanes_height(rows.total)
            self._show_lanes()
        self._scroller.fit(rows.total)
        self._labels.show(rows, selected)
        self._lane_axis.place()

    def _lanes_scrolled(self) -> None:
        self._labels.show(self._rows, self._selected_index())
        self._lane_axis.place()

    def event_index_at(self, pos: QPointF) -> int | None:
        """The event drawn at a point of the lanes (in the lanes box's pixels), or None."""
        labelled = self._labels.event_at(pos.x(), pos.y())
        if labelled is not None:
            return labelled
        vb = self.lanes.vb
        here = vb.mapToView(pos)
        lane = self._rows.lane_at(here.y())
        if lane is None:
            return None
        centre_y = vb.mapFromView(QPointF(here.x(), self._rows.line_y(lane))).y()
        dense = self._lane_layer.is_dense(lane)
        # A lane showing its density strip is hit anywhere on the strip, above its line.
        above = DENSITY_HEIGHT if dense else 0
        if not -above - MARKER_SIZE / 2 - 4 <= pos.y() - centre_y <= MARKER_SIZE / 2 + 4:
            return None
        px_width = vb.viewPixelSize()[0]
        selected = self._selected_index()
        g = self.geometry_
        if dense and selected is not None and g.lane[selected] == lane and g.is_point[selected]:
            # There the selected event's is the one marker drawn: under the pointer, it is it.
            on_marker = abs(pos.y() - centre_y) <= MARKER_SIZE / 2 + 4
            if on_marker and abs(g.xc[selected] - here.x()) <= MARKER_SIZE / 2 * px_width:
                return selected
        found = self.geometry_.nearest(
            self._visible, lane, here.x(), HIT_PX * px_width, MARKER_SIZE / 2 * px_width
        )
        return None if found < 0 else found

    def density_at(self, pos: QPointF) -> tuple[int, float, dt.date, dt.date] | None:
        """Over a lane drawn as a density strip: (lane, events in the bin, its first and last
        day), from the lanes box's pixels; None elsewhere."""
        vb = self.lanes.vb
        here = vb.mapToView(pos)
        lane = self._rows.lane_at(here.y())
        if lane is None or not self._lane_layer.is_dense(lane):
            return None
        centre_y = vb.mapFromView(QPointF(here.x(), self._rows.line_y(lane))).y()
        above = DENSITY_HEIGHT
        if not -above - MARKER_SIZE / 2 - 4 <= pos.y() - centre_y <= MARKER_SIZE / 2 + 4:
            return None
        strip = self._lane_layer.strip(lane)
        edges = strip.edges
        bin_number = int(np.searchsorted(edges, here.x(), side="right")) - 1
        if not 0 <= bin_number < len(strip.counts):
            return None
        first = x_to_date(float(edges[bin_number]))
        last = x_to_date(float(edges[bin_number + 1]) - 1)
        return lane, float(strip.counts[bin_number]), first, last
