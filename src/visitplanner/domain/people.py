"""Participants of a visit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Side(StrEnum):
    """Which side of the visit a participant is on."""

    HOST = "host"
    VISITOR = "visitor"
    INTERPRETER = "interpreter"
    OBSERVER = "observer"


@dataclass(frozen=True)
class Participant:
    """A person (or a group with one calendar) taking part in the visit."""

    id: str
    name: str
    side: Side
    languages: tuple[str, ...]
    home_zone: str
    organisation: str = ""
    role: str = ""
    email: str = ""
    is_group: bool = False

    def speaks(self, language: str) -> bool:
        """Whether this participant speaks ``language``."""
        return language in self.languages

    @property
    def label(self) -> str:
        """Name with role, as a coordinator would say it."""
        if not self.role or self.role.lower() in self.name.lower():
            return self.name
        return f"{self.name} ({self.role})"
