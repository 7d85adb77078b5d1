"""The entry point: the app, or the command line when the app cannot start."""

from __future__ import annotations

import sys

import pytest

from visitplanner.i18n import language
from visitplanner.launcher import main


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en_GB.UTF-8", "The desktop app cannot start here"),
        ("fr_FR.UTF-8", "L’application ne peut pas démarrer ici"),
    ],
)
def test_without_the_desktop_app_it_says_so_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    monkeypatch.setitem(sys.modules, "visitplanner.ui.app", None)  # as on a headless install
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)
    with language("en"):
        assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith(words) and "visitplanner --help" in err
