"""The balance panel shows the figures of a hand-made schedule."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.solver.test_balance import _p, demo_schedule
from visitplanner.domain import Schedule, Visit
from visitplanner.io.project import load_project
from visitplanner.solver.checker import CheckReport, Violation
from visitplanner.ui.balance_panel import BalancePanel

COSTS = {"informal_time": 480, "formal_spread": 60, "idle_gaps": 95, "changes": 0}


@pytest.fixture
def visit(demo_path: Path) -> Visit:
    return load_project(demo_path).visit


@pytest.fixture
def panel(qtbot: QtBot, visit: Visit) -> BalancePanel:
    p = BalancePanel()
    qtbot.addWidget(p)
    p.resize(640, 900)
    p.show_report(visit, demo_schedule(), CheckReport(costs=COSTS))
    return p


def test_day_bars(panel: BalancePanel) -> None:
    rows = [(r.label, r.value, r.limit, r.off) for r in panel.day_bars.rows]
    assert rows == [
        ("Day 1 formal (busiest visitor)", 300, 240, True),
        ("Day 1 informal", 225, None, False),
        ("Day 1 waiting (longest)", 285, None, False),
        ("Day 2 formal (busiest visitor)", 90, 240, False),
        ("Day 2 informal", 225, None, False),
        ("Day 2 waiting (longest)", 105, None, False),
    ]
    assert panel.day_bars.rows[0].text == "5 h (at most 4 h)"
    # who waits is in the tooltip
    assert "Day 2 waiting (longest): 1 h 45 min (Aileen Fraser and 5 others)" in (
        panel.day_bars.toolTip()
    )


def test_time_together_against_targets(panel: BalancePanel) -> None:
    rows = [(r.label, r.value, r.limit, r.off) for r in panel.together_bars.rows]
    assert rows == [("With hosts", 120, 360, True), ("Visitors only", 330, 240, False)]
    assert panel.together_bars.rows[0].text == "2 h (target 6 h)"


def test_interpreter_table(panel: BalancePanel) -> None:
    t = panel.interpreter_table
    cells = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
    assert cells == [
        ["Claire Dubois", "1", "5 h of 6 h", "2 h (at most 2 h)", "45 min, 1 h, 2 h"],
        ["Claire Dubois", "2", "1 h 30 min of 6 h", "1 h 30 min (at most 2 h)", "—"],
    ]


def test_score_by_term(panel: BalancePanel) -> None:
    t = panel.score_table
    cells = [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]
    assert cells == [
        ["Informal time below target", "2", "480"],
        ["Idle gaps in the day", "1", "95"],
        ["Formal meetings unevenly spread over the days", "60", "60"],
        ["Changes from the previous programme", "50", "0"],
        ["Total", "", "635"],
    ]
    assert "635" in panel.status.text()
    assert "All rules are kept (11 activities placed)" in panel.status.text()


def test_broken_rules_are_announced(qtbot: QtBot, panel: BalancePanel, visit: Visit) -> None:
    broken = Violation("travel", "Travel time", "Too little time to get there", ("dinner",))
    panel.show_report(visit, demo_schedule(), CheckReport((broken,), {}))
    assert panel.status.text().startswith("1 problem (1 rule broken)")
    assert panel.score_table.rowCount() == 1


def test_two_interpreters_taking_turns_are_each_counted_half(
    qtbot: QtBot, panel: BalancePanel, visit: Visit
) -> None:
    claire = next(p for p in visit.participants if p.id == "interpreter")
    pair = replace(visit, participants=(*visit.participants, replace(claire, id="i2", name="Iva")))
    meeting = next(p for p in demo_schedule() if p.key == "mainstreaming")
    relay = replace(meeting, end=meeting.start + 150, attendees=(*meeting.attendees, "i2"))
    panel.show_report(pair, Schedule((relay,)), CheckReport(costs={}))
    t = panel.interpreter_table
    day1 = [r for r in range(t.rowCount()) if t.item(r, 1).text() == "1"]
    assert [[t.item(r, c).text() for c in (0, 2, 3)] for r in day1] == [
        ["Claire Dubois", "1 h 15 min of 6 h", "1 h 15 min (at most 2 h)"],
        ["Iva", "1 h 15 min of 6 h", "1 h 15 min (at most 2 h)"],
    ]
    tip = "Takes turns with another interpreter at 1 meeting: half of it is counted"
    assert all(t.item(r, c).toolTip() == tip for r in day1 for c in (2, 3))


def test_meetings_that_follow_on_at_once_show_no_break(
    qtbot: QtBot, panel: BalancePanel, visit: Visit
) -> None:
    who = ("gla-pb", "paris-planning", "interpreter")
    first = _p("mainstreaming", 1, "09:00", "10:00", "city-hall", who)
    then = _p("digitising", 1, "10:00", "11:00", "city-hall", who)
    panel.show_report(visit, Schedule((first, then)), CheckReport(costs={}))
    assert panel.interpreter_table.item(0, 4).text() == "back to back"
