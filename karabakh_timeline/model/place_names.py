"""Which of a place's names to show: English, Azerbaijani or Armenian, as the user chose.

Places carry both sides' names; the map, the events list and the details panel show the one
the user chose and fall back to the English name where the dataset gives no other.
"""

from __future__ import annotations

import enum

from karabakh_timeline.model.records import Place


class Naming(enum.Enum):
    ENGLISH = "en"
    AZERBAIJANI = "az"
    ARMENIAN = "hy"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Naming.ENGLISH: "English names",
    Naming.AZERBAIJANI: "Azerbaijani names",
    Naming.ARMENIAN: "Armenian names",
}


def place_name(place: Place, naming: Naming) -> str:
    """The place's name in ``naming``; its English name where that one is not given.

    Armenian names are written 'Ակնա (Akna)' in the data: both are kept, so a reader who does
    not read the script still recognises the place."""
    if naming is Naming.AZERBAIJANI and place.name_az:
        return place.name_az
    if naming is Naming.ARMENIAN and place.name_hy:
        return place.name_hy
    return place.name


def other_names(place: Place, naming: Naming) -> list[str]:
    """Every other name of the place, for 'also …' and hover texts."""
    shown = place_name(place, naming)
    return [name for name in place.all_names if name != shown]
