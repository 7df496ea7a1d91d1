"""An exception escaping a slot is shown to the user in a message box, and printed."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from karabakh_timeline.ui.dialogs import error_dialog


def test_uncaught_error_is_shown_in_a_message_box(qtbot, capsys, monkeypatch) -> None:
    seen: list[tuple[str, str]] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.informativeText()))
        box.accept()

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_error_dialog()
    QTimer.singleShot(0, close_box)
    try:
        raise ValueError("the figure could not be drawn")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # what Python does for an error escaping a Qt slot

    assert seen == [
        (
            "Something went wrong, and the last action may not have finished. "
            "Your dataset files have not been changed.",
            "ValueError: the figure could not be drawn",
        )
    ]
    assert "the figure could not be drawn" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "text"),
    [(KeyError("x"), "KeyError: 'x'"), (RuntimeError(), "RuntimeError")],
)
def test_describe_names_the_kind_of_error(error: BaseException, text: str) -> None:
    assert error_dialog.describe(error) == text
