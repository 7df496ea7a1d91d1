"""A first image export is the same picture whoever makes it: the dialog, the command line and
the export settings start from one set of defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cli_runner import cli_runner

from karabakh_timeline.export.image import defaults
from karabakh_timeline.export.image.image_export import ImageExportSettings
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.ui.dialogs.export_dialog import ExportImageDialog
from karabakh_timeline.ui.selection import Selection

VIEW = DateRange(dt.date(2000, 1, 1), dt.date(2010, 12, 31))


def test_a_fresh_dialog_offers_the_settings_defaults(
    qtbot, sample_dataset, isolated_settings
) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportImageDialog(sample_dataset, Selection(), VIEW)
    qtbot.addWidget(dialog)
    dialog.file_choice.edit.setText(str(isolated_settings / "picture.png"))
    chosen = dialog.settings()
    fresh = ImageExportSettings(Path("picture.png"))
    assert (chosen.width, chosen.height, chosen.dpi) == (fresh.width, fresh.height, fresh.dpi)
    assert (chosen.page, chosen.orientation) == (fresh.page, fresh.orientation)
    assert (fresh.width, fresh.height, fresh.dpi) == (1920, 1080, 96)


def test_the_command_line_names_the_same_defaults(tmp_path: Path) -> None:
    helped = cli_runner(tmp_path)("export", "--help").stdout
    words = " ".join(helped.split())  # argparse wraps the help to the terminal's width
    assert f"(default {defaults.WIDTH})" in words and f"(default {defaults.HEIGHT})" in words
    assert f"({defaults.DPI})" in words
    assert f"(default {defaults.PAGE})" in words and f"(default {defaults.ORIENTATION})" in words
