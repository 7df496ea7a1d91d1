"""The main window's menus and toolbar, laid out from the actions the window made.

Every action carries its own shortcut; the toolbar's tooltips name it, so the keys can be
learnt by hovering. The menus are given the actions they lay out (``MenuActions``), not the
window, so they know nothing else of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar


@dataclass(frozen=True)
class MenuActions:
    """The actions the menus and the toolbar lay out."""

    open: QAction
    open_folder: QAction
    add_dataset: QAction
    remove_dataset_menu: QMenu
    export_image: QAction
    export_data: QAction
    quit: QAction
    view_links: Sequence[QAction]
    """Copy link and copy command line first, then the citations (a separator between)."""
    zoom_in: QAction
    zoom_out: QAction
    fit_all: QAction
    zoom_selection: QAction
    previous: QAction
    next: QAction
    clear: QAction
    search: QAction
    panel_toggles: Sequence[QAction]
    reset_layout: QAction
    shortcuts: QAction
    about: QAction


@dataclass(frozen=True)
class Menus:
    view: QMenu
    panels: QMenu
    """The Panels submenu of View, where docks added later go."""


def build_menus(bar: QMenuBar, a: MenuActions) -> Menus:
    """File, Edit, View and Help."""
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.open, a.open_folder])
    file_menu.addAction(a.add_dataset)
    file_menu.addMenu(a.remove_dataset_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.export_image, a.export_data])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions(a.view_links[:2])
    edit_menu.addSeparator()
    edit_menu.addActions(a.view_links[2:])
    view_menu = bar.addMenu("&View")
    view_menu.addActions([a.zoom_in, a.zoom_out, a.fit_all, a.zoom_selection])
    view_menu.addSeparator()
    view_menu.addActions([a.previous, a.next, a.clear])
    view_menu.addSeparator()
    view_menu.addAction(a.search)
    panels_menu = view_menu.addMenu("&Panels")
    panels_menu.addActions(a.panel_toggles)
    view_menu.addAction(a.reset_layout)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts, a.about])
    return Menus(view_menu, panels_menu)


def build_toolbar(window: QMainWindow, a: MenuActions) -> QToolBar:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addAction(a.open)
    bar.addSeparator()
    bar.addActions([a.zoom_in, a.zoom_out, a.fit_all, a.zoom_selection])
    bar.addSeparator()
    bar.addActions([a.previous, a.next, a.clear])
    bar.addSeparator()
    bar.addAction(a.export_image)
    for action in bar.actions():
        if not action.isSeparator():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = action.text().replace("&", "").rstrip("…")
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
    window.addToolBar(bar)
    return bar
