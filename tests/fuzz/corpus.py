"""Real-world calendars for fuzzing, found on any checkout.

Besides the shared corpus next to the repository (``../shared/ics-corpus``),
the test calendars that the installed ``icalendar`` and
``recurring-ical-events`` packages ship are used where they are installed (not
copied), so a fresh clone exercises several hundred real files.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

SHARED_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "ics-corpus"
PACKAGES = ("icalendar", "recurring_ical_events")
MAX_BYTES = 2 * 1024 * 1024


def package_dir(name: str) -> Path | None:
    """Where an installed package lives (None if it is not installed)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def corpus_sources() -> dict[str, list[Path]]:
    """Calendar files by source, before removing duplicates."""
    sources: dict[str, list[Path]] = {}
    if SHARED_CORPUS.is_dir():
        sources["shared ics-corpus"] = sorted(SHARED_CORPUS.rglob("*.ics"))
    for name in PACKAGES:
        folder = package_dir(name)
        if folder is not None:
            sources[f"{name} package"] = sorted(folder.rglob("*.ics"))
    return sources


@cache
def corpus_files() -> tuple[Path, ...]:
    """Every distinct calendar file (by content), small enough to mutate quickly."""
    seen: set[str] = set()
    out: list[Path] = []
    for paths in corpus_sources().values():
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen or len(data) > MAX_BYTES:
                continue
            seen.add(digest)
            out.append(path)
    return tuple(out)
