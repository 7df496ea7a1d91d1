"""Where the map's names go: inside the view, off every marker and off each other.

The Map dock and the exported map both lay their names out here, in pixels (y down), so the
window and the picture follow one rule:

- a country's or the sea's name (``area_labels``) is centred on its point, pulled inside the
  view where it would be cut at an edge, and moved a little where it would lie under a marker;
  a name whose point is outside the view by more than the name's height is left out (its
  country is then mostly out of view too);
- a place's name (``place_labels``), in the order given (the most important first), goes beside
  its marker: right, left, above, below, then the corners; the first spot inside the view that
  covers no marker and no name already placed wins. A name with no such spot is left out: the
  place's hover text names it.

Pure geometry, no Qt: the callers measure the text and draw it. The markers are numpy arrays:
a map of a thousand places tries a few hundred spots each time the period changes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

GAP = 2.0  # px between a marker's edge and its name
CLEAR = 1.0  # px kept free around a marker


@dataclass(frozen=True, slots=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def intersects(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, other: Box) -> bool:
        return (
            self.left >= other.left
            and self.top >= other.top
            and self.right <= other.right
            and self.bottom <= other.bottom
        )

    def contains_point(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def pulled_inside(self, view: Box) -> Box:
        """The same box moved (not shrunk) so that it lies inside ``view`` where it fits."""
        left = min(max(self.left, view.left), view.right - self.width)
        top = min(max(self.top, view.top), view.bottom - self.height)
        return Box(max(left, view.left), max(top, view.top), self.width, self.height)


@dataclass(frozen=True, slots=True)
class Marker:
    """A drawn marker as a circle: its centre and its radius, in pixels."""

    x: float
    y: float
    radius: float


@dataclass(frozen=True, slots=True)
class Label:
    """A name to place: its key, the point it names, the radius of the marker drawn there
    (0 for a country or the sea) and the size of its text, in pixels."""

    key: str
    x: float
    y: float
    radius: float
    width: float
    height: float


class Markers:
    """The drawn markers as arrays of centres and radii, in pixels: a name asks only the few
    near it, all at once."""

    def __init__(self, xs: ArrayLike, ys: ArrayLike, radii: ArrayLike) -> None:
        self.xs = np.asarray(xs, dtype=float)
        self.ys = np.asarray(ys, dtype=float)
        self.radii = np.asarray(radii, dtype=float)

    @classmethod
    def of(cls, markers: Iterable[Marker]) -> Markers:
        listed = list(markers)
        return cls([m.x for m in listed], [m.y for m in listed], [m.radius for m in listed])

    def covered(self, spots: Sequence[Box]) -> list[bool]:
        """For each spot, whether a marker, or the ``CLEAR`` pixels around it, reaches into
        it; the spots of one name are asked at once, of the markers near them only."""
        around = _around(spots)
        reach = self.radii + CLEAR
        near = np.flatnonzero(
            (self.xs + reach > around.left)
            & (self.xs - reach < around.right)
            & (self.ys + reach > around.top)
            & (self.ys - reach < around.bottom)
        )
        if not near.size:
            return [False] * len(spots)
        xs, ys, reach = self.xs[near], self.ys[near], reach[near]
        left = np.array([[spot.left] for spot in spots])
        right = np.array([[spot.right] for spot in spots])
        top = np.array([[spot.top] for spot in spots])
        bottom = np.array([[spot.bottom] for spot in spots])
        dx = np.clip(xs, left, right) - xs  # one row per spot, one column per marker
        dy = np.clip(ys, top, bottom) - ys
        hit = (dx * dx + dy * dy < reach * reach).any(axis=1)
        return [bool(h) for h in hit]


def _around(spots: Sequence[Box]) -> Box:
    """The smallest box holding every spot."""
    left, top = min(s.left for s in spots), min(s.top for s in spots)
    right, bottom = max(s.right for s in spots), max(s.bottom for s in spots)
    return Box(left, top, right - left, bottom - top)


def area_labels(view: Box, markers: Markers, labels: Sequence[Label]) -> dict[str, Box]:
    """Where the countries' and the sea's names go (see the module's note)."""
    placed: dict[str, Box] = {}
    for label in labels:
        w, h = label.width, label.height
        near_view = Box(view.left - h, view.top - h, view.width + 2 * h, view.height + 2 * h)
        if not near_view.contains_point(label.x, label.y):
            continue
        centred = Box(label.x - w / 2, label.y - h / 2, w, h)
        steps = ((0, 0), (0, -h), (0, h), (-w / 2, 0), (w / 2, 0), (0, -2 * h), (0, 2 * h))
        spots = [
            Box(centred.left + dx, centred.top + dy, w, h).pulled_inside(view) for dx, dy in steps
        ]
        taken = list(placed.values())
        free = (
            spot
            for spot, covered in zip(spots, markers.covered(spots), strict=True)
            if not covered and not any(spot.intersects(other) for other in taken)
        )
        placed[label.key] = next(free, spots[0])
    return placed


def place_labels(
    view: Box,
    markers: Markers,
    labels: Sequence[Label],
    taken: Iterable[Box] = (),
) -> dict[str, Box]:
    """Where the places' names go, the first label first (see the module's note); ``taken`` are
    boxes already written (the countries' names) that no place name may cover."""
    written = list(taken)
    placed: dict[str, Box] = {}
    for label in labels:
        spots = [spot for spot in _spots(label) if spot.inside(view)]
        if not spots:
            continue
        for spot, covered in zip(spots, markers.covered(spots), strict=True):
            if not covered and not any(spot.intersects(other) for other in written):
                placed[label.key] = spot
                written.append(spot)
                break
    return placed


def _spots(label: Label) -> list[Box]:
    """The spots beside the marker, in the order they are tried."""
    x, y, w, h = label.x, label.y, label.width, label.height
    reach = label.radius + GAP
    # A corner spot sits on the circle's diagonal, where the marker's edge is closest.
    side = reach * math.sqrt(0.5)
    return [
        Box(x + reach, y - h / 2, w, h),  # right
        Box(x - reach - w, y - h / 2, w, h),  # left
        Box(x - w / 2, y - reach - h, w, h),  # above
        Box(x - w / 2, y + reach, w, h),  # below
        Box(x + side, y - side - h, w, h),  # above right
        Box(x + side, y + side, w, h),  # below right
        Box(x - side - w, y - side - h, w, h),  # above left
        Box(x - side - w, y + side, w, h),  # below left
    ]
