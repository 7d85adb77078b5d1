"""Every string of the command line and of the collaboration modules has a French translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from visitplanner import i18n

SRC = Path(__file__).parents[2] / "src" / "visitplanner"
FILES = [
    *sorted((SRC / "cli").glob("*.py")),
    *(SRC / "io" / n for n in ("itip_invite.py", "itip_replies.py", "caldav_sync.py")),
    *sorted((SRC / "ui").glob("collab*.py")),
]
#: Strings that read the same in French.
SAME = {
    "dates",
    "Invitations",
    "&Invitations…",
    ", score {score:g}",
    "{kind} — {day}, {start}-{end} ({zone} time)",
}


def _messages() -> list[tuple[str, str | tuple[str, str]]]:
    out: list[tuple[str, str | tuple[str, str]]] = []
    for path in FILES:
        keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
        for _line, message, _comments, _context in extract_from_file("python", path, keywords):
            out.append((path.name, message if isinstance(message, str) else tuple(message)))
    return out


@pytest.mark.parametrize(("file", "message"), _messages())
def test_translated_into_french(file: str, message: str | tuple[str, str]) -> None:
    catalogue = i18n.translations("fr")
    if isinstance(message, tuple):
        assert catalogue.ngettext(message[0], message[1], 2) != message[1], (file, message)
        return
    if message not in SAME:
        assert catalogue.gettext(message) != message, (file, message)
