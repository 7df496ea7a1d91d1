"""Published numbers as published: a count or an area, exact or qualified ("at least 77").

A figure that a source does not give is ``None`` wherever a figure is expected: unknown, never 0.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


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

# ASCII digits only, and commas only between groups of three ("1,234,567"): "2,5" and "1,,," are
# not figures, rather than being read as 25 and 1.
_QUALIFIED = re.compile(
    r"(?:(at least|more than|about|at most)\s+)?"
    r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(?:\s*(m2|km2|ha))?"
)
MAX_COUNT = 2**53 - 1
"""The largest count kept: totals add counts as floating-point numbers, exact up to here."""
MAX_DIGITS = 400
"""No published figure has this many digits; refusing longer numbers keeps conversions quick."""

UNIT_TO_M2 = {"m2": 1.0, "ha": 10_000.0, "km2": 1_000_000.0}
UNIT_DISPLAY = {"m2": "m²", "ha": "ha", "km2": "km²"}


_FLOAT_BITS = 1024  # no float is as large as 2**1024
_SHOWN_LENGTH = 60


def _shown(raw: object) -> str:
    """A value as a message quotes it: texts in quotes, numbers bare, a very long one cut short."""
    shown = repr(raw) if isinstance(raw, str) else str(raw)
    if len(shown) > _SHOWN_LENGTH:
        return f"{shown[: _SHOWN_LENGTH - 20]}… ({len(shown):,} characters)"
    return shown


@dataclass(frozen=True, slots=True)
class _Written:
    """A figure text taken apart: its qualifier, whole digits, decimal digits and unit."""

    qualifier: Qualifier
    whole: str
    decimals: str
    unit: str | None


def _split(text: str) -> _Written:
    match = _QUALIFIED.fullmatch(text.strip())
    if match is None:
        raise FigureError(
            f"{_shown(text)} is not a figure: write a number, optionally after "
            "'at least', 'more than', 'about' or 'at most'"
        )
    whole, decimals = match.group(2).replace(",", ""), match.group(3) or ""
    if len(whole) + len(decimals) > MAX_DIGITS:
        raise FigureError(f"{_shown(text)} is not a figure: it has more than {MAX_DIGITS} digits")
    qualifier = Qualifier(match.group(1)) if match.group(1) else Qualifier.EXACT
    return _Written(qualifier, whole, decimals, match.group(4))


def _exact_float(raw: object, text: str) -> float:
    """The number ``text`` as a float, refused unless the float is exactly the number written."""
    written = Decimal(text)
    number = float(written)
    if not math.isfinite(number) or Decimal(repr(number)) != written:
        raise FigureError(
            f"{_shown(raw)} cannot be kept exactly: write at most 15 significant digits"
        )
    return number


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
            qualifier, number = Qualifier.EXACT, raw
        elif isinstance(raw, str):
            written = _split(raw)
            if written.unit is not None:
                raise FigureError(f"{_shown(raw)} is a count and takes no unit")
            if written.decimals:
                raise FigureError(f"{_shown(raw)} is not a whole number")
            qualifier, number = written.qualifier, int(written.whole)
        elif isinstance(raw, float) and math.isinf(raw):
            raise FigureError(f"{_shown(raw)} is too large: a count can be at most {MAX_COUNT:,}")
        elif isinstance(raw, float) and math.isfinite(raw) and raw == int(raw):
            raise FigureError(f"{_shown(raw)} is not written as a whole number: write its digits")
        else:
            raise FigureError(f"{_shown(raw)} is not a whole number")
        if number < 0:
            raise FigureError(f"{_shown(raw)} is negative: a count cannot be below 0")
        if number > MAX_COUNT:
            raise FigureError(
                f"{_shown(raw)} is too large: a count can be at most {MAX_COUNT:,}, "
                "so that totals stay exact"
            )
        return cls(number, qualifier)

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
        if isinstance(raw, float) and not math.isfinite(raw):
            raise FigureError(f"{_shown(raw)} is not an area: write a finite number")
        if isinstance(raw, int | float):
            if raw < 0:
                raise FigureError(f"{_shown(raw)} is negative: an area cannot be below 0")
            if isinstance(raw, int) and raw.bit_length() > _FLOAT_BITS:
                raise FigureError(f"{_shown(raw)} is too large to be an area")
            # str() of a number read from a file is the number as written there.
            qualifier, unit, number = Qualifier.EXACT, "m2", _exact_float(raw, str(raw))
        elif isinstance(raw, str):
            written = _split(raw)
            qualifier, unit = written.qualifier, written.unit or "m2"
            digits = f"{written.whole}.{written.decimals}" if written.decimals else written.whole
            number = _exact_float(raw, digits)
        else:
            raise FigureError(f"{_shown(raw)} is not an area")
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
    # The shortest text that reads back as this float is the number as written.
    number = f"{Decimal(repr(value)):,f}".removesuffix(".0")
    return f"{number} {UNIT_DISPLAY[unit]}"


def format_m2(m2: float) -> str:
    """A computed area in the unit that reads best: m² below a hectare, then ha, then km²."""
    if m2 >= 1_000_000:
        return f"{m2 / 1_000_000:,.2f} km²"
    if m2 >= 10_000:
        return f"{m2 / 10_000:,.1f} ha"
    return f"{m2:,.0f} m²"
