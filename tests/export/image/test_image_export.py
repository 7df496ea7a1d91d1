"""Pictures of the timeline: PNG size, DPI and colours; SVG and PDF vector with text as text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_support import colour_near, distinct_colours, media_boxes, pdf_objects, pdf_text
from PySide6.QtGui import QImage

from karabakh_timeline.export import safe_write
from karabakh_timeline.export.image.image_export import (
    ImageExportSettings,
    export_image,
    render_image,
)
from karabakh_timeline.export.safe_write import ExportError
from karabakh_timeline.model.dates import FULL_RANGE, DateRange
from karabakh_timeline.model.records import Event, Source
from karabakh_timeline.ui.palette import lane_style
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.offscreen import offscreen_timeline
from karabakh_timeline.ui.timeline.view import TimelineView

SVG = "{http://www.w3.org/2000/svg}"
EXPORTED = dt.date(2024, 3, 1)
FULLY_LABELLED = (
    "Tractor hits a mine near Aghdam",
    "First training programme",
    "Organisation banned",
)


def settings(path: Path, **changes: object) -> ImageExportSettings:
    return ImageExportSettings(path=path, exported_on=EXPORTED, **changes)  # type: ignore[arg-type]


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_png_has_the_size_and_dpi_asked_and_is_not_blank(qapp, sample_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "timeline.png"
    # 10 by 6.7 inches: room for the timeline and the whole footer at print size.
    export_image(
        sample_dataset, settings(path, width=3000, height=2000, dpi=300), offscreen_timeline
    )
    image = QImage(str(path))
    assert (image.width(), image.height()) == (3000, 2000)
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert round(image.dotsPerMeterY() * 0.0254) == 300
    assert distinct_colours(image) > 30


def test_png_shows_each_lane_colour_where_its_events_are(
    qapp, qtbot, sample_dataset, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    chosen = settings(tmp_path / "t.png", width=1600, height=1000)
    rendered = render_image(sample_dataset, chosen, offscreen_timeline)
    image = QImage.fromData(rendered.data)
    # Where the markers are: the same view, laid out at the size the timeline got in the file.
    reference = TimelineView(sample_dataset, Selection())
    qtbot.addWidget(reference)
    reference.layout_for_size(round(rendered.timeline.width()), round(rendered.timeline.height()))
    reference.set_x_range(FULL_RANGE.first, FULL_RANGE.last)
    lanes = list(sample_dataset.categories)
    for event_id in ("ev-2004-aghdam", "ev-2011-ban", "ev-2021-kalbajar"):
        event = sample_dataset.record(event_id)
        colour = lane_style(lanes.index(event.category)).colour
        where = reference.marker_scene_pos(event_id)
        assert where is not None
        y = where.y() + rendered.timeline.top()  # the title block is above the timeline
        assert colour_near(image, where.x(), y, colour, radius=2), event_id
        assert not colour_near(image, where.x(), y - 40, colour, radius=2), event_id
    # Nothing of the timeline runs into the footer.
    assert rendered.timeline.bottom() < image.height() - 40


def test_svg_is_vector_with_titles_and_sources_as_text(qapp, sample_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "timeline.svg"
    export_image(sample_dataset, settings(path, width=1920, height=1080), offscreen_timeline)
    data = path.read_bytes()
    root = ET.fromstring(data)
    texts = svg_texts(data)
    for title in FULLY_LABELLED:
        assert title in texts
    assert "Annual report A — Monitor A, 2005. https://example.org/a" in texts
    assert "Ministry statement C — Ministry C, 1 August 2021." in texts
    assert any(text.startswith("Period: 1991 – 2023") for text in texts)
    assert root.get("viewBox") == "0 0 1920 1080"
    assert not list(root.iter(f"{SVG}image")), "the picture must be drawn, not pasted in"
    assert len(list(root.iter(f"{SVG}path"))) + len(list(root.iter(f"{SVG}rect"))) > 50


def test_svg_coordinates_are_plain_pixels(qapp, sample_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Drawn straight from the plots' seconds-based coordinates, Qt wrote transforms of ~1e-6 and
    # hatching 8 seconds wide, which renderers cannot draw.
    data = render_image(
        sample_dataset, settings(tmp_path / "t.svg"), offscreen_timeline
    ).data.decode("utf-8")
    scales = [
        abs(float(value))
        for matrix in re.findall(r'transform="matrix\(([^)]*)\)"', data)
        for value in matrix.split(",")[:4]
        if float(value) != 0
    ]
    assert scales and min(scales) > 0.01
    assert "<pattern" in data  # the count track's "no data" hatching is there


def test_pdf_is_a4_landscape_with_selectable_titles_and_sources(
    qapp, sample_dataset, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "timeline.pdf"
    export_image(sample_dataset, settings(path), offscreen_timeline)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert media_boxes(data) == [(842.0, 595.0)]
    text = pdf_text(data)
    for title in FULLY_LABELLED:
        assert title in text
    # The address follows its source as a link of its own (see the link annotation tests).
    assert "Newspaper item B — Paper B, July 2004. \nhttps://example.org/b" in text
    assert "Dataset: Test sample, version t1." in text


@pytest.mark.parametrize(
    ("page", "orientation", "box"),
    [("A3", "portrait", (842.0, 1191.0)), ("Letter", "landscape", (792.0, 612.0))],
)
def test_pdf_page_size_and_orientation_are_the_ones_asked(  # type: ignore[no-untyped-def]
    qapp, sample_dataset, tmp_path, page, orientation, box
) -> None:
    rendered = render_image(
        sample_dataset,
        settings(tmp_path / "t.pdf", page=page, orientation=orientation),
        offscreen_timeline,
    )
    assert media_boxes(rendered.data) == [box]


def test_pdf_draws_nothing_under_a_degenerate_matrix(qapp, sample_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # poppler-based viewers leave a pattern fill blank under a matrix with |det| < 1e-6.
    data = render_image(sample_dataset, settings(tmp_path / "t.pdf"), offscreen_timeline).data
    determinants = []
    for obj in pdf_objects(data).values():
        for a, b, c, d in re.findall(
            rb"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) [-\d.]+ [-\d.]+ cm", obj.stream or b""
        ):
            determinants.append(abs(float(a) * float(d) - float(b) * float(c)))
    assert determinants and min(determinants) > 1e-3


def test_the_period_filters_and_panels_reach_the_picture(qapp, sample_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    chosen = settings(
        tmp_path / "t.pdf",
        shown=DateRange(dt.date(2004, 1, 1), dt.date(2004, 12, 31)),
        hidden_categories=frozenset({"clearance"}),
        include_panels=True,
    )
    text = pdf_text(render_image(sample_dataset, chosen, offscreen_timeline).data)
    assert "Period: 2004 (2004-01-01 to 2004-12-31)." in text
    assert "event categories shown: Incidents, Politics" in text
    assert "Casualties — Monitor A yearly count: Killed: 10, Injured: 24, Total: 34" in text
    assert "Tractor hits a mine near Aghdam" in text
    assert "First training programme" not in text
    assert "Ministry statement C" not in text  # nothing of Ministry C is in 2004


def test_sources_that_do_not_fit_continue_on_more_pages(qapp, sample_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = {
        f"extra-{n}": Source(
            f"extra-{n}", f"Extra report number {n}", "Archive", f"https://example.org/x/{n}"
        )
        for n in range(150)
    }
    event = dataclasses.replace(sample_dataset.events[1], id="ev-extra", sources=tuple(extra))
    crowded = dataclasses.replace(
        sample_dataset,
        sources={**sample_dataset.sources, **extra},
        events=(*sample_dataset.events, event),
    )
    assert isinstance(event, Event)
    rendered = render_image(crowded, settings(tmp_path / "t.pdf"), offscreen_timeline)
    assert rendered.pages >= 2
    assert len(media_boxes(rendered.data)) == rendered.pages
    text = pdf_text(rendered.data)
    for n in (0, 75, 149):
        assert f"Extra report number {n} — Archive. \nhttps://example.org/x/{n}" in text
    assert "Sources of what is shown (continued, page 2)" in text


def test_a_png_too_large_for_memory_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="too large"):
        settings(tmp_path / "huge.png", width=20_000, height=20_000)


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(  # type: ignore[no-untyped-def]
    qapp, sample_dataset, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "timeline.png"
    path.write_bytes(b"an earlier export")

    def no_space(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", no_space)
    with pytest.raises(ExportError, match="is full"):
        export_image(sample_dataset, settings(path), offscreen_timeline)
    assert path.read_bytes() == b"an earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.png"]
