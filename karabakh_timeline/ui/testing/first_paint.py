"""Say when the window was first painted, and quit: for measuring how fast the app starts.

Made only when the environment variable ``KARABAKH_TIMELINE_QUIT_AFTER_FIRST_PAINT`` is ``1``
(``ui.testing.hooks_from_environment``).
Once the timeline has painted itself in the shown window (the docks, menus and panels are painted
in the same pass), the app prints one line to stderr and quits with status 0::

    karabakh-timeline: first paint at monotonic 12345.678901

The number is ``time.monotonic()``, a clock the whole machine shares, so the program that
started the app can subtract the moment it launched it (``benchmarks`` does).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PREFIX = "karabakh-timeline: first paint at monotonic "


class FirstPaintHook(QObject):
    """Watches one widget's paint events; after the first one is done, reports and quits."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            # The filter runs before the paint; the zero timer fires once it has been done.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"{PREFIX}{time.monotonic():.6f}", file=sys.stderr, flush=True)
        QApplication.quit()
