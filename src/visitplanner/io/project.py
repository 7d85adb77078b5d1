"""Project files: load and save (see ``project_read`` and ``project_write``)."""

from visitplanner.io.project_read import load_project, parse_project
from visitplanner.io.project_write import project_to_json, save_project

__all__ = ["load_project", "parse_project", "project_to_json", "save_project"]
