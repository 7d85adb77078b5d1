"""What a solve returns: a status, never an exception."""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from visitplanner.domain import Schedule
from visitplanner.i18n import N_, _, format_seconds

# the statuses as words, for translation catalogues (shown with ``_(status.value)``)
_STATUS_WORDS = (
    N_("optimal"),
    N_("feasible"),
    N_("infeasible"),
    N_("stopped"),
    N_("timed out"),
    N_("error"),
)


class Status(StrEnum):
    """How a solve ended."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    STOPPED = "stopped"
    TIMED_OUT = "timed out"
    #: something went wrong inside the planner (e.g. its programme failed its own check)
    ERROR = "error"

    @property
    def has_schedule(self) -> bool:
        """Whether a schedule may come with this status."""
        return self in (Status.OPTIMAL, Status.FEASIBLE, Status.STOPPED, Status.TIMED_OUT)


def gap_percent(objective: int | None, bound: float | None) -> float | None:
    """How far the score may be from the best possible, in % of the score (None if unknown).

    The best possible score lies between ``bound`` and ``objective``; 0 means proven best,
    100 that nothing is proven yet (every cost is at least 0, so a bound below 0 says nothing).
    """
    if objective is None or bound is None:
        return None
    best = max(0, math.ceil(bound - 1e-6))  # scores are whole numbers, never below 0
    if objective <= best:
        return 0.0
    return 100.0 * (objective - best) / max(1, abs(objective))


def quality_text(objective: int | None, bound: float | None, proven: bool = False) -> str:
    """``"best possible"`` or ``"within 12 % of the best possible"`` (rounded up, honest)."""
    gap = 0.0 if proven else gap_percent(objective, bound)
    if gap is None or gap >= 100:
        return _("how close to the best possible is not known yet")
    if gap == 0:
        return _("best possible")
    return _("within {percent} % of the best possible").format(percent=max(1, math.ceil(gap)))


@dataclass(frozen=True)
class Progress:
    """An improving schedule found while solving, with the best bound known then."""

    schedule: Schedule
    objective: int
    bound: float
    elapsed: float
    solutions: int

    @property
    def gap(self) -> float | None:
        """How far this score may be from the best possible, in % (see :func:`gap_percent`)."""
        return gap_percent(self.objective, self.bound)

    @property
    def quality(self) -> str:
        """E.g. ``"within 12 % of the best possible"``."""
        return quality_text(self.objective, self.bound)


@dataclass(frozen=True)
class SolveResult:
    """The outcome of a solve.

    ``terms`` gives each soft term's weighted penalty (summing to ``objective``).
    ``explanation`` says in words why no schedule exists (when infeasible).
    ``bound`` is the best score the solver proved possible; ``time_limit`` the limit it had.
    With ``few_changes`` the score counts each activity moved from the previous programme,
    so "best possible" is the best trade-off with changes, not the best programme.
    """

    status: Status
    schedule: Schedule | None = None
    objective: int | None = None
    bound: float | None = None
    terms: Mapping[str, int] = field(default_factory=dict)
    explanation: tuple[str, ...] = ()
    elapsed: float = 0.0
    time_limit: float = 0.0
    few_changes: bool = False

    @property
    def gap(self) -> float | None:
        """How far the score may be from the best possible, in % (0 when proven best)."""
        if self.status is Status.OPTIMAL:
            return 0.0
        return gap_percent(self.objective, self.bound)

    @property
    def quality(self) -> str:
        """``"best possible"`` or ``"within X % of the best possible"``."""
        return quality_text(self.objective, self.bound, self.status is Status.OPTIMAL)

    @property
    def message(self) -> str:
        """One line for a status bar."""
        if self.status is Status.INFEASIBLE:
            first = self.explanation[0] if self.explanation else _("no schedule fits every rule")
            return _("No schedule is possible: {reason}").format(reason=first)
        if self.status is Status.ERROR:
            return self.explanation[0] if self.explanation else _("The planner failed")
        if self.schedule is None:
            if self.status is Status.TIMED_OUT:
                return self.timed_out_text
            return _("No schedule found (stopped after {seconds} s)").format(
                seconds=format_seconds(self.elapsed)
            )
        found = _("Schedule found ({quality}), score {score} in {seconds} s")
        if self.few_changes:
            found = _(
                "Schedule found with as few changes as possible ({quality}), "
                "score {score} in {seconds} s"
            )
        return found.format(
            quality=self.quality, score=self.objective, seconds=format_seconds(self.elapsed)
        )

    @property
    def timed_out_text(self) -> str:
        """What to say when time ran out before any programme was found."""
        limit = self.time_limit or self.elapsed
        return _("No programme found within {seconds} s — try a longer time limit").format(
            seconds=f"{limit:g}"
        )


@dataclass(frozen=True)
class SolveOptions:
    """Settings for one solve.

    Pinned placements of ``previous`` are kept exactly; with ``keep_previous``
    the rest are changed as little as possible, without it the search goes on from
    ``previous`` and never ends with a worse programme. ``workers`` 0 (the default)
    searches on every core. With ``reproducible`` the same seed always gives the
    same programme (one worker, or ``workers`` interleaved in one thread, and no
    day-by-day improvement, whose steps end on the clock): for tests and for
    comparing runs.
    """

    time_limit: float = 30.0
    seed: int = 0
    workers: int = 0
    reproducible: bool = False
    previous: Schedule | None = None
    keep_previous: bool = True


class StopSignal:
    """Ask a running solve to stop (thread-safe)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def stop(self) -> None:
        """Request the stop."""
        self._event.set()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a stop request; whether one came."""
        return self._event.wait(timeout)

    @property
    def requested(self) -> bool:
        """Whether a stop was requested."""
        return self._event.is_set()
