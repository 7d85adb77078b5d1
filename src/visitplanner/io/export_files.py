"""Files of a calendar export: safe names from people's names, all-or-nothing writing."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from visitplanner.domain import Project
from visitplanner.i18n import _

ALL_FILE = "all.ics"
MAX_STEM = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_TITLES = {
    "cllr", "councillor", "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor",
    "sir", "dame", "lord", "lady", "rev", "m", "mme", "mlle", "me", "pr", "hon",
}  # fmt: skip
_RESERVED = {"con", "prn", "aux", "nul", *(f"{d}{i}" for d in ("com", "lpt") for i in range(10))}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ExportError(ValueError):
    """The programme cannot be exported as it is; the message says why."""


@dataclass(frozen=True)
class ExportPlan:
    """What an export would write: every file, and those that exist already."""

    files: tuple[Path, ...]
    existing: tuple[Path, ...]


def slug(text: str) -> str:
    """``"Cllr Morag Baird"`` → ``"morag-baird"``: ASCII letters, digits and dashes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _NOT_SLUG.split(plain.lower()) if w]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    stem = "-".join(words)[:MAX_STEM].strip("-")
    return stem


def person_file_names(project: Project) -> dict[str, str]:
    """File name of each participant's calendar, from their name: safe, short and unique.

    Only ``a-z``, ``0-9`` and ``-`` are used, so a name can never point outside
    the chosen folder; the participant id is used when the name has no such
    characters, then ``participant``.
    """
    used = {ALL_FILE}
    names: dict[str, str] = {}
    for p in project.visit.participants:
        stem = slug(p.name) or slug(p.id) or "participant"
        if stem in _RESERVED:
            stem = f"{stem}-person"
        candidate, n = f"{stem}.ics", 1
        while candidate in used:
            n += 1
            candidate = f"{stem}-{n}.ics"
        used.add(candidate)
        names[p.id] = candidate
    return names


def one_line(text: str) -> str:
    """``text`` with line breaks and control codes turned into spaces (for .ics values)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def write_all(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (name → content) into ``folder``, all or nothing.

    The folder is created if new. Everything is written to a temporary folder
    inside it first; only when every file is complete are they moved into
    place (each move atomic). New files get the user's normal permissions;
    files replaced keep their mode.
    """
    for name in files:
        if Path(name).name != name or name in {"", ".", ".."}:
            raise ExportError(_("'{name}' is not a file name").format(name=name))
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", suffix=".tmp", dir=folder))
    try:
        for name, data in files.items():
            _write_new(staging / name, data, _mode_of(folder / name))
        for name in files:
            os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _mode_of(path: Path) -> int | None:
    try:
        info = path.lstat()
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _write_new(path: Path, data: bytes, mode: int | None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        if mode is not None:
            with contextlib.suppress(OSError):
                os.fchmod(handle.fileno(), mode)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
