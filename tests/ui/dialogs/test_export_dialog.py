"""The window's Export image… and Export data… dialogs: the choices, the files, the failures.

The dialogs are modal, so each test answers them from a timer the way a person would: fill in
the fields, press Export (or Cancel), and read any message box that follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from export_support import SAMPLE, run_headless
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMessageBox, QWidget

from karabakh_timeline.export.image.image_export import ImageExportSettings
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.ui.dialogs.export_dialog import (
    ExportDataDialog,
    ExportImageDialog,
    export_data_from_window,
    export_image_from_window,
)
from karabakh_timeline.ui.selection import Selection

VIEW = DateRange(dt.date(2003, 1, 1), dt.date(2012, 12, 31))
PERIOD = DateRange(dt.date(2004, 1, 1), dt.date(2005, 12, 31))


def answer_modal(kind: type[QWidget], answer: Callable[[QWidget], None]) -> list[QWidget]:
    """Once a modal ``kind`` is up, let ``answer`` fill it in; returns the widgets seen."""
    seen: list[QWidget] = []

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget not in seen:
            seen.append(widget)
            answer(widget)
            return
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def press_export(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def selection_with_filters() -> Selection:
    selection = Selection()
    selection.set_period(PERIOD)
    selection.set_category_visible("politics", False)
    return selection


def test_image_dialog_turns_choices_into_settings(qtbot, sample_dataset, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    selection = selection_with_filters()
    selection.set_search("mine")
    dialog = ExportImageDialog(sample_dataset, selection, VIEW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.size_box.isVisible() and not dialog.page_box.isVisible()
    dialog.set_format(".pdf")
    assert dialog.page_box.isVisible() and not dialog.size_box.isVisible()
    assert dialog.file_choice.edit.text().endswith(".pdf")
    dialog.range_choice.buttons["period"].setChecked(True)
    dialog.page_combo.setCurrentText("A3")
    dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("portrait"))
    dialog.panels_check.setChecked(True)
    dialog.file_choice.edit.setText(str(isolated_settings / "my picture"))
    chosen = dialog.settings()
    assert chosen.path == isolated_settings / "my picture.pdf"
    assert (chosen.shown, chosen.what) == (PERIOD, "period")
    assert (chosen.page, chosen.orientation, chosen.include_panels) == ("A3", "portrait", True)
    assert (chosen.hidden_categories, chosen.search) == (frozenset({"politics"}), "mine")
    assert "The current view (2003 – 2012)" in dialog.range_choice.buttons["view"].text()
    assert "hidden categories: Politics; search “mine”" in dialog.filters_label.text()
    dialog.range_choice.buttons["all"].setChecked(True)
    assert dialog.settings().shown == FULL_RANGE


def test_window_and_command_line_make_the_same_picture(  # type: ignore[no-untyped-def]
    qapp, sample_dataset, isolated_settings, tmp_path
) -> None:
    for _attempt in range(2):  # the footer carries today's date: redo if midnight passed
        day = dt.date.today()
        command_line = run_headless(
            "export", "cli.png", "--data", str(SAMPLE), "--from", "2004", "--to", "2005",
            "--category", "incident", "--category", "clearance",
            "--width", "1200", "--height", "800", "--dpi", "120", "--panels",
            cwd=tmp_path,
        )  # fmt: skip
        assert command_line.returncode == 0, command_line.stderr

        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, ExportImageDialog)
            dialog.set_format(".png")
            dialog.range_choice.buttons["period"].setChecked(True)
            dialog.width_spin.setValue(1200)
            dialog.height_spin.setValue(800)
            dialog.dpi_spin.setValue(120)
            dialog.panels_check.setChecked(True)
            dialog.file_choice.edit.setText(str(tmp_path / "window.png"))
            press_export(dialog)

        seen = answer_modal(ExportImageDialog, fill)
        assert export_image_from_window(
            None, sample_dataset, selection_with_filters(), VIEW, dataset_path=SAMPLE
        )
        assert seen
        if dt.date.today() == day:
            break
    from_window = QImage(str(tmp_path / "window.png"))
    from_cli = QImage(str(tmp_path / "cli.png"))
    assert (from_window.width(), from_window.height()) == (1200, 800)
    assert from_window.dotsPerMeterX() == from_cli.dotsPerMeterX()
    assert from_window == from_cli  # pixel for pixel


def test_a_failed_image_export_says_why_and_leaves_nothing(  # type: ignore[no-untyped-def]
    qapp, sample_dataset, isolated_settings, tmp_path
) -> None:
    folder = tmp_path / "exports"  # tmp_path also holds the isolated settings
    folder.mkdir()
    blocker = folder / "notes.txt"
    blocker.write_text("a file")
    messages: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportImageDialog)
        dialog.set_format(".svg")
        dialog.file_choice.edit.setText(str(blocker / "timeline.svg"))
        answer_modal(QMessageBox, read_and_close)
        press_export(dialog)

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(f"{box.text()} {box.informativeText()}")
        box.accept()

    answer_modal(ExportImageDialog, fill)
    assert not export_image_from_window(None, sample_dataset, Selection(), VIEW)
    assert messages == [
        f"The export failed. Cannot write timeline.svg: {blocker} is a file, not a folder."
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_cancel_writes_nothing(qapp, sample_dataset, isolated_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "exports"
    folder.mkdir()

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportImageDialog)
        dialog.file_choice.edit.setText(str(folder / "never.png"))
        dialog.reject()

    answer_modal(ExportImageDialog, cancel)
    assert not export_image_from_window(None, sample_dataset, Selection(), VIEW)
    assert list(folder.iterdir()) == []


def test_choices_are_remembered(qtbot, sample_dataset, isolated_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = ExportImageDialog(sample_dataset, Selection(), VIEW)
    qtbot.addWidget(first)
    first.set_format(".svg")
    first.width_spin.setValue(1000)
    first.file_choice.edit.setText(str(tmp_path / "a.svg"))
    press_export(first)
    second = ExportImageDialog(sample_dataset, Selection(), VIEW)
    qtbot.addWidget(second)
    assert second.suffix() == ".svg"
    assert second.width_spin.value() == 1000
    assert Path(second.file_choice.edit.text()).parent == tmp_path


def test_data_dialog_writes_the_filtered_period(
    qtbot, sample_dataset, isolated_settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDataDialog)
        dialog.set_format("table")
        dialog.table_combo.setCurrentIndex(dialog.table_combo.findData("events"))
        assert dialog.filters_check.isChecked()  # filters in force are offered, and on
        dialog.file_choice.edit.setText(str(tmp_path / "events"))
        press_export(dialog)

    answer_modal(ExportDataDialog, fill)
    selection = Selection()
    selection.set_period(DateRange(dt.date(2011, 1, 1), dt.date(2021, 12, 31)))
    selection.set_category_visible("incident", False)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert export_data_from_window(window, sample_dataset, selection, VIEW)
    assert window.statusBar().currentMessage() == f"Exported {tmp_path / 'events.csv'}"
    written = (tmp_path / "events.csv").read_text(encoding="utf-8-sig")
    ids = [row["id"] for row in csv.DictReader(io.StringIO(written))]
    assert ids == ["ev-2011-ban", "ev-2021-maps", "ev-2021-accuracy"]


def test_data_dialog_without_filters_exports_a_zip(
    qtbot, sample_dataset, isolated_settings
) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDataDialog(sample_dataset, Selection(), VIEW)
    qtbot.addWidget(dialog)
    assert not dialog.filters_check.isEnabled()
    assert dialog.shape() == "zip"
    dialog.set_format("timelinejs-json")
    assert dialog.file_choice.edit.text().endswith(".json")
    assert not dialog.table_combo.isEnabled()
    path, data_filter, shape = dialog.choices()
    assert (path.suffix, shape, data_filter.selected) == (".json", "timelinejs-json", FULL_RANGE)


def test_settings_from_the_dialog_equal_the_command_lines(
    qtbot, sample_dataset, isolated_settings
) -> None:  # type: ignore[no-untyped-def]
    # The same dataclass is what both build; equal settings mean an equal file.
    dialog = ExportImageDialog(sample_dataset, Selection(), VIEW)
    qtbot.addWidget(dialog)
    dialog.file_choice.edit.setText("/tmp/x.png")
    chosen = dialog.settings()
    assert isinstance(chosen, ImageExportSettings)
    assert (chosen.width, chosen.height, chosen.dpi) == (1920, 1080, 96)


def test_the_current_view_leaves_out_the_margins_around_1991_2023(  # type: ignore[no-untyped-def]
    qtbot, sample_dataset, isolated_settings
) -> None:
    padded = DateRange(dt.date(1990, 9, 2), dt.date(2024, 4, 30))  # "Fit all" pads the view
    dialog = ExportImageDialog(sample_dataset, Selection(), padded)
    qtbot.addWidget(dialog)
    assert dialog.range_choice.buttons["view"].text() == "The current view (1991 – 2023)"
    dialog.file_choice.edit.setText("/tmp/x.png")
    assert dialog.settings().shown == FULL_RANGE
