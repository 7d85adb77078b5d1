"""The rule checker: every broken hard rule and every soft cost of a given schedule.

Uses the same rule catalogue as the solver, so both speak with the same labels.
Pure Python: checking a schedule (every drag) never imports OR-Tools.
"""

from __future__ import annotations

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.report import CheckReport, Violation
from visitplanner.solver.rules import check_all


class Checker:
    """Checks schedules of one visit; build once, call :meth:`check` on every move."""

    def __init__(self, visit: Visit) -> None:
        self.index = VisitIndex(visit)

    def check(self, schedule: Schedule, previous: Schedule | None = None) -> CheckReport:
        """Every broken hard rule and each soft term's weighted cost.

        With ``previous``, pinned placements must be unchanged and moves are counted.
        """
        return check_all(self.index, schedule, previous)


def check(visit: Visit, schedule: Schedule, previous: Schedule | None = None) -> CheckReport:
    """Check ``schedule`` against ``visit`` (builds the index; prefer :class:`Checker`)."""
    return Checker(visit).check(schedule, previous)


__all__ = ["CheckReport", "Checker", "Violation", "check"]
