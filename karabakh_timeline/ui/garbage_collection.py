"""Python's cycle collector, run from Qt's event loop and kept quick with a large dataset loaded.

WORKAROUND for PySide6 with pyqtgraph (see pyqtgraph.util.garbage_collector): a collection that
starts while Qt is painting or tearing down a scene can free the Python side of graphics items
Qt is still using, and the process aborts. So the automatic collector stays off and this object
collects from a timer, between events. What was loaded (records, the drawn arrays) is frozen
out of the collector's sight, so a full collection does not walk a million records each time;
after another dataset replaces it, the old one is let go and the new one frozen in turn.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class EventLoopCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        gc.freeze()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):  # the oldest generation due includes the younger ones
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def refreeze(self, *_: object) -> None:
        """After the dataset changed: free the old one, then freeze the new one."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.enable()
