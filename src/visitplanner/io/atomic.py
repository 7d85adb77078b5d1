"""Atomic file writes: a file is either the old one or the new one, never truncated.

The new content goes to a temporary file next to the target, is flushed to disk,
then renamed over the target. A symbolic link is followed (the file it points
to is replaced, the link stays a link). A new file gets the user's normal
permissions (0666 less the umask, e.g. 0644); an existing file keeps its mode.
Temporary files left behind by a killed program are removed on the next write.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 3600.0


def real_target(path: str | Path) -> Path:
    """Where a write to ``path`` really goes: the end of its symbolic links, if any."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def temp_name(target: Path) -> Path:
    """A fresh temporary name next to ``target`` (hidden, recognisable, unique)."""
    return target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync, and rename."""
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _sweep_stale(target)
    mode = _existing_mode(target)
    tmp = temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                with contextlib.suppress(OSError):
                    os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _existing_mode(target: Path) -> int | None:
    try:
        info = target.stat()
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _sweep_stale(target: Path) -> None:
    """Remove this file's temporary copies older than an hour (left by a killed save)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for old in target.parent.glob(f".{_glob_escape(target.name)}.*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                if now - old.stat().st_mtime > STALE_SECONDS and old.is_file():
                    old.unlink()


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)
