"""Who held a place, from when to when, as the sources give it. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass

from karabakh_timeline.model.dates import Period


@dataclass(frozen=True, slots=True)
class ControlPeriod:
    """``holder`` controlled the place during ``date`` (an open end: still, or not known)."""

    holder: str
    date: Period
    sources: tuple[str, ...]
    note: str = ""

    def display(self) -> str:
        """'Azerbaijan, 1 Dec 2020 – …' as a line of the place's details."""
        return f"{self.holder}, {self.date.display()}"

    def to_json(self) -> dict[str, object]:
        return {
            "holder": self.holder,
            "date": self.date.to_json(),
            "sources": list(self.sources),
            "note": self.note,
        }
