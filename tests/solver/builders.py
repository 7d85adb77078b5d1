"""Tiny-visit builders for solver tests: a few people, a few activities, a day or two.

Times are written as ``"HH:MM"`` strings so the tests read like a programme.
Everyone is free all day unless an availability is given; the informal-time
targets default to zero so only the tests about them pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from ortools.sat.python import cp_model

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
    Weights,
    Window,
)
from visitplanner.domain.availability import local_range
from visitplanner.domain.clock import parse_hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.literals import negate
from visitplanner.solver.model import ModelContext
from visitplanner.solver.result import SolveOptions, SolveResult
from visitplanner.solver.solve import solve

ZONE = "Europe/Paris"
DATES = (date(2027, 3, 16), date(2027, 3, 17))  # a Tuesday and a Wednesday
NO_INFORMAL_TARGETS = Balance(
    max_formal_minutes_per_day=240, host_visitor_target=0, visitors_only_target=0
)


def person(
    pid: str,
    name: str,
    side: Side = Side.HOST,
    languages: tuple[str, ...] = ("en",),
) -> Participant:
    """A participant living in the visit's zone."""
    return Participant(pid, name, side, languages, ZONE)


def ann() -> Participant:
    """Ann Archer, an English-speaking visitor."""
    return person("ann", "Ann Archer", Side.VISITOR, ("en",))


def bob() -> Participant:
    """Bob Brown, an English-speaking host."""
    return person("bob", "Bob Brown", Side.HOST, ("en",))


def cleo() -> Participant:
    """Cleo Clark, an English-speaking visitor."""
    return person("cleo", "Cleo Clark", Side.VISITOR, ("en",))


def dora() -> Participant:
    """Dora Dahl, an English-speaking host."""
    return person("dora", "Dora Dahl", Side.HOST, ("en",))


def fleur() -> Participant:
    """Fleur Fabre, a French-speaking host."""
    return person("fleur", "Fleur Fabre", Side.HOST, ("fr",))


def ivan() -> Participant:
    """Ivan Ivanov, the French/English interpreter."""
    return person("ivan", "Ivan Ivanov", Side.INTERPRETER, ("en", "fr"))


def span(
    day: int, start: str, end: str, level: Level = Level.AVAILABLE
) -> tuple[int, str, str, Level]:
    """An availability range on visit ``day``, for :func:`availability`."""
    return (day, start, end, level)


def availability(
    *spans: tuple[int, str, str, Level], default: Level = Level.UNAVAILABLE
) -> Availability:
    """Ranges typed in the visit's zone, painted over ``default``."""
    return Availability(
        tuple(
            local_range(DATES[day - 1], parse_hhmm(a), parse_hhmm(b), ZONE, level)
            for day, a, b, level in spans
        ),
        default,
    )


def busy(*spans: tuple[int, str, str]) -> Availability:
    """Free all day except the given ``(day, start, end)`` stretches."""
    return availability(
        *(span(d, a, b, Level.UNAVAILABLE) for d, a, b in spans), default=Level.AVAILABLE
    )


def window(start: str, end: str, day: int | None = None) -> Window:
    """A time window (every day when ``day`` is None)."""
    return Window(parse_hhmm(start), parse_hhmm(end), day)


def activity(
    aid: str,
    title: str,
    length: int,
    windows: Iterable[Window] = (),
    *,
    max_length: int | None = None,
    required: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
    kind: Kind = Kind.FORMAL,
    venues: tuple[str, ...] = (),
    per_day: bool = False,
    mandatory: bool = True,
    min_attendance: tuple[MinAttendance, ...] = (),
) -> Activity:
    """An activity of ``length`` minutes (up to ``max_length``), 09:00-17:00 by default."""
    wins = tuple(windows) or (window("09:00", "17:00"),)
    return Activity(
        aid,
        title,
        kind,
        length,
        max_length if max_length is not None else length,
        wins,
        required,
        optional,
        min_attendance,
        venues,
        per_day,
        mandatory,
    )


def tiny_visit(
    people: Iterable[Participant],
    activities: Iterable[Activity],
    *,
    days: int = 1,
    slot: int = 15,
    free: Mapping[str, Availability] | None = None,
    venues: tuple[Venue, ...] = (),
    travel: Mapping[tuple[str, str], int] | None = None,
    balance: Balance = NO_INFORMAL_TARGETS,
    interpreting: InterpreterRules | None = None,
    weights: Mapping[str, int] | None = None,
) -> Visit:
    """A small visit; people without an entry in ``free`` are free all day."""
    people = tuple(people)
    avail = {p.id: Availability(default=Level.AVAILABLE) for p in people}
    avail.update(free or {})
    return Visit(
        title="Tiny visit",
        zone=ZONE,
        dates=DATES[:days],
        participants=people,
        availability=avail,
        venues=venues,
        travel=TravelTimes(dict(travel or {})),
        activities=tuple(activities),
        slot=slot,
        balance=balance,
        interpreter_rules=interpreting or InterpreterRules(),
        weights=Weights(dict(weights)) if weights is not None else Weights(),
    )


def place(
    key: str,
    day: int,
    start: str,
    end: str,
    attendees: Iterable[str],
    venue: str = "",
    pinned: bool = False,
) -> Placement:
    """A placement of occurrence ``key`` (``"breakfast@2"`` for per-day ones)."""
    return Placement(
        key,
        key.split("@")[0],
        day,
        parse_hhmm(start),
        parse_hhmm(end),
        venue,
        tuple(attendees),
        pinned,
    )


def schedule(*placements: Placement) -> Schedule:
    """A schedule in time order."""
    return Schedule(placements).sorted()


def pinned(sched: Schedule) -> Schedule:
    """The same schedule with every placement pinned."""
    return Schedule(tuple(replace(p, pinned=True) for p in sched))


def unpinned(sched: Schedule) -> Schedule:
    """The same schedule with no placement pinned."""
    return Schedule(tuple(replace(p, pinned=False) for p in sched))


def options(previous: Schedule | None = None, **kw: float) -> SolveOptions:
    """Test solve options: one worker, ten seconds at most."""
    return SolveOptions(
        time_limit=kw.get("time_limit", 10.0),
        workers=1,
        reproducible=True,
        seed=int(kw.get("seed", 0)),
        previous=previous,
    )


def solve_tiny(visit: Visit, previous: Schedule | None = None) -> SolveResult:
    """``solve`` with test options."""
    return solve(visit, options(previous))


def solve_pinned(visit: Visit, sched: Schedule) -> SolveResult:
    """``solve`` with every placement of ``sched`` pinned."""
    return solve(visit, options(pinned(sched)))


def model_status(visit: Visit, sched: Schedule) -> str:
    """CP-SAT status name of the model with every placement pinned, skipping the pre-checks.

    The pre-checks already refuse pins that the checker rejects, so this is
    what shows that the model itself encodes each rule. Attendance is fixed
    too, since a pin fixes only time and venue.
    """
    ctx = build_model(VisitIndex(visit), pinned(sched))
    fix_attendance(ctx, sched)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10.0
    return str(solver.status_name(solver.solve(ctx.model)))


def fix_attendance(ctx: ModelContext, sched: Schedule) -> None:
    """Fix who attends each placement exactly (a pin fixes only time and venue)."""
    for p in sched:
        ov = ctx.occ.get(p.key)
        if ov is None:
            continue
        for pid, lit in ov.attend.items():
            ctx.require(lit if pid in p.attendees else negate(lit), [])
        if any(pid not in ov.attend for pid in p.attendees):
            ctx.require(False, [])
