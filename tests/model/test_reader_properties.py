"""Hostile input, generated: every file ends in a clean load or ``file:line: message`` lines.

Hypothesis mutates copies of the bundled data (as YAML and as JSON) and of a TimelineJS sheet,
and generates values to write, read back and compare. Examples are few and derandomised, so the
suite stays quick and the same on every run; the corpus in tests/fixtures/bad keeps the cases
found so far, each with its exact message.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh_timeline.bundled import bundled_data_dir
from karabakh_timeline.model.figures import UNIT_DISPLAY
from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.problems import Problem

QUICK = settings(
    max_examples=25,
    deadline=5000,  # milliseconds; each example reads one small file
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BREAKS = re.compile(r"\r\n|\r|\n")

# Characters that have broken readers before: line breaks of every kind, control characters,
# digits that are not ASCII, YAML and JSON punctuation, quotes and escapes.
HOSTILE = st.sampled_from(
    [
        "\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\t", "\x00", "\x01", "\x7f", "\x9f",
        "²", "①", "٤", "４", "9" * 30, "9" * 4400, "1e400", "-", ":", ": ", "- ", "&a ", "*a",
        "!!int ", "!!python/object ", "<<: ", "{", "}", "[", "]", ",", '"', "'", "\\", "\\u",
        "\\ud83d",
        "#", "---\n", "~", "12:30", "2024.10", "0x1F", "yes", "1,,,", "2,5 km2", "\ufeff",
    ]
)  # fmt: skip
FILLER = st.text(st.characters(codec="utf-8"), max_size=4)
INSERTED = st.lists(st.one_of(HOSTILE, FILLER), min_size=1, max_size=4).map("".join)


class QuotedDumper(yaml.SafeDumper):
    """Writes every text in double quotes: PyYAML would write some plain (``1e5``), which YAML
    1.2 and JSON read as numbers, and the file would no longer hold the same content."""


QuotedDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def as_yaml(document: object) -> str:
    return yaml.dump(document, Dumper=QuotedDumper, allow_unicode=True, sort_keys=False)


def bundled_text(name: str) -> str:
    return (bundled_data_dir() / name).read_text(encoding="utf-8")


def bundled_json(name: str) -> str:
    document = yaml.safe_load(bundled_text(name))
    return json.dumps(document, indent=1, ensure_ascii=False, default=str)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few spans deleted, replaced or doubled, and hostile text put in."""
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        kind = draw(st.sampled_from(["insert", "replace", "delete", "double"]))
        if kind == "delete":
            text = text[:start] + text[end:]
        elif kind == "double":
            text = text[:end] + text[start:end] + text[end:]
        else:
            cut = end if kind == "replace" else start
            text = text[:start] + draw(INSERTED) + text[cut:]
    return text


def assert_clean_outcome(path: Path, raw: bytes) -> None:
    """A dataset and no problem, or problems that are each one ``file:line: message`` line."""
    dataset, problems = check_dataset(path)
    assert (dataset is None) == bool(problems)
    lines = len(BREAKS.split(raw.decode("utf-8", "replace")))
    for problem in problems:
        assert isinstance(problem, Problem)
        shown = str(problem)
        assert shown.splitlines() == [shown]
        assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", shown), shown
        if problem.path == str(path) and problem.line is not None:
            assert 1 <= problem.line <= lines, shown
            assert shown.startswith(f"{path}:{problem.line}: ")
        assert problem.message.strip()


@QUICK
@given(text=mutated(bundled_text("casualties.yaml")))
def test_a_mutated_yaml_file_loads_or_names_its_problems(tmp_path: Path, text: str) -> None:
    path = tmp_path / "casualties.yaml"
    raw = text.encode("utf-8", "surrogatepass")
    path.write_bytes(raw)
    assert_clean_outcome(path, raw)


@QUICK
@given(text=mutated(bundled_json("clearance.yaml")))
def test_a_mutated_json_file_loads_or_names_its_problems(tmp_path: Path, text: str) -> None:
    path = tmp_path / "clearance.json"
    raw = text.encode("utf-8", "surrogatepass")
    path.write_bytes(raw)
    assert_clean_outcome(path, raw)


CELL = st.one_of(HOSTILE, FILLER, st.sampled_from(["2004", "6", "31", "title", "era", ""]))


@QUICK
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=8), min_size=1, max_size=6))
def test_a_generated_timelinejs_sheet_loads_or_names_its_problems(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "sheet.csv"
    header = "Year,Month,Day,Headline,Text,Type,Group,End Year\n"
    body = "".join(",".join(row) + "\n" for row in rows)
    raw = (header + body).encode("utf-8", "surrogatepass")
    path.write_bytes(raw)
    assert_clean_outcome(path, raw)


# Values a source could publish, as they would be written; each must read back exactly.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1).filter(
    lambda text: text.strip() == text and text.strip()
)
WRITTEN_NUMBER_TEXT = st.from_regex(
    r"[0-9]{1,6}(\.[0-9]{1,4})?|[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?|0x[0-9A-F]{1,4}|0[0-7]{1,3}"
    r"|[0-9]{1,3}(_[0-9]{3})+|[0-9]e[0-9]|yes|no|on|off",
    fullmatch=True,
)
COUNT = st.one_of(
    st.integers(0, 2**53 - 1),
    st.tuples(
        st.sampled_from(["at least ", "more than ", "about ", "at most "]),
        st.integers(0, 2**53 - 1).map(lambda n: f"{n:,}"),
    ).map("".join),
)
AREA = st.tuples(
    st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False),
    st.sampled_from([" m2", " ha", " km2"]),
).map(lambda pair: f"{pair[0].normalize():f}{pair[1]}")


def dataset_document(version: str, title: str, killed: Any, area: str) -> dict[str, Any]:
    return {
        "dataset": {"name": "Generated", "version": version},
        "sources": [{"id": "src-a", "title": title, "publisher": "P"}],
        "scopes": [{"id": "area-a", "name": "Area A"}],
        "casualties": [
            {"id": "cas-1", "date": "2004", "span": "annual", "scope": "area-a",
             "organisation": "O",
             "sources": ["src-a"], "killed": killed},
        ],
        "clearance": [
            {"id": "clr-1", "date": "2004-06", "span": "annual", "scope": "area-a",
             "organisation": "O",
             "activity": "survey", "sources": ["src-a"], "area": {"manual": area}},
        ],
    }  # fmt: skip


@QUICK
@given(version=WRITTEN_NUMBER_TEXT, title=TEXT, killed=COUNT, area=AREA)
def test_every_accepted_value_reads_back_exactly_as_written(
    tmp_path: Path, version: str, title: str, killed: Any, area: str
) -> None:
    document = dataset_document(version, title, killed, area)
    written = {"yaml": as_yaml(document), "json": json.dumps(document, ensure_ascii=False)}
    # The version also plain, as a person types it: YAML 1.1 would make 2024.10 a number.
    quoted = as_yaml({"version": version}).strip()
    assert quoted in written["yaml"]
    written["plain.yaml"] = written["yaml"].replace(quoted, f"version: {version}", 1)
    count = killed if isinstance(killed, int) else int(killed.rsplit(" ", 1)[1].replace(",", ""))
    number, unit = area.split(" ")
    for suffix, text in written.items():
        path = tmp_path / f"generated.{suffix}"
        path.write_text(text, encoding="utf-8")
        dataset = load_dataset(path)
        assert dataset.info.version == version, suffix
        assert dataset.sources["src-a"].title == title, suffix
        [report] = dataset.casualties
        assert report.killed is not None and report.killed.value == count, suffix
        [clearance] = dataset.clearance
        [(method, figure)] = clearance.areas
        assert (method, figure.unit) == ("manual", unit), suffix
        assert figure.display() == f"{Decimal(number):,f} {UNIT_DISPLAY[unit]}", suffix


VALUE = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-(10**20), 10**20), TEXT,
        st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: "e" not in repr(x)),
        st.sampled_from(["2004", "2004-13", "src-a", "at least 3", "1,,,", "12:30"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["a", "id", "date"]), inner, max_size=3),
    ),
    max_leaves=6,
)  # fmt: skip
FIELDS = ["id", "title", "publisher", "date", "killed", "sources", "span", "scope", "organisation",
          "confidence", "note", "colour"]  # fmt: skip


@QUICK
@given(
    source=st.dictionaries(st.sampled_from(FIELDS), VALUE, max_size=5),
    report=st.dictionaries(st.sampled_from(FIELDS), VALUE, max_size=6),
)
def test_json_and_yaml_give_the_same_messages_for_the_same_content(
    tmp_path: Path, source: dict[str, Any], report: dict[str, Any]
) -> None:
    document = {"sources": [source], "casualties": [report]}
    yaml_file, json_file = tmp_path / "same.yaml", tmp_path / "same.json"
    yaml_file.write_text(as_yaml(document), encoding="utf-8")
    json_file.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    yaml_result, json_result = check_dataset(yaml_file), check_dataset(json_file)
    assert sorted(p.message for p in yaml_result[1]) == sorted(p.message for p in json_result[1])
    assert (yaml_result[0] is None) == (json_result[0] is None)
