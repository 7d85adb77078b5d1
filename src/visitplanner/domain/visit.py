"""The visit: where, when, who, what, and the settings that shape the programme."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from visitplanner.domain.activity import Activity
from visitplanner.domain.availability import Availability
from visitplanner.domain.people import Participant, Side
from visitplanner.i18n import _, format_short_day


@dataclass(frozen=True)
class Venue:
    """A place where activities happen. A ``shared`` venue can host several at once."""

    id: str
    name: str
    address: str = ""
    shared: bool = False
    name_fr: str = ""
    notes: str = ""
    notes_fr: str = ""

    def name_in(self, language: str) -> str:
        """The name in ``language`` (``"fr"`` uses the French name when there is one)."""
        return self.name_fr if language == "fr" and self.name_fr.strip() else self.name

    def notes_in(self, language: str) -> str:
        """The notes in ``language`` (``"fr"`` uses the French notes when there are some)."""
        return self.notes_fr if language == "fr" and self.notes_fr.strip() else self.notes


@dataclass(frozen=True)
class Coordinator:
    """Who organises the visit: the ORGANIZER of invitations (empty when not entered)."""

    name: str = ""
    email: str = ""


@dataclass(frozen=True)
class TravelTimes:
    """Minutes to travel between venues; symmetric unless both directions are given."""

    minutes: Mapping[tuple[str, str], int] = field(default_factory=dict)

    def between(self, origin: str, destination: str) -> int:
        """Travel minutes from ``origin`` to ``destination`` (0 within a venue)."""
        if origin == destination:
            return 0
        if (origin, destination) in self.minutes:
            return self.minutes[(origin, destination)]
        return self.minutes.get((destination, origin), 0)


@dataclass(frozen=True)
class DateWindow:
    """Candidate dates: ``n_days`` consecutive eligible days between ``first`` and ``last``."""

    first: date
    last: date
    n_days: int = 2
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)

    def runs(self) -> list[tuple[date, ...]]:
        """Every run of ``n_days`` consecutive eligible days inside the window."""
        out: list[tuple[date, ...]] = []
        day = self.first
        while day + timedelta(days=self.n_days - 1) <= self.last:
            run = tuple(day + timedelta(days=i) for i in range(self.n_days))
            if all(d.weekday() in self.weekdays for d in run):
                out.append(run)
            day += timedelta(days=1)
        return out


@dataclass(frozen=True)
class Balance:
    """What a balanced programme looks like (minutes)."""

    max_formal_minutes_per_day: int = 240
    host_visitor_target: int = 360
    visitors_only_target: int = 240


@dataclass(frozen=True)
class InterpreterRules:
    """Rest rules for interpreters (minutes)."""

    max_continuous: int = 120
    min_break: int = 15
    max_formal_per_day: int = 360


DEFAULT_WEIGHTS: Mapping[str, int] = {
    "informal_time": 2,
    "formal_balance": 3,
    "formal_spread": 60,
    "optional_attendees": 10,
    "if_need_be": 4,
    "idle_gaps": 1,
    "changes": 50,
}


@dataclass(frozen=True)
class Weights:
    """Weight of each soft term of the objective (by term name)."""

    values: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    def of(self, term: str) -> int:
        """The weight of ``term`` (its default if not set)."""
        return self.values.get(term, DEFAULT_WEIGHTS.get(term, 1))


@dataclass(frozen=True)
class Visit:
    """Everything the coordinator enters about a visit."""

    title: str
    zone: str
    dates: tuple[date, ...]
    participants: tuple[Participant, ...] = ()
    availability: Mapping[str, Availability] = field(default_factory=dict)
    venues: tuple[Venue, ...] = ()
    travel: TravelTimes = field(default_factory=TravelTimes)
    activities: tuple[Activity, ...] = ()
    candidate_dates: DateWindow | None = None
    day_start: int = 7 * 60
    day_end: int = 23 * 60
    slot: int = 5
    balance: Balance = field(default_factory=Balance)
    interpreter_rules: InterpreterRules = field(default_factory=InterpreterRules)
    weights: Weights = field(default_factory=Weights)
    coordinator: Coordinator = field(default_factory=Coordinator)

    @property
    def n_days(self) -> int:
        """Number of days in the visit."""
        return len(self.dates)

    def participant(self, pid: str) -> Participant:
        """The participant with id ``pid``."""
        for p in self.participants:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def activity(self, aid: str) -> Activity:
        """The activity with id ``aid``."""
        for a in self.activities:
            if a.id == aid:
                return a
        raise KeyError(aid)

    def venue(self, vid: str) -> Venue:
        """The venue with id ``vid``."""
        for v in self.venues:
            if v.id == vid:
                return v
        raise KeyError(vid)

    def availability_of(self, pid: str) -> Availability:
        """Availability of ``pid`` (unavailable everywhere if never entered)."""
        return self.availability.get(pid, Availability())

    def people_on(self, side: Side) -> tuple[Participant, ...]:
        """Participants on ``side``."""
        return tuple(p for p in self.participants if p.side is side)

    def day_label(self, day: int) -> str:
        """E.g. ``"day 1 (Tue 2 Jun)"``."""
        if 1 <= day <= len(self.dates):
            d = self.dates[day - 1]
            return _("day {n} ({date})").format(n=day, date=format_short_day(d))
        return _("day {n}").format(n=day)
