"""Ranking candidate dates (solver/dates.py), with a fake solve and the real one."""

from __future__ import annotations

import importlib.util
import math
from dataclasses import replace
from datetime import date

import pytest

from visitplanner.domain import (
    Activity,
    Availability,
    DateWindow,
    Kind,
    Level,
    Participant,
    Placement,
    Schedule,
    Side,
    Visit,
    Window,
)
from visitplanner.domain.availability import local_range
from visitplanner.solver.dates import DateOption, candidate_runs, rank_dates
from visitplanner.solver.result import SolveOptions, SolveResult, Status, StopSignal

PARIS, LONDON = "Europe/Paris", "Europe/London"
MON, TUE, WED, THU = (date(2027, 3, d) for d in (15, 16, 17, 18))
A, N = Level.AVAILABLE, Level.IF_NEED_BE


def tiny_visit() -> Visit:
    """Ann (London) and Bob (Paris) must meet for an hour; Bob is free only on Tuesday."""
    days = [local_range(d, 9 * 60, 17 * 60, LONDON, A) for d in (MON, TUE, WED, THU)]
    ann = Availability((*days, local_range(TUE, 9 * 60, 11 * 60, LONDON, N)))
    bob = Availability((local_range(TUE, 9 * 60, 12 * 60, PARIS, A),))
    talk = Activity("talk", "Talk", Kind.FORMAL, 60, 60, (Window(9 * 60, 17 * 60),), ("ann", "bob"))
    return Visit(
        title="Tiny",
        zone=PARIS,
        dates=(TUE, WED),
        participants=(
            Participant("ann", "Ann", Side.VISITOR, ("en",), LONDON),
            Participant("bob", "Bob", Side.HOST, ("en",), PARIS),
        ),
        availability={"ann": ann, "bob": bob},
        activities=(talk,),
        candidate_dates=DateWindow(MON, THU, 2),
    )


class FakeSolve:
    """Places the talk on Tuesday 10:00-11:00; scores by the first day of the run."""

    def __init__(self, scores: dict[date, int]) -> None:
        self.scores = scores
        self.calls: list[tuple[tuple[date, ...], float]] = []

    def __call__(self, visit: Visit, options: SolveOptions) -> SolveResult:
        self.calls.append((visit.dates, options.time_limit))
        day = visit.dates.index(TUE) + 1
        placement = Placement("talk", "talk", day, 600, 660, "", ("ann", "bob"))
        return SolveResult(
            Status.OPTIMAL, Schedule((placement,)), objective=self.scores[visit.dates[0]]
        )


def test_runs_come_from_the_candidate_window() -> None:
    assert candidate_runs(tiny_visit()) == [(MON, TUE), (TUE, WED), (WED, THU)]
    assert candidate_runs(replace(tiny_visit(), candidate_dates=None)) == [(TUE, WED)]


def test_ranking_order_scores_and_reasons() -> None:
    fake = FakeSolve({MON: 100, TUE: 40})
    options = rank_dates(tiny_visit(), time_limit=1.5, solver=fake)
    assert options == [
        DateOption((TUE, WED), True, 40.0, ("Ann only if need be on day 1 (Tue 16 Mar)",)),
        DateOption((MON, TUE), True, 100.0, ("Ann only if need be on day 2 (Tue 16 Mar)",)),
        DateOption(
            (WED, THU),
            False,
            math.inf,
            (
                "no slot for Talk: Bob is not free for 1 h",
                "Bob's calendar rules out day 1 (Wed 17 Mar)",
                "Bob's calendar rules out day 2 (Thu 18 Mar)",
            ),
        ),
    ]
    # The pre-screened run is never solved; the time limit is passed on.
    assert fake.calls == [((MON, TUE), 1.5), ((TUE, WED), 1.5)]


def test_everyone_free_when_no_one_stretches() -> None:
    visit = tiny_visit()
    avail = dict(visit.availability)
    avail["ann"] = Availability(avail["ann"].ranges[:-1])  # no "if need be" any more
    options = rank_dates(replace(visit, availability=avail), solver=FakeSolve({MON: 7, TUE: 7}))
    assert [o.days for o in options[:2]] == [(MON, TUE), (TUE, WED)]  # tie: earlier first
    assert options[0].reasons == ("everyone free",)


def test_solver_infeasible_and_timed_out_rank_last() -> None:
    def solve(visit: Visit, options: SolveOptions) -> SolveResult:
        if visit.dates[0] == MON:
            return SolveResult(
                Status.INFEASIBLE,
                explanation=("Ann and Bob cannot both be at the talk", "second line"),
            )
        return SolveResult(Status.TIMED_OUT)

    options = rank_dates(tiny_visit(), time_limit=2, solver=solve)
    assert [(o.days, o.feasible) for o in options] == [
        ((TUE, WED), False),
        ((MON, TUE), False),
        ((WED, THU), False),
    ]
    assert options[0].reasons == (
        "no programme found within 2 s (one may still exist)",
        "Bob's calendar rules out day 2 (Wed 17 Mar)",
    )
    assert options[1].reasons == (
        "Ann and Bob cannot both be at the talk",
        "Bob's calendar rules out day 1 (Mon 15 Mar)",
    )


def test_people_who_are_never_free_together() -> None:
    visit = tiny_visit()
    avail = dict(visit.availability)
    # Bob is free on Tuesday only 07:00-09:00 Paris, before Ann starts (10:00 Paris).
    avail["bob"] = Availability((local_range(TUE, 7 * 60, 9 * 60, PARIS, A),))
    talk = replace(visit.activities[0], windows=(Window(7 * 60, 19 * 60),))
    visit = replace(visit, availability=avail, activities=(talk,))
    options = rank_dates(visit, solver=FakeSolve({}))
    assert all(not o.feasible for o in options)
    assert options[0].reasons[0] == (
        "no slot for Talk: the people it needs are never free together for 1 h"
    )


def test_progress_and_stop() -> None:
    seen: list[tuple[int, int]] = []
    stop = StopSignal()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            stop.stop()

    options = rank_dates(
        tiny_visit(), solver=FakeSolve({MON: 1, TUE: 2}), on_progress=progress, stop=stop
    )
    assert seen == [(1, 3), (2, 3)]
    assert [o.days for o in options] == [(MON, TUE), (TUE, WED)]


def test_no_runs_gives_no_options() -> None:
    visit = replace(tiny_visit(), candidate_dates=DateWindow(MON, MON, 2))
    assert rank_dates(visit, solver=FakeSolve({})) == []


needs_solver = pytest.mark.skipif(
    importlib.util.find_spec("visitplanner.solver.solve") is None,
    reason="the real solver is not written yet",
)


@needs_solver
def test_real_solver_on_the_tiny_visit() -> None:
    options = rank_dates(tiny_visit(), time_limit=5.0)
    assert [(o.days, o.feasible) for o in options] == [
        ((MON, TUE), True),
        ((TUE, WED), True),
        ((WED, THU), False),
    ] or [(o.days, o.feasible) for o in options] == [
        ((TUE, WED), True),
        ((MON, TUE), True),
        ((WED, THU), False),
    ]
    assert options[0].score == options[1].score
    assert options[0].reasons[0].startswith("Ann only if need be on day ")
    assert options[2].reasons[0] == "no slot for Talk: Bob is not free for 1 h"


def test_long_lists_are_summed_up() -> None:
    visit = tiny_visit()
    talk = visit.activities[0]
    more = tuple(replace(talk, id=f"talk{i}", title=f"Talk {i}") for i in (2, 3, 4))
    nobody = replace(visit, activities=(talk, *more), availability={})
    options = rank_dates(nobody, solver=FakeSolve({}))
    assert options[0].reasons == (
        "nobody the programme needs is free on day 1 (Mon 15 Mar)",
        "nobody the programme needs is free on day 2 (Tue 16 Mar)",
    )
    blocked = replace(visit, activities=(talk, *more))
    last = rank_dates(blocked, solver=FakeSolve({MON: 1, TUE: 2}))[-1]
    assert last.reasons == (
        "no slot for Talk: Bob is not free for 1 h",
        "no slot for Talk 2: Bob is not free for 1 h",
        "2 more activities cannot be placed either",
        "Bob's calendar rules out day 1 (Wed 17 Mar)",
        "Bob's calendar rules out day 2 (Thu 18 Mar)",
    )


def test_many_people_missing_are_counted() -> None:
    people = tuple(Participant(f"p{i}", f"Person {i}", Side.HOST, ("en",), PARIS) for i in range(6))
    free = {
        "p0": Availability((local_range(TUE, 9 * 60, 12 * 60, PARIS, A),)),
        "p1": Availability((local_range(WED, 9 * 60, 12 * 60, PARIS, A),)),
    }
    talk = Activity("talk", "Talk", Kind.FORMAL, 60, 60, (Window(9 * 60, 17 * 60),), tuple(free))
    everyone = replace(talk, id="all", title="Plenary", required=tuple(p.id for p in people))
    visit = replace(
        tiny_visit(), participants=people, availability=free, activities=(talk, everyone)
    )
    option = rank_dates(visit, solver=FakeSolve({}))[1]  # Tuesday-Wednesday
    assert option.days == (TUE, WED)
    assert option.reasons[:2] == (
        "no slot for Talk: the people it needs are never free together for 1 h",
        "no slot for Plenary: 4 of the 6 people it needs are not free for 1 h",
    )


def _demo_with_calendars() -> Visit:
    from pathlib import Path

    from visitplanner.io.project import load_project

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "demo_calendars", root / "tools" / "demo_calendars.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    visit = load_project(
        root / "src" / "visitplanner" / "resources" / "demo" / "paris-pb-visit.json"
    ).visit
    enriched = replace(visit, availability=module.with_window_calendars(visit.availability))
    for pid, avail in visit.availability.items():  # 23-24 March exactly as in the scenario
        for day in (date(2027, 3, 23), date(2027, 3, 24)):
            for zone in (PARIS, LONDON):
                assert enriched.availability_of(pid).day_segments(day, zone) == (
                    avail.day_segments(day, zone)
                )
    return enriched


@needs_solver
def test_demo_window_makes_choosing_dates_a_real_decision() -> None:
    options = rank_dates(_demo_with_calendars(), time_limit=2.0)
    fits = [(o.days[0], o.reasons) for o in options if o.feasible]
    assert [day for day, _ in fits] == [date(2027, 3, 23), date(2027, 3, 16), date(2027, 3, 30)]
    assert fits[0][1] == ("everyone free",)
    # Antoine Roux's "if need be" day depends on which of two equally good programmes is found
    sophie, antoine = fits[1][1]
    assert sophie == "Sophie Laurent only if need be on day 2 (Wed 17 Mar)"
    assert antoine in (
        "Antoine Roux only if need be on day 1 (Tue 16 Mar)",
        "Antoine Roux only if need be on day 2 (Wed 17 Mar)",
    )
    assert fits[2][1] == (
        "Tom Henderson only if need be on day 1 (Tue 30 Mar) and day 2 (Wed 31 Mar)",
    )
    assert len(options) == 12
    assert options[0].score < options[1].score < options[2].score
    steering = next(o for o in options if o.days[0] == date(2027, 3, 24))
    assert steering.reasons[0] == (
        "no slot for Meeting the PB Steering Group: PB Steering Group is not free for 1 h 30 min"
    )
