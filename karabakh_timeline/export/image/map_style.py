"""The map's colours: quiet land and sea, markers in Okabe and Ito's colours by who held the place.

Colour shows who held a place at the end of the selected period; size shows casualties; the
clearance diamond is green; places with nothing in the period are faint rings. Holders get their
colours in the fixed order the data's holders sort in, so a holder keeps its colour.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

SEA = QColor("#DCE9F2")
LAND = QColor("#F4F1EA")
BORDER = QColor("#8C8C8C")
COUNTRY_TEXT = QColor("#8A8A8A")
WATER_TEXT = QColor("#5B7F99")
PLACE_TEXT = QColor("#222222")
FAINT = QColor(90, 90, 90, 110)
MARKER_EDGE = QColor("#333333")
HIGHLIGHT = QColor("#000000")
CLEARANCE = QColor("#009E73")
UNKNOWN_HOLDER = QColor(160, 160, 160, 200)

HOLDER_COLOURS = (
    QColor(0, 114, 178, 190),  # blue
    QColor(230, 159, 0, 190),  # orange
    QColor(204, 121, 167, 190),  # reddish purple
    QColor(86, 180, 233, 190),  # sky blue
)


def holder_colour(holder: str | None, holders: tuple[str, ...] = ()) -> QColor:
    """The marker colour of a place held by ``holder`` (grey when the data does not say)."""
    if holder is None or holder not in holders:
        return QColor(UNKNOWN_HOLDER)
    return QColor(HOLDER_COLOURS[holders.index(holder) % len(HOLDER_COLOURS)])
