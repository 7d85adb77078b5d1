"""A project: the visit plus its current schedule and what was last exported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from visitplanner.domain.schedule import Schedule
from visitplanner.domain.visit import Visit


@dataclass(frozen=True)
class ExportStamp:
    """What an occurrence looked like when last exported to .ics, and its SEQUENCE."""

    fingerprint: str
    sequence: int = 0


@dataclass(frozen=True)
class Project:
    """What a project file holds.

    ``uid`` is fixed when the project is created and makes exported UIDs stable;
    ``exports`` remembers each exported occurrence so that SEQUENCE goes up
    when it changes.
    """

    visit: Visit
    schedule: Schedule = field(default_factory=Schedule)
    uid: str = "visit"
    exports: Mapping[str, ExportStamp] = field(default_factory=dict)
