"""Shared types of the calendar import: busy intervals, the window, limits, refusals."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

from visitplanner.domain import Level
from visitplanner.i18n import _, format_count

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Files larger than this are refused before being read (sifting 16 MB takes about 1 s)."""

MAX_PARSED_LINES = 25_000
"""Most lines (in or near the window, after sifting) handed to icalendar: about 1 s of parsing."""

MAX_PARSED_BYTES = 2 * 1024 * 1024
"""Most text (in or near the window, after sifting) handed to icalendar."""

MAX_OCCURRENCES = 200_000
"""Most event occurrences (after expanding repeats) worked out per file within the window."""

MAX_EVENTS = 2_000
"""Most events a file may hold within (or near) the window."""

MAX_RULE_STEPS = 250_000
"""Most steps a repeat rule may take from its first occurrence to the end of the window."""

MAX_FILE_STEPS = 1_000_000
"""Most steps all the repeat rules of a file may take together."""

MAX_SECONDS = 2.0
"""Work on one file stops (and the file is refused) after this much processor time."""

FIRST_YEAR, LAST_YEAR = 1900, 2999
"""Years a window of dates may cover (as in project files)."""

SEARCH_YEARS = 30
"""A repeat rule is not searched more than this many years past the window."""


@dataclass(frozen=True)
class BusyInterval:
    """A stretch of busy time: ``start`` and ``end`` are time-zone aware."""

    start: datetime
    end: datetime
    level: Level


class RefusalError(Exception):
    """Internal: why a file is refused, and where (turned into an InputFileError)."""

    def __init__(self, place: str, problem: str) -> None:
        super().__init__(problem)
        self.place = place
        self.problem = problem


@dataclass(frozen=True)
class ImportWindow:
    """The dates asked for, in the person's home zone."""

    zone: str
    first_day: date
    last_day: date

    @property
    def tz(self) -> ZoneInfo:
        """The person's zone."""
        return ZoneInfo(self.zone)

    @property
    def start(self) -> datetime:
        """Midnight at the start of ``first_day``."""
        return datetime.combine(self.first_day, clock_time(0), self.tz)

    @property
    def end(self) -> datetime:
        """Midnight at the end of ``last_day`` (exclusive)."""
        return datetime.combine(self.last_day + timedelta(days=1), clock_time(0), self.tz)

    @property
    def query_start(self) -> datetime:
        """A day before the window, so nothing at its edges is missed."""
        return self.start - timedelta(days=1)

    @property
    def query_end(self) -> datetime:
        """A day after the window."""
        return self.end + timedelta(days=1)


@dataclass
class Budget:
    """Counts work done on one file, and refuses it when a limit is passed."""

    max_occurrences: int = MAX_OCCURRENCES
    max_seconds: float = MAX_SECONDS
    occurrences: int = 0
    started: float = field(default_factory=time.thread_time)
    notes: list[str] = field(default_factory=list)

    expected: float = 0.0

    steps: float = 0.0

    def expect(self, cost: tuple[float, float], what: str) -> None:
        """Add upper bounds of the rule steps and repeats of ``what``; refuse if too many."""
        self.steps += cost[0]
        self.expected += cost[1]
        if self.steps > MAX_FILE_STEPS:
            raise RefusalError(
                "",
                _(
                    "its repeating events take too long to work out "
                    "(the last one counted was {what})"
                ).format(what=what),
            )
        if self.expected > self.max_occurrences:
            self._too_many(what)

    def spend(self, what: str) -> None:
        """Count one occurrence of ``what``; refuse if over the limits."""
        self.occurrences += 1
        if self.occurrences > self.max_occurrences:
            self._too_many(what)
        if self.occurrences % 256 == 0:
            self.check_time()

    def _too_many(self, what: str) -> None:
        raise RefusalError(
            "",
            _(
                "it has more than {n} events and repeats in the chosen dates (the last "
                "one counted was {what}); export a shorter period or a calendar with fewer "
                "repeats"
            ).format(n=format_count(self.max_occurrences), what=what),
        )

    def check_time(self) -> None:
        """Refuse if working on this file has taken too long."""
        if time.thread_time() - self.started > self.max_seconds:
            raise RefusalError(
                "",
                _(
                    "working out its events took longer than {n:.0f} seconds; "
                    "export a shorter period"
                ).format(n=self.max_seconds),
            )
