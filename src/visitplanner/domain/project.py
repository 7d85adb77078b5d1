"""A project: the visit plus its current schedule."""

from __future__ import annotations

from dataclasses import dataclass, field

from visitplanner.domain.schedule import Schedule
from visitplanner.domain.visit import Visit


@dataclass(frozen=True)
class Project:
    """What a project file holds."""

    visit: Visit
    schedule: Schedule = field(default_factory=Schedule)
