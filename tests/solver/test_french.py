"""The solver speaks French: every message of the rules has a translation, and it is used."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.solver.builders import activity, ann, bob, busy, place, schedule, tiny_visit
from visitplanner.i18n import language
from visitplanner.solver.checker import Checker

SRC = Path(__file__).resolve().parents[2] / "src" / "visitplanner"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def test_every_solver_message_has_a_french_translation_with_the_same_placeholders() -> None:
    with (SRC / "resources" / "locale" / "fr" / "solver.po").open("rb") as f:
        catalogue = read_po(f)
    found = 0
    for _file, _line, msg, _comments, _ctx in extract_from_dir(
        SRC / "solver", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found += 1
        entry = catalogue.get(msg if isinstance(msg, str) else msg[0])
        assert entry is not None and entry.string, msg
        english = msg if isinstance(msg, str) else msg[1]
        french = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in french:
            assert text, msg
            assert set(re.findall(r"\{\w+\}", text)) <= set(re.findall(r"\{\w+\}", english))
    assert found > 80


def test_a_problem_reads_in_french() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [activity("kickoff", "Kickoff", 60, required=("ann", "bob"))],
        free={"ann": busy((1, "10:00", "11:00")), "bob": busy((1, "10:00", "11:00"))},
    )
    with language("fr"):
        (v,) = (
            Checker(visit)
            .check(schedule(place("kickoff", 1, "10:00", "11:00", ["ann", "bob"])))
            .violations
        )
    assert v.label == "Les personnes requises sont disponibles"
    assert v.message == (
        "Ann Archer et Bob Brown ne sont pas disponibles pour « Kickoff » au jour 1 10:00-11:00"
    )
    assert v.details == (
        "Ann Archer n'est pas disponible de 10:00 à 11:00",
        "Bob Brown n'est pas disponible de 10:00 à 11:00",
    )
