"""Choosing the dates: rank every run of candidate days by how well the programme fits.

For each run of consecutive eligible days in the visit's candidate window, the
visit is moved to that run and given a quick solve. Runs where a mandatory
activity's required people share no free time of its length are ruled out
before solving (cheap, and the reason is plain). Options come back best first:
runs where the whole programme fits, by solver score (lower is better), then
runs where no programme was found in time, then runs where none is possible.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.clock import duration_text
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.solver.precheck import can_fit
from visitplanner.solver.result import SolveOptions, SolveResult, Status, StopSignal

SolveFn = Callable[[Visit, SolveOptions], SolveResult]
ProgressFn = Callable[[int, int], None]

_RANK_FITS, _RANK_UNKNOWN, _RANK_IMPOSSIBLE = 0, 1, 2
MAX_DETAILED = 2  # activities explained one by one; the rest are counted
MAX_NAMES = 3  # people named in a reason; more are counted
_NOBODY = "nobody the programme needs is free on"


@dataclass(frozen=True)
class DateOption:
    """One run of candidate days and how well the programme fits in it.

    ``score`` is the solver's objective (lower is better); ``math.inf`` when
    no programme was found.
    """

    days: tuple[date, ...]
    feasible: bool
    score: float
    reasons: tuple[str, ...]


def candidate_runs(visit: Visit) -> list[tuple[date, ...]]:
    """The runs of days to compare: the candidate window's runs, else the current dates."""
    if visit.candidate_dates is None:
        return [visit.dates] if visit.dates else []
    return visit.candidate_dates.runs()


def days_text(days: tuple[date, ...]) -> str:
    """E.g. ``"Tue 23 Mar - Wed 24 Mar 2027"``."""
    if not days:
        return "no days"
    first, last = days[0], days[-1]
    if first == last:
        return f"{first:%a} {first.day} {first:%b %Y}"
    return f"{first:%a} {first.day} {first:%b} - {last:%a} {last.day} {last:%b %Y}"


def rank_dates(
    visit: Visit,
    time_limit: float = 2.0,
    *,
    solver: SolveFn | None = None,
    on_progress: ProgressFn | None = None,
    stop: StopSignal | None = None,
) -> list[DateOption]:
    """Rank each run of candidate days, best first.

    ``solver`` replaces the real solve (tests); ``on_progress(done, total)`` is
    called after each run; a ``stop`` request ends early with the runs done so far.
    """
    solve_fn = solver if solver is not None else _default_solver(stop)
    runs = candidate_runs(visit)
    ranked: list[tuple[int, float, tuple[date, ...], DateOption]] = []
    for done, run in enumerate(runs, start=1):
        if stop is not None and stop.requested:
            break
        rank, option = _evaluate(replace(visit, dates=run), time_limit, solve_fn)
        ranked.append((rank, option.score, run, option))
        if on_progress is not None:
            on_progress(done, len(runs))
    ranked.sort(key=lambda item: (item[0], item[1], item[2]))
    return [item[3] for item in ranked]


def _default_solver(stop: StopSignal | None) -> SolveFn:
    def run(visit: Visit, options: SolveOptions) -> SolveResult:
        from visitplanner.solver.solve import solve

        return solve(visit, options, stop=stop)

    return run


def _evaluate(visit: Visit, time_limit: float, solve_fn: SolveFn) -> tuple[int, DateOption]:
    index = VisitIndex(visit)
    blocked = _blocked_reasons(index)
    if blocked:
        out = _ruled_out(index)
        nobody = [r for r in out if r.startswith(_NOBODY)]
        if len(nobody) < visit.n_days:  # some days are open: say what still does not fit
            nobody += blocked + [r for r in out if not r.startswith(_NOBODY)]
        return _RANK_IMPOSSIBLE, DateOption(visit.dates, False, math.inf, tuple(nobody))
    result = solve_fn(visit, SolveOptions(time_limit=time_limit))
    if result.schedule is not None and result.status.has_schedule:
        score = float(result.objective) if result.objective is not None else 0.0
        reasons = _schedule_reasons(index, result.schedule)
        return _RANK_FITS, DateOption(visit.dates, True, score, reasons)
    if result.status is Status.INFEASIBLE:
        first = result.explanation[0] if result.explanation else "no programme fits every rule"
        return _RANK_IMPOSSIBLE, DateOption(
            visit.dates, False, math.inf, (first, *_ruled_out(index))
        )
    limit = f"{time_limit:g} s"
    reasons = (f"no programme found within {limit} (one may still exist)", *_ruled_out(index))
    return _RANK_UNKNOWN, DateOption(visit.dates, False, math.inf, reasons)


def _mandatory(index: VisitIndex) -> list[Occurrence]:
    return [occ for occ in index.occurrences if occ.activity.mandatory]


def _free_in_windows(index: VisitIndex, occ: Occurrence, people: Sequence[str]) -> bool:
    """Whether ``people`` share a free stretch of the occurrence's length in a window."""
    return can_fit(index, occ, people)


def _fits(index: VisitIndex, occ: Occurrence) -> bool:
    return _free_in_windows(index, occ, occ.activity.required)


def _blocked_reasons(index: VisitIndex) -> list[str]:
    """Mandatory activities with no possible slot: formal ones first, the rest counted."""
    blocked = [occ for occ in _mandatory(index) if not _fits(index, occ)]
    blocked.sort(key=lambda occ: not occ.activity.is_formal)
    out = [_no_slot_reason(index, occ) for occ in blocked[:MAX_DETAILED]]
    rest = len(blocked) - MAX_DETAILED
    if rest > 0:
        noun = "activity" if rest == 1 else "activities"
        out.append(f"{rest} more {noun} cannot be placed either")
    return out


def _no_slot_reason(index: VisitIndex, occ: Occurrence) -> str:
    length = duration_text(occ.activity.min_length)
    head = f"no slot for {occ.title}"
    if not occ.windows:
        return f"{head}: it has no time window on these days"
    known = [pid for pid in occ.activity.required if pid in index.people]
    alone = [pid for pid in known if not _free_in_windows(index, occ, (pid,))]
    if len(alone) > 1 and len(alone) == len(known):
        return f"{head}: none of the {len(known)} people it needs is free for {length}"
    if len(alone) > MAX_NAMES:
        return f"{head}: {len(alone)} of the {len(known)} people it needs are not free for {length}"
    if alone:
        verb = "is" if len(alone) == 1 else "are"
        return f"{head}: {_join([index.name(pid) for pid in alone])} {verb} not free for {length}"
    return f"{head}: the people it needs are never free together for {length}"


def _ruled_out(index: VisitIndex) -> list[str]:
    """Per day, the required people whose calendars leave them no time at all."""
    visit = index.visit
    needed = list(dict.fromkeys(pid for occ in _mandatory(index) for pid in occ.activity.required))
    out: list[str] = []
    for day in range(1, visit.n_days + 1):
        busy = [
            pid
            for pid in needed
            if pid in index.people
            and not any(
                min(b, visit.day_end) > max(a, visit.day_start)
                for a, b in index.free_spans(pid, day)
            )
        ]
        if len(busy) > 1 and len(busy) == len(needed):
            out.append(f"{_NOBODY} {visit.day_label(day)}")
        elif len(busy) == 1:
            out.append(f"{index.name(busy[0])}'s calendar rules out {visit.day_label(day)}")
        elif busy:
            out.append(f"{len(busy)} people's calendars rule out {visit.day_label(day)}")
    return out


def _schedule_reasons(index: VisitIndex, schedule: Schedule) -> tuple[str, ...]:
    visit = index.visit
    days_of: dict[str, set[int]] = {}
    for placement in schedule:
        for pid in placement.attendees:
            if pid not in index.people:
                continue
            for s in index.if_need_be(pid):
                if s.start < placement.abs_end and placement.abs_start < s.end:
                    days_of.setdefault(pid, set()).add(placement.day)
    reasons = [
        f"{index.name(p.id)} only if need be on "
        + _join([visit.day_label(d) for d in sorted(days_of[p.id])])
        for p in visit.participants
        if p.id in days_of
    ]
    placed = {p.key for p in schedule}
    reasons += [f"no room for {occ.title}" for occ in index.occurrences if occ.key not in placed]
    return tuple(reasons) if reasons else ("everyone free",)


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
