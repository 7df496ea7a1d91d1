"""Every kind of broken dataset gets one clear `file:line: message` line and exit 1, no traceback.

Each file under tests/fixtures/bad/ holds exactly one problem. The command runs in a fresh
interpreter, as a person would run it, from a scratch folder (so a tag that tried to create a
file there would be caught).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
SECTIONS = (
    "dataset, sources, places, categories, series, eras, events, casualties, clearance, conflicts"
)

# file name -> (line, message): the one line `validate` must print for it.
EXPECTED: dict[str, tuple[int | None, str]] = {
    "malformed_yaml.yaml": (
        7,
        "malformed YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts on line 6)",
    ),
    "not_utf8.yaml": (5, "not UTF-8 text (byte 0xde cannot be read): save the file as UTF-8"),
    "unknown_field.yaml": (6, "unknown field 'colour' in a source"),
    "missing_field.yaml": (3, "a source is missing the field 'publisher'"),
    "wrong_type.yaml": (5, "'latitude' must be a number, not the text 'north'"),
    "impossible_date.yaml": (
        6,
        "impossible date: '2023-02-30' is not a real day: February 2023 has 28 days",
    ),
    "end_before_start.yaml": (6, "the span ends (1998-06) before it starts (1999-05)"),
    "negative_count.yaml": (9, "'killed': -3 is negative: a count cannot be below 0"),
    "unknown_place.yaml": (12, "unknown place 'shusha': no entry of 'places' has this id"),
    "unknown_source.yaml": (8, "unknown source 'src-missing': no entry of 'sources' has this id"),
    "unknown_category.yaml": (
        9,
        "unknown category 'politics': no entry of 'categories' has this id",
    ),
    "duplicate_id.yaml": (5, "duplicate id 'src-a' (first used on line 3)"),
    "binary_junk.yaml": (1, "binary data, not a UTF-8 text file (it holds NUL bytes)"),
    "empty.yaml": (1, "the file is empty"),
    "alias_bomb.yaml": (3, "anchors and aliases (&name, *name) are not allowed"),
    "python_tag.yaml": (
        4,
        "the tag !!python/object/apply:os.system is not allowed: tags are refused, "
        "since some run code",
    ),
    "overlapping_series.yaml": (
        8,
        "'cas-2010-h2' overlaps 'cas-2010' in the series 'monitor-annual': "
        "reports of one series must not overlap, or totals would count twice",
    ),
    "unknown_section.yaml": (4, f"unknown section 'incidents'; known: {SECTIONS}"),
    "nested_too_deep.yaml": (2, "nested more than 50 levels deep"),
    "tab_indent.yaml": (3, "malformed YAML: a tab cannot indent YAML; use spaces"),
    "two_documents.yaml": (
        4,
        "the file holds a second YAML document ('---'); keep one document per file",
    ),
    "not_finite_area.yaml": (10, "'area.manual': nan is not an area: write a finite number"),
    "control_character.yaml": (3, "not a text file: it holds the control character U+0001"),
    "top_level_list.yaml": (1, f"the file must be a mapping of sections ({SECTIONS})"),
    "does-not-exist.yaml": (None, "no such file or folder"),
}


def validate(path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "karabakh_timeline", "validate", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def expected_line(path: Path, line: int | None, message: str) -> str:
    return f"{path}: {message}" if line is None else f"{path}:{line}: {message}"


def test_the_corpus_and_the_expectations_name_the_same_files() -> None:
    on_disk = {path.name for path in BAD.iterdir()}
    expected = set(EXPECTED) - {"does-not-exist.yaml"}
    assert on_disk == expected
    assert not (BAD / "does-not-exist.yaml").exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_prints_the_one_problem_of_each_bad_file(name: str, tmp_path: Path) -> None:
    path = BAD / name
    line, message = EXPECTED[name]
    result = validate(path, tmp_path)
    assert result.stdout.splitlines() == [expected_line(path, line, message)], result.stderr
    assert result.returncode == 1
    assert result.stderr == "1 problem(s) found\n"
    assert "Traceback" not in result.stderr


def test_a_python_tag_is_refused_without_running_anything(tmp_path: Path) -> None:
    # The tag asks os.system to `touch python-tag-ran` in the current folder: tmp_path.
    assert "touch python-tag-ran" in (BAD / "python_tag.yaml").read_text(encoding="utf-8")
    result = validate(BAD / "python_tag.yaml", tmp_path)
    assert result.returncode == 1
    assert not (tmp_path / "python-tag-ran").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_of_bad_files_reports_the_problem_of_every_file(tmp_path: Path) -> None:
    result = validate(BAD, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    printed = result.stdout.splitlines()
    # Read together, the files also clash with each other (the same ids in several files), so
    # each file's own problem must be among the lines, and every line must be counted.
    wanted = {
        expected_line(BAD / name, line, message)
        for name, (line, message) in EXPECTED.items()
        if name != "does-not-exist.yaml"
    }
    assert wanted <= set(printed)
    assert all(" duplicate id " in line for line in set(printed) - wanted)
    assert result.stderr == f"{len(printed)} problem(s) found\n"


def test_problems_in_several_records_are_all_reported_at_once(tmp_path: Path) -> None:
    dataset = tmp_path / "several.yaml"
    dataset.write_text(
        "sources:\n"
        "  - {id: src-a, title: A, publisher: P}\n"
        "casualties:\n"
        "  - {id: c1, date: 2004, scope: annual, organisation: O, killed: -1, sources: [src-a]}\n"
        "  - {id: c2, date: 2004-13, scope: annual, organisation: O, sources: [src-a]}\n"
        "  - {id: c3, date: 2004, scope: yearly, organisation: O, sources: [src-z]}\n",
        encoding="utf-8",
    )
    result = validate(dataset, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{dataset}:4: 'killed': -1 is negative: a count cannot be below 0",
        f"{dataset}:5: impossible date: '2004-13' has no month 13",
        f"{dataset}:6: 'scope' is 'yearly'; it must be one of: "
        "annual, part-year, multi-year, cumulative, incident, snapshot",
        f"{dataset}:6: unknown source 'src-z': no entry of 'sources' has this id",
    ]


def test_a_duplicate_id_in_another_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "sources:\n  - {id: src-a, title: A, publisher: P}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        "# second file\nsources:\n  - {id: src-a, title: B, publisher: P}\n", encoding="utf-8"
    )
    result = validate(tmp_path, tmp_path)
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'b.yaml'}:3: duplicate id 'src-a' (first used on {tmp_path / 'a.yaml'}:2)"
    ]
    assert result.returncode == 1


def test_a_folder_without_yaml_files_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a dataset", encoding="utf-8")
    result = validate(tmp_path, tmp_path)
    assert result.stdout.splitlines() == [f"{tmp_path}: the folder holds no .yaml files"]
    assert result.returncode == 1
