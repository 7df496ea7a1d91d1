"""The footer's words: period, filters, dataset, date, and every source behind what is shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFont, QFontMetricsF, QImage

from karabakh_timeline.export.image.footer import (
    FooterContent,
    ShownFilters,
    SourceEntry,
    footer_content,
    source_entry,
    sources_shown,
)
from karabakh_timeline.export.image.footer_drawing import (
    layout_continuation,
    layout_footer,
    wrap_entry,
)
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.loader import load_dataset

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


def test_an_address_is_kept_whole_on_one_line(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QFont()
    font.setPixelSize(11)
    metrics = QFontMetricsF(font)
    url = "https://example.org/reports/2004/nagorno-karabakh/casualties.aspx"
    entry = SourceEntry(1, "A rather long title of a report — Its publisher, 2004.", url)
    width = metrics.horizontalAdvance(url) + 5
    lines = wrap_entry(entry, width, metrics)
    assert lines[-1] == (url, (url, url))  # on its own line, drawn as a link to itself
    assert all(url not in text for text, _ in lines[:-1])
    assert all(metrics.horizontalAdvance(text) <= width for text, _ in lines)
    short = SourceEntry(2, "Title — Paper.", "https://example.org/b")
    assert wrap_entry(short, 400, metrics) == [
        ("Title — Paper. https://example.org/b", ("https://example.org/b", "https://example.org/b"))
    ]


def test_an_address_wider_than_the_whole_footer_breaks_only_after_a_slash(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QFont()
    font.setPixelSize(11)
    metrics = QFontMetricsF(font)
    url = "https://example.org/" + "/".join(f"segment{n}" for n in range(12))
    lines = wrap_entry(SourceEntry(1, "Title.", url), 200, metrics)
    pieces = [link[0] for _, link in lines if link is not None]
    assert len(pieces) > 1 and "".join(pieces) == url
    assert all(piece.endswith("/") for piece in pieces[:-1])
    assert all(link[1] == url for _, link in lines if link is not None)


def crowded(count: int) -> FooterContent:
    entries = tuple(
        SourceEntry(n, f"Source number {n} — Publisher {n}, 2020.", f"https://example.org/{n}")
        for n in range(1, count + 1)
    )
    return FooterContent("Period: somewhere.", (), f"Sources ({count}):", entries)


def test_every_source_is_listed_at_8_pt_or_more(qapp) -> None:  # type: ignore[no-untyped-def]
    device = QImage(10, 10, QImage.Format.Format_ARGB32)
    content = crowded(60)
    roomy = layout_footer(content, 1800, device)
    assert roomy.left_over == () and roomy.font_px == 12
    # No room for sixty sources: the type stops at 11 px (8.25 pt at 96 per inch) and the
    # footer grows to list them all; nothing is left out and nothing says "more".
    tall = layout_footer(content, 700, device, max_height=150)
    assert tall.font_px == 11 and tall.left_over == ()
    assert tall.height > 150
    texts = [line.text for line in tall.lines]
    assert [f"{n}." for n in range(1, 61)] == [t for t in texts if t[:-1].isdigit()]
    assert len(tall.links) == 60
    assert not any("more" in text for text in texts)


def test_a_page_says_which_sources_follow_on_the_next(qapp) -> None:  # type: ignore[no-untyped-def]
    device = QImage(10, 10, QImage.Format.Format_ARGB32)
    page = layout_footer(crowded(60), 700, device, max_height=150, continues_on_next_page=True)
    assert page.height <= 150 and page.font_px == 11
    first = page.left_over[0].number
    assert 1 < first < 60
    assert page.lines[-1].text == f"Sources {first}–60 follow on the next page."
    rest = layout_continuation("Sources (continued)", page.left_over, (700, 2000), device)
    assert rest.left_over == ()
    assert next(line.text for line in rest.lines if line.text[:-1].isdigit()) == f"{first}."


def test_columns_are_as_many_as_let_the_longest_address_fit(qapp) -> None:  # type: ignore[no-untyped-def]
    device = QImage(10, 10, QImage.Format.Format_ARGB32)
    wide = layout_footer(crowded(8), 1400, device)
    assert (
        len({line.x for line in wide.lines if line.text.endswith(".") and line.text[:-1].isdigit()})
        == 4
    )
    long_url = "https://example.org/" + "a" * 150
    content = crowded(8)
    content = FooterContent(
        content.context,
        (),
        content.sources_heading,
        (*content.sources, SourceEntry(9, "Long one.", long_url)),
    )
    narrow = layout_footer(content, 1400, device)
    columns = {line.x for line in narrow.lines if line.text[:-1].isdigit()}
    assert len(columns) < 4
    assert any(line.link == (long_url, long_url) for line in narrow.lines)


def test_the_pages_that_date_who_held_a_shown_place_are_cited() -> None:
    bundled = load_dataset()
    autumn_2020 = DateRange(dt.date(2020, 10, 1), dt.date(2020, 12, 31))
    cited = ids(sources_shown(bundled, autumn_2020, ShownFilters()))
    # Cited only by the dated control of Shusha and Jabrayil, places the period's
    # records name: the map colours them by who held them.
    assert {"alarabiya-2020-11-08-shusha", "azernews-2020-10-04-jabrayil"} <= set(cited)
    year_2005 = DateRange(dt.date(2005, 1, 1), dt.date(2005, 12, 31))
    assert "alarabiya-2020-11-08-shusha" not in ids(
        sources_shown(bundled, year_2005, ShownFilters())
    )
