"""A small bar chart of one series' reports inside the selected period: a bar per report.

Only series are charted, because only their reports are made the same way year after year. A
report that does not give the figure, and a year no report covers, are hatched over the whole
height: unknown, not zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

# isort: split
# PySide6 first: pyqtgraph binds whichever Qt is already imported, and may find PyQt6 otherwise.
import pyqtgraph as pg

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.figure_key import FigureKey
from karabakh_timeline.model.figure_names import figure_label
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.query import SeriesTotal, Totals, report_figure
from karabakh_timeline.model.records import Dataset

BAR_BRUSH = pg.mkBrush(52, 101, 164, 200)
BAR_PEN = pg.mkPen(32, 74, 135)
UNKNOWN_BRUSH = QBrush(QColor(120, 120, 120, 110), Qt.BrushStyle.BDiagPattern)
MIN_LABEL_PX = 40  # room a year label needs on the axis
UNKNOWN_TIP = (
    "A bar is one report of the series. Hatching marks a report that does not give this "
    "figure, or a year no report of the series covers: unknown, not zero."
)


@dataclass(frozen=True, slots=True)
class Bar:
    start: float  # decimal years: 2004.0 is the first moment of 2004
    end: float
    value: float | None  # None: the report does not give the figure


def decimal_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def series_bars(dataset: Dataset, total: SeriesTotal, name: str, scale: float) -> list[Bar]:
    bars = []
    for report_id in total.reports:
        report = dataset.record(report_id)
        if report is None or report.date.first_day is None or report.date.last_day is None:
            continue
        value = report_figure(report, name)  # type: ignore[arg-type]
        amount = None
        if isinstance(value, Count):
            amount = float(value.value)
        elif isinstance(value, Area):
            amount = value.m2 / scale
        start = decimal_year(report.date.first_day)
        end = decimal_year(report.date.last_day + dt.timedelta(days=1))
        bars.append(Bar(start, end, amount))
    return bars


def year_ticks(first: int, last: int, width: float) -> list[tuple[float, str]]:
    """A label under each year, or every 2nd, 5th… year when the chart is too narrow for all."""
    per_year = width / (last - first + 1)
    step = next((s for s in (1, 2, 5, 10) if s * per_year >= MIN_LABEL_PX), 20)
    return [(year + 0.5, str(year)) for year in range(first, last + 1) if year % step == 0]


def uncovered_years(bars: list[Bar], first: int, last: int) -> list[int]:
    """Years of the period no report of the series covers at all: no data, which is not 0."""
    return [
        year
        for year in range(first, last + 1)
        if not any(bar.start < year + 1 and bar.end > year for bar in bars)
    ]


class YearlyChart(QWidget):
    """Shows ``show_totals(...)``: one series and figure at a time, chosen in a small list."""

    chart_changed = Signal()
    """The bars were redrawn for another period, series or figure."""

    def __init__(self, preferred: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preferred = preferred  # figure names to chart first, e.g. ("total", "killed")
        self._dataset: Dataset | None = None
        self._totals: tuple[SeriesTotal, ...] = ()
        self._range: DateRange | None = None
        self.bars: list[Bar] = []
        self.gaps: list[int] = []  # years of the period no report of the series covers

        self.choice = QComboBox(self)
        self.choice.setObjectName("chartFigure")
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(10)  # fits beside "Chart (km²):" in a narrow pane
        self.choice.currentIndexChanged.connect(self._redraw)
        self.title = QLabel(self)
        self.title.setObjectName("chartTitle")
        self.plot = pg.PlotWidget(self, background=None)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(110)
        self.plot.getPlotItem().setContentsMargins(0, 0, 4, 0)
        self.plot.getViewBox().sigResized.connect(self._update_ticks)
        self.plot.setToolTip(UNKNOWN_TIP)
        self.empty = QLabel(
            "No series has a report wholly inside this period, so there is no chart."
        )
        self.empty.setObjectName("chartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack)

    def show_totals(self, dataset: Dataset, totals: Totals, selected: DateRange) -> None:
        self._dataset, self._totals, self._range = dataset, totals.by_series, selected
        previous = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for index, total in enumerate(self._totals):
            for figure in total.figures:
                # The figure first: a narrow list still shows what is charted.
                label = f"{figure_label(figure.name)} · {total.label}"
                self.choice.addItem(label, (index, figure.name))
        chosen = self._choose(previous)
        self.choice.setCurrentIndex(chosen)
        self.choice.setVisible(self.choice.count() > 1)
        self.choice.blockSignals(False)
        self._redraw()

    def _choose(self, previous: object) -> int:
        entries = [self.choice.itemData(i) for i in range(self.choice.count())]
        if previous in entries:
            return entries.index(previous)
        for name in self._preferred:
            for i, (_, entry_name) in enumerate(entries):
                if entry_name == name:
                    return i
        return 0 if entries else -1

    def _redraw(self) -> None:
        self.plot.clear()
        entry = self.choice.currentData()
        if self._dataset is None or self._range is None or entry is None:
            self.bars = []
            self.title.setText("")
            self.stack.setCurrentWidget(self.empty)
            self.chart_changed.emit()
            return
        index, name = entry
        total = self._totals[index]
        is_area = FigureKey.parse(name).is_area
        scale = 1_000_000.0 if is_area else 1.0
        self.bars = series_bars(self._dataset, total, name, scale)
        unit = " (km²)" if is_area else ""
        if self.choice.count() > 1:  # the list is shown, and says which figure
            self.title.setText(f"Chart{unit}:")
        else:
            self.title.setText(f"{total.label}: {figure_label(name)}{unit}, per report")
        self._draw(self.bars)
        self.stack.setCurrentWidget(self.plot)
        self.chart_changed.emit()

    def _draw(self, bars: list[Bar]) -> None:
        assert self._range is not None
        known = [bar for bar in bars if bar.value is not None]
        if known:
            item = pg.BarGraphItem(
                x0=[b.start for b in known],
                x1=[b.end for b in known],
                height=[b.value for b in known],
                brush=BAR_BRUSH,
                pen=BAR_PEN,
            )
            self.plot.addItem(item)
        first, last = self._range.first.year, self._range.last.year
        self.gaps = uncovered_years(bars, first, last)
        top = max((b.value or 0.0 for b in known), default=1.0) or 1.0
        # Unknown is hatched over the whole height, as on the timeline's count track: a mark
        # at the foot of the chart would read as a small number or as 0.
        unknown = [(b.start, b.end) for b in bars if b.value is None]
        unknown += [(year, year + 1.0) for year in self.gaps]
        if unknown:
            hatch = pg.BarGraphItem(
                x0=[a for a, _ in unknown],
                x1=[b for _, b in unknown],
                y0=[0.0] * len(unknown),
                height=[top] * len(unknown),
                brush=UNKNOWN_BRUSH,
                pen=pg.mkPen(None),
            )
            hatch.setZValue(-1)
            self.plot.addItem(hatch)
        end = decimal_year(self._range.last + dt.timedelta(days=1))
        self.plot.setXRange(decimal_year(self._range.first), end, padding=0.02)
        self.plot.setYRange(0, top, padding=0.08)
        self._update_ticks()

    def _update_ticks(self, *_: object) -> None:
        if self._range is None:
            return
        first, last = self._range.first.year, self._range.last.year
        width = self.plot.getViewBox().width() or 400.0  # not laid out yet: a typical width
        self.plot.getAxis("bottom").setTicks([year_ticks(first, last, width), []])
