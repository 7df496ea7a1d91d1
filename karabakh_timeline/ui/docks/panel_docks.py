"""The casualty and clearance panels as dock widgets the main window places and restores.

Each dock has a fixed object name, so ``QMainWindow.saveState``/``restoreState`` keep where the
user put it. ``set_dataset`` shows another dataset in the same docks, for the same selection.
The window makes each panel when its dock is first shown, so a panel in a tab behind another
does not slow the window's opening.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.panels.casualty_panel import CasualtyPanel
from karabakh_timeline.ui.panels.clearance_panel import ClearancePanel
from karabakh_timeline.ui.panels.report_panel import ReportPanel
from karabakh_timeline.ui.selection import Selection

CASUALTY_DOCK = "casualtiesDock"
CLEARANCE_DOCK = "clearanceDock"


class PanelDock(QDockWidget):
    """A dock holding one report panel.

    Made with ``build_when_shown=True`` the dock makes its panel only when it is first shown or
    its ``panel`` is asked for: a panel in a tab behind another then costs nothing while the
    window opens, and follows the selection only from when someone looks at it.
    """

    def __init__(
        self,
        title: str,
        name: str,
        make_panel: Callable[[Dataset], ReportPanel],
        dataset: Dataset,
        parent: QWidget | None,
        build_when_shown: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self._make_panel = make_panel
        self._dataset = dataset
        self._panel: ReportPanel | None = None
        if build_when_shown:
            self.visibilityChanged.connect(self._shown)
        else:
            self._build()

    @property
    def panel(self) -> ReportPanel:
        return self._build()

    def _shown(self, visible: bool) -> None:
        if visible:
            self._build()

    def _build(self) -> ReportPanel:
        if self._panel is None:
            self._panel = self._make_panel(self._dataset)
            self.setWidget(self._panel)
        return self._panel

    def set_dataset(self, dataset: Dataset) -> None:
        self._dataset = dataset
        if self._panel is not None:
            self._panel.set_dataset(dataset)


def create_panel_docks(
    dataset: Dataset,
    selection: Selection,
    parent: QWidget | None = None,
    build_when_shown: bool = False,
    settings: QSettings | None = None,
) -> list[QDockWidget]:
    """The casualties dock, then the clearance dock; the caller adds them to its window.

    ``build_when_shown``: each dock makes its panel when first shown (see ``PanelDock``).
    ``settings``: where the panels keep the columns their reader chose (the app's by default).
    """
    return [
        PanelDock(
            "Casualties",
            CASUALTY_DOCK,
            lambda data: CasualtyPanel(selection, data, settings=settings),
            dataset,
            parent,
            build_when_shown,
        ),
        PanelDock(
            "Clearance",
            CLEARANCE_DOCK,
            lambda data: ClearancePanel(selection, data, settings=settings),
            dataset,
            parent,
            build_when_shown,
        ),
    ]


def set_dataset(docks: Iterable[QDockWidget], dataset: Dataset) -> None:
    """Show ``dataset`` in every panel dock among ``docks`` (other docks are left alone)."""
    for dock in docks:
        if isinstance(dock, PanelDock):
            dock.set_dataset(dataset)
