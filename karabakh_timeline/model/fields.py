"""Reading one record's fields, collecting a problem for each field that is wrong.

A ``FieldReader`` wraps one YAML mapping. Each accessor returns the converted value, or ``None``
after noting a problem with the file and line, so a whole file is checked in one pass and the
user sees every problem at once.
"""

from __future__ import annotations

import enum
import re
from typing import Any, TypeVar

from karabakh_timeline.model.dates import DateError, PartialDate, Period
from karabakh_timeline.model.figures import Area, Count, FigureError
from karabakh_timeline.model.problems import Problem
from karabakh_timeline.model.source_text import WrittenFloat
from karabakh_timeline.model.yaml_reader import YamlList, line_of

E = TypeVar("E", bound=enum.Enum)
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")  # used with fullmatch: "$" would allow a final "\n"
_MISSING = object()
_LONGEST_SHOWN = 60  # a longer field name is cut short in its message


class FieldReader:
    def __init__(
        self, path: str, mapping: dict[str, Any], what: str, problems: list[Problem]
    ) -> None:
        self.path = path
        self.mapping = mapping
        self.what = what
        self.problems = problems
        self._asked: set[str] = set()
        self._problem_count = len(problems)

    @property
    def ok(self) -> bool:
        """No problem was noted for this record."""
        return len(self.problems) == self._problem_count

    def problem(self, key: str | None, message: str) -> None:
        line = line_of(self.mapping, key)
        self.problems.append(Problem(self.path, line, message))

    def problem_at(self, line: int, message: str) -> None:
        """A problem on a line of its own, such as an item of a list."""
        self.problems.append(Problem(self.path, line, message))

    def ask(self, key: str) -> None:
        """Mark a field as read by a reader of its own (a nested list), so finish() allows it."""
        self._asked.add(key)

    def finish(self) -> None:
        """Note every field that no accessor asked for: a typo or a field we do not know."""
        for key in self.mapping:
            if key not in self._asked:
                shown = (
                    key if len(key) <= _LONGEST_SHOWN else f"{key[:40]}… ({len(key):,} characters)"
                )
                self.problem(key, f"unknown field '{shown}' in {self.what}")

    def _get(self, key: str, required: bool) -> Any:
        self._asked.add(key)
        value = self.mapping.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem(None, f"{self.what} is missing the field '{key}'")
            return _MISSING
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(key, f"'{key}' must be a text, not {_kind(value)}")
            return None
        if isinstance(value, float) and not isinstance(value, WrittenFloat):
            # Only the fast JSON reader gives a float without its text; "2024.10" would become
            # "2024.1". This problem sends the file to the careful reader, which keeps the text.
            self.problem(key, f"'{key}' must be a text, not {_kind(value)}")
            return None
        text = str(value).strip()
        if required and not text:
            self.problem(key, f"'{key}' is empty")
            return None
        return text

    def short_text(self, key: str, limit: int) -> str | None:
        """An optional text of at most ``limit`` characters; present, it must say something."""
        if self.mapping.get(key, _MISSING) is None:
            self._asked.add(key)
            self.problem(key, f"'{key}' is empty; give a text or leave the field out")
            return None
        text = self.text(key, required=False)
        if text is None:
            return None
        if not text:
            self.problem(key, f"'{key}' is empty; give a text or leave the field out")
            return None
        if len(text) > limit:
            self.problem(
                key, f"'{key}' is {len(text)} characters long; keep it to {limit} or fewer"
            )
            return None
        return text

    def ident(self, key: str = "id") -> str | None:
        text = self.text(key)
        if text is not None and not _ID.fullmatch(text):
            rule = "use lower-case letters and digits joined by -, _ or ."
            self.problem(key, f"'{text}' is not a valid id: {rule}")
            return None
        return text

    def ident_list(self, key: str, required: bool = False) -> tuple[str, ...] | None:
        value = self._get(key, required)
        if value is _MISSING:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(key, f"'{key}' must be a list of ids, not {_kind(value)}")
            return None
        result = []
        for item in value:
            if not isinstance(item, str) or not _ID.fullmatch(item):
                self.problem(key, f"'{key}' holds {item!r}, which is not an id")
                return None
            result.append(item)
        if required and not result:
            self.problem(key, f"'{key}' must name at least one")
            return None
        return tuple(result)

    def text_list(self, key: str) -> tuple[str, ...] | None:
        value = self._get(key, False)
        if value is _MISSING:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"'{key}' must be a list of texts")
            return None
        return tuple(v.strip() for v in value)

    def number(self, key: str, low: float, high: float) -> float | None:
        value = self._get(key, False)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(key, f"'{key}' must be a number, not {_kind(value)}")
            return None
        if not low <= value <= high:
            self.problem(key, f"'{key}' is {value}, outside {low} to {high}")
            return None
        return float(value)

    def choice(self, key: str, kind: type[E], required: bool = True) -> E | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in kind)
            self.problem(key, f"'{key}' is {value!r}; it must be one of: {allowed}")
            return None

    def partial_date(self, key: str) -> PartialDate | None:
        value = self._get(key, False)
        if value is _MISSING:
            return None
        try:
            return PartialDate.parse(str(value))
        except DateError as error:
            self.problem(key, f"impossible date: {error}")
            return None

    def period(self, key: str = "date") -> Period | None:
        value = self._get(key, True)
        if value is _MISSING:
            return None
        try:
            if isinstance(value, dict):
                unknown = [name for name in value if name not in ("start", "end")]
                if unknown:
                    names = ", ".join(f"'{name}'" for name in unknown)
                    self.problem(key, f"a date span takes only 'start' and 'end', not {names}")
                    return None
                start, end = value.get("start"), value.get("end")
                if start is None and end is None:
                    self.problem(key, "a date span needs a 'start', an 'end' or both")
                    return None
                period = Period.parse(
                    None if start is None else str(start), None if end is None else str(end)
                )
            elif isinstance(value, str | int) and not isinstance(value, bool):
                period = Period.point(PartialDate.parse(str(value)))
            else:
                self.problem(key, f"'{key}' must be a date or a {{start, end}} span")
                return None
        except DateError as error:
            self.problem(key, f"impossible date: {error}")
            return None
        first, last = period.first_day, period.last_day
        if first is not None and last is not None and last < first:
            assert period.start is not None and period.end is not None
            self.problem(
                key, f"the span ends ({period.end.iso()}) before it starts ({period.start.iso()})"
            )
            return None
        return period

    def count(self, key: str) -> Count | None:
        value = self._get(key, False)
        if value is _MISSING:
            return None
        return self._count(key, key, value)

    def _count(self, key: str, label: str, value: object) -> Count | None:
        try:
            return Count.parse(value)
        except FigureError as error:
            self.problem(key, f"'{label}': {error}")
            return None

    def figures(
        self, key: str, allowed: tuple[str, ...] | None, area: bool
    ) -> tuple[tuple[str, Any], ...] | None:
        """A mapping of named counts (or areas), in the order written."""
        value = self._get(key, False)
        if value is _MISSING:
            return ()
        if not isinstance(value, dict):
            self.problem(key, f"'{key}' must be a mapping of names to figures")
            return None
        result: list[tuple[str, Any]] = []
        for name, raw in value.items():
            if allowed is not None and name not in allowed:
                self.problem(key, f"'{key}' has '{name}'; known names: {', '.join(allowed)}")
                continue
            if raw is None:
                self.problem(key, f"'{key}.{name}' is empty: leave out a figure that is unknown")
                continue
            figure: Area | Count | None
            if area:
                try:
                    figure = Area.parse(raw)
                except FigureError as error:
                    self.problem(key, f"'{key}.{name}': {error}")
                    figure = None
            else:
                figure = self._count(key, f"{key}.{name}", raw)
            if figure is not None:
                result.append((name, figure))
        return tuple(result)


def as_records(
    path: str, value: Any, section: str, problems: list[Problem], line: int = 1
) -> list[dict[str, Any]]:
    """The mappings of a list section (``line`` is its key's); anything else is a problem.

    An empty section (``sources:`` with nothing under it) is an empty list, not a mistake.
    """
    if value is None:
        return []
    if not isinstance(value, YamlList):
        problems.append(Problem(path, line, f"'{section}' must be a list of entries"))
        return []
    records = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            records.append(item)
        else:
            problems.append(
                Problem(path, value.item_line(index), f"an entry of '{section}' must be a mapping")
            )
    return records


def _cut(name: str) -> str:
    return name if len(name) <= _LONGEST_SHOWN else f"{name[:40]}… ({len(name):,} characters)"


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)
