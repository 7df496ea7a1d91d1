"""Load a dataset folder or file, validate it completely, and build the immutable ``Dataset``.

``load_dataset`` raises ``DatasetError`` listing every problem; ``check_dataset`` returns them.
Both take an optional ``progress`` callback that can stop a long load (``LoadCancelled``).
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from karabakh_timeline.bundled import bundled_data_dir
from karabakh_timeline.model import records as r
from karabakh_timeline.model.detail_readers import check_victims, read_control, read_victims
from karabakh_timeline.model.fast_events import quick_event
from karabakh_timeline.model.fields import FieldReader, as_records
from karabakh_timeline.model.figures import Count
from karabakh_timeline.model.json_reader import read_json
from karabakh_timeline.model.land_release import (
    RELEASE_METHODS,
    REMAINING_STATUSES,
    read_area_table,
)
from karabakh_timeline.model.load_progress import (
    RECORDS_BETWEEN_CALLS,
    LoadCancelled,
    Progress,
    ProgressTracker,
)
from karabakh_timeline.model.problems import DatasetError, Problem
from karabakh_timeline.model.victims import Device, split_counts
from karabakh_timeline.model.yaml_reader import JsonMap, YamlMap, line_of, read_json_fast, read_yaml

SECTIONS = (
    "dataset", "sources", "places", "scopes", "categories", "series", "eras",
    "events", "casualties", "clearance", "conflicts", "incidents", "organisations",
)  # fmt: skip
YAML_SUFFIXES = (".yaml", ".yml", ".json")  # JSON holds the same sections, and reads far faster
_Dated = TypeVar("_Dated", r.Era, r.Event, r.CasualtyReport, r.ClearanceReport)


@dataclass
class _Collected:
    """What has been read so far, with where each id was first seen (for duplicate messages)."""

    info: r.DatasetInfo | None = None
    sources: dict[str, r.Source] = field(default_factory=dict)
    places: dict[str, r.Place] = field(default_factory=dict)
    scopes: dict[str, r.Scope] = field(default_factory=dict)
    organisations: dict[str, r.Organisation] = field(default_factory=dict)
    organisation_names: dict[str, tuple[str, int]] = field(default_factory=dict)
    categories: dict[str, r.Category] = field(default_factory=dict)
    series: dict[str, r.Series] = field(default_factory=dict)
    eras: list[r.Era] = field(default_factory=list)
    events: list[r.Event] = field(default_factory=list)
    casualties: list[r.CasualtyReport] = field(default_factory=list)
    clearance: list[r.ClearanceReport] = field(default_factory=list)
    conflicts: list[r.Conflict] = field(default_factory=list)
    # Incidents need their first place to have coordinates: (incident id, place id, path, line).
    incident_places: list[tuple[str, str, str, int]] = field(default_factory=list)
    # (series, date, places, killed, injured) -> incident id: one incident must not come twice.
    incident_keys: dict[tuple[object, ...], str] = field(default_factory=dict)
    # Cross-references are checked after every file is read: (what, id, path, line).
    references: list[tuple[str, str, str, int]] = field(default_factory=list)
    seen_ids: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    origins: dict[str, r.Origin] = field(default_factory=dict)


def default_dataset_path() -> Path:
    return bundled_data_dir()


def dataset_files(path: Path) -> tuple[list[Path], list[Problem]]:
    try:
        if not path.exists():
            return [], [Problem(str(path), None, "no such file or folder")]
        if path.is_dir():
            return _folder_files(path)
        if not path.is_file():  # a device or a pipe could be read for ever
            return [], [Problem(str(path), None, "not a file or a folder")]
    except OSError as error:
        return [], [Problem(str(path), None, f"cannot be read: {error.strerror}")]
    return [path], []


def _folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The dataset files of a folder; an entry that looks like one but is not read is a problem.

    Only names ending exactly in .yaml, .yml or .json are read: a problem says so for "eras.YAML"
    (which some systems would open and others not) and for a folder named like a file, rather
    than leaving their records out without a word.
    """
    files, problems = [], []
    for entry in sorted(folder.iterdir()):
        suffix = entry.suffix
        if suffix.lower() not in YAML_SUFFIXES:
            continue
        if entry.is_dir():
            message = "is a folder, not a dataset file: folders inside a dataset are not read"
            problems.append(Problem(str(entry), None, message))
        elif suffix not in YAML_SUFFIXES:
            wanted = entry.with_suffix(suffix.lower()).name
            message = f"is not read: its name ends in '{suffix}'; rename it '{wanted}'"
            problems.append(Problem(str(entry), None, message))
        elif entry.is_file():
            files.append(entry)
    if not files and not problems:
        problems.append(Problem(str(folder), None, "the folder holds no .yaml files"))
    return files, problems


SLOW_BYTES = {".json": 8_000_000, ".yaml": 700_000, ".yml": 700_000, ".csv": 1_000_000}
"""Dataset files from about this size take more than half a second to load on a two-core
machine (``python -m benchmarks`` measures it): worth showing progress from the start."""


def slow_to_load(path: Path | str) -> bool:
    """Whether loading ``path`` will likely take more than half a second, judged by file sizes."""
    files, _ = dataset_files(Path(path))
    share = 0.0
    for file in files:
        limit = SLOW_BYTES.get(file.suffix.lower())
        try:
            share += file.stat().st_size / limit if limit else 0.0
        except OSError:
            continue
    return share >= 1.0


def load_dataset(path: Path | str | None = None, progress: Progress | None = None) -> r.Dataset:
    """The dataset at ``path``; ``DatasetError`` lists its problems, if it has any.

    ``progress(done, total)`` hears how far loading has come and may stop it (``LoadCancelled``);
    see ``karabakh_timeline.model.load_progress``.
    """
    dataset, problems = check_dataset(path, progress)
    if dataset is None:
        raise DatasetError(problems)
    return dataset


def check_dataset(
    path: Path | str | None = None, progress: Progress | None = None
) -> tuple[r.Dataset | None, list[Problem]]:
    """Read and validate; the dataset is returned only when there is no problem at all.

    ``progress`` as for ``load_dataset``: returning False raises ``LoadCancelled``.
    """
    root = Path(path) if path is not None else default_dataset_path()
    if root.suffix.lower() == ".csv" and root.is_file():
        from karabakh_timeline.model.loading.acled_csv import import_acled_csv, looks_like_acled

        if looks_like_acled(root):  # told apart from a TimelineJS sheet by its header
            return _imported(root, progress, import_acled_csv)
        from karabakh_timeline.model.timelinejs_import import import_timelinejs_csv

        return _imported(root, progress, import_timelinejs_csv)
    if root.suffix.lower() == ".json" and root.is_file():
        from karabakh_timeline.model.loading.timelinejs_json import (
            import_timelinejs_json,
            looks_like_timelinejs,
        )

        if looks_like_timelinejs(root):  # recognised by its content, not by its name
            return _imported(root, progress, import_timelinejs_json)
    dataset, problems, used_fast_path = _check(root, True, progress)
    if problems and used_fast_path:
        # The fast JSON reader keeps no line numbers; read again carefully to name them.
        dataset, problems, _ = _check(root, False, progress)
    return dataset, problems


def _imported(
    root: Path,
    progress: Progress | None,
    reader: Callable[[Path, ProgressTracker | None], tuple[r.Dataset | None, list[Problem]]],
) -> tuple[r.Dataset | None, list[Problem]]:
    """A file in another tool's format, read by its own reader under the same progress."""
    tracker = _tracker(progress, [root])
    if tracker is not None:
        tracker.start()
    with _no_garbage_collection():  # as for our own files: many records, no cycles
        found = reader(root, tracker)
    if tracker is not None:
        tracker.finished()
    return found


def _tracker(progress: Progress | None, files: list[Path]) -> ProgressTracker | None:
    if progress is None:
        return None
    sizes = []
    for file in files:
        try:
            sizes.append(file.stat().st_size)
        except OSError:  # reading it will say why
            sizes.append(0)
    return ProgressTracker(progress, sizes)


@contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Pause the cycle collector while records are built.

    Reading makes hundreds of thousands of objects and no reference cycles; the collector would
    otherwise walk every one of them again and again as they pile up, doubling the time a large
    dataset takes to load. Plain reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check(
    root: Path, fast_json: bool, progress: Progress | None
) -> tuple[r.Dataset | None, list[Problem], bool]:
    with _no_garbage_collection():
        try:
            return _check_files(root, fast_json, progress)
        except LoadCancelled:
            # Leaving this block drops the traceback, and with it everything read so far, while
            # the collector is still paused: it need not walk a million records on its way out.
            pass
    raise LoadCancelled


def _check_files(
    root: Path, fast_json: bool, progress: Progress | None
) -> tuple[r.Dataset | None, list[Problem], bool]:
    files, problems = dataset_files(root)
    tracker = _tracker(progress, files)
    if tracker is not None:
        tracker.start()
    collected = _Collected()
    used_fast_path = False
    for index, file in enumerate(files):
        if tracker is not None:
            tracker.begin_file(index)
        try:
            raw = file.read_bytes()
        except OSError as error:
            problems.append(Problem(str(file), None, f"cannot be read: {error.strerror}"))
            continue
        is_json = file.suffix.lower() == ".json"
        document = read_json_fast(raw) if fast_json and is_json else None
        used_fast_path = used_fast_path or document is not None
        _read_file(str(file), raw, collected, problems, document, tracker, is_json)
    if tracker is not None:
        tracker.finishing()
    if files:
        _check_references(collected, problems)
    if problems:
        # In reading order, file by file and line by line, whichever check found them.
        order = {str(file): index for index, file in enumerate(files)}
        problems.sort(key=lambda problem: (order.get(problem.path, -1), problem.line or 0))
        return None, problems, used_fast_path
    name = root.stem if root.is_file() else root.name
    info = collected.info or r.DatasetInfo(name=name, version="unversioned")
    dataset = r.Dataset(
        info=info,
        sources=collected.sources,
        places=collected.places,
        scopes=collected.scopes,
        organisations=collected.organisations,
        categories=collected.categories,
        series=collected.series,
        eras=_in_time_order(collected.eras),
        events=_in_time_order(collected.events),
        casualties=_in_time_order(collected.casualties),
        clearance=_in_time_order(collected.clearance),
        conflicts=tuple(collected.conflicts),
    )
    if tracker is not None:
        tracker.finished()
    return dataset, [], used_fast_path


def _in_time_order(records: list[_Dated]) -> tuple[_Dated, ...]:
    """Sorted by date, in reading order where dates are equal (``sorted`` is stable)."""
    # Records read the quick way share one Period per date text: work out each key once.
    keys: dict[int, tuple[dt.date, dt.date]] = {}

    def key(record: _Dated) -> tuple[dt.date, dt.date]:
        period = record.date
        found = keys.get(id(period))
        if found is None:
            found = keys[id(period)] = period.sort_key()
        return found

    return tuple(sorted(records, key=key))


def _read_file(
    path: str,
    raw: bytes,
    into: _Collected,
    problems: list[Problem],
    document: Any = None,
    tracker: ProgressTracker | None = None,
    is_json: bool = False,
) -> None:
    if document is None:
        document, read_problems = (read_json if is_json else read_yaml)(path, raw)
        problems.extend(read_problems)
        if read_problems:
            return
    if tracker is not None:
        tracker.file_parsed()
    if not isinstance(document, YamlMap):
        problems.append(
            Problem(path, 1, f"the file must be a mapping of sections ({', '.join(SECTIONS)})")
        )
        return
    records = sum(len(value) for value in document.values() if isinstance(value, list))
    read = 0
    for section, value in document.items():
        if section not in SECTIONS:
            problems.append(
                Problem(
                    path,
                    document.key_line(section),
                    f"unknown section '{section}'; known: {', '.join(SECTIONS)}",
                )
            )
            continue
        line = document.key_line(section)
        if section == "dataset":
            _read_info(path, value, line, into, problems)
            continue
        reader = _SECTION_READERS[section]
        quick = section == "events" and isinstance(document, JsonMap)
        origin = r.Origin(path, 0)  # the quick way keeps no line numbers: one origin for all
        for mapping in as_records(path, value, section, problems, line):
            if tracker is not None:
                read += 1
                if read % RECORDS_BETWEEN_CALLS == 0:
                    tracker.records_read(read, records)
            if quick and _read_event_quickly(path, mapping, into, origin):
                continue
            fields = FieldReader(path, mapping, _SINGULAR[section], problems)
            reader(fields, into)
            fields.finish()


def _read_info(path: str, value: Any, line: int, into: _Collected, problems: list[Problem]) -> None:
    if not isinstance(value, dict):
        message = "'dataset' must be a mapping with a name and a version"
        problems.append(Problem(path, line, message))
        return
    if into.info is not None:
        problems.append(Problem(path, line_of(value), "the 'dataset' section appears twice"))
        return
    f = FieldReader(path, value, "the dataset section", problems)
    name, version = f.text("name"), f.text("version")
    description, licence = f.text("description", False), f.text("licence", False)
    f.finish()
    if f.ok and name and version:
        into.info = r.DatasetInfo(name, version, description or "", licence or "")


def _claim_id(f: FieldReader, into: _Collected, namespace: str) -> str | None:
    """The record's id, if it is valid and not used before in its namespace."""
    ident = f.ident()
    if ident is None:
        return None
    key = (namespace, ident)
    line = line_of(f.mapping, "id")
    if key in into.seen_ids:
        first_path, first_line = into.seen_ids[key]
        where = f"line {first_line}" if first_path == f.path else f"{first_path}:{first_line}"
        f.problem("id", f"duplicate id '{ident}' (first used on {where})")
        return None
    into.seen_ids[key] = (f.path, line)
    into.origins[ident] = r.Origin(f.path, line)
    return ident


def _refer(f: FieldReader, into: _Collected, what: str, ids: Iterable[str], key: str) -> None:
    line = line_of(f.mapping, key)
    for ident in ids:
        into.references.append((what, ident, f.path, line))


def _read_source(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "source")
    title, publisher = f.text("title"), f.text("publisher")
    url, date = f.text("url", False), f.partial_date("date")
    confidence, note = f.choice("confidence", r.Confidence, False), f.text("note", False)
    if f.ok and ident and title and publisher:
        into.sources[ident] = r.Source(ident, title, publisher, url, date, confidence, note or "")


def _read_place(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "place")
    name, aliases = f.text("name"), f.text_list("aliases")
    name_az, name_hy = f.text("name_az", False), f.text("name_hy", False)
    name_ru = f.text("name_ru", False)
    latitude, longitude = f.number("latitude", -90, 90), f.number("longitude", -180, 180)
    if (latitude is None) != (longitude is None) and f.ok:
        f.problem(None, "give both 'latitude' and 'longitude', or neither")
    note = f.text("note", False)
    control = read_control(f)
    if control is not None:
        _refer(f, into, "source", control[1], "control")
    if f.ok and ident and name and aliases is not None and control is not None:
        into.places[ident] = r.Place(
            ident,
            name,
            aliases,
            name_az,
            name_hy,
            latitude,
            longitude,
            note or "",
            name_ru,
            control[0],
        )


def _read_scope(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "scope")
    name, description = f.text("name"), f.text("description", False)
    if f.ok and ident and name:
        into.scopes[ident] = r.Scope(ident, name, description or "")


def _read_organisation(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "organisation")
    name = f.text("name")
    short_name = f.short_text("short_name", r.SHORT_TEXT_LIMIT)
    description = f.text("description", False)
    # Reports name an organisation by its name or short name: each may stand for one only.
    for key, text in (("name", name), ("short_name", short_name)):
        if not text:
            continue
        seen = into.organisation_names.get(text.casefold())
        if seen is not None:
            where = f"line {seen[1]}" if seen[0] == f.path else f"{seen[0]}:{seen[1]}"
            f.problem(key, f"'{text}' already names another organisation (on {where})")
        elif key == "name" or text != name:
            into.organisation_names[text.casefold()] = (f.path, line_of(f.mapping, key))
    if f.ok and ident and name:
        into.organisations[ident] = r.Organisation(ident, name, short_name, description or "")


def _read_category(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "category")
    label, description = f.text("label"), f.text("description", False)
    if f.ok and ident and label:
        into.categories[ident] = r.Category(ident, label, description or "")


def _read_series(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "series")
    label, description = f.text("label"), f.text("description", False)
    kind = f.choice("kind", r.SeriesKind)
    if f.ok and ident and label and kind:
        into.series[ident] = r.Series(ident, label, kind, description or "")


def _read_era(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "era")
    name, date = f.text("name"), f.period()
    description, sources = f.text("description"), f.ident_list("sources", required=True)
    short_name = f.short_text("short_name", r.SHORT_TEXT_LIMIT)
    if sources:
        _refer(f, into, "source", sources, "sources")
    if f.ok and ident and name and date and description and sources:
        into.eras.append(r.Era(ident, name, date, description, sources, short_name))


def _read_event(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "record")
    date, category = f.period(), f.ident("category")
    title, description = f.text("title"), f.text("description")
    label = f.short_text("label", r.SHORT_TEXT_LIMIT)
    sources, places = f.ident_list("sources", required=True), f.ident_list("places")
    figures = f.figures("figures", None, area=False)
    confidence, note = f.choice("confidence", r.Confidence, False), f.text("note", False)
    if category:
        _refer(f, into, "category", [category], "category")
    _refer(f, into, "source", sources or (), "sources")
    _refer(f, into, "place", places or (), "places")
    if f.ok and ident and date and category and title and description and sources:
        into.events.append(
            r.Event(
                ident,
                date,
                category,
                title,
                description,
                sources,
                places or (),
                figures or (),
                confidence,
                note or "",
                into.origins[ident],
                label,
            )
        )


def _read_event_quickly(
    path: str, mapping: dict[str, Any], into: _Collected, origin: r.Origin
) -> bool:
    """Take a plainly valid event the quick way; False sends it to the careful reader."""
    event = quick_event(mapping, origin)
    if event is None:
        return False
    key = ("record", event.id)
    if key in into.seen_ids:
        return False
    into.seen_ids[key] = (path, 0)
    # A reference to an id read already is good; others are checked once all files are read.
    references = into.references
    if event.category not in into.categories:
        references.append(("category", event.category, path, 0))
    for source in event.sources:
        if source not in into.sources:
            references.append(("source", source, path, 0))
    for place in event.places:
        if place not in into.places:
            references.append(("place", place, path, 0))
    into.events.append(event)
    return True


INCIDENT_CATEGORY = "incident"
INCIDENT_ORGANISATION = "Incident log (press and official statements)"


def incident_report_id(incident_id: str) -> str:
    """The id of the casualty report an incident record makes beside its event."""
    return f"{incident_id}.casualties"


def _read_incident(f: FieldReader, into: _Collected) -> None:
    """One incident: an event in the incidents lane and its casualty report (``<id>.casualties``).

    The report belongs to the incident log's series, so the panels list it and add it up with the
    other incidents of that series only, never with an official count. A conflict names the
    incident by its own id.
    """
    ident = _claim_id(f, into, "record")
    date, title, description = f.period(), f.text("title"), f.text("description")
    label = f.short_text("label", r.SHORT_TEXT_LIMIT)
    sources = f.ident_list("sources", required=True)
    places = f.ident_list("places", required=True)
    category = f.ident("category") if "category" in f.mapping else INCIDENT_CATEGORY
    series = f.ident("series")
    scope = f.ident("scope")
    organisation = f.text("organisation", False) or INCIDENT_ORGANISATION
    killed, injured, total = f.count("killed"), f.count("injured"), f.count("total")
    victims = read_victims(f)
    if victims is not None:
        check_victims(f, victims, killed, injured, total)
    device = f.choice("device", Device, False)
    activity = f.text("activity", False) or ""
    confidence, note = f.choice("confidence", r.Confidence, False), f.text("note", False) or ""
    if category:
        _refer(f, into, "category", [category], "category" if "category" in f.mapping else "id")
    if series:
        _refer(f, into, "series", [series], "series")
    if scope:
        _refer(f, into, "scope", [scope], "scope")
    _refer(f, into, "source", sources or (), "sources")
    _refer(f, into, "place", places or (), "places")
    if date is not None and not date.is_point:
        f.problem("date", "an incident happens on one day (or in one month or year): give one date")
        return
    if places and ident:
        into.incident_places.append((ident, places[0], f.path, line_of(f.mapping, "places")))
    if not (f.ok and ident and date and title and description and sources and places):
        return
    if not (category and series and scope and victims is not None):
        return
    twin = (series, date, places, killed, injured)
    first = into.incident_keys.setdefault(twin, ident)
    if first != ident:
        f.problem(
            None,
            f"'{ident}' looks like '{first}' again (same day, places and figures in the series "
            f"'{series}'): one incident is one record, with all its sources",
        )
        return
    named = (("killed", killed), ("injured", injured), ("total", total))
    figures = tuple((name, value) for name, value in named if value is not None)
    origin = into.origins[ident]
    into.events.append(
        r.Event(
            ident,
            date,
            category,
            title,
            description,
            sources,
            places,
            figures,
            confidence,
            note,
            origin,
            label,
        )
    )
    splits = tuple((name, Count(value)) for name, value in split_counts(victims).items())
    report_id = incident_report_id(ident)
    key = ("record", report_id)
    if key in into.seen_ids:
        f.problem("id", f"the id '{report_id}' of this incident's casualty report is taken")
        return
    into.seen_ids[key] = (f.path, origin.line)
    into.casualties.append(
        r.CasualtyReport(
            id=report_id,
            date=date,
            span=r.Span.INCIDENT,
            scope=scope,
            organisation=organisation,
            sources=sources,
            killed=killed,
            injured=injured,
            total=total,
            splits=splits,
            series=series,
            places=places,
            description=description,
            confidence=confidence,
            note=note,
            origin=origin,
            victims=victims,
            device=device,
            activity=activity,
        )
    )


def _read_report_common(f: FieldReader, into: _Collected) -> dict[str, Any]:
    common: dict[str, Any] = {
        "id": _claim_id(f, into, "record"),
        "date": f.period(),
        "span": f.choice("span", r.Span),
        "scope": _scope_id(f),
        "organisation": f.text("organisation"),
        "sources": f.ident_list("sources", required=True),
        "series": f.ident("series") if "series" in f.mapping else None,
        "places": f.ident_list("places"),
        "description": f.text("description", False) or "",
        "confidence": f.choice("confidence", r.Confidence, False),
        "note": f.text("note", False) or "",
    }
    _refer(f, into, "source", common["sources"] or (), "sources")
    _refer(f, into, "place", common["places"] or (), "places")
    if common["series"]:
        _refer(f, into, "series", [common["series"]], "series")
    if common["scope"]:
        _refer(f, into, "scope", [common["scope"]], "scope")
    return common


_SPANS = {span.value for span in r.Span}


def _scope_id(f: FieldReader) -> str | None:
    """The report's scope id; an old-style span word in 'scope' gets a message saying so."""
    value = f.mapping.get("scope")
    if isinstance(value, str) and value in _SPANS and "span" not in f.mapping:
        f.text("scope")  # read, so that it is not also called an unknown field
        f.problem(
            "scope",
            f"'scope' names the territory or population counted (an entry of 'scopes'); "
            f"'{value}' is the kind of period: write 'span: {value}' and give the scope's id",
        )
        return None
    return f.ident("scope")


def _read_casualties(f: FieldReader, into: _Collected) -> None:
    common = _read_report_common(f, into)
    counts = f.choice("counts", r.Counts, False) or r.Counts.MINE_ERW
    killed, injured, total = f.count("killed"), f.count("injured"), f.count("total")
    splits = [(name, f.count(name)) for name in r.CASUALTY_SPLITS]
    other = f.figures("other", None, area=False)
    victims = read_victims(f)
    if victims is not None:
        check_victims(f, victims, killed, injured, total)
    if f.ok and all(value is not None for key, value in common.items() if _required(key)):
        into.casualties.append(
            r.CasualtyReport(
                killed=killed,
                injured=injured,
                total=total,
                counts=counts,
                splits=tuple((name, value) for name, value in splits if value is not None),
                other=other or (),
                origin=into.origins[common["id"]],
                victims=victims or (),
                **common,
            )
        )


def _read_clearance(f: FieldReader, into: _Collected) -> None:
    common = _read_report_common(f, into)
    activity = f.choice("activity", r.Activity)
    areas = f.figures("area", r.AREA_METHODS, area=True)
    items = f.figures("items", r.ITEM_TYPES, area=False)
    land_use = f.figures("land_use", None, area=True)
    other = f.figures("other", None, area=False)
    release = read_area_table(f, "release", RELEASE_METHODS, "ways of release")
    remaining = read_area_table(f, "remaining", REMAINING_STATUSES, "statuses")
    resurvey = f.text("resurvey", False) or ""
    if f.ok and activity and all(v is not None for k, v in common.items() if _required(k)):
        into.clearance.append(
            r.ClearanceReport(
                activity=activity,
                areas=areas or (),
                items=items or (),
                land_use=land_use or (),
                other=other or (),
                release=release or (),
                remaining=remaining or (),
                resurvey=resurvey,
                origin=into.origins[common["id"]],
                **common,
            )
        )


def _required(key: str) -> bool:
    return key in ("id", "date", "span", "scope", "organisation", "sources")


def _read_conflict(f: FieldReader, into: _Collected) -> None:
    ident = _claim_id(f, into, "record")
    quantity, note = f.text("quantity"), f.text("note", False)
    records = f.ident_list("records", required=True)
    if records is not None and len(records) < 2:
        f.problem("records", "a conflict needs at least two records")
        return
    _refer(f, into, "record", records or (), "records")
    if f.ok and ident and quantity and records:
        into.conflicts.append(r.Conflict(ident, quantity, records, note or ""))


_SECTION_READERS: dict[str, Callable[[FieldReader, _Collected], None]] = {
    "sources": _read_source,
    "places": _read_place,
    "scopes": _read_scope,
    "organisations": _read_organisation,
    "categories": _read_category,
    "series": _read_series,
    "eras": _read_era,
    "events": _read_event,
    "casualties": _read_casualties,
    "clearance": _read_clearance,
    "conflicts": _read_conflict,
    "incidents": _read_incident,
}
_SINGULAR = {
    "sources": "a source",
    "places": "a place",
    "scopes": "a scope",
    "organisations": "an organisation",
    "categories": "a category",
    "series": "a series",
    "eras": "an era",
    "events": "an event",
    "casualties": "a casualty report",
    "clearance": "a clearance report",
    "conflicts": "a conflict",
    "incidents": "an incident",
}


_DEFINED_IN = {
    "source": "no entry of 'sources'",
    "place": "no entry of 'places'",
    "scope": "no entry of 'scopes'",
    "category": "no entry of 'categories'",
    "series": "no entry of 'series'",
    "record": "no event, casualty report or clearance report",
}


def _check_references(into: _Collected, problems: list[Problem]) -> None:
    known: dict[str, Collection[str]] = {
        "source": into.sources,
        "place": into.places,
        "scope": into.scopes,
        "category": into.categories,
        "series": into.series,
        "record": {key for namespace, key in into.seen_ids if namespace == "record"},
    }
    for what, ident, path, line in into.references:
        if ident not in known[what]:
            message = f"unknown {what} '{ident}': {_DEFINED_IN[what]} has this id"
            problems.append(Problem(path, line, message))
    _check_incident_places(into, problems)
    _check_series(into.series, [*into.casualties, *into.clearance], problems)


def _check_incident_places(into: _Collected, problems: list[Problem]) -> None:
    """An incident is drawn on the map at its first place, so that place needs coordinates."""
    for ident, place_id, path, line in into.incident_places:
        place = into.places.get(place_id)
        if place is not None and not place.has_coordinates:
            message = (
                f"the incident '{ident}' happened at '{place_id}', which has no coordinates: "
                "give the place a latitude and longitude"
            )
            problems.append(Problem(path, line, message))


def _check_series(
    series: dict[str, r.Series], reports: list[r.Report], problems: list[Problem]
) -> None:
    """A series' reports share one scope and fit its kind: yearly counts never overlap,
    running totals all start on one day (or else neither sums nor differences mean anything)."""
    by_series: dict[str, list[r.Report]] = {}
    for report in reports:
        if report.series:
            by_series.setdefault(report.series, []).append(report)
    for series_id, members in by_series.items():
        members.sort(key=lambda report: report.date.sort_key())
        _check_one_scope(series_id, members, problems)
        kind = series[series_id].kind if series_id in series else r.SeriesKind.ADDITIVE
        if kind is r.SeriesKind.CUMULATIVE:
            _check_one_start(series_id, members, problems)
        else:
            # Single incidents may share a day: each is one incident (see _read_incident).
            _check_no_overlap([m for m in members if m.span is not r.Span.INCIDENT], problems)


def _report_problem(report: r.Report, message: str) -> Problem:
    origin = report.origin or r.Origin("?", 0)
    return Problem(origin.path, origin.line, message)


def _check_one_scope(series_id: str, members: list[r.Report], problems: list[Problem]) -> None:
    first = members[0]
    for report in members[1:]:
        if report.scope != first.scope:
            problems.append(
                _report_problem(
                    report,
                    f"'{report.id}' has the scope '{report.scope}' but '{first.id}' in the same "
                    f"series '{series_id}' has '{first.scope}': a series counts one scope",
                )
            )


def _check_one_start(series_id: str, members: list[r.Report], problems: list[Problem]) -> None:
    first = members[0]
    for report in members[1:]:
        if report.date.start != first.date.start:
            start = report.date.start.display() if report.date.start else "no start"
            problems.append(
                _report_problem(
                    report,
                    f"'{report.id}' starts at {start} but '{first.id}' in the cumulative series "
                    f"'{series_id}' starts elsewhere: running totals of one series share a start",
                )
            )


def _check_no_overlap(members: list[r.Report], problems: list[Problem]) -> None:
    """Reports of one additive series are added up, so two must never cover the same day."""
    for before, after in itertools.pairwise(members):
        before_last, after_first = before.date.sort_key()[1], after.date.sort_key()[0]
        if after_first <= before_last:
            problems.append(
                _report_problem(
                    after,
                    f"'{after.id}' overlaps '{before.id}' in the series '{after.series}': "
                    "reports of one series must not overlap, or totals would count twice",
                )
            )
