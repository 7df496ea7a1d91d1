"""Problems found while loading a dataset, each pointing at a file and a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whatever a file holds, a problem is one line: line breaks (\n, \r, NEL, U+2028, U+2029), other
# control characters and the marks that reorder text on screen (U+202A–U+202E, U+2066–U+2069)
# echoed from a file or a file name are written as escapes, so no value can forge a line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with every character that could break or disguise a line written as an escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return (
        repr(match.group())[1:-1] if match.group() in "\n\r\t" else f"\\u{ord(match.group()):04x}"
    )


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        # The path stays as given (it names the file to open); only its text here is escaped.
        if self.line is None:
            return f"{one_line(self.path)}: {self.message}"
        return f"{one_line(self.path)}:{self.line}: {self.message}"


class DatasetError(Exception):
    """A dataset that could not be loaded; ``problems`` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
