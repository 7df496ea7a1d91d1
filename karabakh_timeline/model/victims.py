"""Who the casualties were, where a source says: groups of victims with what is known of them.

Mine-action agencies record each victim's sex, age group, role, outcome and the device that hurt
them; press reports give some of that. A ``VictimGroup`` is a number of people the source
describes alike ("two journalists killed"); every attribute the source does not give is ``None``
(unknown), never a guess. No Qt here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from karabakh_timeline.model.figures import Count


class Role(enum.Enum):
    CIVILIAN = "civilian"
    MILITARY = "military"
    DEMINER = "deminer"
    JOURNALIST = "journalist"
    POLICE = "police"
    OTHER = "other"  # rescuers, peacekeepers and others the source names


class Sex(enum.Enum):
    MALE = "male"
    FEMALE = "female"


class AgeGroup(enum.Enum):
    CHILD = "child"
    ADULT = "adult"


class Outcome(enum.Enum):
    KILLED = "killed"
    INJURED = "injured"
    AMPUTATION = "amputation"  # injured, and lost a limb

    @property
    def is_injury(self) -> bool:
        return self is not Outcome.KILLED


class Device(enum.Enum):
    ANTI_PERSONNEL_MINE = "anti-personnel-mine"
    ANTI_VEHICLE_MINE = "anti-vehicle-mine"
    CLUSTER_SUBMUNITION = "cluster-submunition"
    OTHER_ERW = "other-erw"  # unexploded or abandoned ordnance other than submunitions
    IMPROVISED_DEVICE = "improvised-device"

    @property
    def label(self) -> str:
        return _DEVICE_LABELS[self]


_DEVICE_LABELS = {
    Device.ANTI_PERSONNEL_MINE: "anti-personnel mine",
    Device.ANTI_VEHICLE_MINE: "anti-vehicle mine",
    Device.CLUSTER_SUBMUNITION: "cluster submunition",
    Device.OTHER_ERW: "other explosive remnant of war",
    Device.IMPROVISED_DEVICE: "improvised explosive device",
}


@dataclass(frozen=True, slots=True)
class VictimGroup:
    """``count`` people of whom the source says the same things; ``None`` is unknown."""

    count: Count
    role: Role | None = None
    sex: Sex | None = None
    age: AgeGroup | None = None
    outcome: Outcome | None = None
    device: Device | None = None
    activity: str = ""

    def display(self) -> str:
        """'2 journalists, male, adult: killed (anti-vehicle mine)'; unknowns are left out."""
        who = self.role.value if self.role else "person"
        noun = who if self.count.value == 1 else _plural(who)
        traits = [trait.value for trait in (self.sex, self.age) if trait is not None]
        text = f"{self.count.display()} {noun}"
        if traits:
            text += f" ({', '.join(traits)})"
        text += f": {self.outcome.value}" if self.outcome else ": outcome unknown"
        extra = [part for part in (self.device.label if self.device else "", self.activity) if part]
        if extra:
            text += f" — {'; '.join(extra)}"
        return text

    def to_json(self) -> dict[str, object]:
        return {
            "count": self.count.to_json(),
            "role": self.role.value if self.role else None,
            "sex": self.sex.value if self.sex else None,
            "age": self.age.value if self.age else None,
            "outcome": self.outcome.value if self.outcome else None,
            "device": self.device.value if self.device else None,
            "activity": self.activity or None,
        }


def _plural(noun: str) -> str:
    return {"person": "people", "military": "military", "police": "police"}.get(noun, noun + "s")


def people_with(groups: Iterable[VictimGroup], *outcomes: Outcome) -> int:
    """How many people the groups list with one of these outcomes (the groups' own counts)."""
    return sum(group.count.value for group in groups if group.outcome in outcomes)


def split_counts(groups: Iterable[VictimGroup]) -> dict[str, int]:
    """Civilian, military, children and deminers among the groups, where the groups say so."""
    found: dict[str, int] = {}
    for group in groups:
        names = []
        if group.role in (Role.CIVILIAN, Role.JOURNALIST):
            names.append("civilian")
        elif group.role is Role.MILITARY:
            names.append("military")
        elif group.role is Role.DEMINER:
            names.append("deminers")
        if group.age is AgeGroup.CHILD:
            names.append("children")
        for name in names:
            found[name] = found.get(name, 0) + group.count.value
    return found
