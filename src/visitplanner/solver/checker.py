"""The rule checker: every broken hard rule and every soft cost of a given schedule.

Uses the same rule catalogue as the solver, so both speak with the same labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.index import VisitIndex


@dataclass(frozen=True)
class Violation:
    """A broken hard rule: which rule, and what exactly is wrong."""

    rule: str
    label: str
    message: str
    keys: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    #: One line per person (or per fact) when ``message`` sums several up, for an expandable list.
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """The checker's verdict on a schedule."""

    violations: tuple[Violation, ...] = ()
    costs: Mapping[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether every hard rule holds."""
        return not self.violations

    @property
    def total_cost(self) -> int:
        """The weighted soft score (lower is better), as the solver's objective."""
        return sum(self.costs.values())

    def for_key(self, key: str) -> tuple[Violation, ...]:
        """Violations that involve occurrence ``key``."""
        return tuple(v for v in self.violations if key in v.keys)


class Checker:
    """Checks schedules of one visit; build once, call :meth:`check` on every move."""

    def __init__(self, visit: Visit) -> None:
        self.index = VisitIndex(visit)

    def check(self, schedule: Schedule, previous: Schedule | None = None) -> CheckReport:
        """Every broken hard rule and each soft term's weighted cost.

        With ``previous``, pinned placements must be unchanged and moves are counted.
        """
        from visitplanner.solver.rules import check_all

        return check_all(self.index, schedule, previous)


def check(visit: Visit, schedule: Schedule, previous: Schedule | None = None) -> CheckReport:
    """Check ``schedule`` against ``visit`` (builds the index; prefer :class:`Checker`)."""
    return Checker(visit).check(schedule, previous)
