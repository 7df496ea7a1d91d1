"""Read a JSON dataset file carefully: the same values, rules and messages as YAML, with lines.

Large JSON datasets are first read at C speed (``yaml_reader.read_json_fast``), which keeps no
line numbers. When that reading finds a problem, the file is read again here, so each problem
can name its line. A JSON file is never read as YAML: YAML 1.1 refuses some valid JSON (raw
U+007F–U+009F, long keys, surrogate-pair escapes) and types some of it differently (``4e1``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from karabakh_timeline.model.problems import Problem
from karabakh_timeline.model.source_text import (
    MAX_NUMBER_DIGITS,
    LineCounter,
    WrittenFloat,
    decode_text,
    number_too_long,
)
from karabakh_timeline.model.yaml_reader import MAX_DEPTH, YamlList, YamlMap, duplicate_key

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LITERALS = {"true": True, "false": False, "null": None}


class LinedJsonMap(YamlMap):
    """A JSON object that names the line of itself and of each key."""

    first_line: int
    key_lines: dict[str, int]

    def line(self) -> int:
        return self.first_line

    def key_line(self, key: str) -> int:
        return self.key_lines.get(key, self.first_line)


class LinedJsonList(YamlList):
    item_lines: list[int]

    def item_line(self, index: int) -> int:
        return self.item_lines[index]


# The standard library's C reader of one JSON string: escapes, surrogate pairs, control characters.
# typeshed does not declare it, hence the ignore.
_scan_string: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _JsonProblemError(Exception):
    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message


def read_json(path: str, raw: bytes) -> tuple[Any, list[Problem]]:
    """The document in ``raw`` as lined mappings, lists and scalars, or the problem stopping it."""
    text, problems = decode_text(path, raw)
    if text is None:
        return None, problems
    reader = _Reader(text)
    try:
        value = reader.value(_skip(text, 0), 0)
        end = _skip(text, reader.end)
        if end != len(text):
            raise _JsonProblemError(end, "malformed JSON: more after the end of the document")
    except _JsonProblemError as problem:
        return None, [Problem(path, reader.lines.at(problem.index), problem.message)]
    return value, []


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    assert match is not None  # the pattern matches the empty text
    return match.end()


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineCounter(text, exact=True)
        self.end = 0  # where the value read last ends

    def value(self, index: int, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _JsonProblemError(index, f"nested more than {MAX_DEPTH} levels deep")
        text = self.text
        char = text[index : index + 1]
        if char == '"':
            return self.string(index)
        if char == "{":
            return self.mapping(index, depth)
        if char == "[":
            return self.sequence(index, depth)
        number = _NUMBER.match(text, index)
        if number is not None:
            return self.number(index, number)
        for word, literal in _LITERALS.items():
            if text.startswith(word, index):
                self.end = index + len(word)
                return literal
        if not char:
            raise _JsonProblemError(index, "malformed JSON: the file ends where a value should be")
        raise _JsonProblemError(
            index, f"malformed JSON: {_shown(text, index)} cannot start a value"
        )

    def string(self, index: int) -> str:
        try:
            value, self.end = _scan_string(self.text, index + 1, True)
        except json.JSONDecodeError as error:
            raise _JsonProblemError(error.pos, f"malformed JSON: {_reason(error.msg)}") from None
        if _SURROGATE.search(value):
            message = "malformed JSON: a \\u escape names half of a character (a lone surrogate)"
            raise _JsonProblemError(index, message)
        return value

    def number(self, index: int, match: re.Match[str]) -> int | float:
        written = match.group()
        self.end = match.end()
        if match.group(1) is None and match.group(2) is None and written != "-0":
            if len(written) > MAX_NUMBER_DIGITS:
                raise _JsonProblemError(index, number_too_long(len(written.lstrip("-"))))
            return int(written)
        return WrittenFloat(written, float(written))

    def mapping(self, index: int, depth: int) -> LinedJsonMap:
        text, lines = self.text, self.lines
        mapping = LinedJsonMap()
        mapping.first_line = lines.at(index)
        key_lines: dict[str, int] = {}
        mapping.key_lines = key_lines
        at = _skip(text, index + 1)
        if text.startswith("}", at):
            self.end = at + 1
            return mapping
        while True:
            if not text.startswith('"', at):
                raise _JsonProblemError(at, "malformed JSON: expected a key in double quotes")
            key = self.string(at)
            if key in mapping:
                raise _JsonProblemError(at, duplicate_key(key))
            key_lines[key] = lines.at(at)
            at = _skip(text, self.end)
            if not text.startswith(":", at):
                raise _JsonProblemError(at, "malformed JSON: expected ':' after a key")
            mapping[key] = self.value(_skip(text, at + 1), depth + 1)
            at = _skip(text, self.end)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
                continue
            if text.startswith("}", at):
                self.end = at + 1
                return mapping
            raise _JsonProblemError(at, "malformed JSON: expected ',' or '}'")

    def sequence(self, index: int, depth: int) -> LinedJsonList:
        text, lines = self.text, self.lines
        items = LinedJsonList()
        item_lines: list[int] = []
        items.item_lines = item_lines
        at = _skip(text, index + 1)
        if text.startswith("]", at):
            self.end = at + 1
            return items
        while True:
            item_lines.append(lines.at(at))
            items.append(self.value(at, depth + 1))
            at = _skip(text, self.end)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
                continue
            if text.startswith("]", at):
                self.end = at + 1
                return items
            raise _JsonProblemError(at, "malformed JSON: expected ',' or ']'")


def _reason(message: str) -> str:
    """The standard library's words for a bad string, without the position it names."""
    return message.split(":")[0].replace("starting at", "").strip().lower()


def _shown(text: str, index: int) -> str:
    word = re.match(r"[^\s,:\[\]{}\"]{1,20}", text[index:])
    return f"'{word.group() if word else text[index]}'"
