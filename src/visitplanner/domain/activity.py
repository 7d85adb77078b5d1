"""Activities: the formal meetings and informal time wanted during the visit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from visitplanner.domain.clock import hhmm
from visitplanner.i18n import _


class Kind(StrEnum):
    """Formal meeting or informal time together."""

    FORMAL = "formal"
    INFORMAL = "informal"


@dataclass(frozen=True)
class Window:
    """When an activity may happen: ``start``-``end`` (minutes from midnight).

    ``day`` is 1-based; ``None`` means every day of the visit.
    """

    start: int
    end: int
    day: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= 1440:
            raise ValueError(
                _("window {start}-{end} is not a time span").format(
                    start=hhmm(self.start), end=hhmm(self.end)
                )
            )

    @property
    def label(self) -> str:
        """E.g. ``"day 2, 13:00-16:30"`` or ``"each day, 07:30-09:00"``."""
        span = f"{hhmm(self.start)}-{hhmm(self.end)}"
        if self.day is None:
            return _("each day, {span}").format(span=span)
        return _("day {n}, {span}").format(n=self.day, span=span)


@dataclass(frozen=True)
class MinAttendance:
    """At least ``at_least`` of the people in ``among`` must attend."""

    among: tuple[str, ...]
    at_least: int
    label: str = "people"


@dataclass(frozen=True)
class Activity:
    """A meeting or block of informal time to place in the programme.

    ``required`` people must attend; ``optional`` people join if they are free
    (each who joins is a gain). With ``per_day`` the activity happens once on
    each day its windows allow (breakfast each day). ``mandatory`` activities
    must be held; others are held only if they fit. ``interpreters`` is how many
    interpreters it needs when its people share no language: 1, or 2 taking turns.
    """

    id: str
    title: str
    kind: Kind
    min_length: int
    max_length: int
    windows: tuple[Window, ...]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    min_attendance: tuple[MinAttendance, ...] = ()
    venues: tuple[str, ...] = ()
    per_day: bool = False
    mandatory: bool = True
    notes: str = ""
    title_fr: str = ""
    notes_fr: str = ""
    interpreters: int = 1

    def __post_init__(self) -> None:
        if self.interpreters not in (1, 2):
            raise ValueError(_("'{title}' needs 1 or 2 interpreters").format(title=self.title))
        if self.min_length <= 0 or self.max_length < self.min_length:
            raise ValueError(
                _("'{title}': length must be positive and the maximum at least the minimum").format(
                    title=self.title
                )
            )
        if not self.windows:
            raise ValueError(_("'{title}' has no time window").format(title=self.title))

    @property
    def invited(self) -> tuple[str, ...]:
        """Everyone who may attend: required first, then optional."""
        return self.required + tuple(p for p in self.optional if p not in self.required)

    def title_in(self, language: str) -> str:
        """The title in ``language`` (``"fr"`` uses the French title when there is one)."""
        return self.title_fr if language == "fr" and self.title_fr.strip() else self.title

    def notes_in(self, language: str) -> str:
        """The notes in ``language`` (``"fr"`` uses the French notes when there are some)."""
        return self.notes_fr if language == "fr" and self.notes_fr.strip() else self.notes

    @property
    def is_formal(self) -> bool:
        """Whether this is a formal meeting."""
        return self.kind is Kind.FORMAL
