"""Reading the nested lists of a record: victim groups and a place's dated control.

Each item is a mapping read with its own ``FieldReader``, so a wrong field inside one names its
own line. Every check that compares an item with the record around it lives here too.
"""

from __future__ import annotations

import itertools
from typing import Any

from karabakh_timeline.model.dates import Period
from karabakh_timeline.model.fields import FieldReader
from karabakh_timeline.model.figures import Count, Qualifier
from karabakh_timeline.model.place_control import ControlPeriod
from karabakh_timeline.model.victims import (
    AgeGroup,
    Device,
    Outcome,
    Role,
    Sex,
    VictimGroup,
    people_with,
)
from karabakh_timeline.model.yaml_reader import YamlList


def _items(f: FieldReader, key: str, what: str) -> list[tuple[int, dict[str, Any]]] | None:
    """The mappings listed under ``key`` with their index; None after noting a problem."""
    value = f.mapping.get(key)
    f.ask(key)
    if value is None:
        return []
    if not isinstance(value, list):
        f.problem(key, f"'{key}' must be a list of {what}")
        return None
    found = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            line = value.item_line(index) if isinstance(value, YamlList) else 0
            f.problem_at(line, f"an entry of '{key}' must be a mapping ({what})")
            return None
        found.append((index, item))
    return found


def read_victims(f: FieldReader, key: str = "victims") -> tuple[VictimGroup, ...] | None:
    """The record's victim groups; None if any of them is wrong (each problem noted)."""
    items = _items(f, key, "victim groups: count, role, sex, age, outcome, device, activity")
    if items is None:
        return None
    groups: list[VictimGroup] = []
    ok = True
    for _, mapping in items:
        g = FieldReader(f.path, mapping, f"a victim group of '{key}'", f.problems)
        count = g.count("count") if "count" in mapping else Count(1)
        role = g.choice("role", Role, False)
        sex = g.choice("sex", Sex, False)
        age = g.choice("age", AgeGroup, False)
        outcome = g.choice("outcome", Outcome, False)
        device = g.choice("device", Device, False)
        activity = g.text("activity", False) or ""
        g.finish()
        if not g.ok or count is None:
            ok = False
            continue
        if count.value == 0:
            g.problem("count", "a victim group of 0 people: leave the group out")
            ok = False
            continue
        groups.append(VictimGroup(count, role, sex, age, outcome, device, activity))
    return tuple(groups) if ok else None


def check_victims(
    f: FieldReader,
    groups: tuple[VictimGroup, ...],
    killed: Count | None,
    injured: Count | None,
    total: Count | None,
    key: str = "victims",
) -> None:
    """The groups may say less than the record's figures, never more."""
    if not groups:
        return
    for name, figure, outcomes in (
        ("killed", killed, (Outcome.KILLED,)),
        ("injured", injured, (Outcome.INJURED, Outcome.AMPUTATION)),
    ):
        listed = people_with(groups, *outcomes)
        if not listed:
            continue
        if figure is None:
            f.problem(
                key,
                f"'{key}' lists {listed} {name} but the record leaves '{name}' out: "
                f"give '{name}' too (\"at least {listed}\" if that is all that is known)",
            )
        elif _below(figure, listed):
            f.problem(
                key, f"'{key}' lists {listed} {name}, more than '{name}' ({figure.display()})"
            )
    everyone = sum(group.count.value for group in groups)
    if total is not None and _below(total, everyone):
        f.problem(key, f"'{key}' lists {everyone} people, more than 'total' ({total.display()})")


def _below(figure: Count, listed: int) -> bool:
    """Whether a figure is surely smaller than the number of people listed."""
    if figure.qualifier in (Qualifier.ABOUT, Qualifier.MORE_THAN):
        return False  # "about 5" or "more than 5" may well hold 6
    return figure.value < listed


def read_control(
    f: FieldReader, key: str = "control"
) -> tuple[tuple[ControlPeriod, ...], list[str]] | None:
    """A place's dated control, oldest first, and the source ids it names; None if wrong."""
    items = _items(f, key, "control periods: holder, date, sources, note")
    if items is None:
        return None
    periods: list[ControlPeriod] = []
    sources: list[str] = []
    ok = True
    for _, mapping in items:
        c = FieldReader(f.path, mapping, f"a control period of '{key}'", f.problems)
        holder = c.text("holder")
        date = c.period()
        cited = c.ident_list("sources", required=True)
        note = c.text("note", False) or ""
        c.finish()
        if not c.ok or holder is None or date is None or not cited:
            ok = False
            continue
        periods.append(ControlPeriod(holder, date, cited, note))
        sources.extend(cited)
    if not ok:
        return None
    periods.sort(key=lambda period: period.date.sort_key())
    for before, after in itertools.pairwise(periods):
        if _overlap(before.date, after.date):
            f.problem(
                key,
                f"'{key}': {before.holder} ({before.date.display()}) and {after.holder} "
                f"({after.date.display()}) overlap; one holder at a time, or say in a note "
                "who claimed what",
            )
            return None
    return tuple(periods), sources


def _overlap(before: Period, after: Period) -> bool:
    """Whether two periods share more than the day of a handover."""
    last, first = before.last_day, after.first_day
    if first is None:
        return True  # an open start overlaps everything before it
    return last is None or first < last
