"""The span of time a dataset needs on the axis: the app's own years, and more where it has more.

The bundled dataset lies within 1991–2023 (``FULL_RANGE``). A dataset opened from elsewhere may
reach beyond them (a TimelineJS timeline of the 19th century, an ACLED export into 2024); its
whole span is then what "everything" means, so none of its records lies off the axis.
"""

from __future__ import annotations

from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.records import Dataset


def covering_range(dataset: Dataset, least: DateRange = FULL_RANGE) -> DateRange:
    """``least``, widened to every day a record of ``dataset`` covers (open ends aside)."""
    first, last = least.first, least.last
    for group in (dataset.events, dataset.eras, dataset.casualties, dataset.clearance):
        for record in group:
            start, end = record.date.first_day, record.date.last_day
            if start is not None and start < first:
                first = start
            if end is not None and end > last:
                last = end
    return DateRange(first, last)
