"""`karabakh-timeline summary`: reports within and partly in a period, and totals that say how."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cli_runner import RunCli


def summary_json(run_cli: RunCli, sample: str, *args: str) -> dict[str, Any]:
    result = run_cli("summary", "--data", sample, "--json", *args)
    assert result.returncode == 0
    document: dict[str, Any] = json.loads(result.stdout_bytes)
    return document


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["id"] for row in rows]


class TestJson:
    def test_top_level_shape(self, run_cli: RunCli, sample: str) -> None:
        document = summary_json(run_cli, sample, "--from", "2004", "--to", "2004")
        assert list(document) == [
            "format",
            "dataset",
            "range",
            "casualties",
            "clearance",
            "conflicts",
            "incident_log",
        ]
        assert document["format"] == 2
        assert document["dataset"] == {"name": "Test sample", "version": "t1"}
        assert document["range"] == {"from": "2004-01-01", "to": "2004-12-31"}
        for panel in ("casualties", "clearance"):
            assert list(document[panel]) == ["within", "partial", "totals", "estimates"]
            assert list(document[panel]["totals"]) == ["by_series", "not_added", "explanation"]

    def test_within_and_partial(self, run_cli: RunCli, sample: str) -> None:
        document = summary_json(run_cli, sample, "--from", "2004", "--to", "2004")
        casualties = document["casualties"]
        assert ids(casualties["within"]) == ["cas-2004-h1", "cas-2004-h1-press", "cas-2004"]
        assert ids(casualties["partial"]) == ["cas-asof-2019"]
        assert {row["overlap"] for row in casualties["within"]} == {"within"}
        assert {row["overlap"] for row in casualties["partial"]} == {"partial"}
        assert ids(document["clearance"]["within"]) == ["clr-2004", "clr-2004-army"]

    def test_a_casualty_report_with_unknown_figures_as_null(
        self, run_cli: RunCli, sample: str
    ) -> None:
        document = summary_json(run_cli, sample, "--from", "2004", "--to", "2004")
        press = document["casualties"]["within"][1]
        assert press == {
            "id": "cas-2004-h1-press",
            "date": {"start": "2004-01", "end": "2004-06", "display": "January 2004 – June 2004"},
            "overlap": "within",
            "span": "part-year",
            "scope": "area-a",
            "series": None,
            "counts": "mine-erw",
            "organisation": "Paper B",
            "figures": {
                "killed": {"value": 8, "qualifier": "exact", "display": "8"},
                "injured": None,
                "total": {"value": 24, "qualifier": "exact", "display": "24"},
                "civilian": None,
                "military": None,
                "children": None,
                "deminers": None,
            },
            "victims": [],
            "device": None,
            "activity": None,
            "other": {},
            "places": [],
            "sources": [
                {
                    "id": "src-b",
                    "title": "Newspaper item B",
                    "publisher": "Paper B",
                    "url": "https://example.org/b",
                    "date": "2004-07",
                    "confidence": "medium",
                }
            ],
            "confidence": None,
            "description": "",
            "note": "",
            "conflicts": ["conflict-2004-h1"],
        }

    def test_a_clearance_report_gives_areas_in_m2_and_as_published(
        self, run_cli: RunCli, sample: str
    ) -> None:
        document = summary_json(run_cli, sample, "--from", "2015", "--to", "2015")
        (remaining,) = document["clearance"]["within"]
        assert remaining["id"] == "rem-2015"
        assert remaining["activity"] == "contamination"
        assert remaining["area"] == {
            "mined": {
                "m2": 5_140_000.0,
                "published": 5.14,
                "unit": "km2",
                "qualifier": "exact",
                "display": "5.14 km²",
            }
        }
        assert remaining["items"] == {}
        assert remaining["land_use"] == {}

    def test_totals_per_series_with_reasons_for_what_is_not_added(
        self, run_cli: RunCli, sample: str
    ) -> None:
        totals = summary_json(run_cli, sample, "--from", "2003", "--to", "2005")["casualties"][
            "totals"
        ]
        (series,) = totals["by_series"]
        assert series["series"] == "monitor-annual"
        assert series["label"] == "Monitor A yearly count"
        assert series["reports"] == ["cas-2003", "cas-2004", "cas-2005"]
        assert series["figures"]["total"] == {
            "value": 62,
            "unit": "count",
            "qualifier": "exact",
            "reports": ["cas-2003", "cas-2004", "cas-2005"],
            "unknown_in": [],
        }
        assert series["figures"]["killed"]["value"] == 19
        assert series["figures"]["killed"]["unknown_in"] == ["cas-2005"]
        assert series["figures"]["killed"]["qualifier"] == "at least"  # 2005 gives no killed
        assert series["figures"]["children"]["qualifier"] == "at least"
        assert "civilian" not in series["figures"]  # no report gives it: no total, not 0
        assert totals["not_added"] == [
            {"id": "cas-2004-h1", "reason": "a part-year report outside any series"},
            {"id": "cas-2004-h1-press", "reason": "a part-year report outside any series"},
            {"id": "cas-asof-2019", "reason": "only partly inside the period"},
        ]
        assert totals["explanation"].startswith(
            "Totals add up only reports of one series lying wholly inside the period"
        )

    def test_clearance_totals_are_in_square_metres(self, run_cli: RunCli, sample: str) -> None:
        totals = summary_json(run_cli, sample, "--from", "2003", "--to", "2004")["clearance"][
            "totals"
        ]
        (series,) = totals["by_series"]
        assert series["figures"]["area:manual"] == {
            "value": 2_302_761.0,
            "unit": "m2",
            "qualifier": "at least",  # 2004 gives no manual area of its own
            "reports": ["clr-2003"],
            "unknown_in": ["clr-2004"],
        }
        assert series["figures"]["items:anti_personnel"]["value"] == 675

    def test_conflicts(self, run_cli: RunCli, sample: str) -> None:
        document = summary_json(run_cli, sample, "--from", "2004", "--to", "2004")
        assert document["conflicts"] == [
            {
                "id": "conflict-2004-h1",
                "quantity": "casualties in the first half of 2004",
                "records": ["cas-2004-h1", "cas-2004-h1-press"],
                "note": "The newspaper counts six fewer.",
            }
        ]
        assert summary_json(run_cli, sample, "--from", "2003", "--to", "2003")["conflicts"] == []

    def test_json_is_utf8(self, run_cli: RunCli, sample: str) -> None:
        result = run_cli("summary", "--data", sample, "--json", "--from", "2004", "--to", "2004")
        assert "January 2004 – June 2004".encode() in result.stdout_bytes
        assert b"\\u2013" not in result.stdout_bytes


class TestText:
    def test_text_lists_reports_and_says_how_totals_were_made(
        self, run_cli: RunCli, sample: str
    ) -> None:
        result = run_cli("summary", "--data", sample, "--from", "2004", "--to", "2004")
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert lines[0] == "Test sample — 2004"
        assert "Casualty reports: 3 within the period, 1 partial" in lines
        assert (
            "    [cas-2004-h1-press] January 2004 – June 2004 (part-year, Area A), Killed: 8, "
            "Injured: —, Total: 24 — Paper B; source: Newspaper item B "
            "(conflicts: conflict-2004-h1)"
        ) in lines
        assert (
            "    Monitor A yearly count: Killed: 10, Injured: 24, Total: 34, "
            "Children: ≥ 3, Deminers: 1"
        ) in lines
        assert "    [cas-asof-2019] only partly inside the period" in lines
        assert "    [clr-2004-army] an annual report outside any series" in lines
        how = [line for line in lines if line.startswith("  How: ")]
        assert len(how) == 2
        assert all("only reports of one series lying wholly inside the period" in h for h in how)
        assert lines[-1] == "(— = not given by the source: unknown, not zero)"

    def test_text_marks_totals_with_unknown_parts(self, run_cli: RunCli, sample: str) -> None:
        result = run_cli("summary", "--data", sample, "--from", "2003", "--to", "2005")
        assert (
            "    Monitor A yearly count: Killed: ≥ 19 (unknown in 1 of 3 reports), "
            "Injured: ≥ 36 (unknown in 1 of 3 reports), Total: 62, "
            "Children: ≥ 3 (unknown in 2 of 3 reports), Deminers: ≥ 1 (unknown in 2 of 3 reports)"
        ) in result.stdout.splitlines()

    def test_a_period_without_totals_says_so(self, run_cli: RunCli, sample: str) -> None:
        result = run_cli("summary", "--data", sample, "--from", "1995", "--to", "1995")
        assert "No series has a report wholly inside this period, so there is no total." in (
            result.stdout
        )
        assert "    [cas-1993-1999] only partly inside the period" in result.stdout.splitlines()


class TestBadDates:
    @pytest.mark.parametrize(
        ("option", "value", "reason"),
        [
            ("--from", "2023-02-30", "'2023-02-30' is not a real day: February 2023 has 28 days"),
            ("--to", "2023-13", "'2023-13' has no month 13"),
            ("--from", "May 2004", "'May 2004' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ],
    )
    def test_an_impossible_date_is_a_usage_error(
        self, run_cli: RunCli, sample: str, option: str, value: str, reason: str
    ) -> None:
        for command in ("summary", "events"):
            result = run_cli(command, "--data", sample, option, value)
            assert result.returncode == 2
            assert result.stdout == ""
            assert result.stderr.splitlines() == [
                f"karabakh-timeline {command}: error: argument {option}: {reason} "
                f"(see 'karabakh-timeline {command} --help')"
            ]

    def test_a_range_ending_before_it_starts(self, run_cli: RunCli, sample: str) -> None:
        result = run_cli("summary", "--data", sample, "--from", "2005", "--to", "2003")
        assert result.returncode == 2
        assert result.stderr == (
            "karabakh-timeline: the range ends (2003-12-31) before it starts (2005-01-01)\n"
        )
