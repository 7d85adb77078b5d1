"""A project: the visit plus its current schedule and what was last exported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visitplanner.domain.schedule import Schedule
from visitplanner.domain.visit import Visit

if TYPE_CHECKING:
    from visitplanner.domain.replies import Reply


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
    when it changes. ``replies`` and ``invited`` record invitations and answers.
    """

    visit: Visit
    schedule: Schedule = field(default_factory=Schedule)
    uid: str = "visit"
    exports: Mapping[str, ExportStamp] = field(default_factory=dict)
    #: Answers to invitations (see :mod:`visitplanner.domain.replies`).
    replies: tuple[Reply, ...] = ()
    #: Who was last invited to each occurrence (so that a re-invite can cancel).
    invited: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
