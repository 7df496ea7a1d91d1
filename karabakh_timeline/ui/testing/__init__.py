"""What tests and the benchmarks ask of the running app, by environment variable; nothing else.

The app a person starts never sets these, and then nothing here is imported beyond this file:

- ``KARABAKH_TIMELINE_TEST_REPORT=path``: the window keeps a small JSON file describing what it
  shows, for the end-to-end test that drives the real app with xdotool
  (``automation_report``).
- ``KARABAKH_TIMELINE_QUIT_AFTER_FIRST_PAINT=1``: the app says when the timeline was first
  painted and quits, for ``python -m benchmarks`` to time the start (``first_paint``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from karabakh_timeline.ui.main_window import MainWindow

REPORT_VARIABLE = "KARABAKH_TIMELINE_TEST_REPORT"
FIRST_PAINT_VARIABLE = "KARABAKH_TIMELINE_QUIT_AFTER_FIRST_PAINT"


def hooks_from_environment(window: MainWindow) -> list[QObject]:
    """The hooks the environment asks for, attached to ``window``; keep them while it runs."""
    hooks: list[QObject] = []
    report = os.environ.get(REPORT_VARIABLE)
    if report:
        from karabakh_timeline.ui.testing.automation_report import AutomationReport

        hooks.append(AutomationReport(window, Path(report)))
    if os.environ.get(FIRST_PAINT_VARIABLE) == "1":
        from karabakh_timeline.ui.testing.first_paint import FirstPaintHook

        hooks.append(FirstPaintHook(window.timeline.viewport()))
    return hooks
