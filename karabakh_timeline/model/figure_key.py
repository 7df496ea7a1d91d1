"""The name of one figure of a record, as a typed key: what kind of figure and which one.

Totals, estimates, panels, charts and exports name figures by a short text that is also what
the JSON output and the data files write: ``killed``, ``area:manual``, ``items:uxo``,
``release:mines:cleared``, ``remaining:mines:confirmed``, ``land_use:agriculture`` or a free
name a source gives (``incidents``). This module is the one place that text is made and read:
everywhere else builds a ``FigureKey`` and asks it, instead of splitting strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from karabakh_timeline.model.records import CASUALTY_SPLITS


class FigureKind(Enum):
    """What a figure counts; the value is the prefix its text starts with."""

    CASUALTIES = ""  # killed, injured, total and the splits: no prefix
    AREA = "area"  # land cleared or surveyed, by technique
    ITEMS = "items"  # explosive items destroyed, by type
    RELEASE = "release"  # land released, per hazard and way of release
    REMAINING = "remaining"  # contamination left, per hazard and status
    LAND_USE = "land_use"  # what cleared land is used for
    OTHER = "other"  # a free name a source gives, written as it is: 'incidents', 'pledge_usd'


CASUALTY_NAMES = frozenset({"killed", "injured", "total", *CASUALTY_SPLITS})
_AREA_KINDS = frozenset({FigureKind.AREA, FigureKind.RELEASE, FigureKind.REMAINING})
_BY_PREFIX = {
    kind.value: kind for kind in FigureKind if kind not in (FigureKind.CASUALTIES, FigureKind.OTHER)
}
_HAZARD_KINDS = frozenset({FigureKind.RELEASE, FigureKind.REMAINING})


@dataclass(frozen=True, slots=True)
class FigureKey:
    """One figure's name: its kind, which one (a method, type, status or plain name) and, for
    land released or remaining, the hazard."""

    kind: FigureKind
    name: str = ""  # '' for a whole kind: 'area', 'items'
    hazard: str = ""

    @classmethod
    def parse(cls, text: str) -> FigureKey:
        """The key a figure's text names: 'area:manual' -> (AREA, 'manual'); every text reads
        back as itself (``FigureKey.parse(text).text == text``)."""
        prefix, colon, rest = text.partition(":")
        kind = _BY_PREFIX.get(prefix)
        if kind is None or (colon and not rest):
            plain = FigureKind.CASUALTIES if text in CASUALTY_NAMES else FigureKind.OTHER
            return cls(plain, text)
        if kind in _HAZARD_KINDS:
            hazard, colon, what = rest.partition(":")
            if hazard and what:
                return cls(kind, what, hazard)
            if colon:  # 'release:mines:' and 'release::cleared' name no figure
                return cls(FigureKind.OTHER, text)
        return cls(kind, rest)

    @classmethod
    def casualties(cls, name: str) -> FigureKey:
        return cls(FigureKind.CASUALTIES, name)

    @classmethod
    def area(cls, method: str) -> FigureKey:
        return cls(FigureKind.AREA, method)

    @classmethod
    def items(cls, kind: str) -> FigureKey:
        return cls(FigureKind.ITEMS, kind)

    @classmethod
    def release(cls, hazard: str, method: str) -> FigureKey:
        return cls(FigureKind.RELEASE, method, hazard)

    @classmethod
    def remaining(cls, hazard: str, status: str) -> FigureKey:
        return cls(FigureKind.REMAINING, status, hazard)

    @classmethod
    def land_use(cls, use: str) -> FigureKey:
        return cls(FigureKind.LAND_USE, use)

    @property
    def text(self) -> str:
        """The figure's name as written: 'area:manual', 'release:mines:cleared', 'killed'."""
        if self.kind in (FigureKind.CASUALTIES, FigureKind.OTHER):
            return self.name
        parts = [self.kind.value, self.hazard, self.name]
        return ":".join(part for part in parts if part)

    def __str__(self) -> str:
        return self.text

    @property
    def is_area(self) -> bool:
        """Whether the figure is an area (m²) that totals add: land cleared, released, left."""
        return self.kind in _AREA_KINDS

    @property
    def is_land(self) -> bool:
        """Whether the figure is about land: its area, release, what is left or its use."""
        return self.is_area or self.kind is FigureKind.LAND_USE
