"""Solver and checker agree on small random visits.

(a) Every schedule ``solve`` returns passes the checker, and the checker's cost
is the solver's objective; a visit the pre-checks call impossible is impossible
for the CP-SAT model alone too. (b) For random schedules on the slot grid, pinned in
full: the checker finds no violation exactly when the CP-SAT model (pre-checks
skipped) and ``solve`` find the pinned schedule feasible, and then the
objective is the checker's cost.

Visits are on a 15- or 5-minute grid with 5- or 15-minute slots, so some
availability, windows, lengths and travel times are off the slot grid; the
schedules tried are on the slot grid (the only ones the solver can express).
"""

from __future__ import annotations

import os
from dataclasses import replace
from itertools import combinations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from tests.solver.builders import DATES, ZONE, model_status, pinned
from visitplanner.domain import (
    Activity,
    Availability,
    Balance,
    InterpreterRules,
    Kind,
    Level,
    MinAttendance,
    Participant,
    Placement,
    Schedule,
    Side,
    TravelTimes,
    Venue,
    Visit,
    Window,
)
from visitplanner.domain.availability import local_range
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.checker import Checker
from visitplanner.solver.precheck import precheck
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.solve import solve

DAY_START, DAY_END = 8 * 60, 14 * 60
EXAMPLES = int(os.environ.get("VP_PROPERTY_EXAMPLES", "200"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OPTIONS = SolveOptions(time_limit=10, workers=1, reproducible=True)


def grid(lo: int, hi: int, step: int = 15) -> st.SearchStrategy[int]:
    """Minutes on the ``step``-minute grid in ``[lo, hi]``."""
    return st.integers(-(-lo // step), hi // step).map(lambda q: q * step)


@st.composite
def people(draw: st.DrawFn, interpreted: bool) -> tuple[Participant, ...]:
    """2-5 people; when ``interpreted``, an English and a French speaker and an interpreter."""
    n = draw(st.integers(2, 5))
    fixed = [("en",), ("fr",)] if interpreted else []
    out = [
        Participant(
            f"p{i}",
            f"Person {i}",
            draw(st.sampled_from([Side.HOST, Side.VISITOR, Side.OBSERVER])),
            fixed[i] if i < len(fixed) else draw(st.sampled_from([("en",), ("fr",), ("en", "fr")])),
            ZONE,
        )
        for i in range(n)
    ]
    if interpreted or draw(st.booleans()):
        out.append(Participant("int", "Interpreter", Side.INTERPRETER, ("en", "fr"), ZONE))
        if draw(st.booleans()):  # often a second one: they may take turns
            out.append(Participant("int2", "Interpreter 2", Side.INTERPRETER, ("en", "fr"), ZONE))
    return tuple(out)


@st.composite
def availability(draw: st.DrawFn, n_days: int, step: int) -> Availability:
    ranges = []
    for _ in range(draw(st.integers(0, 3))):
        day = draw(st.integers(1, n_days))
        start = draw(grid(DAY_START - 60, DAY_END - 15, step))
        end = start + draw(grid(15, 240, step))
        level = draw(st.sampled_from(list(Level)))
        ranges.append(local_range(DATES[day - 1], start, end, ZONE, level))
    default = draw(st.sampled_from([Level.AVAILABLE] * 3 + [Level.UNAVAILABLE]))
    return Availability(tuple(ranges), default)


@st.composite
def activity(
    draw: st.DrawFn,
    aid: str,
    who: tuple[str, ...],
    venue_ids: tuple[str, ...],
    n_days: int,
    step: int,
) -> Activity:
    low = draw(grid(15, 120, step))
    windows = []
    for _ in range(draw(st.integers(1, 2))):
        start = draw(grid(DAY_START, DAY_END - low, step))
        end = draw(grid(start + low, DAY_END, step))
        if draw(st.integers(0, 19)) == 0:  # sometimes too short for the activity
            end = start + draw(grid(15, low, step))
        day = draw(st.one_of(st.none(), st.integers(1, n_days)))
        windows.append(Window(start, end, day))
    required = tuple(draw(st.lists(st.sampled_from(who), max_size=2, unique=True)))
    rest = [p for p in who if p not in required]
    optional = tuple(draw(st.lists(st.sampled_from(rest), unique=True))) if rest else ()
    if "int2" in who and draw(st.booleans()):  # both interpreters invited: they may take turns
        optional += tuple(i for i in ("int", "int2") if i not in required + optional)
    invited = required + optional
    minimum: tuple[MinAttendance, ...] = ()
    if len(invited) > 0 and draw(st.booleans()):
        among = tuple(draw(st.lists(st.sampled_from(invited), min_size=1, unique=True)))
        minimum = (MinAttendance(among, draw(st.integers(1, len(among))), "people"),)
    # in a visit with venues an activity needs one ticked (none ticked is a problem of its own)
    venues = (
        tuple(draw(st.lists(st.sampled_from(venue_ids), min_size=1, unique=True)))
        if venue_ids
        else ()
    )
    return Activity(
        aid,
        f"Activity {aid}",
        draw(st.sampled_from(list(Kind))),
        low,
        low + draw(grid(0, 60, step)),
        tuple(windows),
        required,
        optional,
        minimum,
        venues,
        per_day=draw(st.booleans()),
        mandatory=draw(st.sampled_from([True, True, False])),
        interpreters=draw(st.sampled_from([1, 1, 1, 2])),
    )


@st.composite
def visits(draw: st.DrawFn, interpreted: bool = False) -> Visit:
    """A random visit; its times are on a 15- or 5-minute grid (off the slot grid if 5)."""
    n_days = draw(st.integers(1, 2))
    step = draw(st.sampled_from([15, 5]))
    who = draw(people(interpreted))
    ids = tuple(p.id for p in who)
    venues = tuple(
        Venue(f"v{i}", f"Venue {i}", shared=draw(st.booleans()))
        for i in range(draw(st.integers(0, 3)))
    )
    travel = {
        (a.id, b.id): draw(st.integers(0, 9).map(lambda k: 5 * k))
        for a, b in combinations(venues, 2)
    }
    acts = tuple(
        draw(activity(f"a{i}", ids, tuple(v.id for v in venues), n_days, step))
        for i in range(draw(st.integers(1, 4)))
    )
    return Visit(
        title="Random visit",
        zone=ZONE,
        dates=DATES[:n_days],
        participants=who,
        availability={pid: draw(availability(n_days, step)) for pid in ids},
        venues=venues,
        travel=TravelTimes(travel),
        activities=acts,
        day_start=DAY_START,
        day_end=DAY_END,
        slot=draw(st.sampled_from([5, 15])),
        balance=Balance(
            draw(grid(60, 240, step)), draw(grid(0, 180, step)), draw(grid(0, 120, step))
        ),
        interpreter_rules=InterpreterRules(
            draw(grid(30, 180, step)), draw(grid(10, 30, step)), draw(grid(60, 360, step))
        ),
    )


@st.composite
def schedules(draw: st.DrawFn, visit: Visit) -> Schedule:
    """Random placements on the slot grid; mandatory occurrences always placed."""
    index = VisitIndex(visit)
    out = []
    for occ in index.occurrences:
        act = occ.activity
        if not act.mandatory and draw(st.booleans()):
            continue
        slot = visit.slot
        shortest = -(-act.min_length // slot) * slot
        length = draw(grid(shortest, max(shortest, act.max_length), slot))
        if draw(st.integers(0, 9)) == 0:
            length = max(slot, length + draw(st.sampled_from([-slot, slot])))
        if len(occ.windows) > 0 and draw(st.integers(0, 9)):
            w = draw(st.sampled_from(occ.windows))
            day, lo, hi = w.day, w.start, max(w.start, w.end - length)
        else:
            day, lo, hi = draw(st.integers(1, visit.n_days)), DAY_START, DAY_END - length
        start = draw(st.integers(lo // visit.slot, max(lo, hi) // visit.slot)) * visit.slot
        options = act.venues or ("",)
        venue = draw(st.sampled_from(options))
        attendees = list(act.required)
        attendees += [p for p in act.optional if p not in attendees and draw(st.booleans())]
        if draw(st.integers(0, 19)) == 0 and attendees:
            attendees.remove(draw(st.sampled_from(attendees)))
        if draw(st.integers(0, 19)) == 0:
            stranger = draw(st.sampled_from([p.id for p in visit.participants]))
            if stranger not in attendees:
                attendees.append(stranger)
        out.append(Placement(occ.key, act.id, day, start, start + length, venue, tuple(attendees)))
    return Schedule(tuple(out)).sorted()


def raw_model_status(visit: Visit) -> str:
    """CP-SAT status name of the visit's model alone, without the pre-checks."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10.0
    return str(solver.status_name(solver.solve(build_model(VisitIndex(visit), None).model)))


def _facts(sched: Schedule) -> set[tuple[object, ...]]:
    return {(p.key, p.day, p.start, p.end, p.venue, frozenset(p.attendees)) for p in sched}


def assert_pinned_agrees(visit: Visit, sched: Schedule) -> None:
    """The checker's verdict on ``sched`` is the solver's verdict on it pinned."""
    report = Checker(visit).check(sched)
    for rule in sorted({v.rule for v in report.violations}) or ["no violation"]:
        event(f"pinned schedule: {rule}")
    model = model_status(visit, sched)
    result = solve(visit, replace(OPTIONS, previous=pinned(sched)))
    if report.ok:
        assert model == "OPTIMAL", report
        assert result.status is Status.OPTIMAL, result.explanation
        assert result.schedule is not None and result.objective is not None
        assert _facts(sched) <= _facts(result.schedule)
        if len(sched) == len(VisitIndex(visit).occurrences):
            assert result.objective == report.total_cost, (dict(result.terms), report.costs)
        else:  # the solver may add the activities left out, to lower the cost
            assert result.objective <= report.total_cost
    else:
        assert model == "INFEASIBLE", report.violations
        if result.status is Status.INFEASIBLE:
            return
        # a pin fixes time and venue only: the solver may mend who attends
        assert result.status is Status.OPTIMAL and result.schedule is not None
        assert Checker(visit).check(result.schedule).ok
        where = {(p.key, p.day, p.start, p.end, p.venue) for p in result.schedule}
        assert {(p.key, p.day, p.start, p.end, p.venue) for p in sched} <= where


@PROPERTY
@given(st.booleans().flatmap(lambda interpreted: visits(interpreted)))
def test_every_solved_schedule_passes_the_checker(visit: Visit) -> None:
    result = solve(visit, OPTIONS)
    event(f"solve: {result.status.value}")
    assert result.status in (Status.OPTIMAL, Status.INFEASIBLE)
    if result.status is Status.INFEASIBLE:
        assert result.schedule is None and result.explanation
        if precheck(VisitIndex(visit), None):  # a reason given before solving is no guess
            event("solve: refused by a pre-check")
            assert raw_model_status(visit) == "INFEASIBLE", result.explanation
        return
    assert result.schedule is not None
    index = VisitIndex(visit)
    if any(
        index.needs_interpreter(p.attendees) and len(set(index.interpreters) & set(p.attendees)) > 1
        for p in result.schedule
    ):
        event("solve: two interpreters taking turns")
    report = Checker(visit).check(result.schedule)
    assert report.violations == ()
    assert result.objective == report.total_cost == sum(result.terms.values())


@PROPERTY
@given(st.data())
def test_checker_verdict_is_the_pinned_solve_verdict(data: st.DataObject) -> None:
    visit = data.draw(visits(interpreted=data.draw(st.booleans())))
    assert_pinned_agrees(visit, data.draw(schedules(visit)))


@PROPERTY
@given(st.data())
def test_nudged_solutions_agree_too(data: st.DataObject) -> None:
    """Solved schedules nudged by a slot or two: near misses of every rule."""
    visit = data.draw(visits(interpreted=data.draw(st.booleans())))
    result = solve(visit, OPTIONS)
    if result.schedule is None or not len(result.schedule):
        return
    assert_pinned_agrees(visit, result.schedule)
    p = data.draw(st.sampled_from(result.schedule.placements))
    shift = data.draw(st.integers(1, 8)) * data.draw(st.sampled_from([-1, 1])) * visit.slot
    stretch = data.draw(st.sampled_from([0, 0, -1, 1])) * visit.slot
    start = min(max(0, p.start + shift), 1440 - p.length)
    nudged = replace(
        p, start=start, end=max(start + visit.slot, min(1440, start + p.length + stretch))
    )
    if data.draw(st.booleans()):
        venue = data.draw(st.sampled_from([v.id for v in visit.venues] or [""]))
        nudged = replace(nudged, venue=venue)
    if data.draw(st.booleans()):
        who = data.draw(st.sampled_from([q.id for q in visit.participants]))
        kept = tuple(a for a in nudged.attendees if a != who)
        nudged = replace(nudged, attendees=kept if who in nudged.attendees else (*kept, who))
    assert_pinned_agrees(visit, result.schedule.with_placement(nudged))
