"""Slips a reader of an export would trip over, kept out of the bundled sources."""

from __future__ import annotations

import re

import pytest

from karabakh_timeline.model.dates import MONTH_NAMES, PartialDate
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.records import Source


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return list(load_dataset().sources.values())


def test_no_address_holds_an_html_entity_or_a_space(sources: list[Source]) -> None:
    # '&nbsp;' copied from a page's markup is not part of the address a browser asks for.
    bad = [s.id for s in sources if s.url and (re.search(r"&[a-z]+;", s.url) or " " in s.url)]
    assert bad == []


def test_no_publisher_writes_out_the_date_the_entry_gives_after_it(sources: list[Source]) -> None:
    # An entry reads "title — publisher, date": a date inside the publisher says it twice.
    twice = [
        s.id
        for s in sources
        if s.date is not None and any(form in s.publisher for form in _forms(s.date))
    ]
    assert twice == []


def _forms(date: PartialDate) -> set[str]:
    """A date as a publisher's name may hold it: 'October 2024' or 'Oct 2024'."""
    whole = date.display()
    if date.month is None:
        return {whole}
    month = MONTH_NAMES[date.month - 1]
    return {whole, whole.replace(month, month[:3])}


def test_no_address_is_two_sources(sources: list[Source]) -> None:
    seen: dict[str, str] = {}
    twice = []
    for source in sources:
        if source.url and source.url in seen:
            twice.append((seen[source.url], source.id))
        elif source.url:
            seen[source.url] = source.id
    assert twice == []
