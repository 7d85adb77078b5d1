"""Solving in the background: progress streams in, the UI keeps running, Stop works."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.ui.test_calendar_fixtures import Dialogs, make_window
from visitplanner.domain import Schedule, Visit
from visitplanner.i18n import language
from visitplanner.io.project import load_project
from visitplanner.solver.result import Progress, SolveOptions, SolveResult, Status, StopSignal
from visitplanner.ui.solve_worker import SolveRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class SlowSolver:
    """Reports one schedule, then works until asked to stop (like a long real solve)."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.thread: threading.Thread | None = None
        self.options: SolveOptions | None = None

    def __call__(
        self,
        visit: Visit,
        options: SolveOptions | None,
        on_progress: Callable[[Progress], None] | None,
        stop: StopSignal | None,
    ) -> SolveResult:
        self.thread = threading.current_thread()
        self.options = options
        assert on_progress is not None and stop is not None
        on_progress(Progress(self.schedule, 42, 0.0, 0.1, 1))
        for _ in range(500):  # at most 10 s
            if stop.requested:
                return SolveResult(Status.STOPPED, self.schedule, 42)
            threading.Event().wait(0.02)
        raise AssertionError("never asked to stop")


def test_the_ui_keeps_running_while_solving_and_stop_keeps_the_best(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    project = window.doc.project
    best = project.schedule.without("debrief")
    solver = SlowSolver(best)
    window.runner._solve = solver
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(window.runner.progress, timeout=5000):
        assert window.solve()
    assert window.runner.running and window.stop_button.isVisibleTo(window)
    assert not window.scene.editable
    assert not window.runner.start(project.visit, None)  # one solve at a time
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)  # the event loop is not blocked
    assert "debrief" not in window.scene.blocks  # the better schedule is streamed in
    assert "best score 42" in window.solve_label.text()
    with language("fr"):  # the seconds with the reader's decimal sign
        window._update_solve_label()
        assert re.search(r"meilleur score 42 .*\d,\d s$", window.solve_label.text())
    assert solver.thread is not threading.main_thread()
    assert solver.options is not None and solver.options.previous == project.schedule
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        window.stop_button.click()
    timer.stop()
    assert not window.runner.running and window.scene.editable
    assert window.doc.project.schedule == best
    assert window.doc.undo_stack.undoText() == "Solve"
    window.doc.undo_stack.undo()
    assert window.doc.project == project


def test_solve_changes_little_and_keep_searching_searches_on(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    programme = window.doc.project.schedule
    for action, keeps in ((window.solve_action, True), (window.improve_action, False)):
        solver = SlowSolver(programme)
        window.runner._solve = solver
        assert action.isEnabled()
        with qtbot.waitSignal(window.runner.progress, timeout=5000):
            action.trigger()
        assert not window.improve_action.isEnabled()  # one solve at a time
        assert solver.options is not None
        assert (solver.options.previous, solver.options.keep_previous) == (programme, keeps)
        with qtbot.waitSignal(window.runner.finished, timeout=5000):
            window.stop_button.click()
    window.doc.push(replace(window.doc.project, schedule=Schedule(())), "Clear")
    assert window.solve_action.isEnabled() and not window.improve_action.isEnabled()


def test_a_crashing_solver_is_reported_not_raised(qtbot) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args: object) -> SolveResult:
        raise RuntimeError("boom")

    runner = SolveRunner(broken)
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(Visit("v", "Europe/Paris", ()), None)
    result = blocker.args[0]
    assert result.status is Status.ERROR and "boom" in result.explanation[0]
    assert not runner.running


def test_real_solve_of_the_demo_fills_the_calendar(qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("visitplanner.solver.solve")
    window = make_window(qtbot, tmp_path, project=load_project(demo_path))
    assert window.scene.blocks == {}
    with qtbot.waitSignal(window.runner.finished, timeout=60_000) as blocker:
        window.solve()
    result = blocker.args[0]
    assert result.status.has_schedule
    assert set(window.scene.blocks) == {p.key for p in result.schedule}
    assert window.report.ok
    assert window.problems.labels() == []


def test_the_app_shows_the_bound_and_quality(qtbot, tmp_path: Path, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path, project=load_project(demo_path))
    bounds: list[float] = []
    window.runner.bound.connect(bounds.append)
    with qtbot.waitSignal(window.runner.finished, timeout=60_000) as blocker:
        window.solve()
    result = blocker.args[0]
    assert bounds and bounds == sorted(bounds) and bounds[-1] <= result.objective
    assert result.status is Status.OPTIMAL
    assert "(best possible), score" in window.statusBar().currentMessage()


def test_pinned_blocks_stay_when_solving_again(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("visitplanner.solver.solve")
    window = make_window(qtbot, tmp_path)
    from visitplanner.ui import commands

    # Move the informal time later and pin it there; the planner must keep it.
    project = commands.moved(window.doc.project, "informal", 2, 10 * 60 + 30)
    project = commands.pinned(project, "informal", True)
    window.doc.push(project, "Pin informal")
    pinned = window.doc.project.schedule.get("informal")
    with qtbot.waitSignal(window.runner.finished, timeout=60_000) as blocker:
        window.solve()
    assert blocker.args[0].status.has_schedule
    assert window.doc.project.schedule.get("informal") == pinned
    # the rest changed as little as possible, and the coordinator learns how to search on
    message = window.statusBar().currentMessage()
    assert message.startswith("Schedule found with as few changes as possible")
    assert message.endswith("Keep searching (F6) may find a better programme.")


def test_an_infeasible_visit_explains_why(
    qtbot, tmp_path: Path, monkeypatch, infeasible_demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("visitplanner.solver.solve")
    dialogs = Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path, project=load_project(infeasible_demo_path))
    with qtbot.waitSignal(window.runner.finished, timeout=60_000):
        window.solve()
    assert dialogs.kinds() == ["warning"]
    text = dialogs.shown[0][2]
    assert "Steering Group" in text and "13:00" in text
    assert "No schedule is possible" in window.statusBar().currentMessage()


def test_the_worker_thread_speaks_the_window_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    from visitplanner.i18n import current_language, language

    heard: list[str] = []

    def listening(*_args: object) -> SolveResult:
        heard.append(current_language())
        return SolveResult(Status.STOPPED)

    runner = SolveRunner(listening)
    with language("fr"), qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(Visit("v", "Europe/Paris", ()), None)
    assert heard == ["fr"]
