"""Every string of the editing area has a French translation; plurals read properly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from visitplanner import i18n
from visitplanner.ui.calendar.blocks import people_text

UI = Path(__file__).resolve().parents[2] / "src" / "visitplanner" / "ui"
FILES = [
    "files.py",
    "exports.py",
    "recovery.py",
    "problems_panel.py",
    "problem_lines.py",
    "balance_panel.py",
    "unplaced_tray.py",
    "main_window.py",
    "solve_worker.py",
    "commands.py",
    "calendar/edits.py",
    "calendar/blocks.py",
    "calendar/scene.py",
]
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}


def _messages(name: str) -> list[str | tuple[str, str]]:
    found = extract_from_file("python", str(UI / name), keywords=KEYWORDS)
    return [message for _line, message, _comments, _context in found]


def _has_words(message: str) -> bool:
    return any(c.isalpha() for c in re.sub(r"\{[^}]*\}", "", message))


@pytest.mark.parametrize("name", FILES)
def test_every_string_has_a_french_translation(name: str) -> None:
    catalogue = i18n.translations("fr")
    untranslated = []
    for message in _messages(name):
        if isinstance(message, tuple):
            if catalogue.ngettext(message[0], message[1], 5) == message[1]:
                untranslated.append(message[1])
        elif catalogue.gettext(message) == message and _has_words(message):
            untranslated.append(message)
    allowed = {"Visit Planner", "{name}[*] — Visit Planner", "Programme", "Total", "Points"}
    assert [m for m in untranslated if m not in allowed] == []


def test_one_person_is_singular() -> None:
    with i18n.language("en"):
        assert (people_text(1), people_text(8)) == ("1 person", "8 people")
    with i18n.language("fr"):
        assert (people_text(1), people_text(8)) == ("1 personne", "8 personnes")
