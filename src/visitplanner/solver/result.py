"""What a solve returns: a status, never an exception."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from visitplanner.domain import Schedule
from visitplanner.i18n import N_, _

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


@dataclass(frozen=True)
class Progress:
    """An improving schedule found while solving."""

    schedule: Schedule
    objective: int
    bound: float
    elapsed: float
    solutions: int


@dataclass(frozen=True)
class SolveResult:
    """The outcome of a solve.

    ``terms`` gives each soft term's weighted penalty (summing to ``objective``).
    ``explanation`` says in words why no schedule exists (when infeasible).
    """

    status: Status
    schedule: Schedule | None = None
    objective: int | None = None
    bound: float | None = None
    terms: Mapping[str, int] = field(default_factory=dict)
    explanation: tuple[str, ...] = ()
    elapsed: float = 0.0

    @property
    def message(self) -> str:
        """One line for a status bar."""
        if self.status is Status.INFEASIBLE:
            first = self.explanation[0] if self.explanation else _("no schedule fits every rule")
            return _("No schedule is possible: {reason}").format(reason=first)
        if self.status is Status.ERROR:
            return self.explanation[0] if self.explanation else _("The planner failed")
        if self.schedule is None:
            return _("No schedule found ({status} after {seconds} s)").format(
                status=_(self.status.value), seconds=f"{self.elapsed:.1f}"
            )
        proof = _("best possible") if self.status is Status.OPTIMAL else _(self.status.value)
        return _("Schedule found ({proof}), score {score} in {seconds} s").format(
            proof=proof, score=self.objective, seconds=f"{self.elapsed:.1f}"
        )


@dataclass(frozen=True)
class SolveOptions:
    """Settings for one solve.

    Pinned placements of ``previous`` are kept exactly; with ``keep_previous``
    the rest are changed as little as possible. With ``reproducible`` (the
    default) the same seed always gives the same programme; one worker is the
    fastest reproducible choice for visits of the Paris size.
    """

    time_limit: float = 30.0
    seed: int = 0
    workers: int = 1
    reproducible: bool = True
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
