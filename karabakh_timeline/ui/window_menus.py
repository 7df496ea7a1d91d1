"""The main window's menus and toolbar, laid out from the actions the window made.

Every action carries its own shortcut; the toolbar's tooltips name it, so the keys can be
learnt by hovering.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

if TYPE_CHECKING:
    from karabakh_timeline.ui.main_window import MainWindow


def build_menus(w: MainWindow) -> QMenu:
    """File, Edit, View and Help; returns the Panels submenu, where docks added later go."""
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([w.open_action, w.open_folder_action])
    file_menu.addAction(w.added_datasets.add_action)
    file_menu.addMenu(w.added_datasets.remove_menu)
    file_menu.addSeparator()
    file_menu.addActions([w.export_image_action, w.export_data_action])
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions(w.view_links.actions[:2])
    edit_menu.addSeparator()
    edit_menu.addActions(w.view_links.actions[2:])
    view_menu = bar.addMenu("&View")
    w.view_menu = view_menu
    view_menu.addActions(
        [w.zoom_in_action, w.zoom_out_action, w.fit_all_action, w.zoom_selection_action]
    )
    view_menu.addSeparator()
    view_menu.addActions([w.previous_action, w.next_action, w.clear_action])
    view_menu.addSeparator()
    view_menu.addAction(w.search_action)
    panels_menu = view_menu.addMenu("&Panels")
    panels_menu.addActions([w.events_dock.toggleViewAction(), w.details_dock.toggleViewAction()])
    view_menu.addAction(w.reset_layout_action)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([w.shortcuts_action, w.about_action])
    return panels_menu


def build_toolbar(w: MainWindow) -> QToolBar:
    bar = QToolBar("Main toolbar", w)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(w.open_action)
    bar.addSeparator()
    bar.addActions([w.zoom_in_action, w.zoom_out_action, w.fit_all_action, w.zoom_selection_action])
    bar.addSeparator()
    bar.addActions([w.previous_action, w.next_action, w.clear_action])
    bar.addSeparator()
    bar.addAction(w.export_image_action)
    for action in bar.actions():
        if not action.isSeparator():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = action.text().replace("&", "").rstrip("…")
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
    w.addToolBar(bar)
    return bar
