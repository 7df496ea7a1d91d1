"""The footer's words: period, filters, dataset, date, and every source behind what is shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFont, QFontMetricsF, QImage

from karabakh_timeline.export.footer import (
    FooterContent,
    ShownFilters,
    footer_content,
    source_entry,
    sources_shown,
)
from karabakh_timeline.export.footer_drawing import layout_footer, wrap
from karabakh_timeline.model.dates import FULL_RANGE, DateRange

YEAR_2004 = DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))
EXPORTED = dt.date(2024, 3, 1)


def ids(sources) -> list[str]:  # type: ignore[no-untyped-def]
    return [source.id for source in sources]


def test_context_names_period_filters_dataset_and_date(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    content = footer_content(sample_dataset, YEAR_2004, ShownFilters(), EXPORTED)
    assert content.context == (
        "Period: 2004 (2004-01-01 to 2004-12-31).  "
        "Filters: none (every category, no search).  "
        "Dataset: Test sample, version t1.  "
        "Exported on 2024-03-01 with Karabakh Timeline 0.1.0."
    )
    assert content.totals == ()


def test_filters_are_spelled_out(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    filters = ShownFilters(frozenset({"politics"}), "  mine ")
    content = footer_content(sample_dataset, FULL_RANGE, filters, EXPORTED)
    assert "Filters: event categories shown: Incidents, Clearance; events matching “mine”." in (
        content.context
    )


def test_sources_are_those_of_events_eras_and_reports_shown(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    # 2004: the Aghdam event (src-b), the ceasefire era and the 2004 reports (src-a, src-b).
    assert ids(sources_shown(sample_dataset, YEAR_2004, ShownFilters())) == ["src-a", "src-b"]
    summer_2021 = DateRange(dt.date(2021, 6, 1), dt.date(2021, 8, 31))
    # Only Ministry C's events and report; the open-ended "until 2019" count stays out.
    assert ids(sources_shown(sample_dataset, summer_2021, ShownFilters())) == ["src-c"]


def test_hidden_events_take_their_sources_with_them(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    only_2011 = DateRange(dt.date(2011, 7, 1), dt.date(2011, 7, 31))
    assert ids(sources_shown(sample_dataset, only_2011, ShownFilters())) == ["src-a"]
    hidden = ShownFilters(frozenset({"politics"}))
    # The ban (politics, src-a) is hidden, but the ceasefire era (src-a) is still in view.
    assert ids(sources_shown(sample_dataset, only_2011, hidden)) == ["src-a"]
    autumn_2021 = DateRange(dt.date(2021, 7, 1), dt.date(2021, 8, 31))
    assert (
        ids(sources_shown(sample_dataset, autumn_2021, ShownFilters(frozenset({"politics"})))) == []
    )


def test_a_source_entry_says_title_publisher_date_and_address(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    assert source_entry(sample_dataset.sources["src-b"]) == (
        "Newspaper item B — Paper B, July 2004. https://example.org/b"
    )
    assert source_entry(sample_dataset.sources["src-c"]) == (
        "Ministry statement C — Ministry C, 1 August 2021."
    )


def test_panel_totals_come_with_how_they_were_added(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    content = footer_content(sample_dataset, YEAR_2004, ShownFilters(), EXPORTED, True)
    text = "\n".join(content.totals)
    assert "Casualties — Monitor A yearly count: Killed: 10, Injured: 24, Total: 34" in text
    assert "Casualties, how: Totals add up only reports of one series" in text
    assert "Sources disagree on: casualties in the first half of 2004" in text
    assert "unknown, never counted as 0" in text


def test_long_addresses_wrap_inside_the_width(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QFont()
    font.setPixelSize(10)
    metrics = QFontMetricsF(font)
    text = "A title — Publisher. https://example.org/" + "a-very-long-path-segment" * 6
    lines = wrap(text, 200, metrics)
    assert len(lines) > 2
    assert all(metrics.horizontalAdvance(line) <= 200 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_the_footer_shrinks_then_says_how_many_sources_are_left(qapp) -> None:  # type: ignore[no-untyped-def]
    entries = tuple(
        f"Source number {n} — Publisher {n}, 2020. https://example.org/{n}" for n in range(60)
    )
    content = FooterContent("Period: somewhere.", (), "Sources (60):", entries)
    device = QImage(10, 10, QImage.Format.Format_ARGB32)
    roomy = layout_footer(content, 1800, device)
    assert roomy.left_over == () and roomy.font_px == 11
    tight = layout_footer(content, 700, device, max_height=150, overflow_note="See the PDF.")
    assert tight.height <= 150
    assert tight.font_px == 8
    assert 0 < len(tight.left_over) < 60
    shown = [line.text for line in tight.lines]
    assert shown[-1].startswith(f"… and {len(tight.left_over)} more source(s). See the PDF.")
