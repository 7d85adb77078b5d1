"""Problems and Balance: grouped lines naming people, agreement, streaming, red blocks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.test_calendar_fixtures import make_window
from tests.ui.test_solve_worker import SlowSolver
from visitplanner.domain import Schedule
from visitplanner.solver.checker import CheckReport, Violation
from visitplanner.ui.balance_panel import BalancePanel
from visitplanner.ui.problem_lines import problem_lines
from visitplanner.ui.problems_panel import ProblemsPanel

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)

PEOPLE = ("councillor", "gla-pb", "gla-ce", "gla-3s", "fife-pb", "fife-digital", "fife-eq", "x")
GROUPED = Violation(
    "people_free",
    "Required people are available",
    "Cllr Morag Baird and 7 others are not free day 2 15:30–17:30",
    ("steering",),
    PEOPLE,
    tuple(f"{p} is not free day 2 15:30–17:30" for p in PEOPLE),
)


def _panels(qtbot, window, report: CheckReport):  # type: ignore[no-untyped-def]
    problems, balance = ProblemsPanel(), BalancePanel()
    qtbot.addWidget(problems)
    qtbot.addWidget(balance)
    project = window.doc.project
    assert window._checker is not None
    problems.show_report(project, report, window._checker.index)
    balance.show_report(project.visit, project.schedule, report)
    return problems, balance


def test_a_grouped_violation_is_one_line_expandable_to_each_person(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    problems, balance = _panels(qtbot, window, CheckReport((GROUPED,), {}))
    assert problems.labels() == [GROUPED.message]
    assert problems.details(0) == list(GROUPED.details)
    assert problems.tree.topLevelItem(0).childCount() == 8
    assert problems.summary.text().startswith("1 problem (1 rule broken)")
    assert balance.status.text().startswith("1 problem (1 rule broken)")


def test_one_violation_per_person_still_shows_one_line_and_counts_one_rule(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    per_person = tuple(
        Violation("people_free", "Required people are available", f"{p} is not free", ("x",), (p,))
        for p in PEOPLE
    )
    other = Violation("travel", "Travel time", "Too little time to reach the hotel", ("x", "y"))
    problems, balance = _panels(qtbot, window, CheckReport((*per_person, other), {}))
    assert len(problems.labels()) == 2
    assert problems.labels()[0].startswith("councillor is not free (and 7 more")
    assert problems.details(0) == [f"{p} is not free" for p in PEOPLE]
    assert problems.details(1) == []
    assert "2 problems (2 rules broken)" in balance.status.text()
    assert problems.summary.text().startswith("2 problems (2 rules broken)")
    assert problem_lines(per_person)[0].people == PEOPLE


def test_panels_agree_before_the_first_solve(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    empty = replace(window.doc.project, schedule=Schedule(()))
    window.files.load_untitled(empty)
    assert not window.report.ok  # the checker does see the activities missing
    assert window.problems.summary.text().startswith("Nothing is planned yet")
    assert window.balance.status.text().startswith("Nothing is planned yet")
    assert "rule" not in window.balance.status.text()


def test_panels_follow_the_streamed_solutions(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    before = window.problems.labels()
    assert before == [] and window.balance.status.text().startswith("All rules are kept")
    streamed = window.doc.project.schedule.without("debrief")
    digitising = streamed.get("digitising")
    streamed = streamed.with_placement(digitising.moved(1, digitising.start))
    solver = SlowSolver(streamed)
    window.runner._solve = solver
    with qtbot.waitSignal(window.runner.progress, timeout=5000):
        assert window.solve()
    qtbot.waitUntil(lambda: window.problems.labels() != [], timeout=5000)
    expected = window.check(streamed)
    lines = problem_lines(expected.violations)
    assert window.problems.labels()[: len(lines)] == [line.message for line in lines]
    assert window.balance.status.text().startswith(f"{len(lines)} problems")
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.runner.stop()


def test_a_red_block_names_its_first_problem_while_dragging(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    scene, view = window.scene, window.view
    block = scene.blocks["digitising"]
    rect = block.scene_rect()
    view.ensureVisible(rect)
    grab = QPointF(rect.center().x(), rect.top() + 15)
    target = QPointF(scene.geometry.x_of_day(1) + 60, grab.y())
    viewport = view.viewport()

    def at(p: QPointF) -> QPoint:
        return view.mapFromScene(p)

    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(grab))
    for step in range(1, 5):
        QTest.mouseMove(viewport, at(grab + (target - grab) * (step / 4)))
    assert scene.dragging()
    first = block.first_problem
    assert first.startswith("Sophie Laurent is not free")  # who, and when
    status = window.statusBar().currentMessage()
    assert first in status and "more problem" in status
    tip = block.toolTip()
    for message in block.messages:
        assert message.replace("<", "&lt;").replace(">", "&gt;") in tip
    assert len(block.messages) >= 2
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(grab)
    )
