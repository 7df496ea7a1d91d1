"""Loading tells how far it has come and can be stopped; the quick JSON way reads what the careful
way reads."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest

from karabakh_timeline.model.load_progress import STEPS, LoadCancelled
from karabakh_timeline.model.loader import SLOW_BYTES, check_dataset, load_dataset, slow_to_load

CATEGORIES = ("incident", "clearance", "politics")


def document(events: int) -> dict[str, Any]:
    """A dataset with the variety the quick reader must pass on or leave to the careful one."""
    records: list[dict[str, Any]] = []
    for number in range(events):
        year = 1991 + number % 33
        event: dict[str, Any] = {
            "id": f"ev-{number}",
            "date": [
                f"{year}",
                f"{year}-{number % 12 + 1:02d}",
                f"{year}-03-{number % 28 + 1:02d}",
            ][number % 3],
            "category": CATEGORIES[number % 3],
            "title": f"  Event {number} ",
            "description": f"What happened, {number}.",
            "sources": [f"src-{number % 4}"],
        }
        if number % 5 == 0:
            event["date"] = {"start": f"{year}-01", "end": f"{min(year + 2, 2023)}-06"}
        if number % 4 == 1:
            event["places"] = [f"place-{number % 3}"]
        elif number % 4 == 2:
            event["places"] = []
        if number % 7 == 3:
            event["figures"] = {"killed": number % 5}  # only the careful reader reads figures
        if number % 11 == 4:
            event["sources"] = f"src-{number % 4}"  # one id as text, also careful
        records.append(event)
    return {
        "dataset": {"name": "Progress test", "version": "1"},
        "sources": [{"id": f"src-{n}", "title": f"Source {n}", "publisher": "P"} for n in range(4)],
        "places": [{"id": f"place-{n}", "name": f"Place {n}"} for n in range(3)],
        "scopes": [{"id": "whole", "name": "The whole area"}],
        "categories": [{"id": c, "label": c.title()} for c in CATEGORIES],
        "events": records,
        "casualties": [
            {
                "id": f"cas-{n}",
                "date": f"{2000 + n}",
                "span": "annual",
                "scope": "whole",
                "organisation": "O",
                "killed": n,
                "sources": ["src-1"],
            }
            for n in range(20)
        ],
    }


@pytest.fixture
def dataset_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document(9000)), "utf-8")
    return path


def test_progress_runs_from_nothing_to_everything_and_changes_nothing(dataset_file: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    with_progress = load_dataset(dataset_file, progress)

    assert with_progress.events == load_dataset(dataset_file).events
    assert calls[0] == (0, STEPS) and calls[-1] == (STEPS, STEPS)
    assert {total for _, total in calls} == {STEPS}
    done = [value for value, _ in calls]
    assert done == sorted(set(done))  # only ever forward, each step once
    assert len(calls) > 5  # the records are read in several steps, not all in one


def test_returning_false_stops_the_load_at_once(dataset_file: Path) -> None:
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < STEPS // 2

    gc.enable()  # as in the app (the test set-up keeps it off)
    try:
        with pytest.raises(LoadCancelled):
            check_dataset(dataset_file, progress)
        assert gc.isenabled()  # the collector paused during the load runs again
    finally:
        gc.disable()
    assert STEPS // 2 <= calls[-1] < STEPS  # stopped half way; nothing more was asked


def test_stopping_before_the_first_file_reads_nothing(dataset_file: Path) -> None:
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return False

    with pytest.raises(LoadCancelled):
        load_dataset(dataset_file, progress)
    assert calls == [0]


def test_loading_leaves_a_paused_collector_paused(dataset_file: Path) -> None:
    gc.disable()
    load_dataset(dataset_file)
    assert not gc.isenabled()


def test_the_quick_json_reader_builds_the_events_the_careful_reader_builds(
    tmp_path: Path,
) -> None:
    text = json.dumps(document(400))
    (tmp_path / "same.json").write_text(text, "utf-8")
    (tmp_path / "same.yaml").write_text(text, "utf-8")  # JSON is YAML: read field by field

    quick = load_dataset(tmp_path / "same.json")
    careful = load_dataset(tmp_path / "same.yaml")

    assert quick.events == careful.events  # every field but where each was read
    assert [event.id for event in quick.events] == [event.id for event in careful.events]
    assert quick.events[0].title == careful.events[0].title == quick.events[0].title.strip()
    assert quick.casualties == careful.casualties


def test_a_quick_event_naming_an_unknown_source_is_still_refused(tmp_path: Path) -> None:
    broken = document(50)
    broken["events"][30]["sources"] = ["src-9"]
    broken["events"][31]["places"] = ["nowhere"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken, indent=1), "utf-8")

    dataset, problems = check_dataset(path)

    assert dataset is None
    messages = [problem.message for problem in problems]
    assert "unknown source 'src-9': no entry of 'sources' has this id" in messages
    assert "unknown place 'nowhere': no entry of 'places' has this id" in messages
    assert all(problem.line for problem in problems)  # read again carefully, to name lines


def test_slow_to_load_is_judged_by_the_size_of_the_files(tmp_path: Path, sample_path) -> None:
    assert not slow_to_load(sample_path)
    big = tmp_path / "big.json"
    with big.open("wb") as file:
        file.truncate(SLOW_BYTES[".json"] + 1)  # the size is all that is looked at
    assert slow_to_load(big)
    assert slow_to_load(tmp_path)  # a folder: its files together
    assert not slow_to_load(tmp_path / "missing.json")
