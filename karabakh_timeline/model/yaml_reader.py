"""Read a YAML file safely into plain Python values that remember their line numbers.

We compose the YAML into nodes and build the values ourselves, instead of letting PyYAML
construct objects: no tag can run code (``!!python/object`` is refused, not executed), an
alias bomb cannot expand (anchors and aliases are refused), and every problem can name its line.

Plain scalars are typed as JSON types them (YAML 1.2's JSON schema), not by YAML 1.1's wider
rules: ``12:30`` and ``190:20:30`` stay texts instead of becoming sexagesimal numbers, ``0x1F``,
``1_000`` and ``yes`` stay texts, and a decimal number keeps the text it was written as
(``version: 2024.10`` stays "2024.10"). So the same content means the same in YAML and JSON.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

import yaml

from karabakh_timeline.model.problems import Problem
from karabakh_timeline.model.source_text import (
    MAX_NUMBER_DIGITS,
    LineCounter,
    WrittenFloat,
    decode_text,
    number_too_long,
)

# libyaml's composer is several times faster on large files; the pure-Python one is the fallback.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT = f"{_TAG}str", f"{_TAG}int", f"{_TAG}float"
_BOOL, _NULL, _TIMESTAMP = f"{_TAG}bool", f"{_TAG}null", f"{_TAG}timestamp"
_MAP, _SEQ, _MERGE = f"{_TAG}map", f"{_TAG}seq", f"{_TAG}merge"

# The plain scalars that are not texts, in the order they are tried (YAML 1.2's JSON schema,
# with YAML's ~ for null, its .inf and .nan, and the merge key, which is refused).
_PLAIN_TYPES = (
    (re.compile(r"~|null|Null|NULL"), _NULL),
    (re.compile(r"true|True|TRUE|false|False|FALSE"), _BOOL),
    (re.compile(r"0|-?[1-9][0-9]*"), _INT),
    (
        re.compile(
            r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        ),
        _FLOAT,
    ),
    (re.compile(r"<<"), _MERGE),
)
_MAYBE_TYPED = frozenset("-0123456789tTfFnN~.<")  # the first letters of every pattern above


def _plain_tag(value: str) -> str:
    if not value:
        return _NULL  # `key:` with nothing after it
    if value[0] in _MAYBE_TYPED:
        for pattern, tag in _PLAIN_TYPES:
            if pattern.fullmatch(value):
                return tag
    return _STR


class _Loader(_BaseLoader):  # type: ignore[misc]  # PyYAML's loaders are untyped
    """The safe loader, typing plain scalars by our rules (see the module's docstring)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            return _plain_tag(value)
        return super().resolve(kind, value, implicit)


_json_loads: Callable[[bytes], Any] = json.loads
orjson: Any = None
try:  # orjson parses large JSON datasets several times faster than the standard library
    import orjson

    _json_loads = orjson.loads
except ImportError:  # orjson is a dependency, but the app works without it
    pass


class YamlMap(dict[str, Any]):
    """A mapping read from YAML; ``node`` is kept so a problem can name a key's line."""

    node: yaml.MappingNode
    lines: LineCounter

    def line(self) -> int:
        return self.lines.of_mark(self.node.start_mark)

    def key_line(self, key: str) -> int:
        for key_node, _ in self.node.value:
            if key_node.value == key:
                return self.lines.of_mark(key_node.start_mark)
        return self.line()


class YamlList(list[Any]):
    node: yaml.SequenceNode
    lines: LineCounter

    def item_line(self, index: int) -> int:
        return self.lines.of_mark(self.node.value[index].start_mark)


class YamlProblemError(Exception):
    """A node we refuse to build, with the line to blame."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


MAX_DEPTH = 50
"""Far deeper than any dataset needs; refusing more keeps a hostile file off the stack's limit."""


def read_yaml(path: str, raw: bytes) -> tuple[Any, list[Problem]]:
    """The document in ``raw`` as YamlMap/YamlList/scalars, or the problems that stop reading it."""
    text, problems = decode_text(path, raw)
    if text is None:
        return None, problems
    lines = LineCounter(text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, text, lines, error)]
    except yaml.reader.ReaderError as error:
        line = LineCounter(text, exact=True).at(error.position)
        message = f"not a text file: it holds the control character U+{error.character:04X}"
        return None, [Problem(path, line, message)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"malformed YAML: {error}")]
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        return None, [Problem(path, 1, f"nested more than {MAX_DEPTH} levels deep")]
    if root is None:
        return None, [Problem(path, 1, "the file is empty")]
    try:
        document = _Builder(lines).build(root, 0)
        anchor = _first_anchor_mark(text)
        if anchor is not None:
            raise YamlProblemError(lines.of_mark(anchor), _ALIAS_MESSAGE)
    except YamlProblemError as problem:
        line = problem.line
        if problem.message == _ALIAS_MESSAGE:
            found = _first_alias_mark(text)
            line = line if found is None else lines.of_mark(found)
        return None, [Problem(path, line, problem.message)]
    return document, []


def _syntax_problem(
    path: str, text: str, lines: LineCounter, error: yaml.MarkedYAMLError
) -> Problem:
    """A parser error in words a person editing the file can act on, at the line to look at."""
    mark = error.problem_mark or error.context_mark
    line = lines.of_mark(mark) if mark is not None else 1
    problem = error.problem or error.context or "cannot be read"
    at = lines.line_text(text, line)
    if mark is not None and "\t" in at[: mark.column + 1]:
        return Problem(path, line, "malformed YAML: a tab cannot indent YAML; use spaces")
    if problem == "but found another document":
        message = "the file holds a second YAML document ('---'); keep one document per file"
        return Problem(path, line, message)
    message = f"malformed YAML: {problem}"
    context_mark = error.context_mark
    if error.context and context_mark is not None and lines.of_mark(context_mark) != line:
        message += f" ({error.context} that starts on line {lines.of_mark(context_mark)})"
    return Problem(path, line, message)


_ALIAS_MESSAGE = "anchors and aliases (&name, *name) are not allowed"
# Where an anchor could start: "&" after a line's start, a space or a flow indicator, and before
# a name. "Search & rescue" never matches; a quoted "&x" may, and is then parsed to be sure.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")


def _first_alias_mark(text: str) -> Any:
    """The mark of the first alias, found by parsing (not composing) again on the error path."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark
    except yaml.YAMLError:
        return None
    return None


def _first_anchor_mark(text: str) -> Any:
    """The mark of the first anchor (``&name``), which is refused even if no alias uses it."""
    if _MAYBE_ANCHOR.search(text) is None:
        return None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if getattr(event, "anchor", None) is not None:
                return event.start_mark
    except yaml.YAMLError:
        return None
    return None


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def duplicate_key(key: str) -> str:
    return f"the key '{key}' appears twice"


_INFINITY = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf}


class _Builder:
    """Builds the values of one document's nodes, refusing what we do not read."""

    def __init__(self, lines: LineCounter) -> None:
        self.lines = lines
        self.seen: set[int] = set()

    def _problem(self, node: yaml.Node, message: str) -> YamlProblemError:
        return YamlProblemError(self.lines.of_mark(node.start_mark), message)

    def build(self, node: yaml.Node, depth: int) -> Any:
        # Scalars first: they are most of the nodes of any dataset.
        node_id = id(node)
        if node_id in self.seen:
            raise self._problem(node, _ALIAS_MESSAGE)
        self.seen.add(node_id)
        if depth > MAX_DEPTH:
            raise self._problem(node, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.ScalarNode):
            tag = node.tag
            if tag in (_STR, _TIMESTAMP):  # dates stay text: we parse them ourselves
                return node.value
            return self._typed(node, tag)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self._problem(node, _refused_tag(node.tag))
            mapping = YamlMap()
            mapping.node = node
            mapping.lines = self.lines
            inner = depth + 1
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise self._problem(key_node, "merge keys (<<) are not allowed")
                key = self.build(key_node, inner)
                if not isinstance(key, str):
                    raise self._problem(key_node, f"the key {key!r} is not a text")
                if key in mapping:
                    raise self._problem(key_node, duplicate_key(key))
                mapping[key] = self.build(value_node, inner)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self._problem(node, _refused_tag(node.tag))
            inner = depth + 1
            items = YamlList([self.build(item, inner) for item in node.value])
            items.node = node
            items.lines = self.lines
            return items
        raise self._problem(node, _refused_tag(node.tag))

    def _typed(self, node: yaml.ScalarNode, tag: str) -> Any:
        """A scalar typed by our rules; an explicit tag (``!!int 0x1F``) must agree with them."""
        value = node.value
        if tag not in (_INT, _FLOAT, _BOOL, _NULL):
            raise self._problem(node, _refused_tag(tag))
        typed = _plain_tag(value)
        if typed != tag and not (tag == _FLOAT and typed == _INT):
            raise self._problem(node, f"'{value}' is not a value of the tag {_tag_name(tag)}")
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value[0] in "tT"
        if typed == _INT:
            if len(value) > MAX_NUMBER_DIGITS:
                raise self._problem(node, number_too_long(len(value.lstrip("-"))))
            number = int(value)
            return WrittenFloat(value, float(number)) if tag == _FLOAT else number
        special = _INFINITY.get(value.lower())
        if special is not None:
            return WrittenFloat(value, special)
        if value.lower() == ".nan":
            return WrittenFloat(value, math.nan)
        return WrittenFloat(value, float(value))


def _refused_tag(tag: str) -> str:
    return f"the tag {_tag_name(tag)} is not allowed: tags are refused, since some run code"


class JsonMap(YamlMap):
    """A mapping read the fast JSON way: no line numbers (a problem brings a careful re-read)."""

    def line(self) -> int:
        return 0

    def key_line(self, key: str) -> int:
        return 0


class JsonList(YamlList):
    def item_line(self, index: int) -> int:
        return 0


def read_json_fast(raw: bytes) -> Any:
    """A JSON dataset file read at C speed, or ``None`` when it is not plain valid JSON.

    Anything this refuses is read again by ``json_reader.read_json``, which names the line of
    the problem. The same happens when a later check finds a problem in the file.
    """
    try:
        parsed = _json_loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(parsed, dict) or not _keys_all_kept(raw, parsed):
        return None
    if _has_minus_zero(raw):  # the fast parser makes -0 the whole number 0, which reads "0"
        return None
    document = JsonMap(parsed)
    for key, value in document.items():
        if isinstance(value, list):
            document[key] = JsonList(value)
    return document


_STRING_MAYBE_KEY = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"[ \t\n\r]*(:?)')
_SPACE_BEFORE_COLON = re.compile(rb'"[ \t\n\r]+:')
_MINUS_ZERO = re.compile(rb"-0(?![0-9.eE])")  # "-0" is mostly in dates ("2004-06"): quick


def _has_minus_zero(raw: bytes) -> bool:
    """Whether ``raw`` may hold the number -0 (a "-0" after ':', '[' or ','; perhaps in a text)."""
    for match in _MINUS_ZERO.finditer(raw):
        start = match.start()
        if raw[max(0, start - 64) : start].rstrip()[-1:] in (b":", b"[", b","):
            return True
    return False


def _keys_all_kept(raw: bytes, parsed: Any) -> bool:
    """Whether the fast parser kept every key: it keeps only the last of a key written twice.

    Usually the keys of ``raw`` (each a string ending right before a colon) and of ``parsed``
    written out compactly can simply be counted: any ``":`` inside a string is there in both,
    unless the text spells a quote or colon as a \\u escape or leaves space before a colon, in
    which case each string of ``raw`` is matched instead.
    """
    if orjson is not None and b"\\u00" not in raw and not _SPACE_BEFORE_COLON.search(raw):
        compact: bytes = orjson.dumps(parsed)
        return raw.count(b'":') == compact.count(b'":')
    written = _STRING_MAYBE_KEY.findall(raw).count(b":")
    return written == _key_count(parsed)


def _key_count(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(_key_count(item) for item in value.values())
    if isinstance(value, list):
        return sum(_key_count(item) for item in value)
    return 0


def line_of(mapping: dict[str, Any], key: str | None = None) -> int:
    """The line of a key (or of the mapping); 0 where the fast JSON path kept no lines."""
    if not isinstance(mapping, YamlMap):
        return 0
    return mapping.key_line(key) if key else mapping.line()
