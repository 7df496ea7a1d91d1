"""Exports a reader can trace: a title block, every source listed and numbered, each address a
link in the PDF and whole on its line, and footer text of at least 8 pt at the output's size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_support import pdf_objects, pdf_text
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from karabakh_timeline.export.image.footer import ShownFilters, sources_shown
from karabakh_timeline.export.image.image_export import ImageExportSettings, render_image
from karabakh_timeline.model.dates import FULL_RANGE
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.records import Source
from karabakh_timeline.ui.timeline.offscreen import offscreen_timeline

SVG = "{http://www.w3.org/2000/svg}"
EXPORTED = dt.date(2024, 3, 1)
POINTS_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_dataset()


def settings(path: Path, **changes: object) -> ImageExportSettings:
    return ImageExportSettings(path=path, exported_on=EXPORTED, **changes)  # type: ignore[arg-type]


def link_targets(data: bytes) -> list[str]:
    """The address of every link annotation in a PDF, in file order."""
    targets = []
    for obj in pdf_objects(data).values():
        if b"/Subtype /Link" in obj.header:
            found = re.search(rb"/URI \((.*?)\)\s*>>", obj.header, re.S)
            assert found is not None, obj.header
            target = found.group(1).replace(rb"\(", b"(").replace(rb"\)", b")")
            targets.append(target.decode("ascii"))  # a PDF's URI is ASCII
    return targets


def encoded(url: str) -> str:
    """An address as a link holds it: 'ä' as '%C3%A4'."""
    return bytes(QUrl(url).toEncoded().data()).decode("ascii")


def test_the_pdf_of_1991_to_2023_lists_every_source_once_each_address_a_link(
    qapp, bundled, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    rendered = render_image(bundled, settings(tmp_path / "timeline.pdf"), offscreen_timeline)
    sources = sources_shown(bundled, FULL_RANGE, ShownFilters())
    assert len(sources) == len(bundled.sources)  # the whole range cites every source
    addresses = [encoded(source.url) for source in sources if source.url]
    targets = link_targets(rendered.data)
    # Every address is a link; one wider than a whole line is broken after a "/" and each of
    # its pieces links to it, so only such an address has more than one annotation.
    assert sorted(set(targets)) == sorted(set(addresses))
    text = pdf_text(rendered.data)
    lines = text.splitlines()
    numbers = [line for line in lines if re.fullmatch(r"\d+\.", line)]
    assert numbers == [f"{n}." for n in range(1, len(sources) + 1)]
    for source in sources:
        if not source.url:
            continue
        whole = any(line == source.url or line.endswith(" " + source.url) for line in lines)
        pieces = targets.count(encoded(source.url))
        if pieces == 1:  # drawn whole on one line: the line is the address or ends with it
            assert whole, source.url
        else:  # broken after slashes: consecutive lines spell it out
            assert any("".join(lines[i : i + pieces]) == source.url for i in range(len(lines))), (
                source.url
            )
    assert "more source" not in text


def test_the_pdf_has_a_title_block_naming_dataset_period_and_filters(
    qapp, bundled, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    chosen = settings(tmp_path / "t.pdf", hidden_categories=frozenset({"funding"}), search="")
    lines = pdf_text(render_image(bundled, chosen, offscreen_timeline).data).splitlines()
    assert lines[0] == "Land mines in Nagorno-Karabakh, 1991–2023"
    assert lines[1].startswith("Period shown: 1991 – 2023 (1991-01-01 to 2023-12-31) · Filters: ")
    assert "event categories shown:" in lines[1] and "Funding" not in lines[1]


def test_svg_footer_text_is_at_least_8_points_at_its_physical_size(qapp, bundled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = render_image(
        bundled, settings(tmp_path / "t.svg", width=1920, height=1080), offscreen_timeline
    ).data
    root = ET.fromstring(data)
    width_mm = float(root.get("width", "").removesuffix("mm"))
    view_width = float(root.get("viewBox", "").split()[2])
    mm_per_unit = width_mm / view_width
    titles = {source.title for source in bundled.sources.values()}
    sizes = []
    for group in root.iter(f"{SVG}g"):
        size = group.get("font-size")
        for text in group.findall(f"{SVG}text"):
            content = "".join(text.itertext())
            if content.startswith(("Period: ", "Sources of what")) or any(
                content.startswith(title) for title in titles
            ):
                assert size is not None, content
                sizes.append(float(size) * mm_per_unit * POINTS_PER_MM)
    assert len(sizes) > 20
    assert min(sizes) >= 8.0


def test_a_picture_grows_to_list_every_source_rather_than_leave_some_out(
    qapp, sample_dataset, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    extra = {
        f"extra-{n}": Source(f"extra-{n}", f"Extra report {n}", "Archive", f"https://e.org/{n}")
        for n in range(80)
    }
    event = dataclasses.replace(sample_dataset.events[1], id="ev-extra", sources=tuple(extra))
    crowded = dataclasses.replace(
        sample_dataset,
        sources={**sample_dataset.sources, **extra},
        events=(*sample_dataset.events, event),
    )
    rendered = render_image(
        crowded, settings(tmp_path / "t.svg", width=1200, height=800), offscreen_timeline
    )
    root = ET.fromstring(rendered.data)
    height = float(root.get("viewBox", "").split()[3])
    assert height > 800  # taller than asked, by what the sources need
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for n in range(80):
        assert f"Extra report {n} — Archive. https://e.org/{n}" in texts
    assert not any("more source" in text for text in texts)
    png = render_image(
        crowded, settings(tmp_path / "t.png", width=1200, height=800), offscreen_timeline
    )
    assert QImage.fromData(png.data).height() == round(height)
