"""Import busy time from people's calendars (.ics events, free/busy, availability).

``import_calendars`` reads files, ``read_calendar_bytes`` reads one file in
memory; both return merged :class:`BusyInterval` objects clipped to a window of
days in the person's home zone, or raise ``InputFileError`` naming the file.
``to_availability_ranges`` turns them into ranges to paint over an
``Availability``.
"""

from visitplanner.io.ics_import.api import import_calendars, read_calendar_bytes
from visitplanner.io.ics_import.merge import to_availability_ranges
from visitplanner.io.ics_import.model import (
    MAX_EVENTS,
    MAX_FILE_BYTES,
    MAX_OCCURRENCES,
    BusyInterval,
)

__all__ = [
    "MAX_EVENTS",
    "MAX_FILE_BYTES",
    "MAX_OCCURRENCES",
    "BusyInterval",
    "import_calendars",
    "read_calendar_bytes",
    "to_availability_ranges",
]
