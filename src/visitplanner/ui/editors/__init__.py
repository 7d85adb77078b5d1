"""Editors for the visit: people, venues and travel, activities, and visit settings."""

from visitplanner.ui.editors.activities import ActivitiesEditor
from visitplanner.ui.editors.people import PeopleEditor
from visitplanner.ui.editors.settings import VisitSettingsEditor
from visitplanner.ui.editors.venues import VenuesEditor

__all__ = ["ActivitiesEditor", "PeopleEditor", "VenuesEditor", "VisitSettingsEditor"]
