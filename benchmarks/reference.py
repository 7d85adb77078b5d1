"""The best score we can find for a generated visit with a long search (the yardstick).

Run: ``python benchmarks/reference.py DAYS PEOPLE ACTIVITIES VENUES INTERPRETERS DENSITY
SEED [SECONDS [WORKERS]]`` (default 600 s on every core). Prints the best score over
time, then the final ``reference-score`` and ``reference-bound`` lines: the yardstick the
README's goal table compares 10-second scores against.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.visits import generate_visit
from visitplanner.solver.result import Progress, SolveOptions
from visitplanner.solver.solve import solve


def main(argv: list[str]) -> int:
    """Search one generated visit for a long time and print the best score found."""
    if len(argv) < 7:
        print(__doc__, file=sys.stderr)
        return 2
    days, people, activities, venues, interpreters = (int(a) for a in argv[:5])
    density, seed = float(argv[5]), int(argv[6])
    seconds = float(argv[7]) if len(argv) > 7 else 600.0
    workers = int(argv[8]) if len(argv) > 8 else 0
    visit = generate_visit(days, people, activities, venues, interpreters, density, seed=seed).visit
    started = time.monotonic()

    def progress(p: Progress) -> None:
        print(f"{time.monotonic() - started:7.1f} s: score {p.objective}", flush=True)

    result = solve(visit, SolveOptions(time_limit=seconds, workers=workers), on_progress=progress)
    name = f"d{days}-p{people}-a{activities}-s{seed}"
    print(f"{name}-reference-score: {result.objective} points ({result.status.value})")
    print(f"{name}-reference-bound: {result.bound} points")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
