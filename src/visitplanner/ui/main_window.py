"""The main window: the programme calendar, the editors, solving, undo and files."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from visitplanner.domain import Project, Schedule, Visit
from visitplanner.i18n import N_, _, format_seconds
from visitplanner.solver.checker import Checker, CheckReport
from visitplanner.solver.result import Progress, SolveResult, Status, quality_text
from visitplanner.ui import collab, commands, unplaced_tray
from visitplanner.ui.availability import dates_dialog
from visitplanner.ui.availability.editor import AvailabilityEditor
from visitplanner.ui.balance_panel import BalancePanel
from visitplanner.ui.calendar import CalendarScene, CalendarView, PeopleView
from visitplanner.ui.calendar.edits import CalendarEdits
from visitplanner.ui.calendar.tools import install_calendar_tools
from visitplanner.ui.document import Document
from visitplanner.ui.editors.activities import ActivitiesEditor
from visitplanner.ui.editors.people import PeopleEditor
from visitplanner.ui.editors.settings import VisitSettingsEditor
from visitplanner.ui.editors.venues import VenuesEditor
from visitplanner.ui.files import AUTOSAVE_MS, AppSettings, Autosaver, FileActions, Recovery
from visitplanner.ui.menus import build_menus
from visitplanner.ui.problems_panel import ProblemsPanel
from visitplanner.ui.solve_worker import SolveFn, SolveRunner

# The editor tabs, in the order a coordinator fills them in.
EDITORS: tuple[tuple[str, type[QWidget]], ...] = (
    (N_("People"), PeopleEditor),
    (N_("Availability"), AvailabilityEditor),
    (N_("Activities"), ActivitiesEditor),
    (N_("Venues"), VenuesEditor),
    (N_("Settings"), VisitSettingsEditor),
)


class MainWindow(QMainWindow):
    """Everything the coordinator works with, around one :class:`Document`."""

    def __init__(
        self,
        settings: AppSettings,
        recovery: Recovery,
        solve: SolveFn | None = None,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.doc = Document(Project(Visit("Visit", "Europe/Paris", ())), None, self)
        self.runner = SolveRunner(solve, self)
        self._checker: Checker | None = None
        self._report = CheckReport()
        self._shown_visit: Visit | None = None
        self._editing_from: QWidget | None = None
        self._best: int | None = None
        self._bound: float | None = None
        self._solving_base = self.doc.project
        self.files = FileActions(self, self.doc, settings, recovery)
        self.autosaver = Autosaver(recovery, self._autosave_source, autosave_ms, self)
        self._build_central()
        self._build_docks()
        self.tray = unplaced_tray.install(self)
        self._build_status()
        self._build_actions()
        self._connect()
        self.collab = collab.install(self)  # invitations, replies, calendar server
        self.calendar_tools = install_calendar_tools(self)
        self._show_solving(False)
        self.setWindowTitle(_("Visit Planner"))
        self.resize(1400, 900)
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # ------------------------------------------------------------------ layout

    def _build_central(self) -> None:
        self.scene = CalendarScene(self.check)
        self.scene.set_home_axis(self.settings.show_home_axis())
        self.view = CalendarView(self.scene)
        self.edits = CalendarEdits(
            self.doc,
            self.scene,
            self.view,
            lambda: self.runner.running,
            lambda: self._on_changed(self.doc.project),
        )
        self.people_view = PeopleView()
        self.programme = QTabWidget()
        self.programme.setDocumentMode(True)
        self.programme.addTab(self.view, _("Calendar"))
        self.programme.addTab(self.people_view, _("Who is where"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.programme, _("Programme"))
        self.editors: list[QWidget] = []
        for title, cls in EDITORS:
            editor: Any = cls()
            editor.visit_edited.connect(
                lambda visit, text, source=editor: self._on_visit_edited(source, visit, text)
            )
            self.editors.append(editor)
            self.tabs.addTab(editor, _(title))
        self.setCentralWidget(self.tabs)

    def _build_docks(self) -> None:
        self.problems = ProblemsPanel()
        self.problems_dock = self._dock(
            _("Problems"), self.problems, Qt.DockWidgetArea.RightDockWidgetArea, "problems"
        )
        self.balance = BalancePanel()
        self.balance_dock = self._dock(
            _("Balance"), self.balance, Qt.DockWidgetArea.RightDockWidgetArea, "balance"
        )

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")  # the same in every language (saved layout)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status(self) -> None:
        self.solve_label = QLabel()
        self.solve_bar = QProgressBar()
        self.solve_bar.setRange(0, 0)
        self.solve_bar.setMaximumWidth(120)
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.setToolTip(_("Stop the planner and keep the best programme found so far"))
        bar = self.statusBar()
        for widget in (self.solve_label, self.solve_bar, self.stop_button):
            bar.addPermanentWidget(widget)

    def make_action(
        self, text: str, slot: Any, shortcut: str | QKeySequence.StandardKey = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        f = self.files
        stack = self.doc.undo_stack
        self.undo_action = stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Short labels on the toolbar; the full "Undo Move …" text stays in the menu and tooltip.
        self.undo_action.setIconText(_("Undo"))
        self.redo_action.setIconText(_("Redo"))
        stack.undoTextChanged.connect(
            commands.ActionTip(self.undo_action, _("Undo {text}")).show_text
        )
        stack.redoTextChanged.connect(
            commands.ActionTip(self.redo_action, _("Redo {text}")).show_text
        )
        self.new_action = self.make_action(_("&New"), f.new_file, QKeySequence.StandardKey.New)
        self.open_action = self.make_action(
            _("&Open…"), lambda: f.open_file(None), QKeySequence.StandardKey.Open
        )
        self.save_action = self.make_action(_("&Save"), f.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self.make_action(_("Save &As…"), f.save_as, "Ctrl+Shift+S")
        self.quit_action = self.make_action(_("&Quit"), self.close, "Ctrl+Q")
        self.solve_action = self.make_action(
            _("&Solve"), lambda: self.solve(), "F5", _("Let the planner arrange the programme")
        )
        self.improve_action = self.make_action(
            _("&Keep searching"),
            self.keep_searching,
            "F6",
            _("Search on from this programme for a better one; pinned activities stay"),
        )
        self.stop_action = self.make_action(_("S&top"), self.runner.stop, "", _("Stop the planner"))
        self.pin_action = self.make_action(
            _("&Pin / unpin"),
            self.edits.toggle_pin,
            "P",
            _("Keep the selected activity where it is when solving"),
        )
        self.unschedule_action = self.make_action(
            _("&Remove from programme"), self.edits.unschedule_selected
        )
        self.dates_action = self.make_action(_("Choose &dates…"), self.choose_dates)
        self.axis_action = self.make_action(_("Show visitors' home time"), self._toggle_axis)
        self.axis_action.setCheckable(True)
        self.axis_action.setChecked(self.settings.show_home_axis())
        self.recent_menu, self.language_menu = build_menus(self)

    def _connect(self) -> None:
        self.doc.changed.connect(self._on_changed)
        self.doc.changed.connect(self.autosaver.schedule)
        self.doc.modified_changed.connect(lambda _m: self._update_title())
        self.doc.path_changed.connect(lambda _p: self._update_title())
        self.scene.drag_feedback.connect(self._on_drag_feedback)
        self.scene.selected_key_changed.connect(lambda _k: self._update_actions())
        self.problems.key_activated.connect(self.select_block)
        self.runner.progress.connect(self._on_progress)
        self.runner.bound.connect(self._on_bound)
        self.runner.finished.connect(self._on_solved)
        self.runner.tick.connect(lambda _s: self._update_solve_label())
        self.stop_button.clicked.connect(self.runner.stop)

    # -------------------------------------------------------------- refreshing

    def check(self, schedule: Schedule) -> CheckReport:
        """Check ``schedule`` against the current visit (one checker per visit)."""
        visit = self.doc.project.visit
        if self._checker is None or self._checker.index.visit is not visit:
            self._checker = Checker(visit)
        return self._checker.check(schedule)

    @property
    def report(self) -> CheckReport:
        """The checker's verdict on the current programme."""
        return self._report

    def _on_changed(self, project: Project) -> None:
        self._report = self.check(project.schedule)
        self.scene.show(project, self._report)
        self.view.fit_days()
        self.people_view.show_project(project)
        self._show_panels(project, self._report)
        if project.visit is not self._shown_visit:
            self._shown_visit = project.visit
            for editor in self.editors:
                if editor is not self._editing_from:
                    editor.set_visit(project.visit)  # type: ignore[attr-defined]
        self._update_title()
        self._update_actions()

    def _show_panels(self, project: Project, report: CheckReport) -> None:
        """Problems and Balance always show the same programme and the same verdict."""
        assert self._checker is not None
        self.problems.show_report(project, report, self._checker.index)
        self.balance.show_report(project.visit, project.schedule, report)

    def _update_title(self) -> None:
        self.setWindowTitle(_("{name}[*] — Visit Planner").format(name=self.doc.name))
        self.setWindowModified(self.doc.modified)

    def _update_actions(self) -> None:
        key = self.scene.selected_key()
        busy = self.runner.running
        for action in (self.pin_action, self.unschedule_action):
            action.setEnabled(bool(key) and not busy)
        self.solve_action.setEnabled(not busy)
        self.improve_action.setEnabled(not busy and bool(self.doc.project.schedule.placements))
        self.stop_action.setEnabled(busy)
        self.undo_action.setEnabled(not busy and self.doc.undo_stack.canUndo())
        self.redo_action.setEnabled(not busy and self.doc.undo_stack.canRedo())

    def _autosave_source(self) -> tuple[Project, Path | None, bool]:
        return self.doc.project, self.doc.path, self.doc.modified

    # ----------------------------------------------------------------- editing

    def _on_drag_feedback(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _on_visit_edited(self, source: QWidget, visit: Visit, text: str) -> None:
        self._editing_from = source
        try:
            self.doc.push(commands.with_visit(self.doc.project, visit), text)
        finally:
            self._editing_from = None

    def select_block(self, key: str) -> None:
        """Show and select the block of occurrence ``key``."""
        self.tabs.setCurrentWidget(self.programme)
        self.programme.setCurrentWidget(self.view)
        if not self.tray.reveal(key) and self.scene.select_key(key):  # unplaced: in the tray
            self.view.ensureVisible(self.scene.blocks[key])
            self.view.setFocus()

    def choose_dates(self) -> None:
        """Pick the visit's dates among the ranked candidates."""
        dates = dates_dialog.choose_dates(self, self.doc.project.visit)
        if dates:
            visit = replace(self.doc.project.visit, dates=tuple(dates))
            self.doc.push(commands.with_visit(self.doc.project, visit), _("Choose dates"))

    def _toggle_axis(self, shown: bool) -> None:
        self.settings.set_show_home_axis(shown)
        self.scene.set_home_axis(shown)
        self.view.fit_days()

    def fill_recent(self) -> None:
        """List the recently opened files in the File menu."""
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(partial(self.files.open_file, path))
        if not recent:
            self.recent_menu.addAction(_("(none yet)")).setEnabled(False)

    # ----------------------------------------------------------------- solving

    def solve(self, keep_previous: bool = True) -> bool:
        """Start the planner in the background (pinned blocks stay where they are).

        The rest of the programme changes as little as possible; without
        ``keep_previous`` the planner searches on from it for a better one.
        """
        project = self.doc.project
        if not project.visit.activities:
            QMessageBox.information(self, _("Nothing to plan"), _("Add activities before solving."))
            return False
        previous = project.schedule if project.schedule.placements else None
        if not self.runner.start(project.visit, previous, keep_previous=keep_previous):
            return False
        self._solving_base = project
        self._show_solving(True)
        return True

    def keep_searching(self) -> bool:
        """Search on from the current programme for a better one (pinned blocks stay)."""
        return self.solve(keep_previous=False)

    def _show_solving(self, on: bool) -> None:
        self.scene.editable = not on
        for widget in (self.solve_bar, self.stop_button, self.solve_label):
            widget.setVisible(on)
        for editor in self.editors:
            editor.setEnabled(not on)
        self._best = self._bound = None
        self._update_solve_label()
        self._update_actions()

    def _update_solve_label(self) -> None:
        best = _("none yet") if self._best is None else str(self._best)
        if self._best is not None:  # "within 12 % of the best possible", as the bound moves
            best += f" ({quality_text(self._best, self._bound)})"
        self.solve_label.setText(
            _("Planning… best score {best}, {seconds} s").format(
                best=best, seconds=format_seconds(self.runner.elapsed)
            )
        )

    def _on_progress(self, progress: Progress) -> None:
        if not self.runner.running:
            return
        self._best = progress.objective
        self._on_bound(progress.bound)
        streamed = replace(self._solving_base, schedule=progress.schedule)
        report = self.check(progress.schedule)
        self.scene.show(streamed, report)
        self._show_panels(streamed, report)

    def _on_bound(self, bound: float) -> None:
        self._bound = bound if self._bound is None else max(self._bound, bound)
        self._update_solve_label()

    def _on_solved(self, result: SolveResult) -> None:
        self._show_solving(False)
        message = result.message
        if result.few_changes and result.schedule is not None:
            message += ". " + _("Keep searching (F6) may find a better programme.")
        self.statusBar().showMessage(message, 15_000)
        base = self.doc.project
        if result.schedule is not None and result.status.has_schedule:
            if not self.doc.push(commands.with_schedule(base, result.schedule), _("Solve")):
                self._on_changed(base)
            return
        self._on_changed(base)
        if result.status is Status.INFEASIBLE:
            lines = "\n".join(f"• {line}" for line in result.explanation) or _("No reason given.")
            QMessageBox.warning(
                self,
                _("No programme is possible"),
                _("No programme fits every rule:") + f"\n\n{lines}",
            )

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Ask about unsaved changes, stop the planner, and keep the window layout."""
        if not self.files.maybe_save():
            event.ignore()
            return
        self.runner.shutdown()
        self.autosaver.close_cleanly()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()
