"""A small JSON file describing what the window shows, for tests that drive the real app.

Made only when the environment variable ``KARABAKH_TIMELINE_TEST_REPORT`` names a file
(``ui.testing.hooks_from_environment``). The window then (re)writes that file, atomically,
shortly after anything visible changes:

```json
{
  "window": {"x": 0, "y": 0, "width": 1280, "height": 800},
  "shown_event": "ev-2021-maps",          // the event in the details panel, or null
  "selected_event": "ev-2021-maps",       // the selection's event, or null
  "view": ["2020-01-01", "2021-12-31"],   // first and last day in view
  "period": ["1991-01-01", "2023-12-31"], // the selected period
  "markers": {"ev-2021-maps": [812, 431]}, // screen pixels of point events in view (≤ 200)
  "plots": {"lanes": [102, 60, 760, 240], ...}, // screen rectangles of the plots' data areas
  "view_x": [6.6e8, 1.7e9],               // the view's x range: seconds since 1970, UTC
  "details_text": "Mine maps of Zangilan…", // the text the details panel shows
  "axis_labels": {"2004": [640, 700, 28, 14]}, // screen rectangles of the date axis's labels
  "totals_reports": {"casualties": ["cas-2004"]}, // reports added into each panel's totals
  "timeline_height": 440,                 // px: the timeline's height in the window
  "table_rows": {"casualties": 6}         // whole rows each shown panel's table has room for
}
```

An end-to-end test moves the real pointer to a marker's screen position, clicks, and waits for
the file to say what the details panel shows. Nothing else reads or writes this file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from karabakh_timeline.ui.main_window import MainWindow

MAX_MARKERS = 200
DELAY_MS = 60


class AutomationReport(QObject):
    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.write)
        selection = window.selection
        for signal in (
            selection.event_changed,
            selection.period_changed,
            selection.filters_changed,
        ):
            signal.connect(self.schedule)
        window.dataset_changed.connect(self._watch_view)
        self._watch_view()
        self.schedule()

    def _watch_view(self, *_: object) -> None:
        self._window.timeline.lanes.vb.sigRangeChanged.connect(self.schedule)
        self._window.timeline.lanes.vb.sigResized.connect(self.schedule)

    def schedule(self, *_: object) -> None:
        self._timer.start()

    def contents(self) -> dict[str, Any]:
        window = self._window
        view = window.timeline
        frame = window.frameGeometry()
        first, last = view.x_range()
        period = window.selection.period
        return {
            "window": {
                "x": frame.x(),
                "y": frame.y(),
                "width": frame.width(),
                "height": frame.height(),
            },
            "shown_event": window.details_panel.shown_event_id,
            "selected_event": window.selection.event_id,
            "view": [first.isoformat(), last.isoformat()],
            "period": [period.first.isoformat(), period.last.isoformat()],
            "markers": self._markers(),
            "plots": self._plots(),
            "view_x": list(view.lanes.vb.viewRange()[0]),
            "details_text": window.details_panel.toPlainText(),
            "axis_labels": self._axis_labels(),
            "totals_reports": self._totals_reports(),
            "timeline_height": view.height(),
            "table_rows": self._table_rows(),
        }

    def _table_rows(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for dock in self._window.panel_docks:
            table = getattr(dock.widget(), "table", None)  # a panel not yet made: none
            if table is not None and table.isVisible():
                name = dock.objectName().removesuffix("Dock")
                found[name] = (
                    table.viewport().height() // table.verticalHeader().defaultSectionSize()
                )
        return found

    def _axis_labels(self) -> dict[str, list[int]]:
        view = self._window.timeline
        axis = view.time_axis
        found = {}
        for label in axis.labels():
            box = view.mapFromScene(axis.mapRectToScene(label.rect)).boundingRect()
            top_left = view.viewport().mapToGlobal(box.topLeft())
            found[label.text] = [top_left.x(), top_left.y(), box.width(), box.height()]
        return found

    def _totals_reports(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for dock in self._window.panel_docks:
            summary = getattr(dock.widget(), "summary", None)  # a panel not yet made: none
            if summary is not None:
                name = dock.objectName().removesuffix("Dock")
                found[name] = [r for total in summary.totals.by_series for r in total.reports]
        return found

    def _plots(self) -> dict[str, list[int]]:
        """Screen rectangles [x, y, width, height] of the plots' data areas."""
        view = self._window.timeline
        rects = {}
        for name, plot in (
            ("eras", view.strip),
            ("lanes", view.lanes),
            ("casualties", view.casualties_plot),
            ("clearance", view.clearance_plot),
        ):
            box = view.mapFromScene(plot.vb.sceneBoundingRect()).boundingRect()
            top_left = view.viewport().mapToGlobal(box.topLeft())
            rects[name] = [top_left.x(), top_left.y(), box.width(), box.height()]
        return rects

    def _markers(self) -> dict[str, list[int]]:
        view = self._window.timeline
        g = view.geometry_
        (x0, x1), _ = view.lanes.vb.viewRange()
        ids = view.visible_event_ids()
        shown = set(ids)
        in_view = np.flatnonzero(g.is_point & (g.xc > x0) & (g.xc < x1))
        markers: dict[str, list[int]] = {}
        for number in in_view[:MAX_MARKERS]:
            event_id = g.events[int(number)].id
            if event_id not in shown:
                continue
            scene = view.marker_scene_pos(event_id)
            if scene is None:
                continue
            screen = view.viewport().mapToGlobal(view.mapFromScene(scene))
            markers[event_id] = [screen.x(), screen.y()]
        return markers

    def write(self) -> None:
        temporary = self._path.with_name(self._path.name + ".tmp")
        temporary.write_text(json.dumps(self.contents(), indent=1), encoding="utf-8")
        os.replace(temporary, self._path)
