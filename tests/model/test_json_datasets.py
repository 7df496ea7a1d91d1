"""A dataset written as JSON loads the same as its YAML, and its problems still name their lines."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from karabakh_timeline.model.loader import check_dataset, load_dataset


def _as_json(sample_path: Path, tmp_path: Path) -> Path:
    document = yaml.safe_load((sample_path / "sample.yaml").read_text("utf-8"))
    target = tmp_path / "sample.json"
    # One key per line, so a problem's line number is meaningful.
    target.write_text(json.dumps(document, indent=1, default=str), "utf-8")
    return target


def test_json_loads_the_same_records_as_yaml(sample_path: Path, tmp_path: Path) -> None:
    from_yaml = load_dataset(sample_path)
    from_json = load_dataset(_as_json(sample_path, tmp_path))
    assert [e.id for e in from_json.events] == [e.id for e in from_yaml.events]
    assert [(e.date, e.title, e.places, e.figures) for e in from_json.events] == [
        (e.date, e.title, e.places, e.figures) for e in from_yaml.events
    ]
    assert from_json.casualties == from_yaml.casualties
    assert from_json.clearance == from_yaml.clearance
    assert from_json.conflicts == from_yaml.conflicts


def test_a_problem_in_json_names_its_line(sample_path: Path, tmp_path: Path) -> None:
    path = _as_json(sample_path, tmp_path)
    lines = path.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if '"title": "Organisation banned"' in line)
    lines[index] = lines[index].replace('"title"', '"headline"')
    path.write_text("\n".join(lines), "utf-8")

    dataset, problems = check_dataset(path)

    assert dataset is None
    messages = [str(p) for p in problems]
    assert f"{path}:{index + 1}: unknown field 'headline' in an event" in messages


def test_a_duplicate_event_id_in_json_is_refused(sample_path: Path, tmp_path: Path) -> None:
    path = _as_json(sample_path, tmp_path)
    document = json.loads(path.read_text("utf-8"))
    document["events"].append(dict(document["events"][0]))
    path.write_text(json.dumps(document, indent=1), "utf-8")

    dataset, problems = check_dataset(path)

    assert dataset is None
    assert any("duplicate id 'ev-1995-programme'" in str(p) for p in problems)
