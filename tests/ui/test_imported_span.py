"""An imported timeline outside 1991–2023 is on the axis: Fit all shows all of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from window_support import open_window

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "timelinejs"


def test_opening_a_nineteenth_century_timeline_puts_all_of_it_on_the_axis(
    qtbot, sample_dataset, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window, selection = open_window(qtbot, sample_dataset, tmp_path)
    assert window.open_dataset(SAMPLES / "women_in_computing.json")
    assert selection.full_range.first == dt.date(1815, 12, 10)
    assert selection.is_everything
    window.timeline.fit_all()
    first, last = window.timeline.x_range()
    assert first <= dt.date(1815, 12, 10) and last >= dt.date(2023, 12, 31)
    window.timeline.step_event(forward=True)
    assert selection.event_id == "1815-ada-lovelace"
