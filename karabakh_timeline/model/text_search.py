"""Search ignoring case and accents: 'agdam' finds 'Ağdam' and 'kelbecer' finds 'Kəlbəcər'."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLDS = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(query: str, texts: Iterable[str]) -> bool:
    """Every word of the query appears in one of the texts."""
    words = search_words(query)
    haystack = " ".join(fold(text) for text in texts)
    return all(word in haystack for word in words)


def fold_quickly(text: str) -> str:
    """``fold(text)``; for ASCII text that is its lower case, found without the Unicode tables."""
    return text.lower() if text.isascii() else fold(text)


def search_words(search: str) -> list[str]:
    """The words of a search, folded; no words means no search."""
    return fold(search).split()
