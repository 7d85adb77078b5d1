"""What a rule is: a named unit with a plain-language label, a check and a model part.

Each hard rule both *checks* a given schedule (listing violations in words) and
*posts* its constraints into the CP-SAT model; each soft term both *costs* a
schedule and *posts* the same cost as a model expression. Solver and checker
therefore share one definition of every rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from visitplanner.domain import Activity, Placement, Schedule, Side
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.solver.checker import Violation
from visitplanner.solver.model import ModelContext


@dataclass(frozen=True)
class Placed:
    """A placement with what the rules need to know about it."""

    p: Placement
    occ: Occurrence | None
    attendees: frozenset[str]
    start: int
    end: int
    needs_interpreter: bool

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
        return f"day {self.p.day} {hhmm(self.p.start)}-{hhmm(self.p.end)}"


class Facts:
    """A schedule prepared for checking: placements joined with the visit's facts."""

    def __init__(
        self, index: VisitIndex, schedule: Schedule, previous: Schedule | None = None
    ) -> None:
        self.index = index
        self.schedule = schedule
        self.previous = previous
        self.placed: list[Placed] = []
        for p in schedule:
            occ = index.by_key.get(p.key)
            attendees = frozenset(p.attendees)
            self.placed.append(
                Placed(
                    p, occ, attendees, p.abs_start, p.abs_end, index.needs_interpreter(p.attendees)
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


@dataclass(frozen=True)
class HardRule:
    """A rule every schedule must keep."""

    name: str
    label: str
    check: Callable[[Facts], list[Finding]]
    post: Callable[[ModelContext], None]

    def violations(self, facts: Facts) -> list[Violation]:
        """This rule's violations in ``facts``, labelled."""
        return [
            Violation(self.name, self.label, f.message, f.keys, f.people) for f in self.check(facts)
        ]


@dataclass(frozen=True)
class SoftTerm:
    """A named term of the objective: its unweighted cost, and the same as a model expression."""

    name: str
    label: str
    cost: Callable[[Facts], int]
    post: Callable[[ModelContext], Any]
    help: str = ""
