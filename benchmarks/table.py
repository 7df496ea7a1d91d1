"""The results as table rows, each with the target it is held to (from the performance goals)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Row:
    what: str
    events: int | None
    median: float
    p95: float | None
    unit: str  # "s", "ms" or "×" (a ratio to the import floor)
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        events = f"{self.events:,}" if self.events else ""
        p95 = "" if self.p95 is None else _number(self.p95, self.unit)
        met = {None: "", True: "yes", False: "NO"}[self.met]
        return [self.what, events, _number(self.median, self.unit), p95, self.target, met]


def _number(value: float, unit: str) -> str:
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:.1f} ms"


HEADINGS = ["measurement", "events", "median", "p95", "target", "met"]


def rows_for(results: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for load in results["load"]:
        row = Row(
            f"load and validate, {load['format']}", load["events"], load["median_s"], None, "s"
        )
        if load["format"] == "JSON" and load["events"] == 100_000:
            row.target, row.met = "≤ 1.5 s", load["median_s"] <= 1.5
        rows.append(row)
    processes = results["processes"]
    rows.append(Row("import floor (PySide6.QtWidgets, pyqtgraph)", None,
                    processes["floor"]["median_s"], None, "s"))  # fmt: skip
    paint = processes["first_paint"]
    rows.append(Row("first painted window, bundled dataset", None, paint["median_s"], None, "s"))
    rows.append(Row("  … as a ratio to the floor", None, paint["ratio_to_floor"], None, "×",
                    "≤ 1.5×", paint["ratio_to_floor"] <= 1.5))  # fmt: skip
    export = processes["export_png"]
    rows.append(Row("headless PNG export, bundled dataset", None, export["median_s"], None, "s"))
    rows.append(Row("  … as a ratio to the floor", None, export["ratio_to_floor"], None, "×",
                    "≤ 2×", export["ratio_to_floor"] <= 2.0))  # fmt: skip
    for size in results["paint"]:
        for paint in size["paints"]:
            row = Row(f"paint after a {paint['step']} step, {paint['view']}", size["events"],
                      paint["median_ms"], paint["p95_ms"], "ms")  # fmt: skip
            if size["events"] == 100_000:
                row.target = "≤ 16 ms, p95 ≤ 33 ms"
                row.met = paint["median_ms"] <= 16 and paint["p95_ms"] <= 33
            elif size["events"] == 1_000_000:
                row.target, row.met = "≤ 33 ms", paint["median_ms"] <= 33
            rows.append(row)
    for change in results["selection"]:
        row = Row("selection change → both panels updated", change["events"],
                  change["median_ms"], change["p95_ms"], "ms")  # fmt: skip
        if change["events"] == 100_000:
            row.target, row.met = "≤ 50 ms", change["median_ms"] <= 50
        rows.append(row)
    for change in results.get("map", []):
        row = Row(f"selection change → map updated, {change['places']:,} places",
                  change["events"], change["median_ms"], change["p95_ms"], "ms")  # fmt: skip
        if change["events"] == 100_000:
            row.target, row.met = "≤ 50 ms", change["median_ms"] <= 50
        rows.append(row)
    return rows


def text_table(rows: list[Row]) -> str:
    lines = [HEADINGS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(HEADINGS))]
    right = {1, 2, 3}

    def format_line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([format_line(lines[0]), format_line(["-" * w for w in widths])]
                     + [format_line(cells) for cells in lines[1:]])  # fmt: skip


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADINGS) + " |", "|---|--:|--:|--:|---|---|"]
    lines += ["| " + " | ".join(cell.strip() or " " for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def as_json(rows: list[Row]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]
