"""A caption or key that keeps to one line: the longest wording that fits, the whole in its
tooltip."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from karabakh_timeline.ui.panels.one_line_label import OneLineLabel

WORDINGS = [
    "<b>184</b> reports wholly within 1991 – 2023 (everything), <b>4</b> partly overlapping",
    "<b>184</b> reports wholly within the period, <b>4</b> partly overlapping",
    "<b>184</b> within, <b>4</b> partly",
]
WHOLE = "184 reports wholly within 1991 – 2023 (everything), 4 partly overlapping"


def _label(qtbot, width: int) -> OneLineLabel:  # type: ignore[no-untyped-def]
    label = OneLineLabel()
    qtbot.addWidget(label)
    label.set_wordings(WORDINGS, WHOLE)
    label.resize(width, label.sizeHint().height())
    label.show()
    qtbot.waitExposed(label)
    return label


def test_it_shows_the_longest_wording_that_fits(qtbot):
    metrics = QFontMetricsF(OneLineLabel().font())
    full = metrics.horizontalAdvance(WHOLE)
    assert _label(qtbot, int(full) + 40).text() == WORDINGS[0]
    assert _label(qtbot, int(full * 0.92)).text() == WORDINGS[1]
    assert _label(qtbot, int(full * 0.3)).text() == WORDINGS[2]


def test_it_follows_its_width_and_stays_one_line(qtbot):
    label = _label(qtbot, 120)
    assert label.text() == WORDINGS[2]
    label.resize(2000, label.height())
    assert label.text() == WORDINGS[0]
    assert label.toolTip() == WHOLE
    assert label.sizeHint().height() <= QFontMetricsF(label.font()).lineSpacing() + 2
    # It never asks its layout for more width than its shortest wording needs.
    assert label.minimumSizeHint().width() < label.sizeHint().width() / 2
