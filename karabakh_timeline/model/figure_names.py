"""Plain names for figures: the one place a field name such as ``map_accuracy_pct`` becomes words.

Every screen, table, export footer and ``summary`` line names a figure through this module, so
a reader sees "Map accuracy: 25 %" and "Civilians: 59 %", never "map accuracy pct 25".

A figure's name in the data is a field name: a casualty figure (``killed``, ``civilian``), a
clearance figure with its kind (``area:manual``, ``items:uxo``), or a free name a source gives
(``incidents``, ``pledge_usd``, ``years_to_finish_min``). Free names are read word by word:
a unit at the end (``_pct``, ``_usd``, ``_months``) becomes the value's unit, and a bound
(``_min``, ``_max``, ``_low_estimate``) becomes a note after the name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from karabakh_timeline.model.figure_key import FigureKey, FigureKind
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.land_release import label as land_label

SEPARATOR = ": "
"""Between a figure's name and its value: "Killed: 12"."""

_NAMES = {
    "killed": "Killed",
    "injured": "Injured",
    "total": "Total",
    "civilian": "Civilians",
    "military": "Military",
    "children": "Children",
    "deminers": "Deminers",
    "women": "Women",
    "uxo": "UXO",
    "programme": "Programme length",
    "incidents_per_year_early_2000s": "Incidents a year, early 2000s",
    "incidents_per_year_recent": "Incidents a year, recent years",
}
"""Whole names that read better than their words one by one."""

_AREA_METHODS = {
    "manual": ("Manual", "Manual clearance area"),
    "mechanical": ("Mechanical", "Mechanical clearance area"),
    "manual_and_mechanical": ("Manual and mechanical", "Manual and mechanical clearance area"),
    "battle_area": ("Battle area", "Battle area clearance"),
    "cluster_munition": ("Cluster munition", "Cluster munition area"),
    "survey": ("Survey", "Surveyed area"),
    "technical_survey": ("Technical survey", "Technical survey area"),
    "non_technical_survey": ("Non-technical survey", "Non-technical survey area"),
    "mined": ("Mined", "Mined area"),
    "unspecified": ("Method not given", "Area, method not given"),
}
"""Each way of clearing or surveying land: (the method alone, the area it names)."""

_ITEM_TYPES = {
    "anti_personnel": "Anti-personnel mines",
    "anti_vehicle": "Anti-vehicle mines",
    "uxo": "UXO",
    "submunitions": "Submunitions",
    "stray_ammunition": "Stray ammunition",
    "small_arms_ammunition": "Small arms ammunition",
    "mines_unspecified": "Mines (type not given)",
    "other": "Other items",
}
"""Each kind of explosive item destroyed, as a reader names it."""

_WORDS = {
    "uxo": "UXO",
    "anti_personnel": "anti-personnel",
    "anti_vehicle": "anti-vehicle",
    "non_technical": "non-technical",
    "artsakh": "Artsakh",
    "azerbaijani": "Azerbaijani",
    "armenian": "Armenian",
    "russian": "Russian",
    "karabakh": "Karabakh",
    "halo": "HALO",
    "icrc": "ICRC",
    "2000s": "2000s",
}
"""Words (and hyphenated pairs) written as a reader writes them."""

_BOUNDS = {
    "min": "lowest",
    "max": "highest",
    "low_estimate": "low estimate",
    "high_estimate": "high estimate",
}

_UNITS = {
    "pct": ("", " %"),
    "percent": ("", " %"),
    "usd": ("US$ ", ""),
    "months": ("", " months"),
    "km2": ("", " km²"),
}
"""A trailing word that is the value's unit: (before the number, after it)."""


@dataclass(frozen=True, slots=True)
class FigureName:
    """How one figure is named and how its value is written."""

    label: str  # "Map accuracy (lowest)"
    prefix: str = ""  # "US$ "
    suffix: str = ""  # " %"

    def value_text(self, value: Count | Area) -> str:
        """'25 %', '≤ US$ 4,000,000', '3.6 km²': the qualifier first, then the unit."""
        if isinstance(value, Area):
            return value.display()
        return f"{value.qualifier.symbol}{self.prefix}{value.value:,}{self.suffix}"

    def text(self, value: Count | Area) -> str:
        """'Map accuracy: 25 %'."""
        return labelled(self.label, self.value_text(value))


def figure_name(key: str | FigureKey) -> FigureName:
    """The plain name of the figure stored as ``key``; see the module's docstring."""
    figure = key if isinstance(key, FigureKey) else FigureKey.parse(key)
    detail = figure.name
    if figure.kind is FigureKind.AREA and detail:
        known = _AREA_METHODS.get(detail)
        return FigureName(known[1] if known else f"{_sentence(detail)} area")
    if figure.kind is FigureKind.ITEMS and detail:
        return FigureName(_ITEM_TYPES.get(detail) or f"{_sentence(detail)} items")
    if figure.kind in (FigureKind.RELEASE, FigureKind.REMAINING) and figure.hazard:
        return FigureName(_land_label(figure))
    return _free_name(figure.text)


def _land_label(figure: FigureKey) -> str:
    """'release:mines:cleared' -> 'Mines cleared'; 'remaining:mines:total' -> 'Mines remaining
    (confirmed or suspected)'."""
    name = land_label(figure.hazard)
    name = name[0].upper() + name[1:]
    if figure.kind is FigureKind.RELEASE:
        return f"{name} {land_label(figure.name)}"
    return f"{name} remaining ({land_label(figure.name)})"


def area_method_label(method: str) -> str:
    """'manual' -> 'Manual', 'non_technical_survey' -> 'Non-technical survey'."""
    known = _AREA_METHODS.get(method)
    return known[0] if known else _sentence(method)


def figure_label(key: str | FigureKey) -> str:
    """'civilian_pct' -> 'Civilians', 'items:uxo' -> 'UXO', 'killed' -> 'Killed'."""
    return figure_name(key).label


def figure_text(key: str | FigureKey, value: Count | Area) -> str:
    """'map_accuracy_pct', 25 -> 'Map accuracy: 25 %'; 'civilian_pct', 59 -> 'Civilians: 59 %'."""
    return figure_name(key).text(value)


def figures_text(pairs: Iterable[tuple[str, Count | Area]], joiner: str = "; ") -> str:
    """Several figures in a row: 'Incidents: 7; People involved: 9'."""
    return joiner.join(figure_text(key, value) for key, value in pairs)


def labelled(label: str, value_text: str) -> str:
    """A name and an already written value: ('Killed', '≥ 12') -> 'Killed: ≥ 12'."""
    return f"{label}{SEPARATOR}{value_text}"


def _free_name(key: str) -> FigureName:
    words = key.split("_")
    bound = ""
    for ending, note in _BOUNDS.items():
        tail = ending.split("_")
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            words, bound = words[: -len(tail)], note
            break
    prefix = suffix = ""
    if len(words) > 1 and words[-1] in _UNITS:
        prefix, suffix = _UNITS[words[-1]]
        words = words[:-1]
    label = _sentence("_".join(words))
    if bound:
        label += f" ({bound})"
    return FigureName(label, prefix, suffix)


def _sentence(name: str) -> str:
    """'people_involved_unhurt' -> 'People involved unhurt', with known words spelt right."""
    if name in _NAMES:
        return _NAMES[name]
    words = name.split("_")
    out: list[str] = []
    index = 0
    while index < len(words):
        pair = "_".join(words[index : index + 2])
        if index + 1 < len(words) and pair in _WORDS:
            out.append(_WORDS[pair])
            index += 2
            continue
        out.append(_WORDS.get(words[index], words[index]))
        index += 1
    text = " ".join(word for word in out if word)
    return text[:1].upper() + text[1:] if text else name
