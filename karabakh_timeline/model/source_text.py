"""What the YAML and the JSON reader share: decoding a file's bytes, line numbers as an editor
shows them, and numbers that remember how they were written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from karabakh_timeline.model.problems import Problem

MAX_NUMBER_DIGITS = 4300
"""Python refuses to read longer whole numbers (``sys.get_int_max_str_digits``); no figure is."""

_BREAK = re.compile(r"\r\n?|\n")
_BYTE_BREAK = re.compile(rb"\r\n?|\n")
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")  # YAML parsers end lines here too; editors do not


def decode_text(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text, or the one problem that stops it being read as UTF-8 text."""
    if b"\0" in raw:
        # Text never holds NUL bytes; images, archives and UTF-16 files do.
        return None, [Problem(path, 1, "binary data, not a UTF-8 text file (it holds NUL bytes)")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = len(_BYTE_BREAK.findall(raw, 0, error.start)) + 1
        byte = raw[error.start : error.start + 1].hex()
        message = f"not UTF-8 text (byte 0x{byte} cannot be read): save the file as UTF-8"
        return None, [Problem(path, line, message)]
    if not text.strip():
        return None, [Problem(path, 1, "the file is empty")]
    return text, []


class LineCounter:
    """Line numbers as the editor a person opens shows them: only ``\\n``, ``\\r\\n`` and a lone
    ``\\r`` end a line.

    YAML parsers also end lines at NEL, U+2028 and U+2029; in a text without those (nearly every
    file) their own line numbers are right, and no table of line starts is made.
    """

    def __init__(self, text: str, exact: bool = False) -> None:
        self._text = text
        self._starts: list[int] | None = None
        if exact or any(mark in text for mark in _OTHER_BREAKS):
            self._starts = [0, *(match.end() for match in _BREAK.finditer(text))]
        self._last: int | None = None

    def at(self, index: int) -> int:
        """The line (from 1) of the character at ``index``; the end of the text is on the last."""
        if self._starts is None:
            raise ValueError("made without exact=True: ask of_mark for a parser's mark")
        return min(bisect_right(self._starts, index), self.last_line())

    def of_mark(self, mark: Any) -> int:
        """The line of a YAML parser's mark (whose ``line`` counts NEL and the like as breaks)."""
        if self._starts is None:
            return min(int(mark.line) + 1, self.last_line())
        return self.at(int(mark.index))

    def last_line(self) -> int:
        """The number of the last line an editor shows: a final line break starts none."""
        if self._last is None:
            text = self._text
            breaks = len(_BREAK.findall(text))
            self._last = max(1, breaks if text.endswith(("\n", "\r")) else breaks + 1)
        return self._last

    def line_text(self, text: str, line: int) -> str:
        """The text of ``line`` (from 1), without its line break."""
        lines = _BREAK.split(text)
        return lines[line - 1] if 0 < line <= len(lines) else ""


class WrittenFloat(float):
    """A decimal number read from a file that keeps the text it was written as.

    ``version: 2024.10`` must stay "2024.10" where a text is wanted, and a message quotes the
    number as written (``4e1``, not ``40.0``).
    """

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str, value: float) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def number_too_long(digits: int) -> str:
    return f"a number of {digits:,} digits is too long to be read"
