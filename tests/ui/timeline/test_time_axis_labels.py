"""The date axis never writes one label over another, at any zoom and any width: checked on the
axis's own text rectangles, which are at least as wide as the words they hold. And whatever the
zoom, some label says which year is in view."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from PySide6.QtGui import QFontMetricsF
from timeline_support import shown_view

GAP = 4.0  # px: the least room between two labels

SPANS = [
    (dt.date(1990, 6, 1), dt.date(2024, 6, 30)),  # fit-all
    (dt.date(2010, 1, 1), dt.date(2019, 12, 31)),
    (dt.date(2019, 3, 1), dt.date(2022, 2, 28)),
    (dt.date(2020, 1, 1), dt.date(2021, 6, 30)),
    (dt.date(2020, 5, 1), dt.date(2020, 12, 31)),
    (dt.date(2020, 9, 1), dt.date(2020, 11, 30)),
    (dt.date(2020, 9, 20), dt.date(2020, 11, 5)),
    (dt.date(2020, 10, 1), dt.date(2020, 10, 21)),
    (dt.date(2020, 10, 5), dt.date(2020, 10, 14)),
]


@pytest.mark.parametrize("width", [480, 760, 1100, 1700])
def test_axis_labels_never_overlap_at_any_zoom(qtbot, sample_dataset, width):
    view, _ = shown_view(qtbot, sample_dataset, size=(width, 560))
    axis = view.time_axis
    metrics = QFontMetricsF(axis.style["tickFont"])
    for first, last in SPANS:
        view.set_x_range(first, last)
        labels = axis.labels()
        texts = [label.text for label in labels]
        assert len(labels) >= 2, (width, first, last, texts)
        assert any(re.search(r"\b[0-9]{4}\b", text) for text in texts), (width, first, texts)
        for label in labels:
            # The rectangle holds the whole text, so comparing rectangles compares the words.
            assert label.rect.width() >= metrics.horizontalAdvance(label.text) - 0.5, label.text
        for before, after in itertools.pairwise(labels):
            room = after.rect.left() - before.rect.right()
            assert room >= GAP, (width, first, last, before.text, after.text, room)
        for a, b in itertools.combinations(labels, 2):
            assert not a.rect.intersects(b.rect), (width, first, last, a.text, b.text)
