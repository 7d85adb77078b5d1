"""Re-solving around what the coordinator set by hand (issue 8): lengths, pins, grouped problems."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.solver.builders import activity, ann, bob, busy, cleo, place, schedule, tiny_visit
from visitplanner.cli.main import main
from visitplanner.domain import Placement, Schedule, Visit
from visitplanner.domain.clock import parse_hhmm
from visitplanner.io.project import load_project, save_project
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.solve import solve

OPTIONS = SolveOptions(time_limit=30)


@pytest.fixture(scope="module")
def solved() -> tuple[Visit, Schedule]:
    root = Path(__file__).resolve().parents[2] / "src" / "visitplanner" / "resources" / "demo"
    visit = load_project(root / "paris-pb-visit.json").visit
    result = solve(visit, OPTIONS)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    return visit, result.schedule


def _at(sched: Schedule, key: str) -> Placement:
    return next(p for p in sched if p.key == key)


def _longer_dinner(sched: Schedule) -> Schedule:
    dinner = _at(sched, "dinner")
    return sched.with_placement(replace(dinner, start=parse_hhmm("19:20"), end=parse_hhmm("21:20")))


def test_resolve_keeps_a_hand_set_length(solved: tuple[Visit, Schedule]) -> None:
    visit, sched = solved
    mine = _longer_dinner(sched)
    assert Checker(visit).check(mine).ok
    result = solve(visit, replace(OPTIONS, previous=mine))
    assert result.schedule is not None
    dinner = _at(result.schedule, "dinner")
    assert (dinner.start, dinner.end) == (parse_hhmm("19:20"), parse_hhmm("21:20"))
    assert result.terms["changes"] == 0


def test_cli_resolve_of_a_stored_programme_keeps_its_length(
    solved: tuple[Visit, Schedule], demo_path: Path, tmp_path: Path
) -> None:
    _, sched = solved
    project = replace(load_project(demo_path), schedule=_longer_dinner(sched))
    path, out = tmp_path / "visit.json", tmp_path / "again.json"
    save_project(project, path)
    assert main(["solve", str(path), "--out", str(out)]) == 0
    dinner = _at(load_project(out).schedule, "dinner")
    assert (dinner.start, dinner.end) == (parse_hhmm("19:20"), parse_hhmm("21:20"))


def test_a_pin_fixes_time_and_venue_and_attendance_follows_the_activity(
    solved: tuple[Visit, Schedule],
) -> None:
    visit, sched = solved
    pinned = Schedule(tuple(replace(p, pinned=p.key == "steering") for p in sched))
    # the observer is no longer needed at the steering-group meeting
    acts = tuple(
        replace(a, required=tuple(p for p in a.required if p != "observer"))
        if a.id == "steering"
        else a
        for a in visit.activities
    )
    changed = replace(visit, activities=acts)
    result = solve(changed, replace(OPTIONS, previous=pinned))
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE), result.explanation
    assert result.schedule is not None
    old, new = _at(sched, "steering"), _at(result.schedule, "steering")
    assert (new.day, new.start, new.end, new.venue) == (old.day, old.start, old.end, old.venue)
    assert "observer" in old.attendees and "observer" not in new.attendees
    assert Checker(changed).check(result.schedule, pinned).ok


def test_one_finding_per_activity_names_the_people_and_lists_them() -> None:
    visit = tiny_visit(
        [ann(), bob(), cleo()],
        [activity("kickoff", "Kickoff", 60, required=("ann", "bob", "cleo"))],
        free={pid: busy((1, "10:00", "11:00")) for pid in ("ann", "bob", "cleo")},
    )
    (v,) = (
        Checker(visit)
        .check(schedule(place("kickoff", 1, "10:00", "11:00", ["ann", "bob", "cleo"])))
        .violations
    )
    assert v.message == "Ann Archer and 2 others are not free for «Kickoff» at day 1 10:00-11:00"
    assert v.people == ("ann", "bob", "cleo")
    assert v.details == (
        "Ann Archer is busy 10:00-11:00",
        "Bob Brown is busy 10:00-11:00",
        "Cleo Clark is busy 10:00-11:00",
    )


def test_a_late_move_names_who_has_left(
    solved: tuple[Visit, Schedule], infeasible_demo_path: Path
) -> None:
    visit = load_project(infeasible_demo_path).visit
    _, sched = solved
    steering = _at(sched, "steering")
    moved = sched.with_placement(
        replace(steering, day=2, start=parse_hhmm("15:30"), end=parse_hhmm("17:00"))
    )
    found = [v for v in Checker(visit).check(moved).violations if v.rule == "people_free"]
    assert len(found) == 1
    assert found[0].message.startswith("Cllr Morag Baird and 8 others are not free")
    assert found[0].details[0] == "Cllr Morag Baird has left by 13:00"
    assert len(found[0].people) == len(found[0].details) == 9
