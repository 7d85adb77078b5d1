"""Refusals of project files and calendars speak French when the user does."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED
from tests.io.test_availability_csv import VISIT
from visitplanner.i18n import language, translations
from visitplanner.io.availability_csv import parse_availability_csv
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import read_calendar_bytes
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
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                text = node.args[0].value
                if catalogue.gettext(text) == text:
                    missing.append(f"{Path(path).name}: {text}")
    assert not missing, missing


#: the calls whose text the coordinator reads when a file is refused
_REFUSALS = {"RefusalError", "InputFileError", "_RowError"}


def test_every_refusal_in_io_is_worded_through_translation() -> None:
    written = []
    for path in sorted((REPO / "src" / "visitplanner" / "io").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in _REFUSALS
            ):
                continue
            for arg in node.args[1:] if node.func.id != "_RowError" else node.args:
                literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value
                if literal or isinstance(arg, ast.JoinedStr):
                    written.append(f"{path.name}:{node.lineno}")
    assert not written, written


def _refusal(data: bytes, lang: str) -> str | None:
    with language(lang):
        try:
            read_calendar_bytes(
                data, "cal.ics", "Europe/Paris", date(2026, 3, 2), date(2026, 3, 22)
            )
        except InputFileError as exc:
            return exc.problem
    return None


def _event(*lines: bytes) -> bytes:
    body = b"\r\n".join(lines)
    return b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + body + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def test_refused_calendars_of_the_corpus_are_explained_in_french() -> None:
    # Every refused real-world file, and hand-made ones for refusals the corpus lacks.
    files = [p.read_bytes() for p in sorted((SHARED / "ics-corpus").rglob("*.ics"))]
    files += [
        b"hello",
        _event(b"SUMMARY:Board", b"DTEND:20260302T090000"),
        _event(b"SUMMARY:Board", b"DTSTART:20260302T100000", b"DTSTART:20260302T110000"),
        _event(b"UID:b-1", b"DTSTART:2026030"),
        _event(b"DTSTART;TZID=Nowhere/Land:20260302T100000"),
        _event(b"DTSTART:20260302T100000", b"RRULE:FREQ=SECONDLY"),
        _event(b"DTSTART:20260302T100000", b"RRULE:FREQ=DAILY;INTERVAL=0"),
    ]
    english_left = []
    refused = 0
    for data in files:
        english = _refusal(data, "en")
        if english is None:
            continue
        refused += 1
        french = _refusal(data, "fr") or ""
        # a library's own reason, in brackets, stays as the library words it
        words = re.sub(r"\([^()]*\)$", "", french)
        if french == english or re.search(r"\b(the|of|repeats|line|cannot)\b", words):
            english_left.append(french)
    assert refused >= 10
    assert not english_left, english_left


def test_a_refused_event_is_named_in_french() -> None:
    data = _event(b"SUMMARY:Board", b"DTEND:20260302T090000")
    with language("fr"), pytest.raises(InputFileError) as info:
        read_calendar_bytes(data, "cal.ics", "Europe/Paris", date(2026, 3, 2), date(2026, 3, 22))
    assert info.value.message == (
        "Impossible d’ouvrir cal.ics (ligne 2) : "
        "l’événement « Board » à la ligne 2 n’a pas d’heure de début"
    )


def test_a_refused_availability_row_is_explained_in_french() -> None:
    with language("fr"), pytest.raises(InputFileError) as info:
        parse_availability_csv(b"nobody,2026-03-02,09:00,10:00,available\n", VISIT, "dispo.csv")
    assert info.value.message == (
        "Impossible d’ouvrir dispo.csv (ligne 1) : "
        "aucun participant n’a l’identifiant ou le nom « nobody »"
    )
