"""The visit model: pure, typed Python with no GUI, solver or file-format imports."""

from visitplanner.domain.activity import Activity, Kind, MinAttendance, Window
from visitplanner.domain.availability import Availability, AvailabilityRange, Level
from visitplanner.domain.people import Participant, Side
from visitplanner.domain.project import Project
from visitplanner.domain.schedule import Placement, Schedule
from visitplanner.domain.visit import (
    Balance,
    DateWindow,
    InterpreterRules,
    TravelTimes,
    Venue,
    Visit,
    Weights,
)

__all__ = [
    "Activity",
    "Availability",
    "AvailabilityRange",
    "Balance",
    "DateWindow",
    "InterpreterRules",
    "Kind",
    "Level",
    "MinAttendance",
    "Participant",
    "Placement",
    "Project",
    "Schedule",
    "Side",
    "TravelTimes",
    "Venue",
    "Visit",
    "Weights",
    "Window",
]
