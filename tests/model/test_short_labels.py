"""An event's optional ``label`` and an era's optional ``short_name``: read, checked, bundled."""

from __future__ import annotations

from pathlib import Path

import pytest

from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.records import SHORT_TEXT_LIMIT

HEAD = (
    "sources:\n"
    "  - {id: src-a, title: A, publisher: P}\n"
    "categories:\n"
    "  - {id: incident, label: Incidents}\n"
)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "labels.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _event(label_line: str) -> str:
    return (
        "events:\n"
        "  - id: ev-1\n"
        "    date: 2004-06\n"
        "    category: incident\n"
        "    title: A tractor strikes an anti-tank mine on farmland near Aghdam\n"
        f"{label_line}"
        "    description: Our words.\n"
        "    sources: [src-a]\n"
    )


def test_a_label_is_read_and_shown_instead_of_a_long_title(tmp_path: Path) -> None:
    dataset = load_dataset(_write(tmp_path, _event("    label: Tractor hits mine near Aghdam\n")))
    event = dataset.events[0]
    assert event.label == "Tractor hits mine near Aghdam"
    assert event.shown_label == "Tractor hits mine near Aghdam"
    assert event.title.startswith("A tractor strikes")


def test_without_a_label_the_whole_title_is_shown(tmp_path: Path) -> None:
    event = load_dataset(_write(tmp_path, _event(""))).events[0]
    assert event.label is None
    assert event.shown_label == "A tractor strikes an anti-tank mine on farmland near Aghdam"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "    label: A tractor strikes a mine near the town\n",
            f"'label' is 38 characters long; keep it to {SHORT_TEXT_LIMIT} or fewer",
        ),
        ("    label: '  '\n", "'label' is empty; give a text or leave the field out"),
        ("    label:\n", "'label' is empty; give a text or leave the field out"),
    ],
)
def test_a_bad_label_is_a_problem_at_its_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, _event(line))
    dataset, problems = check_dataset(path)
    assert dataset is None
    assert [str(problem) for problem in problems] == [f"{path}:10: {message}"]


def test_an_era_short_name_is_read_and_checked(tmp_path: Path) -> None:
    era = (
        "eras:\n"
        "  - id: war\n"
        "    name: The six-week war of the autumn\n"
        "    short_name: {short}\n"
        "    date: {{start: 2020-09-27, end: 2020-11-10}}\n"
        "    description: Our words.\n"
        "    sources: [src-a]\n"
    )
    dataset = load_dataset(_write(tmp_path, era.format(short="2020 war")))
    assert dataset.eras[0].short_name == "2020 war"
    path = _write(tmp_path, era.format(short="x" * 40))
    _, problems = check_dataset(path)
    assert [str(problem) for problem in problems] == [
        f"{path}:8: 'short_name' is 40 characters long; keep it to {SHORT_TEXT_LIMIT} or fewer"
    ]


def test_every_long_bundled_title_has_a_label_and_every_label_is_short() -> None:
    dataset = load_dataset(None)
    unlabelled = [
        event.id
        for event in dataset.events
        if len(event.title) > SHORT_TEXT_LIMIT and event.label is None
    ]
    assert unlabelled == []
    assert max(len(event.shown_label) for event in dataset.events) <= SHORT_TEXT_LIMIT
    labelled = [event for event in dataset.events if event.label is not None]
    assert len(labelled) >= 40
    # A label is a short form of its title, not a copy of it.
    assert all(event.label != event.title for event in labelled)
