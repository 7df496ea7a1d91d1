"""A second dataset laid over the first, on the same time axis, never mixed into it.

``lay_over(base, added)`` makes one ``Dataset`` the window can show, in which every id of an
added dataset (records, categories, series, sources, places, eras, conflicts) starts with its
own prefix and a slash: ``acled/AZE90001``. So nothing of it can stand for something of the
base dataset:

- its categories become lanes of their own, labelled with the dataset's (short) name;
- its series and scopes are series and scopes of their own, so totals, which add up one
  series at a time, never add its figures into the base dataset's (nor the base's into its);
- its conflicts compare its own records only.

``layer_of`` tells which dataset an id comes from, for the panels' headings.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from karabakh_timeline.model import records as r

SEPARATOR = "/"
_NOT_PREFIX = re.compile(r"[^a-z0-9]+")
_PREFIX_LENGTH = 24
_SHORT_NAME = 24
_Dated = TypeVar("_Dated", r.Event, r.CasualtyReport, r.ClearanceReport, r.Era)


def layer_prefix(name: str, taken: Iterable[str] = ()) -> str:
    """A short id prefix from a file or dataset name, not one of ``taken``: 'acled-export'."""
    base = _NOT_PREFIX.sub("-", name.casefold()).strip("-")[:_PREFIX_LENGTH].strip("-") or "added"
    used = set(taken)
    prefix, number = base, 2
    while prefix in used:
        prefix, number = f"{base}-{number}", number + 1
    return prefix


def lay_over(base: r.Dataset, added: Sequence[tuple[str, r.Dataset]]) -> r.Dataset:
    """``base`` with each ``(prefix, dataset)`` of ``added`` laid over it; ``base`` if none."""
    if not added:
        return base
    sources = dict(base.sources)
    places = dict(base.places)
    categories = dict(base.categories)
    series = dict(base.series)
    scopes = dict(base.scopes)
    organisations = dict(base.organisations)
    eras = list(base.eras)
    events = [base.events]
    casualties = [base.casualties]
    clearance = [base.clearance]
    conflicts = list(base.conflicts)
    layers = dict(base.layers)
    for prefix, dataset in added:
        if prefix in layers or SEPARATOR in prefix or not prefix:
            raise ValueError(f"'{prefix}' cannot name a second added dataset")
        layers[prefix] = dataset.info
        name = short_name(dataset.info.name)
        key, keys = _Prefixed(prefix).one, _Prefixed(prefix).each

        sources.update((key(i), replace(s, id=key(i))) for i, s in dataset.sources.items())
        places.update((key(i), replace(p, id=key(i))) for i, p in dataset.places.items())
        for ident, category in dataset.categories.items():
            categories[key(ident)] = replace(
                category,
                id=key(ident),
                label=f"{category.label} — {name}",
                description=f"From the added dataset {name}. {category.description}".strip(),
            )
        for ident, one in dataset.series.items():
            series[key(ident)] = replace(one, id=key(ident), label=f"{one.label} — {name}")
        scopes.update((key(i), replace(scope, id=key(i))) for i, scope in dataset.scopes.items())
        organisations.update(
            (key(i), replace(one, id=key(i))) for i, one in dataset.organisations.items()
        )
        eras += [
            replace(era, id=key(era.id), name=f"{era.name} ({name})", sources=keys(era.sources))
            for era in dataset.eras
        ]
        events.append(
            tuple(
                replace(
                    event,
                    id=key(event.id),
                    category=key(event.category),
                    sources=keys(event.sources),
                    places=keys(event.places),
                )
                for event in dataset.events
            )
        )
        renamed = _Prefixed(prefix)
        casualties.append(tuple(renamed.report(report) for report in dataset.casualties))
        clearance.append(tuple(renamed.report(report) for report in dataset.clearance))
        conflicts += [
            replace(conflict, id=key(conflict.id), records=keys(conflict.records))
            for conflict in dataset.conflicts
        ]
    return replace(
        base,
        sources=sources,
        places=places,
        categories=categories,
        series=series,
        scopes=scopes,
        organisations=organisations,
        eras=tuple(sorted(eras, key=lambda era: era.date.sort_key())),
        events=_merged(events),
        casualties=_merged(casualties),
        clearance=_merged(clearance),
        conflicts=tuple(conflicts),
        layers=layers,
    )


_Report = TypeVar("_Report", r.CasualtyReport, r.ClearanceReport)


class _Prefixed:
    """Ids of one added dataset, each given its prefix."""

    def __init__(self, prefix: str) -> None:
        self._start = f"{prefix}{SEPARATOR}"

    def one(self, ident: str) -> str:
        return self._start + ident

    def each(self, idents: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self._start + ident for ident in idents)

    def report(self, report: _Report) -> _Report:
        return replace(
            report,
            id=self.one(report.id),
            sources=self.each(report.sources),
            places=self.each(report.places),
            series=self.one(report.series) if report.series else None,
            scope=self.one(report.scope),
        )


def _merged(groups: Sequence[tuple[_Dated, ...]]) -> tuple[_Dated, ...]:
    """Records already in time order, merged in time order; the base dataset's first on a tie."""
    return tuple(heapq.merge(*groups, key=lambda record: record.date.sort_key()))


def short_name(name: str) -> str:
    """A dataset's name as a lane or series label carries it: 'ACLED' for 'ACLED: Armenia…'.

    Long labels would widen the lane names and the events list's category keys past the room a
    window has; the panels' headings and the window's title give the whole name.
    """
    head, colon, _ = name.partition(":")
    if colon and 0 < len(head.strip()) <= _SHORT_NAME:
        return head.strip()
    return name if len(name) <= _SHORT_NAME else name[: _SHORT_NAME - 1].rstrip() + "…"


def layer_key(dataset: r.Dataset, ident: str) -> str | None:
    """The prefix of the added dataset an id comes from; ``None`` for the base dataset's own."""
    if not dataset.layers:
        return None
    prefix, separator, _ = ident.partition(SEPARATOR)
    return prefix if separator and prefix in dataset.layers else None


def layer_of(dataset: r.Dataset, ident: str) -> r.DatasetInfo | None:
    """The added dataset an id comes from; ``None`` for the base dataset's own."""
    key = layer_key(dataset, ident)
    return dataset.layers[key] if key is not None else None


def layer_names(dataset: r.Dataset) -> Mapping[str, str]:
    """Each added dataset's prefix and name, in the order they were added."""
    return {prefix: info.name for prefix, info in dataset.layers.items()}
