"""Load and validate one dataset file in a fresh process; print the seconds it took as JSON.

A fresh process for every load, so no cache of an earlier load (parsed dates, warm allocators)
makes a later one look faster than a user's first.
"""

from __future__ import annotations

import json
import sys
import time

from karabakh_timeline.model.loader import load_dataset


def main(path: str) -> None:
    started = time.perf_counter()
    dataset = load_dataset(path)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "events": len(dataset.events)}))


if __name__ == "__main__":
    main(sys.argv[1])
