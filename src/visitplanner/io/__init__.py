"""Reading and writing files: project files (JSON) and calendars (.ics)."""
