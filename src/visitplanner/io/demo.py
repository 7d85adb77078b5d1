"""The bundled demo projects (one definition for the app and the command line)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_path(name: str = "paris-pb-visit.json") -> Path:
    """Path of a bundled demo project."""
    return Path(str(resources.files("visitplanner") / "resources" / "demo" / name))
