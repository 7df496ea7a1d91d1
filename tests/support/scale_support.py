"""A large dataset for the timeline tests at scale: the same events every run, spread over
1991–2023 in six lanes, dated to the day, the month or the year or spanning months, with place
names that need accent folding to be found."""

from __future__ import annotations

import json
import random
from pathlib import Path

CATEGORIES = ("incident", "clearance", "politics", "military", "funding", "humanitarian")
PLACES = ("Ağdam", "Kəlbəcər", "Füzuli", "Zangilan", "Shusha", "Lachin")


def _date(rng: random.Random) -> str | dict[str, str]:
    year = rng.randint(1991, 2023)
    kind = rng.random()
    if kind < 0.1:
        return str(year)
    month = rng.randint(1, 12)
    if kind < 0.3:
        return f"{year}-{month:02d}"
    if kind < 0.45 and year < 2023:
        return {"start": f"{year}-{month:02d}", "end": f"{year + 1}-{month:02d}"}
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def write_large_dataset(path: Path, events: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    places = [
        {"id": f"place-{n}", "name": f"{name} {n}", "aliases": [f"Village {n}"]}
        for n, name in enumerate(PLACES * 10)
    ]
    records = [
        {
            "id": f"event-{n}",
            "date": _date(rng),
            "category": CATEGORIES[rng.randrange(len(CATEGORIES))],
            "title": f"Event number {n}",
            "description": f"A generated record, number {n}.",
            "places": [places[rng.randrange(len(places))]["id"]],
            "sources": ["source-0"],
        }
        for n in range(events)
    ]
    data = {
        "dataset": {"name": f"{events} generated events", "version": "1"},
        "sources": [{"id": "source-0", "title": "A generated source", "publisher": "Tests"}],
        "places": places,
        "categories": [{"id": c, "label": c.title()} for c in CATEGORIES],
        "events": records,
        "casualties": [],
        "clearance": [],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path
