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
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.i18n import _, format_duration, ngettext
from visitplanner.solver.precheck import can_fit
from visitplanner.solver.result import SolveOptions, SolveResult, Status, StopSignal

SolveFn = Callable[[Visit, SolveOptions], SolveResult]
ProgressFn = Callable[[int, int], None]

_RANK_FITS, _RANK_UNKNOWN, _RANK_IMPOSSIBLE = 0, 1, 2
MAX_DETAILED = 2  # activities explained one by one; the rest are counted
MAX_NAMES = 3  # people named in a reason; more are counted


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
        return _("no days")
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
        prefix = _nobody_text("")
        nobody = [r for r in out if r.startswith(prefix)]
        if len(nobody) < visit.n_days:  # some days are open: say what still does not fit
            nobody += blocked + [r for r in out if not r.startswith(prefix)]
        return _RANK_IMPOSSIBLE, DateOption(visit.dates, False, math.inf, tuple(nobody))
    result = solve_fn(visit, SolveOptions(time_limit=time_limit))
    if result.schedule is not None and result.status.has_schedule:
        score = float(result.objective) if result.objective is not None else 0.0
        reasons = _schedule_reasons(index, result.schedule)
        return _RANK_FITS, DateOption(visit.dates, True, score, reasons)
    if result.status is Status.INFEASIBLE:
        first = result.explanation[0] if result.explanation else _("no programme fits every rule")
        return _RANK_IMPOSSIBLE, DateOption(
            visit.dates, False, math.inf, (first, *_ruled_out(index))
        )
    limit = f"{time_limit:g} s"
    reasons = (
        _("no programme found within {limit} (one may still exist)").format(limit=limit),
        *_ruled_out(index),
    )
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
        out.append(
            ngettext(
                "{n} more activity cannot be placed either",
                "{n} more activities cannot be placed either",
                rest,
            ).format(n=rest)
        )
    return out


def _no_slot_reason(index: VisitIndex, occ: Occurrence) -> str:
    length = format_duration(occ.activity.min_length)
    head = _("no slot for {title}").format(title=occ.title)
    if not occ.windows:
        return _("{head}: it has no time window on these days").format(head=head)
    known = [pid for pid in occ.activity.required if pid in index.people]
    alone = [pid for pid in known if not _free_in_windows(index, occ, (pid,))]
    if len(alone) > 1 and len(alone) == len(known):
        return _("{head}: none of the {n} people it needs is free for {length}").format(
            head=head, n=len(known), length=length
        )
    if len(alone) > MAX_NAMES:
        return _("{head}: {k} of the {n} people it needs are not free for {length}").format(
            head=head, k=len(alone), n=len(known), length=length
        )
    if alone:
        return ngettext(
            "{head}: {names} is not free for {length}",
            "{head}: {names} are not free for {length}",
            len(alone),
        ).format(head=head, names=_join([index.name(pid) for pid in alone]), length=length)
    return _("{head}: the people it needs are never free together for {length}").format(
        head=head, length=length
    )


def _nobody_text(day: str) -> str:
    return _("nobody the programme needs is free on {day}").format(day=day)


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
            out.append(_nobody_text(visit.day_label(day)))
        elif len(busy) == 1:
            out.append(
                _("{name}'s calendar rules out {day}").format(
                    name=index.name(busy[0]), day=visit.day_label(day)
                )
            )
        elif busy:
            out.append(
                _("{n} people's calendars rule out {day}").format(
                    n=len(busy), day=visit.day_label(day)
                )
            )
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
        _("{name} only if need be on {days}").format(
            name=index.name(p.id), days=_join([visit.day_label(d) for d in sorted(days_of[p.id])])
        )
        for p in visit.participants
        if p.id in days_of
    ]
    placed = {p.key for p in schedule}
    reasons += [
        _("no room for {title}").format(title=occ.title)
        for occ in index.occurrences
        if occ.key not in placed
    ]
    return tuple(reasons) if reasons else (_("everyone free"),)


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _(" and ") + items[-1]
