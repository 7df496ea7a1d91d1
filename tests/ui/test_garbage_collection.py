"""The app's collector runs from the event loop and lets an old dataset go when another opens."""

from __future__ import annotations

import gc
import weakref

from karabakh_timeline.ui.garbage_collection import EventLoopCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_takes_over_from_the_automatic_one_and_gives_it_back(qapp) -> None:
    gc.enable()
    collector = EventLoopCollector()
    try:
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0  # what was loaded is out of the collector's way
    finally:
        collector.stop()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_refreeze_frees_what_the_old_dataset_left_in_cycles(qapp) -> None:
    old = _Cycle()
    gone = weakref.ref(old)
    collector = EventLoopCollector()  # freezes ``old`` along with everything else
    try:
        del old
        gc.collect()
        assert gone() is not None  # frozen objects are not collected
        collector.refreeze()
        assert gone() is None
    finally:
        collector.stop()


def test_a_due_collection_frees_new_garbage(qapp) -> None:
    collector = EventLoopCollector()
    thresholds = gc.get_threshold()
    try:
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        del garbage
        gc.set_threshold(0, 10, 10)  # every generation is due at once
        collector.collect_if_due()
        assert gone() is None
    finally:
        gc.set_threshold(*thresholds)
        collector.stop()
