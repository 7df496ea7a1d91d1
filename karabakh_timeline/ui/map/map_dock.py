"""The Map dock: the map, a legend of what size and colour mean, and the base map's credit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from karabakh_timeline.export.image.map_style import CLEARANCE, HOLDER_COLOURS, UNKNOWN_HOLDER
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.map.map_view import MapView
from karabakh_timeline.ui.selection import Selection

MAP_DOCK = "mapDock"


def _swatch(colour: str, shape: str = "●") -> str:
    return f"<span style='color:{colour}; font-size:13px'>{shape}</span>"


class MapPanel(QWidget):
    def __init__(self, selection: Selection, dataset: Dataset, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = MapView(selection, dataset, parent=self)
        self.legend = QLabel(self)
        self.legend.setObjectName("mapLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.credit = QLabel(self)
        self.credit.setObjectName("mapCredit")
        self.credit.setWordWrap(True)
        small = self.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        self.legend.setFont(small)  # the map keeps the height: two short lines under it
        self.credit.setFont(small)
        self.credit.setText(
            f"<span style='color:#555'>{escape(self.view.basemap.credit)} · "
            "borders approximate, not authoritative</span>"
        )
        self.credit.setToolTip(self.view.basemap.notice)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.credit)
        self._show_legend()

    def set_dataset(self, dataset: Dataset) -> None:
        self.view.set_dataset(dataset)
        self._show_legend()

    def height_for_width(self, width: int) -> int:
        """The height that shows the whole region, the legend and the credit at ``width``."""
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        below = sum(label.heightForWidth(inner) for label in (self.legend, self.credit))
        spacing = 2 * self._layout.spacing() + margins.top() + margins.bottom()
        return self.view.fitting_height(inner) + below + spacing

    def _show_legend(self) -> None:
        """One short line of keys; what size and colour mean is its tooltip (and the docs)."""
        holders = self.view.control_holders
        keys = [
            f"{_swatch(HOLDER_COLOURS[n % len(HOLDER_COLOURS)].name())} {escape(h)}"
            for n, h in enumerate(holders)
        ]
        if holders:
            keys.append(f"{_swatch(UNKNOWN_HOLDER.name())} not recorded")
        keys.append(f"{_swatch(CLEARANCE.name(), '◇')} clearance")
        keys.append(f"{_swatch('#777777', '○')} nothing in the period")
        # A key never parts from its swatch at the end of a line.
        self.legend.setText(
            " &nbsp;".join(f"<span style='white-space:nowrap'>{key}</span>" for key in keys)
        )
        held = f" (held by: {', '.join(holders)})" if holders else ""
        self.legend.setToolTip(
            "The area of a circle shows the killed and injured of the incidents at the place in "
            f"the selected period; its colour, who held the place at the end of the period{held}."
        )


class MapDock(QDockWidget):
    def __init__(self, selection: Selection, dataset: Dataset, parent: QWidget | None = None):
        super().__init__("Map", parent)
        self.setObjectName(MAP_DOCK)
        self.panel = MapPanel(selection, dataset, self)
        self.setWidget(self.panel)
        self.toggleViewAction().setText("&Map")
        self.toggleViewAction().setToolTip("Show or hide the map of the places")

    @property
    def view(self) -> MapView:
        return self.panel.view

    def set_dataset(self, dataset: Dataset) -> None:
        self.panel.set_dataset(dataset)

    def height_for_width(self, width: int) -> int:
        """The dock's height that shows the whole region at ``width`` (title bar included)."""
        title = self.fontMetrics().height() + 10
        return self.panel.height_for_width(width) + title
