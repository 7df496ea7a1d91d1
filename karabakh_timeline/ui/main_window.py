"""The main window: the timeline in the middle, the events list and the event details as docks.

The window builds its parts from one dataset and the shared selection and connects nothing
between them: each part listens to the selection. The window adds the menus, the toolbar, the
status bar, opening another dataset, and remembering its layout (``window_settings``).
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabBar,
    QWidget,
)

from karabakh_timeline import APP_NAME
from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.loader import check_dataset
from karabakh_timeline.model.problems import Problem
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.model.span import covering_range
from karabakh_timeline.ui.accessible_names import name_controls
from karabakh_timeline.ui.added_datasets import AddedDatasets
from karabakh_timeline.ui.column_heights import right_column_heights
from karabakh_timeline.ui.docks.details_panel import DetailsPanel
from karabakh_timeline.ui.docks.events_dock import EventsList
from karabakh_timeline.ui.map.map_dock import MapDock
from karabakh_timeline.ui.map.place_chip import PlaceChip
from karabakh_timeline.ui.place_naming import NamingMenu
from karabakh_timeline.ui.selection import Selection
from karabakh_timeline.ui.timeline.view import TimelineView
from karabakh_timeline.ui.view_link_actions import ViewLinkActions
from karabakh_timeline.ui.window_menus import MenuActions, build_menus, build_toolbar
from karabakh_timeline.ui.window_settings import WindowSettings

DEFAULT_SIZE = (1280, 800)
FIRST_SCREEN_SHARE = 0.9  # a first start on a larger screen takes this much of it
PANEL_SHARE = 0.36  # of the window's height, for the panels under the timeline at a first start
PANEL_LEAST = 120  # px
EVENTS_WIDTH = 380  # px: the events list and the details beside the timeline, at a first start
DOCK_SEPARATOR = 8  # px: the handle between the timeline and the panels, and its margins


def first_size(room: QSize) -> QSize:
    """A first start's window size on a screen with ``room``: 1280 × 800, more of a larger
    screen, less of a smaller one; it uses the room there is and never opens off the edges
    (a 1280 × 800 screen gets 1216 × 760)."""
    sizes = []
    for default, available in zip(DEFAULT_SIZE, (room.width(), room.height()), strict=True):
        wanted = max(default, int(available * FIRST_SCREEN_SHARE))
        sizes.append(min(wanted, int(available * 0.95)))
    return QSize(*sizes)


def details_title(kind: str) -> str:
    """The details dock's title says what it shows: 'Details: casualty report'."""
    return f"Details: {kind.lower()}" if kind else "Details"


class MainWindow(QMainWindow):
    dataset_changed = Signal(object)
    """Another dataset is shown (after ``set_dataset``); carries the new ``Dataset``."""

    def __init__(
        self,
        dataset: Dataset,
        selection: Selection,
        settings: QSettings | None = None,
        dataset_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.dataset = dataset
        self.dataset_path = dataset_path  # where it was opened from; None: the bundled dataset
        self.selection = selection
        self.settings = WindowSettings(settings if settings is not None else QSettings())
        self.panel_docks: list[QDockWidget] = []
        self._size_panels_when_shown = False
        self._size_column_when_shown = False
        self.problems_dialog: QMessageBox | None = None
        self.resize(*DEFAULT_SIZE)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )

        self.timeline = TimelineView(dataset, selection)
        self.setCentralWidget(self.timeline)
        self.events_panel = EventsList(dataset, selection, self.timeline.geometry_)
        self.events_dock = self._dock("Events", "eventsDock", self.events_panel)
        self.details_panel = DetailsPanel(dataset, selection)
        title = details_title(self.details_panel.shown_kind)
        self.details_dock = self._dock(title, "detailsDock", self.details_panel)
        self.details_panel.shown_changed.connect(self._details_shown)
        # The right column runs the full height; panels added below stay under the timeline.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.events_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        # The map sits in the right column between the list and the details: under the
        # timeline it would narrow the report tables, and above it take the timeline's height.
        self.map_dock = MapDock(selection, dataset, self)
        self._place_right_column()

        self._make_actions()
        actions = self._menu_actions()
        menus = build_menus(self.menuBar(), actions)
        self.view_menu = menus.view
        self.panels_menu = menus.panels
        self.panels_menu.addAction(self.map_dock.toggleViewAction())
        self.naming_menu = NamingMenu(selection, self.settings.settings, self)
        self.view_menu.insertMenu(self.panels_menu.menuAction(), self.naming_menu)
        self.toolbar = build_toolbar(self, actions)
        self.dataset_label = QLabel()
        self.dataset_label.setObjectName("datasetLabel")
        self.statusBar().addPermanentWidget(self.dataset_label)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.place_chip = PlaceChip(dataset, selection, self)
        self.statusBar().addWidget(self.place_chip)
        self.statusBar().addWidget(self.selection_label, 1)

        selection.period_changed.connect(self._update_status)
        selection.filters_changed.connect(self._update_status)
        selection.event_changed.connect(self._update_actions)
        selection.period_changed.connect(self._update_actions)
        selection.places_changed.connect(self._update_actions)
        self._show_dataset_info()
        self._update_status()
        self._update_actions()
        self._set_focus_order()
        name_controls(self)
        self.timeline.keys.cursor_moved.connect(self._show_cursor)

        if not self.settings.restore_window(self):
            self._fit_default_size()
        else:  # the column as the reader left it
            self._size_column_when_shown = False
        saved = self.settings.view_range()
        if saved is not None:
            self.timeline.set_x_range(saved.first, saved.last)

    # ----------------------------------------------------------------- building

    def _fit_default_size(self) -> None:
        screen = self.screen()
        if screen is not None:
            self.resize(first_size(screen.availableGeometry().size()))

    def _details_shown(self, kind: str) -> None:
        self.details_dock.setWindowTitle(details_title(kind))

    def _set_focus_order(self) -> None:
        """Tab goes: the timeline, the search, the category boxes, the events list, the
        details; the panels below follow. The timeline has the focus at first."""
        panel = self.events_panel
        chain: list[QWidget] = [self.timeline, panel.search_box, *panel.category_boxes.values()]
        chain += [panel.table, self.details_panel]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _action(
        self, text: str, keys: list[QKeySequence | QKeySequence.StandardKey | str], slot: object
    ) -> QAction:
        action = QAction(text, self)
        sequences: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence.StandardKey):
                sequences.extend(QKeySequence.keyBindings(key))
            else:
                sequences.append(QKeySequence(key))
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the toolbar is hidden
        return action

    def _menu_actions(self) -> MenuActions:
        return MenuActions(
            open=self.open_action,
            open_folder=self.open_folder_action,
            add_dataset=self.added_datasets.add_action,
            remove_dataset_menu=self.added_datasets.remove_menu,
            export_image=self.export_image_action,
            export_data=self.export_data_action,
            quit=self.quit_action,
            view_links=self.view_links.actions,
            zoom_in=self.zoom_in_action,
            zoom_out=self.zoom_out_action,
            fit_all=self.fit_all_action,
            zoom_selection=self.zoom_selection_action,
            previous=self.previous_action,
            next=self.next_action,
            clear=self.clear_action,
            search=self.search_action,
            panel_toggles=[
                self.events_dock.toggleViewAction(),
                self.details_dock.toggleViewAction(),
            ],
            reset_layout=self.reset_layout_action,
            shortcuts=self.shortcuts_action,
            about=self.about_action,
        )

    def _make_actions(self) -> None:
        t = self.timeline
        self.open_action = self._action("&Open dataset…", ["Ctrl+O"], self._choose_file)
        self.open_folder_action = self._action(
            "Open dataset &folder…", ["Ctrl+Shift+O"], self._choose_folder
        )
        self.export_image_action = self._action("&Export image…", ["Ctrl+E"], self._export_image)
        self.export_data_action = self._action("Export &data…", ["Ctrl+Shift+E"], self._export_data)
        self.quit_action = self._action("&Quit", ["Ctrl+Q"], self.close)
        self.zoom_in_action = self._action("Zoom &in", ["Ctrl++", "+", "="], t.zoom_in)
        self.zoom_out_action = self._action("Zoom &out", ["Ctrl+-", "-"], t.zoom_out)
        self.fit_all_action = self._action("&Fit all", ["Home"], t.fit_all)
        self.zoom_selection_action = self._action("&Zoom to selection", ["Z"], t.zoom_to_selection)
        self.next_action = self._action("&Next event", ["Right", "N"], self.next_event)
        self.previous_action = self._action("&Previous event", ["Left", "P"], self.previous_event)
        self.clear_action = self._action("&Clear selection", ["Esc"], self.clear_selection)
        self.search_action = self._action("&Search events", ["Ctrl+F", "/"], self.focus_search)
        self.focus_timeline_action = self._action(
            "Go to the &timeline (arrows move the period)", ["Ctrl+T"], self.focus_timeline
        )
        self.reset_layout_action = QAction("&Reset layout", self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.shortcuts_action = self._action("&Keyboard shortcuts", ["F1"], self.show_shortcuts)
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.triggered.connect(self.show_about)
        self.view_links = ViewLinkActions(self, self)
        self.added_datasets = AddedDatasets(self, self)
        for action, icon in (
            (self.open_action, "document-open"),
            (self.zoom_in_action, "zoom-in"),
            (self.zoom_out_action, "zoom-out"),
            (self.fit_all_action, "zoom-fit-best"),
            (self.zoom_selection_action, "zoom-fit-selection"),
            (self.previous_action, "go-previous"),
            (self.next_action, "go-next"),
            (self.export_image_action, "document-save-as"),
        ):
            action.setIcon(QIcon.fromTheme(icon))

    # ------------------------------------------------------------------ actions

    def next_event(self) -> None:
        self._step(forward=True)

    def previous_event(self) -> None:
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        """Step to the next or previous event the timeline shows; with a search or hidden
        categories, the status bar says that only the matching events are stepped through."""
        found = self.timeline.step_event(forward)
        shown = self.timeline.visible_event_ids()
        filtered = len(shown) != len(self.dataset.events)
        if found is None:
            where = "later" if forward else "earlier"
            among = " among those that match the filters" if filtered else ""
            self.statusBar().showMessage(f"No {where} event{among}", 5000)
        elif filtered:
            place = shown.index(found) + 1
            self.statusBar().showMessage(
                f"Event {place:,} of the {len(shown):,} that match the filters: "
                f"Next and Previous step through these only",
                8000,
            )

    def clear_selection(self) -> None:
        """Esc: clear the selected event first, then the places filter; pressed again, select
        everything again."""
        if self.selection.event_id is not None:
            self.selection.set_event(None)
        elif self.selection.places:
            self.selection.clear_places()
        else:
            self.selection.clear_period()

    def focus_search(self) -> None:
        if not self.events_dock.isVisible():
            self.events_dock.show()
        self.events_panel.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.events_panel.search_box.selectAll()

    def focus_timeline(self) -> None:
        self.timeline.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.timeline.keys.show_cursor()  # also when the timeline had the focus already

    def reset_layout(self) -> None:
        for dock in (self.events_dock, self.map_dock, self.details_dock):
            dock.setFloating(False)
            dock.show()
        self._place_right_column()
        self._place_panel_docks(self.panel_docks)

    def _place_right_column(self) -> None:
        """The events list, the map and the details, top to bottom, in the right column."""
        column = (self.events_dock, self.map_dock, self.details_dock)
        for dock in column:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.splitDockWidget(self.events_dock, self.map_dock, Qt.Orientation.Vertical)
        self.splitDockWidget(self.map_dock, self.details_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.events_dock], [EVENTS_WIDTH], Qt.Orientation.Horizontal)
        self._size_right_column()
        if not self.isVisible():  # sizes asked for before the first show are not all kept
            self._size_column_when_shown = True

    def _size_right_column(self) -> None:
        column = [self.events_dock, self.map_dock, self.details_dock]
        bars = sum(bar.sizeHint().height() for bar in (self.menuBar(), self.statusBar()))
        toolbar = getattr(self, "toolbar", None)  # made after the column is first placed
        bars += toolbar.sizeHint().height() if toolbar is not None else 0
        room = self.height() - bars - 2 * DOCK_SEPARATOR
        width = self.events_dock.width() if self.isVisible() else EVENTS_WIDTH
        heights = right_column_heights(room, self.map_dock.height_for_width(width))
        self.resizeDocks(column, list(heights), Qt.Orientation.Vertical)

    # The dialogs are imported when first asked for: the first paint of the window needs none.
    def show_about(self) -> None:
        from karabakh_timeline.ui.dialogs.help_dialogs import AboutDialog

        AboutDialog(self.dataset, self).exec()

    def show_shortcuts(self) -> None:
        from karabakh_timeline.ui.dialogs.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self.actions(), self).exec()

    def _export_image(self) -> None:
        from karabakh_timeline.ui.dialogs.export_dialog import export_image_from_window

        export_image_from_window(
            self, self.dataset, self.selection, self._view_range(), self.dataset_path
        )

    def _export_data(self) -> None:
        from karabakh_timeline.ui.dialogs.export_dialog import export_data_from_window

        export_data_from_window(self, self.dataset, self.selection, self._view_range())

    def _view_range(self) -> DateRange:
        first, last = self.timeline.x_range()
        return DateRange(first, last)

    # ----------------------------------------------------------------- datasets

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a dataset folder")
        if folder:
            self.open_dataset(Path(folder))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open a dataset: YAML or JSON, a TimelineJS timeline or an ACLED export",
            "",
            "Datasets (*.yaml *.yml *.json *.csv);;All files (*)",
        )
        if path:
            self.open_dataset(Path(path))

    def open_dataset(self, path: Path | str) -> bool:
        """Show the dataset at ``path``; if it has problems, list them and keep the current one.

        A long load shows its progress and can be cancelled; the current dataset then stays.
        """
        from karabakh_timeline.model.load_progress import LoadCancelled
        from karabakh_timeline.ui.dialogs.load_progress_dialog import load_progress

        try:
            with load_progress(path, self) as progress:
                dataset, problems = check_dataset(path, progress)
                if dataset is not None:  # the dialog stays up while the views are made
                    progress.preparing_window(len(dataset.events))
                    self.set_dataset(dataset)
                    self.dataset_path = Path(path)
        except LoadCancelled:
            # The dataset shown is named beside this message, in the status bar.
            stopped = f"Stopped opening {Path(path).name}: the dataset shown is unchanged"
            self.statusBar().showMessage(stopped, 8000)
            # Show that at once: freeing what was read of a large file takes a moment after.
            QApplication.processEvents()
            return False
        if dataset is None:
            self._show_problems(Path(path), problems)
            return False
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def _show_problems(self, path: Path, problems: list[Problem]) -> None:
        from karabakh_timeline.ui.dialogs.help_dialogs import problems_box

        box = problems_box(self, path, problems, self.dataset.info.name)
        self.problems_dialog = box
        box.open()  # window-modal, and returns at once: the window keeps working behind it

    def set_dataset(self, dataset: Dataset) -> None:
        """Show another dataset with the same selection: filters and the event are reset."""
        view_range = self.timeline.x_range()
        self.selection.set_event(None)
        for category in self.selection.hidden_categories:
            self.selection.set_category_visible(category, True)
        self.selection.set_search("")
        self.selection.clear_places()
        self.selection.set_full_range(covering_range(dataset))
        self.dataset = dataset
        old = self.timeline
        self.timeline = TimelineView(dataset, self.selection)
        self.setCentralWidget(self.timeline)
        old.deleteLater()
        self._rewire_view_actions()
        self.timeline.set_x_range(*view_range)
        old_events = self.events_panel
        self.events_panel = EventsList(dataset, self.selection, self.timeline.geometry_)
        self.events_dock.setWidget(self.events_panel)
        old_events.deleteLater()
        self.details_panel.set_dataset(dataset)
        self.map_dock.set_dataset(dataset)
        self.place_chip.set_dataset(dataset)
        for dock in self.panel_docks:
            refresh = getattr(dock, "set_dataset", None)
            if callable(refresh):
                refresh(dataset)
        self._show_dataset_info()
        self._update_status()
        self._set_focus_order()
        name_controls(self)
        self.dataset_changed.emit(dataset)

    def _show_cursor(self, *_: object) -> None:
        text = self.timeline.keys.cursor_text()
        if text:
            self.statusBar().showMessage(text, 10_000)

    def _rewire_view_actions(self) -> None:
        t = self.timeline
        t.keys.cursor_moved.connect(self._show_cursor)
        for action, slot in (
            (self.zoom_in_action, t.zoom_in),
            (self.zoom_out_action, t.zoom_out),
            (self.fit_all_action, t.fit_all),
            (self.zoom_selection_action, t.zoom_to_selection),
        ):
            action.triggered.disconnect()
            action.triggered.connect(slot)

    # ------------------------------------------------------------------- docks

    def add_panel_dock(self, dock: QDockWidget) -> None:
        """Add a panel (casualties, clearance…) as a dock under the timeline.

        Give the dock a fixed object name first: its place is then remembered with the others.
        """
        if not dock.objectName():
            dock.setObjectName(dock.windowTitle().replace(" ", "") + "Dock")
        dock.setParent(self)
        self.panel_docks.append(dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        name_controls(dock)
        if not self.restoreDockWidget(dock):
            self._place_panel_docks([dock])

    def _place_panel_docks(self, docks: list[QDockWidget]) -> None:
        for dock in docks:
            dock.setFloating(False)
            dock.show()
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            first = self.panel_docks[0]
            if dock is not first:
                self.tabifyDockWidget(first, dock)
        if self.panel_docks:
            self.panel_docks[0].raise_()
            if self.isVisible():
                self._size_panel_docks()
            else:  # sizes asked for before the first show are not all kept: ask again then
                self._size_panels_when_shown = True

    def _size_panel_docks(self) -> None:
        if self.panel_docks:
            height = self._panel_height()
            self.resizeDocks([self.panel_docks[0]], [height], Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._size_panels_when_shown:
            self._size_panels_when_shown = False
            self._size_panel_docks()
        if self._size_column_when_shown:
            self._size_column_when_shown = False
            self._size_right_column()

    def _panel_height(self) -> int:
        """The panels' first height: PANEL_SHARE of the window, less where the timeline would
        then lose its one row of labels in every lane; the timeline takes the rest, which its
        lanes fill with stacked labels. Never under PANEL_LEAST."""
        window = self.height()
        bars = sum(
            bar.sizeHint().height() for bar in (self.menuBar(), self.toolbar, self.statusBar())
        )
        room = window - bars - DOCK_SEPARATOR - self._panel_tabs_height()
        # The timeline may not be laid out yet: plan with the width it gets beside the docks.
        beside = self.events_dock.width() if self.events_dock.isVisible() else EVENTS_WIDTH
        self.timeline.prepare_for(self.width() - beside - DOCK_SEPARATOR, room)
        panels = min(PANEL_SHARE * window, room - self.timeline.least_height())
        return max(int(panels), PANEL_LEAST)

    def _panel_tabs_height(self) -> int:
        """The height of the tabs under tabbed panels: their docks do not include it."""
        if not self.panel_docks or not self.tabifiedDockWidgets(self.panel_docks[0]):
            return 0
        probe = QTabBar()  # the window makes its tab bars late: measure one like them
        probe.addTab(self.panel_docks[0].windowTitle())
        height = probe.sizeHint().height()
        probe.deleteLater()
        return height

    # ------------------------------------------------------------------ status

    def _show_dataset_info(self) -> None:
        info = self.dataset.info
        added = "".join(f" + {layer.name}" for layer in self.dataset.layers.values())
        self.setWindowTitle(f"{APP_NAME} — {info.name}{added}")
        self.dataset_label.setText(
            f"{info.name} ({info.version}){added}: {len(self.dataset.events):,} events, "
            f"{len(self.dataset.casualties):,} casualty and "
            f"{len(self.dataset.clearance):,} clearance reports"
        )

    def _update_status(self, *_: object) -> None:
        # From the filters themselves, not from a view that may not have caught up yet.
        mask = self.timeline.geometry_.visible_mask(self.selection.event_filter)
        shown = int(mask.sum())
        total = len(self.dataset.events)
        period = "all of " if self.selection.is_everything else ""
        text = f"Selected: {period}{self.selection.period.display()}"
        if shown != total:
            text += f" · {shown:,} of {total:,} events match the filters"
        self.selection_label.setText(text)

    def _update_actions(self, *_: object) -> None:
        s = self.selection
        has_target = s.event_id is not None or bool(s.places) or not s.is_everything
        self.zoom_selection_action.setEnabled(has_target)
        self.clear_action.setEnabled(has_target)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save(self, self.timeline.x_range())
        super().closeEvent(event)
