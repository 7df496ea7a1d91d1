"""The YAML and JSON readers: values typed alike, keys and files never dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from karabakh_timeline.model.json_reader import read_json
from karabakh_timeline.model.loader import check_dataset, load_dataset, slow_to_load
from karabakh_timeline.model.yaml_reader import read_json_fast, read_yaml


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("12:30", "12:30"),
        ("190:20:30", "190:20:30"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("017", "017"),
        ("1_000", "1_000"),
        ("+5", "+5"),
        ("yes", "yes"),
        ("off", "off"),
        (".5", ".5"),
        ("2004-06-03", "2004-06-03"),
        ("17", 17),
        ("-3", -3),
        ("true", True),
        ("FALSE", False),
        ("null", None),
        ("~", None),
    ],
)
def test_a_plain_yaml_value_is_typed_as_json_types_it(plain: str, value: object) -> None:
    document, problems = read_yaml("t.yaml", f"key: {plain}\n".encode())
    assert problems == []
    assert document["key"] == value and type(document["key"]) is type(value)


@pytest.mark.parametrize("plain", ["2024.10", "4e1", "1e400", "-0", "3.60", ".inf", ".nan"])
def test_a_decimal_number_keeps_the_text_it_was_written_as(plain: str) -> None:
    from_yaml, _ = read_yaml("t.yaml", f"key: {plain}\n".encode())
    assert isinstance(from_yaml["key"], float) and str(from_yaml["key"]) == plain
    if not plain.startswith("."):  # .inf and .nan are YAML's own
        from_json, _ = read_json("t.json", f'{{"key": {plain}}}'.encode())
        assert isinstance(from_json["key"], float) and str(from_json["key"]) == plain


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("key: !!int 0x1F\n", "'0x1F' is not a value of the tag !!int"),
        ("key: !!bool yes\n", "'yes' is not a value of the tag !!bool"),
        ("key: !!binary aGk=\n", "the tag !!binary is not allowed"),
    ],
)
def test_an_explicit_tag_must_agree_with_the_value(text: str, message: str) -> None:
    _, problems = read_yaml("t.yaml", text.encode())
    assert [p.message for p in problems] == [
        message
        if "not allowed" not in message
        else f"{message}: tags are refused, since some run code"
    ]


def test_plain_values_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(
        "dataset: {name: Plain, version: 2024.10}\n"
        "sources:\n  - {id: src-a, title: 12:30, publisher: 007}\n",
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    assert dataset.info.version == "2024.10"
    assert (dataset.sources["src-a"].title, dataset.sources["src-a"].publisher) == ("12:30", "007")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{"a": 1,\n "b": }', 2, "malformed JSON: '}' cannot start a value"),
        ('{"a": 1\n\n "b": 2}', 3, "malformed JSON: expected ',' or '}'"),
        ('{"a": "x\ny"}', 1, "malformed JSON: invalid control character at"),
        ('{"a": "\\ud800"}', 1, "malformed JSON: a \\u escape names half of a character"),
        ('{"a": 1}\r\r{"b": 2}', 3, "malformed JSON: more after the end of the document"),
        ('{"a": [' * 30 + "1" + "]}" * 30, 1, "nested more than 50 levels deep"),
        ('{"a": [1,\n', 1, "malformed JSON: the file ends where a value should be"),
    ],
)
def test_malformed_json_names_its_line(text: str, line: int, message: str) -> None:
    _, problems = read_json("t.json", text.encode())
    assert len(problems) == 1
    assert problems[0].line == line
    assert problems[0].message.startswith(message)


@pytest.mark.parametrize(
    "text",
    [
        '{"sources": [{"id": "a", "id": "b"}]}',
        '{"sources": [{"id" : "a", "id" : "b"}]}',  # space before the colon
        '{"sources": [{"id": "a\\u0022:", "id": "b"}]}',  # a quote spelled as an escape
    ],
)
def test_the_fast_json_reader_never_drops_a_key_written_twice(text: str) -> None:
    assert read_json_fast(text.encode()) is None
    _, problems = read_json("t.json", text.encode())
    assert [p.message for p in problems] == ["the key 'id' appears twice"]


def test_minus_zero_is_read_as_written() -> None:
    text = '{"dataset": {"name": "N", "version": -0}}'
    assert read_json_fast(text.encode()) is None  # it would read the whole number 0
    document, _ = read_json("t.json", text.encode())
    assert str(document["dataset"]["version"]) == "-0"


def test_the_fast_json_reader_takes_quotes_and_colons_inside_texts() -> None:
    text = '{"sources": [{"id": "a", "title": "He said \\":\\" twice", "note": "x\\":"}]}'
    assert read_json_fast(text.encode()) == {
        "sources": [{"id": "a", "title": 'He said ":" twice', "note": 'x":'}]
    }


def test_a_folder_names_the_entries_it_does_not_read(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {id: src-a, title: A, publisher: P}\n", encoding="utf-8"
    )
    (tmp_path / "eras.YAML").write_text("eras: []\n", encoding="utf-8")
    (tmp_path / "more.json").mkdir()
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    dataset, problems = check_dataset(tmp_path)
    assert dataset is None
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'eras.YAML'}: is not read: its name ends in '.YAML'; rename it 'eras.yaml'",
        f"{tmp_path / 'more.json'}: is a folder, not a dataset file: "
        "folders inside a dataset are not read",
    ]


def test_a_large_timelinejs_sheet_shows_progress_from_the_start(tmp_path: Path) -> None:
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_text("Year,Headline\n2004,A\n", encoding="utf-8")
    large.write_text("Year,Headline\n" + "2004,Same headline\n" * 60_000, encoding="utf-8")
    assert not slow_to_load(small)
    assert slow_to_load(large)
