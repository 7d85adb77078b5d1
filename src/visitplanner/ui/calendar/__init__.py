"""The programme calendar (days side by side) and the people lanes view."""

from visitplanner.ui.calendar.people import PeopleView
from visitplanner.ui.calendar.scene import CalendarScene
from visitplanner.ui.calendar.view import CalendarView

__all__ = ["CalendarScene", "CalendarView", "PeopleView"]
