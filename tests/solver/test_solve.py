"""The solver end to end: the Paris demo, progress, stopping, seeds, pins and explanations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.solver.builders import activity, ann, bob, cleo, tiny_visit, window
from visitplanner.domain import Placement, Schedule, Side, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.io.project import load_project
from visitplanner.solver.checker import Checker
from visitplanner.solver.explain import explain_with_core
from visitplanner.solver.precheck import precheck
from visitplanner.solver.result import Progress, SolveOptions, SolveResult, Status, StopSignal
from visitplanner.solver.solve import solve

FORMAL = {"mainstreaming", "digitising", "evaluation", "steering"}
MEALS = {"breakfast", "lunch", "dinner"}


def opts(**kw: object) -> SolveOptions:
    base = SolveOptions(time_limit=10.0, workers=1, reproducible=True)
    return replace(base, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def demo() -> Visit:
    return load_project(
        Path(__file__).resolve().parents[2]
        / "src"
        / "visitplanner"
        / "resources"
        / "demo"
        / "paris-pb-visit.json"
    ).visit


@pytest.fixture(scope="module")
def demo_result(demo: Visit) -> SolveResult:
    return solve(demo, opts())


def harder(visit: Visit) -> Visit:
    """The demo with six extra copies of each optional-looking block: not provable in seconds."""
    extra = tuple(
        replace(a, id=f"{a.id}-{i}", title=f"{a.title} {i}", mandatory=False)
        for i in range(6)
        for a in visit.activities
        if not a.is_formal and not a.per_day
    )
    return replace(visit, activities=visit.activities + extra)


def _facts(sched: Schedule) -> list[tuple[object, ...]]:
    return [(p.key, p.day, p.start, p.end, p.venue, frozenset(p.attendees)) for p in sched]


# --- the Paris demo ---------------------------------------------------------------


def test_demo_is_the_bundled_project(demo: Visit, demo_path: Path) -> None:
    assert load_project(demo_path).visit == demo
    assert len(demo.participants) == 15 and demo.n_days == 2


def test_demo_solves_to_optimal_with_a_clean_schedule(
    demo: Visit, demo_result: SolveResult
) -> None:
    result = demo_result
    assert result.status is Status.OPTIMAL
    assert result.schedule is not None
    report = Checker(demo).check(result.schedule)
    assert report.violations == ()
    assert result.objective == report.total_cost == sum(result.terms.values())
    assert dict(result.terms) == dict(report.costs)
    assert result.bound == result.objective
    assert "best possible" in result.message


def test_demo_holds_all_four_formal_meetings_with_everyone_required(
    demo: Visit, demo_result: SolveResult
) -> None:
    assert demo_result.schedule is not None
    placed = {p.activity_id: p for p in demo_result.schedule}
    assert set(placed) >= FORMAL
    for p in demo_result.schedule:
        assert set(demo.activity(p.activity_id).required) <= set(p.attendees), p.key
    # the councillor leaves at 13:00 on day 2: every formal meeting ends by then
    for aid in FORMAL:
        assert "councillor" in placed[aid].attendees
        assert placed[aid].day == 1 or placed[aid].end <= 13 * 60


def test_demo_meals_are_in_their_windows(demo: Visit, demo_result: SolveResult) -> None:
    assert demo_result.schedule is not None
    meals = [p for p in demo_result.schedule if p.activity_id in MEALS]
    assert sorted(p.key for p in meals) == [
        "breakfast@1",
        "breakfast@2",
        "dinner",
        "lunch@1",
        "lunch@2",
    ]
    for p in meals:
        act = demo.activity(p.activity_id)
        assert act.min_length <= p.length <= act.max_length
        assert any(
            w.day in (None, p.day) and w.start <= p.start and p.end <= w.end for w in act.windows
        ), p


def test_demo_interpreter_is_in_every_mixed_language_meeting(
    demo: Visit, demo_result: SolveResult
) -> None:
    assert demo_result.schedule is not None
    people = {p.id: p for p in demo.participants}
    mixed = 0
    for p in demo_result.schedule:
        speakers = [people[a] for a in p.attendees if people[a].side is not Side.INTERPRETER]
        common = set.intersection(*(set(s.languages) for s in speakers))
        if not common:
            mixed += 1
            assert "interpreter" in p.attendees, p.key
    assert mixed >= 4  # at least the formal meetings mix French-only and English-only people


def test_infeasible_demo_is_explained_in_words(infeasible_demo_path: Path) -> None:
    visit = load_project(infeasible_demo_path).visit
    result = solve(visit, opts())
    assert result.status is Status.INFEASIBLE
    assert result.schedule is None and result.objective is None
    text = " ".join(result.explanation)
    for words in ("Cllr Morag Baird", "13:00", "Steering Group", "14:00-15:30"):
        assert words in text
    assert result.message.startswith("No schedule is possible: ")


# --- progress, stopping, time limits and seeds --------------------------------------


def test_progress_reports_improving_schedules_that_check_clean(demo: Visit) -> None:
    visit = harder(demo)
    seen: list[Progress] = []
    result = solve(visit, opts(time_limit=8.0), on_progress=seen.append)
    assert result.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert len(seen) >= 2
    objectives = [p.objective for p in seen]
    assert objectives == sorted(objectives, reverse=True)
    assert len(set(objectives)) == len(objectives)
    assert [p.solutions for p in seen] == list(range(1, len(seen) + 1))
    assert result.objective == objectives[-1]
    checker = Checker(visit)
    for p in seen:
        report = checker.check(p.schedule)
        assert report.violations == ()
        assert report.total_cost == p.objective


def test_progress_on_the_demo_ends_at_the_optimum(demo: Visit, demo_result: SolveResult) -> None:
    seen: list[int] = []
    result = solve(demo, opts(), on_progress=lambda p: seen.append(p.objective))
    assert seen and seen[-1] == result.objective == demo_result.objective


def test_stop_signal_stops_a_long_solve(demo: Visit) -> None:
    stop = StopSignal()
    seen: list[int] = []

    def first_two(p: Progress) -> None:
        seen.append(p.objective)
        if len(seen) == 2:
            stop.stop()

    result = solve(harder(demo), opts(time_limit=60.0), on_progress=first_two, stop=stop)
    assert stop.requested
    assert result.status is Status.STOPPED
    assert result.elapsed < 30.0
    assert result.schedule is not None and result.objective == seen[-1]
    assert Checker(harder(demo)).check(result.schedule).violations == ()


def test_stop_requested_before_solving_ends_quickly(demo: Visit) -> None:
    stop = StopSignal()
    stop.stop()
    result = solve(harder(demo), opts(time_limit=60.0), stop=stop)
    assert result.status is Status.STOPPED
    assert result.elapsed < 30.0


def test_tiny_time_limit_times_out(demo: Visit) -> None:
    result = solve(harder(demo), opts(time_limit=0.05))
    if result.schedule is not None:  # found, not proven best
        assert result.status is Status.FEASIBLE
        assert Checker(harder(demo)).check(result.schedule).violations == ()
    else:
        assert result.status is Status.TIMED_OUT
        assert "try a longer time limit" in result.message


def test_same_seed_gives_the_same_schedule(demo: Visit) -> None:
    first = solve(demo, opts(seed=7))
    second = solve(demo, opts(seed=7))
    assert first.status is second.status is Status.OPTIMAL
    assert first.schedule == second.schedule
    assert first.objective == second.objective


# --- pins and re-solving ------------------------------------------------------------


def test_a_pinned_placement_stays(demo: Visit, demo_result: SolveResult) -> None:
    assert demo_result.schedule is not None
    dinner = demo_result.schedule.get("dinner")
    assert dinner is not None and dinner.start != 20 * 60
    pin = replace(dinner.moved(1, 20 * 60), pinned=True)
    previous = Schedule((pin,))
    result = solve(demo, opts(previous=previous))
    assert result.status is Status.OPTIMAL and result.schedule is not None
    kept = result.schedule.get("dinner")
    assert kept is not None and set(kept.attendees) == set(pin.attendees)
    assert (kept.day, kept.start, kept.end, kept.venue, kept.pinned) == (
        1,
        1200,
        pin.end,
        pin.venue,
        True,
    )
    assert Checker(demo).check(result.schedule, previous).violations == ()
    assert result.objective is not None and demo_result.objective is not None
    assert result.objective >= demo_result.objective


def test_resolving_keeps_an_optimal_schedule_unchanged(
    demo: Visit, demo_result: SolveResult
) -> None:
    assert demo_result.schedule is not None
    again = solve(demo, opts(previous=demo_result.schedule))
    assert again.status is Status.OPTIMAL and again.schedule is not None
    assert again.terms["changes"] == 0
    assert again.objective == demo_result.objective
    assert _facts(again.schedule) == _facts(demo_result.schedule)


def test_resolving_without_keeping_previous_ignores_unpinned_placements(
    demo: Visit, demo_result: SolveResult
) -> None:
    assert demo_result.schedule is not None
    moved = demo_result.schedule.with_placement(
        demo_result.schedule.get("dinner").moved(1, 20 * 60)  # type: ignore[union-attr]
    )
    result = solve(demo, opts(previous=moved, keep_previous=False))
    assert result.status is Status.OPTIMAL
    assert result.terms["changes"] == 0
    assert result.objective == demo_result.objective


# --- explanations the pre-checks cannot give ----------------------------------------


def two_long_meetings() -> Visit:
    """Two 2-hour meetings with Ann, both inside 09:00-12:00: each fits, both cannot."""
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("plan", "Planning", 120, [window("09:00", "12:00")], required=("ann", "bob")),
            activity(
                "eval", "Evaluation", 120, [window("09:00", "12:00")], required=("ann", "cleo")
            ),
        ],
    )


def test_core_explains_what_the_prechecks_miss() -> None:
    visit = two_long_meetings()
    index = VisitIndex(visit)
    assert precheck(index, None) == ()
    lines = explain_with_core(index, None)
    assert lines == (
        "Ann Archer cannot be in «Planning» and «Evaluation» at once",
        "«Planning» (2 h) must be within day 1 09:00-12:00",
        "«Evaluation» (2 h) must be within day 1 09:00-12:00",
    )
    result = solve(visit, opts())
    assert result.status is Status.INFEASIBLE
    assert result.explanation == lines


def test_core_explanation_names_a_pin_that_blocks_the_rest() -> None:
    visit = tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("plan", "Planning", 60, [window("09:00", "12:00")], required=("ann", "bob")),
            activity(
                "eval", "Evaluation", 60, [window("09:30", "10:30")], required=("ann", "cleo")
            ),
        ],
    )
    assert solve(visit, opts()).status is Status.OPTIMAL
    pin = Placement("plan", "plan", 1, 9 * 60 + 30, 10 * 60 + 30, "", ("ann", "bob"), True)
    result = solve(visit, opts(previous=Schedule((pin,))))
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "Ann Archer cannot be in «Planning» and «Evaluation» at once",
        "«Planning» is pinned at day 1 09:30-10:30",
        "«Evaluation» (1 h) must be within day 1 09:30-10:30",
    )
