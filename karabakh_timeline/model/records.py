"""The immutable records a dataset is made of.

Every record that states a figure names its sources; every figure that a source does not give
is ``None`` (unknown), never 0.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from karabakh_timeline.model.dates import PartialDate, Period
from karabakh_timeline.model.figures import Area, Count
from karabakh_timeline.model.land_release import AreaTable
from karabakh_timeline.model.place_control import ControlPeriod
from karabakh_timeline.model.victims import Device, VictimGroup


class Span(enum.Enum):
    """What kind of period a report's figures cover, which decides whether they may be added up."""

    ANNUAL = "annual"  # one calendar year
    PART_YEAR = "part-year"  # part of a year ("first six months of 2004")
    MULTI_YEAR = "multi-year"  # a total over several years
    CUMULATIVE = "cumulative"  # a running total "as of" a date
    INCIDENT = "incident"  # one incident on a known day
    SNAPSHOT = "snapshot"  # a state at a moment (remaining contamination)


class Counts(enum.Enum):
    """What a casualty report counts, where it differs from the default (mine and ERW casualties).

    Figures that count different things are never added, compared or bounded by each other.
    """

    MINE_ERW = "mine-erw"  # people killed or injured by mines and explosive remnants of war
    ALL_EXPLOSIONS = "all-explosions"  # every explosion, mines among them
    CIVILIANS = "civilians"  # mine and ERW casualties among civilians only
    ATTACK = "attack"  # people hit in an attack itself, not by the remnants it left

    @property
    def description(self) -> str:
        return _COUNTS_DESCRIPTIONS[self]


_COUNTS_DESCRIPTIONS = {
    Counts.MINE_ERW: "mine and ERW casualties",
    Counts.ALL_EXPLOSIONS: "casualties of all explosions, mines among them",
    Counts.CIVILIANS: "civilian mine and ERW casualties only",
    Counts.ATTACK: "casualties of the attack itself, not of its remnants",
}


class SeriesKind(enum.Enum):
    """How a series' reports relate to each other in time."""

    ADDITIVE = "additive"  # counts for consecutive, non-overlapping periods (yearly counts)
    CUMULATIVE = "cumulative"  # running totals since one fixed start, each to a later end


class Confidence(enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Activity(enum.Enum):
    CLEARANCE = "clearance"
    SURVEY = "survey"
    CONTAMINATION = "contamination"  # what remains to be cleared


CASUALTY_SPLITS = ("civilian", "military", "children", "deminers")
"""Finer splits of a casualty report, shown where a source gives them."""

AREA_METHODS = (
    "manual",
    "mechanical",
    "manual_and_mechanical",
    "battle_area",
    "cluster_munition",
    "survey",
    "technical_survey",
    "non_technical_survey",
    "mined",
    "unspecified",
)
"""Ways land is cleared or surveyed, and the kinds of remaining contamination."""

ITEM_TYPES = (
    "anti_personnel",
    "anti_vehicle",
    "uxo",
    "submunitions",
    "stray_ammunition",
    "small_arms_ammunition",
    "mines_unspecified",
    "other",
)
"""Kinds of explosive item destroyed."""


def humanise(name: str) -> str:
    """'anti_personnel' -> 'anti-personnel', 'battle_area' -> 'battle area'."""
    special = {
        "anti_personnel": "anti-personnel",
        "anti_vehicle": "anti-vehicle",
        "uxo": "UXO",
        "manual_and_mechanical": "manual and mechanical",
    }
    return special.get(name, name.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was read: for messages that point a person at the right line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    name: str
    version: str
    description: str = ""
    licence: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str | None = None
    date: PartialDate | None = None
    confidence: Confidence | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    name_az: str | None = None
    name_hy: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    note: str = ""
    name_ru: str | None = None
    control: tuple[ControlPeriod, ...] = ()  # who held it when, oldest first

    @property
    def all_names(self) -> tuple[str, ...]:
        names = [self.name, *self.aliases]
        names += [n for n in (self.name_az, self.name_hy, self.name_ru) if n]
        return tuple(dict.fromkeys(names))

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class Organisation:
    """Who reports figures. Reports name it in their ``organisation`` text, by its name or its
    short name, maybe followed by a person or a channel in brackets ("ANAMA (Vugar
    Suleymanov)"); the short name is shown where room is short, the name where it is not."""

    id: str
    name: str
    short_name: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Scope:
    """The territory or population a report counts; figures of different scopes never mix."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Series:
    """Reports made one way for one scope: yearly counts that are summed, or running totals."""

    id: str
    label: str
    kind: SeriesKind
    description: str = ""

    @property
    def is_cumulative(self) -> bool:
        return self.kind is SeriesKind.CUMULATIVE


SHORT_TEXT_LIMIT = 32
"""Characters at most in an event's ``label`` and an era's ``short_name``: what reads whole beside
a marker or in a narrow band of the era strip."""


@dataclass(frozen=True, slots=True)
class Era:
    id: str
    name: str
    date: Period
    description: str
    sources: tuple[str, ...]
    short_name: str | None = None  # where the whole name has no room (a six-week war)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: Period
    category: str
    title: str
    description: str
    sources: tuple[str, ...]
    places: tuple[str, ...] = ()
    figures: tuple[tuple[str, Count], ...] = ()
    confidence: Confidence | None = None
    note: str = ""
    origin: Origin | None = field(default=None, compare=False)
    label: str | None = None  # a short form of a long title, for the timeline's labels

    @property
    def shown_label(self) -> str:
        """What the timeline writes beside the event: its short label, or its whole title."""
        return self.label or self.title


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    id: str
    date: Period
    span: Span
    scope: str
    organisation: str
    sources: tuple[str, ...]
    counts: Counts = Counts.MINE_ERW
    killed: Count | None = None
    injured: Count | None = None
    total: Count | None = None
    splits: tuple[tuple[str, Count], ...] = ()
    other: tuple[tuple[str, Count], ...] = ()
    series: str | None = None
    places: tuple[str, ...] = ()
    description: str = ""
    confidence: Confidence | None = None
    note: str = ""
    origin: Origin | None = field(default=None, compare=False)
    victims: tuple[VictimGroup, ...] = ()  # who they were, where the source says
    device: Device | None = None  # what exploded, where the source says (one incident)
    activity: str = ""  # what the victims were doing (one incident)

    def split(self, name: str) -> Count | None:
        return dict(self.splits).get(name)


@dataclass(frozen=True, slots=True)
class ClearanceReport:
    id: str
    date: Period
    span: Span
    scope: str
    activity: Activity
    organisation: str
    sources: tuple[str, ...]
    areas: tuple[tuple[str, Area], ...] = ()
    items: tuple[tuple[str, Count], ...] = ()
    land_use: tuple[tuple[str, Area], ...] = ()
    other: tuple[tuple[str, Count], ...] = ()
    series: str | None = None
    places: tuple[str, ...] = ()
    description: str = ""
    confidence: Confidence | None = None
    note: str = ""
    origin: Origin | None = field(default=None, compare=False)
    release: AreaTable = ()  # hazard -> (cancelled, reduced, cleared, ... -> area)
    remaining: AreaTable = ()  # hazard -> (confirmed, suspected, ... -> area)
    resurvey: str = ""  # why the baseline jumped, where a re-survey changed it


Report = CasualtyReport | ClearanceReport
Record = Event | CasualtyReport | ClearanceReport


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two or more records that give different figures for the same quantity."""

    id: str
    quantity: str
    records: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Dataset:
    """Everything loaded from one dataset folder or file, validated and cross-referenced."""

    info: DatasetInfo
    sources: Mapping[str, Source]
    places: Mapping[str, Place]
    categories: Mapping[str, Category]
    series: Mapping[str, Series]
    eras: tuple[Era, ...]
    events: tuple[Event, ...]
    casualties: tuple[CasualtyReport, ...]
    clearance: tuple[ClearanceReport, ...]
    conflicts: tuple[Conflict, ...]
    # Last, with a default: a dataset of events only (a TimelineJS import) has no scopes.
    scopes: Mapping[str, Scope] = field(default_factory=dict)
    layers: Mapping[str, DatasetInfo] = field(default_factory=dict)
    """Datasets laid over this one, by the prefix of their ids (see ``model.overlay``)."""
    organisations: Mapping[str, Organisation] = field(default_factory=dict)

    def conflicts_of(self, record_id: str) -> tuple[Conflict, ...]:
        return self._conflicts_by_record.get(record_id, ())

    def record(self, record_id: str) -> Record | None:
        return self._records_by_id.get(record_id)

    @cached_property
    def _records_by_id(self) -> dict[str, Record]:
        records: dict[str, Record] = {}
        for group in (self.events, self.casualties, self.clearance):
            records.update((record.id, record) for record in group)
        return records

    @cached_property
    def _conflicts_by_record(self) -> dict[str, tuple[Conflict, ...]]:
        found: dict[str, list[Conflict]] = {}
        for conflict in self.conflicts:
            for record_id in conflict.records:
                found.setdefault(record_id, []).append(conflict)
        return {key: tuple(value) for key, value in found.items()}

    def counts_line(self) -> str:
        return (
            f"{len(self.events):,} events, {len(self.casualties):,} casualty reports, "
            f"{len(self.clearance):,} clearance reports, {len(self.eras):,} eras, "
            f"{len(self.places):,} places, {len(self.sources):,} sources"
        )
