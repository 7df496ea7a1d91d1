"""The window, the command line and the exports leave the same events for the same filters.

Each case sets the filters in a real window (the timeline, the events list) and asks the command
line's ``events --json`` and the data export's events table for the same: the ids must match,
in time order. The expected ids are worked out by hand from tests/fixtures/sample/sample.yaml,
so a rule that changed in every caller at once would still be caught.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from cli_runner import SAMPLE, cli_runner
from window_support import open_window

from karabakh_timeline.export.data.data_export import DataFilter, table
from karabakh_timeline.export.image.footer import ShownFilters, filters_text
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.records import Dataset

ALL_TIME = DateRange(dt.date(1991, 1, 1), dt.date(2023, 12, 31))  # the sample's whole span
YEAR_2021 = DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))

CASES = [  # hidden categories, search, places, period, the events left
    ((), "agdam", (), ALL_TIME, ["ev-2004-aghdam"]),  # Ağdam, without its accent
    (("politics",), "", (), YEAR_2021, ["ev-2021-kalbajar"]),
    ((), "KARVACHAR", (), ALL_TIME, ["ev-2021-kalbajar"]),  # the Armenian name, any case
    ((), "maps", (), YEAR_2021, ["ev-2021-maps", "ev-2021-accuracy"]),
    (("incident",), "", ("zangilan", "kalbajar"), YEAR_2021, ["ev-2021-maps"]),
]


def in_window(qtbot, dataset: Dataset, folder: Path, case: tuple) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def, type-arg]
    """(what the events list shows, what the timeline draws) with the case's filters set."""
    hidden, search, places, period, _ = case
    window, selection = open_window(qtbot, dataset, folder, show=False)
    for category in hidden:
        selection.set_category_visible(category, False)
    selection.set_search(search)
    selection.set_places(frozenset(places))
    selection.set_period(period)
    return window.events_panel.shown_event_ids(), window.timeline.visible_event_ids()


def exported(dataset: Dataset, case: tuple) -> list[str]:  # type: ignore[type-arg]
    hidden, search, places, period, _ = case
    shown = frozenset(dataset.categories) - set(hidden)
    data_filter = DataFilter(period, shown, search, frozenset(places))
    rows = csv.DictReader(io.StringIO(table(dataset, data_filter, "events").csv_text()))
    return [row["id"] for row in rows]


@pytest.mark.parametrize(
    "case", CASES, ids=[case[1] or ",".join(case[2]) or case[0][0] for case in CASES]
)
def test_the_window_and_the_data_export_leave_the_same_events(
    qtbot,
    sample_dataset: Dataset,
    tmp_path: Path,
    case: tuple,  # type: ignore[type-arg]
) -> None:
    expected = case[-1]
    listed, drawn = in_window(qtbot, sample_dataset, tmp_path, case)
    assert listed == expected
    assert exported(sample_dataset, case) == expected
    # The timeline draws the filtered events of all time; within the period they are the list's.
    in_period = [
        e.id
        for e in sample_dataset.events
        if e.id in drawn and case[3].classify(e.date).value != "outside"
    ]
    assert in_period == expected


def test_the_command_line_leaves_the_same_events_as_the_window(
    qtbot, sample_dataset: Dataset, tmp_path: Path
) -> None:
    run = cli_runner(tmp_path)
    for case in CASES:
        hidden, search, places, period, expected = case
        shown = [c for c in sample_dataset.categories if c not in hidden]
        arguments = ["events", "--data", str(SAMPLE), "--json", "--from", period.first.isoformat()]
        arguments += ["--to", period.last.isoformat(), "--search", search]
        for category in shown:
            arguments += ["--category", category]
        for place in places:
            arguments += ["--place", place]
        result = run(*arguments)
        assert result.returncode == 0, result.stderr
        ids = [event["id"] for event in json.loads(result.stdout)["events"]]
        assert ids == expected == in_window(qtbot, sample_dataset, tmp_path, case)[0], case


def test_the_image_footer_names_the_filters_the_picture_was_drawn_with(
    sample_dataset: Dataset,
) -> None:
    shown = ShownFilters(frozenset({"incident"}), "maps", frozenset({"zangilan", "kalbajar"}))
    assert filters_text(sample_dataset, shown) == (
        "event categories shown: Clearance, Politics; events matching “maps”; "
        "events at Zangilan, Kalbajar"  # in the dataset's order
    )
