"""Everything on the axis: the app's years, widened to what an imported dataset covers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.span import covering_range

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "timelinejs"


def test_the_bundled_years_stay_the_span_of_a_dataset_within_them(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    assert covering_range(sample_dataset) == FULL_RANGE


def test_a_timeline_of_other_centuries_widens_the_span_to_its_first_day() -> None:
    span = covering_range(load_dataset(SAMPLES / "women_in_computing.json"))
    assert (span.first, span.last) == (dt.date(1815, 12, 10), FULL_RANGE.last)
