"""The timeline: an era strip, one lane per event category, and the count track, on one time axis.

One ``GraphicsLayoutWidget``, so ``view.scene()`` holds the whole picture and an exporter can
render it into any painter at any size (call ``layout_for_size`` first; labels adapt to it).
The view takes the dataset it shows and the shared ``Selection``: it sets the selection when a
user clicks an event or an era, draws a period or double-clicks a year on the axis, and redraws
when the selection changes, whoever changed it.

The view puts its parts together and keeps them in step; each part does one job: ``plots``
builds the plots, ``navigation`` moves the time in view, ``height_sharing`` shares the height
out, ``lane_hits`` answers what is under the pointer, ``label_layer`` and ``lane_rows`` lay the
labels out in rows, ``pointer`` and ``keys`` turn the mouse and keys into selections.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QScrollBar, QWidget

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.event_filter import EventFilter
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.era_layer import EraLayer
from karabakh_timeline.ui.timeline.event_geometry import EventGeometry
from karabakh_timeline.ui.timeline.height_sharing import HeightSharing
from karabakh_timeline.ui.timeline.keys import TimelineKeys
from karabakh_timeline.ui.timeline.label_layer import LabelLayer
from karabakh_timeline.ui.timeline.lane_axis import LaneAxis, axis_width
from karabakh_timeline.ui.timeline.lane_hits import LaneHits
from karabakh_timeline.ui.timeline.lane_labels import LabelSlot
from karabakh_timeline.ui.timeline.lane_layer import MARKER_SIZE, LaneLayer
from karabakh_timeline.ui.timeline.lane_rows import LaneRows, RowMetrics, grant_rows
from karabakh_timeline.ui.timeline.lane_scroll import LaneScroller
from karabakh_timeline.ui.timeline.navigation import ZOOM_STEP, TimeNavigation
from karabakh_timeline.ui.timeline.period_readout import PeriodReadout
from karabakh_timeline.ui.timeline.period_regions import PeriodRegions
from karabakh_timeline.ui.timeline.plots import AXIS_LABEL_OVERHANG, Dates, add_plot, count_plots
from karabakh_timeline.ui.timeline.pointer import TimelinePointer
from karabakh_timeline.ui.timeline.time_axis import TimeAxis, range_to_x
from karabakh_timeline.ui.timeline.viewbox import TimelineViewBox

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
        self.ci.setContentsMargins(6, 6, AXIS_LABEL_OVERHANG, 4)
        self.ci.setSpacing(0)
        lane_count = len(self.geometry_.lane_ids)
        left_width = axis_width(self._font, self._lane_labels())

        def plot(row: int, vb: TimelineViewBox, dates: Dates) -> pg.PlotItem:
            link = None if row == 0 else self.strip
            return add_plot(self.ci, row, vb, left_width, dates, self._font, self.bounds, link)

        self.strip = plot(0, TimelineViewBox(), Dates.NONE)
        self.strip.getAxis("left").setTicks([[(0.5, "Eras")], []])  # the bands' middle
        self.lanes = plot(1, TimelineViewBox(wheel_scrolls=True), Dates.GRID)
        self.lanes.vb.invertY(True)  # y in px down from the first lane's top (``lane_rows``)
        self.casualties_plot = plot(2, TimelineViewBox(drag_selects=True), Dates.GRID)
        self.clearance_plot = plot(3, TimelineViewBox(drag_selects=True), Dates.LABELS)
        self.navigation = TimeNavigation(self.lanes.vb, self.bounds, self.geometry_)

        self._row_metrics = RowMetrics(QFontMetricsF(self._font).height(), MARKER_SIZE)
        self._rows = LaneRows.build(self._row_metrics, (1,) * lane_count)
        self.lanes.vb.setYRange(0, self._rows.total, padding=0)
        self._lane_layer = LaneLayer(self.lanes, self.geometry_, self._rows)
        self._lane_axis = LaneAxis(
            self.lanes, self._lane_labels(), self._lane_layer.styles, self._rows
        )
        self.casualties, self.clearance = count_plots(
            self.casualties_plot, self.clearance_plot, self.dataset, self.bounds, self._font
        )
        self._heights = HeightSharing(
            self.ci,
            self.strip,
            self.lanes,
            (self.casualties, self.clearance),
            left_width,
            self._row_metrics.lane_height(1),
            lane_count,
        )
        self.setMinimumHeight(self._heights.first_least())
        self.eras = EraLayer(
            self.dataset.eras, self.bounds, self.lanes, self.strip, self._rows.total, self._font
        )
        self._labels = LabelLayer(self.lanes.vb, self._font, self._texts, self._with_figures)
        self._hits = LaneHits(self.lanes.vb, self.geometry_, self._lane_layer, self._labels)
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

    # ------------------------------------------------------------- the time in view

    def set_x_range(self, first: dt.date, last: dt.date) -> None:
        """Show the days from first to last, both included."""
        self.navigation.set_x_range(first, last)

    def x_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day in view (the days more than half shown)."""
        return self.navigation.x_range()

    def fit_all(self) -> None:
        self.navigation.fit_all()

    def zoom(self, factor: float, centre_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around centre_x (default: the middle of the view)."""
        self.navigation.zoom(factor, centre_x)

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def zoom_to_selection(self) -> None:
        """Show what was selected last: the event with some time around it, or the period."""
        index = self._selected_index()
        period_last = self._period_selected_last and not self.selection.is_everything
        if index is not None and not period_last:
            self.navigation.show_event(index)
        elif not self.selection.is_everything:
            self.navigation.show_period(self.selection.period)
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
        if index is not None:
            self.navigation.ensure_visible(index)

    # ------------------------------------------------------------------- size

    def resizeEvent(self, ev: object) -> None:
        if not self.closed and hasattr(self, "clearance"):  # built, and not yet closed
            self.prepare_for(self.width(), self.height())
        super().resizeEvent(ev)

    def prepare_for(self, width: float, height: float) -> None:
        """Size what depends on the view's size before the layout shares out the height (see
        ``height_sharing``). The window calls this to plan its first layout (``least_height``
        then answers for that size)."""
        self.setMinimumHeight(self._heights.prepare_for(width, height))

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

    def least_height(self) -> float:
        """The height at which every lane still has a row for its labels, without scrolling."""
        return self._heights.least_height()

    # ------------------------------------------------------------ what is shown

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

    def event_index_at(self, pos: QPointF) -> int | None:
        """The event drawn at a point of the lanes (in the lanes box's pixels), or None."""
        return self._hits.event_at(pos, self._rows, self._visible, self._selected_index())

    def density_at(self, pos: QPointF) -> tuple[int, float, dt.date, dt.date] | None:
        """Over a lane drawn as a density strip: (lane, events in the bin, its first and last
        day), from the lanes box's pixels; None elsewhere."""
        return self._hits.density_at(pos, self._rows)

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
