"""Where each era's name goes in the era strip: inside its band, or beside it in a second row.

A name is written in its band when the band has room for it, or else for its ``short_name``.
The names of bands too narrow for either (a six-week war on a 33-year axis) go into a second row
under the bands, by their short name where they have one, each as near its band as the others
allow and with a leader line up to it: packed in the bands' order, so leaders never cross.
Names are never cut short; the tooltip gives the whole name. No Qt here: the
widths come from a measuring function.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

PADDING = 5.0  # px each side of a name in its band
GAP = 12.0  # px between two names in the second row


@dataclass(frozen=True, slots=True)
class EraBand:
    """An era's band as drawn: its left and right edge in px (clipped to the view)."""

    name: str
    short_name: str | None
    left: float
    right: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True, slots=True)
class NamePlace:
    """A name placed: which era (its index in the bands given), the text, its left edge in px,
    its width, and whether it is in the band (row 0) or beside it (row 1)."""

    era: int
    text: str
    left: float
    width: float
    row: int


def lay_out(
    bands: Sequence[EraBand | None], width: float, measure: Callable[[str], float]
) -> list[NamePlace]:
    """Places for the names of the bands in view (None: out of view), within ``width`` px."""
    placed: list[NamePlace] = []
    beside: list[int] = []
    for number, band in enumerate(bands):
        if band is None:
            continue
        room = band.right - band.left - 2 * PADDING
        text = _fitting(band, room, measure)
        if text is None:
            beside.append(number)
        else:
            placed.append(NamePlace(number, text, band.left + PADDING, measure(text), 0))
    placed.extend(_second_row(bands, beside, width, measure))
    return placed


def needs_second_row(bands: Sequence[EraBand | None], measure: Callable[[str], float]) -> bool:
    """Whether some band in view has no room for its name nor its short name."""
    return any(
        band is not None and _fitting(band, band.right - band.left - 2 * PADDING, measure) is None
        for band in bands
    )


def _fitting(band: EraBand, room: float, measure: Callable[[str], float]) -> str | None:
    for text in (band.name, band.short_name):
        if text and measure(text) <= room:
            return text
    return None


def _second_row(
    bands: Sequence[EraBand | None],
    numbers: list[int],
    width: float,
    measure: Callable[[str], float],
) -> list[NamePlace]:
    order = sorted(numbers, key=lambda n: _band(bands, n).centre)
    # Beside their bands, short names keep the row compact and each name near its band.
    texts = {n: _band(bands, n).short_name or _band(bands, n).name for n in order}

    def needed() -> float:
        return sum(measure(texts[n]) for n in order) + GAP * max(len(order) - 1, 0)

    # If even those do not fit, the names of the narrowest bands go (their tooltips still
    # name them).
    while order and needed() > width:
        narrowest = min(order, key=lambda n: _band(bands, n).right - _band(bands, n).left)
        order.remove(narrowest)
    widths = [measure(texts[n]) for n in order]
    wanted = [_band(bands, n).centre - w / 2 for n, w in zip(order, widths, strict=True)]
    lefts = _pack(wanted, widths, width)
    return [
        NamePlace(n, texts[n], left, w, 1) for n, left, w in zip(order, lefts, widths, strict=True)
    ]


def _band(bands: Sequence[EraBand | None], number: int) -> EraBand:
    band = bands[number]
    assert band is not None
    return band


def _pack(wanted: list[float], widths: list[float], width: float) -> list[float]:
    """Lefts as near ``wanted`` as they can be, in order, GAP apart, within [0, width].

    Names that would overlap are merged into a block centred on where its names want to be
    (the least squares place), and blocks merge again until none overlap.
    """
    blocks: list[list[int]] = []  # runs of consecutive names laid end to end
    starts: list[float] = []

    def span(block: list[int]) -> float:
        return sum(widths[n] for n in block) + GAP * (len(block) - 1)

    def best_start(block: list[int]) -> float:
        offset, total = 0.0, 0.0
        for n in block:
            total += wanted[n] - offset
            offset += widths[n] + GAP
        start = total / len(block)
        return min(max(start, 0.0), max(width - span(block), 0.0))

    for n in range(len(wanted)):
        blocks.append([n])
        starts.append(best_start([n]))
        while len(blocks) > 1 and starts[-2] + span(blocks[-2]) + GAP > starts[-1]:
            last = blocks.pop()
            starts.pop()
            blocks[-1].extend(last)
            starts[-1] = best_start(blocks[-1])
    lefts: list[float] = []
    for block, start in zip(blocks, starts, strict=True):
        for n in block:
            lefts.append(start)
            start += widths[n] + GAP
    return lefts
