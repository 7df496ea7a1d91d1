"""Deterministic synthetic datasets in the app's own format, for measuring speed at scale.

The same seed and size always give the same dataset, so runs on different days compare.
Casualty and clearance reports come in proportion to events (one of each per 20 events).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

CATEGORIES = ("incident", "clearance", "politics", "military", "funding", "humanitarian")
FIRST_YEAR, LAST_YEAR = 1991, 2023


def _date(rng: random.Random) -> str:
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    precision = rng.random()
    if precision < 0.1:
        return f"{year}"
    month = rng.randint(1, 12)
    if precision < 0.3:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _span(rng: random.Random) -> dict[str, str]:
    first = (rng.randint(FIRST_YEAR, LAST_YEAR - 1) - FIRST_YEAR) * 12 + rng.randrange(12)
    last = min((LAST_YEAR - FIRST_YEAR + 1) * 12 - 1, first + rng.randint(1, 48))
    start_year, start_month = divmod(first, 12)
    end_year, end_month = divmod(last, 12)
    return {
        "start": f"{FIRST_YEAR + start_year}-{start_month + 1:02d}",
        "end": f"{FIRST_YEAR + end_year}-{end_month + 1:02d}",
    }


def synthetic_dataset(events: int, seed: int = 1991) -> dict[str, Any]:
    rng = random.Random(seed)
    places = [
        {"id": f"place-{i}", "name": f"Village {i}", "aliases": [f"Kend {i}", f"Gyugh {i}"]}
        for i in range(200)
    ]
    sources = [
        {"id": f"source-{i}", "title": f"Field report {i}", "publisher": "Synthetic Monitor"}
        for i in range(100)
    ]
    event_records = []
    for i in range(events):
        ranged = rng.random() < 0.15
        event_records.append(
            {
                "id": f"event-{i}",
                "date": _span(rng) if ranged else _date(rng),
                "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
                "title": f"Synthetic event {i}",
                "description": f"Generated record {i} for measuring speed.",
                "places": [places[rng.randrange(len(places))]["id"]],
                "sources": [sources[rng.randrange(len(sources))]["id"]],
            }
        )
    reports = max(1, events // 20)
    casualties = []
    clearance = []
    for i in range(reports):
        killed, injured = rng.randint(0, 5), rng.randint(0, 12)
        casualties.append(
            {
                "id": f"casualty-{i}",
                "date": _date(rng),
                "span": "incident",
                "scope": "whole-area",
                "organisation": "Synthetic Monitor",
                "killed": killed,
                "injured": injured,
                "total": killed + injured,
                "sources": [sources[rng.randrange(len(sources))]["id"]],
            }
        )
        clearance.append(
            {
                "id": f"clearance-{i}",
                "date": _date(rng),
                "span": "incident",
                "scope": "whole-area",
                "activity": "clearance",
                "organisation": "Synthetic Deminers",
                "area": {"manual": rng.randint(100, 50_000)},
                "items": {"anti_personnel": rng.randint(0, 40), "uxo": rng.randint(0, 90)},
                "sources": [sources[rng.randrange(len(sources))]["id"]],
            }
        )
    return {
        "dataset": {"name": f"Synthetic {events:,} events", "version": f"seed-{seed}"},
        "sources": sources,
        "places": places,
        "scopes": [{"id": "whole-area", "name": "The whole synthetic area"}],
        "categories": [{"id": c, "label": c.title()} for c in CATEGORIES],
        "events": event_records,
        "casualties": casualties,
        "clearance": clearance,
    }


def write_dataset(dataset: dict[str, Any], path: Path) -> Path:
    """JSON is YAML too; the app reads either, and JSON reads far faster at this size."""
    path.write_text(json.dumps(dataset, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return path


def write_yaml_dataset(dataset: dict[str, Any], path: Path) -> Path:
    """The same dataset as YAML, the format people write by hand, for comparing load times."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(dataset, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, "utf-8")
    return path
