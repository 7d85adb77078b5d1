"""Entering availability (per-person grid, who-is-free overview, imports) and choosing dates."""

from visitplanner.ui.availability.editor import AvailabilityEditor

__all__ = ["AvailabilityEditor"]
