"""The calendar's tools in the main window: zoom, fit, day paging, shading, details, who is free.

:func:`install_calendar_tools` adds them to a :class:`~visitplanner.ui.main_window.MainWindow`
(a "Calendar" toolbar, entries in the View menu, the "Who is free" dock, and the
details dialog on double-click), so the window itself only calls it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu, QScrollArea

from visitplanner.i18n import _
from visitplanner.ui.calendar.details import OccurrenceDialog
from visitplanner.ui.calendar.view import ZOOM_STEP
from visitplanner.ui.calendar.who_free import WhoIsFree

if TYPE_CHECKING:
    from visitplanner.ui.main_window import MainWindow


class CalendarTools(QObject):
    """Actions and panels that work on the window's calendar view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view, self.scene = window.view, window.scene
        self.details_dialog: OccurrenceDialog | None = None
        self._build_actions()
        self._build_dock()
        self.view.details_requested.connect(self.open_details)
        self.scene.selected_key_changed.connect(lambda _key: self.refresh_who_is_free())
        self.scene.drag_feedback.connect(lambda _text: self.refresh_who_is_free())
        window.doc.changed.connect(lambda _project: self.refresh_who_is_free())

    def _action(self, text: str, slot: object, shortcuts: tuple[str, ...] = ()) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        view = self.view
        self.zoom_in = self._action(
            _("Zoom in"), lambda: view.zoom(ZOOM_STEP), ("Ctrl++", "Ctrl+=")
        )
        self.zoom_out = self._action(_("Zoom out"), lambda: view.zoom(1 / ZOOM_STEP), ("Ctrl+-",))
        self.zoom_reset = self._action(_("Normal time scale"), view.reset_zoom, ("Ctrl+0",))
        self.fit = self._action(_("Fit days to window"), self._set_fit)
        self.fit.setCheckable(True)
        self.fit.setChecked(view.fit_to_window)
        self.previous_day = self._action(
            _("Previous day"), lambda: view.step_day(-1), ("Alt+Left",)
        )
        self.next_day = self._action(_("Next day"), lambda: view.step_day(1), ("Alt+Right",))
        self.shading = self._action(_("Show where the selected activity can go"), view.set_shading)
        self.shading.setCheckable(True)
        self.shading.setChecked(view.show_shading)
        tips = {
            self.zoom_in: _("Show more detail of each hour (Ctrl+wheel)"),
            self.zoom_out: _("Show more hours at once (Ctrl+wheel)"),
            self.fit: _("Show every day of the visit side by side without scrolling"),
            self.shading: _(
                "Shade the times when someone required, the interpreter or the venue is not free"
            ),
        }
        short = {
            self.zoom_in: _("Zoom +"),
            self.zoom_out: _("Zoom −"),
            self.fit: _("Fit days"),
            self.previous_day: _("◀ Day"),
            self.next_day: _("Day ▶"),
            self.shading: _("Where can it go?"),
        }
        for action, text in short.items():
            action.setIconText(text)
        for action, tip in tips.items():
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.actions = [
            self.zoom_in,
            self.zoom_out,
            self.zoom_reset,
            self.fit,
            self.previous_day,
            self.next_day,
            self.shading,
        ]
        menu = self._view_menu()
        if menu is not None:
            menu.addSeparator()
            menu.addActions(self.actions)
        toolbar = self.window.addToolBar(_("Calendar"))
        toolbar.setObjectName("toolbar-calendar")
        toolbar.addActions([self.zoom_out, self.zoom_in, self.fit])
        toolbar.addSeparator()
        toolbar.addActions([self.previous_day, self.next_day, self.shading])
        self.toolbar = toolbar

    def _view_menu(self) -> QMenu | None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and self.window.axis_action in menu.actions():
                return menu
        return None

    def _build_dock(self) -> None:
        self.who_is_free = WhoIsFree()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.who_is_free)
        dock = QDockWidget(_("Who is free"), self.window)
        dock.setObjectName("dock-who-is-free")
        dock.setWidget(scroll)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.window.resizeDocks([dock], [190], Qt.Orientation.Vertical)
        self.who_is_free_dock = dock
        menu = self._view_menu()
        if menu is not None:
            menu.addAction(dock.toggleViewAction())

    def _set_fit(self, fit: bool) -> None:
        self.view.set_fit_to_window(fit)

    def refresh_who_is_free(self) -> None:
        """Show the selected (or dragged) block's attendees in the strip."""
        scene = self.scene
        key = scene.selected_key()
        block = scene.blocks.get(key) if key else None
        placement = block.placement if block is not None else None
        self.who_is_free.show_placement(scene.project, scene.index, placement)

    def open_details(self, key: str) -> OccurrenceDialog | None:
        """Open the details of occurrence ``key``; OK records the changes as one undo step."""
        window = self.window
        project = window.doc.project
        if window.runner.running or project.schedule.get(key) is None or self.scene.index is None:
            return None
        dialog = OccurrenceDialog(project, self.scene.index, key, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda result: self._details_done(dialog, result))
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def _details_done(self, dialog: OccurrenceDialog, result: int) -> None:
        self.details_dialog = None
        if result != QDialog.DialogCode.Accepted:
            return
        doc = self.window.doc
        if doc.project is not dialog.project:
            return  # the programme changed under the dialog: do not overwrite it
        doc.push(dialog.edited(), _("Edit {title}").format(title=dialog.title))


def install_calendar_tools(window: MainWindow) -> CalendarTools:
    """Add the calendar's tools to ``window``."""
    return CalendarTools(window)
