"""Fuzz for N minutes: mutated projects and calendars, and the command line on them.

    PYTHONPATH=src python benchmarks/fuzz.py --minutes 10 [--seed 1] [--save DIR]

Uses the mutations and checks of the standing suite (tests/fuzz). Each input
runs in a worker process; an input that gets no answer within --hang-seconds
is a hang (the worker is restarted), an exception other than a refusal, a
broken round trip or a command exiting outside 0-3 or printing a traceback is a
crash. Prints ``inputs, refused, accepted, crashes, hangs, worst-seconds,
worst-MB`` (worst-MB: the worker's peak resident memory). Crashing and hanging
inputs are written to --save for replay.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "src"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from tests.fuzz.corpus import corpus_files  # noqa: E402
from tests.fuzz.mutate import RandomChooser, mutate_calendar, mutate_project  # noqa: E402
from tests.fuzz.seeds import project_seeds  # noqa: E402

KINDS = ("project", "project", "calendar", "calendar", "cli-project", "cli-calendar")


def _work(conn: Connection) -> None:
    """Worker: run each (kind, bytes) it is sent; answer (outcome, seconds, peak MB, detail)."""
    from tests.fuzz import oracle

    folder = Path(tempfile.mkdtemp(prefix="vp-fuzz-"))
    while True:
        try:
            kind, raw, solve = conn.recv()
        except EOFError:
            return
        began = time.perf_counter()
        detail = ""
        try:
            if kind == "project":
                outcome = oracle.check_project_bytes(raw)
            elif kind == "calendar":
                outcome = oracle.check_calendar_bytes(raw)
            elif kind == "cli-project":
                oracle.check_cli_on_project(raw, folder, solve=solve)
                outcome = "accepted"
            else:
                oracle.check_cli_on_calendar(raw, folder)
                outcome = "accepted"
        except BaseException as exc:  # every failure is reported, whatever it is
            outcome = "crash"
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()[:300]
        seconds = time.perf_counter() - began
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send((outcome, seconds, peak_mb, detail))


class _Worker:
    def __init__(self) -> None:
        self.conn, child = mp.Pipe()
        self.process = mp.get_context("fork").Process(target=_work, args=(child,), daemon=True)
        self.process.start()

    def run(self, job: tuple[str, bytes, bool], timeout: float) -> tuple[str, float, float, str]:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            return "hang", timeout, 0.0, f"no answer within {timeout:.0f} s"
        try:
            answer: tuple[str, float, float, str] = self.conn.recv()
        except EOFError:
            return "crash", 0.0, 0.0, f"the worker died (exit code {self.process.exitcode})"
        return answer

    def stop(self) -> None:
        self.process.kill()
        self.process.join()


def _job(rng: random.Random, seeds: tuple[str, ...], calendars: tuple[Path, ...]) -> Any:
    chooser = RandomChooser(rng)
    kind = rng.choice(KINDS)
    if kind.endswith("project"):
        raw = mutate_project(rng.choice(seeds), chooser)
    else:
        raw = mutate_calendar(rng.choice(calendars).read_bytes(), chooser)
    return kind, raw, kind == "cli-project" and rng.random() < 0.1


def run(minutes: float, seed: int, hang_seconds: float, save: Path | None) -> dict[str, Any]:
    """Fuzz for ``minutes``; the figures."""
    rng = random.Random(seed)
    seeds, calendars = project_seeds(), corpus_files()
    counts = {"inputs": 0, "refused": 0, "accepted": 0, "crashes": 0, "hangs": 0}
    worst_seconds = worst_mb = 0.0
    failures: dict[str, int] = {}
    worker = _Worker()
    end = time.monotonic() + minutes * 60
    try:
        while time.monotonic() < end:
            job = _job(rng, seeds, calendars)
            outcome, seconds, mb, detail = worker.run(job, hang_seconds)
            counts["inputs"] += 1
            worst_seconds, worst_mb = max(worst_seconds, seconds), max(worst_mb, mb)
            if outcome in ("refused", "accepted"):
                counts[outcome] += 1
                continue
            counts["crashes" if outcome == "crash" else "hangs"] += 1
            failures[detail] = failures.get(detail, 0) + 1
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{outcome}-{counts['inputs']}-{job[0]}.bin").write_bytes(job[1])
            if outcome == "hang" or not worker.process.is_alive():
                worker.stop()
                worker = _Worker()
    finally:
        worker.stop()
    return {
        **counts,
        "worst-seconds": round(worst_seconds, 2),
        "worst-MB": round(worst_mb),
        "corpus": len(calendars),
        "failures": failures,
    }


def main() -> None:
    """Parse the options, fuzz, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang-seconds", type=float, default=10.0)
    parser.add_argument("--save", type=Path, default=None, help="folder for failing inputs")
    args = parser.parse_args()
    figures = run(args.minutes, args.seed, args.hang_seconds, args.save)
    keys = ("inputs", "refused", "accepted", "crashes", "hangs", "worst-seconds", "worst-MB")
    print(", ".join(keys))
    print(", ".join(str(figures[k]) for k in keys))
    print(f"(calendar corpus: {figures['corpus']} distinct real files)")
    for detail, n in sorted(figures["failures"].items(), key=lambda kv: -kv[1]):
        print(f"  {n} x {detail}")


if __name__ == "__main__":
    main()
