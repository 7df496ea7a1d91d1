"""Every number the panels show equals ``karabakh-timeline summary --json`` for the same period.

The command runs for real, in a subprocess, and its JSON is compared with what the panels'
tables and totals display, cell by cell.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from panels_support import grouped_ids, make_panels, table_rows, totals_by_series
from PySide6.QtCore import Qt

from karabakh_timeline.model.dates import Period
from karabakh_timeline.model.figure_names import area_method_label, figure_label, labelled
from karabakh_timeline.model.figures import format_m2
from karabakh_timeline.model.query import CASUALTY_FIGURES
from karabakh_timeline.ui.panels.report_table_model import EXPORT_ROLE

PERIODS = [("2004", "2004"), ("2000", "2003"), ("2020-11", "2021-12"), ("1991", "2023")]
SYMBOLS = {"exact": "", "at least": "≥ ", "more than": "> ", "about": "~", "at most": "≤ "}
UNKNOWN = "—"


def summary_command(sample_path, start: str, end: str) -> dict:  # type: ignore[type-arg]
    command = [sys.executable, "-m", "karabakh_timeline", "summary", "--data", str(sample_path)]
    command += ["--from", start, "--to", end, "--json"]
    result = subprocess.run(command, capture_output=True, check=True, timeout=60)
    return json.loads(result.stdout.decode("utf-8"))


def shown(figure: dict | None) -> str:  # type: ignore[type-arg]
    return figure["display"] if figure is not None else UNKNOWN


def export_texts(model, report_id: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    for row in range(model.rowCount()):
        entry = model.table_row(row)
        if entry.report is not None and entry.report.report.id == report_id:
            return {
                column.key: model.data(model.index(row, c), EXPORT_ROLE)
                for c, column in enumerate(model.columns)
            }
    raise AssertionError(report_id)


def expected_total(figure: dict, reports: int) -> str:  # type: ignore[type-arg]
    value = figure["value"]
    number = format_m2(value) if figure["unit"] == "m2" else f"{value:,.0f}"
    text = SYMBOLS[figure["qualifier"]] + number
    if figure["unknown_in"]:
        text += f" (unknown in {len(figure['unknown_in'])} of {reports})"
    return text


def check_rows_and_totals(panel, summary: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    model = panel.table_model
    within, partial = grouped_ids(model)
    assert within == [report["id"] for report in summary["within"]]
    assert partial == [report["id"] for report in summary["partial"]]
    rows = table_rows(model)
    for report in summary["within"] + summary["partial"]:
        row = rows[report["id"]]
        # The table's narrow column abbreviates the months of the period summary writes out.
        date = Period.parse(report["date"]["start"], report["date"]["end"])
        assert date.display() == report["date"]["display"]
        assert row["period"] == date.compact()
        assert row["overlap"] == {"within": "wholly", "partial": "partly"}[report["overlap"]]
        assert row["organisation"] == report["organisation"]
        titles = [f"{s['title']} ({s['publisher']})" for s in report["sources"]]
        assert row["source"] == "; ".join(titles)
        if "figures" in report:  # a casualty report
            for name in CASUALTY_FIGURES:
                assert row[name] == shown(report["figures"][name]), (report["id"], name)
        else:
            assert row["activity"] == report["activity"]
            for kind in ("anti_personnel", "anti_vehicle", "uxo"):
                assert row[f"items:{kind}"] == shown(report["items"].get(kind))
            published = "; ".join(
                labelled(area_method_label(name), area["display"])
                for name, area in report["area"].items()
            )
            assert export_texts(model, report["id"])["area"] == (published or UNKNOWN)
    totals = totals_by_series(panel.totals.model)
    by_series = summary["totals"]["by_series"]
    assert list(totals) == [series["label"] for series in by_series]
    for series in by_series:
        shown_row = totals[series["label"]]
        assert shown_row["Reports added"] == str(len(series["reports"]))
        expected = {
            figure_label(name): expected_total(figure, len(series["reports"]))
            for name, figure in series["figures"].items()
        }
        figures_shown = {k: v for k, v in shown_row.items() if v != UNKNOWN}
        assert figures_shown == {**expected, "Reports added": str(len(series["reports"]))}
        on_screen = panel.totals.figures.text()
        assert f"<b>{series['label']}</b>" in on_screen
        for label, text in expected.items():
            value = text.partition(" (")[0]
            assert f"{label} <b>{value}</b>" in on_screen
    assert summary["totals"]["explanation"] in panel.totals.explanation.text()
    listed = panel.totals.left_out.text()
    for left_out in summary["totals"]["not_added"]:
        assert left_out["reason"] in listed
    assert [r for r, _ in panel.summary.totals.left_out] == [
        left_out["id"] for left_out in summary["totals"]["not_added"]
    ]


@pytest.mark.parametrize(("start", "end"), PERIODS)
def test_panels_show_what_summary_json_says(qtbot, sample_dataset, sample_path, start, end):
    summary = summary_command(sample_path, start, end)
    selection, casualties, clearance = make_panels(qtbot, sample_dataset, start, end)
    assert summary["range"] == selection.period.to_json()
    check_rows_and_totals(casualties, summary["casualties"])
    check_rows_and_totals(clearance, summary["clearance"])
    conflicts = {c.id for c in casualties.conflicts.conflicts}
    conflicts |= {c.id for c in clearance.conflicts.conflicts}
    assert conflicts == {c["id"] for c in summary["conflicts"]}


def test_the_tables_never_show_a_zero_the_summary_does_not(qtbot, sample_dataset, sample_path):
    summary = summary_command(sample_path, "1991", "2023")
    _, casualties, _ = make_panels(qtbot, sample_dataset, "1991", "2023")
    nulls = [
        (report["id"], name)
        for report in summary["casualties"]["within"] + summary["casualties"]["partial"]
        for name, figure in report["figures"].items()
        if figure is None
    ]
    assert nulls  # the sample has unknown figures to check
    rows = table_rows(casualties.table_model)
    for report_id, name in nulls:
        assert rows[report_id][name] == UNKNOWN
    tooltip = Qt.ItemDataRole.ToolTipRole
    model = casualties.table_model
    row = next(r for r in range(model.rowCount()) if not model.is_header(r))
    column = model.column_index("civilian")
    assert model.data(model.index(row, column), tooltip) == (
        "not given by the source (unknown, not zero)"
    )
