"""How balanced a programme is: formal and informal time, time together, interpreter load.

Pure functions over the domain, shared by the balance panel and the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from visitplanner.domain import Balance, InterpreterRules, Kind, Placement, Schedule, Side, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _, format_duration
from visitplanner.solver.rules import soft_terms
from visitplanner.solver.rules.base import Facts, names
from visitplanner.solver.rules.interpreter_breaks import interpreting_runs
from visitplanner.solver.rules.soft import longest_waits


def term_label(term: str) -> str:
    """The plain-language name of a soft term of the score (from the rule catalogue)."""
    for t in soft_terms():
        if t.name == term:
            return t.title
    return term.replace("_", " ").capitalize()


def term_help(term: str) -> str:
    """What a soft term measures, in a sentence (from the rule catalogue)."""
    return next((_(t.help) for t in soft_terms() if t.name == term and t.help), "")


@dataclass(frozen=True)
class DayBalance:
    """Minutes of each kind of time on one day of the visit."""

    day: int
    label: str
    formal: int = 0
    informal: int = 0
    host_visitor: int = 0
    visitors_only: int = 0
    #: the busiest visitor's formal minutes that day (the daily cap is per visitor), and name
    busiest_formal: int = 0
    busiest: str = ""
    #: the longest wait of a visitor between their activities that day, and who waits
    longest_wait: int = 0
    waiting: str = ""


@dataclass(frozen=True)
class InterpreterDay:
    """One interpreter's formal interpreting on one day.

    ``longest_stretch`` joins meetings separated by less than the minimum break;
    ``breaks`` are the gaps between consecutive meetings the interpreter attends;
    ``turns`` counts the meetings interpreted with another interpreter taking turns
    (each credited half of them, in minutes and as a stretch).
    """

    person: str
    name: str
    day: int
    formal: int
    longest_stretch: int
    breaks: tuple[int, ...] = ()
    turns: int = 0

    @property
    def shortest_break(self) -> int | None:
        """The shortest gap between two interpreted meetings, if there are two."""
        return min(self.breaks) if self.breaks else None


@dataclass(frozen=True)
class BalanceSummary:
    """The balance figures of one schedule, with the visit's targets."""

    days: tuple[DayBalance, ...]
    interpreters: tuple[InterpreterDay, ...] = ()
    targets: Balance = field(default_factory=Balance)
    rules: InterpreterRules = field(default_factory=InterpreterRules)

    @property
    def host_visitor(self) -> int:
        """Informal minutes with at least one host and one visitor, whole visit."""
        return sum(d.host_visitor for d in self.days)

    @property
    def visitors_only(self) -> int:
        """Informal minutes with visitors and no host, whole visit."""
        return sum(d.visitors_only for d in self.days)

    @property
    def formal(self) -> int:
        """Formal minutes over the whole visit."""
        return sum(d.formal for d in self.days)

    @property
    def informal(self) -> int:
        """Informal minutes over the whole visit."""
        return sum(d.informal for d in self.days)


def balance_summary(visit: Visit, schedule: Schedule) -> BalanceSummary:
    """Per-day formal/informal minutes, time together and interpreter load of ``schedule``."""
    sides = {p.id: p.side for p in visit.participants}
    name_of = {p.id: p.name for p in visit.participants}
    order = {p.id: i for i, p in enumerate(visit.participants)}
    kinds = {a.id: a.kind for a in visit.activities}
    days: list[DayBalance] = []
    index = VisitIndex(visit)
    waits = longest_waits(Facts(index, schedule))
    for day in range(1, visit.n_days + 1):
        formal = informal = host_visitor = visitors_only = 0
        per_visitor: dict[str, int] = {}
        for p in schedule.on_day(day):
            kind = kinds.get(p.activity_id)
            if kind is Kind.FORMAL:
                formal += p.length
                for pid in p.attendees:
                    if sides.get(pid) is Side.VISITOR:
                        per_visitor[pid] = per_visitor.get(pid, 0) + p.length
            elif kind is Kind.INFORMAL:
                informal += p.length
                present = {sides.get(pid) for pid in p.attendees}
                if Side.VISITOR in present:
                    if Side.HOST in present:
                        host_visitor += p.length
                    else:
                        visitors_only += p.length
        busiest = max(sorted(per_visitor), key=lambda pid: per_visitor[pid], default="")
        waiting, wait = waits.get(day, ((), 0))
        waiting = tuple(sorted(waiting, key=order.__getitem__))
        days.append(
            DayBalance(
                day,
                visit.day_label(day),
                formal,
                informal,
                host_visitor,
                visitors_only,
                per_visitor.get(busiest, 0),
                name_of.get(busiest, ""),
                wait,
                names(waiting, lambda pid: name_of.get(pid, pid)) if waiting else "",
            )
        )
    return BalanceSummary(
        tuple(days),
        tuple(_interpreter_days(index, schedule, kinds)),
        visit.balance,
        visit.interpreter_rules,
    )


def _interpreter_days(
    index: VisitIndex, schedule: Schedule, kinds: dict[str, Kind]
) -> Iterable[InterpreterDay]:
    """Interpreting as the rules count it: activities the interpreter attends whose
    other attendees share no language. Where two interpreters take turns, each is
    credited half the minutes, and half the meeting as a stretch."""
    visit = index.visit
    interpreters = set(index.interpreters)
    min_break = visit.interpreter_rules.min_break
    for person in visit.people_on(Side.INTERPRETER):
        for day in range(1, visit.n_days + 1):
            interpreted = [
                p
                for p in schedule.on_day(day)
                if person.id in p.attendees and index.needs_interpreter(p.attendees)
            ]
            relay = [p for p in interpreted if len(interpreters & set(p.attendees)) >= 2]
            doubled = sum(
                p.length * (1 if p in relay else 2)
                for p in interpreted
                if kinds.get(p.activity_id) is Kind.FORMAL
            )
            stretch = max(
                longest_stretch([p for p in interpreted if p not in relay], min_break),
                max(((p.length + 1) // 2 for p in relay), default=0),
            )
            yield InterpreterDay(
                person.id,
                person.name,
                day,
                (doubled + 1) // 2,
                stretch,
                tuple(max(0, b.start - a.end) for a, b in pairwise(interpreted)),
                len(relay),
            )


def longest_stretch(meetings: Iterable[Placement], min_break: int) -> int:
    """Longest run of interpreting (gaps shorter than ``min_break`` do not break it)."""
    ordered = sorted(meetings, key=lambda m: m.abs_start)
    runs = interpreting_runs(ordered, lambda m: (m.abs_start, m.abs_end), min_break)
    return max((max(m.abs_end for m in run) - run[0].abs_start for run in runs), default=0)


def breaks_text(day: InterpreterDay, duration: Callable[[int], str]) -> str:
    """``day``'s breaks between interpreted meetings, e.g. "back to back, 45 min"
    (meetings that follow on at once have no break); empty if there are none."""
    return ", ".join(duration(b) if b else _("back to back") for b in day.breaks)


def format_balance(summary: BalanceSummary) -> list[str]:
    """The summary as plain-text lines, e.g. for the command line."""
    t, d_ = summary.targets, format_duration
    lines = [_("Formal and informal time per day:")]
    for d in summary.days:
        over = ""
        if d.busiest_formal > t.max_formal_minutes_per_day:
            over = _(" ({name} has {time}, over the daily maximum of {cap})").format(
                name=d.busiest, time=d_(d.busiest_formal), cap=d_(t.max_formal_minutes_per_day)
            )
        elif d.busiest and d.busiest_formal != d.formal:  # meetings in parallel
            over = _(" (the busiest visitor, {name}, has {time})").format(
                name=d.busiest, time=d_(d.busiest_formal)
            )
        wait = ""
        if d.longest_wait:
            wait = _("; most waiting: {time} ({name})").format(
                time=d_(d.longest_wait), name=d.waiting
            )
        lines.append(
            _("  {day}: formal {formal}{over}, informal {informal}{wait}").format(
                day=d.label, formal=d_(d.formal), over=over, informal=d_(d.informal), wait=wait
            )
        )
    lines.append(
        _("Informal time with hosts: {time} (target {target})").format(
            time=d_(summary.host_visitor), target=d_(t.host_visitor_target)
        )
    )
    lines.append(
        _("Visitors' own time: {time} (target {target})").format(
            time=d_(summary.visitors_only), target=d_(t.visitors_only_target)
        )
    )
    rules = summary.rules
    for i in summary.interpreters:
        breaks = breaks_text(i, d_) or _("none needed")
        lines.append(
            _(
                "Interpreter {name}, day {day}: {formal} of {cap} formal; longest stretch "
                "{stretch} (at most {limit}); breaks: {breaks}"
            ).format(
                name=i.name,
                day=i.day,
                formal=d_(i.formal),
                cap=d_(rules.max_formal_per_day),
                stretch=d_(i.longest_stretch),
                limit=d_(rules.max_continuous),
                breaks=breaks,
            )
        )
    return lines
