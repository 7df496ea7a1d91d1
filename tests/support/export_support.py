"""Helpers for the export tests: read back what an export wrote, as a reader's tools would.

``pdf_text`` decodes the text of a PDF made by Qt (compressed streams, fonts with ToUnicode
maps) with the standard library only, so the tests need no PDF tool installed; it finds what a
viewer's search and copy would find. Imported by name as ``export_support``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QImage

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "sample"

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_FONT_REF = re.compile(rb"/(\w+) (\d+) 0 R")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|/(\w+)\s+[\d.]+\s+Tf|\b(BT|ET|Tj|TJ)\b")


@dataclass(frozen=True)
class PdfObject:
    header: bytes
    stream: bytes | None


def pdf_objects(data: bytes) -> dict[int, PdfObject]:
    bodies = {int(match.group(1)): match.group(2) for match in _OBJECT.finditer(data)}
    objects = {}
    for number, body in bodies.items():
        stream_match = _STREAM.search(body)
        stream = None
        header = body
        if stream_match:
            header = body[: stream_match.start()]
            # The stream is /Length bytes long: its own last byte may be a carriage return,
            # which the pattern's optional one before "endstream" would otherwise take.
            stream = body[stream_match.start(1) :][: _stream_length(header, bodies)]
            if b"/FlateDecode" in header:
                stream = zlib.decompress(stream)
        objects[number] = PdfObject(header, stream)
    return objects


def _stream_length(header: bytes, bodies: dict[int, bytes]) -> int | None:
    found = re.search(rb"/Length (\d+)( 0 R)?", header)
    if found is None:
        return None
    if found.group(2):
        return int(bodies[int(found.group(1))].strip())
    return int(found.group(1))


def _cmap(stream: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for low, high, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            first, last = int(low, 16), int(high, 16)
            if rest.startswith(b"["):
                targets = re.findall(rb"<([0-9A-Fa-f]+)>", rest)
                for offset, target in enumerate(targets[: last - first + 1]):
                    text = bytes.fromhex(target.decode()).decode("utf-16-be")
                    mapping[first + offset] = text
            else:
                start = int(rest.strip(b"<>"), 16)
                for offset in range(last - first + 1):
                    mapping[first + offset] = chr(start + offset)
    return mapping


def pdf_text(data: bytes) -> str:
    """The text a PDF viewer would let you search: one line per text block, in drawing order."""
    objects = pdf_objects(data)
    cmaps = {}
    for number, obj in objects.items():
        found = re.search(rb"/ToUnicode (\d+) 0 R", obj.header)
        if found and objects[int(found.group(1))].stream is not None:
            cmaps[number] = _cmap(objects[int(found.group(1))].stream or b"")
    fonts: dict[bytes, dict[int, str]] = {}
    for obj in objects.values():
        for name, number in _FONT_REF.findall(obj.header):
            if int(number) in cmaps:
                fonts[name] = cmaps[int(number)]
    lines: list[str] = []
    for obj in objects.values():
        if obj.stream is None or b"Tf" not in obj.stream:
            continue
        current: dict[int, str] = {}
        line: list[str] = []
        for match in _TOKEN.finditer(obj.stream):
            hex_text, font, operator = match.groups()
            if font is not None:
                current = fonts.get(font.encode() if isinstance(font, str) else font, {})
            elif hex_text is not None:
                for i in range(0, len(hex_text) - 3, 4):
                    line.append(current.get(int(hex_text[i : i + 4], 16), "\ufffd"))
            elif operator == b"ET" and line:
                lines.append("".join(line))
                line = []
    # Qt maps the space glyph to a tab and uses ligature glyphs (ﬁ); a viewer's search sees both
    # as the plain letters, and so do these tests.
    text = unicodedata.normalize("NFKC", "\n".join(lines))
    return text.replace("\t", " ")


def media_boxes(data: bytes) -> list[tuple[float, float]]:
    """Width and height, in points, of each page."""
    boxes = re.findall(rb"/MediaBox \[\s*([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)\s*\]", data)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def colour_near(image: QImage, x: float, y: float, colour: QColor, radius: int = 3) -> bool:
    """Whether a pixel within ``radius`` of (x, y) has ``colour`` (give or take anti-aliasing)."""
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            px, py = round(x) + dx, round(y) + dy
            if 0 <= px < image.width() and 0 <= py < image.height():
                pixel = image.pixelColor(px, py)
                if (
                    max(
                        abs(pixel.red() - colour.red()),
                        abs(pixel.green() - colour.green()),
                        abs(pixel.blue() - colour.blue()),
                    )
                    <= 12
                ):
                    return True
    return False


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


def run_headless(*args: str, cwd: Path) -> CliRun:
    """``python -m karabakh_timeline ARGS`` with no display at all and no Qt platform chosen."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "karabakh_timeline", *args],
        capture_output=True,
        cwd=cwd,
        env=environment,
        timeout=180,
        text=True,
        encoding="utf-8",
    )
    assert "Traceback" not in result.stderr, result.stderr
    return CliRun(result.returncode, result.stdout, result.stderr)
