"""An unexpected error becomes a message in the window, not a traceback the user never sees.

Qt calls our slots from its event loop; an exception escaping one would otherwise only be printed
to a terminal the user may not have open, and the app would carry on as if nothing happened.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from karabakh_timeline import APP_NAME

_showing = False  # one box at a time: an error inside a repaint would otherwise repeat for ever


def describe(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    global _showing
    details = "".join(traceback.format_exception(kind, error, trace))
    print(details, file=sys.stderr, end="")
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        parent = QApplication.activeWindow()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(f"{APP_NAME} — unexpected error")
        box.setText(
            "Something went wrong, and the last action may not have finished. "
            "Your dataset files have not been changed."
        )
        box.setInformativeText(describe(error))
        box.setDetailedText(details)
        box.exec()
    finally:
        _showing = False


def install_error_dialog() -> None:
    """Route uncaught exceptions to a message box (and still to stderr)."""
    sys.excepthook = show_unexpected_error
