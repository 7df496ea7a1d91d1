"""Read a YAML file safely into plain Python values that remember their line numbers.

We compose the YAML into nodes and build the values ourselves, instead of letting PyYAML
construct objects: no tag can run code (``!!python/object`` is refused, not executed), an
alias bomb cannot expand (aliases are refused), and every problem can name its line.
"""

from __future__ import annotations

from typing import Any

import yaml

from karabakh_timeline.model.problems import Problem

# libyaml's composer is several times faster on large files; the pure-Python one is the fallback.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


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

    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    def item_line(self, index: int) -> int:
        return int(self.node.value[index].start_mark.line) + 1


class YamlProblemError(Exception):
    """A node we refuse to build, with the line to blame."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(path: str, raw: bytes) -> tuple[Any, list[Problem]]:
    """The document in ``raw`` as YamlMap/YamlList/scalars, or the problems that stop reading it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        return None, [Problem(path, line, f"not UTF-8 text (byte 0x{byte} cannot be read)")]
    if not text.strip():
        return None, [Problem(path, 1, "the file is empty")]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        return None, [Problem(path, line, f"malformed YAML: {error.problem or error.context}")]
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        return None, [Problem(path, line, f"not a text file: character #x{error.character:04x}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"malformed YAML: {error}")]
    if root is None:
        return None, [Problem(path, 1, "the file is empty")]
    try:
        return _build(root, set()), []
    except YamlProblemError as problem:
        return None, [Problem(path, problem.line, problem.message)]


def _build(node: yaml.Node, seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise YamlProblemError(line, "anchors and aliases (&name, *name) are not allowed")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag != f"{_TAG}map":
            raise YamlProblemError(line, f"the tag {node.tag} is not allowed")
        mapping = YamlMap()
        mapping.node = node
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == f"{_TAG}merge":
                raise YamlProblemError(key_line, "merge keys (<<) are not allowed")
            key = _build(key_node, seen)
            if not isinstance(key, str):
                raise YamlProblemError(key_line, f"the key {key!r} is not a text")
            if key in mapping:
                raise YamlProblemError(key_line, f"the key '{key}' appears twice")
            mapping[key] = _build(value_node, seen)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        if node.tag != f"{_TAG}seq":
            raise YamlProblemError(line, f"the tag {node.tag} is not allowed")
        items = YamlList(_build(item, seen) for item in node.value)
        items.node = node
        return items
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _SCALAR_TAGS:
        raise YamlProblemError(line, f"the tag {node.tag} is not allowed")
    if node.tag in (f"{_TAG}str", f"{_TAG}timestamp"):
        # Dates stay text: we parse them ourselves, keeping their precision.
        return node.value
    if node.tag == f"{_TAG}int":
        return _CONSTRUCTOR.construct_yaml_int(node)
    if node.tag == f"{_TAG}float":
        return _CONSTRUCTOR.construct_yaml_float(node)
    if node.tag == f"{_TAG}bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    return None
