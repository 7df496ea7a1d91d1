"""Open a TimelineJS timeline in its JSON format (``title``, ``events``, ``eras``, ``scale``).

The format is TimelineJS3's (https://timeline.knightlab.com/docs/json-format.html). Each slide
of ``events`` becomes an event: its ``start_date`` and ``end_date`` keep their precision (year;
year and month; or a day); ``text.headline`` is its title and ``text.text`` its description,
both reduced to plain text; ``group`` is its category; ``unique_id`` is kept as its id. The
``title`` slide names the dataset, and ``eras`` become eras. ``media.credit`` and ``media.url``,
where a slide has them, become a source the event cites beside the file itself, so an imported
event always says where it came from. A ``display_date`` and a time of day are kept in the
event's note, word for word.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from karabakh_timeline.model import records as r
from karabakh_timeline.model.dates import DateError, PartialDate, Period
from karabakh_timeline.model.json_reader import read_json
from karabakh_timeline.model.load_progress import RECORDS_BETWEEN_CALLS, ProgressTracker
from karabakh_timeline.model.loading.html_text import plain_text
from karabakh_timeline.model.problems import Problem
from karabakh_timeline.model.yaml_reader import YamlList, YamlMap, line_of

FILE_SOURCE_ID = "timelinejs-file"
UNGROUPED = r.Category("ungrouped", "No group", "Slides of the timeline with no group")
TOP_KEYS = frozenset({"title", "events", "eras", "scale"})
_SNIFF_BYTES = 256_000
_WHOLE = re.compile(r"-?[0-9]+")  # ASCII digits only
_NOT_ID = re.compile(r"[^a-z0-9]+")
_WEB = re.compile(r"https?://\S+", re.IGNORECASE)
_TITLE_LENGTH = 80


def looks_like_timelinejs(path: Path) -> bool:
    """Whether the JSON file at ``path`` is a TimelineJS timeline rather than one of ours.

    Judged by content: a mapping of TimelineJS's keys only, whose slides have a ``start_date``.
    Our own JSON datasets name their dates ``date``, so a quick look at the text rules most of
    them out before anything is parsed.
    """
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
        if b'"start_date"' not in head:
            return False
        document = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(document, dict) or "events" not in document:
        return False
    if not set(document) <= TOP_KEYS:
        return False
    events = document["events"]
    return isinstance(events, list) and any(
        isinstance(slide, dict) and "start_date" in slide for slide in events
    )


@dataclass
class _Imported:
    path: str
    name: str
    description: str = ""
    sources: dict[str, r.Source] = field(default_factory=dict)
    source_of_media: dict[tuple[str, str], str] = field(default_factory=dict)
    categories: dict[str, r.Category] = field(default_factory=dict)
    category_of_group: dict[str, str] = field(default_factory=dict)
    events: list[r.Event] = field(default_factory=list)
    eras: list[r.Era] = field(default_factory=list)
    first_line_of_id: dict[str, int] = field(default_factory=dict)
    next_number: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line or None, message))


def import_timelinejs_json(
    path: Path | str, tracker: ProgressTracker | None = None
) -> tuple[r.Dataset | None, list[Problem]]:
    """Read the file; the dataset is returned only when there is no problem at all."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [Problem(str(file), None, f"cannot be read: {error.strerror}")]
    if tracker is not None:
        tracker.begin_file(0)
    document, problems = read_json(str(file), raw)  # the careful reader, which names lines
    if problems:
        return None, problems
    if tracker is not None:
        tracker.file_parsed()
    into = _Imported(str(file), file.stem)
    if not isinstance(document, YamlMap) or not isinstance(document.get("events"), list):
        into.problem(1, "is not a TimelineJS timeline: no list of 'events'")
        return None, into.problems
    for key in document:
        if key not in TOP_KEYS:
            known = ", ".join(sorted(TOP_KEYS))
            into.problem(
                document.key_line(key), f"unknown key '{key}' of a timeline; known: {known}"
            )
    scale = document.get("scale", "human")
    if scale != "human":
        into.problem(
            document.key_line("scale"),
            f"the scale '{scale}' is not one this app shows: it places calendar dates "
            "(TimelineJS's 'human' scale) from the year 1 to 9999",
        )
        return None, into.problems
    _read_title(document.get("title"), document.key_line("title"), into)
    slides = document["events"]
    for index, slide in enumerate(slides):
        line = _item_line(slides, index)
        _read_slide(slide, line, into)
        if tracker is not None and (index + 1) % RECORDS_BETWEEN_CALLS == 0:
            tracker.records_read(index + 1, len(slides))
    eras = document.get("eras") or []
    if not isinstance(eras, list):
        into.problem(document.key_line("eras"), "'eras' must be a list of eras")
    else:
        for index, era in enumerate(eras):
            _read_era(era, _item_line(eras, index), into)
    if not into.problems and not into.events:
        into.problem(document.key_line("events"), "holds no events (slides with a start_date)")
    if into.problems:
        return None, into.problems
    into.sources[FILE_SOURCE_ID] = r.Source(
        FILE_SOURCE_ID,
        title=f"TimelineJS timeline {file.name}",
        publisher="imported file",
        url=file.resolve().as_uri(),
        note="Every record of this dataset was read from this file.",
    )
    dataset = r.Dataset(
        info=r.DatasetInfo(into.name, "unversioned", into.description),
        sources=into.sources,
        places={},
        categories=into.categories,
        series={},
        eras=tuple(sorted(into.eras, key=lambda e: e.date.sort_key())),
        events=tuple(sorted(into.events, key=lambda e: e.date.sort_key())),
        casualties=(),
        clearance=(),
        conflicts=(),
    )
    if tracker is not None:
        tracker.finished()
    return dataset, []


def _item_line(items: list[Any], index: int) -> int:
    return items.item_line(index) if isinstance(items, YamlList) else 0


def _texts(slide: dict[str, Any]) -> tuple[str, str]:
    text = slide.get("text")
    if not isinstance(text, dict):
        return "", ""
    return _plain(text.get("headline")), _plain(text.get("text"))


def _plain(value: Any) -> str:
    return plain_text(str(value)) if isinstance(value, str | int | float) else ""


def _read_title(title: Any, line: int, into: _Imported) -> None:
    if title is None:
        return
    if not isinstance(title, dict):
        into.problem(line, "'title' must be a slide (a mapping with 'text')")
        return
    headline, text = _texts(title)
    into.name = headline or into.name
    into.description = text


def _read_slide(slide: Any, line: int, into: _Imported) -> None:
    if not isinstance(slide, dict):
        into.problem(line, "a slide of 'events' must be a mapping with a 'start_date'")
        return
    period = _period(slide, line, into)
    headline, text = _texts(slide)
    title = headline or _first_line(text) or _plain(_media(slide).get("caption"))
    if not title:
        into.problem(line, "the slide has no headline and no text to name it by")
        return
    if period is None:
        return
    ident = _ident(slide, title, period, line, into)
    if ident is None:
        return
    sources = [FILE_SOURCE_ID]
    media_source = _media_source(slide, into)
    if media_source:
        sources.append(media_source)
    group = _plain(slide.get("group"))
    into.events.append(
        r.Event(
            ident,
            period,
            _category(group, into),
            title,
            text,
            tuple(sources),
            note=_date_note(slide),
            origin=r.Origin(into.path, line),
        )
    )


def _read_era(era: Any, line: int, into: _Imported) -> None:
    if not isinstance(era, dict):
        into.problem(line, "an era must be a mapping with a 'start_date' and an 'end_date'")
        return
    if "end_date" not in era:
        into.problem(line_of(era) or line, "an era needs an 'end_date' as well as a 'start_date'")
        return
    period = _period(era, line, into)
    headline, text = _texts(era)
    if not headline:
        into.problem(line, "the era has no headline to name it by")
        return
    if period is None:
        return
    ident = _unique(f"era-{period.start.year if period.start else 0}-{_slug(headline)[:40]}", into)
    into.eras.append(r.Era(ident, headline, period, text, (FILE_SOURCE_ID,)))


def _period(slide: dict[str, Any], line: int, into: _Imported) -> Period | None:
    if "start_date" not in slide:
        into.problem(line, "the slide has no 'start_date': TimelineJS needs one to place it")
        return None
    start = _date(slide["start_date"], "start_date", line_of(slide, "start_date") or line, into)
    end_value = slide.get("end_date")
    end = None
    if end_value is not None and end_value != {}:
        end = _date(end_value, "end_date", line_of(slide, "end_date") or line, into)
        if end is None:
            return None
    if start is None:
        return None
    if end is not None and end.last_day() < start.first_day():
        into.problem(line, f"ends ({end.display()}) before it starts ({start.display()})")
        return None
    return Period(start, end or start)


def _date(value: Any, key: str, line: int, into: _Imported) -> PartialDate | None:
    """A TimelineJS date object as precise as it is filled in: year, month, day."""
    if not isinstance(value, dict):
        into.problem(line, f"'{key}' must be a mapping with a 'year'")
        return None
    numbers: list[int] = []
    for part in ("year", "month", "day"):
        cell = value.get(part)
        text = "" if cell is None else str(cell).strip()
        if isinstance(cell, bool) or (cell is not None and not isinstance(cell, str | int)):
            into.problem(line, f"'{key}' {part} must be a whole number, not {cell!r}")
            return None
        if not text:
            if part == "year":
                into.problem(line, f"'{key}' has no year: every date needs one")
                return None
            break
        if not _WHOLE.fullmatch(text) or len(text) > 12:
            into.problem(line, f"'{key}' {part} '{text[:20]}' is not a whole number in digits 0-9")
            return None
        numbers.append(int(text))
    if len(numbers) < 3 and str(value.get("day") or "").strip():
        into.problem(line, f"'{key}' has a day but no month")
        return None
    year = numbers[0]
    if not 1 <= year <= 9999:
        into.problem(
            line,
            f"'{key}' year {year} is outside the calendar this app places (years 1 to 9999)",
        )
        return None
    text = f"{year:04d}" + "".join(f"-{n:02d}" for n in numbers[1:])
    try:
        return PartialDate.parse(text)
    except DateError as error:
        into.problem(line, f"'{key}': {error}")
        return None


def _date_note(slide: dict[str, Any]) -> str:
    notes = []
    display = slide.get("display_date")
    if isinstance(display, str) and display.strip():
        notes.append(f"Dated in the timeline as '{plain_text(display)}'.")
    for key in ("start_date", "end_date"):
        date = slide.get(key)
        if isinstance(date, dict):
            shown = date.get("display_date")
            if isinstance(shown, str) and shown.strip():
                side = "Starts" if key == "start_date" else "Ends"
                notes.append(f"{side} '{plain_text(shown)}' in the timeline.")
            time = _time(date)
            if time:
                side = "starts" if key == "start_date" else "ends"
                notes.append(f"The timeline {side} at {time}.")
    return " ".join(notes)


def _time(date: dict[str, Any]) -> str:
    parts = [str(date.get(key, "")).strip() for key in ("hour", "minute", "second")]
    if not parts[0]:
        return ""
    return ":".join(part.zfill(2) for part in parts if part)


def _ident(
    slide: dict[str, Any], title: str, period: Period, line: int, into: _Imported
) -> str | None:
    given = slide.get("unique_id")
    if isinstance(given, str | int) and not isinstance(given, bool) and str(given).strip():
        ident = str(given).strip()
        if ident in into.first_line_of_id:
            first = into.first_line_of_id[ident]
            where = f" (first used on line {first})" if first else ""
            into.problem(line, f"the unique_id '{ident}' is used twice{where}")
            return None
        into.first_line_of_id[ident] = line
        return ident
    year = period.start.year if period.start else 0
    return _unique(f"{year}-{_slug(title)[:40]}".strip("-"), into)


def _unique(base: str, into: _Imported) -> str:
    """``base``, or ``base-2``, ``base-3``…: the first not used yet, found in linear time."""
    base = base.strip("-") or "slide"
    ident = base
    if ident in into.first_line_of_id:
        number = into.next_number.get(base, 2)
        ident = f"{base}-{number}"
        while ident in into.first_line_of_id:
            number += 1
            ident = f"{base}-{number}"
        into.next_number[base] = number + 1
    into.first_line_of_id[ident] = 0
    return ident


def _category(group: str, into: _Imported) -> str:
    if not group:
        into.categories.setdefault(UNGROUPED.id, UNGROUPED)
        return UNGROUPED.id
    known = into.category_of_group.get(group)
    if known is not None:
        return known
    ident = _slug(group) or "group"
    base, number = ident, 2
    while ident in into.categories:
        ident, number = f"{base}-{number}", number + 1
    into.categories[ident] = r.Category(ident, group, f"The timeline's group '{group}'")
    into.category_of_group[group] = ident
    return ident


def _media(slide: dict[str, Any]) -> dict[str, Any]:
    media = slide.get("media")
    return media if isinstance(media, dict) else {}


def _media_source(slide: dict[str, Any], into: _Imported) -> str | None:
    """The slide's media credit and address as a source; ``None`` when it gives neither."""
    media = _media(slide)
    credit = _plain(media.get("credit"))
    raw_url = media.get("url")
    url_match = _WEB.fullmatch(raw_url.strip()) if isinstance(raw_url, str) else None
    url = url_match.group(0) if url_match else None
    if not credit and url is None:
        return None
    key = (credit, url or "")
    known = into.source_of_media.get(key)
    if known is not None:
        return known
    ident = f"media-{len(into.source_of_media) + 1}"
    caption = _plain(media.get("caption"))
    title = caption or credit or (url or "")
    into.sources[ident] = r.Source(
        ident,
        title=title[:200],
        publisher=credit or "media of the timeline (no credit given)",
        url=url,
        note="The media credit and address of a slide of the imported timeline.",
    )
    into.source_of_media[key] = ident
    return ident


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= _TITLE_LENGTH else line[: _TITLE_LENGTH - 1].rstrip() + "…"


def _slug(text: str) -> str:
    return _NOT_ID.sub("-", text.casefold()).strip("-")
