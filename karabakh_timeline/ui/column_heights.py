"""How a first start shares the right column's height between the events list, the map and the
details.

The map gets the height that shows the whole region at the column's width (so that every
neighbour's name is in view), but never more than ``MAP_SHARE`` of the column; the events list
gets at least ``EVENTS_LEAST`` (five rows under its search and category boxes) and
``EVENTS_SHARE`` of what is left; the details take the rest.
"""

from __future__ import annotations

MAP_SHARE = 0.42
EVENTS_LEAST = 285  # px
EVENTS_SHARE = 0.6
DETAILS_LEAST = 110  # px: a title and a few lines; the panel scrolls


def right_column_heights(room: int, map_fits: int) -> tuple[int, int, int]:
    """The events list's, the map's and the details' heights in ``room`` pixels, for a map
    that shows the whole region in ``map_fits`` pixels."""
    map_height = min(map_fits, int(room * MAP_SHARE))
    events = max(EVENTS_LEAST, int((room - map_height) * EVENTS_SHARE))
    details = room - map_height - events
    if details < DETAILS_LEAST:  # a small window: the map gives up the difference
        map_height -= DETAILS_LEAST - details
        details = DETAILS_LEAST
    return events, map_height, details
