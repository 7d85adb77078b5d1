"""The one error type for files a user opens or imports."""

from __future__ import annotations

from pathlib import Path


class InputFileError(Exception):
    """A file was refused: says which file, where in it, and what is wrong."""

    def __init__(self, file: str | Path, place: str, problem: str) -> None:
        self.file = str(file)
        self.place = place
        self.problem = problem
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """A sentence for the coordinator."""
        where = f" ({self.place})" if self.place else ""
        return f"Could not open {Path(self.file).name}{where}: {self.problem}"
