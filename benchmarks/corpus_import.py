"""Benchmark: import every file of the shared real-world .ics corpus.

Window: 1996-01-01 to 2026-12-31 in Europe/London. That covers the dates of
the corpus's events (1996-2026) so they are really expanded, while the
unbounded rules it contains (weekly meetings, RFC 7953 weekday availability,
yearly zone rules) stay at a few thousand repeats each; a wider window would
mostly measure how fast the same weekly meeting is repeated for decades.
Refused files count too: refusing quickly is part of importing.
"""

from __future__ import annotations

import contextlib
import time
from datetime import date
from pathlib import Path

from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import import_calendars

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "ics-corpus"
WINDOW = (date(1996, 1, 1), date(2026, 12, 31))
ZONE = "Europe/London"


def measure() -> list[tuple[str, float, str]]:
    """Seconds to import (or refuse) all corpus files, one call per file."""
    files = sorted(CORPUS.rglob("*.ics"))
    if not files:
        raise FileNotFoundError(f"no .ics files under {CORPUS}")
    began = time.perf_counter()
    for path in files:
        with contextlib.suppress(InputFileError):
            import_calendars([path], ZONE, *WINDOW)
    return [("corpus-import", time.perf_counter() - began, "s")]


if __name__ == "__main__":
    for name, value, unit in measure():
        print(f"{name}: {value:.3f} {unit}")
