"""Infeasible variants of the Paris demo, explained in words a coordinator reads in one breath.

Each reason names the fewest facts that cause it (the one person, the one
window, the interpreter's cap with the hours needed), no line over 300 characters.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from visitplanner.domain import Activity, Kind, Schedule, Visit, Window
from visitplanner.io.project import load_project
from visitplanner.solver.result import SolveOptions, SolveResult, Status
from visitplanner.solver.solve import solve

OPTIONS = SolveOptions(time_limit=30)


@pytest.fixture(scope="module")
def demo() -> Visit:
    root = Path(__file__).resolve().parents[2] / "src" / "visitplanner" / "resources" / "demo"
    return load_project(root / "paris-pb-visit.json").visit


def infeasible(visit: Visit, previous: Schedule | None = None) -> tuple[str, ...]:
    result: SolveResult = solve(visit, replace(OPTIONS, previous=previous))
    assert result.status is Status.INFEASIBLE
    assert result.explanation
    assert all(len(line) <= 300 for line in result.explanation), result.explanation
    return result.explanation


def test_one_persons_window(infeasible_demo_path: Path) -> None:
    visit = load_project(infeasible_demo_path).visit
    assert infeasible(visit) == (
        "«Meeting the PB Steering Group» (1 h 30 min) cannot take place: PB Steering Group is "
        "free only on day 2 (Wed 24 Mar) 14:00-15:30, and Cllr Morag Baird (Councillor) is free "
        "on day 2 (Wed 24 Mar) only until 13:00",
    )


def test_an_interpreters_daily_cap(demo: Visit) -> None:
    capped = replace(
        demo, interpreter_rules=replace(demo.interpreter_rules, max_formal_per_day=150)
    )
    assert infeasible(capped) == (
        "Claire Dubois may interpret at most 2 h 30 min a day; "
        "the formal meetings need 6 h 30 min over the 2 days",
    )


def test_a_venue_shared_by_two_meetings(demo: Visit) -> None:
    """A 2-hour private event booked at the restaurant on the evening of the dinner."""
    briefing = Activity(
        "press",
        "Press evening",
        Kind.INFORMAL,
        120,
        120,
        (Window(19 * 60, 22 * 60, 1),),
        venues=("restaurant",),
    )
    lines = infeasible(replace(demo, activities=(*demo.activities, briefing)))
    assert lines == (
        "Le Procope can host only one of «Dinner» and «Press evening» at a time",
        "«Dinner» (1 h 30 min) must be within day 1 19:00-22:00",
        "«Press evening» (2 h) must be within day 1 19:00-22:00",
    )
    assert not any("Cllr Morag Baird" in line for line in lines)


def test_a_pin_that_conflicts(demo: Visit) -> None:
    result = solve(demo, OPTIONS)
    assert result.schedule is not None
    digitising = next(p for p in result.schedule if p.key == "digitising")
    pin = replace(digitising, day=1, start=13 * 60, end=14 * 60 + 30, pinned=True)
    assert infeasible(demo, Schedule((pin,))) == (
        "A pinned activity breaks a rule (Required people are available): Sophie Laurent and "
        "Julien Moreau are not free for «Digitising PB: the online platform and the vote» at "
        "day 1 13:00-14:30",
    )
