"""Venue names for rule messages (shared by the rules about venues and travel)."""

from __future__ import annotations

from visitplanner.i18n import _
from visitplanner.solver.rules.base import Facts


def venue_name(facts: Facts, vid: str) -> str:
    """A venue's name, or its id when unknown."""
    try:
        return facts.index.visit.venue(vid).name
    except KeyError:
        return vid or _("no venue")


def is_shared(facts: Facts, vid: str) -> bool:
    """Whether the venue may host several activities at once."""
    try:
        return facts.index.visit.venue(vid).shared
    except KeyError:
        return False
