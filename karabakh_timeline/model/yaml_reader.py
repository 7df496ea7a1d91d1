"""Read a YAML file safely into plain Python values that remember their line numbers.

We compose the YAML into nodes and build the values ourselves, instead of letting PyYAML
construct objects: no tag can run code (``!!python/object`` is refused, not executed), an
alias bomb cannot expand (aliases are refused), and every problem can name its line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yaml

from karabakh_timeline.model.problems import Problem

# libyaml's composer is several times faster on large files; the pure-Python one is the fallback.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]  # PyYAML's loaders are untyped
    """The safe loader, quicker at telling that a plain scalar is a text.

    PyYAML tries its patterns for numbers, booleans, nulls and dates on every plain scalar whose
    first letter one of them can start with; a title starting with any other letter is a text
    without trying any. That saves a Python call and a dictionary look-up per scalar, a tenth
    of the time a large YAML dataset takes.
    """

    _maybe_typed = frozenset(key for key in _BaseLoader.yaml_implicit_resolvers if key)
    _fast = None not in _BaseLoader.yaml_implicit_resolvers and not _BaseLoader.yaml_path_resolvers

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if (
            self._fast
            and kind is yaml.ScalarNode
            and implicit[0]
            and value
            and value[0] not in self._maybe_typed
        ):
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

_json_loads: Callable[[bytes], Any] = json.loads
try:  # orjson parses large JSON datasets several times faster than the standard library
    import orjson

    _json_loads = orjson.loads
except ImportError:  # orjson is a dependency, but the app works without it
    pass


class YamlMap(dict[str, Any]):
    """A mapping read from YAML; ``node`` is kept so a problem can name a key's line."""

    node: yaml.MappingNode

    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    def key_line(self, key: str) -> int:
        for key_node, _ in self.node.value:
            if key_node.value == key:
                return int(key_node.start_mark.line) + 1
        return self.line()


class YamlList(list[Any]):
    node: yaml.SequenceNode

    def item_line(self, index: int) -> int:
        return int(self.node.value[index].start_mark.line) + 1


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
    if b"\0" in raw:
        # Text never holds NUL bytes; images, archives and UTF-16 files do.
        return None, [Problem(path, 1, "binary data, not a UTF-8 text file (it holds NUL bytes)")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        message = f"not UTF-8 text (byte 0x{byte} cannot be read): save the file as UTF-8"
        return None, [Problem(path, line, message)]
    if not text.strip():
        return None, [Problem(path, 1, "the file is empty")]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, text, error)]
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        message = f"not a text file: it holds the control character U+{error.character:04X}"
        return None, [Problem(path, line, message)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"malformed YAML: {error}")]
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        return None, [Problem(path, 1, f"nested more than {MAX_DEPTH} levels deep")]
    if root is None:
        return None, [Problem(path, 1, "the file is empty")]
    try:
        return _build(root, set(), 0), []
    except YamlProblemError as problem:
        line = problem.line
        if problem.message == _ALIAS_MESSAGE:
            line = _first_alias_line(text) or line
        return None, [Problem(path, line, problem.message)]


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A parser error in words a person editing the file can act on, at the line to look at."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = error.problem or error.context or "cannot be read"
    lines = text.splitlines()
    at = lines[line - 1] if 0 < line <= len(lines) else ""
    if mark is not None and "\t" in at[: mark.column + 1]:
        return Problem(path, line, "malformed YAML: a tab cannot indent YAML; use spaces")
    if problem == "but found another document":
        message = "the file holds a second YAML document ('---'); keep one document per file"
        return Problem(path, line, message)
    message = f"malformed YAML: {problem}"
    context_mark = error.context_mark
    if error.context and context_mark is not None and context_mark.line + 1 != line:
        message += f" ({error.context} that starts on line {context_mark.line + 1})"
    return Problem(path, line, message)


_ALIAS_MESSAGE = "anchors and aliases (&name, *name) are not allowed"


def _first_alias_line(text: str) -> int | None:
    """The line of the first alias, found by parsing (not composing) again on the error path."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return int(event.start_mark.line) + 1
    except yaml.YAMLError:
        return None
    return None


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


_MAP, _SEQ, _MERGE = f"{_TAG}map", f"{_TAG}seq", f"{_TAG}merge"
_TEXT_TAGS = {f"{_TAG}str", f"{_TAG}timestamp"}  # dates stay text: we parse them ourselves
_INT, _FLOAT, _BOOL = f"{_TAG}int", f"{_TAG}float", f"{_TAG}bool"


def _build(node: yaml.Node, seen: set[int], depth: int) -> Any:
    # Scalars first: they are most of the nodes of any dataset.
    node_id = id(node)
    if node_id in seen:
        raise YamlProblemError(node.start_mark.line + 1, _ALIAS_MESSAGE)
    seen.add(node_id)
    if depth > MAX_DEPTH:
        raise YamlProblemError(
            node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep"
        )
    if isinstance(node, yaml.ScalarNode):
        tag = node.tag
        if tag in _TEXT_TAGS:
            return node.value
        if tag == _INT:
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == _FLOAT:
            return _CONSTRUCTOR.construct_yaml_float(node)
        if tag == _BOOL:
            return _CONSTRUCTOR.construct_yaml_bool(node)
        if tag not in _SCALAR_TAGS:
            raise YamlProblemError(node.start_mark.line + 1, _refused_tag(tag))
        return None
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise YamlProblemError(node.start_mark.line + 1, _refused_tag(node.tag))
        mapping = YamlMap()
        mapping.node = node
        inner = depth + 1
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise YamlProblemError(
                    key_node.start_mark.line + 1, "merge keys (<<) are not allowed"
                )
            key = _build(key_node, seen, inner)
            if not isinstance(key, str):
                line = key_node.start_mark.line + 1
                raise YamlProblemError(line, f"the key {key!r} is not a text")
            if key in mapping:
                line = key_node.start_mark.line + 1
                raise YamlProblemError(line, f"the key '{key}' appears twice")
            mapping[key] = _build(value_node, seen, inner)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise YamlProblemError(node.start_mark.line + 1, _refused_tag(node.tag))
        inner = depth + 1
        items = YamlList([_build(item, seen, inner) for item in node.value])
        items.node = node
        return items
    raise YamlProblemError(node.start_mark.line + 1, _refused_tag(node.tag))


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

    JSON is YAML too, so anything this refuses is read again by ``read_yaml``, which names the
    line of the problem. The same happens when a later check finds a problem in the file.
    """
    try:
        parsed = _json_loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(parsed, dict):
        return None
    document = JsonMap(parsed)
    for key, value in document.items():
        if isinstance(value, list):
            document[key] = JsonList(value)
    return document


def line_of(mapping: dict[str, Any], key: str | None = None) -> int:
    """The line of a key (or of the mapping); 0 where the fast JSON path kept no lines."""
    if not isinstance(mapping, YamlMap):
        return 0
    return mapping.key_line(key) if key else mapping.line()
