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

from karabakh_timeline.cli import main

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
SECTIONS = (
    "dataset, sources, places, scopes, categories, series, eras, events, casualties, clearance, "
    "conflicts, incidents, organisations"
)

MAX = "9,007,199,254,740,991"
FIGURE = "write a number, optionally after 'at least', 'more than', 'about' or 'at most'"

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
    "organisation_name_twice.yaml": (
        4,
        "'Monitor A' already names another organisation (on line 3)",
    ),
    "long_short_name.yaml": (
        5,
        "'short_name' is 49 characters long; keep it to 32 or fewer",
    ),
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
    "unknown_section.yaml": (4, f"unknown section 'accidents'; known: {SECTIONS}"),
    "nested_too_deep.yaml": (2, "nested more than 50 levels deep"),
    "tab_indent.yaml": (3, "malformed YAML: a tab cannot indent YAML; use spaces"),
    "two_documents.yaml": (
        4,
        "the file holds a second YAML document ('---'); keep one document per file",
    ),
    "not_finite_area.yaml": (10, "'area.manual': .nan is not an area: write a finite number"),
    "control_character.yaml": (3, "not a text file: it holds the control character U+0001"),
    "top_level_list.yaml": (1, f"the file must be a mapping of sections ({SECTIONS})"),
    "does-not-exist.yaml": (None, "no such file or folder"),
    "huge_integer.yaml": (10, "a number of 5,000 digits is too long to be read"),
    "huge_integer.json": (2, "a number of 5,000 digits is too long to be read"),
    "count_1e400.yaml": (10, f"'killed': 1e400 is too large: a count can be at most {MAX}"),
    "area_1e400.yaml": (11, "'area.manual': 1e400 is not an area: write a finite number"),
    "quoted_count_overflow.yaml": (
        10,
        "'killed': '999999999999999999999999999999999999999… (402 characters) is too large: "
        f"a count can be at most {MAX}, so that totals stay exact",
    ),
    "count_above_2_53.yaml": (
        10,
        f"'killed': 9007199254740993 is too large: a count can be at most {MAX}, "
        "so that totals stay exact",
    ),
    "comma_decimal_area.yaml": (11, f"'area.manual': '2,5 km2' is not a figure: {FIGURE}"),
    "stray_commas_count.yaml": (10, f"'killed': '1,,,' is not a figure: {FIGURE}"),
    "sexagesimal_count.yaml": (10, f"'killed': '190:20:30' is not a figure: {FIGURE}"),
    "arabic_indic_date.yaml": (
        6,
        "impossible date: '٢٠٠٤' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "full_width_count.yaml": (10, f"'killed': '１２' is not a figure: {FIGURE}"),
    "anchor_without_alias.yaml": (3, "anchors and aliases (&name, *name) are not allowed"),
    "duplicate_key.json": (3, "the key 'title' appears twice"),
    "id_differs_by_whitespace.json": (3, "duplicate id 'src-a' (first used on line 2)"),
    "huge_version.json": (2, "a number of 4,400 digits is too long to be read"),
    "newline_in_value.yaml": (
        6,
        "'confidence' is 'high\\nother.yaml:1: everything is fine'; "
        "it must be one of: high, medium, low",
    ),
    "line_separator_in_text.yaml": (4, "duplicate id 'src-a' (first used on line 3)"),
    "lone_cr_lines.yaml": (4, "duplicate id 'src-a' (first used on line 3)"),
    "c1_controls.json": (3, "unknown field 'colour' in a source"),
    "surrogate_pair.json": (3, "unknown field 'colour' in a source"),
    "long_key.json": (3, f"unknown field '{'k' * 40}… (1,100 characters)' in a source"),
    "exponent_count.json": (4, "'killed': 4e1 is not written as a whole number: write its digits"),
    "ends_inside_a_list.yaml": (4, "malformed YAML: did not find expected node content"),
    "superscript_year.csv": (3, "Year '2²04' is not a whole number in digits 0-9"),
    "long_year.csv": (2, "Year '22222222222222222222… (3,000 characters)' has more than 4 digits"),
    "duplicate_column.csv": (
        1,
        "the column 'Headline' appears twice (columns 2 and 4): "
        "keep one, so no cell is left out silently",
    ),
    "second_title_row.csv": (
        4,
        "a second title row (the first is on line 2): a spreadsheet has one title; "
        "make this row an era or an event",
    ),
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
def test_validate_prints_the_one_problem_of_each_bad_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The command's own entry point, in this interpreter: a fresh one per file would take a
    # second each. The tests below run it as a person does, in a fresh interpreter.
    monkeypatch.chdir(tmp_path)
    path = BAD / name
    line, message = EXPECTED[name]
    code = main(["validate", str(path)])
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [expected_line(path, line, message)], printed.err
    assert code == 1
    assert printed.err == "1 problem(s) found\n"
    assert list(tmp_path.iterdir()) == []


def test_a_fresh_interpreter_prints_the_same_line_without_a_traceback(tmp_path: Path) -> None:
    path = BAD / "huge_integer.json"
    result = validate(path, tmp_path)
    assert result.stdout.splitlines() == [expected_line(path, *EXPECTED[path.name])]
    assert result.returncode == 1
    assert result.stderr == "1 problem(s) found\n"


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
    # A folder's dataset files are its YAML and JSON files; a spreadsheet is opened on its own.
    read = {
        name: found
        for name, found in EXPECTED.items()
        if name != "does-not-exist.yaml" and not name.endswith(".csv")
    }
    wanted = {
        expected_line(BAD / name, line, message)
        for name, (line, message) in read.items()
        if not message.startswith("duplicate id")
    }
    assert wanted <= set(printed)
    for name, (line, message) in read.items():
        if message.startswith("duplicate id"):  # first used in another file now
            assert any(p.startswith(f"{BAD / name}:{line}: duplicate id ") for p in printed)
    assert all(" duplicate id " in line for line in set(printed) - wanted)
    assert result.stderr == f"{len(printed)} problem(s) found\n"


def test_problems_in_several_records_are_all_reported_at_once(tmp_path: Path) -> None:
    dataset = tmp_path / "several.yaml"
    dataset.write_text(
        "sources:\n"
        "  - {id: src-a, title: A, publisher: P}\n"
        "casualties:\n"
        "  - {id: c1, date: 2004, span: annual, scope: a, organisation: O, killed: -1,\n"
        "     sources: [src-a]}\n"
        "  - {id: c2, date: 2004-13, span: annual, scope: a, organisation: O, sources: [src-a]}\n"
        "  - {id: c3, date: 2004, span: yearly, scope: a, organisation: O, sources: [src-z]}\n"
        "scopes: [{id: a, name: A}]\n",
        encoding="utf-8",
    )
    result = validate(dataset, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{dataset}:4: 'killed': -1 is negative: a count cannot be below 0",
        f"{dataset}:6: impossible date: '2004-13' has no month 13",
        f"{dataset}:7: 'span' is 'yearly'; it must be one of: "
        "annual, part-year, multi-year, cumulative, incident, snapshot",
        f"{dataset}:7: unknown source 'src-z': no entry of 'sources' has this id",
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
