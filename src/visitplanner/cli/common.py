"""Shared helpers for command-line subcommands."""

from __future__ import annotations

import sys
from pathlib import Path

from visitplanner.domain import Project
from visitplanner.io.demo import demo_path as demo_path
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project

EXIT_OK, EXIT_INFEASIBLE, EXIT_BAD_INPUT = 0, 1, 2
#: A solve that ran out of time before finding any programme (not "impossible").
EXIT_TIMED_OUT = 3
#: Something unexpected went wrong inside Visit Planner (never used for bad input or infeasible).
EXIT_INTERNAL_ERROR = 4


def open_project(path: str | None, demo: bool = False) -> Project | None:
    """Load the project (or the demo); print the reason and return None if refused."""
    target = demo_path() if demo or path is None else Path(path)
    try:
        return load_project(target)
    except InputFileError as exc:
        print(exc.message, file=sys.stderr)
        return None

