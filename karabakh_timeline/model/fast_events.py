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

_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")  # used with fullmatch: "$" would allow a final "\n"
_OPTIONAL = "places"  # the one field a plain event may leave out
# Date texts repeat a great deal in large datasets: parse each once.
_PERIODS: dict[str | tuple[str, str], Period | None] = {}
# So do the ids events refer to (sources, places, categories): check each one once.
_GOOD_IDS: set[str] = set()


def quick_event(mapping: dict[str, Any], origin: Origin) -> Event | None:
    """The event, if the mapping is plainly valid on its own; otherwise ``None``."""
    # Exactly the required fields, and perhaps places: anything else goes the careful way.
    size = len(mapping)
    if size != 6 and (size != 7 or _OPTIONAL not in mapping):
        return None
    try:
        ident, date, category = mapping["id"], mapping["date"], mapping["category"]
        title, description = mapping["title"], mapping["description"]
        sources = _ids(mapping["sources"])
    except KeyError:
        return None
    places = _ids(mapping[_OPTIONAL]) if size == 7 else ()
    if (
        type(ident) is not str
        or type(title) is not str
        or type(description) is not str
        or not sources
        or places is None
        or not _good_id(category)
        or not _ID.fullmatch(ident)
    ):
        return None
    title, description = title.strip(), description.strip()
    if not (title and description):
        return None
    period = _period(date)
    if period is None:
        return None
    return Event(ident, period, category, title, description, sources, places, (), None, "", origin)


def _good_id(value: object) -> bool:
    if type(value) is not str:
        return False
    if value in _GOOD_IDS:
        return True
    if not _ID.fullmatch(value):
        return False
    _GOOD_IDS.add(value)
    return True


def _ids(value: object) -> tuple[str, ...] | None:
    if type(value) is not list:
        return None
    for item in value:
        if not _good_id(item):
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
