"""The main window's menu bar and main toolbar, from the actions the window made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from visitplanner.i18n import _
from visitplanner.ui.language import LanguageMenu, add_language_menu

if TYPE_CHECKING:
    from visitplanner.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> tuple[QMenu, LanguageMenu]:
    """Fill ``window``'s menu bar and main toolbar; its recent-files and language menus."""
    f = window.files
    menu = window.menuBar().addMenu(_("&File"))
    menu.addActions([window.new_action, window.open_action])
    recent = menu.addMenu(_("Open &recent"))
    recent.aboutToShow.connect(window.fill_recent)
    menu.addActions([window.save_action, window.save_as_action])
    menu.addSeparator()
    menu.addAction(window.make_action(_("Export calendar (.ics)…"), lambda: f.export_ics(False)))
    menu.addAction(
        window.make_action(_("Export a calendar per person…"), lambda: f.export_ics(True))
    )
    menu.addAction(
        window.make_action(_("Print / export &PDF…"), f.export_pdf, QKeySequence.StandardKey.Print)
    )
    menu.addSeparator()
    menu.addAction(window.quit_action)
    menu = window.menuBar().addMenu(_("&Edit"))
    menu.addActions([window.undo_action, window.redo_action])
    menu.addSeparator()
    menu.addActions([window.pin_action, window.unschedule_action])
    menu = window.menuBar().addMenu(_("&Visit"))
    menu.addActions([window.solve_action, window.improve_action, window.stop_action])
    menu.addAction(window.dates_action)
    menu = window.menuBar().addMenu(_("Vie&w"))
    menu.addAction(window.axis_action)
    menu.addAction(window.problems_dock.toggleViewAction())
    menu.addAction(window.balance_dock.toggleViewAction())
    menu.addAction(window.tray.dock.toggleViewAction())
    language = add_language_menu(window, menu, window.settings.store)
    toolbar = window.addToolBar(_("Main"))
    toolbar.setObjectName("toolbar-main")
    toolbar.addActions([window.new_action, window.open_action, window.save_action])
    toolbar.addSeparator()
    toolbar.addActions([window.undo_action, window.redo_action])
    toolbar.addSeparator()
    toolbar.addActions([window.solve_action, window.improve_action, window.stop_action])
    toolbar.addAction(window.pin_action)
    return recent, language
