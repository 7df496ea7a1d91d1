"""Pictures with the map: beside the timeline or alone, vector in SVG and PDF, with the credit."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_support import colour_near, pdf_text, run_headless
from PySide6.QtGui import QImage

from karabakh_timeline.export.image.image_export import ImageExportSettings, render_image
from karabakh_timeline.export.image.map_style import LAND, SEA
from karabakh_timeline.export.safe_write import ExportError
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.ui.timeline.offscreen import offscreen_timeline

MAP_SAMPLE = Path(__file__).parents[2] / "fixtures" / "map" / "map.yaml"
YEAR_2021 = DateRange(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
EXPORTED = dt.date(2024, 3, 1)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def map_dataset():  # type: ignore[no-untyped-def]
    return load_dataset(MAP_SAMPLE)


def settings(path: Path, **changes: object) -> ImageExportSettings:
    return ImageExportSettings(path=path, shown=YEAR_2021, exported_on=EXPORTED, **changes)  # type: ignore[arg-type]


def test_the_map_beside_the_timeline_takes_the_right_of_the_picture(qapp, map_dataset, tmp_path):  # type: ignore[no-untyped-def]
    rendered = render_image(
        map_dataset, settings(tmp_path / "t.png", map="beside"), offscreen_timeline
    )
    image = QImage.fromData(rendered.data)
    top = rendered.timeline.height()
    # The far right is the Caspian (sea), the left is the timeline on white.
    assert colour_near(image, 1920 - 12, top * 0.75, SEA, radius=3)
    assert not colour_near(image, 200, top * 0.5, SEA, radius=3)
    # Inside the map there is land as well as sea.
    assert colour_near(image, 1920 * 0.72, top * 0.45, LAND, radius=6)


def test_the_map_alone_has_no_timeline(qapp, map_dataset, tmp_path):  # type: ignore[no-untyped-def]
    rendered = render_image(
        map_dataset, settings(tmp_path / "m.svg", map="only"), offscreen_timeline
    )
    root = ET.fromstring(rendered.data)
    texts = ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]
    assert "ARMENIA" in texts and "AZERBAIJAN" in texts and "Caspian Sea" in texts
    assert "Aghdam" in texts and "Kalbajar" in texts  # the places with 2021 incidents
    assert any("Made with Natural Earth" in text for text in texts)
    assert "Incidents" not in texts  # the timeline's lane names are not drawn
    assert not list(root.iter(f"{SVG}image")), "the map must be drawn, not pasted in"


def test_the_map_writes_the_chosen_names(qapp, map_dataset, tmp_path):  # type: ignore[no-untyped-def]
    chosen = settings(tmp_path / "m.svg", map="only", naming=Naming.AZERBAIJANI)
    root = ET.fromstring(render_image(map_dataset, chosen, offscreen_timeline).data)
    texts = ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]
    assert "Ağdam" in texts and "Kəlbəcər" in texts and "Aghdam" not in texts


def test_an_unknown_map_choice_is_a_clear_message(tmp_path):  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="unknown map choice 'left'; known: none, beside, only"):
        settings(tmp_path / "m.png", map="left")


def test_the_command_line_exports_a_pdf_with_the_map_and_its_credit(tmp_path: Path) -> None:
    run = run_headless(
        "export", "map.pdf", "--data", str(MAP_SAMPLE), "--from", "2021", "--to", "2021",
        "--map", "beside", cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    text = " ".join(pdf_text((tmp_path / "map.pdf").read_bytes()).split())
    assert "Made with Natural Earth" in text
    assert "Borders are approximate and not authoritative" in text
    assert "AZERBAIJAN" in text and "Kalbajar" in text
    assert "Blast on a Kalbajar road" in text  # the timeline is there too
