"""Starting the app: which project opens, the title, quitting, errors as dialogs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_calendar_fixtures import Dialogs
from visitplanner.io.project import load_project, save_project
from visitplanner.ui import commands
from visitplanner.ui.app import build_window, excepthook_for, run_app
from visitplanner.ui.files import AppSettings, Recovery, demo_path, new_project
from visitplanner.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _window(qtbot, tmp_path: Path, path: Path | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(path, _store(tmp_path), tmp_path / "recovery")
    qtbot.addWidget(window, before_close_func=lambda w: w.doc.reset(w.doc.project, w.doc.path))
    return window


def test_first_run_opens_the_demo_then_the_last_project(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _window(qtbot, tmp_path)
    demo = load_project(demo_path())
    assert first.doc.project == demo and first.doc.path is None  # never overwrite the demo
    assert "Visit Planner" in first.windowTitle() and "[*]" in first.windowTitle()
    assert not first.isWindowModified()
    saved = tmp_path / "mine.json"
    save_project(new_project(), saved)
    assert first.files.open_file(saved)
    first.settings.sync()
    second = _window(qtbot, tmp_path)
    assert second.doc.path == saved.resolve() or second.doc.path == saved
    assert second.windowTitle().startswith("mine[*]")


def test_after_the_first_run_a_missing_last_project_gives_a_new_visit(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings(_store(tmp_path))
    settings.mark_started()
    settings.add_recent(tmp_path / "gone.json")
    settings.sync()
    window = _window(qtbot, tmp_path)
    assert window.doc.project.visit.title == "New visit"


def test_unsaved_changes_show_in_the_title(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    window.doc.push(commands.with_visit(window.doc.project, window.doc.project.visit), "noop")
    assert not window.isWindowModified()
    window.doc.push(commands.with_schedule(window.doc.project, window.doc.project.schedule), "noop")
    p = new_project()
    window.doc.push(commands.with_visit(window.doc.project, p.visit), "Replace visit")
    assert window.isWindowModified()
    window.doc.undo_stack.undo()
    assert not window.isWindowModified()


def test_quit_asks_only_when_there_are_unsaved_changes(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(QMessageBox.StandardButton.Cancel).install(monkeypatch)
    window = _window(qtbot, tmp_path)
    window.show()
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.doc.push(commands.with_visit(window.doc.project, new_project().visit), "Edit")
    window.quit_action.trigger()
    assert dialogs.kinds() == ["question"] and window.isVisible()
    window.doc.undo_stack.undo()
    window.quit_action.trigger()
    assert dialogs.kinds() == ["question"]  # no second question
    assert not window.isVisible()
    assert AppSettings(_store(tmp_path)).window_geometry() is not None


def test_an_unsaved_visit_is_offered_back_after_a_crash(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(QMessageBox.StandardButton.Yes).install(monkeypatch)
    lost = new_project()
    Recovery(tmp_path / "recovery").write(lost, None)
    window = _window(qtbot, tmp_path)
    assert dialogs.kinds() == ["question"]
    assert window.doc.project == lost and window.isWindowModified()


def test_unexpected_errors_show_a_dialog(qtbot, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs().install(monkeypatch)
    hook = excepthook_for(None)
    try:
        raise ValueError("the printer caught fire")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)
    assert dialogs.kinds() == ["critical"]
    assert "the printer caught fire" in dialogs.shown[0][2]
    assert "Traceback" not in dialogs.shown[0][2]
    assert "Traceback" in capsys.readouterr().err  # details still go to the log


def test_run_app_shows_the_window_and_returns(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[MainWindow] = []
    hook_before = sys.excepthook

    def shown(window: MainWindow) -> None:
        seen.append(window)
        assert sys.excepthook is not hook_before
        window.close()

    saved = tmp_path / "v.json"
    save_project(new_project(), saved)
    code = run_app(
        str(saved), settings=_store(tmp_path), recovery_dir=tmp_path / "r", on_shown=shown
    )
    assert code == 0
    assert seen and seen[0].doc.path == saved
    assert sys.excepthook is hook_before
    seen[0].deleteLater()


def test_editor_edits_are_undoable_and_editors_follow_undo(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    if not window.editors:
        pytest.skip("no editor modules yet")
    editor = window.editors[0]
    other = window.editors[-1]
    shown: list[str] = []
    other.set_visit = lambda visit: shown.append(visit.title)  # type: ignore[method-assign]
    original = window.doc.project.visit
    from dataclasses import replace

    editor.visit_edited.emit(replace(original, title="Renamed visit"), "Rename the visit")
    assert window.doc.project.visit.title == "Renamed visit"
    assert window.doc.undo_stack.undoText() == "Rename the visit"
    window.undo_action.trigger()
    assert window.doc.project.visit == original
    assert shown == ["Renamed visit", original.title]


def test_closing_while_solving_stops_the_planner(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_solve_worker import SlowSolver

    window = _window(qtbot, tmp_path)
    solver = SlowSolver(window.doc.project.schedule)
    window.runner._solve = solver
    window.doc.push(commands.with_schedule(window.doc.project, window.doc.project.schedule), "x")
    with qtbot.waitSignal(window.runner.progress, timeout=5000):
        window.solve()
    window.close()
    assert not window.runner.running
    assert not window.doc.modified  # no late "Solve" after the window closed


def test_choose_dates_changes_the_visit_dates_undoably(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = pytest.importorskip("visitplanner.ui.availability.dates_dialog")
    from datetime import date

    window = _window(qtbot, tmp_path)
    before = window.doc.project.visit.dates
    chosen = (date(2027, 3, 30), date(2027, 3, 31))
    monkeypatch.setattr(dialog, "choose_dates", lambda parent, visit: chosen)
    window.dates_action.trigger()
    assert window.doc.project.visit.dates == chosen
    window.undo_action.trigger()
    assert window.doc.project.visit.dates == before


def test_a_fresh_visit_shows_a_hint_not_a_wall_of_problems(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    assert not window.doc.project.schedule.placements
    assert window.problems.summary.text().startswith("Nothing is planned yet")
    assert window.problems.labels() == []
