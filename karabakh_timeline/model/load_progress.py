"""Telling a caller how far loading a dataset has come, and letting it stop the load.

``check_dataset`` and ``load_dataset`` take an optional ``progress(done, total)`` callback. It is
called from the loading thread, at most about a thousand times a load: when a file has been read
and parsed, every few thousand records, and before the records are put in order. It returns True
to go on, False to stop: the load then raises ``LoadCancelled`` and nothing is kept.

``total`` stays the same during one load; ``done`` only grows. The work is counted by the size
of each file: parsing a file is a quarter of its share, reading its records the rest, and the
last few steps go to checking references and sorting. A dataset with problems is read a second
time, carefully, to name their lines; that reading counts from 0 again.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]
"""``progress(done, total)``: True to go on, False to stop loading."""

STEPS = 1000
PARSE_SHARE = 0.25  # of a file's work: reading and parsing its text
FINISH_SHARE = 0.05  # of the whole load: cross-references and putting records in time order
RECORDS_BETWEEN_CALLS = 2048


class LoadCancelled(Exception):  # noqa: N818  (a stop someone asked for, not an error)
    """The progress callback asked to stop loading the dataset."""


class ProgressTracker:
    """Turns 'this file is parsed' and 'so many of its records are read' into steps of a total."""

    def __init__(self, progress: Progress, file_sizes: list[int]) -> None:
        self._progress = progress
        everything = sum(file_sizes) or 1
        room = STEPS * (1 - FINISH_SHARE)
        self._shares = [room * size / everything for size in file_sizes]
        self._before = 0.0  # steps taken by the files already read
        self._file = 0
        self._done = -1

    def _report(self, steps: float) -> None:
        done = min(STEPS, int(steps))
        if done <= self._done:
            return
        self._done = done
        if not self._progress(done, STEPS):
            raise LoadCancelled

    def start(self) -> None:
        self._report(0)

    def begin_file(self, index: int) -> None:
        """File ``index`` (in reading order) is read next."""
        self._before = sum(self._shares[:index])
        self._file = index

    def file_parsed(self) -> None:
        self._report(self._before + self._shares[self._file] * PARSE_SHARE)

    def records_read(self, done: int, of: int) -> None:
        """``done`` of the ``of`` records of the current file have been read."""
        share = self._shares[self._file]
        self._report(self._before + share * (PARSE_SHARE + (1 - PARSE_SHARE) * done / max(of, 1)))

    def finishing(self) -> None:
        """Every file is read; references and time order are being checked."""
        self._report(STEPS * (1 - FINISH_SHARE))

    def finished(self) -> None:
        self._report(STEPS)
