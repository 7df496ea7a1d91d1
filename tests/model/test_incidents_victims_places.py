"""The incident log, victims in detail and places with names and dated control: loading and the
one-line messages `validate` gives for each mistake."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from karabakh_timeline.model.loader import check_dataset, incident_report_id
from karabakh_timeline.model.records import CasualtyReport, Dataset, Event
from karabakh_timeline.model.victims import AgeGroup, Device, Outcome, Role

HEAD = """\
dataset: {name: Incidents, version: "1"}
sources:
  - {id: src-a, title: Agency report, publisher: Agency, url: "https://example.org/a"}
  - {id: src-b, title: Paper report, publisher: Paper, url: "https://example.org/b"}
scopes:
  - {id: az, name: Azerbaijani-controlled areas}
categories:
  - {id: incident, label: Incidents}
series:
  - {id: log, label: Incident log, kind: additive}
"""
PLACES = """\
places:
  - id: susuzluq
    name: Susuzluq
    name_az: Susuzluq
    name_ru: Сусузлуг
    latitude: 40.08
    longitude: 46.03
    control:
      - holder: Karabakh Armenian authorities
        date: {start: 1993-04, end: 2020-11-25}
        sources: [src-a]
      - {holder: Azerbaijan, date: {start: 2020-11-25}, sources: [src-a, src-b]}
  - {id: kalbajar, name: Kalbajar, name_hy: Karvachar}
"""
INCIDENT = """\
incidents:
  - id: inc-2021-06-04
    date: 2021-06-04
    title: Mine kills three near Susuzluq
    description: Our summary of what the pages report.
    places: [susuzluq, kalbajar]
    scope: az
    series: log
    killed: 3
    injured: 4
    device: anti-vehicle-mine
    activity: reporting
    victims:
      - {count: 2, role: journalist, sex: male, age: adult, outcome: killed}
      - {role: civilian, outcome: killed}
      - {count: 4, outcome: injured}
    sources: [src-a, src-b]
"""


def load(tmp_path: Path, text: str) -> tuple[Dataset | None, list[str]]:
    path = tmp_path / "data.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    dataset, problems = check_dataset(path)
    return dataset, [f"{p.line}: {p.message}" for p in problems]


def test_an_incident_is_an_event_in_its_lane_and_a_report_of_the_log(tmp_path: Path) -> None:
    dataset, problems = load(tmp_path, HEAD + PLACES + INCIDENT)
    assert problems == []
    assert dataset is not None
    event = dataset.record("inc-2021-06-04")
    assert isinstance(event, Event)
    assert (event.category, event.places) == ("incident", ("susuzluq", "kalbajar"))
    assert [(name, count.value) for name, count in event.figures] == [("killed", 3), ("injured", 4)]
    report = dataset.record(incident_report_id("inc-2021-06-04"))
    assert isinstance(report, CasualtyReport)
    assert (report.series, report.sources, report.device) == (
        "log",
        ("src-a", "src-b"),
        Device.ANTI_VEHICLE_MINE,
    )
    assert report.victims[0].role is Role.JOURNALIST
    assert report.victims[0].age is AgeGroup.ADULT
    assert report.victims[2].role is None  # not said: unknown, not guessed
    assert report.victims[2].outcome is Outcome.INJURED
    # Journalists are civilians; the four injured are of unknown role and count in no split.
    assert dict((name, count.value) for name, count in report.splits) == {"civilian": 3}


def test_a_place_keeps_its_names_and_dated_control(tmp_path: Path) -> None:
    dataset, problems = load(tmp_path, HEAD + PLACES + INCIDENT)
    assert problems == []
    assert dataset is not None
    place = dataset.places["susuzluq"]
    assert "Сусузлуг" in place.all_names
    assert [period.display() for period in place.control] == [
        "Karabakh Armenian authorities, April 1993 – 25 November 2020",
        "Azerbaijan, since 25 November 2020",
    ]
    assert place.control[1].sources == ("src-a", "src-b")


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        (
            "places: [susuzluq, kalbajar]",
            "places: [kalbajar]",
            "places: [kalbajar]",
            "the incident 'inc-2021-06-04' happened at 'kalbajar', which has no "
            "coordinates: give the place a latitude and longitude",
        ),
        (
            "    killed: 3\n",
            "    killed: 2\n",
            "    victims:",
            "'victims' lists 3 killed, more than 'killed' (2)",
        ),
        (
            "    killed: 3\n",
            "",
            "    victims:",
            "'victims' lists 3 killed but the record leaves 'killed' out: give 'killed' too "
            '("at least 3" if that is all that is known)',
        ),
        (
            "role: journalist",
            "role: pilot",
            "role: pilot",
            "'role' is 'pilot'; it must be one of: civilian, military, deminer, journalist, "
            "police, other",
        ),
        (
            "{role: civilian, outcome: killed}",
            "{role: civilian, outcome: killed, limb: leg}",
            "limb: leg",
            "unknown field 'limb' in a victim group of 'victims'",
        ),
        (
            "device: anti-vehicle-mine",
            "device: landmine",
            "device: landmine",
            "'device' is 'landmine'; it must be one of: anti-personnel-mine, anti-vehicle-mine, "
            "cluster-submunition, other-erw, improvised-device",
        ),
        (
            "    date: 2021-06-04\n",
            "    date: {start: 2021-06-04, end: 2021-06-05}\n",
            "date: {start: 2021-06-04",
            "an incident happens on one day (or in one month or year): give one date",
        ),
        (
            "    sources: [src-a, src-b]\n",
            "",
            "- id: inc-2021-06-04",
            "an incident is missing the field 'sources'",
        ),
    ],
)
def test_a_wrong_incident_is_one_clear_message(
    tmp_path: Path, old: str, new: str, at: str, message: str
) -> None:
    text = HEAD + PLACES + INCIDENT
    assert old in text
    wrong = text.replace(old, new, 1)
    _, problems = load(tmp_path, wrong)
    line = next(n for n, row in enumerate(wrong.splitlines(), start=1) if at in row)
    assert problems == [f"{line}: {message}"]


def test_one_incident_recorded_twice_is_refused(tmp_path: Path) -> None:
    twice = INCIDENT + INCIDENT.split("\n", 1)[1].replace("id: inc-2021-06-04", "id: inc-again")
    _, problems = load(tmp_path, HEAD + PLACES + twice)
    assert problems == [
        f"{(HEAD + PLACES + INCIDENT).count(chr(10)) + 1}: 'inc-again' looks like "
        "'inc-2021-06-04' again (same day, places and figures in the series 'log'): "
        "one incident is one record, with all its sources"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "date: {start: 2020-11-25}, sources: [src-a, src-b]",
            "date: {start: 2020-11-01}, sources: [src-a, src-b]",
            "'control': Karabakh Armenian authorities (April 1993 – 25 November 2020) and "
            "Azerbaijan (since 1 November 2020) overlap; one holder at a time, or say in a note "
            "who claimed what",
        ),
        (
            "sources: [src-a, src-b]}",
            "sources: [src-z]}",
            "unknown source 'src-z': no entry of 'sources' has this id",
        ),
        (
            "{holder: Azerbaijan, date: {start: 2020-11-25}, sources: [src-a, src-b]}",
            "{holder: Azerbaijan, date: {start: 2020-11-25}}",
            "a control period of 'control' is missing the field 'sources'",
        ),
        (
            "    longitude: 46.03\n",
            "",
            "give both 'latitude' and 'longitude', or neither",
        ),
    ],
)
def test_a_wrong_place_is_one_clear_message(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = HEAD + PLACES
    assert old in text
    _, problems = load(tmp_path, text.replace(old, new, 1))
    assert [problem.partition(": ")[2] for problem in problems] == [message]
