"""Choosing the dates: time to rank every run of the demo's three-week candidate window.

``dates-rank`` ranks the bundled demo as it is. ``dates-rank-calendars`` ranks
it with everyone's calendar across the window (tools/demo_calendars.py), where
three runs need a real solve; it is left out if that file is missing.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from dataclasses import replace
from pathlib import Path

from visitplanner.domain import Visit
from visitplanner.io.project import load_project
from visitplanner.solver.dates import rank_dates

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "visitplanner" / "resources" / "demo" / "paris-pb-visit.json"
CALENDARS = ROOT / "tools" / "demo_calendars.py"
TIME_LIMIT = 2.0


def _rank_time(visit: Visit, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        options = rank_dates(visit, time_limit=TIME_LIMIT)
        times.append(time.perf_counter() - started)
        if not options or not options[0].feasible:
            raise SystemExit("no run of the demo's candidate dates fits")
    return statistics.median(times)


def _with_calendars(visit: Visit) -> Visit | None:
    spec = importlib.util.spec_from_file_location("demo_calendars", CALENDARS)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return replace(visit, availability=module.with_window_calendars(visit.availability))


def measure() -> list[tuple[str, float, str]]:
    """``dates-rank`` (median of 3, 2 s per solve) and ``dates-rank-calendars`` (median of 3)."""
    visit = load_project(DEMO).visit
    figures = [("dates-rank", _rank_time(visit, 3), "s")]
    if CALENDARS.exists():
        enriched = _with_calendars(visit)
        if enriched is not None:
            figures.append(("dates-rank-calendars", _rank_time(enriched, 3), "s"))
    return figures


if __name__ == "__main__":
    for name, value, unit in measure():
        print(f"{name}: {value:.3f} {unit}")
