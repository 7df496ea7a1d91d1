"""``export`` and ``export-data`` run by a fresh interpreter with no display, as on a server."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from export_support import SAMPLE, media_boxes, pdf_text, run_headless
from PySide6.QtGui import QImage

DATA = ("--data", str(SAMPLE))


def test_export_pdf_needs_no_display(tmp_path: Path) -> None:
    run = run_headless("export", "timeline.pdf", *DATA, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == "Wrote timeline.pdf (1991 – 2023)"
    data = (tmp_path / "timeline.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert media_boxes(data) == [(842.0, 595.0)]  # A4 landscape unless told otherwise
    text = pdf_text(data)
    assert "Tractor hits a mine near Aghdam" in text
    assert "Sources of what is shown (3):" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.pdf"]


def test_export_of_the_bundled_dataset_lists_its_sources(tmp_path: Path) -> None:
    run = run_headless("export", "timeline.pdf", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    data = (tmp_path / "timeline.pdf").read_bytes()
    boxes = media_boxes(data)
    assert boxes and set(boxes) == {(842.0, 595.0)}
    text = pdf_text(data)
    assert "Period: 1991 – 2023" in text
    assert "Sources of what is shown (" in text
    assert "https://" in text


def test_export_png_with_size_and_dpi(tmp_path: Path) -> None:
    run = run_headless(
        "export", "out.png", "--width", "1600", "--height", "1200", "--dpi", "150",
        "--from", "2004", "--to", "2005", "--category", "incident", "--panels", *DATA,
        cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    image = QImage(str(tmp_path / "out.png"))
    assert (image.width(), image.height()) == (1600, 1200)  # 10.7 by 8 inches: all fits
    assert round(image.dotsPerMeterX() * 0.0254) == 150


def test_export_svg_with_a_search(tmp_path: Path) -> None:
    run = run_headless("export", "maps.svg", "--search", "maps", *DATA, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    svg = (tmp_path / "maps.svg").read_text(encoding="utf-8")
    assert "Mine maps of Zangilan" in svg or "Mine maps of Zangil" in svg
    assert "Tractor hits a mine" not in svg
    assert "events matching “maps”" in svg


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("timeline.gif",),
            "timeline.gif has '.gif'; the file name must end in one of: .png, .svg, .pdf",
        ),
        (
            ("t.pdf", "--width", "800"),
            "--width apply to PNG and SVG; a PDF takes --page and --orientation",
        ),
        (("t.png", "--page", "A3"), "--page apply to PDF; a PNG or SVG takes --width and --height"),
        (("t.svg", "--dpi", "300"), "--dpi apply to PNG only: an SVG is vector"),
        (
            ("t.png", "--category", "weather"),
            "unknown category weather; known: incident, clearance, politics",
        ),
        (("t.png", "--width", "10"), "the width must be 300 to 20,000 pixels, not 10"),
        (
            ("t.png", "--width", "1000", "--height", "700", "--dpi", "300"),
            "1000 × 700 pixels at 300 DPI is too small to read; give at least 1250 × 938",
        ),
    ],
)
def test_export_mistakes_get_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    run = run_headless("export", *args, *DATA, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == f"karabakh-timeline: {message}"
    assert list(tmp_path.iterdir()) == []


def test_a_bad_from_is_refused_before_anything_is_drawn(tmp_path: Path) -> None:
    run = run_headless("export", "t.png", "--from", "2004-13", *DATA, cwd=tmp_path)
    assert run.returncode == 2
    assert "argument --from: '2004-13' has no month 13" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_exist_is_named(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("a file, not a folder")
    run = run_headless("export", "report.txt/t.png", *DATA, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "karabakh-timeline: cannot write t.png: report.txt is a file, not a folder"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_a_broken_dataset_is_reported_by_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("Year,Headline\n2004,Fine\n2004-06,Not a year\n", encoding="utf-8")
    run = run_headless("export", "t.pdf", "--data", str(broken), cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.strip() == f"{broken}:3: Year '2004-06' is not a whole number in digits 0-9"
    assert not (tmp_path / "t.pdf").exists()


def test_export_data_zip(tmp_path: Path) -> None:
    run = run_headless(
        "export-data", "data.zip", "--from", "2004", "--to", "2004", *DATA, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(tmp_path / "data.zip") as archive:
        assert {
            "events.csv",
            "casualties.csv",
            "clearance.csv",
            "sources.csv",
            "README.txt",
        } == set(archive.namelist())
        events = archive.read("events.csv").decode("utf-8-sig")
    assert [row["id"] for row in csv.DictReader(io.StringIO(events))] == ["ev-2004-aghdam"]


def test_export_data_one_table_needs_its_kind(tmp_path: Path) -> None:
    refused = run_headless("export-data", "t.csv", *DATA, cwd=tmp_path)
    assert refused.returncode == 2
    assert "a .csv file holds one table: add --kind" in refused.stderr
    assert list(tmp_path.iterdir()) == []
    run = run_headless("export-data", "t.csv", "--kind", "clearance", *DATA, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 5


def test_timelinejs_from_the_command_line_opens_back_in_the_app(tmp_path: Path) -> None:
    run = run_headless("export-data", "sheet.csv", "--format", "timelinejs", *DATA, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    listed = run_headless("events", "--data", "sheet.csv", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    titles = [event["title"] for event in json.loads(listed.stdout)["events"]]
    assert titles == [
        "First training programme",
        "Tractor hits a mine near Aghdam",
        "Organisation banned",
        "Three killed in Kalbajar",
        "Mine maps of Zangilan handed over",
        "Map accuracy questioned",
    ]
    as_json = run_headless("export-data", "timeline.json", *DATA, cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    document = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert len(document["events"]) == 6


@pytest.mark.parametrize(("command", "suffix"), [("export", ".png"), ("export-data", ".zip")])
def test_a_file_name_longer_than_the_system_allows_is_one_line(
    tmp_path: Path, command: str, suffix: str
) -> None:
    name = "n" * 300 + suffix
    run = run_headless(command, name, *DATA, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        f"karabakh-timeline: cannot write {name}: the file name {name} is too long"
    )
    assert list(tmp_path.iterdir()) == []
