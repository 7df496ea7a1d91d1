"""The casualty and clearance panels as dock widgets the main window places and restores.

Each dock has a fixed object name, so ``QMainWindow.saveState``/``restoreState`` keep where the
user put it. ``set_dataset`` shows another dataset in the same docks, for the same selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.casualty_panel import CasualtyPanel
from karabakh_timeline.ui.clearance_panel import ClearancePanel
from karabakh_timeline.ui.report_panel import ReportPanel
from karabakh_timeline.ui.selection import Selection

CASUALTY_DOCK = "casualtiesDock"
CLEARANCE_DOCK = "clearanceDock"


class PanelDock(QDockWidget):
    """A dock holding one report panel."""

    def __init__(self, title: str, name: str, panel: ReportPanel, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.panel = panel
        self.setWidget(panel)

    def set_dataset(self, dataset: Dataset) -> None:
        self.panel.set_dataset(dataset)


def create_panel_docks(
    dataset: Dataset, selection: Selection, parent: QWidget | None = None
) -> list[QDockWidget]:
    """The casualties dock, then the clearance dock; the caller adds them to its window."""
    return [
        PanelDock("Casualties", CASUALTY_DOCK, CasualtyPanel(selection, dataset), parent),
        PanelDock("Clearance", CLEARANCE_DOCK, ClearancePanel(selection, dataset), parent),
    ]


def set_dataset(docks: Iterable[QDockWidget], dataset: Dataset) -> None:
    """Show ``dataset`` in every panel dock among ``docks`` (other docks are left alone)."""
    for dock in docks:
        if isinstance(dock, PanelDock):
            dock.set_dataset(dataset)
