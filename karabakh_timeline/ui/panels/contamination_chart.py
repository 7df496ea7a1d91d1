"""A small chart of the contamination still to be cleared, over the selected period.

Kept apart from the count track: remaining areas (70–94 km² of cluster-strike land, thousands of
km² after 2020) would flatten its bars of land released a year, a few km² each. One line per
scope and hazard (``model.contamination``), never joined across scopes; the height is
logarithmic so that 0.9 km² and 94 km² both read. Reports of one series on the same day stand
side by side, a disputed figure has a heavy outline, and a hazard a report does not give is no
point (unknown, not zero). Pointing at a point names the report, its figure and its source.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

# isort: split
# PySide6 first: pyqtgraph binds whichever Qt is already imported, and may find PyQt6 otherwise.
import pyqtgraph as pg

from karabakh_timeline.model.contamination import (
    ContaminationPoint,
    ContaminationSeries,
    contamination_series,
)
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import ClearanceReport, Dataset
from karabakh_timeline.model.report_scope import scope_name
from karabakh_timeline.source_html import cited_sources
from karabakh_timeline.ui import palette
from karabakh_timeline.ui.panels.yearly_chart import decimal_year, year_ticks

COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
SYMBOLS = ("o", "s", "t", "d", "h", "star")
GLYPHS = {"o": "&#9679;", "s": "&#9632;", "t": "&#9660;", "d": "&#9670;", "h": "&#11042;"}
GLYPHS["star"] = "&#9733;"  # each symbol as the legend writes it
SIDE_STEP_PX = 8.0  # how far apart two reports of one day are drawn
HOVER_PX = 9.0  # how near the pointer must be to a point to name it
EMPTY_TEXT = "No remaining area in km² is reported for this period"
TITLE = "Remaining contamination, km² (logarithmic scale)"
PLOT_HEIGHT = 130  # px; with no points, only the title and the message are shown


class ContaminationChart(QWidget):
    """Shows ``show_period(dataset, selected)``: every remaining area reported in the period."""

    chart_changed = Signal()
    """The points were redrawn for another period or dataset."""
    report_activated = Signal(str)
    """A point was clicked; carries its report's id, for the report inspector."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contaminationChart")
        self._dataset: Dataset | None = None
        self._range: DateRange | None = None
        self.series: tuple[ContaminationSeries, ...] = ()
        self._placed: list[tuple[float, float, ContaminationSeries, ContaminationPoint]] = []

        self.title = QLabel(TITLE, self)
        self.title.setObjectName("contaminationTitle")
        self.title.setWordWrap(True)  # a narrow pane wraps it rather than scroll sideways
        self.plot = pg.PlotWidget(self, background=None)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setFixedHeight(PLOT_HEIGHT)
        # Its tooltip changes with the point under the pointer: the name is given once here.
        self.plot.setAccessibleName(TITLE)
        self.plot.setLogMode(x=False, y=True)
        self.plot.getPlotItem().setContentsMargins(0, 0, 4, 0)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setPen(pg.mkPen(palette.AXIS))
            self.plot.getAxis(name).setTextPen(pg.mkPen(palette.TEXT))
        self.plot.getViewBox().sigResized.connect(self._redraw)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.legend = QLabel(self)
        self.legend.setObjectName("contaminationLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.chart = chart = QWidget(self)
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(2)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(self.legend)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setObjectName("contaminationEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        # Shown one at a time, and not stacked: with no points the chart takes only the words.
        layout.addWidget(chart)
        layout.addWidget(self.empty)

    @property
    def is_empty(self) -> bool:
        return not self.series

    def message(self) -> str:
        """The words shown in place of the chart, or "" while it shows points."""
        return self.empty.text() if self.is_empty else ""

    def show_period(
        self, dataset: Dataset, reports: Sequence[ClearanceReport], selected: DateRange
    ) -> None:
        """The remaining areas of ``reports`` (those the panel lists) over ``selected``."""
        self._dataset, self._range = dataset, selected
        self.series = contamination_series(dataset, reports, selected)
        self.chart.setVisible(bool(self.series))
        self.empty.setVisible(not self.series)
        self.legend.setText(self._legend_html())
        self._redraw()
        self.chart_changed.emit()

    def points(self) -> list[tuple[str, str, float]]:
        """What is drawn, for a reader of the chart: (series, report id, km²) per point."""
        return [(series.label, point.report_id, point.km2) for _, _, series, point in self._placed]

    def tooltip_at(self, scene_pos: QPointF) -> str:
        """The words for the point under ``scene_pos`` (scene pixels), or ""."""
        found = self._point_at(scene_pos)
        return "" if found is None else self._point_html(*found)

    def _point_at(
        self, scene_pos: QPointF
    ) -> tuple[ContaminationSeries, ContaminationPoint] | None:
        view = self.plot.getViewBox()
        nearest: tuple[float, ContaminationSeries, ContaminationPoint] | None = None
        for x, y, series, point in self._placed:
            at = view.mapViewToScene(QPointF(x, math.log10(y)))
            distance = math.hypot(at.x() - scene_pos.x(), at.y() - scene_pos.y())
            if distance <= HOVER_PX and (nearest is None or distance < nearest[0]):
                nearest = (distance, series, point)
        return None if nearest is None else (nearest[1], nearest[2])

    def _hover(self, scene_pos: QPointF) -> None:
        self.plot.setToolTip(self.tooltip_at(scene_pos))

    def _clicked(self, event: Any) -> None:
        found = self._point_at(event.scenePos())
        if found is not None:
            self.report_activated.emit(found[1].report_id)

    def _point_html(self, series: ContaminationSeries, point: ContaminationPoint) -> str:
        assert self._dataset is not None
        lines = [f"<b>{escape(series.label)}</b>", escape(point.text())]
        report = self._dataset.record(point.report_id)
        if report is not None:
            sources = cited_sources(self._dataset, report.sources, link=False)
            lines.append(f"Source: {sources}")
        if point.disputed:
            lines.append("<i>Disputed: another report gives another figure; both are drawn</i>")
        lines.append(f"<i>Report {escape(point.report_id)}: click to open it</i>")
        return "<br>".join(lines)

    def _legend_html(self) -> str:
        """Each scope once, then its hazards with their marks: 'Armenia, …: ▼ mines'."""
        assert self._dataset is not None
        by_scope: dict[str, list[str]] = {}
        for number, series in enumerate(self.series):
            colour = COLOURS[number % len(COLOURS)]
            glyph = GLYPHS[SYMBOLS[number % len(SYMBOLS)]]
            hazard = escape(series.label.split(" — ", 1)[0].lower())
            by_scope.setdefault(series.scope, []).append(
                f'<span style="color:{colour}">{glyph}</span>&nbsp;{hazard}'
            )
        lines = [
            f"{escape(scope_name(self._dataset, scope))}: {' &nbsp;'.join(keys)}"
            for scope, keys in by_scope.items()
        ]
        return "<br>".join(lines)

    def _redraw(self, *_: object) -> None:
        self.plot.clear()
        self._placed = []
        if self._range is None or not self.series:
            return
        start = decimal_year(self._range.first)
        end = decimal_year(self._range.last + dt.timedelta(days=1))
        width = self.plot.getViewBox().width() or 400.0  # not laid out yet: a typical width
        step = SIDE_STEP_PX * (end - start) / width
        values = []
        for number, series in enumerate(self.series):
            colour = QColor(COLOURS[number % len(COLOURS)])
            xs = [decimal_year(p.day) + p.side * step for p in series.points]
            ys = [max(p.km2, 1e-6) for p in series.points]  # a log scale has no 0
            self.plot.addItem(
                pg.PlotDataItem(
                    xs,
                    ys,
                    pen=pg.mkPen(colour, width=1.5),
                    symbol=SYMBOLS[number % len(SYMBOLS)],
                    symbolSize=8,
                    symbolBrush=colour,
                    symbolPen=[
                        pg.mkPen(palette.TEXT, width=2.5 if p.disputed else 0.8)
                        for p in series.points
                    ],
                )
            )
            self._placed += [
                (x, y, series, p) for x, y, p in zip(xs, ys, series.points, strict=True)
            ]
            values += ys
        low, high = math.log10(min(values)), math.log10(max(values))
        room = max((high - low) * 0.12, 0.15)
        self.plot.setXRange(start, end, padding=0.02)
        self.plot.setYRange(low - room, high + room, padding=0)
        first, last = self._range.first.year, self._range.last.year
        self.plot.getAxis("bottom").setTicks([year_ticks(first, last, width), []])
