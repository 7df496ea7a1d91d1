"""The casualties panel: every casualty report overlapping the selected period, with totals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.incident_log import incident_coverage
from karabakh_timeline.model.records import CasualtyReport, Dataset
from karabakh_timeline.ui.panels.report_cells import CASUALTY_SHOWN
from karabakh_timeline.ui.panels.report_panel import ReportPanel
from karabakh_timeline.ui.panels.report_table_model import CasualtyTableModel
from karabakh_timeline.ui.selection import Selection


class CasualtyPanel(ReportPanel):
    """Killed, injured and their splits per report; totals per series; disputes side by side."""

    heading = "Casualty reports"
    file_stem = "casualties"
    chart_preference = ("total", "killed", "injured")

    def __init__(
        self,
        selection: Selection,
        dataset: Dataset,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(selection, dataset, CasualtyTableModel(), CASUALTY_SHOWN, parent, settings)
        self.setObjectName("casualtyPanel")

    def reports(self, dataset: Dataset) -> Sequence[CasualtyReport]:
        return dataset.casualties

    def coverage_note(self, dataset: Dataset, selected: DateRange) -> str:
        """The incident log's sums beside the official counts: never added to them."""
        return "\n".join(incident_coverage(dataset, selected).text_lines())
