"""Published numbers as published: a count or an area, exact or qualified ("at least 77").

A figure that a source does not give is ``None`` wherever a figure is expected: unknown, never 0.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass


class FigureError(ValueError):
    """A figure text we cannot read."""


class Qualifier(enum.Enum):
    EXACT = "exact"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    ABOUT = "about"
    AT_MOST = "at most"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]


_SYMBOLS = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.MORE_THAN: "> ",
    Qualifier.ABOUT: "~",
    Qualifier.AT_MOST: "≤ ",
}

_QUALIFIED = re.compile(
    r"^(?:(at least|more than|about|at most)\s+)?([0-9][0-9,]*(?:\.[0-9]+)?)(?:\s*(m2|km2|ha))?$"
)

UNIT_TO_M2 = {"m2": 1.0, "ha": 10_000.0, "km2": 1_000_000.0}
UNIT_DISPLAY = {"m2": "m²", "ha": "ha", "km2": "km²"}


def _shown(raw: object) -> str:
    """A value as a message quotes it: texts in quotes, numbers bare."""
    return repr(raw) if isinstance(raw, str) else str(raw)


def _split(text: str) -> tuple[Qualifier, float, str | None]:
    match = _QUALIFIED.match(text.strip())
    if match is None:
        raise FigureError(
            f"'{text}' is not a figure: write a number, optionally after "
            "'at least', 'more than', 'about' or 'at most'"
        )
    qualifier = Qualifier(match.group(1)) if match.group(1) else Qualifier.EXACT
    return qualifier, float(match.group(2).replace(",", "")), match.group(3)


def combine_qualifiers(qualifiers: Iterable[Qualifier]) -> Qualifier:
    """The qualifier of a sum: exact only when every part is exact."""
    kinds = set(qualifiers) - {Qualifier.EXACT}
    if not kinds:
        return Qualifier.EXACT
    if kinds <= {Qualifier.AT_LEAST, Qualifier.MORE_THAN}:
        return Qualifier.AT_LEAST
    return Qualifier.ABOUT


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people, items or incidents."""

    value: int
    qualifier: Qualifier = Qualifier.EXACT

    @classmethod
    def parse(cls, raw: object) -> Count:
        if isinstance(raw, bool):
            raise FigureError(f"{str(raw).lower()} is not a number")
        if isinstance(raw, int):
            qualifier, number = Qualifier.EXACT, float(raw)
        elif isinstance(raw, str):
            qualifier, number, unit = _split(raw)
            if unit is not None:
                raise FigureError(f"{_shown(raw)} is a count and takes no unit")
        else:
            raise FigureError(f"{_shown(raw)} is not a whole number")
        if number < 0:
            raise FigureError(f"{_shown(raw)} is negative: a count cannot be below 0")
        if number != int(number):
            raise FigureError(f"{_shown(raw)} is not a whole number")
        return cls(int(number), qualifier)

    def display(self) -> str:
        return f"{self.qualifier.symbol}{self.value:,}"

    def to_json(self) -> dict[str, object]:
        return {"value": self.value, "qualifier": self.qualifier.value, "display": self.display()}


@dataclass(frozen=True, slots=True)
class Area:
    """A land area, kept in the unit it was published in and comparable in square metres."""

    published: float
    unit: str
    qualifier: Qualifier = Qualifier.EXACT

    @classmethod
    def parse(cls, raw: object) -> Area:
        """``12345`` is m²; ``"3.6 km2"``, ``"41915 ha"``, ``"about 95000 ha"`` keep their unit."""
        if isinstance(raw, bool):
            raise FigureError(f"{str(raw).lower()} is not an area")
        if isinstance(raw, int | float):
            qualifier, number, unit = Qualifier.EXACT, float(raw), "m2"
        elif isinstance(raw, str):
            qualifier, number, maybe_unit = _split(raw)
            unit = maybe_unit or "m2"
        else:
            raise FigureError(f"{_shown(raw)} is not an area")
        if not math.isfinite(number):
            raise FigureError(f"{_shown(raw)} is not an area: write a finite number")
        if number < 0:
            raise FigureError(f"{_shown(raw)} is negative: an area cannot be below 0")
        return cls(number, unit, qualifier)

    @property
    def m2(self) -> float:
        return self.published * UNIT_TO_M2[self.unit]

    def display(self) -> str:
        return f"{self.qualifier.symbol}{format_area_value(self.published, self.unit)}"

    def to_json(self) -> dict[str, object]:
        return {
            "m2": self.m2,
            "published": self.published,
            "unit": self.unit,
            "qualifier": self.qualifier.value,
            "display": self.display(),
        }


def format_area_value(value: float, unit: str) -> str:
    # As published: "3.6 km²", "0.004 ha"; never a rounded "0." or a padded "3.60".
    number = f"{value:,.0f}" if value == int(value) else f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{number} {UNIT_DISPLAY[unit]}"


def format_m2(m2: float) -> str:
    """A computed area in the unit that reads best: m² below a hectare, then ha, then km²."""
    if m2 >= 1_000_000:
        return f"{m2 / 1_000_000:,.2f} km²"
    if m2 >= 10_000:
        return f"{m2 / 10_000:,.1f} ha"
    return f"{m2:,.0f} m²"
