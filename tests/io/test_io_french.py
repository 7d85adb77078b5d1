"""Refusals of project files and calendars speak French when the user does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO
from visitplanner.i18n import language, translations
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import parse_project


def test_a_refused_project_is_explained_in_french() -> None:
    with language("fr"), pytest.raises(InputFileError) as info:
        parse_project(b'{"version": 1, "venues": "x"}', "visite.json")
    assert info.value.message == "Impossible d’ouvrir visite.json (venues) : une liste est attendue"


def test_every_io_message_has_a_french_translation() -> None:
    catalogue = translations("fr")
    missing = []
    for path in sorted((REPO / "src" / "visitplanner" / "io").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                text = node.args[0].value
                if catalogue.gettext(text) == text:
                    missing.append(f"{Path(path).name}: {text}")
    assert not missing, missing
