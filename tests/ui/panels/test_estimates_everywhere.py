"""The figures for a period read the same in the panel, in `summary --json` and in the footer."""

from __future__ import annotations

import html
import json
import subprocess
import sys

import pytest
from panels_support import make_panels

from karabakh_timeline.export.image.footer import totals_lines
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.loader import load_dataset

PERIODS = [("2022", "2022"), ("2011", "2013"), ("2009", "2010"), ("1995", "1995")]


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_dataset()


@pytest.mark.parametrize(("first", "last"), PERIODS)
def test_panel_summary_json_and_footer_agree(qtbot, bundled, first, last):  # type: ignore[no-untyped-def]
    _, casualties, _ = make_panels(qtbot, bundled, first, last)
    shown = casualties.totals.estimates.text()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "karabakh_timeline",
            "summary",
            "--json",
            "--from",
            first,
            "--to",
            last,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)["casualties"]["estimates"]
    assert entries
    footer = totals_lines(bundled, DateRange.from_texts(first, last, FULL_RANGE))
    for entry in entries:
        heading = entry["how"].partition(": ")[0]
        # The panel shows the same words, the attributions as links.
        assert html.escape(heading) in shown
        for report_id in entry["reports"]:
            assert f"report:{report_id}" in shown
        if entry["figure"] == "total":  # the footer has room for the headline figure only
            assert f"Casualties — figures for this period: {entry['how']}" in footer
        assert entry["lower"] is None or isinstance(entry["lower"], int)


def test_the_2022_panel_names_both_bounds_and_links_to_their_reports(qtbot, bundled):  # type: ignore[no-untyped-def]
    selection, casualties, _ = make_panels(qtbot, bundled, "2022", "2022")
    label = casualties.totals.estimates
    assert "Figures for this period" in label.text()
    assert "at least 41" in label.text() and "at most 93" in label.text()
    assert "report:cas-anama-2022-10" in label.text()
    with qtbot.waitSignal(casualties.totals.report_activated, timeout=2000) as opened:
        label.linkActivated.emit("report:cas-anama-2022-10")
    assert opened.args == ["cas-anama-2022-10"]
    assert selection.report_id == "cas-anama-2022-10"  # the report inspector shows it
