"""Changes to a project, as pure functions, and the undo command that swaps projects.

Every edit produces a new immutable :class:`Project`; the undo stack keeps the
project before and after each change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QUndoCommand

from visitplanner.domain import Placement, Project, Schedule, Visit

#: The undo-command id of changes that may merge with the previous one (see ``merge_key``).
MERGEABLE_ID = 1


class ProjectCommand(QUndoCommand):
    """One undoable change: swaps the document's project between two values.

    Consecutive commands with the same non-empty ``merge_key`` (e.g. arrow-key
    nudges of one block) merge into one undo step.
    """

    def __init__(
        self,
        apply: Callable[[Project], None],
        before: Project,
        after: Project,
        text: str,
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:
        """:data:`MERGEABLE_ID` when this change may merge with the next one, else -1."""
        return MERGEABLE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        """Absorb ``other`` when it continues the same change (same ``merge_key``)."""
        if not isinstance(other, ProjectCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setText(other.text())
        # Nudged back to where it started: the merged step changes nothing.
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        """Apply the change."""
        self._apply(self.after)

    def undo(self) -> None:
        """Go back to the project before the change."""
        self._apply(self.before)


class ActionTip(QObject):
    """Keeps an action's tooltip as ``template`` filled with a signal's text.

    A child of the action, so the connection ends with the action (a lambda
    would outlive it and fail when the undo stack is cleared on quit).
    """

    def __init__(self, action: QAction, template: str) -> None:
        super().__init__(action)
        self._action = action
        self._template = template

    @Slot(str)
    def show_text(self, text: str) -> None:
        """Put ``text`` into the tooltip (unless the action is already gone)."""
        if shiboken6.isValid(self._action):
            self._action.setToolTip(self._template.format(text=text))


def with_schedule(project: Project, schedule: Schedule) -> Project:
    """The project with a new schedule (kept in time order)."""
    return replace(project, schedule=schedule.sorted())


def with_placement(project: Project, placement: Placement) -> Project:
    """The project with ``placement`` added or replacing the one with its key."""
    return replace(project, schedule=project.schedule.with_placement(placement))


def moved(project: Project, key: str, day: int, start: int) -> Project:
    """The project with occurrence ``key`` moved to ``start`` on ``day``."""
    current = _placement(project, key)
    return with_placement(project, current.moved(day, start))


def resized(project: Project, key: str, end: int) -> Project:
    """The project with occurrence ``key`` ending at ``end``."""
    current = _placement(project, key)
    return with_placement(project, replace(current, end=end))


def pinned(project: Project, key: str, pin: bool) -> Project:
    """The project with occurrence ``key`` pinned (kept by the solver) or not."""
    current = _placement(project, key)
    return with_placement(project, replace(current, pinned=pin))


def unscheduled(project: Project, key: str) -> Project:
    """The project without occurrence ``key`` in the programme."""
    return replace(project, schedule=project.schedule.without(key))


def with_visit(project: Project, visit: Visit) -> Project:
    """The project with an edited visit; placements that no longer fit it are dropped.

    A placement is kept when its activity, day and venue still exist; attendees
    who left the visit are removed from it.
    """
    activities = {a.id for a in visit.activities}
    venues = {v.id for v in visit.venues}
    people = {p.id for p in visit.participants}
    kept: list[Placement] = []
    for p in project.schedule:
        if p.activity_id not in activities or not 1 <= p.day <= visit.n_days:
            continue
        if p.venue not in venues:
            continue
        attendees = tuple(a for a in p.attendees if a in people)
        kept.append(p if attendees == p.attendees else replace(p, attendees=attendees))
    return replace(project, visit=visit, schedule=Schedule(tuple(kept)).sorted())


def _placement(project: Project, key: str) -> Placement:
    found = project.schedule.get(key)
    if found is None:
        raise KeyError(f"'{key}' is not in the programme")
    return found
