"""The clearance panel: every clearance, survey and contamination report in the selected period."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout, QWidget

from karabakh_timeline.model.figure_key import FigureKey
from karabakh_timeline.model.records import AREA_METHODS, ITEM_TYPES, ClearanceReport, Dataset
from karabakh_timeline.ui.panels.contamination_chart import ContaminationChart
from karabakh_timeline.ui.panels.report_cells import CLEARANCE_SHOWN
from karabakh_timeline.ui.panels.report_panel import ReportPanel
from karabakh_timeline.ui.panels.report_table_model import ClearanceTableModel
from karabakh_timeline.ui.selection import Selection


class ClearancePanel(ReportPanel):
    """Area by method, items by type, land use; totals per series; disputes side by side."""

    heading = "Clearance and survey reports"
    file_stem = "clearance"
    # The chart shows land first: it is what clearance gives back.
    chart_preference = (
        *(FigureKey.area(method).text for method in AREA_METHODS),
        *(FigureKey.items(kind).text for kind in ITEM_TYPES),
    )

    def __init__(
        self,
        selection: Selection,
        dataset: Dataset,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(
            selection, dataset, ClearanceTableModel(), CLEARANCE_SHOWN, parent, settings
        )
        self.setObjectName("clearancePanel")
        # Remaining contamination over the period, in a chart of its own: its tens of km² would
        # flatten the count track's bars of land released a year.
        self.contamination = ContaminationChart(self)
        self.contamination.report_activated.connect(self._selection.set_report)
        pane = self.lower_scroll.widget()
        lower = pane.layout() if pane is not None else None
        assert isinstance(lower, QVBoxLayout)
        lower.insertWidget(0, self.contamination)  # first: seen without scrolling
        self.contents_changed.connect(self._show_contamination)
        self._show_contamination()

    def _show_contamination(self) -> None:
        summary = self.summary
        rows = () if summary is None else (*summary.within, *summary.partial)
        listed = [row.report for row in rows if isinstance(row.report, ClearanceReport)]
        self.contamination.show_period(self._dataset, listed, self._selection.period)

    def reports(self, dataset: Dataset) -> Sequence[ClearanceReport]:
        return dataset.clearance
