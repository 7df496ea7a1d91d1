"""`karabakh-timeline events`: time order, period, categories, accent-blind search, JSON."""

from __future__ import annotations

import json

import pytest
from cli_runner import RunCli

ALL_IDS = [
    "ev-1995-programme",
    "ev-2004-aghdam",
    "ev-2011-ban",
    "ev-2021-kalbajar",
    "ev-2021-maps",
    "ev-2021-accuracy",
]


def listed_ids(stdout: str) -> list[str]:
    """The [id] at the end of each text line."""
    return [line.rsplit("[", 1)[1].rstrip("]") for line in stdout.splitlines()]


def test_text_lists_every_event_in_time_order(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert listed_ids(result.stdout) == ALL_IDS
    assert lines[0].split() == [
        "1995",
        "–",
        "1996",
        "Clearance",
        "First",
        "training",
        "programme",
        "[ev-1995-programme]",
    ]
    assert lines[4].startswith("3 July 2021 ")
    assert "Politics" in lines[4]
    assert result.stderr == "6 event(s)\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--from", "2004", "--to", "2004"], ["ev-2004-aghdam"]),
        (["--from", "2021-07", "--to", "2021-07"], ["ev-2021-maps"]),
        (["--from", "2021-06-04", "--to", "2021-06-04"], ["ev-2021-kalbajar"]),
        (["--from", "2021"], ["ev-2021-kalbajar", "ev-2021-maps", "ev-2021-accuracy"]),
        (["--to", "1996"], ["ev-1995-programme"]),
        (["--from", "2012", "--to", "2020"], []),
    ],
)
def test_from_and_to(run_cli: RunCli, sample: str, args: list[str], expected: list[str]) -> None:
    result = run_cli("events", "--data", sample, *args)
    assert result.returncode == 0
    assert listed_ids(result.stdout) == expected


def test_options_may_come_before_the_command(run_cli: RunCli, sample: str) -> None:
    result = run_cli("--data", sample, "--from", "2004", "--to", "2004", "events")
    assert result.returncode == 0
    assert listed_ids(result.stdout) == ["ev-2004-aghdam"]


def test_category_may_be_repeated(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample, "--category", "politics")
    assert listed_ids(result.stdout) == ["ev-2011-ban", "ev-2021-maps", "ev-2021-accuracy"]
    result = run_cli(
        "events", "--data", sample, "--category", "clearance", "--category", "politics"
    )
    assert listed_ids(result.stdout) == [
        "ev-1995-programme",
        "ev-2011-ban",
        "ev-2021-maps",
        "ev-2021-accuracy",
    ]


def test_an_unknown_category_is_named_with_the_known_ones(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample, "--category", "landmines")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "karabakh-timeline: unknown category 'landmines'; "
        "known categories: incident, clearance, politics\n"
    )


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("agdam", ["ev-2004-aghdam"]),
        ("AĞDAM", ["ev-2004-aghdam"]),
        ("kelbecer", ["ev-2021-kalbajar"]),
        ("Karvachar", ["ev-2021-kalbajar"]),
        ("map", ["ev-2021-maps", "ev-2021-accuracy"]),
        ("nothing like this", []),
    ],
)
def test_search(run_cli: RunCli, sample: str, search: str, expected: list[str]) -> None:
    result = run_cli("events", "--data", sample, "--search", search)
    assert result.returncode == 0
    assert listed_ids(result.stdout) == expected
    assert result.stderr == f"{len(expected)} event(s)\n"


def test_json_shape(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample, "--json", "--search", "zangilan")
    assert result.returncode == 0
    document = json.loads(result.stdout_bytes)
    assert document == {
        "format": 2,
        "dataset": {"name": "Test sample", "version": "t1"},
        "range": {"from": "1991-01-01", "to": "2023-12-31"},
        "count": 1,
        "events": [
            {
                "id": "ev-2021-maps",
                "date": {"start": "2021-07-03", "end": "2021-07-03", "display": "3 July 2021"},
                "category": "politics",
                "title": "Mine maps of Zangilan handed over",
                "description": "Made-up maps exchanged for detainees.",
                "places": [
                    {
                        "id": "zangilan",
                        "name": "Zangilan",
                        "aliases": ["Zengilan", "Kovsakan"],
                        "name_az": "Zəngilan",
                        "name_hy": "Kovsakan",
                        "latitude": 39.08,
                        "longitude": 46.65,
                    }
                ],
                "figures": {
                    "mines_on_maps": {"value": 92000, "qualifier": "about", "display": "~92,000"}
                },
                "sources": [
                    {
                        "id": "src-c",
                        "title": "Ministry statement C",
                        "publisher": "Ministry C",
                        "url": None,
                        "date": "2021-08-01",
                        "confidence": "medium",
                    }
                ],
                "confidence": None,
                "note": "",
                "conflicts": [],
            }
        ],
    }


def test_json_range_and_count_follow_the_options(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample, "--json", "--from", "2021", "--to", "2021-07")
    document = json.loads(result.stdout_bytes)
    assert document["range"] == {"from": "2021-01-01", "to": "2021-07-31"}
    assert document["count"] == 2
    assert [e["id"] for e in document["events"]] == ["ev-2021-kalbajar", "ev-2021-maps"]
    assert document["events"][0]["date"]["display"] == "4 June 2021"


def test_json_is_utf8_without_escapes(run_cli: RunCli, sample: str) -> None:
    # Even when Python would pick ASCII for the terminal, JSON is written as UTF-8 bytes.
    result = run_cli(
        "events", "--data", sample, "--json", "--search", "agdam", env={"PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0
    assert "Ağdam".encode() in result.stdout_bytes
    assert b"\\u011f" not in result.stdout_bytes
    assert json.loads(result.stdout_bytes)["events"][0]["places"][0]["name_az"] == "Ağdam"


def test_text_output_survives_a_terminal_that_cannot_show_every_letter(
    run_cli: RunCli, sample: str
) -> None:
    result = run_cli("events", "--data", sample, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("1995 ? 1996 ")


def test_place_keeps_the_events_at_those_places(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample, "--place", "aghdam", "--place", "zangilan")
    assert result.returncode == 0
    assert listed_ids(result.stdout) == ["ev-2004-aghdam", "ev-2021-maps"]
    one = run_cli("events", "--data", sample, "--place", "kalbajar", "--from", "2021")
    assert listed_ids(one.stdout) == ["ev-2021-kalbajar"]


def test_an_unknown_place_is_one_line_naming_it(run_cli: RunCli, sample: str) -> None:
    result = run_cli("events", "--data", sample, "--place", "atlantis")
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "unknown place 'atlantis'" in lines[0]
