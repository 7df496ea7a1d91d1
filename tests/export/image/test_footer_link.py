"""An exported picture's footer carries the address that opens the view it shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from karabakh_timeline.cli import main
from karabakh_timeline.export.image.footer import ShownFilters, footer_content
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.view_link import parse_view_link

YEAR_2004 = DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31))


def test_the_footer_ends_its_context_with_the_link(sample_dataset) -> None:  # type: ignore[no-untyped-def]
    link = "karabakh-timeline:view?shown=2004-01-01..2004-12-31"
    content = footer_content(
        sample_dataset, YEAR_2004, ShownFilters(), dt.date(2026, 1, 2), link=link
    )
    assert content.context.endswith(f"Open this view: {link}")
    assert (
        "Open this view"
        not in footer_content(
            sample_dataset, YEAR_2004, ShownFilters(), dt.date(2026, 1, 2)
        ).context
    )


def test_the_export_command_puts_the_views_link_in_the_footer(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import karabakh_timeline.export.image.image_export as image_export

    drawn: list[str] = []

    def capture(dataset, settings, progress=None):  # type: ignore[no-untyped-def]
        drawn.append(settings.link)

    monkeypatch.setattr(image_export, "export_image", capture)
    out = tmp_path / "view.png"
    code = main(["export", str(out), "--data", str(sample_path), "--from", "2004", "--to", "2004",
                 "--search", "mine"])  # fmt: skip
    assert code == 0
    view = parse_view_link(drawn[0])
    assert view.data == str(sample_path.resolve())
    assert (view.shown, view.search) == (YEAR_2004, "mine")
