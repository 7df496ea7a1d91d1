"""The events list's search, for 100,000 events: each event's searchable text folded once.

An event matches when every word of the search appears in its title, description, note or the
names of its places (``model.query.event_search_texts``), ignoring case and accents
(``model.text_search.fold``). Folding is what costs; it is done once per event, a little at a
time while the window is idle (``fold_some``) or all at once on the first search if that comes
sooner, and ASCII text (most of a large dataset) takes a quicker path giving the same text.
No Qt here.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.model.text_search import fold

BoolArray = npt.NDArray[np.bool_]


def fold_quickly(text: str) -> str:
    """``fold(text)``; for ASCII text that is its lower case, found without the Unicode tables."""
    return text.lower() if text.isascii() else fold(text)


def search_words(search: str) -> list[str]:
    """The words of a search, folded; no words means no search."""
    return fold(search).split()


class SearchIndex:
    """The folded searchable text of every event of a dataset, made on first use."""

    def __init__(self, dataset: Dataset, events: tuple[Event, ...]) -> None:
        self._dataset = dataset
        self._events = events
        self._texts: list[str] = []
        self._places: dict[str, str] | None = None

    @property
    def is_ready(self) -> bool:
        return len(self._texts) == len(self._events)

    def texts(self) -> list[str]:
        self.fold_some(len(self._events))
        return self._texts

    def fold_some(self, count: int) -> bool:
        """Fold the next ``count`` events' texts; True when every event's is folded."""
        done = len(self._texts)
        self._texts += self._fold(self._events[done : done + count])
        return self.is_ready

    def matching(self, words: list[str]) -> BoolArray:
        """Events whose text holds every word; the later words are only tried on the matches."""
        texts = self.texts()
        mask = np.ones(len(texts), dtype=np.bool_)
        for number, word in enumerate(words):
            if number == 0:
                mask = np.fromiter((word in text for text in texts), np.bool_, len(texts))
                continue
            candidates = np.flatnonzero(mask)
            mask[candidates] = [word in texts[n] for n in candidates.tolist()]
        return mask

    def _fold(self, events: tuple[Event, ...]) -> list[str]:
        # The same text as fold(" ".join(event_search_texts(...))): folding is character by
        # character, so each event's own words and each place's names are folded apart, and
        # a place's names once for all the events that name it.
        if self._places is None:
            self._places = {
                ident: fold_quickly(" ".join(place.all_names))
                for ident, place in self._dataset.places.items()
            }
        places = self._places
        texts = []
        for event in events:
            own = fold_quickly(f"{event.title} {event.description} {event.note}")
            if event.places:
                names = [places[ident] for ident in event.places if ident in places]
                own = " ".join([own, *names])
            texts.append(own)
        return texts
