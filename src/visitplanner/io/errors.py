"""The one error type for files a user opens or imports."""

from __future__ import annotations

from pathlib import Path

from visitplanner.i18n import _


class InputFileError(Exception):
    """A file was refused: says which file, where in it, and what is wrong."""

    def __init__(self, file: str | Path, place: str, problem: str) -> None:
        self.file = str(file)
        self.place = place
        self.problem = problem
        where = f" ({place})" if place else ""
        # Worded when raised, in the language of the moment (as the problem is).
        self._message = _("Could not open {name}{where}: {problem}").format(
            name=Path(self.file).name, where=where, problem=problem
        )
        super().__init__(self._message)

    @property
    def message(self) -> str:
        """A sentence for the coordinator."""
        return self._message


def cannot_read(reason: str) -> str:
    """The problem of a file the system would not let us read (``reason`` from the system)."""
    return _("the file cannot be read ({reason})").format(reason=reason)
