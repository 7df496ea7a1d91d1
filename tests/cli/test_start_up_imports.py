"""Starting the window imports only what its first paint needs: the exporters, the dialogs and
the TimelineJS reader wait until they are used (``python -m benchmarks`` times the start)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from karabakh_timeline.cli import export as export_command
from karabakh_timeline.export.data import data_export

# Runs in a fresh interpreter: this test process has imported everything already.
PROBE = textwrap.dedent(
    """
    import json, sys
    from karabakh_timeline import cli
    from karabakh_timeline.model.loader import load_dataset

    cli.build_parser().parse_args([])
    load_dataset()
    print(json.dumps(sorted(sys.modules)))
    """
)
NOT_AT_START = (
    "karabakh_timeline.export.data.data_export",
    "karabakh_timeline.export.data.data_files",
    "karabakh_timeline.export.data.timelinejs",
    "karabakh_timeline.export.image.image_export",
    "karabakh_timeline.model.timelinejs_import",
)


def test_reading_the_command_line_and_the_bundled_data_imports_no_exporter() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    imported = set(json.loads(done.stdout))
    assert "karabakh_timeline.cli.export" in imported  # `export` is still a command
    assert "karabakh_timeline.model.loader" in imported
    assert not imported & set(NOT_AT_START), sorted(imported & set(NOT_AT_START))


def test_the_command_line_offers_the_tables_the_data_exporter_writes() -> None:
    assert export_command.TABLE_KINDS == data_export.KINDS
