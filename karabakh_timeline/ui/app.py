"""Start the window: check the command line's choices, load the dataset, then open Qt.

Everything that can go wrong before a window exists (a bad date, a dataset with problems, an
unknown event, missing X11 libraries) ends in a clear message on stderr and a non-zero exit:
1 for a dataset with problems (or a long load the user stopped), 2 for a usage or set-up problem.
A dataset large enough to load slowly is loaded after Qt starts, under a progress dialog with a
Cancel button.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from karabakh_timeline.model.dates import FULL_RANGE, DateError, DateRange
from karabakh_timeline.model.load_progress import LoadCancelled
from karabakh_timeline.model.loader import load_dataset, slow_to_load
from karabakh_timeline.model.problems import DatasetError
from karabakh_timeline.model.records import Dataset, Event
from karabakh_timeline.ui.x11_libraries import x11_problem

if TYPE_CHECKING:  # Qt is imported once the command line has been checked
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from karabakh_timeline.ui.main_window import MainWindow

EXIT_PROBLEM = 1
EXIT_USAGE = 2
ORGANISATION = "karabakh-timeline"
APPLICATION = "karabakh-timeline"  # also the .desktop file's name, for the window's icon


def _fail(message: str, code: int) -> int:
    print(f"karabakh-timeline: {message}", file=sys.stderr)
    return code


def _dataset_problems(error: DatasetError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    count = len(error.problems)
    return _fail(
        f"the dataset has {count} problem{'s' if count != 1 else ''} (listed above); "
        "fix them, or open another with --data PATH",
        EXIT_PROBLEM,
    )


def _application() -> QApplication:
    # pyqtgraph binds the first Qt it finds unless told; PySide6 is the one we ship with.
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from karabakh_timeline.bundled import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(APPLICATION)
    app.setWindowIcon(QIcon(str(resource_path("icon.svg"))))
    return app


def run_app(args: argparse.Namespace) -> int:
    # Starting makes a great many objects (Qt's and pyqtgraph's modules, the window, the data)
    # and no garbage worth collecting: the cycle collector would walk them again and again.
    # It is paused until the window has been painted, unless it was off already.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args, resume_collector=collecting)
    finally:
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace, resume_collector: bool) -> int:
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    try:
        period = DateRange.from_texts(start, end, FULL_RANGE)
    except DateError as error:
        return _fail(str(error), EXIT_USAGE)
    data = getattr(args, "data", None)
    app: QApplication | None = None
    with contextlib.ExitStack() as stack:
        try:
            if data is not None and slow_to_load(data):
                # Qt first, so a progress dialog can show a long load and offer to stop it;
                # it stays up, busy, while the window for that much data is made.
                problem = x11_problem()
                if problem is not None:
                    return _fail(problem, EXIT_USAGE)
                app = _application()
                from karabakh_timeline.ui.dialogs.load_progress_dialog import load_progress

                progress = stack.enter_context(load_progress(data))
                dataset = load_dataset(data, progress)
                progress.preparing_window(len(dataset.events))
            else:
                dataset = load_dataset(data)
            added = [(Path(path), load_dataset(path)) for path in getattr(args, "add", None) or ()]
        except DatasetError as error:
            return _dataset_problems(error)
        except LoadCancelled:
            return _fail(f"stopped opening {data}", EXIT_PROBLEM)
        if added:  # ids of added datasets carry their prefix: check them in the whole
            from karabakh_timeline.model.overlay import lay_over, layer_prefix

            prefixes: list[str] = []
            for path, _ in added:
                prefixes.append(layer_prefix(path.stem, prefixes))
            whole = lay_over(dataset, [(p, d) for p, (_, d) in zip(prefixes, added, strict=True)])
        else:
            whole = dataset
        event_id = getattr(args, "event", None)
        if event_id is not None and not isinstance(whole.record(event_id), Event):
            return _fail(
                f"there is no event '{event_id}' in the dataset "
                "(karabakh-timeline events lists them with their ids)",
                EXIT_USAGE,
            )
        hidden = frozenset(getattr(args, "hide", None) or ())
        unknown = sorted(hidden - set(whole.categories))
        if unknown:
            return _fail(
                f"the dataset has no category {', '.join(repr(c) for c in unknown)} to hide; "
                f"its categories: {', '.join(whole.categories)}",
                EXIT_USAGE,
            )
        places = frozenset(getattr(args, "place", None) or ())
        unknown = sorted(places - set(whole.places))
        if unknown:
            return _fail(
                f"the dataset has no place {', '.join(repr(p) for p in unknown)} to show "
                "(karabakh-timeline events --json lists each event's places by id)",
                EXIT_USAGE,
            )
        view = _View(
            period if start or end else None,
            getattr(args, "shown", None),
            event_id,
            hidden,
            getattr(args, "window_search", None) or "",
            places,
        )
        if app is None:
            problem = x11_problem()
            if problem is not None:
                return _fail(problem, EXIT_USAGE)
            app = _application()
        window = _open_window(dataset, view, data, added)
        hooks = _test_hooks(window)
        window.show()
    from karabakh_timeline.ui.dialogs.error_dialog import install_error_dialog

    install_error_dialog()
    collector = None
    if resume_collector:
        from PySide6.QtCore import QTimer

        from karabakh_timeline.ui.garbage_collection import EventLoopCollector

        def start_collector() -> None:
            nonlocal collector
            collector = EventLoopCollector(app)
            window.dataset_changed.connect(lambda _: QTimer.singleShot(0, collector.refreeze))

        QTimer.singleShot(
            0, start_collector
        )  # after the first paint, which the event loop does first
    code = app.exec()
    if collector is not None:
        collector.stop()
    del hooks
    return code


@dataclass(frozen=True)
class _View:
    """What the command line (or a view's link) asks the window to show first."""

    period: DateRange | None
    shown: DateRange | None
    event_id: str | None
    hidden: frozenset[str]
    search: str
    places: frozenset[str] = frozenset()  # the place filter, as chosen on the map


def _open_window(
    dataset: Dataset, view: _View, data: Path | None, added: list[tuple[Path, Dataset]]
) -> MainWindow:
    from karabakh_timeline.model.span import covering_range
    from karabakh_timeline.ui.docks.panel_docks import create_panel_docks
    from karabakh_timeline.ui.main_window import MainWindow
    from karabakh_timeline.ui.selection import Selection

    selection = Selection(covering_range(dataset))
    window = MainWindow(dataset, selection, dataset_path=data)
    for path, more in added:
        window.added_datasets.add_loaded(path, more)
    # A panel in a tab behind another is made when that tab is first shown.
    for dock in create_panel_docks(window.dataset, selection, window, build_when_shown=True):
        window.add_panel_dock(dock)
    for category in view.hidden:
        selection.set_category_visible(category, False)
    selection.set_search(view.search)
    selection.set_places(view.places)
    if view.period is not None:
        selection.set_period(view.period)
        window.timeline.zoom_to_selection()
    if view.event_id is not None:
        selection.set_event(view.event_id)
        if view.period is None:
            window.timeline.zoom_to_selection()
    if view.shown is not None:  # exactly the span a link was made with
        window.timeline.set_x_range(view.shown.first, view.shown.last)
    return window


def _test_hooks(window: MainWindow) -> list[QObject]:
    """What tests and the benchmark ask for by environment variable (``ui.testing``)."""
    from karabakh_timeline.ui.testing import hooks_from_environment

    return hooks_from_environment(window)
