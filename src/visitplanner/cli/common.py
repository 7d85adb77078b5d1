"""Shared helpers for command-line subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from visitplanner.domain import Project
from visitplanner.i18n import _
from visitplanner.io.demo import demo_path as demo_path
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project

EXIT_OK, EXIT_INFEASIBLE, EXIT_BAD_INPUT = 0, 1, 2
#: A solve that ran out of time before finding any programme (not "impossible").
EXIT_TIMED_OUT = 3
#: Something unexpected went wrong inside Visit Planner (never used for bad input or infeasible).
EXIT_INTERNAL_ERROR = 4
#: Stopped with Ctrl+C (the shell convention, 128 + SIGINT).
EXIT_STOPPED = 130


def refuse(message: str) -> int:
    """Print why the input is refused; the bad-input exit code."""
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def open_project(path: str | None, demo: bool = False) -> Project | None:
    """Load the project (or the demo); print the reason and return None if refused."""
    target = demo_path() if demo or path is None else Path(path)
    try:
        return load_project(target)
    except InputFileError as exc:
        print(exc.message, file=sys.stderr)
        return None


def run_guarded(command: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run ``command``; a refused file exits 2, anything unexpected exits 4 without a traceback.

    Exit codes: 0 done, 1 infeasible or a rule broken, 2 bad input (a file
    refused, an argument wrong, an output that cannot be written), 3 timed out
    with no programme, 4 an internal error (a bug: the message asks to report it).
    """
    try:
        return int(command(args))
    except InputFileError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        reason = exc.strerror or str(exc)
        print(
            _("Could not read or write a file{where}: {reason}").format(where=where, reason=reason),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return EXIT_STOPPED
    except Exception as exc:  # the last line of defence: a short message, no traceback
        text = " ".join(str(exc).split())[:200]
        print(
            _("Internal error in Visit Planner ({kind}: {text}). Please report it.").format(
                kind=type(exc).__name__, text=text
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
