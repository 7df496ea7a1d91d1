"""Place names inside a record's own text, in the naming the user chose.

A title such as 'Anti-vehicle mine in Myurishen, Martuni district injures 2' names its places
in English. With Azerbaijani or Armenian names chosen, the events list and the details show it
with those names ('… in Mürşüdlü, Xocavənd district …'), so that the list, the details and the
map say the same. Only the record's own places are renamed, and only where one of their
names stands as a whole word; a name followed by another name of the same place in brackets
('Fuzuli (Varanda)') keeps the bracket unless the chosen name already says it. English names
show the text as the dataset writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from karabakh_timeline.model.place_names import Naming, place_name
from karabakh_timeline.model.records import Place


def named_text(text: str, places: Iterable[Place], naming: Naming) -> str:
    """``text`` with the names of ``places`` in ``naming`` (unchanged for English names)."""
    if naming is Naming.ENGLISH or not text:
        return text
    found = _pattern(tuple(places), naming)
    if found is None:
        return text
    pattern, targets = found

    def rename(match: re.Match[str]) -> str:
        target = targets[match.group(1)]
        bracket = match.group(2)
        if bracket is None or bracket in target:
            return target
        return f"{target}{match.group(0)[len(match.group(1)) :]}"

    return pattern.sub(rename, text)


def shown_name(place: Place, naming: Naming) -> str:
    """The name written into running text: the first where the data gives several
    ('Արցախ (Artsakh); Լեռնային Ղարաբաղ (…)' gives 'Արցախ (Artsakh)')."""
    return place_name(place, naming).split(";")[0].strip()


def _names(place: Place) -> set[str]:
    """Every name of the place, each part of a written 'script (transliteration)' too."""
    names: set[str] = set()
    for name in place.all_names:
        for part in name.split(";"):
            part = part.strip()
            if not part:
                continue
            names.add(part)
            script, bracket, rest = part.partition(" (")
            if bracket and rest.endswith(")"):
                names.update({script.strip(), rest[:-1].strip()})
    names.discard("")
    return names


@lru_cache(maxsize=4096)
def _pattern(
    places: tuple[Place, ...], naming: Naming
) -> tuple[re.Pattern[str], dict[str, str]] | None:
    targets: dict[str, str] = {}
    for place in places:
        target = shown_name(place, naming)
        names = _names(place)
        for name in names:
            # 'Aghdam District' is left to 'Aghdam', so that 'District' stays in the text.
            longer = any(name.startswith(f"{other} ") for other in names if other != name)
            if name != target and not longer:
                targets.setdefault(name, target)
        # The chosen name itself is matched too, so that in 'Mets Taghlar (Boyuk Taghlar)'
        # the bracket is read as the other side's name and not renamed in its turn.
        targets.setdefault(target, target)
    if not targets:
        return None
    words = "|".join(re.escape(name) for name in sorted(targets, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)({words})(?!\w)(?:\s*\(([^()]*)\))?")
    return pattern, targets
