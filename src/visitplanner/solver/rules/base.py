"""What a rule is: a named unit with a plain-language label, a check and a model part.

Each hard rule both *checks* a given schedule (listing violations in words) and
*posts* its constraints into the CP-SAT model; each soft term both *costs* a
schedule and *posts* the same cost as a model expression. Solver and checker
therefore share one definition of every rule.

This module, and every rule module, is pure Python at import time: the model
context is only a type here, so the checker runs without OR-Tools installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from visitplanner.domain import Activity, Placement, Schedule, Side
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.i18n import _, ngettext
from visitplanner.solver.report import Violation

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

#: Stretches where an occurrence may lie: (day, start, end) in minutes of the day.
Spans = list[tuple[int, int, int]]
#: Narrows where an occurrence may lie, for the rule that owns that restriction.
Domain = Callable[[VisitIndex, Occurrence, Spans], Spans]
#: Phrases for the guarded constraints of one rule in an unsatisfiable core.
Explainer = Callable[[VisitIndex, list[tuple[str, ...]]], list[str]]


@dataclass(frozen=True)
class Placed:
    """A placement with what the rules need to know about it."""

    p: Placement
    occ: Occurrence | None
    attendees: frozenset[str]
    start: int
    end: int
    needs_interpreter: bool
    #: interpreters attending (they interpret when ``needs_interpreter``)
    interpreters: frozenset[str] = frozenset()

    @property
    def relay(self) -> bool:
        """Whether two or more interpreters take turns at it."""
        return self.needs_interpreter and len(self.interpreters) >= 2

    @property
    def activity(self) -> Activity | None:
        """The activity, if the placement names a known one."""
        return None if self.occ is None else self.occ.activity

    @property
    def title(self) -> str:
        """The occurrence title for messages."""
        return self.occ.title if self.occ else self.p.activity_id

    @property
    def when(self) -> str:
        """E.g. ``"day 1 09:00-10:30"``."""
        return when(self.p.day, self.p.start, self.p.end)


def when(day: int, start: int, end: int) -> str:
    """A stretch of one day in words, e.g. ``"day 1 09:00-10:30"``."""
    return _("day {day} {start}-{end}").format(day=day, start=hhmm(start), end=hhmm(end))


def details_of(people: Sequence[str], name: Callable[[str], str]) -> tuple[str, ...]:
    """One line per person for an expandable list (none when the message names them all)."""
    return tuple(name(pid) for pid in people) if len(people) > 1 else ()


def names(people: Sequence[str], name: Callable[[str], str]) -> str:
    """Who, in few words: "Ann Smith", "Ann Smith and Bob Jones", "Ann Smith and 7 others"."""
    if len(people) == 1:
        return name(people[0])
    if len(people) == 2:
        return _("{a} and {b}").format(a=name(people[0]), b=name(people[1]))
    n = len(people) - 1
    return ngettext("{a} and {n} other", "{a} and {n} others", n).format(a=name(people[0]), n=n)


class Facts:
    """A schedule prepared for checking: placements joined with the visit's facts."""

    def __init__(
        self, index: VisitIndex, schedule: Schedule, previous: Schedule | None = None
    ) -> None:
        self.index = index
        self.schedule = schedule
        self.previous = previous
        self.placed: list[Placed] = []
        interpreters = frozenset(index.interpreters)
        for p in schedule:
            occ = index.by_key.get(p.key)
            attendees = frozenset(p.attendees)
            self.placed.append(
                Placed(
                    p,
                    occ,
                    attendees,
                    p.abs_start,
                    p.abs_end,
                    index.needs_interpreter(p.attendees),
                    attendees & interpreters,
                )
            )
        self.placed.sort(key=lambda x: (x.start, x.p.key))

    @cached_property
    def by_person(self) -> dict[str, list[Placed]]:
        """Each person's placements in time order."""
        out: dict[str, list[Placed]] = {pid: [] for pid in self.index.people}
        for x in self.placed:
            for pid in x.attendees:
                out.setdefault(pid, []).append(x)
        return out

    def interpreted(self, pid: str) -> list[Placed]:
        """Placements where interpreter ``pid`` interprets (attends a mixed-language one)."""
        return [x for x in self.by_person.get(pid, []) if x.needs_interpreter]

    def name(self, pid: str) -> str:
        """A participant's name for messages."""
        return self.index.name(pid)

    def side_of(self, pid: str) -> Side | None:
        """The participant's side, if known."""
        person = self.index.people.get(pid)
        return None if person is None else person.side


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a schedule, in words, with the occurrences and people involved."""

    message: str
    keys: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    #: one line per person (or fact) when ``message`` sums several up
    details: tuple[str, ...] = ()


def default_explainer(label: str) -> Explainer:
    """Explain a rule's part of a conflict by its label alone."""

    def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
        return [_(label)]

    return explain


@dataclass(frozen=True)
class HardRule:
    """A rule every schedule must keep.

    ``label`` is marked with ``N_`` and translated where shown (:attr:`title`).
    ``domain`` narrows where occurrences may lie in the model (the solver's
    variables start from the whole visit). ``explain`` words this rule's part
    of an unsatisfiable core (an empty list: nothing worth saying; none: the
    label); its guards are keyed by the rule's name.
    """

    name: str
    label: str
    check: Callable[[Facts], list[Finding]]
    post: Callable[[ModelContext], None]
    explain: Explainer | None = None
    domain: Domain | None = None

    @property
    def title(self) -> str:
        """The label in the current language."""
        return _(self.label)

    def violations(self, facts: Facts) -> list[Violation]:
        """This rule's violations in ``facts``, labelled."""
        return [
            Violation(self.name, self.title, f.message, f.keys, f.people, f.details)
            for f in self.check(facts)
        ]

    def phrases(self, index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
        """This rule's part of a conflict, in words."""
        return (self.explain or default_explainer(self.label))(index, args)


@dataclass(frozen=True)
class SoftTerm:
    """A named term of the objective: its unweighted cost, and the same as a model expression."""

    name: str
    label: str
    cost: Callable[[Facts], int]
    post: Callable[[ModelContext], Any]
    help: str = ""

    @property
    def title(self) -> str:
        """The label in the current language."""
        return _(self.label)


def title_of(index: VisitIndex, key: str) -> str:
    """An occurrence's title in quotes, for messages (its key if unknown)."""
    occ = index.by_key.get(key)
    return f"«{occ.title}»" if occ else key


def held(index: VisitIndex) -> list[Activity]:
    """The activities that must be held: mandatory ones with at least one occurrence."""
    seen: dict[str, Activity] = {}
    for occ in index.occurrences:
        if occ.activity.mandatory:
            seen.setdefault(occ.activity.id, occ.activity)
    return list(seen.values())
