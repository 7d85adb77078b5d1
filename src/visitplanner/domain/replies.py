"""Answers to invitations: who accepted, declined or may come to each occurrence.

A reply is stored with the time it answered (day, start, end of the occurrence
when it was read). It is *current* while the occurrence is still there at that
time with that person attending; once the meeting moves, the answer was about
another time and is only kept for the record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from visitplanner.domain.availability import Level, local_range
from visitplanner.domain.project import Project
from visitplanner.domain.schedule import Placement


class ReplyStatus(StrEnum):
    """An attendee's answer (iCalendar PARTSTAT), in the words of the JSON output."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    NEEDS_ACTION = "needs-action"

    @property
    def mark(self) -> str:
        """The mark shown on calendar blocks: ✓, ? or ✗ (empty while unanswered)."""
        return {"accepted": "✓", "tentative": "?", "declined": "✗"}.get(self.value, "")


@dataclass(frozen=True)
class Reply:
    """``person``'s answer about occurrence ``key``, given when it was at day/start/end."""

    key: str
    person: str
    status: ReplyStatus
    day: int
    start: int
    end: int

    def is_current(self, placement: Placement | None) -> bool:
        """Whether the answer is about the occurrence as it is placed now."""
        return (
            placement is not None
            and placement.key == self.key
            and (placement.day, placement.start, placement.end) == (self.day, self.start, self.end)
            and self.person in placement.attendees
        )


def activity_of(key: str) -> str:
    """The activity id of occurrence ``key`` (``"lunch@2"`` → ``"lunch"``)."""
    base, sep, day = key.rpartition("@")
    return base if sep and day.isdigit() else key


def with_replies(project: Project, replies: list[Reply]) -> Project:
    """``project`` with ``replies`` stored, each replacing any earlier answer of that person."""
    fresh = {(r.key, r.person): r for r in replies}
    kept = tuple(r for r in project.replies if (r.key, r.person) not in fresh)
    ordered = sorted((*kept, *fresh.values()), key=lambda r: (r.key, r.person))
    return replace(project, replies=tuple(ordered))


def current_replies(project: Project) -> list[Reply]:
    """The stored answers that are about the programme as it is now."""
    return [r for r in project.replies if r.is_current(project.schedule.get(r.key))]


def occurrence_marks(project: Project, key: str) -> str:
    """The marks of the current answers for occurrence ``key``, e.g. ``"✓✓✗"`` (or ``""``)."""
    marks = sorted(
        (r.status for r in current_replies(project) if r.key == key),
        key=lambda s: list(ReplyStatus).index(s),
    )
    return "".join(s.mark for s in marks)


def required_declines(project: Project) -> list[Reply]:
    """Current declines by people the activity requires: problems of the programme."""
    out = []
    for r in current_replies(project):
        placement = project.schedule.get(r.key)
        if r.status is not ReplyStatus.DECLINED or placement is None:
            continue
        activity = next(
            (a for a in project.visit.activities if a.id == placement.activity_id), None
        )
        if activity is not None and r.person in activity.required:
            out.append(r)
    return out


def declines_as_unavailability(project: Project, declines: list[Reply]) -> Project:
    """``project`` with each decliner marked unavailable over the time they declined.

    The schedule is kept as it is, so a re-solve starting from it (with the
    "changes" term) moves as little as possible.
    """
    visit = project.visit
    availability = dict(visit.availability)
    for r in declines:
        if not 1 <= r.day <= visit.n_days:
            continue
        rng = local_range(visit.dates[r.day - 1], r.start, r.end, visit.zone, Level.UNAVAILABLE)
        availability[r.person] = visit.availability_of(r.person).painted([rng])
    return replace(project, visit=replace(visit, availability=availability))
