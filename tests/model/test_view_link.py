"""A view's karabakh-timeline: address and its command line say the same view, both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.citation import Citation
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.view_link import LinkError, ViewLink, parse_view_link

VIEW = ViewLink(
    data="/data/my timeline & notes.json",
    shown=DateRange(dt.date(2004, 1, 1), dt.date(2006, 12, 31)),
    period=DateRange(dt.date(2005, 1, 1), dt.date(2005, 6, 30)),
    event="ev-2005-x",
    hidden=("funding", "politics"),
    search="Ağdam mine",
)


def test_an_address_reads_back_as_the_same_view() -> None:
    address = VIEW.to_uri()
    assert address == (
        "karabakh-timeline:view?data=/data/my%20timeline%20%26%20notes.json"
        "&shown=2004-01-01..2006-12-31&from=2005-01-01&to=2005-06-30"
        "&event=ev-2005-x&hide=funding,politics&search=A%C4%9Fdam%20mine"
    )
    assert parse_view_link(address) == VIEW


def test_an_empty_view_is_the_bundled_dataset_as_it_opens() -> None:
    assert ViewLink().to_uri() == "karabakh-timeline:view?"
    assert parse_view_link("karabakh-timeline:view") == ViewLink()
    assert ViewLink().command_line() == "karabakh-timeline"


def test_the_place_filter_goes_into_the_address_and_the_command_line_and_back() -> None:
    view = ViewLink(period=VIEW.period, places=("aghdam", "kalbajar"))
    address = view.to_uri()
    assert address == ("karabakh-timeline:view?from=2005-01-01&to=2005-06-30&place=aghdam,kalbajar")
    assert parse_view_link(address) == view
    assert view.command_args()[-4:] == ["--place", "aghdam", "--place", "kalbajar"]
    # Places named twice or out of order are one filter: the same view, the same address.
    reread = parse_view_link("karabakh-timeline:view?place=kalbajar,aghdam,,kalbajar")
    assert reread.places == ("aghdam", "kalbajar")


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (
            "karabakh-timeline:other",
            "is not a view of this app: it must start with karabakh-timeline:view",
        ),
        ("karabakh-timeline:view?colour=red", "the address has an unknown part 'colour'"),
        ("karabakh-timeline:view?from=2004-01-01", "gives only one end of the period"),
        (
            "karabakh-timeline:view?from=2004-13-01&to=2005-01-01",
            "'2004-13-01' is not a day: write YYYY-MM-DD",
        ),
        (
            "karabakh-timeline:view?from=2005-01-01&to=2004-01-01",
            "ends (2004-01-01) before it starts",
        ),
        ("karabakh-timeline:view?shown=2004", "'2004' is not a span: write FIRST..LAST"),
        ("karabakh-timeline:view?event=a&event=b", "the address gives 'event' 2 times"),
    ],
)
def test_a_broken_address_says_what_is_wrong(address: str, message: str) -> None:
    with pytest.raises(LinkError) as raised:
        parse_view_link(address)
    assert message in str(raised.value) and "\n" not in str(raised.value)


CITATION = Citation(
    dataset="Land mines in Nagorno-Karabakh",
    version="2024.10",
    period=DateRange(dt.date(2004, 1, 1), dt.date(2006, 12, 31)),
    accessed=dt.date(2026, 12, 1),
    link="karabakh-timeline:view?from=2004-01-01&to=2006-12-31&search=100%25",
    app="Karabakh Timeline 0.1.0",
)


def test_the_citation_names_dataset_version_period_access_date_and_link() -> None:
    assert CITATION.text() == (
        "Land mines in Nagorno-Karabakh (dataset), version 2024.10. Period: 2004 – 2006. "
        "Viewed with Karabakh Timeline 0.1.0. "
        "karabakh-timeline:view?from=2004-01-01&to=2006-12-31&search=100%25 "
        "(accessed 1 December 2026)."
    )


def test_the_bibtex_entry_escapes_what_bibtex_would_read_as_commands() -> None:
    odd = Citation(
        "Mines & UXO_data {draft}",
        "1.0",
        CITATION.period,
        CITATION.accessed,
        CITATION.link,
        "App 1",
    )
    assert odd.bibtex() == (
        "@misc{mines_uxo_data_draft_2004_2006,\n"
        "  title = {Mines \\& UXO\\_data \\{draft\\}},\n"
        "  version = {1.0},\n"
        "  note = {Period: 2004 – 2006; viewed with App 1},\n"
        "  howpublished = "
        "{\\url{karabakh-timeline:view?from=2004-01-01&to=2006-12-31&search=100\\%25}},\n"
        "  urldate = {2026-12-01},\n"
        "  year = {2026}\n"
        "}\n"
    )
