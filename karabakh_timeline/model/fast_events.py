"""A quick way through the commonest record — a plain event — for datasets of 100,000 events.

The careful reader (``fields.FieldReader``) checks every field one call at a time and can name
the line of each problem. For an event that is plainly well-formed we can check it in a few set
and type tests and build it directly; anything unusual returns ``None`` and goes the careful way,
so what is accepted, and every message, stays exactly the same.
"""

from __future__ import annotations

import re
from typing import Any

from karabakh_timeline.model.dates import DateError, PartialDate, Period
from karabakh_timeline.model.records import Event, Origin

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_PLAIN_KEYS = frozenset({"id", "date", "category", "title", "description", "sources", "places"})
_REQUIRED = frozenset({"id", "date", "category", "title", "description", "sources"})
# Date texts repeat a great deal in large datasets: parse each once.
_PERIODS: dict[str | tuple[str, str], Period | None] = {}


def quick_event(mapping: dict[str, Any], origin: Origin) -> Event | None:
    """The event, if the mapping is plainly valid on its own; otherwise ``None``."""
    keys = mapping.keys()
    if not (_REQUIRED <= keys <= _PLAIN_KEYS):
        return None
    ident, category = mapping["id"], mapping["category"]
    title, description = mapping["title"], mapping["description"]
    if not (
        type(ident) is str
        and type(category) is str
        and type(title) is str
        and type(description) is str
        and _ID.match(ident)
        and _ID.match(category)
        and title.strip()
        and description.strip()
    ):
        return None
    sources = _ids(mapping["sources"])
    places = _ids(mapping.get("places", []))
    if not sources or places is None:
        return None
    period = _period(mapping["date"])
    if period is None:
        return None
    return Event(
        ident, period, category, title.strip(), description.strip(), sources, places, (),
        None, "", origin,
    )  # fmt: skip


def _ids(value: object) -> tuple[str, ...] | None:
    if type(value) is not list:
        return None
    for item in value:
        if type(item) is not str or not _ID.match(item):
            return None
    return tuple(value)


def _period(value: object) -> Period | None:
    if type(value) is str:
        key: str | tuple[str, str] = value
    elif isinstance(value, dict) and value.keys() == {"start", "end"}:
        start, end = value["start"], value["end"]
        if type(start) is not str or type(end) is not str:
            return None
        key = (start, end)
    else:
        return None
    if key not in _PERIODS:
        _PERIODS[key] = _parse(key)
    return _PERIODS[key]


def _parse(key: str | tuple[str, str]) -> Period | None:
    try:
        if isinstance(key, str):
            return Period.point(PartialDate.parse(key))
        period = Period.parse(key[0], key[1])
    except DateError:
        return None
    first, last = period.first_day, period.last_day
    if first is None or last is None or last < first:
        return None
    return period
