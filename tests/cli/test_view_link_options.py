"""A view's address given to karabakh-timeline means exactly the options its command line has."""

from __future__ import annotations

import datetime as dt

from karabakh_timeline.cli import build_parser, main
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.view_link import ViewLink, link_args

VIEW = ViewLink(
    data="/data/my timeline & notes.json",
    added=("/data/acled.csv",),
    shown=DateRange(dt.date(2004, 1, 1), dt.date(2006, 12, 31)),
    period=DateRange(dt.date(2005, 1, 1), dt.date(2005, 6, 30)),
    event="ev-2005-x",
    hidden=("funding", "politics"),
    search="Ağdam mine",
)


def test_the_command_line_is_the_same_view_as_the_address() -> None:
    assert VIEW.command_line() == (
        "karabakh-timeline --data '/data/my timeline & notes.json' --add /data/acled.csv "
        "--shown 2004-01-01..2006-12-31 --from 2005-01-01 --to 2005-06-30 --event ev-2005-x "
        "--hide funding --hide politics --search 'Ağdam mine'"
    )
    from_link = build_parser().parse_args(link_args([VIEW.to_uri()]))
    from_options = build_parser().parse_args(VIEW.command_args())
    assert vars(from_link) == vars(from_options)
    assert (from_link.start, from_link.end, from_link.event) == (
        "2005-01-01",
        "2005-06-30",
        "ev-2005-x",
    )
    assert from_link.hide == ["funding", "politics"] and from_link.window_search == "Ağdam mine"
    assert from_link.shown == VIEW.shown
    assert [str(path) for path in from_link.add] == ["/data/acled.csv"]


def test_a_broken_address_is_one_line_and_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["karabakh-timeline:view?from=2004-01-01"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "karabakh-timeline: the address gives only one end of the period: "
        "give both 'from' and 'to'\n"
    )


def test_the_place_filter_is_the_same_through_the_address_and_the_options() -> None:
    view = ViewLink(places=("aghdam", "kalbajar"))
    assert view.command_line() == "karabakh-timeline --place aghdam --place kalbajar"
    from_link = build_parser().parse_args(link_args([view.to_uri()]))
    assert vars(from_link) == vars(build_parser().parse_args(view.command_args()))
    assert from_link.place == ["aghdam", "kalbajar"]


def test_a_place_the_dataset_does_not_have_is_one_line_and_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--place", "atlantis"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("karabakh-timeline: the dataset has no place 'atlantis' to show")
    assert err.count("\n") == 1
